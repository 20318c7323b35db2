// Property-based fuzzing of the HCL adapter, the rules and the quick fixes over mutated real files.
// `npm test` runs a bounded number of cases; `npm run fuzz` runs many more (FUZZ_RUNS).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { createSourceFile } from '../../server/src/engine/files';
import type { Declaration } from '../../server/src/engine/hclSymbols';
import type { SourceFile } from '../../server/src/engine/sourceFile';
import { contextFor } from '../../server/src/engine/moduleContext';
import type { Range } from '../../server/src/model/types';
import { defaultSchemas } from '../../server/src/schema/registry';
import { HclDocument } from '../../server/src/syntax/hcl/document';
import { applyEdits } from './inline';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const corpusDir = path.resolve(__dirname, '../../../shared/corpus');
const examplesDir = path.resolve(__dirname, '../../examples');

const seeds: string[] = [
  ...fs.readdirSync(corpusDir).filter((f) => /\.(tf|tfvars)$/.test(f)).map((f) => fs.readFileSync(path.join(corpusDir, f), 'utf8')),
  ...['complete/main.tf', 'mistakes/main.tf'].map((f) => fs.readFileSync(path.join(examplesDir, f), 'utf8')),
];

/** Pieces a typing user, a bad paste or a broken file can introduce. */
const NASTY = ['"', "'", '{', '}', '[', ']', '(', ')', '\n', '=', '${', '%{', '<<EOF\n', '<<-EOT\n', 'EOF\n', '/*', '*/', '#', '//', '\\', '\u0000', '\ud800', '\udc00', '😀', 'é', '\r\n', '\t', 'resource "alicloud_vpc_bgp_peer" "x" {\n', 'bfd_multi_hop = ', '  enable_bfd = true\n', '...', '.*.', '[*]', '?', ':'];

/** A mutation as data, so that a failing case prints in full and can be replayed. */
type Mutation =
  | { op: 'insert'; at: number; s: string }
  | { op: 'remove'; at: number; n: number }
  | { op: 'duplicate'; at: number; n: number }
  | { op: 'truncate'; at: number }
  | { op: 'duplicateLines'; at: number; n: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), s: fc.constantFrom(...NASTY) }),
  fc.record({ op: fc.constant('remove' as const), at: fc.nat(), n: fc.nat({ max: 40 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), n: fc.nat({ max: 200 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicateLines' as const), at: fc.nat(), n: fc.nat({ max: 5 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), s: fc.integer({ min: 100, max: 5000 }).map((n) => 'x'.repeat(n)) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    s: fc.tuple(fc.integer({ min: 50, max: 3000 }), fc.constantFrom('[', '{', '(', '${')).map(([n, open]) => `x = ${open.repeat(n)}\n`),
  }),
);

function apply(t: string, m: Mutation): string {
  switch (m.op) {
    case 'insert': return insert(t, m.at, m.s);
    case 'remove': return remove(t, m.at, m.n);
    case 'duplicate': return duplicate(t, m.at, m.n);
    case 'truncate': return t.slice(0, m.at % (t.length + 1));
    case 'duplicateLines': return duplicateLines(t, m.at, m.n);
  }
}

function insert(t: string, at: number, s: string): string {
  const i = at % (t.length + 1);
  return t.slice(0, i) + s + t.slice(i);
}
function remove(t: string, at: number, n: number): string {
  const i = at % (t.length + 1);
  return t.slice(0, i) + t.slice(i + n);
}
function duplicate(t: string, at: number, n: number): string {
  const i = at % (t.length + 1);
  return t.slice(0, i) + t.slice(i, i + n) + t.slice(i);
}
function duplicateLines(t: string, at: number, n: number): string {
  const lines = t.split('\n');
  const i = at % lines.length;
  lines.splice(i, 0, ...lines.slice(i, i + n));
  return lines.join('\n');
}

const fuzzCase = fc.record({
  seed: fc.nat({ max: seeds.length - 1 }),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }),
});

function slice(text: string, r: Range): string {
  const lines = text.split('\n');
  if (r.start.line === r.end.line) return (lines[r.start.line] ?? '').slice(r.start.character, r.end.character);
  return [(lines[r.start.line] ?? '').slice(r.start.character), ...lines.slice(r.start.line + 1, r.end.line), (lines[r.end.line] ?? '').slice(0, r.end.character)].join('\n');
}

function inDocument(r: Range, lines: string[]): boolean {
  const ok = (p: Range['start']) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  return ok(r.start) && ok(r.end) && (r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
}

const schemas = defaultSchemas();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const options = (runs: number): fc.Parameters<any> => ({ numRuns: runs, seed: SEED, endOnFailure: true, reporter: report });

/** Prints the original assertion message with fast-check's counterexample (its own report hides it). */
function report(out: fc.RunDetails<unknown>): void {
  if (!out.failed) return;
  const cause = out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance);
  throw new Error(`Property failed after ${out.numRuns} cases (seed ${out.seed}, path "${out.counterexamplePath}")\n${cause}\nCounterexample: ${fc.stringify(out.counterexample)}`);
}

/** Every declaration of a file, nested ones after their parent. */
function declarationsOf(f: SourceFile): Declaration[] {
  const out: Declaration[] = [];
  f.forEachDeclaration!((d) => out.push(d));
  return out;
}

test(`fuzz: mutated files never throw, every range lies in the document (${RUNS} cases)`, () => {
  fc.assert(
    fc.property(fuzzCase, ({ seed, mutations }) => {
      const text = mutations.reduce(apply, seeds[seed]);
      const file = createSourceFile('file:///fuzz.tf', undefined, text)!;
      const diagnostics = file.diagnostics(contextFor([file], schemas));
      // LSP lines: split on \n (a \r before it belongs to the line's end).
      const lines = text.split('\n');
      for (const d of diagnostics) assert.ok(inDocument(d.range, lines), `${d.code} ${JSON.stringify(d.range)} outside the document`);
    }),
    options(RUNS),
  );
});

test(`fuzz: incremental analysis after an edit equals a fresh analysis (${RUNS} cases)`, () => {
  fc.assert(
    fc.property(fuzzCase, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 30 }), fc.constantFrom(...NASTY, '')), { minLength: 1, maxLength: 8 }), ({ seed, mutations }, edits) => {
      const text = mutations.reduce(apply, seeds[seed]);
      const file = createSourceFile('file:///fuzz.tf', undefined, text)!;
      const doc = new HclDocument(text);
      for (const [at, len, s] of edits) {
        const a = at % (file.text.length + 1);
        const range = { start: doc.positionAt(a), end: doc.positionAt(Math.min(file.text.length, a + len)) };
        file.update([{ range, text: s }]);
        doc.update([{ range, text: s }]);
        file.diagnostics(contextFor([file], schemas)); // keep caches warm between edits
        declarationsOf(file); // and the outline kept with each chunk
      }
      const fresh = createSourceFile('file:///fuzz.tf', undefined, file.text)!;
      assert.deepEqual(declarationsOf(file), declarationsOf(fresh));
      const norm = (f: typeof file) => JSON.stringify(f.diagnostics(contextFor([f], schemas)).map((d) => [d.code, d.range, d.message]).sort());
      assert.equal(norm(file), norm(fresh));
    }),
    options(RUNS),
  );
});

test(`fuzz: every offered quick fix removes its finding, adds no error and stays inside its block (${Math.ceil(RUNS / 2)} cases)`, () => {
  fc.assert(
    fc.property(fuzzCase, ({ seed, mutations }) => {
      const text = mutations.reduce(apply, seeds[seed]);
      const file = createSourceFile('file:///fuzz.tf', undefined, text)!;
      const ctx = contextFor([file], schemas);
      const before = file.diagnostics(ctx);
      const syntaxBefore = before.filter((d) => d.code === 'syntax-error').length;
      // Fixes on broken syntax are best effort; the property is about analysable text.
      if (syntaxBefore > 0) return;
      // An error is identified by its code and the text it covers (messages may quote line numbers).
      const key = (t: string, d: { code: string; range: Range }) => d.code + ':' + slice(t, d.range);
      const errorKeys = new Set(before.filter((d) => d.severity === 'error').map((d) => key(text, d)));
      for (const d of before.slice(0, 10)) {
        for (const placed of file.findingsAt(d.range, ctx)) {
          const f = placed.value;
          if (f.code !== d.code || !f.instance) continue;
          for (const fix of f.fixes) {
            const edits = file.writer.render(fix.edits, f.instance, { base: placed.base, lineText: (l) => file.lineText(l) });
            // Edits never overlap each other and stay inside the instance's lines.
            const block = { start: placed.base + f.instance.range.start.line, end: placed.base + f.instance.range.end.line + 1 };
            for (const e of edits) assert.ok(e.range.start.line >= block.start && e.range.end.line <= block.end, `${fix.title} edits outside its block`);
            const after = applyEdits(text, edits);
            const next = createSourceFile('file:///fuzz.tf', undefined, after)!;
            const diags = next.diagnostics(contextFor([next], schemas));
            // Identical findings can repeat (a line pasted three times): this one must be gone.
            const like = (list: typeof diags) => list.filter((x) => x.code === f.code && x.message === f.message).length;
            assert.ok(like(diags) < like(before), `"${fix.title}" left ${f.code}: ${f.message}\n${after}`);
            // A rename can surface an error in the value the unknown name hid (`enable_bf = "yes"`):
            // that is the value's error, on the line the fix touched, not one the fix made.
            const touched = new Set(edits.map((e) => e.range.start.line));
            const surfaced = (x: { range: Range }) => fix.edits.every((e) => e.kind === 'rename') && touched.has(x.range.start.line);
            const newErrors = diags.filter((x) => x.severity === 'error' && !errorKeys.has(key(after, x)) && x.code !== 'syntax-error' && !surfaced(x));
            assert.deepEqual(newErrors.map((x) => `${x.code}: ${x.message}`), [], `"${fix.title}" introduced errors\n${after}`);
            assert.equal(diags.filter((x) => x.code === 'syntax-error').length, 0, `"${fix.title}" broke the syntax\n${after}`);
          }
        }
      }
    }),
    options(Math.ceil(RUNS / 2)),
  );
});
