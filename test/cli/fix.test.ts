/**
 * `alicloud-bgp-check --fix`: writes into the files the fixes safe to apply unasked (as the editor's "Fix all"),
 * names each fixed file and its fixes on stderr, and reports what is left; the report on stdout stays valid
 * JSON. It keeps a file's byte-order mark and CRLF line breaks, leaves codes turned off alone, fixes a file in
 * the module its other files make (also on worker threads), and touches no file without a fix.
 *
 * Run: npm run build && npx tsx --test test/cli/fix.test.ts
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runCli, runJson, tempTrees } from '../helpers/cli';

const tree = tempTrees(after);
/** A file of a fixture folder as the run left it. */
const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');

/** A misspelt name, a read-only argument and `"yes"` for a bool (safe fixes), and 300 out of range (a guess, left). */
const PEER = `resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id  = alicloud_vpc_bgp_group.g.id
  enable_bfd    = "yes"
  bfd_multihop  = 300
  status        = "Available"
}
`;
const FIXED = `resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id  = alicloud_vpc_bgp_group.g.id
  enable_bfd    = true
  bfd_multi_hop = 300
}
`;
const GROUP = 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  peer_asn  = 65001\n}\n';

describe('--fix', () => {
  it('writes the safe fixes, names them on stderr and reports what is left', () => {
    const dir = tree({ 'peer.tf': PEER, 'group.tf': GROUP });
    const before = fs.statSync(path.join(dir, 'group.tf')).mtimeMs;
    const res = runJson(['--fix', dir]);
    assert.equal(read(dir, 'peer.tf'), FIXED);
    assert.deepEqual(res.findings.map((f) => f.code), ['value-out-of-range']);
    assert.equal(res.status, 1);
    assert.match(res.stderr, /fixed 3 problems in .*peer\.tf:\n {2}type-mismatch: Use true\n {2}unknown-argument: Rename to "bfd_multi_hop"\n {2}read-only-argument: Remove status\n$/);
    // A file without a fix is not written.
    assert.equal(fs.statSync(path.join(dir, 'group.tf')).mtimeMs, before);
    // Run again: nothing left to fix, nothing said.
    const again = runCli(['--fix', dir]);
    assert.equal(again.stderr, '');
    assert.equal(read(dir, 'peer.tf'), FIXED);
  });

  it('writes the safe fixes of a .tf.json file in JSON, with CRLF line breaks kept', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const json = (body: string) => crlf(`{\n  "resource": {\n    "alicloud_vpc_bgp_peer": {\n      "p": {\n${body}\n      }\n    }\n  }\n}\n`);
    const written = ['        "bgp_group_id": "${alicloud_vpc_bgp_group.g.id}",', '        "enable_bfd": "yes",', '        "bfd_multihop": 300,', '        "status": "Available"'];
    const dir = tree({ 'peer.tf.json': json(written.join('\n')), 'group.tf': GROUP });
    const res = runJson(['--fix', dir]);
    assert.equal(read(dir, 'peer.tf.json'), json([written[0], '        "enable_bfd": true,', '        "bfd_multi_hop": 300'].join('\n')));
    assert.deepEqual(res.findings.map((f) => f.code), ['value-out-of-range']);
    assert.match(res.stderr, /fixed 3 problems in .*peer\.tf\.json:\n {2}type-mismatch: Use true\n {2}unknown-argument: Rename to "bfd_multi_hop"\n {2}read-only-argument: Remove status\n$/);
  });

  it('without --fix, writes nothing', () => {
    const dir = tree({ 'peer.tf': PEER, 'group.tf': GROUP });
    runCli([dir]);
    assert.equal(read(dir, 'peer.tf'), PEER);
  });

  it('keeps the byte-order mark and CRLF line breaks', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const dir = tree({ 'peer.tf': '\ufeff' + crlf(PEER), 'group.tf': GROUP });
    runCli(['--fix', dir]);
    assert.equal(read(dir, 'peer.tf'), '\ufeff' + crlf(FIXED));
  });

  it('leaves a code turned off, and a finding an ignore comment silences', () => {
    const text = PEER.replace('  status', '  # alicloud-bgp-ignore: read-only-argument\n  status');
    const dir = tree({ 'peer.tf': text, 'group.tf': GROUP });
    const res = runJson(['--fix', '--severity', 'type-mismatch=off', dir]);
    assert.equal(read(dir, 'peer.tf'), text.replace('bfd_multihop  = 300', 'bfd_multi_hop = 300'));
    assert.deepEqual(res.findings.map((f) => f.code), ['value-out-of-range']);
  });

  it('fixes on worker threads too, and CDKTF files in their own syntax', () => {
    const ts = 'import { VpcBgpPeer } from "@cdktf/provider-alicloud/lib/vpc-bgp-peer";\nexport function f(scope: any) {\n  new VpcBgpPeer(scope, "p", { bgpGroupId: "bgpg-1", enableBdf: true });\n}\n';
    const dir = tree({ 'a/peer.tf': PEER, 'a/group.tf': GROUP, 'b/peer.tf': PEER, 'b/group.tf': GROUP, 'c/main.ts': ts });
    const res = runCli(['--fix', dir], undefined, { ALICLOUD_BGP_CHECK_THREADS: '2' });
    assert.equal(read(dir, 'a/peer.tf'), FIXED);
    assert.equal(read(dir, 'b/peer.tf'), FIXED);
    assert.equal(read(dir, 'c/main.ts'), ts.replace('enableBdf', 'enableBfd'));
    assert.equal(res.stderr.match(/fixed \d+ problems? in/g)?.length, 3, res.stderr);
  });

  it('renames only one of two misspellings of one name in a block: both renamed would write it twice', () => {
    // Not aligned, so the two renames' edits do not meet: only the name they write tells them apart.
    const text = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "x"\n  enable_bfd = true\n  bfd_multihop = 3\n  bfd_multihopp = 4\n}\n';
    const dir = tree({ 'peer.tf': text });
    const res = runJson(['--fix', dir]);
    assert.equal(read(dir, 'peer.tf'), text.replace('bfd_multihop ', 'bfd_multi_hop '));
    assert.deepEqual(res.findings.map((f) => f.code), ['unknown-argument']);
  });

  it('leaves a misspelt name as close to two names as it is to one (a guess): min_interval, rx or tx?', () => {
    const vbr = (interval: string) =>
      `resource "alicloud_express_connect_virtual_border_router" "v" {\n  physical_connection_id = "pc-1"\n  vlan_id = 10\n  ${interval} = 300\n}\n`;
    const dir = tree({ 'vbr.tf': vbr('min_interval'), 'b/vbr.tf': vbr('min_tx_intreval') });
    const res = runJson(['--fix', dir]);
    assert.equal(read(dir, 'vbr.tf'), vbr('min_interval'));
    assert.match(res.findings.map((f) => f.message).join('\n'), /Unknown argument "min_interval"/);
    // One name nearest: renamed.
    assert.equal(read(dir, 'b/vbr.tf'), vbr('min_tx_interval'));
  });

  it('fixes a reference to the block\'s own ID by another name, and leaves guesses at another ID or a name as close to two', () => {
    const text = (group: string, vbr: string, interval: string) =>
      [
        'resource "alicloud_express_connect_virtual_border_router" "v" {',
        '  physical_connection_id = "pc-1"',
        '  vlan_id                = 10',
        '}',
        'resource "alicloud_vpc_bgp_peer" "p" {',
        `  bgp_group_id    = alicloud_vpc_bgp_group.g.${group}`,
        `  peer_ip_address = alicloud_express_connect_virtual_border_router.v.${vbr}`,
        `  bfd_multi_hop   = alicloud_express_connect_virtual_border_router.v.${interval}`,
        '}',
        GROUP,
      ].join('\n');
    const dir = tree({ 'main.tf': text('bgp_group_id', 'vpc_id', 'min_interval') });
    runJson(['--fix', dir]);
    // The group's `bgp_group_id` is its `id`; the VBR has no VPC ID, and `min_interval` may be rx or tx.
    assert.equal(read(dir, 'main.tf'), text('id', 'vpc_id', 'min_interval'));
    const vbr = tree({ 'main.tf': text('id', 'vbr_id', 'min_tx_intreval') });
    runJson(['--fix', vbr]);
    assert.equal(read(vbr, 'main.tf'), text('id', 'id', 'min_tx_interval'));
  });

  it('writes nothing into a file that is not UTF-8: its other bytes would be lost', () => {
    const dir = tree({ 'group.tf': GROUP });
    // A comment saved in Latin-1: "café", é as the one byte 0xE9.
    const latin1 = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\n' + PEER)]);
    fs.writeFileSync(path.join(dir, 'peer.tf'), latin1);
    const res = runCli(['--fix', dir]);
    assert.ok(fs.readFileSync(path.join(dir, 'peer.tf')).equals(latin1));
    assert.match(res.stderr, /peer\.tf: the fixes were not written: the file is not UTF-8/);
    assert.equal(res.status, 2);
    // Valid UTF-8, U+FFFD itself included, is written.
    fs.writeFileSync(path.join(dir, 'peer.tf'), '# \ufffd caf\u00e9\n' + PEER);
    runCli(['--fix', dir]);
    assert.equal(read(dir, 'peer.tf'), '# \ufffd caf\u00e9\n' + FIXED);
  });

  it('writes a bare word as the bool or accepted value it names, and leaves one that may be a reference written short', () => {
    const text = (router: string, version: string) =>
      `resource "alicloud_vpc_bgp_group" "g" {\n  router_id = ${router}\n  peer_asn  = 65001\n}\n` +
      `resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.g.id\n  ip_version   = ${version}\n}\n`;
    const dir = tree({ 'main.tf': text('edge', 'ipv6') });
    const res = runJson(['--fix', dir]);
    // `edge` may be the VBR named edge: quoting it would silence the error with a router ID that is none.
    assert.equal(read(dir, 'main.tf'), text('edge', '"IPv6"'));
    assert.deepEqual(res.findings.map((f) => f.code), ['invalid-reference']);
  });

  it('removes a repeated argument that writes the same value again, and leaves one that writes another', () => {
    const text = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = true\n  bfd_multi_hop = 3\n  enable_bfd    = true\n  bfd_multi_hop = 4\n}\n';
    const dir = tree({ 'peer.tf': text });
    const res = runJson(['--fix', dir]);
    assert.equal(read(dir, 'peer.tf'), text.replace('  enable_bfd    = true\n  bfd_multi_hop = 4', '  bfd_multi_hop = 4'));
    // 3 or 4: which one was meant is the user's choice.
    assert.deepEqual(res.findings.map((f) => f.code), ['duplicate-argument']);
  });

  it('keeps each line\'s own line break in a file mixing \\n and \\r\\n, where a rename realigns a block', () => {
    // The first break is \n: the realigned lines kept theirs, \r\n.
    const text = (hop: string, pad: string) =>
      `# generated\nresource "alicloud_vpc_bgp_peer" "p" {\r\n  bgp_group_id ${pad}= "x"\r\n  enable_bfd   ${pad}= true\r\n  ${hop} = 3\r\n}\r\n`;
    const dir = tree({ 'peer.tf': text('bfd_multihop', '') });
    runCli(['--fix', dir]);
    assert.equal(read(dir, 'peer.tf'), text('bfd_multi_hop', ' '));
  });

  it('keeps an overwritten Java setter whose value is a call, which may do something, and removes one holding a literal', () => {
    const java = (hops: string, bfd: string) =>
      [
        'import com.hashicorp.cdktf.providers.alicloud.vpc_bgp_peer.VpcBgpPeer;',
        'class Peers {',
        '  int n = 0;',
        '  String next() { n++; return "bgpg-" + n; }',
        '  void peers(Object scope) {',
        '    VpcBgpPeer.Builder.create(scope, "p")',
        `${hops}        .bgpGroupId("bgpg-1")`,
        `${bfd}        .enableBfd(true)`,
        '        .build();',
        '  }',
        '}',
        '',
      ].join('\n');
    const dir = tree({ 'Peers.java': java('        .bgpGroupId(next())\n', '        .enableBfd(false)\n') });
    const res = runJson(['--fix', dir]);
    assert.equal(read(dir, 'Peers.java'), java('        .bgpGroupId(next())\n', ''));
    assert.deepEqual(res.findings.map((f) => f.code), ['repeated-argument']);
  });

  it('removes an argument the module\'s provider version accepts and ignores (removed from the provider), which changes nothing', () => {
    const vbr = (extra: string, pad: string) =>
      'terraform {\n  required_providers {\n    alicloud = {\n      source  = "aliyun/alicloud"\n      version = "1.270.0"\n    }\n  }\n}\n' +
      `resource "alicloud_express_connect_virtual_border_router" "v" {\n  physical_connection_id ${pad}= "pc-1"\n  vlan_id                ${pad}= 10\n  local_gateway_ip       ${pad}= "10.0.0.1"\n  peer_gateway_ip        ${pad}= "10.0.0.2"\n  peering_subnet_mask    ${pad}= "255.255.255.252"\n${extra}}\n`;
    const dir = tree({ 'vbr.tf': vbr('  include_cross_account_vbr = false\n', '   ') });
    const res = runJson(['--fix', dir]);
    assert.equal(read(dir, 'vbr.tf'), vbr('', ''));
    assert.deepEqual(res.findings, []);
  });

  it('fixes an override file in rounds too: its fixed version is judged in its place, not next to the version read', () => {
    const dir = tree({ 'main.tf': 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "x"\n}\n', 'override.tf': 'resource "alicloud_vpc_bgp_peer" "p" {\n  enable_bdf   = true\n  bfd_multihop = 3\n}\n' });
    const res = runJson(['--fix', dir]);
    // Two renames in one aligned block: the second waits for the next round.
    assert.equal(read(dir, 'override.tf'), 'resource "alicloud_vpc_bgp_peer" "p" {\n  enable_bfd    = true\n  bfd_multi_hop = 3\n}\n');
    assert.deepEqual(res.findings, []);
  });

  it('turns "yes" for a variable declared bool into true in a .tfvars file', () => {
    const dir = tree({ 'variables.tf': 'variable "bfd" {\n  type = bool\n}\n', 'terraform.tfvars': 'bfd = "yes"\n' });
    const res = runJson(['--fix', dir]);
    assert.equal(read(dir, 'terraform.tfvars'), 'bfd = true\n');
    assert.deepEqual(res.findings, []);
  });
});
