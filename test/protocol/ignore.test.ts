/**
 * `alicloud-bgp-ignore` comments over stdio: a finding silenced on its line or the line above is not published
 * and gets no fixes; every finding offers "Ignore "code" on this line", which writes that comment (in each
 * language's comment syntax, indented as the line, or added to the comment already there); what says a file
 * cannot be parsed is never silenced.
 *
 * Run: npm run build && npx tsx --test test/protocol/ignore.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Diagnostic } from 'vscode-languageserver-protocol/node';
import { applyEdits, asContentChanges, codes, editsFor, LspClient, rangeOf, uri } from '../helpers/lsp';

const PEER = (lines: string) => `resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id  = "bgpg-1"
${lines}}
`;

describe('ignore comments', () => {
  let lsp: LspClient;
  before(async () => (lsp = await LspClient.start()));
  after(() => lsp.stop());

  it('silences the named code on the comment\'s line and the next, and nothing else', async () => {
    // Above: value-out-of-range silenced, bfd-multi-hop-without-bfd (same line) still reported.
    const above = await lsp.open(uri(), PEER('  # alicloud-bgp-ignore: value-out-of-range -- a lab device\n  bfd_multi_hop = 300\n'));
    assert.deepEqual(codes(above), ['bfd-multi-hop-without-bfd']);
    // On the line itself, two codes.
    const same = await lsp.open(uri(), PEER('  bfd_multi_hop = 300 # alicloud-bgp-ignore: bfd-multi-hop-without-bfd, value-out-of-range\n'));
    assert.deepEqual(codes(same), []);
    // `all`, in a // comment.
    assert.deepEqual(codes(await lsp.open(uri(), PEER('  // alicloud-bgp-ignore: all\n  bfd_multi_hop = 300\n'))), []);
    // Two lines above is too far; another code silences nothing here.
    assert.deepEqual(codes(await lsp.open(uri(), PEER('  # alicloud-bgp-ignore: value-out-of-range\n\n  bfd_multi_hop = 300\n'))), ['bfd-multi-hop-without-bfd', 'value-out-of-range']);
    assert.deepEqual(codes(await lsp.open(uri(), PEER('  # alicloud-bgp-ignore: invalid-value\n  bfd_multi_hop = 300\n'))), ['bfd-multi-hop-without-bfd', 'value-out-of-range']);
    // Not a comment: the words inside a string.
    assert.deepEqual(codes(await lsp.open(uri(), PEER('  description = "alicloud-bgp-ignore: value-out-of-range"\n  bfd_multi_hop = 300\n'))).includes('value-out-of-range'), true);
  });

  it('never silences a syntax error', async () => {
    const d = await lsp.open(uri(), 'resource "alicloud_vpc_bgp_peer" "p" {\n  # alicloud-bgp-ignore: all\n  bfd_multi_hop = \n}\n');
    assert.ok(codes(d).includes('syntax-error'), JSON.stringify(d));
  });

  it('follows edits: typing the comment silences the finding, deleting it brings it back', async () => {
    const u = uri();
    const text = PEER('  enable_bfd    = true\n  bfd_multi_hop = 300\n');
    assert.deepEqual(codes(await lsp.open(u, text)), ['value-out-of-range']);
    const comment = '  # alicloud-bgp-ignore: value-out-of-range\n';
    const at = { line: 3, character: 0 };
    assert.deepEqual(codes(await lsp.change(u, [{ range: { start: at, end: at }, text: comment }])), []);
    const end = { line: 4, character: 0 };
    assert.deepEqual(codes(await lsp.change(u, [{ range: { start: at, end }, text: '' }])), ['value-out-of-range']);
  });

  /** Opens `text`, applies "Ignore "code" on this line" to its `code` finding, and returns the new text and findings. */
  async function ignore(text: string, code: string, languageId = 'terraform', name = 'main.tf'): Promise<{ text: string; after: Diagnostic[] }> {
    const u = uri(name);
    const before = await lsp.open(u, text, languageId);
    const target = before.find((d) => d.code === code);
    assert.ok(target, `a ${code} finding in ${JSON.stringify(before)}`);
    const actions = await lsp.codeActions(u, target.range, [target]);
    const titles = actions.map((a) => a.title);
    const action = actions.find((a) => a.title === `Ignore "${code}" on this line`);
    assert.ok(action, JSON.stringify(titles));
    assert.equal(titles.at(-1), action.title, 'offered after the fixes');
    assert.notEqual(action.isPreferred, true);
    assert.deepEqual(action.diagnostics, [target]);
    const edits = editsFor(action.edit, u, 1);
    const after = await lsp.change(u, asContentChanges(edits), 2);
    assert.ok(!after.some((d) => d.code === code), JSON.stringify(after));
    // No fix is offered for the silenced finding any more.
    const fixes = await lsp.codeActions(u, { start: { line: target.range.start.line + 1, character: 0 }, end: { line: target.range.start.line + 1, character: 200 } });
    assert.ok(!fixes.some((a) => a.diagnostics?.some((d) => d.code === code)), JSON.stringify(fixes.map((a) => a.title)));
    return { text: applyEdits(text, edits), after };
  }

  it('the quick fix writes a comment line above, indented as the line, in Terraform', async () => {
    const r = await ignore(PEER('  enable_bfd    = true\n  bfd_multi_hop = 300\n'), 'value-out-of-range');
    assert.equal(r.text, PEER('  enable_bfd    = true\n  # alicloud-bgp-ignore: value-out-of-range\n  bfd_multi_hop = 300\n'));
    assert.deepEqual(r.after, []);
  });

  it('the quick fix adds the code to an ignore comment already above', async () => {
    const r = await ignore(PEER('  # alicloud-bgp-ignore: bfd-multi-hop-without-bfd -- lab\n  bfd_multi_hop = 300\n'), 'value-out-of-range');
    assert.equal(r.text, PEER('  # alicloud-bgp-ignore: bfd-multi-hop-without-bfd, value-out-of-range -- lab\n  bfd_multi_hop = 300\n'));
    assert.deepEqual(r.after, []);
  });

  it('keeps a file\'s CRLF line breaks', async () => {
    const text = PEER('  enable_bfd    = true\n  bfd_multi_hop = 300\n').replace(/\n/g, '\r\n');
    const r = await ignore(text, 'value-out-of-range');
    assert.ok(r.text.includes('\r\n  # alicloud-bgp-ignore: value-out-of-range\r\n  bfd_multi_hop = 300\r\n'), JSON.stringify(r.text));
  });

  it('writes each CDKTF language\'s comment', async () => {
    const ts = `import { VpcBgpPeer } from "./.gen/providers/alicloud/vpc-bgp-peer";
new VpcBgpPeer(this, "p", {
  bgpGroupId: "bgpg-1",
  enableBfd: true,
  bfdMultiHop: 300,
});
`;
    const t = await ignore(ts, 'value-out-of-range', 'typescript', 'main.ts');
    assert.equal(t.text, ts.replace('  bfdMultiHop', '  // alicloud-bgp-ignore: value-out-of-range\n  bfdMultiHop'));
    assert.deepEqual(t.after, []);
    const py = `peer = VpcBgpPeer(self, "p",
    bgp_group_id="bgpg-1",
    enable_bfd=True,
    bfd_multi_hop=300
)
`;
    const p = await ignore(py, 'value-out-of-range', 'python', 'main.py');
    assert.equal(p.text, py.replace('    bfd_multi_hop', '    # alicloud-bgp-ignore: value-out-of-range\n    bfd_multi_hop'));
    assert.deepEqual(p.after, []);
    const go = `	vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{
		BgpGroupId:  jsii.String("bgpg-1"),
		EnableBfd:   jsii.Bool(true),
		BfdMultiHop: jsii.Number(300),
	})
`;
    const g = await ignore(go, 'value-out-of-range', 'go', 'main.go');
    assert.equal(g.text, go.replace('\t\tBfdMultiHop', '\t\t// alicloud-bgp-ignore: value-out-of-range\n\t\tBfdMultiHop'));
  });

  it('on a line that begins inside a string spanning lines, writes the comment at the line\'s end, not into the string', async () => {
    const py = `peer = VpcBgpPeer(self, "p", bgp_group_id=\"\"\"bgpg-
1\"\"\", enable_bfd=True, bfd_multi_hop=300)
`;
    const p = await ignore(py, 'value-out-of-range', 'python', 'main.py');
    assert.equal(p.text, py.replace('bfd_multi_hop=300)', 'bfd_multi_hop=300)  # alicloud-bgp-ignore: value-out-of-range'));
    assert.deepEqual(p.after, []);
    const ts = 'new VpcBgpPeer(this, "p", { bgpGroupId: `bgpg-\n1`, enableBfd: true, bfdMultiHop: 300 });\n';
    const t = await ignore(ts, 'value-out-of-range', 'typescript', 'main.ts');
    assert.equal(t.text, ts.replace('300 });', '300 });  // alicloud-bgp-ignore: value-out-of-range'));
  });

  it('is offered once per code and line, for a range holding several findings', async () => {
    const text = PEER('  bfd_multi_hop = 300\n');
    const u = uri();
    await lsp.open(u, text);
    const titles = (await lsp.codeActions(u, rangeOf(text, 'bfd_multi_hop = 300'))).map((a) => a.title).filter((t) => t.startsWith('Ignore'));
    assert.deepEqual(titles.sort(), ['Ignore "bfd-multi-hop-without-bfd" on this line', 'Ignore "value-out-of-range" on this line']);
  });
});
