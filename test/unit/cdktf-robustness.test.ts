/**
 * The CDKTF adapters never throw, whatever the text: each fixture of the case table, damaged at random (cut,
 * duplicated, unbalanced brackets and quotes inserted), is analysed, asked for completion and hover at random
 * places, and has every fix of every finding rendered. Every range stays inside the text.
 *
 * Run: npx tsx --test test/unit/cdktf-robustness.test.ts
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { complete } from '../../server/src/analysis/completion';
import { hover } from '../../server/src/analysis/hover';
import { createSourceFile } from '../../server/src/engine/files';
import { contextFor } from '../../server/src/engine/moduleContext';
import type { Range } from '../../server/src/model/types';
import { defaultSchemas } from '../../server/src/schema/registry';

const DIR = path.resolve(__dirname, '../fixtures/cdktf');
const FILES = ['cases.ts', 'cases.py', 'Cases.java', 'Cases.cs', 'cases.go'];
const JUNK = ['(', ')', '{', '}', '[', ']', '"', "'", '`', ',', '.', '=', ':', '\n', '/*', '#', '\\', 'new VpcBgpPeer(', '.build()', '"""', '${', '/* ( */', '# f(\n', '*+?'];

function inside(text: string, r: Range): boolean {
  const lines = text.split('\n');
  const ok = (p: Range['start']) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  return ok(r.start) && ok(r.end);
}

describe('CDKTF adapters on damaged text', () => {
  it('a comment between `self.`/`this.` and the variable is not part of its name (nor a broken pattern in messages)', () => {
    const schemas = defaultSchemas();
    const cases: [string, string][] = [
      ['x.py', 'class S(TerraformStack):\n    def __init__(self, scope, id):\n        self.  # see f(\n        peer = VpcBgpPeer(self, "p", bgp_group_id="bgpg-1", bfd_multi_hop=300)\n'],
      ['x.ts', 'class S extends TerraformStack {\n  constructor(scope: Construct, id: string) {\n    this. /* ( */ peer = new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1", bfdMultiHop: 300 });\n  }\n}\n'],
    ];
    for (const [name, text] of cases) {
      const file = createSourceFile(path.join(DIR, name), undefined, text)!;
      const codes = file.diagnostics(contextFor([file], schemas)).map((d) => d.code);
      assert.deepEqual(codes.sort(), ['bfd-multi-hop-without-bfd', 'value-out-of-range'], name);
      assert.match([...file.instances()][0].value.name, /^(self|this)\.peer$/);
    }
  });

  for (const name of FILES) {
    it(`${name}: never throws, ranges stay in the text`, () => {
      const original = fs.readFileSync(path.join(DIR, name), 'utf8');
      const schemas = defaultSchemas();
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat(original.length), fc.nat(40), fc.constantFrom(...JUNK)), { minLength: 1, maxLength: 6 }),
          fc.array(fc.nat(original.length), { minLength: 3, maxLength: 3 }),
          (mutations, probes) => {
            let text = original;
            for (const [at, cut, junk] of mutations) {
              const i = at % (text.length + 1);
              text = text.slice(0, i) + junk + text.slice(Math.min(text.length, i + cut));
            }
            const file = createSourceFile(path.join(DIR, name), undefined, text)!;
            const ctx = contextFor([file], schemas);
            for (const d of file.diagnostics(ctx)) assert.ok(inside(text, d.range), `${d.code} ${JSON.stringify(d.range)}`);
            const all = file.findingsAt({ start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } }, ctx);
            for (const { value: f, base } of all) {
              for (const fix of f.fixes) {
                for (const e of file.writer.render(fix.edits, f.instance!, { base, lineText: (l) => file.lineText(l) })) assert.ok(inside(text, e.range));
              }
            }
            const lines = text.split('\n');
            for (const p of probes) {
              const before = text.slice(0, p % (text.length + 1)).split('\n');
              const pos = { line: before.length - 1, character: before[before.length - 1].length };
              assert.ok(pos.line < lines.length);
              const at = file.cursorContext(pos);
              if (at) for (const item of complete(at.cursor, ctx, file.completionWriter)) assert.ok(inside(text, item.range));
              const loc = file.locate(pos);
              if (loc) hover(loc.instance, loc.rel, schemas);
            }
          },
        ),
        { numRuns: 60, seed: 20251126 },
      );
    });
  }
});
