/**
 * "Fix all" over stdio: the `source.fixAll.alicloudBgp` code action applies every fix that is safe unasked (a
 * misspelt name, `"yes"` for a bool, a read-only argument) to the whole file, in rounds where fixes meet, and
 * leaves the fixes that guess at an intent (a value brought into range, BFD turned on) to the user. Its edits are
 * the changed lines only. It is offered only when asked for by kind (the Source Action menu, on save).
 *
 * Run: npm run build && npx tsx --test test/protocol/fixAll.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource, CodeAction, CodeActionRequest } from 'vscode-languageserver-protocol/node';
import { applyEdits, asContentChanges, codes, editsFor, LspClient, uri } from '../helpers/lsp';

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('fix all', () => {
  let lsp: LspClient;
  before(async () => (lsp = await LspClient.start()));
  after(() => lsp.stop());

  /** Opens `text`, asks for source actions and returns the fix-all action (if offered) and what it makes of the text. */
  async function fixAll(text: string, name = 'main.tf', languageId = 'terraform', only = ['source']) {
    const u = uri(name);
    await lsp.open(u, text, languageId);
    const actions = await lsp.codeActions(u, WHOLE, [], only);
    const action = actions.find((a: CodeAction) => a.kind === 'source.fixAll.alicloudBgp');
    if (!action) return { u, action, actions };
    const edits = editsFor(action.edit, u, 1);
    return { u, action, actions, edits, text: applyEdits(text, edits) };
  }

  it('applies the safe fixes of every block, and only those', async () => {
    const text = [
      'resource "alicloud_vpc_bgp_group" "g" {',
      '  peer_asn  = 65001',
      '  router_id = "vbr-1"',
      '}',
      '',
      'resource "alicloud_vpc_bgp_peer" "p" {',
      '  bgp_group_id = alicloud_vpc_bgp_group.g.id',
      '  bfd_multihop = 300',
      '  status       = "Available"',
      '}',
      '',
      'resource "alicloud_express_connect_virtual_border_router" "v" {',
      '  physical_connection_id = "pc-1"',
      '  local_gateway_ip       = "10.0.0.1"',
      '  peer_gateway_ip        = "10.0.0.2"',
      '  peering_subnet_mask    = "255.255.255.252"',
      '  vlan_id                = 10',
      '  status                 = "Active"',
      '}',
      '',
      'resource "alicloud_vpc_bgp_peer" "q" {',
      '  bgp_group_id  = "bgpg-1"',
      '  enable_bfd    = "yes"',
      '  bfd_multi_hop = 0',
      '}',
      '',
    ].join('\n');
    const r = await fixAll(text);
    assert.ok(r.action, JSON.stringify(r.actions));
    assert.equal(r.action.title, 'Fix all auto-fixable Alibaba Cloud BGP problems (4 fixes)');
    assert.equal(
      r.text,
      text
        // Renamed, and the block's `=` realigned as `terraform fmt` would.
        .replace('bgp_group_id = alicloud', 'bgp_group_id  = alicloud')
        .replace('bfd_multihop = 300', 'bfd_multi_hop = 300')
        .replace('  status       = "Available"\n', '')
        .replace('"yes"', 'true')
        // Only the letter case was wrong.
        .replace('"Active"', '"active"'),
    );
    // The guesses are left: 300 and 0 are still out of range, and BFD is still off under the renamed hop count.
    const afterFix = await lsp.change(r.u, asContentChanges(r.edits), 2);
    assert.deepEqual(codes(afterFix), ['bfd-multi-hop-without-bfd', 'value-out-of-range', 'value-out-of-range']);
    // Only changed lines are edited: the group block and the VBR's first lines are outside every edit.
    for (const e of r.edits) assert.ok(e.range.start.line >= 6 && !(e.range.start.line <= 12 && e.range.end.line > 12), JSON.stringify(e.range));
    // One edit per run of changed lines: the first peer (renamed, realigned, a line removed), the VBR, the second peer.
    assert.equal(r.edits.length, 3, JSON.stringify(r.edits));
  });

  it('fixes a reference\'s misspelt attribute and a bare word meant as a literal', async () => {
    const text = 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  peer_asn  = 65001\n}\n\nresource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.g.idd\n  enable_bfd   = True\n}\n';
    const r = await fixAll(text);
    assert.ok(r.action, JSON.stringify(r.actions));
    assert.equal(r.text, text.replace('.g.idd', '.g.id').replace('True', 'true'));
  });

  it('applies fixes that meet in rounds: two misspelt names in one aligned block', async () => {
    const text = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id   = "bgpg-1"\n  enable_bdf     = true\n  bfd_multihop   = 3\n}\n';
    const r = await fixAll(text);
    assert.ok(r.action);
    assert.equal(r.action.title, 'Fix all auto-fixable Alibaba Cloud BGP problems (2 fixes)');
    assert.ok(r.text.includes('enable_bfd') && r.text.includes('bfd_multi_hop'), r.text);
    assert.deepEqual(codes(await lsp.change(r.u, asContentChanges(r.edits), 2)), []);
  });

  it('leaves a fix that would take a comment with it (a removal), in Terraform and in CDKTF, as a quick fix to choose', async () => {
    const text = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  status       = "Available" # set by the NOC\n  enable_bfd   = "yes" # on, per the runbook\n}\n';
    const r = await fixAll(text);
    assert.ok(r.action, JSON.stringify(r.actions));
    // The bool's fix keeps its line's comment; the removal of `status` would drop one.
    assert.equal(r.text, text.replace('"yes"', 'true'));
    const ts = 'import { VpcBgpPeer } from "@cdktf/provider-alicloud/lib/vpc-bgp-peer";\nnew VpcBgpPeer(this, "p", {\n  bgpGroupId: "bgpg-1",\n  status: "Available", // set by the NOC\n});\n';
    assert.equal((await fixAll(ts, 'main.ts', 'typescript')).action, undefined);
  });

  it('keeps what ignore comments silence, and the file\'s CRLF line breaks', async () => {
    const text = 'resource "alicloud_vpc_bgp_peer" "p" {\r\n  bgp_group_id = "bgpg-1"\r\n  # alicloud-bgp-ignore: unknown-argument\r\n  enable_bdf = true\r\n  status = "Available"\r\n}\r\n';
    const r = await fixAll(text);
    assert.ok(r.action);
    assert.equal(r.text, text.replace('  status = "Available"\r\n', ''));
  });

  /** A large file with a misspelt name in each of its blocks: fix all takes the server a while on it. */
  const large = (blocks: number) =>
    Array.from({ length: blocks }, (_, i) => `resource "alicloud_vpc_bgp_peer" "p${i}" {\n  bgp_group_id  = "bgpg-${i}"\n  bfd_multihop  = 3\n  enable_bfd    = true\n  description   = "peer ${i}"\n}\n`).join('');

  it('on a large file, stops when the document changes meanwhile: no edit of the old text, and the change is read', async () => {
    const u = uri('large-changed.tf');
    const text = large(3000);
    await lsp.open(u, text);
    // The change comes while the server works on the request (as VS Code sends it, cancelling the request too).
    const pending = lsp.codeActions(u, WHOLE, [], ['source']);
    lsp.notifyChange(u, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }], 2);
    const actions = await pending;
    assert.equal(actions.find((a) => a.kind === 'source.fixAll.alicloudBgp'), undefined, 'no fix all of the text before the change');
    // Asked again, the action is of the changed text: its edits fit it.
    const again = (await lsp.codeActions(u, WHOLE, [], ['source'])).find((a) => a.kind === 'source.fixAll.alicloudBgp');
    assert.ok(again);
    const fixed = applyEdits('# edited\n' + text, editsFor(again.edit, u, 2));
    assert.equal(fixed, '# edited\n' + text.replaceAll('bfd_multihop  = 3', 'bfd_multi_hop = 3'));
  });

  it('on a large file, stops when the request is cancelled', async () => {
    const u = uri('large-cancelled.tf');
    await lsp.open(u, large(3000));
    const source = new CancellationTokenSource();
    const pending = lsp.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: WHOLE, context: { diagnostics: [], only: ['source'] } }, source.token);
    source.cancel();
    // Answered with no action (or refused as cancelled): either way, not the seconds of work a whole answer takes.
    const answer = await pending.catch((e: { code?: number }) => (e.code === -32800 ? [] : Promise.reject(e)));
    assert.deepEqual(answer, []);
  });

  it('is offered only when asked for by kind, and only with something to fix', async () => {
    const text = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  enable_bdf   = true\n}\n';
    assert.ok((await fixAll(text, 'main.tf', 'terraform', ['source.fixAll'])).action);
    assert.ok((await fixAll(text, 'main.tf', 'terraform', ['source.fixAll.alicloudBgp'])).action);
    // The request at every cursor move (no `only`), and a request for quick fixes alone, do not compute it.
    const u = uri();
    await lsp.open(u, text);
    assert.ok(!(await lsp.codeActions(u, WHOLE, [])).some((a) => a.kind?.startsWith('source')));
    assert.ok(!(await lsp.codeActions(u, WHOLE, [], ['quickfix'])).some((a) => a.kind?.startsWith('source')));
    // Nothing safe to fix: an out-of-range value alone.
    assert.equal((await fixAll('resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  bfd_multi_hop = 300\n}\n')).action, undefined);
    // The server says it offers the kind.
    const kinds = (lsp.initializeResult.capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds;
    assert.ok(kinds.includes('source.fixAll.alicloudBgp'), JSON.stringify(kinds));
  });

  it('removes the ignored earlier call of a Java builder setter called twice (the program means the same)', async () => {
    const text = [
      'import com.hashicorp.cdktf.providers.alicloud.vpc_bgp_peer.VpcBgpPeer;',
      'class Peers {',
      '  void peers(Object scope) {',
      '    VpcBgpPeer.Builder.create(scope, "p")',
      '        .bgpGroupId("bgpg-1")',
      '        .enableBfd(false)',
      '        .enableBfd(true)',
      '        .build();',
      '  }',
      '}',
      '',
    ].join('\n');
    const r = await fixAll(text, 'Peers.java', 'java');
    assert.ok(r.action, JSON.stringify(r.actions));
    assert.equal(r.text, text.replace('        .enableBfd(false)\n', ''));
  });

  it('fixes a CDKTF TypeScript construct in its own syntax', async () => {
    const text = [
      'import { VpcBgpGroup } from "@cdktf/provider-alicloud/lib/vpc-bgp-group";',
      'import { VpcBgpPeer } from "@cdktf/provider-alicloud/lib/vpc-bgp-peer";',
      'export function peers(scope: any) {',
      '  const g = new VpcBgpGroup(scope, "g", { routerId: "vbr-1", peerAsn: 65001, isFakeAsn: "yes" });',
      '  new VpcBgpPeer(scope, "p", {',
      '    bgpGroupId: g.id,',
      '    enableBdf: true,',
      '  });',
      '}',
      '',
    ].join('\n');
    const r = await fixAll(text, 'main.ts', 'typescript');
    assert.ok(r.action, JSON.stringify(r.actions));
    assert.equal(r.text, text.replace('enableBdf', 'enableBfd').replace('"yes"', 'true'));
  });
});
