/**
 * Incremental CDKTF parsing: after any edit, a file kept current edit by edit must be indistinguishable from a
 * file opened fresh with the same text — the same tokens (brackets included), the same instances where they now
 * are, the same diagnostics, cursor contexts and hovers — while a keystroke in a large stack re-matches only
 * the construct it touched.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CdktfFile } from '../../server/src/engine/cdktfFile';
import { contextFor } from '../../server/src/engine/moduleContext';
import type { Position } from '../../server/src/model/types';
import { defaultSchemas } from '../../server/src/schema/registry';
import { moved } from '../../server/src/syntax/cdktf/copies';
import type { CdktfInstance } from '../../server/src/syntax/cdktf/model';
import type { Tokens } from '../../server/src/syntax/cdktf/tokens';
import { prng } from '../helpers/random';
import { CDKTF_CONFIG_FIXTURES, CDKTF_FIXTURES, cdktfFixture } from '../helpers/cdktfFixtures';

const schemas = defaultSchemas();
const fixture = cdktfFixture;

/** What a typing user, a paste or a broken file can introduce, in every language. */
const PIECES = [
  '"', "'", '`', '{', '}', '(', ')', '[', ']', ',', '.', ':', '=', ';', '\n', '\n\n', '\r\n', '\t', ' ', '    ', 'x', '0', 'p',
  '/*', '*/', '//', '#', '"""', "'''", '@"', '$"', '${', '\\', '/', 'new ', ' as Peer', ' as ', 'self.', 'this.',
  'VpcBgpPeer', 'VpcBgpGroup', 'NewVpcBgpPeer', 'group', 'group.id', 'const g = ', 'g = ', 'g := ',
  'new VpcBgpPeer(this, "n", {\n  bfdMultiHop: 300,\n', 'VpcBgpPeer(self, "n",\n    bfd_multi_hop=300,\n',
  '.Builder.create(this, "n").bfdMultiHop(300)', '.build();\n', 'new VpcBgpPeerConfig { BfdMultiHop = 300 }',
  '&vpcbgppeer.VpcBgpPeerConfig{ BfdMultiHop: jsii.Number(300) }', 'bfdMultiHop: 0,', 'enable_bfd=True,', '...base, ', '**kwargs, ',
  // Properties set after a construct is built (`laterSets.ts`).
  'group.routerId = "vbr-2";\n', 'group.setRouterId("vbr-2");\n', 'group.addOverride("x", 1)', 'c33.enableBfd = true;\n', 'c33.SetEnableBfd(', '.enableBfd = ',
  'c33!.enableBfd = true;\n', '(c33 as any).addOverride("enable_bfd", true);\n', '!', ' as any)',
  'c33.AddOverride(jsii.String("enable_bfd"), jsii.Bool(true))\n', 'jsii.String("bfd_multi_hop")',
  // Values set later, checked where they are written (`laterValues.ts`), also across lines.
  'c33.bfdMultiHop = 0;\n', 'c33.bfd_multi_hop = 0\n', 'c33.putTimeouts({\n  create: "bad",\n', 'c33.put_timeouts(create="bad",\n', 'c33.put_timeouts()\n', 'c33.addOverride("timeouts.creat", "bad");\n', 'c33.setBfdMultiHop(0);\n', '"bad"',
  'c33.timeouts = {\n  create: "bad",\n', 'c33.bfdMultiHop =\n', 'c33.bfdMultiHop = Token.asNumber(\n',
  // What changes the scope a name is read in (`scopes.ts`): functions and their parameters, locals, classes.
  'function f(group) {\n', 'def f(self, group):\n', 'func f(group X) {\n', '(group) => ', 'group := x\n', 'let group = 1;', 'VpcBgpGroup group;', '}\n', 'class K {\n',
  // ... and which construct a set is on (`parse.ts`): a parameter of the variable's name, the variable reassigned.
  'function f(c33) {\n', 'def f(self, c33):\n', 'func f(c33 X) {\n', 'c33 = other;\n', 'c33 = other\n', 'this.c33 = x;\n', 'self.c33 = x\n',
  // ... bound again otherwise: a loop, `as`, a chain, a walrus, a list.
  'for c33 in x:\n', ' as c33', 'a = c33 = b', '(c33 := b)', 'c33, err = ', 'err, c33 := ', 'for _, c33 = range x {\n', 'c33: X = y\n', '[c33, q] = x;\n', 'for (c33 of x) ', ') {\n  C33 = other;\n', 'C33 = x', 'var C33 = new VpcBgpPeer(this, "n", ', 'VpcBgpPeer c33 = x;\n', 'this.c33.setEnableBfd(true);\n',
  // Python dicts unpacked as keyword arguments: a literal beside them, a variable's dict looked up above the call.
  ', **{"bfd_multi_hop": 0}', '**config', 'config = {"bfd_multi_hop": 300}\n', 'config["x"] = 1\n', 'config = {\n',
  // TypeScript configs typed apart: list elements, a function's returns, and a field without a modifier.
  'const l: VpcBgpPeerConfig[] = [{ bfdMultiHop: 0 }, {\n', ': Array<VpcBgpPeerConfig> = [{}, ', '(): VpcBgpPeerConfig {\n  const x = 1;\n  return { bfdMultiHop: 0 };\n',
  'return { bfdMultiHop: 300 };\n', 'if (x) {\n', '  group = new VpcBgpGroup(this, "g", {});\n',
  // C#'s target-typed construction.
  'VpcBgpPeer t = new(this, "n", ', 'VpcBgpPeer t = new(', ' = new(',
  // Brackets opened and closed on one line, the most typed shape (see 'an edit inside brackets of one line').
  'new VpcBgpPeer(this, "n", { bfdMultiHop: 3 })', 'c33.setDescription("x");\n', '.bfdMultiHop(3)', '{ bfdMultiHop: 3 }', '(c33)', '(x, c33)',
];

/** The tokens as comparable rows. */
function tokenRows(tk: Tokens | undefined): string[] {
  if (!tk) return [];
  const rows = [`n=${tk.n} openEnded=${tk.firstOpenEnded}`];
  for (let i = 0; i < tk.n; i++) rows.push([tk.kind[i], tk.start[i], tk.end[i], tk.line[i], tk.first[i], tk.closeOf[i], tk.extent[i], tk.up[i]].join(' '));
  return rows;
}

/** Instances where they are now (positions plus the construct's shift), schemas by name only. */
function instancesNow(f: CdktfFile): string {
  const list = [...f.instances()].map(({ value, base }) => moved(value, base));
  return JSON.stringify(list, (k, v) => (k === 'schema' ? v.type : v), 1);
}

function diagnostics(f: CdktfFile) {
  return f.diagnostics(contextFor([f], schemas));
}

function assertSame(f: CdktfFile, what: string, rnd: () => number): void {
  const fresh = new CdktfFile(f.language, f.text, schemas);
  // The module signature sums the constructs' facts: kept current edit by edit, it must be the fresh one.
  assert.equal(contextFor([f], schemas).signature, contextFor([fresh], schemas).signature, `${what}: module signature`);
  assert.deepEqual(diagnostics(f), diagnostics(fresh), `${what}: diagnostics`);
  assert.equal(instancesNow(f), instancesNow(fresh), `${what}: instances`);
  assert.deepEqual(tokenRows(f.tokens()), tokenRows(fresh.tokens()), `${what}: tokens`);
  // A few cursor positions: what completion and hover see.
  const lines = f.text.split('\n');
  for (let k = 0; k < 3; k++) {
    const line = Math.floor(rnd() * lines.length);
    const pos: Position = { line, character: Math.floor(rnd() * (lines[line].length + 1)) };
    assert.equal(JSON.stringify(f.cursorContext(pos)), JSON.stringify(fresh.cursorContext(pos)), `${what}: cursor at ${line}:${pos.character}`);
    assert.equal(JSON.stringify(f.locate(pos)), JSON.stringify(fresh.locate(pos)), `${what}: locate at ${line}:${pos.character}`);
    // What code actions see: fresh findings, with fixes, on a few lines.
    const range = { start: pos, end: { line: Math.min(lines.length - 1, line + 5), character: 0 } };
    const bySchemaName = (k: string, v: unknown) => (k === 'schema' ? (v as { type: string }).type : v);
    const ctx = contextFor([f], schemas);
    assert.equal(JSON.stringify(f.findingsAt(range, ctx), bySchemaName), JSON.stringify(fresh.findingsAt(range, contextFor([fresh], schemas)), bySchemaName), `${what}: findings at ${line}`);
  }
}

/** A random edit at a position: insert a piece, delete a few characters, or both; sometimes duplicate a line. */
function randomEdit(text: string, rnd: () => number): { start: Position; end: Position; insert: string } {
  const lines = text.split('\n');
  const line = Math.floor(rnd() * lines.length);
  const ch = Math.floor(rnd() * (lines[line].length + 1));
  const start = { line, character: ch };
  const r = rnd();
  if (r < 0.1) return { start: { line, character: 0 }, end: { line, character: 0 }, insert: lines[Math.floor(rnd() * lines.length)] + '\n' };
  if (r < 0.15) {
    // Delete whole lines (across constructs).
    const to = Math.min(lines.length - 1, line + 1 + Math.floor(rnd() * 4));
    return { start: { line, character: 0 }, end: { line: to, character: 0 }, insert: '' };
  }
  const del = rnd() < 0.35 ? Math.floor(rnd() * 12) : 0;
  const endLine = del > lines[line].length - ch && line + 1 < lines.length && rnd() < 0.5 ? line + 1 : line;
  const end = endLine === line ? { line, character: Math.min(lines[line].length, ch + del) } : { line: endLine, character: Math.min(lines[endLine].length, del) };
  return { start, end, insert: rnd() < 0.8 ? PIECES[Math.floor(rnd() * PIECES.length)] : '' };
}

describe('CDKTF incremental parsing', () => {
  for (const [name, language] of [...CDKTF_FIXTURES, ...CDKTF_CONFIG_FIXTURES]) {
    it(`${language} (${name}): after each of 300 random edits the file equals a fresh one (tokens, instances, diagnostics, cursor)`, () => {
      const rnd = prng(0x5eed + name.length * 31 + language.length);
      const original = fixture(name);
      let f = new CdktfFile(language, original, schemas);
      diagnostics(f);
      for (let k = 0; k < 300; k++) {
        // Every 60 edits, start again from the fixture so that the file stays recognisable.
        if (k % 60 === 0 && k) {
          f = new CdktfFile(language, original, schemas);
          diagnostics(f);
        }
        const e = randomEdit(f.text, rnd);
        f.update([{ range: { start: e.start, end: e.end }, text: e.insert }]);
        assertSame(f, `${name}, edit ${k} (${JSON.stringify(e)})`, rnd);
      }
    });
  }

  /** Configs typed apart in TypeScript (list elements, returns after statements, a field without a modifier) and values set over several lines. */
  const FORMS: [CdktfFile['language'], string][] = [
    ['typescript', 'import { VpcBgpPeer, VpcBgpPeerConfig } from "./.gen/providers/alicloud/vpc-bgp-peer";\nclass S\n  extends TerraformStack {\n    private a = 1;\n    group = new VpcBgpGroup(this, "g", { routerId: "vbr-1", peerAsn: 65001, ipVersion: "IPv6" });\n    other = 1;\n    peerConfig(fast: boolean): VpcBgpPeerConfig {\n      const x = 1;\n      if (fast) {\n        return { bgpGroupId: this.group.id, bfdMultiHop: 300 };\n      }\n      return { bgpGroupId: "g", bfdMultiHop: 0 };\n    }\n    constructor(scope: Construct, id: string) {\n      super(scope, id);\n      const c33 = new VpcBgpPeer(this, "p", { bgpGroupId: this.group.id, peerIpAddress: "10.0.0.2" });\n      const l: Array<VpcBgpPeerConfig> = [\n        { bfdMultiHop: 0 },\n        base,\n        { bgpGroupId: group.id, bfdMultiHop: 999 },\n      ];\n      c33.timeouts = {\n        create: "bad",\n      };\n      c33.bfdMultiHop = Token.asNumber(\n        "300"\n      );\n      c33.ipVersion =\n        "IPv5";\n    }\n}\n'],
    ['python', 'from imports.alicloud.vpc_bgp_peer import VpcBgpPeer, VpcBgpPeerTimeouts\n\nclass S(TerraformStack):\n    def __init__(self, scope, id):\n        super().__init__(scope, id)\n        c33 = VpcBgpPeer(self, "p", bgp_group_id="g")\n        c33.bfd_multi_hop = (\n            300)\n        c33.timeouts = VpcBgpPeerTimeouts(\n            create="bad",\n        )\n        c33.put_timeouts(\n            create="5x")\n        c33.ip_version = "IPv5"\n'],
    ['csharp', 'class S : TerraformStack {\n    public S(Construct scope, string id) : base(scope, id) {\n        var c33 = new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = "g" });\n        c33.Timeouts = new VpcBgpPeerTimeouts\n        {\n            Create = "5x",\n        };\n        c33.BfdMultiHop =\n            0;\n        c33.IpVersion = "IPv5"\n            + x;\n    }\n}\n'],
  ];
  for (const [language, original] of FORMS) {
    it(`${language}: configs typed apart and values set over several lines, after 200 random edits, equal a fresh file`, () => {
      const rnd = prng(0x70f5 + language.length);
      let f = new CdktfFile(language, original, schemas);
      diagnostics(f);
      for (let k = 0; k < 200; k++) {
        if (k % 50 === 0 && k) {
          f = new CdktfFile(language, original, schemas);
          diagnostics(f);
        }
        const e = randomEdit(f.text, rnd);
        f.update([{ range: { start: e.start, end: e.end }, text: e.insert }]);
        assertSame(f, `edit ${k} (${JSON.stringify(e)})`, rnd);
      }
    });
  }

  /** A multi-line string left open on line 1: a scan of it reads the whole rest of the file. */
  const OPENERS: Record<string, string[]> = { typescript: ['`open ${x', '`open'], python: ['"""open'], java: ['"""'], csharp: ['"""'], go: ['`open'] };
  for (const [name, language] of CDKTF_FIXTURES) {
    for (const opener of OPENERS[language]) {
      it(`${language}: under ${opener} left open at the top, 150 random edits still give a fresh file`, () => {
        const rnd = prng(0x0be4 + name.length * 17 + opener.length);
        const lines = fixture(name).split('\n');
        const original = [lines[0], opener, ...lines.slice(1)].join('\n');
        let f = new CdktfFile(language, original, schemas);
        diagnostics(f);
        assert.ok(f.tokens()!.firstOpenEnded < f.tokens()!.n, 'the opener is open-ended');
        for (let k = 0; k < 150; k++) {
          if (k % 50 === 0 && k) {
            f = new CdktfFile(language, original, schemas);
            diagnostics(f);
          }
          const e = randomEdit(f.text, rnd);
          // Below the opener's line, where the shortcut applies.
          if (e.start.line < 2) continue;
          f.update([{ range: { start: e.start, end: e.end }, text: e.insert }]);
          assertSame(f, `${name}, edit ${k} (${JSON.stringify(e)})`, rnd);
        }
      });
    }
  }

  it('several changes in one notification, and a whole-text replacement', () => {
    const f = new CdktfFile('typescript', fixture('cases.ts'), schemas);
    diagnostics(f);
    f.update([
      { range: { start: { line: 30, character: 0 }, end: { line: 30, character: 0 } }, text: '\n\n' },
      { range: { start: { line: 12, character: 4 }, end: { line: 14, character: 2 } }, text: 'x' },
      { range: { start: { line: 40, character: 6 }, end: { line: 40, character: 6 } }, text: 'bfdMultiHop: 999,\n' },
    ]);
    assertSame(f, 'three changes', prng(1));
    f.update([{ text: fixture('cases.ts').replace('"c01"', '"renamed"') }]);
    assertSame(f, 'replaced', prng(2));
  });

  it('a set below an edit whose call a stray closer leaves ending by the indentation reads its value again when the edit regroups it', () => {
    const text =
      'class S extends TerraformStack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n' +
      '    const p0 = new VpcBgpPeer(this, "p0", { bgpGroupId: "g", bfdMultiHop: 3 });\n' +
      '    p0.putTimeouts({ create: "5m" });\n' +
      '    const p1 = new VpcBgpPeer(this, "p1", { bgpGroupId: "g", bfdMultiHop: 3 });\n' +
      '    p1.putTimeouts({ create: "5m" });\n  }\n}\n';
    const f = new CdktfFile('typescript', text, schemas);
    diagnostics(f);
    // `p1.putTimeouts({ create: }"5m" });`: the `(` ends unclosed at the stray `}`, by the indentation of the
    // lines below; a line break in p0's config then makes a line at column 0 above, and the `(` closes at `)`.
    f.update([{ range: { start: { line: 6, character: 29 }, end: { line: 6, character: 29 } }, text: '}' }]);
    f.update([{ range: { start: { line: 3, character: 44 }, end: { line: 3, character: 44 } }, text: '\n' }]);
    const fresh = new CdktfFile('typescript', f.text, schemas);
    const at = { line: 7, character: 22 };
    assert.equal(f.lineText(7), '    p1.putTimeouts({ create: }"5m" });');
    const seen = fresh.cursorContext(at)?.cursor;
    assert.ok(seen && seen.mode !== 'resourceType' && seen.instance.name === 'p1', 'a fresh parse sees the struct of p1');
    // Before, the set kept the value read before the line break (none): no completion or hover in it.
    const now = f.cursorContext(at)?.cursor;
    assert.ok(now && now.mode !== 'resourceType' && now.instance.name === 'p1', 'the edited file sees the struct of p1');
    assert.equal(JSON.stringify(f.cursorContext(at)), JSON.stringify(fresh.cursorContext(at)));
    assertSame(f, 'regrouped', prng(3));
  });
});

describe('CDKTF incremental parsing: cost', () => {
  for (const language of ['typescript', 'python'] as const) {
    const construct = (i: number) =>
      language === 'typescript'
        ? `    const p${i} = new VpcBgpPeer(this, "p${i}", {\n      bgpGroupId: g.id,\n      bfdMultiHop: ${i % 255},\n    });\n`
        : `        p${i} = VpcBgpPeer(self, "p${i}",\n            bgp_group_id=g.id,\n            bfd_multi_hop=${i % 255},\n        )\n`;
    const head =
      language === 'typescript'
        ? 'class S extends TerraformStack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n    const g = new VpcBgpGroup(this, "g", { routerId: "vbr-1", peerAsn: 65001 });\n'
        : 'class S(TerraformStack):\n    def __init__(self, scope, id):\n        super().__init__(scope, id)\n        g = VpcBgpGroup(self, "g", router_id="vbr-1", peer_asn=65001)\n';

    /**
     * A 3,000-construct stack (`extra` lines after the head), kept current through three keystrokes in construct
     * 1500: each re-matches at most its own construct, and leaves the file as a fresh parse would.
     */
    const typeInConstruct1500 = (extra: string) => {
      const text = head + extra + Array.from({ length: 3000 }, (_, i) => construct(i)).join('') + (language === 'typescript' ? '  }\n}\n' : '');
      const f = new CdktfFile(language, text, schemas);
      diagnostics(f);
      const line = 4 + extra.split('\n').length - 1 + 1500 * 4 + 2; // the bfdMultiHop line of construct 1500
      const col = f.lineText(line).length;
      for (const [edit, typed] of [[{ line, character: col - 1 }, '9'], [{ line: line - 1, character: 8 }, 'x'], [{ line: line + 1, character: 0 }, '\n']] as const) {
        f.update([{ range: { start: edit, end: edit }, text: typed }]);
        assert.equal(f.parses, 1, 'never parsed again from scratch');
        assert.ok(f.rematched <= 2, `${f.rematched} class names matched again`);
        assertSame(f, `typed ${JSON.stringify(typed)} at ${edit.line}:${edit.character}`, prng(edit.line));
      }
      return { f, line };
    };

    it(`${language}: a keystroke in a 3,000-construct stack re-matches only the construct it is in`, () => {
      typeInConstruct1500('');
    });

    it(`${language}: a construct typed at column 0 above the indented ones re-matches only itself, though its open call holds them all`, () => {
      const text = head + Array.from({ length: 3000 }, (_, i) => construct(i)).join('') + (language === 'typescript' ? '  }\n}\n' : '');
      const f = new CdktfFile(language, text, schemas);
      diagnostics(f);
      const typed = language === 'typescript' ? 'new VpcBgpPeer(this, "x", {' : 'VpcBgpPeer(self, "x",';
      let character = 0;
      for (const ch of typed) {
        f.update([{ range: { start: { line: 4, character }, end: { line: 4, character } }, text: ch }]);
        character++;
        assert.equal(f.parses, 1, 'never parsed again from scratch');
        assert.ok(f.rematched <= 2, `typing ${JSON.stringify(ch)}: ${f.rematched} class names matched again`);
        if ('({,'.includes(ch)) assertSame(f, `typed ${JSON.stringify(typed.slice(0, character))}`, prng(character));
      }
    });

    it(`${language}: under a multi-line string left open at the top, a keystroke still re-matches only its construct`, () => {
      const { f, line } = typeInConstruct1500(language === 'typescript' ? '    const doc = `never closed\n' : '        doc = """never closed\n');
      // Closing the string below does read everything from it again: the constructs in between are now in it.
      const close = language === 'typescript' ? '`' : '"""';
      f.update([{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: close }]);
      assert.ok(f.constructs().length < 1600, `${f.constructs().length} constructs left`);
      assertSame(f, 'closed', prng(1));
    });
  }
});

describe('CDKTF incremental parsing: many constructs of one variable name', () => {
  const forms: [CdktfFile['language'], (i: number) => string][] = [
    ['typescript', (i) => `function f${i}() {\n  const peer = new VpcBgpPeer(this, "p${i}", { bgpGroupId: "g", bfdMultiHop: 10 });\n  peer.enableBfd = true;\n  peer.description = "x";\n}\n`],
    ['python', (i) => `def f${i}(self):\n    peer = VpcBgpPeer(self, "p${i}", bgp_group_id="g", bfd_multi_hop=10)\n    peer.enable_bfd = True\n    peer.description = "x"\n\n`],
    ['java', (i) => `class C${i} {\n    void f() {\n        VpcBgpPeer peer = VpcBgpPeer.Builder.create(this, "p${i}").bgpGroupId("g").bfdMultiHop(10).build();\n        peer.setEnableBfd(true);\n        peer.setDescription("x");\n    }\n}\n`],
  ];
  for (const [language, fn] of forms) {
    it(`${language}: a keystroke in a set of a \`peer\` in each of 500 functions looks at a few of them, not each one per set`, () => {
      const text = Array.from({ length: 500 }, (_, i) => fn(i)).join('');
      const f = new CdktfFile(language, text, schemas);
      diagnostics(f);
      const lines = text.split('\n');
      const line = lines.findIndex((l, i) => i > lines.length / 2 && l.includes('"x"'));
      const at = { line, character: lines[line].indexOf('"x"') + 1 };
      f.update([{ range: { start: at, end: at }, text: 'y' }]);
      // Each of the 1,000 sets of the name looks at the constructs in scope around it: one, not 500.
      assert.ok(f.scopeLookups <= 2 * 1000, `${f.scopeLookups} look-ups`);
      assertSame(f, 'typed', prng(1));
    });
  }
});

describe('CDKTF incremental parsing: an edit inside brackets of one line', () => {
  /** Construct `i` and a set on its variable, each on one line, in a stack of them. */
  const forms: [CdktfFile['language'], string, (i: number) => string, string][] = [
    [
      'typescript',
      'class S extends TerraformStack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n    const g = new VpcBgpGroup(this, "g", { routerId: "vbr-1", peerAsn: 65001 });\n',
      (i) => `    const p${i} = new VpcBgpPeer(this, "p${i}", { bgpGroupId: g.id, bfdMultiHop: 3 });\n    p${i}.putTimeouts({ create: "5m" });\n`,
      '  }\n}\n',
    ],
    [
      'python',
      'class S(TerraformStack):\n    def __init__(self, scope, id):\n        super().__init__(scope, id)\n        g = VpcBgpGroup(self, "g", router_id="vbr-1", peer_asn=65001)\n',
      (i) => `        p${i} = VpcBgpPeer(self, "p${i}", bgp_group_id=g.id, bfd_multi_hop=3)\n        p${i}.put_timeouts(create="5m")\n`,
      '',
    ],
    ['java', '', (i) => `class C${i} {\n    void f() {\n        VpcBgpPeer p${i} = VpcBgpPeer.Builder.create(this, "p${i}").bgpGroupId("g").bfdMultiHop(3).build();\n        p${i}.setDescription("x");\n    }\n}\n`, ''],
  ];
  const stack = (head: string, construct: (i: number) => string, tail: string, n: number) => head + Array.from({ length: n }, (_, i) => construct(i)).join('') + tail;
  /** Lines whose brackets all close on them. */
  const oneLine = (l: string) => {
    let depth = 0;
    for (const c of l) {
      depth += '([{'.includes(c) ? 1 : ')]}'.includes(c) ? -1 : 0;
      if (depth < 0) return false;
    }
    return depth === 0 && /[([{]/.test(l);
  };

  for (const [language, head, construct, tail] of forms) {
    it(`${language}: a keystroke in the brackets of a construct or a set written on one line, among 2,000, resolves and places no other construct again`, () => {
      const text = stack(head, construct, tail, 2000);
      const f = new CdktfFile(language, text, schemas);
      diagnostics(f);
      const lines = text.split('\n');
      const first = lines.findIndex((l) => l.includes('"p1000"'));
      // The construct's last argument, and the set's.
      for (const line of [first, first + 1]) {
        const at = { line, character: lines[line].lastIndexOf(')') - (line === first && language === 'typescript' ? 3 : 1) };
        f.update([{ range: { start: at, end: at }, text: '4' }]);
        // Before, a group opened on the edited line counted as a scope changed anywhere: 2,000 constructs were
        // resolved again, and the sets of 2,000 variables placed again.
        assert.ok(f.scopeLookups <= 8, `${f.scopeLookups} scope look-ups`);
        assert.ok(f.resolvedAgain <= 2, `${f.resolvedAgain} constructs resolved again`);
        assertSame(f, `typed at ${line}:${at.character}`, prng(line));
      }
    });

    it(`${language}: 200 random edits within lines whose brackets close on them leave a file equal to a fresh one`, () => {
      // The second seed made a set's value go stale after an edit above regrouped its brackets (see 'a set below an
      // edit whose call a stray closer leaves ending by the indentation').
      for (const seed of [0x1b7e, 0x333a]) {
        const rnd = prng(seed + language.length);
        const original = stack(head, construct, tail, 12);
        let f = new CdktfFile(language, original, schemas);
        diagnostics(f);
        for (let k = 0; k < 200; k++) {
          if (k % 40 === 0 && k) {
            f = new CdktfFile(language, original, schemas);
            diagnostics(f);
          }
          const lines = f.text.split('\n');
          const candidates = lines.flatMap((l, i) => (oneLine(l) ? [i] : []));
          if (!candidates.length) continue;
          const line = candidates[Math.floor(rnd() * candidates.length)];
          // Between the first opener and the last closer of the line.
          const lo = lines[line].search(/[([{]/) + 1;
          const hi = Math.max(lo, lines[line].lastIndexOf(')'), lines[line].lastIndexOf(']'), lines[line].lastIndexOf('}'));
          const start = lo + Math.floor(rnd() * (hi - lo + 1));
          const end = Math.min(hi, start + (rnd() < 0.3 ? Math.floor(rnd() * 6) : 0));
          const insert = rnd() < 0.85 ? PIECES[Math.floor(rnd() * PIECES.length)] : '';
          const e = { start: { line, character: start }, end: { line, character: end }, insert };
          f.update([{ range: { start: e.start, end: e.end }, text: e.insert }]);
          assertSame(f, `seed ${seed}, edit ${k} (${JSON.stringify(e)})`, rnd);
        }
      }
    });
  }
});

describe('CDKTF incremental parsing: an edit in a literal on a line that opens a construct', () => {
  const forms: [CdktfFile['language'], string, (i: number) => string, string][] = [
    [
      'typescript',
      'class S extends TerraformStack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n    const g = new VpcBgpGroup(this, "g", { routerId: "vbr-1", peerAsn: 65001 });\n',
      (i) => `    const p${i} = new VpcBgpPeer(this, "p${i}", {\n      bgpGroupId: g.id, bfdMultiHop: ${i % 9},\n    });\n    p${i}.putTimeouts({ create: "5m" });\n`,
      '  }\n}\n',
    ],
    [
      'python',
      'class S(TerraformStack):\n    def __init__(self, scope, id):\n        super().__init__(scope, id)\n        g = VpcBgpGroup(self, "g", router_id="vbr-1", peer_asn=65001)\n',
      (i) => `        p${i} = VpcBgpPeer(self, "p${i}", bfd_multi_hop=${i % 9},\n            bgp_group_id=g.id,\n        )\n        p${i}.put_timeouts(create="5m")\n`,
      '',
    ],
    ['java', '', (i) => `class C${i} {\n    void f() {\n        VpcBgpPeer p${i} = VpcBgpPeer.Builder.create(this, "p${i}")\n            .bfdMultiHop(${i % 9}).build();\n        p${i}.setDescription("x");\n    }\n}\n`, ''],
  ];
  const stack = (head: string, construct: (i: number) => string, tail: string, n: number) => head + Array.from({ length: n }, (_, i) => construct(i)).join('') + tail;

  for (const [language, head, construct, tail] of forms) {
    it(`${language}: typing in the id of a construct among 2,000 whose call spans lines resolves and places no other construct again`, () => {
      const text = stack(head, construct, tail, 2000);
      const f = new CdktfFile(language, text, schemas);
      diagnostics(f);
      const lines = text.split('\n');
      const line = lines.findIndex((l) => l.includes('"p1000"'));
      const at = { line, character: lines[line].indexOf('"p1000"') + 3 };
      f.update([{ range: { start: at, end: at }, text: '4' }]);
      // Before, the groups the line opens (re-scanned) counted as scopes that may end elsewhere: 2,000 constructs
      // resolved again, and the sets of 2,000 variables placed again.
      assert.ok(f.scopeLookups <= 8, `${f.scopeLookups} scope look-ups`);
      assert.ok(f.resolvedAgain <= 2, `${f.resolvedAgain} constructs resolved again`);
      assertSame(f, 'typed in the id', prng(line));
    });

    it(`${language}: 200 random edits in and around literals leave a file equal to a fresh one`, () => {
      const rnd = prng(0x717e + language.length);
      const original = stack(head, construct, tail, 12);
      let f = new CdktfFile(language, original, schemas);
      diagnostics(f);
      const typed = ['4', 'x', ' ', '"', "'", '\\', '(', ')', '{', '}', ',', '\n', 'if', '=> ', ';', ...PIECES];
      for (let k = 0; k < 200; k++) {
        if (k % 40 === 0 && k) {
          f = new CdktfFile(language, original, schemas);
          diagnostics(f);
        }
        const lines = f.text.split('\n');
        const spots = lines.flatMap((l, i) => [...l.matchAll(/"[^"\n]*"|\d+/g)].map((m) => [i, m.index!, m.index! + m[0].length]));
        if (!spots.length) break;
        const [line, lo, hi] = spots[Math.floor(rnd() * spots.length)];
        const start = lo + Math.floor(rnd() * (hi - lo + 1));
        const end = Math.min(hi, start + (rnd() < 0.3 ? Math.floor(rnd() * 4) : 0));
        const insert = rnd() < 0.7 ? typed[Math.floor(rnd() * (rnd() < 0.7 ? 15 : typed.length))] : '';
        const e = { start: { line, character: start }, end: { line, character: end }, insert };
        f.update([{ range: { start: e.start, end: e.end }, text: e.insert }]);
        assertSame(f, `edit ${k} (${JSON.stringify(e)})`, rnd);
      }
    });
  }
});

describe('CDKTF incremental parsing: what the whole file shares', () => {
  const text = `import { VpcBgpPeer } from "./.gen/providers/alicloud/vpc-bgp-peer";
import { VpcBgpGroup } from "./.gen/providers/alicloud/vpc-bgp-group";

class S extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const group = new VpcBgpGroup(this, "group", { routerId: "vbr-1", peerAsn: 65001 });
    // Far enough below that a keystroke in the group does not touch the tokens the peers were matched from.
    const a = [1, 2, 3].map((x) => x * 2);
    const b = a.filter((x) => x > 2);
    new VpcBgpPeer(this, "p1", { bgpGroupId: group.id, bfdMultiHop: 300 });
    new Peer(this, "p2", { bgpGroupId: group.id, bfdMultiHop: 300 });
  }
}
`;
  const edit = (f: CdktfFile, find: string, replace: string, after = 0) => {
    const at = f.text.indexOf(find, after);
    assert.ok(at >= 0, find);
    const before = f.text.slice(0, at).split('\n');
    const start = { line: before.length - 1, character: before[before.length - 1].length };
    const lines = (f.text.slice(0, at) + find).split('\n');
    f.update([{ range: { start, end: { line: lines.length - 1, character: lines[lines.length - 1].length } }, text: replace }]);
  };

  it('renaming a variable resolves the references to it again, elsewhere in the file', () => {
    const f = new CdktfFile('typescript', text, schemas);
    diagnostics(f);
    edit(f, 'const group', 'const grp');
    assertSame(f, 'variable renamed', prng(3));
    const peer = [...f.instances()].find((i) => i.value.name === '' && i.value.type === 'alicloud_vpc_bgp_peer')!.value;
    assert.equal(peer.attributes.find((a) => a.name === 'bgp_group_id')!.value.kind, 'unknown', 'group.id no longer names a construct');
    edit(f, 'const grp', 'const group');
    assertSame(f, 'variable renamed back', prng(4));
  });

  it('a field without a modifier is this.field while its group is a class body: an edit to the header above names it again', () => {
    const ts = 'export class S\n  extends TerraformStack {\n    private a = 1;\n    private b = 2;\n    private c = 3;\n    group = new VpcBgpGroup(this, "g", { routerId: "vbr-1", peerAsn: 65001, ipVersion: "IPv6" });\n    other = 1;\n    constructor(scope: Construct, id: string) {\n      super(scope, id);\n      new VpcBgpPeer(this, "p", { bgpGroupId: this.group.id, peerIpAddress: "10.0.0.2" });\n    }\n}\n';
    const f = new CdktfFile('typescript', ts, schemas);
    const names = () => [...f.instances()].map(({ value }) => value.name).filter(Boolean);
    assert.deepEqual(names(), ['this.group']);
    assert.ok(diagnostics(f).some((d) => d.code === 'group-ip-version-mismatch'));
    // The class closed on its header's second line: what follows is a function's body, the field an assignment.
    edit(f, '  extends TerraformStack {', '  extends TerraformStack {}\nfunction init() {');
    assertSame(f, 'no class any more', prng(31));
    assert.deepEqual(names(), ['group']);
    edit(f, '  extends TerraformStack {}\nfunction init() {', '  extends TerraformStack {');
    assertSame(f, 'a class again', prng(32));
    assert.deepEqual(names(), ['this.group']);
    // The field moved into a method's body by a header typed above it: an assignment there.
    edit(f, '    group = new', '    init() {\n      group = new');
    edit(f, '    other = 1;', '    }\n    other = 1;');
    assertSame(f, 'in a method', prng(33));
    assert.deepEqual(names(), ['group']);
    // At the top, outside the class its lines are indented for: a class body again when the `}` that ended it
    // early, lines above, is removed.
    const top = new CdktfFile('typescript', 'class T extends TerraformStack {\n}\n  private a = 1;\n  private b = 2;\n  group = new VpcBgpGroup(this, "g", { routerId: "vbr-1", peerAsn: 65001 });\n', schemas);
    const topNames = () => [...top.instances()].map(({ value }) => value.name);
    assert.deepEqual(topNames(), ['group']);
    top.update([{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: '' }]);
    assertSame(top, 'in the class body', prng(34));
    assert.deepEqual(topNames(), ['this.group']);
  });

  it('an edit in any element of a typed list of configs updates its findings; elements added and removed', () => {
    const ts = 'class S extends TerraformStack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n    const group = new VpcBgpGroup(this, "group", { routerId: "vbr-1", peerAsn: 65001 });\n    const peers: VpcBgpPeerConfig[] = [\n      { bgpGroupId: group.id, bfdMultiHop: 10 },\n      base,\n      { bgpGroupId: group.id, bfdMultiHop: 20 },\n    ];\n    new VpcBgpPeer(this, "p", { bgpGroupId: group.id });\n  }\n}\n';
    const f = new CdktfFile('typescript', ts, schemas);
    const out = () => diagnostics(f).filter((d) => d.code === 'value-out-of-range').map((d) => d.range.start.line);
    assert.deepEqual(out(), []);
    const weighed = f.digestWeighings;
    edit(f, 'bfdMultiHop: 20', 'bfdMultiHop: 0');
    assertSame(f, 'last element edited', prng(41));
    assert.deepEqual(out(), [7]);
    assert.equal(f.parses, 1, 'incremental');
    // The list's instances replaced in place: the module digest weighs them alone, not every construct again.
    assert.equal(f.digestWeighings, weighed);
    edit(f, '      base,\n', '      { bfdMultiHop: 300 },\n');
    assertSame(f, 'an element made an object', prng(42));
    assert.deepEqual(out(), [6, 7]);
    edit(f, '    ];', '      { bfdMultiHop: 256 },\n    ];');
    assertSame(f, 'an element added', prng(43));
    assert.deepEqual(out(), [6, 7, 8]);
    edit(f, '      { bgpGroupId: group.id, bfdMultiHop: 10 },\n', '');
    assertSame(f, 'the first removed', prng(44));
    assert.deepEqual(out(), [5, 6, 7]);
    edit(f, 'bfdMultiHop: 0', 'bfdMultiHop: 1');
    assertSame(f, 'fixed', prng(45));
    assert.deepEqual(out(), [5, 7]);
  });

  it('an edit in what a function typed as a config returns, after other statements, updates its findings', () => {
    const ts = 'class S extends TerraformStack {\n  peerConfig(fast: boolean): VpcBgpPeerConfig {\n    const x = 1;\n    const y = x + 1;\n    const z = y * 2;\n    if (fast) {\n      return { bgpGroupId: "g", bfdMultiHop: 10 };\n    }\n    return { bgpGroupId: "g", bfdMultiHop: 20 };\n  }\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n    new VpcBgpPeer(this, "p", { bgpGroupId: "g" });\n  }\n}\n';
    const f = new CdktfFile('typescript', ts, schemas);
    const out = () => diagnostics(f).filter((d) => d.code === 'value-out-of-range').map((d) => d.range.start.line);
    assert.deepEqual(out(), []);
    edit(f, 'bfdMultiHop: 20', 'bfdMultiHop: 0');
    assertSame(f, 'last return edited', prng(51));
    assert.deepEqual(out(), [8]);
    edit(f, 'bfdMultiHop: 10', 'bfdMultiHop: 300');
    assertSame(f, 'return in a block edited', prng(52));
    assert.deepEqual(out(), [6, 8]);
    assert.equal(f.parses, 1, 'incremental');
    // A statement typed before the returns, and a return removed.
    edit(f, '    const z = y * 2;\n', '    const z = y * 2;\n    log(z);\n');
    assertSame(f, 'a statement added', prng(53));
    assert.deepEqual(out(), [7, 9]);
    edit(f, '    if (fast) {\n      return { bgpGroupId: "g", bfdMultiHop: 300 };\n    }\n', '');
    assertSame(f, 'a return removed', prng(54));
    assert.deepEqual(out(), [6]);
    edit(f, 'bfdMultiHop: 0', 'bfdMultiHop: 1');
    assertSame(f, 'fixed', prng(55));
    assert.deepEqual(out(), []);
  });

  it('a function typed as a config that returns no object yet, or a list that holds none, becomes one when it is typed far below', () => {
    const ts = 'class S extends TerraformStack {\n  peerConfig(): VpcBgpPeerConfig {\n    const a = 1;\n    const b = a + 1;\n    const c = b + 1;\n  }\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n    const l: VpcBgpPeerConfig[] = [\n      base,\n      other,\n      more,\n    ];\n  }\n}\n';
    const f = new CdktfFile('typescript', ts, schemas);
    const out = () => diagnostics(f).filter((d) => d.code === 'value-out-of-range').map((d) => d.range.start.line);
    assert.deepEqual(out(), []);
    edit(f, '    const c = b + 1;\n', '    const c = b + 1;\n    return { bfdMultiHop: 0 };\n');
    assertSame(f, 'a return typed', prng(81));
    assert.deepEqual(out(), [5]);
    edit(f, '      more,', '      { bfdMultiHop: 0 },');
    assertSame(f, 'an object typed in the list', prng(82));
    assert.deepEqual(out(), [5, 12]);
  });

  it('a renamed import typed far above makes a construct of `new Peer(…)` below', () => {
    const f = new CdktfFile('typescript', text, schemas);
    const count = () => [...f.instances()].length;
    diagnostics(f);
    assert.equal(count(), 2);
    edit(f, '{ VpcBgpPeer }', '{ VpcBgpPeer as Peer }');
    assertSame(f, 'import renamed', prng(5));
    assert.equal(count(), 3, 'the alias makes a construct of new Peer(…)');
    edit(f, 'import { VpcBgpPeer as Peer }', 'import { VpcBgpPeer, VpcBgpPeer as Peer }');
    assertSame(f, 'both names', prng(6));
  });

  it('an alias that changes from a construct class to its config class, with the same schema, makes a config of the call below', () => {
    const py = 'from imports.alicloud.vpc_bgp_peer import VpcBgpPeer as P\n\nclass S(TerraformStack):\n    def __init__(self, scope, id):\n        super().__init__(scope, id)\n        P(self, "x", bgp_group_id="bgpg-1", bfd_multi_hop=999)\n';
    const f = new CdktfFile('python', py, schemas);
    diagnostics(f);
    assert.equal(([...f.instances()][0].value as CdktfInstance).config, false);
    edit(f, 'import VpcBgpPeer', 'import VpcBgpPeerConfig');
    assertSame(f, 'the alias names the config class', prng(10));
    assert.equal(([...f.instances()][0].value as CdktfInstance).config, true);
  });

  it('a Java config builder chain closed by a .build() typed many tokens below its class name becomes a config', () => {
    const java = 'public class S extends TerraformStack {\n    public S(Construct scope, String id) {\n        super(scope, id);\n        VpcBgpPeerConfig c = VpcBgpPeerConfig.builder()\n            .bgpGroupId("bgpg-1")\n            .enableBfd(true)\n            .bfdMultiHop(999)\n            ;\n    }\n}\n';
    const f = new CdktfFile('java', java, schemas);
    diagnostics(f);
    assert.equal([...f.instances()].length, 0, 'no .build() yet: a builder kept to be filled later');
    edit(f, '.bfdMultiHop(999)', '.bfdMultiHop(999).build()');
    assertSame(f, '.build() typed', prng(11));
    assert.equal([...f.instances()].length, 1);
  });

  it('a property set typed far below the construct drops the warning that rests on its absence; deleting it brings it back', () => {
    const f = new CdktfFile('typescript', text.replace('new VpcBgpPeer(', 'const p1 = new VpcBgpPeer(').replace('bfdMultiHop: 300 });', 'bfdMultiHop: 10 });'), schemas);
    const warned = () => diagnostics(f).some((d) => d.code === 'bfd-multi-hop-without-bfd');
    assert.ok(warned());
    edit(f, '  }\n}', '    p1.enableBfd = true;\n  }\n}');
    assertSame(f, 'set typed', prng(12));
    assert.ok(!warned(), 'enableBfd is set below');
    edit(f, '    p1.enableBfd = true;\n', '');
    assertSame(f, 'set deleted', prng(13));
    assert.ok(warned());
    // Split over two lines, the set is completed on the second: the edit re-scans from that line's start.
    edit(f, '  }\n}', '    p1.\n      enableBfd;\n  }\n}');
    assert.ok(warned());
    edit(f, 'enableBfd;', 'enableBfd = true;');
    assertSame(f, 'split set completed', prng(14));
    assert.ok(!warned());
  });

  it('Go: an override\'s path typed into its jsii.String(...) is read, ten tokens after the variable', () => {
    const go = `func NewStack(scope constructs.Construct) {\n\tp := vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("g"), BfdMultiHop: jsii.Number(10)})\n\tp.AddOverride(jsii.String(), jsii.Bool(true))\n}\n`;
    const f = new CdktfFile('go', go, schemas);
    const warned = () => diagnostics(f).some((d) => d.code === 'bfd-multi-hop-without-bfd');
    assert.ok(warned());
    edit(f, 'AddOverride(jsii.String(', 'AddOverride(jsii.String("enable_bfd"');
    assertSame(f, 'path typed', prng(15));
    assert.ok(!warned(), 'enable_bfd is set below');
  });

  it('renaming the name cdktf\'s Token is imported as reads the values wrapped in it again', () => {
    const ts = 'import { Token as T } from "cdktf";\nclass S extends TerraformStack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n    new VpcBgpPeer(this, "p", { bgpGroupId: "g", enableBfd: true, bfdMultiHop: T.asNumber("300") });\n  }\n}\n';
    const f = new CdktfFile('typescript', ts, schemas);
    const codes = () => diagnostics(f).map((d) => d.code);
    assert.deepEqual(codes(), ['value-out-of-range']);
    edit(f, 'Token as T', 'Token as U');
    assertSame(f, 'alias renamed', prng(21));
    assert.deepEqual(codes(), []);
    edit(f, 'Token as U', 'Token as T');
    assertSame(f, 'alias renamed back', prng(22));
    assert.deepEqual(codes(), ['value-out-of-range']);
    // The imported name changes, the name it is imported as does not.
    edit(f, 'Token as T', 'Tokens as T');
    assertSame(f, 'another class imported as T', prng(23));
    assert.deepEqual(codes(), []);
  });

  it('a value set later is checked where it is written, kept current when its lines are edited', () => {
    const f = new CdktfFile('typescript', text.replace('new VpcBgpPeer(', 'const p1 = new VpcBgpPeer(').replace('bfdMultiHop: 300 });', 'bfdMultiHop: 10 });'), schemas);
    const codes = () => diagnostics(f).map((d) => d.code).filter((c) => c === 'invalid-duration' || c === 'value-out-of-range');
    assert.deepEqual(codes(), []);
    edit(f, '  }\n}', '    p1.putTimeouts({\n      create: "10m",\n      delete: "5m",\n    });\n    p1.bfdMultiHop = 10;\n  }\n}');
    assertSame(f, 'sets typed', prng(16));
    assert.deepEqual(codes(), []);
    // Many tokens after the variable, on a line of its own: the set is read again through the call's bracket.
    edit(f, 'delete: "5m"', 'delete: "soon"');
    assertSame(f, 'value below edited', prng(17));
    assert.deepEqual(codes(), ['invalid-duration']);
    edit(f, 'bfdMultiHop = 10;', 'bfdMultiHop = 0;');
    assertSame(f, 'assigned value edited', prng(18));
    assert.deepEqual(codes(), ['invalid-duration', 'value-out-of-range']);
    // Lines added above move the findings with the sets.
    edit(f, '    p1.putTimeouts', '\n\n    p1.putTimeouts');
    assertSame(f, 'lines added above', prng(19));
    edit(f, 'delete: "soon"', 'delete: "5m"');
    assertSame(f, 'value fixed', prng(20));
    assert.deepEqual(codes(), ['value-out-of-range']);
  });

  it('a value set later over several lines is read again when an edit touches any of its lines', () => {
    const ts = 'class S extends TerraformStack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n    this.p1 = new VpcBgpPeer(this, "p1", { bgpGroupId: "g", enableBfd: true });\n    this.p1.bfdMultiHop = Token.asNumber(\n      "30"\n    );\n    this.p1.timeouts = {\n      create: "10m",\n      delete: "5m",\n    };\n    this.p1.ipVersion =\n      "IPv4";\n  }\n}\n';
    const f = new CdktfFile('typescript', ts, schemas);
    const codes = () => diagnostics(f).map((d) => `${d.range.start.line}:${d.code}`);
    assert.deepEqual(codes(), []);
    edit(f, '"30"', '"300"');
    assertSame(f, 'wrapped value edited', prng(61));
    assert.deepEqual(codes(), ['4:value-out-of-range']);
    // The line that ends the value, far from the variable and outside its brackets: read again.
    edit(f, '    );\n    this.p1.timeouts', '    ).toString();\n    this.p1.timeouts');
    assertSame(f, 'the statement goes on', prng(62));
    assert.deepEqual(codes(), []);
    edit(f, '      delete: "5m",', '      delete: "soon",');
    assertSame(f, 'an object over lines edited', prng(63));
    assert.deepEqual(codes(), ['9:invalid-duration']);
    edit(f, '"IPv4"', '"IPv5"');
    assertSame(f, 'a value on the line after the =', prng(64));
    assert.deepEqual(codes(), ['9:invalid-duration', '12:invalid-value']);
    edit(f, '    this.p1.ipVersion =\n', '\n\n    this.p1.ipVersion =\n');
    assertSame(f, 'lines added between', prng(65));
    assert.deepEqual(codes(), ['9:invalid-duration', '14:invalid-value']);
  });

  it('a setter call left open is read again when its closer is typed far below, past a set written inside it', () => {
    const ts = 'class S extends TerraformStack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n    const p1 = new VpcBgpPeer(this, "p1", { bgpGroupId: "g" });\n    p1.putTimeouts({\n      create: "5x",\n      delete: p1.setEnableBfd(true),\n      update: "1m",\n';
    const f = new CdktfFile('typescript', ts, schemas);
    const codes = () => diagnostics(f).map((d) => `${d.range.start.line}:${d.code}`);
    assert.deepEqual(codes(), []);
    // Typed on the line below, after the last: the set and the one inside it are before the lines read again.
    const end = { line: 8, character: 0 };
    f.update([{ range: { start: end, end }, text: '    });\n' }]);
    assertSame(f, 'call closed', prng(71));
    assert.deepEqual(codes(), ['5:invalid-duration']);
    // And its closer removed again: the call is open, its value unread.
    f.update([{ range: { start: end, end: { line: 9, character: 0 } }, text: '' }]);
    assertSame(f, 'call open again', prng(72));
    assert.deepEqual(codes(), []);
  });

  it('a config struct that is a construct\'s argument becomes a config of its own when the construct is renamed away, its call on another line', () => {
    const ts = 'class S extends TerraformStack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n    new VpcBgpPeer\n    (this,\n      "inline" + id + suffix + more,\n      { bgpGroupId: "bgpg-1" } satisfies VpcBgpPeerConfig);\n  }\n}\n';
    const f = new CdktfFile('typescript', ts, schemas);
    diagnostics(f);
    edit(f, 'new VpcBgpPeer', 'new Thing');
    assertSame(f, 'construct renamed', prng(15));
    assert.equal(([...f.instances()][0]?.value as CdktfInstance | undefined)?.config, true);
  });

  it('the quote style the writers use follows the file', () => {
    const f = new CdktfFile('typescript', text, schemas);
    diagnostics(f);
    for (let k = 0; k < 10; k++) edit(f, '"', "'");
    assertSame(f, 'quotes', prng(7));
    assert.equal(([...f.instances()][0].value as CdktfInstance).quote, "'");
  });

  it('typing an unclosed multi-line string far above, then closing it below', () => {
    const f = new CdktfFile('typescript', text, schemas);
    diagnostics(f);
    edit(f, 'super(scope, id);', 'super(scope, id); const t = `');
    assertSame(f, 'template opened', prng(8));
    assert.equal([...f.instances()].length, 2, 'unclosed, the template ends at its line');
    edit(f, 'peerAsn: 65001 });', 'peerAsn: 65001 }); `;');
    assertSame(f, 'template closed below', prng(9));
    assert.equal([...f.instances()].length, 1, 'the group is inside the template now');
  });

  it("an import turned to the user's own module, or back, and a class of the name defined, as when opened fresh", () => {
    const f = new CdktfFile('typescript', text, schemas);
    const ids = () => [...f.instances()].map((i) => (i.value as CdktfInstance).constructId);
    diagnostics(f);
    assert.deepEqual(ids(), ['group', 'p1']);
    // The source string alone changes: the edit touches neither a class name nor a keyword.
    edit(f, './.gen/providers/alicloud/vpc-bgp-peer', './wrapper');
    assertSame(f, 'own module', prng(10));
    assert.deepEqual(ids(), ['group']);
    edit(f, './wrapper', '../gen/vpc-bgp-peer');
    assertSame(f, 'bindings re-exported', prng(11));
    assert.deepEqual(ids(), ['group', 'p1']);
    // A multi-line import: the name is added on a line of its own, far from the keywords.
    edit(f, 'import { VpcBgpGroup } from', 'import {\n  Other,\n} from');
    edit(f, './.gen/providers/alicloud/vpc-bgp-group', './mine');
    assertSame(f, 'multi-line own module', prng(12));
    edit(f, '  Other,', '  VpcBgpGroup,');
    assertSame(f, 'name added to it', prng(13));
    assert.deepEqual(ids(), ['p1']);
    edit(f, 'class S', 'class VpcBgpPeer {}\nclass S');
    assertSame(f, 'defined here', prng(14));
    assert.deepEqual(ids(), []);
  });

  it('Python: a dict a variable holds, unpacked into a construct below, is read or not as an edit between them says', () => {
    const py = `class S(TerraformStack):
    def __init__(self, scope, id):
        config = {"bgp_group_id": "g", "bfd_multi_hop": 300}
        ready = True
        VpcBgpPeer(self, "p", **config)
`;
    const f = new CdktfFile('python', py, schemas);
    const codes = () => diagnostics(f).map((d) => d.code).sort();
    const read = ['bfd-multi-hop-without-bfd', 'value-out-of-range'];
    assert.deepEqual(codes(), read);
    edit(f, '        ready = True\n', '        ready = True\n        config["enable_bfd"] = True\n');
    assertSame(f, 'changed between', prng(31));
    assert.deepEqual(codes(), []);
    edit(f, '        config["enable_bfd"] = True\n', '');
    assertSame(f, 'change removed', prng(32));
    assert.deepEqual(codes(), read);
    edit(f, '"bfd_multi_hop": 300', '"bfd_multi_hop": 3');
    assertSame(f, 'value edited', prng(33));
    assert.deepEqual(codes(), ['bfd-multi-hop-without-bfd']);
    edit(f, '        ready = True\n        VpcBgpPeer', '        if ready:\n            VpcBgpPeer');
    assertSame(f, 'the call in a block below', prng(34));
    assert.deepEqual(codes(), []);
    edit(f, '        if ready:\n            VpcBgpPeer', '        ready = True\n        VpcBgpPeer');
    assertSame(f, 'out of it again', prng(38));
    assert.deepEqual(codes(), ['bfd-multi-hop-without-bfd']);
    edit(f, '        ready = True', '        ready = (');
    assertSame(f, 'a bracket left open between', prng(35));
    edit(f, '        ready = (', '        ready = True');
    assertSame(f, 'closed again', prng(36));
    assert.deepEqual(codes(), ['bfd-multi-hop-without-bfd']);
    edit(f, '        config = {', '        other = {');
    assertSame(f, 'variable renamed', prng(37));
    assert.deepEqual(codes(), []);
  });

  it('a module string typed into an import that had none, on a line with no keyword nor class name, as when opened fresh', () => {
    // Found by fuzzing the server: an import still without its module (ended by the next `;`) takes the first
    // string typed into it, here on the next line.
    // (`Other` before the edit: a class name re-scanned beside it would have made any edit count.)
    const g = new CdktfFile('typescript', 'import { VpcBgpPeerConfig, Other\n    super(scope, id);\n: VpcBgpPeerConfig = {\n b', schemas);
    assert.equal(diagnostics(g).length, 1);
    g.update([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '"a"' }]);
    assertSame(g, 'module string typed', prng(21));
    assert.equal(diagnostics(g).length, 0, 'imported from "a": the program\'s own class');
  });

  it('constructs swapped by a cut and paste are offered, and named by fixes, in their new order, as when opened fresh', () => {
    // Found by fuzzing the server: the digest summed the constructs' facts, so the same constructs in another
    // order kept the cached context, which lists them in the old order.
    const ts = `const a = new VpcBgpGroup(stack, "a", { routerId: "vbr-1", peerAsn: 65001 });
const b = new VpcBgpGroup(stack, "b", { routerId: "vbr-1", peerAsn: 65001 });
new VpcBgpPeer(stack, "p", { peerIpAddress: "10.0.0.1" });
`;
    const fixes = (f: CdktfFile) =>
      f.findingsAt({ start: { line: 2, character: 0 }, end: { line: 2, character: 10 } }, contextFor([f], schemas)).flatMap((p) => p.value.fixes.map((x) => x.title));
    const f = new CdktfFile('typescript', ts, schemas);
    assert.deepEqual(fixes(f).slice(0, 2), ['Add bgpGroupId: a.id', 'Add bgpGroupId: b.id']);
    // `a` moved below `b`: two changes in one message, as an editor sends a move.
    f.update([
      { range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' },
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: ts.split('\n')[0] + '\n' },
    ]);
    assertSame(f, 'swapped', prng(22));
    assert.deepEqual(fixes(f).slice(0, 2), ['Add bgpGroupId: b.id', 'Add bgpGroupId: a.id']);
    // Typing in a construct then replaces it in place (the digest updated at its rank).
    edit(f, 'peerAsn: 65001 });\nconst a', 'peerAsn: 65002 });\nconst a');
    assertSame(f, 'typed in place', prng(23));
  });

  it("typing on a construct's own line does not read the file's imports again; an edit to an import does", () => {
    const f = new CdktfFile('typescript', text, schemas);
    diagnostics(f);
    // The id of a construct written on one line with its class name (the whole line is re-scanned).
    edit(f, '"p1"', '"p1x"');
    edit(f, '"p1x"', '"p1"');
    assert.equal(f.classScans, 0);
    assertSame(f, 'typed beside a class name', prng(16));
    edit(f, 'vpc-bgp-group"', 'vpc-bgp-group" ');
    assert.equal(f.classScans, 1);
  });

  it('typing on a line holding a word that also defines types (type: "ingress") reads no imports again; a definition typed does', () => {
    const f = new CdktfFile('typescript', text + 'const rule = { type: "ingress" };\n', schemas);
    diagnostics(f);
    edit(f, '"ingress"', '"egress"');
    edit(f, '"egress"', '"ingress"');
    assert.equal(f.classScans, 0);
    // An interface of the bindings' name, typed in: the program's own type from then on.
    edit(f, 'const rule = {', 'interface VpcBgpPeer { x: 1 }\nconst rule = {');
    assert.equal(f.classScans, 1);
    assertSame(f, 'own interface typed', prng(17));
  });

  it('a Python module path edited in its middle, away from any keyword, as when opened fresh', () => {
    const py = 'from imports.alicloud.vpc_bgp_peer import VpcBgpPeer\nVpcBgpPeer(self, "p", bgp_group_id="bgpg-1", bfd_multi_hop=300)\n';
    const f = new CdktfFile('python', py, schemas);
    assert.equal([...f.instances()].length, 1);
    f.update([{ range: { start: { line: 0, character: 13 }, end: { line: 0, character: 21 } }, text: 'wrappers' }]);
    assert.equal(f.text.split('\n')[0], 'from imports.wrappers.vpc_bgp_peer import VpcBgpPeer');
    assertSame(f, 'own module', prng(15));
    assert.equal([...f.instances()].length, 0);
  });

  it('a Go import path edited on a line of its group, which holds no keyword, as when opened fresh', () => {
    const go = 'package main\n\nimport (\n\t"github.com/aws/jsii-runtime-go"\n\tbgp "example.com/infra/bgp"\n)\n\nfunc f(stack cdktf.TerraformStack) {\n\tbgp.NewVpcBgpPeer(stack, jsii.String("p"), &bgp.VpcBgpPeerConfig{BgpGroupId: jsii.String("g"), BfdMultiHop: jsii.Number(300)})\n}\n';
    const f = new CdktfFile('go', go, schemas);
    assert.equal([...f.instances()].length, 0);
    f.update([{ range: { start: { line: 4, character: 6 }, end: { line: 4, character: 27 } }, text: 'cdk.tf/go/stack/generated/aliyun/alicloud/vpcbgppeer' }]);
    assert.equal(f.text.split('\n')[4], '\tbgp "cdk.tf/go/stack/generated/aliyun/alicloud/vpcbgppeer"');
    assertSame(f, 'the bindings', prng(17));
    assert.equal([...f.instances()].length, 1);
    f.update([{ range: { start: { line: 4, character: 48 }, end: { line: 4, character: 58 } }, text: 'peering' }]);
    assert.equal(f.text.split('\n')[4], '\tbgp "cdk.tf/go/stack/generated/aliyun/alicloud/peering"');
    assertSame(f, 'a package of their own beside the bindings', prng(18));
    assert.equal([...f.instances()].length, 1, 'still under generated/');
    f.update([{ range: { start: { line: 4, character: 6 }, end: { line: 4, character: 47 } }, text: 'example.com/infra' }]);
    assertSame(f, 'their own again', prng(19));
    assert.equal([...f.instances()].length, 0);
  });

  it('typing an import path in a large Go or TypeScript file matches again only the class names it reads differently, as when opened fresh', () => {
    const peer = (k: number) => `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p${k}"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("g"), BfdMultiHop: jsii.Number(${k})})\n`;
    const go = `package main\n\nimport (\n\t"os"\n\t"cdk.tf/go/stack/generated/aliyun/alicloud/vpcbgppeer"\n)\n\nfunc f(stack cdktf.TerraformStack) {\n${Array.from({ length: 300 }, (_, k) => peer(k)).join('')}\tbgp.NewVpcBgpPeer(stack, jsii.String("own"), &bgp.VpcBgpPeerConfig{BfdMultiHop: jsii.Number(0)})\n}\n`;
    const f = new CdktfFile('go', go, schemas);
    const count = () => [...f.instances()].length;
    assert.equal(count(), 301, 'bgp is not imported: a package of the bindings');
    // A new import typed a key at a time: each key names another package of the program's own (`b.`, `bg.`).
    let at = '"os"\n';
    for (const ch of '\t"bgp"') {
      edit(f, at, at + ch);
      at += ch;
      assert.ok(f.rematched <= 1, `typing ${JSON.stringify(ch)}: ${f.rematched} class names matched again`);
    }
    assert.equal(f.parses, 1, 'never parsed again from scratch');
    assertSame(f, 'a package of its own imported', prng(21));
    assert.equal(count(), 300);
    // The package its one construct names is now the program's own, then the bindings' again.
    edit(f, '"bgp"', '"bg"');
    assert.equal(f.rematched, 2, 'the construct and its config struct');
    assertSame(f, 'bgp no longer imported', prng(22));
    assert.equal(count(), 301);
    edit(f, '"bg"', '"bgp"');
    assertSame(f, 'bgp imported again', prng(23));
    assert.equal(count(), 300);
    // The bindings' path edited: every construct of them is read again, and none is one any more.
    edit(f, 'alicloud/vpcbgppeer"', 'alicloud/vpcbgppeers"');
    assertSame(f, 'the bindings no longer imported', prng(24));
    edit(f, 'alicloud/vpcbgppeers"', 'alicloud/vpcbgppeer"');
    assertSame(f, 'the bindings imported again', prng(25));
    assert.equal(f.parses, 1, 'never parsed again from scratch');
    // TypeScript: a namespace import typed above the others (above the constructs, an import still without its
    // module would read the names of the next line's construct as its own).
    const ts = `\nimport { VpcBgpPeer } from "@cdktf/provider-alicloud/lib/vpc-bgp-peer";\n${Array.from({ length: 300 }, (_, k) => `new VpcBgpPeer(this, "p${k}", { bgpGroupId: "g", bfdMultiHop: ${k} });\n`).join('')}new wrap.VpcBgpPeer(this, "own", { bfdMultiHop: 0 });\n`;
    const t = new CdktfFile('typescript', ts, schemas);
    assert.equal([...t.instances()].length, 301);
    at = '';
    for (const ch of 'import * as wrap from "./wrap";') {
      edit(t, at, at + ch);
      at += ch;
      assert.ok(t.rematched <= 1, `typing ${JSON.stringify(ch)}: ${t.rematched} class names matched again`);
    }
    assert.equal(t.parses, 1, 'never parsed again from scratch');
    assertSame(t, 'a namespace of its own imported', prng(26));
    assert.equal([...t.instances()].length, 300);
  });

  it('a parameter, a local or a block end typed far from the references changes which construct they name, as when opened fresh', () => {
    const codes = (f: CdktfFile) => diagnostics(f).map((d) => d.code);
    const ts = `const group = new VpcBgpGroup(stack, "v6", { routerId: "vbr-1", peerAsn: 65001, ipVersion: "IPv6" });
function addPeer(ip: string) {
  // Far enough below that the header's tokens are not the peers'.
  const a = [1, 2, 3].map((x) => x * 2);
  const b = a.filter((x) => x > 2);
  new VpcBgpPeer(stack, "p", { bgpGroupId: group.id, peerIpAddress: "10.0.0.2" });
}
`;
    const f = new CdktfFile('typescript', ts, schemas);
    assert.deepEqual(codes(f), ['group-ip-version-mismatch']);
    edit(f, 'ip: string', 'group: VpcBgpGroup');
    assertSame(f, 'a parameter of the name', prng(5));
    assert.deepEqual(codes(f), []);
    edit(f, 'group: VpcBgpGroup', 'ip: string');
    assert.deepEqual(codes(f), ['group-ip-version-mismatch']);
    edit(f, 'x * 2);', 'x * 2);\n  let group = a;');
    assertSame(f, 'a local of the name', prng(6));
    assert.deepEqual(codes(f), []);
    const py = `class S(TerraformStack):
    def __init__(self, scope, id):
        group = VpcBgpGroup(self, "v6", router_id="vbr-1", peer_asn=65001, ip_version="IPv6")
        a = [1, 2, 3]
        b = [x for x in a]
        VpcBgpPeer(self, "p", bgp_group_id=group.id, peer_ip_address="10.0.0.2")
`;
    const g = new CdktfFile('python', py, schemas);
    assert.deepEqual(codes(g), ['group-ip-version-mismatch']);
    // A method starts between them: the peer is in another function than the group.
    edit(g, '        b = [x for x in a]', '    def other(self):\n        b = [x for x in a]');
    assertSame(g, 'a def between', prng(7));
    assert.deepEqual(codes(g), []);
    // A blank line typed (or spaces at a line's end) changes no block.
    edit(g, 'b = [x for x in a]', 'b = [x for x in a]  \n');
    assertSame(g, 'a blank line', prng(8));
  });

  it('a file that stops naming any generated class is not parsed, as when opened fresh', () => {
    const f = new CdktfFile('python', 'from imports.alicloud.vpc_bgp_peer import VpcBgpPeer\nVpcBgpPeer(self, "p", bfd_multi_hop=300)\n', schemas);
    assert.equal(diagnostics(f).length > 0, true);
    f.update([{ range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, text: 'print(1)\n' }]);
    assert.equal(f.tokens(), undefined);
    assert.deepEqual(diagnostics(f), []);
  });
});
