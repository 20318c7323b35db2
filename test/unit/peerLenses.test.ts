// The code lens on VBRs and BGP groups: what reaches them, counted as the too-many-peers-per-vbr rule counts.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { peerLensOf, peerLensPlaces, peerLocations, placesOf } from '../../server/src/engine/peerLenses';
import { analyse } from './inline';

const VBR = (name: string, extra = '') => `
resource "alicloud_express_connect_virtual_border_router" "${name}" {
${extra}  physical_connection_id = "pc-1"
  vlan_id                = 1
  local_gateway_ip       = "10.0.0.1"
  peer_gateway_ip        = "10.0.0.2"
  peering_subnet_mask    = "255.255.255.252"
}`;
const GROUP = (name: string, router: string, extra = '') => `
resource "alicloud_vpc_bgp_group" "${name}" {
${extra}  router_id = ${router}
  peer_asn  = 65010
}`;
const PEER = (name: string, group: string, extra = '') => `
resource "alicloud_vpc_bgp_peer" "${name}" {
${extra}  bgp_group_id = ${group}
}`;

/** Each lens of the file as `line address: title`. */
function lenses(text: string, others: { uri: string; text: string }[] = []): string[] {
  const { file, ctx } = analyse(text, 'file:///main.tf', others);
  return peerLensPlaces(file, ctx).map((p) => `${p.range.start.line} ${p.address}: ${peerLensOf(p.address, ctx)?.title}`);
}

const v = 'alicloud_express_connect_virtual_border_router.v';
const vbr = 'alicloud_express_connect_virtual_border_router';
const g = (n: string) => `alicloud_vpc_bgp_group.${n}.id`;

test('a VBR counts the groups on it and the peers through them, count and for_each written out, against the rule limit', () => {
  const text = VBR('v') + GROUP('a', `${v}.id`) + GROUP('b', `${v}.id`) + PEER('one', g('a')) + PEER('three', g('a'), '  count = 3\n') + PEER('keyed', g('b'), '  for_each = { x = 1 }\n') + PEER('none', g('b'), '  count = 0\n');
  assert.deepEqual(lenses(text), [
    `1 ${v}: 2 BGP groups, 5 BGP peers (of 8)`,
    '8 alicloud_vpc_bgp_group.a: 4 BGP peers',
    '12 alicloud_vpc_bgp_group.b: 1 BGP peer',
  ]);
});

test('nothing on a VBR is 0 of 8; a group with one peer is singular', () => {
  assert.deepEqual(lenses(VBR('v') + GROUP('a', `${v}.id`) + PEER('p', g('a'))), [`1 ${v}: 1 BGP group, 1 BGP peer (of 8)`, '8 alicloud_vpc_bgp_group.a: 1 BGP peer']);
  assert.deepEqual(lenses(VBR('v')), [`1 ${v}: 0 BGP groups, 0 BGP peers (of 8)`]);
});

test('a number of instances the module does not fix is a lower bound, on groups and peers alike', () => {
  const text = VBR('v') + GROUP('a', `${v}.id`) + GROUP('many', `${v}.id`, '  count = var.n\n') + PEER('two', g('a'), '  count = 2\n') + PEER('some', g('a'), '  for_each = var.peers\n');
  assert.deepEqual(lenses(text), [
    `1 ${v}: 1+ BGP groups, 2+ BGP peers (of 8)`,
    '8 alicloud_vpc_bgp_group.a: 2+ BGP peers',
    '12 alicloud_vpc_bgp_group.many: 0 BGP peers',
  ]);
});

test('a VBR with instances: the limit is per instance, and a peer on an instance chosen by its own key is not placed', () => {
  const text =
    VBR('v', '  count = 2\n') + GROUP('g0', `${v}[0].id`) + GROUP('g1', `${v}[1].id`) + PEER('on0', g('g0'), '  count = 5\n') + PEER('on1', g('g1'), '  count = 3\n');
  assert.deepEqual(lenses(text)[0], `1 ${v}: 2 BGP groups, 8 BGP peers (5 on the busiest instance, of 8)`);
  const unplaced = VBR('v', '  count = 2\n') + GROUP('g', `${v}[count.index].id`, '  count = 2\n') + PEER('p', g('g'), '  count = 4\n');
  assert.deepEqual(lenses(unplaced)[0], `1 ${v}: 2 BGP groups, 4 BGP peers (on instances not known, of 8 each)`);
  const both = VBR('v', '  count = 2\n') + GROUP('g0', `${v}[0].id`) + GROUP('g', `${v}[count.index].id`, '  count = 2\n') + PEER('p', g('g'), '  count = 4\n') + PEER('q', g('g0'), '  count = 3\n');
  assert.deepEqual(lenses(both)[0], `1 ${v}: 3 BGP groups, 7 BGP peers (3+ on the busiest instance, of 8)`);
});

test("the lens's peer count is the rule's: 9 on a VBR of 8 is what the warning counts", () => {
  const text = VBR('v') + GROUP('a', `${v}.id`) + PEER('many', g('a'), '  count = 9\n');
  const { file, ctx, diagnostics } = analyse(text, 'file:///main.tf');
  assert.match(diagnostics.find((d) => d.code === 'too-many-peers-per-vbr')!.message, /9 peers/);
  assert.equal(peerLensOf(peerLensPlaces(file, ctx)[0].address, ctx)?.title, '1 BGP group, 9 BGP peers (of 8)');
});

test('peers in other files of the module count, and the lens shows where each is declared', () => {
  const other = { uri: 'file:///peers.tf', text: GROUP('a', `${v}.id`) + PEER('p', g('a')) + PEER('q', g('a'), '  count = 2\n') };
  const { file, ctx } = analyse(VBR('v'), 'file:///main.tf', [other]);
  const lens = peerLensOf(`${vbr}.v`, ctx)!;
  assert.equal(lens.title, '1 BGP group, 3 BGP peers (of 8)');
  const { file: peers } = analyse(other.text, other.uri);
  assert.deepEqual(
    peerLocations(lens.peers, placesOf('alicloud_vpc_bgp_peer', [['file:///main.tf', file], [other.uri, peers]])).map((l) => `${l.uri}:${l.range.start.line}`),
    ['file:///peers.tf:5', 'file:///peers.tf:8'],
  );
});

test('an override file has no lenses, nor a file declaring neither VBR nor group', () => {
  const base = { uri: 'file:///main.tf', text: VBR('v') };
  const { file, ctx } = analyse(`resource "${vbr}" "v" {\n  vlan_id = 2\n}\n`, 'file:///main_override.tf', [base]);
  assert.deepEqual(peerLensPlaces(file, ctx), []);
  assert.deepEqual(lenses(PEER('p', g('a'))), []);
});

test('a .tf.json file has lenses on its VBRs', () => {
  const json = JSON.stringify({ resource: { [vbr]: { v: { vlan_id: 1 } } } }, null, 2);
  const { file, ctx } = analyse(json, 'file:///main.tf.json', [{ uri: 'file:///g.tf', text: GROUP('a', `${v}.id`) + PEER('p', g('a')) }]);
  const places = peerLensPlaces(file, ctx);
  assert.deepEqual(places.map((p) => `${p.range.start.line} ${peerLensOf(p.address, ctx)?.title}`), ['3 1 BGP group, 1 BGP peer (of 8)']);
});
