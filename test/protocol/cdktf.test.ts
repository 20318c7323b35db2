/**
 * CDKTF over stdio, the way an editor uses it, in TypeScript, Python, Java, C# and Go: diagnostics pushed with
 * the names the user wrote, completion of property names and values in the config (object, keyword arguments,
 * builder chain, initializer, composite literal), hover on property names, and quick fixes applied (the text
 * each produces is compared exactly, then the finding is gone). Also: an ordinary source file gets nothing,
 * and half-typed code keeps the rest of the file analysed and completion working in the construct being typed.
 *
 * Run: npm run build && npx tsx --test test/protocol/cdktf.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItem, Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits, asContentChanges, at, editsFor, LspClient, uri } from '../helpers/lsp';
import { CDKTF_CONFIG_FIXTURES, cdktfFixture } from '../helpers/cdktfFixtures';

interface LanguageCase {
  languageId: string;
  file: string;
  /** A peer with `bfd_multi_hop = 300` and BFD off. */
  invalid: string;
  /** The names the two diagnostics must use. */
  messages: RegExp[];
  /** The invalid peer after "Set enable_bfd = true". */
  fixed: string;
  fixTitle: RegExp;
  /** Cursor where a property name is typed, the item to accept and the text after accepting it. */
  key: { fixture: string; label: string; insertText: string };
  /** Cursor where the value of enable_bfd is typed, and the labels offered. */
  value: { fixture: string; labels: string[] };
  /** Cursor on a property name for hover. */
  hover: string;
  /** How the hovered argument and the one it needs are named in the language (`bfdMultiHop`, `enableBfd: true`). */
  hoverNames: [string, string];
}

const CASES: LanguageCase[] = [
  {
    languageId: 'typescript',
    file: 'main.ts',
    invalid: `import { VpcBgpPeer } from "./.gen/providers/alicloud/vpc-bgp-peer";
new VpcBgpPeer(this, "p", {
  bgpGroupId: "bgpg-1",
  bfdMultiHop: 300,
});
`,
    messages: [/^"bfdMultiHop" must be between 1 and 255, not 300$/, /^bfdMultiHop has no effect without enableBfd: true/],
    fixTitle: /^Set enableBfd: true$/,
    fixed: `import { VpcBgpPeer } from "./.gen/providers/alicloud/vpc-bgp-peer";
new VpcBgpPeer(this, "p", {
  bgpGroupId: "bgpg-1",
  bfdMultiHop: 300,
  enableBfd: true,
});
`,
    key: { fixture: `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "bgpg-1",\n  enab|\n});\n`, label: 'enableBfd', insertText: 'enableBfd: ${1|true,false|},' },
    value: { fixture: `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "bgpg-1",\n  enableBfd: |\n});\n`, labels: ['true', 'false'] },
    hover: `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "bgpg-1",\n  bfdMu|ltiHop: 10,\n});\n`,
    hoverNames: ['bfdMultiHop', 'enableBfd: true'],
  },
  {
    languageId: 'python',
    file: 'main.py',
    invalid: `peer = VpcBgpPeer(self, "p",
    bgp_group_id="bgpg-1",
    bfd_multi_hop=300
)
`,
    messages: [/^"bfd_multi_hop" must be between 1 and 255, not 300$/, /^bfd_multi_hop has no effect without enable_bfd=True/],
    fixTitle: /^Set enable_bfd=True$/,
    fixed: `peer = VpcBgpPeer(self, "p",
    bgp_group_id="bgpg-1",
    bfd_multi_hop=300,
    enable_bfd=True
)
`,
    key: { fixture: `VpcBgpPeer(self, "p",\n    bgp_group_id="bgpg-1",\n    enab|\n)\n`, label: 'enable_bfd', insertText: 'enable_bfd=${1|True,False|},' },
    value: { fixture: `VpcBgpPeer(self, "p",\n    bgp_group_id="bgpg-1",\n    enable_bfd=|\n)\n`, labels: ['True', 'False'] },
    hover: `VpcBgpPeer(self, "p",\n    bgp_group_id="bgpg-1",\n    bfd_mu|lti_hop=10,\n)\n`,
    hoverNames: ['bfd_multi_hop', 'enable_bfd=True'],
  },
  {
    languageId: 'java',
    file: 'Main.java',
    invalid: `        VpcBgpPeer.Builder.create(this, "p")
            .bgpGroupId("bgpg-1")
            .bfdMultiHop(300)
            .build();
`,
    messages: [/^"bfdMultiHop" must be between 1 and 255, not 300$/, /^bfdMultiHop has no effect without \.enableBfd\(true\)/],
    fixTitle: /^Set \.enableBfd\(true\)$/,
    fixed: `        VpcBgpPeer.Builder.create(this, "p")
            .bgpGroupId("bgpg-1")
            .bfdMultiHop(300)
            .enableBfd(true)
            .build();
`,
    key: { fixture: `VpcBgpPeer.Builder.create(this, "p")\n    .bgpGroupId("bgpg-1")\n    .enab|\n    .build();\n`, label: 'enableBfd', insertText: 'enableBfd(${1|true,false|})' },
    value: { fixture: `VpcBgpPeer.Builder.create(this, "p")\n    .bgpGroupId("bgpg-1")\n    .enableBfd(|)\n    .build();\n`, labels: ['true', 'false'] },
    hover: `VpcBgpPeer.Builder.create(this, "p")\n    .bgpGroupId("bgpg-1")\n    .bfdMu|ltiHop(10)\n    .build();\n`,
    hoverNames: ['bfdMultiHop', '.enableBfd(true)'],
  },
  {
    languageId: 'csharp',
    file: 'Main.cs',
    invalid: `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig
{
    BgpGroupId = "bgpg-1",
    BfdMultiHop = 300,
});
`,
    messages: [/^"BfdMultiHop" must be between 1 and 255, not 300$/, /^BfdMultiHop has no effect without EnableBfd = true/],
    fixTitle: /^Set EnableBfd = true$/,
    fixed: `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig
{
    BgpGroupId = "bgpg-1",
    BfdMultiHop = 300,
    EnableBfd = true,
});
`,
    key: { fixture: `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig\n{\n    BgpGroupId = "bgpg-1",\n    Enab|\n});\n`, label: 'EnableBfd', insertText: 'EnableBfd = ${1|true,false|},' },
    value: { fixture: `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig\n{\n    BgpGroupId = "bgpg-1",\n    EnableBfd = |\n});\n`, labels: ['true', 'false'] },
    hover: `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig\n{\n    BgpGroupId = "bgpg-1",\n    BfdMu|ltiHop = 10,\n});\n`,
    hoverNames: ['BfdMultiHop', 'EnableBfd = true'],
  },
  {
    languageId: 'go',
    file: 'main.go',
    invalid: `	vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{
		BgpGroupId:  jsii.String("bgpg-1"),
		BfdMultiHop: jsii.Number(300),
	})
`,
    messages: [/^"BfdMultiHop" must be between 1 and 255, not 300$/, /^BfdMultiHop has no effect without EnableBfd: jsii\.Bool\(true\)/],
    fixTitle: /^Set EnableBfd: jsii\.Bool\(true\)$/,
    fixed: `	vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{
		BgpGroupId:  jsii.String("bgpg-1"),
		BfdMultiHop: jsii.Number(300),
		EnableBfd:   jsii.Bool(true),
	})
`,
    key: {
      fixture: `vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\tBgpGroupId: jsii.String("bgpg-1"),\n\tEnab|\n})\n`,
      label: 'EnableBfd',
      insertText: 'EnableBfd: jsii.Bool(${1|true,false|}),',
    },
    value: { fixture: `vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\tEnableBfd: |\n})\n`, labels: ['jsii.Bool(true)', 'jsii.Bool(false)'] },
    hover: `vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\tBfdMu|ltiHop: jsii.Number(10),\n})\n`,
    hoverNames: ['BfdMultiHop', 'EnableBfd: jsii.Bool(true)'],
  },
];

const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code)).sort();

describe('CDKTF over LSP', () => {
  let lsp: LspClient;
  before(async () => (lsp = await LspClient.start()));
  after(() => lsp.stop());

  for (const c of CASES) {
    describe(c.languageId, () => {
      it('pushes diagnostics naming properties as written', async () => {
        const ds = await lsp.open(uri(c.file), c.invalid, c.languageId);
        assert.deepEqual(codes(ds), ['bfd-multi-hop-without-bfd', 'value-out-of-range']);
        for (const m of c.messages) assert.ok(ds.some((d) => m.test(d.message)), `${m} among ${JSON.stringify(ds.map((d) => d.message))}`);
        assert.ok(ds.every((d) => d.source === 'alicloud-bgp'));
      });

      it('quick fix: sets enable_bfd in the language, keeping the layout, and the warning goes', async () => {
        const u = uri(c.file);
        const before = await lsp.open(u, c.invalid, c.languageId);
        const d = before.find((x) => x.code === 'bfd-multi-hop-without-bfd')!;
        const actions = await lsp.codeActions(u, d.range, [d]);
        const action = actions.find((a) => c.fixTitle.test(a.title));
        assert.ok(action, `${c.fixTitle} among ${JSON.stringify(actions.map((a) => a.title))}`);
        assert.equal(action.isPreferred, true);
        const edits = editsFor(action.edit, u, 1);
        const fixed = applyEdits(c.invalid, edits);
        assert.equal(fixed, c.fixed);
        const after = await lsp.change(u, asContentChanges(edits), 2);
        assert.deepEqual(codes(after), ['value-out-of-range']);
      });

      it('completes property names in the language naming', async () => {
        const { text, position } = at(c.key.fixture);
        const u = uri(c.file);
        await lsp.open(u, text, c.languageId);
        const items = await lsp.completion(u, position);
        const item = items.find((i) => i.label === c.key.label);
        assert.ok(item, `${c.key.label} among ${JSON.stringify(items.map((i) => i.label))}`);
        assert.equal((item.textEdit as TextEdit).newText, c.key.insertText);
        assert.ok(!items.some((i) => /_/.test(i.label) && c.languageId !== 'python'), 'no schema names leak');
        assert.ok(!items.some((i) => /^(bgp_group_id|bgpGroupId|BgpGroupId)$/.test(i.label)), 'written properties are not offered again');
        // Its documentation names arguments as the hover does (the schema says "when `enable_bfd = true`").
        const hops = items.find((i) => /^bfd_?multi_?hop$/i.test(i.label));
        const md = (hops?.documentation as { value: string } | undefined)?.value ?? '';
        assert.ok(md.includes(c.hoverNames[1]), md);
        if (c.languageId !== 'python') assert.doesNotMatch(md.split('\n').filter((l) => !l.startsWith('[')).join('\n'), /bfd_multi_hop|enable_bfd/);
      });

      it('completes values', async () => {
        const { text, position } = at(c.value.fixture);
        const u = uri(c.file);
        await lsp.open(u, text, c.languageId);
        const items: CompletionItem[] = await lsp.completion(u, position);
        assert.deepEqual(items.map((i) => i.label), c.value.labels);
      });

      it('hovers on a property name', async () => {
        const { text, position } = at(c.hover);
        const u = uri(c.file);
        await lsp.open(u, text, c.languageId);
        const h = await lsp.hover(u, position);
        assert.ok(h, 'a hover');
        const md = typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : String(h.contents);
        // The language's names, in the heading and in the prose (the schema says "when `enable_bfd = true`").
        assert.ok(md.startsWith(`**${c.hoverNames[0]}**`), md);
        assert.ok(md.includes(c.hoverNames[1]), md);
        if (c.languageId !== 'python') assert.doesNotMatch(md.split('\n').filter((l) => !l.startsWith('[')).join('\n'), /bfd_multi_hop|enable_bfd/);
        assert.match(md, /1–255/);
        assert.match(md, /\(https:[^)]*#bfd_multi_hop\)/, 'the documentation link keeps its anchor');
        assert.equal(h.range?.start.line, position.line);
      });

      it("hovers on the construct's class: the CDKTF ways to import, in the language's names", async () => {
        const { text } = at(c.hover);
        const u = uri(c.file);
        await lsp.open(u, text, c.languageId);
        const offset = text.indexOf('VpcBgpPeer') + 3;
        const line = text.slice(0, offset).split('\n').length - 1;
        const h = await lsp.hover(u, { line, character: offset - text.lastIndexOf('\n', offset - 1) - 1 });
        assert.ok(h, 'a hover');
        const md = typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : String(h.contents);
        assert.match(md, /resource alicloud_vpc_bgp_peer/);
        assert.match(md, c.languageId === 'python' ? /import_from\("bgp-/ : /[iI]mportFrom\((jsii\.String\()?"bgp-/);
        assert.match(md, /[gG]enerate_?[cC]onfig_?[fF]or_?[iI]mport\(/);
        assert.doesNotMatch(md, /terraform import|import \{/, "Terraform's own import is not the construct's");
        assert.match(md, new RegExp('Required: `' + (c.languageId === 'python' ? 'bgp_group_id' : c.languageId === 'csharp' || c.languageId === 'go' ? 'BgpGroupId' : 'bgpGroupId') + '`'));
      });
    });
  }

  describe('a config struct written apart from its construct (test/fixtures/cdktf/configs.*)', () => {
    const LANGUAGE_IDS: Record<string, string> = { typescript: 'typescript', python: 'python', java: 'java', csharp: 'csharp', go: 'go' };
    for (const [name, language] of CDKTF_CONFIG_FIXTURES) {
      it(`${language}: its out-of-range value is fixed in place; hover and completion work inside it`, async () => {
        const text = cdktfFixture(name);
        const u = uri(name);
        const ds = await lsp.open(u, text, LANGUAGE_IDS[language]);
        // The config's `300` (the construct written with its config has 999).
        const d = ds.find((x) => x.code === 'value-out-of-range' && / 300$/.test(x.message));
        assert.ok(d, JSON.stringify(ds.map((x) => x.message)));
        const action = (await lsp.codeActions(u, d.range, [d])).find((a) => a.title === 'Clamp to 255');
        assert.ok(action, 'Clamp to 255 is offered');
        const edits = editsFor(action.edit, u, 1);
        const fixed = applyEdits(text, edits);
        const line = text.split('\n')[d.range.start.line];
        assert.equal(fixed, text.replace(line, line.replace('300', '255')), 'only the value changed');
        const after = await lsp.change(u, asContentChanges(edits), 2);
        assert.ok(!after.some((x) => / 300$/.test(x.message)), 'the finding is gone');
        // Hover on the config's argument name, in the language's naming.
        const hover = await lsp.hover(u, { line: d.range.start.line, character: line.search(/bfd/i) + 2 });
        const md = (hover?.contents as { value: string } | undefined)?.value ?? '';
        assert.ok(/^\*\*(bfdMultiHop|bfd_multi_hop|BfdMultiHop)\*\*/.test(md), md);
        // Completion on a new line of the config offers the arguments not yet written.
        const indent = /^\s*/.exec(line)![0];
        const at = { line: d.range.start.line + 1, character: 0 };
        const typedText = language === 'java' ? `${indent}.` : indent;
        await lsp.change(u, [{ range: { start: at, end: at }, text: typedText + '\n' }], 3);
        const items = await lsp.completion(u, { line: at.line, character: typedText.length });
        const labels = items.map((i) => i.label);
        assert.ok(labels.some((l) => /^(enableBfd|enable_bfd|EnableBfd)$/.test(l)), JSON.stringify(labels));
        assert.ok(!labels.some((l) => /^(bgpGroupId|bgp_group_id|BgpGroupId)$/.test(l)), 'written already');
      });
    }
  });

  it('Python: a finding in a dict a few lines above the call that unpacks it (**config) gets its quick fixes there', async () => {
    const text = 'config = {"bgp_group_id": "g", "bfd_multi_hop": 300, "enable_bfd": True}\nx = 1\nVpcBgpPeer(self, "p", **config)\n';
    const u = uri('stack.py');
    const d = (await lsp.open(u, text, 'python')).find((x) => x.code === 'value-out-of-range');
    assert.ok(d && d.range.start.line === 0, JSON.stringify(d));
    const action = (await lsp.codeActions(u, d.range, [d])).find((a) => a.title === 'Clamp to 255');
    assert.ok(action, 'Clamp to 255 is offered on the dict\'s line');
    assert.equal(applyEdits(text, editsFor(action.edit, u, 1)), text.replace('300', '255'));
  });

  it('an ordinary TypeScript file gets an empty diagnostics push and no completion', async () => {
    const u = uri('util.ts');
    const text = 'export function f(a: number) {\n  return { a, b: [1, 2] };\n}\n';
    assert.deepEqual(await lsp.open(u, text, 'typescript'), []);
    assert.deepEqual(await lsp.completion(u, { line: 1, character: 12 }), []);
  });

  it('picks the adapter by extension when the language id is unknown', async () => {
    const ds = await lsp.open(uri('stack.py'), CASES[1].invalid, 'plaintext');
    assert.deepEqual(codes(ds), ['bfd-multi-hop-without-bfd', 'value-out-of-range']);
  });

  it('half-typed code: the rest of the file stays analysed and completion works in the construct being typed', async () => {
    const u = uri('stack.ts');
    const text = `class S extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new VpcBgpPeer(this, "a", { bgpGroupId: "bgpg-1", bfdMultiHop: 0, enableBfd: true });
    new VpcBgpPeer(this, "c", { bgpGroupId: "bgpg-1", ipVersion: "IPv5" });
  }
}
`;
    const ds1 = await lsp.open(u, text, 'typescript');
    assert.deepEqual(codes(ds1), ['invalid-value', 'value-out-of-range']);
    // Type an unclosed construct between the two: `new VpcBgpPeer(this, "b", { bgpGroupId: g.id, ` and no closing.
    const typed = `    new VpcBgpPeer(this, "b", { bgpGroupId: g.id, status: "x", `;
    const ds2 = await lsp.change(u, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: typed + '\n' }]);
    assert.deepEqual(codes(ds2), ['invalid-value', 'read-only-argument', 'value-out-of-range']);
    const items = await lsp.completion(u, { line: 4, character: typed.length });
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('enableBfd') && labels.includes('ipVersion'), JSON.stringify(labels));
    assert.ok(!labels.includes('bgpGroupId'), 'bgpGroupId is already written in the unclosed construct');
  });
});
