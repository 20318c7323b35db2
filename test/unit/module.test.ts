// Module-wide understanding: resources across the files of a folder, cross-resource rules, provider versions.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { complete, completeList, MAX_REFERENCE_ITEMS } from '../../server/src/analysis/completion';
import { createSourceFile, sourceFileFor } from '../../server/src/engine/files';
import type { HclFile } from '../../server/src/engine/hclFile';
import { moduleCallsAndProvider, versionFromCdktfJson, versionsFromLockFile } from '../../server/src/engine/providerVersion';
import { moduleProvider, type ProviderSaid, type RequiredEntry } from '../../server/src/engine/providerRequirements';
import { allowedVersions } from '../../server/src/analysis/versionConstraint';
import { Workspace } from '../../server/src/engine/workspace';
import { contextFor } from '../../server/src/engine/moduleContext';
import { mergeOverrides } from '../../server/src/analysis/override';
import { dependenciesKey, stillValid, tracked } from '../../server/src/engine/trackedContext';
import { Declaration, forEachDeclaration, forEachOutline, PackedOutline, references } from '../../server/src/engine/hclSymbols';
import { Chunk, HclDocument } from '../../server/src/syntax/hcl/document';
import { defaultSchemas } from '../../server/src/schema/registry';
import { actual, applyEdits, constraintOf, cursor, expected } from './inline';
import { scratchDir } from '../helpers/scratch';
import { definition, highlights, references as navReferences } from '../../server/src/lsp/navigation';

const fixtures = path.resolve(__dirname, '../fixtures/modules');

/** Findings of one file of a fixture module, as `line:start-end code`. */
function moduleFindings(dir: string, file: string, replaceText?: string): string[] {
  const ws = new Workspace(defaultSchemas());
  const p = path.join(fixtures, dir, file);
  ws.indexDir(path.dirname(p));
  const src = createSourceFile(p, undefined, replaceText ?? fs.readFileSync(p, 'utf8'))!;
  ws.setOpen(p, src);
  return src
    .diagnostics(ws.contextFor(p, src))
    .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.code}`)
    .sort();
}

/** Every declaration of a document, nested ones after their parent. */
function declarations(doc: HclDocument): Declaration[] {
  const out: Declaration[] = [];
  forEachDeclaration(doc, (d) => out.push(d));
  return out;
}

test('a peer sees the group declared in another file of its folder', () => {
  assert.deepEqual(moduleFindings('split', 'peers.tf'), []);
  assert.deepEqual(moduleFindings('split', 'network.tf'), []);
});

test('bgp_group_id completion offers groups from every file of the module; router_id offers VBRs', () => {
  const ws = new Workspace(defaultSchemas());
  const p = path.join(fixtures, 'split', 'new.tf');
  ws.indexDir(path.dirname(p));
  const { text, pos } = cursor('resource "alicloud_vpc_bgp_peer" "c" {\n  bgp_group_id = |\n}\nresource "alicloud_vpc_bgp_group" "g" {\n  router_id = \n}\n');
  const src = createSourceFile(p, undefined, text)!;
  ws.setOpen(p, src);
  const at = src.cursorContext(pos)!;
  assert.deepEqual(complete(at.cursor, ws.contextFor(p, src), src.completionWriter).map((i) => i.label).sort(), ['alicloud_vpc_bgp_group.g.id', 'alicloud_vpc_bgp_group.primary.id']);
  const vbr = src.cursorContext({ line: 4, character: 14 })!;
  assert.deepEqual(complete(vbr.cursor, ws.contextFor(p, src), src.completionWriter).map((i) => i.label), ['alicloud_express_connect_virtual_border_router.vbr.id']);
});

test('physical_connection_id offers the data source connections.0.id', () => {
  const { text, pos } = cursor('data "alicloud_express_connect_physical_connections" "pc" {}\nresource "alicloud_express_connect_virtual_border_router" "v" {\n  physical_connection_id = |\n}\n');
  const src = createSourceFile('file:///x.tf', undefined, text)!;
  const ws = new Workspace(defaultSchemas());
  const at = src.cursorContext(pos)!;
  const labels = complete(at.cursor, ws.contextFor('/nonexistent/x.tf', src), src.completionWriter).map((i) => i.label);
  assert.deepEqual(labels, ['data.alicloud_express_connect_physical_connections.pc.connections.0.id']);
});

const cases: Record<string, string> = {
  // Terraform refuses it at validate ("Unsupported attribute: This object has no argument, nested block, or
  // exported attribute named ..."). Read-only attributes, nested paths of the data source, keys and a repeated
  // block named without its key (missing-instance-key's) are not this.
  'a reference to an attribute the resource type does not have is an error': `
data "alicloud_express_connect_physical_connections" "pc" {}
resource "alicloud_express_connect_virtual_border_router" "v" {
  physical_connection_id = data.alicloud_express_connect_physical_connections.pc.connection.0.id
  #                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ unsupported-attribute
  local_gateway_ip       = "10.0.0.1"
  peer_gateway_ip        = "10.0.0.2"
  peering_subnet_mask    = "255.255.255.252"
  vlan_id                = 1
}
resource "alicloud_vpc_bgp_group" "g" {
  count     = 2
  router_id = alicloud_express_connect_virtual_border_router.v.vbr_id
  #           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ unsupported-attribute
  peer_asn  = 65010
}
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = alicloud_vpc_bgp_group.g[0].group_id
  #              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ unsupported-attribute
}
resource "alicloud_vpc_bgp_peer" "q" {
  bgp_group_id = alicloud_vpc_bgp_group.g[1].id
  ip_version   = alicloud_vpc_bgp_group.g[1].ip_version
}
resource "alicloud_vpc_bgp_peer" "r" {
  bgp_group_id = alicloud_vpc_bgp_group.g.id
  #              ^^^^^^^^^^^^^^^^^^^^^^^^^^^ missing-instance-key
}
resource "alicloud_vpc_bgp_peer" "inner" {
  bgp_group_id = coalesce(alicloud_vpc_bgp_group.g[0].idd, alicloud_vpc_bgp_group.g[1].id)
  #              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ unsupported-attribute
  peer_ip_address = "\${alicloud_express_connect_virtual_border_router.v.peer_gateway}"
  #                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ unsupported-attribute
  depends_on      = [alicloud_vpc_bgp_group.g, alicloud_express_connect_virtual_border_router.v]
}
resource "alicloud_express_connect_virtual_border_router" "w" {
  physical_connection_id = data.alicloud_express_connect_physical_connections.pc.connections[0].id
  local_gateway_ip       = "10.0.0.1"
  peer_gateway_ip        = "10.0.0.2"
  peering_subnet_mask    = "255.255.255.252"
  vlan_id                = alicloud_express_connect_virtual_border_router.v.vlan_id
}`,
  'a reference to an undeclared group is an error; to another kind of resource a warning': `
resource "alicloud_vpc" "main" {
  cidr_block = "10.0.0.0/8"
}
resource "alicloud_vpc_bgp_group" "g" {
  router_id = alicloud_vpc.main.id
  #           ^^^^^^^^^^^^^^^^^^^^ wrong-reference-type
  peer_asn  = 65010
}
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = alicloud_vpc_bgp_group.nope.id
  #              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ undeclared-reference
}`,
  // Terraform refuses a reference to a block that is not declared, whatever its type.
  'a reference to an undeclared block of another type is an error too (a misspelt type)': `
resource "alicloud_vpc_bgp_group" "g" {
  router_id = alicloud_express_connect_virtual_border_routr.v.id
  #           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ undeclared-reference
  peer_asn  = 65010
}
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = alicloud_vpc_bgp_grup.g.id
  #              ^^^^^^^^^^^^^^^^^^^^^^^^^^ undeclared-reference
}`,
  // Terraform refuses a reference to nothing wherever it is written ("Reference to undeclared resource").
  'a reference to nothing inside a call, a template, depends_on or count is an error once per name, on the value': `
resource "alicloud_vpc_bgp_group" "g" {
  count     = 2
  router_id = "vbr-1"
  peer_asn  = 65010
}
resource "alicloud_vpc_bgp_peer" "s" {
  bgp_group_id = coalesce(alicloud_vpc_bgp_group.gx.id, alicloud_vpc_bgp_group.g[0].id, alicloud_vpc_bgp_group.gx.name)
  #              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ undeclared-reference
  depends_on   = [alicloud_vpc_bgp_group.nope, alicloud_vpc_bgp_group.g]
  #              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ undeclared-reference
}
resource "alicloud_vpc_bgp_peer" "t" {
  count        = length(alicloud_vpc_bgp_group.nope4)
  #              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ undeclared-reference
  bgp_group_id = "\${alicloud_vpc_bgp_group.gx2.id}-x"
  #              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ undeclared-reference
}`,
  // Names a for expression or a dynamic block binds are not resources, underscores or not; nor is a repeated
  // block named whole where a collection is wanted.
  'names bound by for and dynamic, and whole repeated blocks inside expressions, are not undeclared': `
resource "alicloud_vpc_bgp_group" "g" {
  count     = 2
  router_id = "vbr-1"
  peer_asn  = 65010
}
resource "alicloud_vpc_bgp_peer" "p" {
  count        = length(alicloud_vpc_bgp_group.g)
  bgp_group_id = [for my_g in alicloud_vpc_bgp_group.g : my_g.id][count.index]
  dynamic "timeouts" {
    for_each = var.timeouts
    iterator = my_t
    content {
      create = my_t.value
      delete = lookup(my_t.value, "delete", null)
    }
  }
}`,
  // Iterating over all the instances of a repeated block needs no key.
  'for_each over a block with for_each is not a missing instance key': `
resource "alicloud_vpc_bgp_group" "fe" {
  for_each  = toset(["a", "b"])
  router_id = "vbr-1"
  peer_asn  = 65010
}
resource "alicloud_vpc_bgp_peer" "p" {
  for_each     = alicloud_vpc_bgp_group.fe
  bgp_group_id = each.value.id
}`,
  "a peer's ip_version must match its group's": `
resource "alicloud_vpc_bgp_group" "v6" {
  router_id  = "vbr-1"
  peer_asn   = 65010
  ip_version = "IPv6"
}
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = alicloud_vpc_bgp_group.v6.id
  ip_version   = "IPv4"
  #              ^^^^^^ group-ip-version-mismatch
}
resource "alicloud_vpc_bgp_peer" "ok" {
  bgp_group_id = alicloud_vpc_bgp_group.v6.id
  ip_version   = "ipv6"
}
resource "alicloud_vpc_bgp_peer" "left_out" {
  bgp_group_id    = alicloud_vpc_bgp_group.v6.id
  #                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ group-ip-version-mismatch
  peer_ip_address = "fd00::2"
  #                 ^^^^^^^^^ ip-version-mismatch
}`,
  // Each peer instance reaches the VBR instance of its own index: ten VBRs with one peer each.
  'peers, groups and VBRs repeated together by count.index are one peer per VBR': `
resource "alicloud_express_connect_virtual_border_router" "v" {
  count                  = 10
  physical_connection_id = "pc-1"
  vlan_id                = 1
  local_gateway_ip       = "10.0.0.1"
  peer_gateway_ip        = "10.0.0.2"
  peering_subnet_mask    = "255.255.255.252"
}
resource "alicloud_vpc_bgp_group" "g" {
  count     = 10
  router_id = alicloud_express_connect_virtual_border_router.v[count.index].id
  peer_asn  = 65010
}
resource "alicloud_vpc_bgp_peer" "p" {
  count        = 10
  bgp_group_id = alicloud_vpc_bgp_group.g[count.index].id
}`,
  'VBR instances named by a literal key are counted apart': `
resource "alicloud_express_connect_virtual_border_router" "v" {
  count                  = 2
  physical_connection_id = "pc-1"
  vlan_id                = 1
  local_gateway_ip       = "10.0.0.1"
  peer_gateway_ip        = "10.0.0.2"
  peering_subnet_mask    = "255.255.255.252"
}
resource "alicloud_vpc_bgp_group" "g0" {
  router_id = alicloud_express_connect_virtual_border_router.v[0].id
  peer_asn  = 65010
}
resource "alicloud_vpc_bgp_group" "g1" {
  router_id = alicloud_express_connect_virtual_border_router.v[1].id
  peer_asn  = 65010
}
resource "alicloud_vpc_bgp_peer" "on0" {
  count        = 5
  bgp_group_id = alicloud_vpc_bgp_group.g0.id
}
resource "alicloud_vpc_bgp_peer" "on1" {
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ too-many-peers-per-vbr
  count        = 5
  bgp_group_id = alicloud_vpc_bgp_group.g1.id
}
resource "alicloud_vpc_bgp_peer" "more_on1" {
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ too-many-peers-per-vbr
  count        = 4
  bgp_group_id = alicloud_vpc_bgp_group.g1.id
}`,
  // A peer whose count is unknown is not counted, but it too sits on the over-full VBR.
  'more than 8 peers on one VBR is a warning, counted through count and groups': `
resource "alicloud_vpc_bgp_group" "a" {
  router_id = alicloud_express_connect_virtual_border_router.v.id
  peer_asn  = 65010
}
resource "alicloud_vpc_bgp_group" "b" {
  router_id = alicloud_express_connect_virtual_border_router.v.id
  peer_asn  = 65011
}
resource "alicloud_express_connect_virtual_border_router" "v" {
  physical_connection_id = "pc-1"
  vlan_id                = 1
  local_gateway_ip       = "10.0.0.1"
  peer_gateway_ip        = "10.0.0.2"
  peering_subnet_mask    = "255.255.255.252"
}
resource "alicloud_vpc_bgp_peer" "many" {
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ too-many-peers-per-vbr
  count        = 8
  bgp_group_id = alicloud_vpc_bgp_group.a.id
}
resource "alicloud_vpc_bgp_peer" "one_more" {
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ too-many-peers-per-vbr
  bgp_group_id = alicloud_vpc_bgp_group.b.id
}
resource "alicloud_vpc_bgp_peer" "unknown_count" {
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ too-many-peers-per-vbr
  for_each     = var.peers
  bgp_group_id = alicloud_vpc_bgp_group.b.id
}
resource "alicloud_vpc_bgp_peer" "none" {
  count        = 0
  bgp_group_id = alicloud_vpc_bgp_group.b.id
}
resource "alicloud_vpc_bgp_peer" "no_keys" {
  for_each     = {}
  bgp_group_id = alicloud_vpc_bgp_group.b.id
}`,
  // A for_each over an object written out stands for one peer per key (a repeated key counts once); over anything
  // else, the count is unknown.
  'peers made by a for_each over an object written out count toward the 8 of their VBR': `
resource "alicloud_vpc_bgp_group" "a" {
  router_id = "vbr-1"
  peer_asn  = 65010
}
resource "alicloud_vpc_bgp_peer" "site" {
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ too-many-peers-per-vbr
  for_each = {
    hz1 = "10.0.0.1", hz2 = "10.0.0.2", hz3 = "10.0.0.3", "sh-1" = "10.0.1.1", "sh-2" = "10.0.1.2"
    bj1 = "10.0.2.1", bj2 = "10.0.2.2"
  }
  bgp_group_id    = alicloud_vpc_bgp_group.a.id
  peer_ip_address = each.value
}
resource "alicloud_vpc_bgp_peer" "extra" {
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ too-many-peers-per-vbr
  for_each     = { x = 1, y = 2 }
  bgp_group_id = alicloud_vpc_bgp_group.a.id
}
resource "alicloud_vpc_bgp_group" "b" {
  router_id = "vbr-2"
  peer_asn  = 65010
}
resource "alicloud_vpc_bgp_peer" "fits" {
  for_each     = { p1 = 1, p2 = 2, p3 = 3, p4 = 4, p5 = 5, p6 = 6, p7 = 7, p1 = 8 }
  bgp_group_id = alicloud_vpc_bgp_group.b.id
}
resource "alicloud_vpc_bgp_peer" "computed_keys" {
  for_each     = { for k in var.sites : k => k }
  bgp_group_id = alicloud_vpc_bgp_group.b.id
}`,
  // toset() of strings written out: one instance per distinct string, as for the keys of an object.
  'peers made by a for_each over toset() of strings written out count toward the 8 of their VBR': `
resource "alicloud_vpc_bgp_group" "a" {
  router_id = "vbr-1"
  peer_asn  = 65010
}
resource "alicloud_vpc_bgp_peer" "site" {
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ too-many-peers-per-vbr
  for_each        = toset(["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6", "10.0.0.7", "10.0.0.8", "10.0.0.9"])
  bgp_group_id    = alicloud_vpc_bgp_group.a.id
  peer_ip_address = each.key
}
resource "alicloud_vpc_bgp_group" "b" {
  router_id = "vbr-2"
  peer_asn  = 65010
}
resource "alicloud_vpc_bgp_peer" "repeated" {
  for_each     = toset(["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p1"])
  bgp_group_id = alicloud_vpc_bgp_group.b.id
}
resource "alicloud_vpc_bgp_peer" "computed" {
  for_each     = toset(concat(var.sites, ["x"]))
  bgp_group_id = alicloud_vpc_bgp_group.b.id
}`,
};

for (const [name, text] of Object.entries(cases)) {
  test(name, () => assert.deepEqual(actual(text), expected(text)));
}

test('an argument newer than the locked provider is an error naming the version that added it', () => {
  const found = moduleFindings('old-provider', 'main.tf');
  assert.deepEqual(found, ['3:2-13 newer-than-provider']);
  const ws = new Workspace(defaultSchemas());
  const p = path.join(fixtures, 'old-provider', 'main.tf');
  ws.indexDir(path.dirname(p));
  const src = ws.moduleFiles(p)[0];
  const d = src.diagnostics(ws.contextFor(p)).find((x) => x.code === 'newer-than-provider')!;
  assert.match(d.message, /"route_limit" needs alicloud provider 1\.261\.0 or newer; this module uses 1\.230\.0/);
});

test('without a lock file the required_providers constraint decides: removed is an error, deprecated a warning', () => {
  assert.deepEqual(moduleFindings('constraint', 'main.tf'), ['6:2-33 deprecated-argument', '7:2-27 removed-in-provider']);
  const ws = new Workspace(defaultSchemas());
  const p = path.join(fixtures, 'constraint', 'main.tf');
  ws.indexDir(path.dirname(p));
  const d = ws.moduleFiles(p)[0].diagnostics(ws.contextFor(p)).find((x) => x.code === 'deprecated-argument')!;
  // The version is said once, by the message around the schema's words.
  assert.equal(d.message, '"associated_physical_connections" is deprecated since alicloud provider 1.263.0: leave it out of new configurations.');
});

/** The version findings of `body` in a module whose required_providers constraint is `constraint`. */
function underConstraint(constraint: string, body: string): string[] {
  const text = `terraform {\n  required_providers {\n    alicloud = { source = "aliyun/alicloud", version = "${constraint}" }\n  }\n}\n${body}`;
  const src = createSourceFile('file:///versions/main.tf', undefined, text)!;
  return src
    .diagnostics(contextFor([src], defaultSchemas(), constraintOf(src)))
    .filter((d) => /provider|deprecated/.test(d.code))
    .map((d) => `${d.code}: ${d.message}`);
}

test('an argument newer than the provider, or a nested key a later version added, can be removed by a quick fix', () => {
  const text = 'terraform {\n  required_providers {\n    alicloud = { source = "aliyun/alicloud", version = "1.230.0" }\n  }\n}\nresource "alicloud_vpc_bgp_group" "g" {\n  router_id   = "vbr-1"\n  peer_asn    = 65010\n  route_limit = 200\n}\n';
  const src = createSourceFile('file:///versions/main.tf', undefined, text)!;
  const ctx = contextFor([src], defaultSchemas(), constraintOf(src));
  const [found] = src.findingsAt({ start: { line: 8, character: 2 }, end: { line: 8, character: 2 } }, ctx).filter((f) => f.value.code === 'newer-than-provider');
  assert.deepEqual(found.value.fixes.map((f) => f.title), ['Remove route_limit']);
  const file = src as HclFile;
  const edits = file.writer.render(found.value.fixes[0].edits, found.value.instance!, { base: found.base, lineText: (l) => file.lineText(l) });
  assert.equal(applyEdits(text, edits), text.replace('  route_limit = 200\n', '').replace('router_id   =', 'router_id =').replace('peer_asn    =', 'peer_asn  ='));
  // A key a later version added to a nested block (the VBR's timeouts before 1.212).
  const vbr = 'terraform {\n  required_providers {\n    alicloud = { source = "aliyun/alicloud", version = "1.211.2" }\n  }\n}\nresource "alicloud_express_connect_virtual_border_router" "v" {\n  physical_connection_id = "pc-1"\n  vlan_id                = 10\n  local_gateway_ip       = "10.0.0.1"\n  peer_gateway_ip        = "10.0.0.2"\n  peering_subnet_mask    = "255.255.255.252"\n  timeouts {\n    create = "5m"\n    update = "5m"\n  }\n}\n';
  const v = createSourceFile('file:///versions/vbr.tf', undefined, vbr)! as HclFile;
  const [old] = v.findingsAt({ start: { line: 12, character: 4 }, end: { line: 12, character: 4 } }, contextFor([v], defaultSchemas(), constraintOf(v))).filter((f) => f.value.code === 'newer-than-provider');
  assert.match(old.value.message, /is not in alicloud provider 1\.211\.2 or older/);
  const removed = v.writer.render(old.value.fixes[0].edits, old.value.instance!, { base: old.base, lineText: (l) => v.lineText(l) });
  assert.equal(applyEdits(vbr, removed), vbr.replace('    create = "5m"\n', ''));
});

test('a constraint is the range of versions it allows: only what no allowed version has is an error', () => {
  const group = 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id   = "vbr-1"\n  route_limit = 200\n}\n';
  // Terraform installs the newest version allowed: 1.261.0 (route_limit) is within reach of all of these.
  for (const open of ['>= 1.200.0', '~> 1.200', '> 1.200.0', '>= 1.150, < 1.300']) assert.deepEqual(underConstraint(open, group), [], open);
  assert.deepEqual(underConstraint('~> 1.200.0', group), ['newer-than-provider: "route_limit" needs alicloud provider 1.261.0 or newer; this module\'s provider constraint is "~> 1.200.0"']);
  assert.deepEqual(underConstraint('>= 1.150, < 1.261.0', group), ['newer-than-provider: "route_limit" needs alicloud provider 1.261.0 or newer; this module\'s provider constraint is ">= 1.150, < 1.261.0"']);
  assert.deepEqual(underConstraint('1.230.0', group), ['newer-than-provider: "route_limit" needs alicloud provider 1.261.0 or newer; this module uses 1.230.0']);
  assert.deepEqual(underConstraint('< 1.152', group).map((f) => f.split(':')[0]), ['newer-than-provider', 'newer-than-provider'], 'the group itself came in 1.152.0');
  // Removed (and deprecated) only when every allowed version has removed it.
  const vbr = 'resource "alicloud_express_connect_virtual_border_router" "v" {\n  physical_connection_id = "pc-1"\n  vlan_id = 100\n  local_gateway_ip = "10.0.0.1"\n  peer_gateway_ip = "10.0.0.2"\n  peering_subnet_mask = "255.255.255.252"\n  include_cross_account_vbr = true\n}\n';
  assert.deepEqual(underConstraint('>= 1.200.0', vbr), [], 'versions before 1.263.0 still have it');
  assert.deepEqual(underConstraint('>= 1.263.0', vbr).map((f) => f.split(':')[0]), ['removed-in-provider']);
});

test("Terraform 0.12's required_providers form, a constraint alone (alicloud = \"1.230.0\"), states the version too", () => {
  const group = 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id  = "vbr-1"\n  peer_asn   = 65001\n  ip_version = "IPv4"\n}\n';
  const text = `terraform {\n  required_providers {\n    alicloud = "1.230.0"\n  }\n}\n${group}`;
  const src = createSourceFile('file:///legacy/main.tf', undefined, text)!;
  assert.equal(constraintOf(src), '1.230.0');
  const codes = src.diagnostics(contextFor([src], defaultSchemas(), constraintOf(src))).map((d) => d.code);
  assert.deepEqual(codes, ['newer-than-provider']);
});

test('a version in a provider "alicloud" block (Terraform 0.12, deprecated but obeyed) states the version too', () => {
  const peer = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n}\n';
  const codes = (text: string) => {
    const src = createSourceFile('file:///legacy-provider/main.tf', undefined, text)!;
    return src.diagnostics(contextFor([src], defaultSchemas(), constraintOf(src))).map((d) => `${d.code}: ${d.message}`);
  };
  const old = ['newer-than-provider: alicloud_vpc_bgp_peer needs alicloud provider 1.153.0 or newer; this module\'s provider constraint is "~> 1.150.0"'];
  assert.deepEqual(codes('provider "alicloud" {\n  region  = "cn-hangzhou"\n  version = "~> 1.150.0"\n}\n' + peer), old);
  assert.deepEqual(codes(peer + 'provider "alicloud" {\n  alias   = "sh"\n  version = "~> 1.150.0"\n}\n'), old, 'an aliased configuration, after the resource');
  assert.deepEqual(codes('provider "alicloudx" {\n  version = "~> 1.150.0"\n}\n' + peer), [], 'another provider');
  // With a required_providers constraint in the file, both hold: Terraform installs a version that each allows.
  const modern = 'terraform {\n  required_providers {\n    alicloud = { source = "aliyun/alicloud", version = ">= 1.100.0" }\n  }\n}\n';
  assert.deepEqual(codes('provider "alicloud" {\n  version = "~> 1.150.0"\n}\n' + modern + peer), [old[0].replace('"~> 1.150.0"', '">= 1.100.0, ~> 1.150.0"')]);
  // In Terraform's JSON syntax too.
  const dir = scratchDir('legacy-json-');
  try {
    fs.writeFileSync(path.join(dir, 'main.tf'), peer);
    fs.writeFileSync(path.join(dir, 'provider.tf.json'), '{"provider": {"alicloud": [{"version": "1.150.0"}]}}');
    const ws = new Workspace(defaultSchemas());
    ws.indexDir(dir);
    assert.equal(ws.providerVersion(dir, ws.moduleFiles(path.join(dir, 'main.tf'))), '1.150.0');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** A group setting `route_limit`, which came in alicloud 1.261.0, and what its module's version says of it. */
const ROUTE_LIMIT_GROUP = 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id   = "vbr-1"\n  peer_asn    = 65010\n  route_limit = 200\n}\n';
const requiredAlicloud = (v: string) => `terraform {\n  required_providers {\n    alicloud = { source = "aliyun/alicloud", version = "${v}" }\n  }\n}\n`;
/** What the module's provider constraint, when it allows no version with `route_limit`, says of ROUTE_LIMIT_GROUP. */
const routeLimitTooNew = (constraint: string) => [`newer-than-provider: "route_limit" needs alicloud provider 1.261.0 or newer; this module's provider constraint is "${constraint}"`];

/** The findings of `main.tf`, holding ROUTE_LIMIT_GROUP, in a module folder with `files` beside it. */
function routeLimitFindings(prefix: string, files: Record<string, string>): string[] {
  const dir = scratchDir(prefix);
  try {
    fs.writeFileSync(path.join(dir, 'main.tf'), ROUTE_LIMIT_GROUP);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    const ws = new Workspace(defaultSchemas());
    const p = path.join(dir, 'main.tf');
    ws.indexDir(dir);
    const main = ws.moduleFiles(p).find((f) => !f.isOverride && [...f.instances()].length)!;
    return main.diagnostics(ws.contextFor(p)).map((d) => `${d.code}: ${d.message}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('one rule for the constraint: a file read from disk (a calling root) and an open file say the same of every layout', () => {
  const legacy = (v: string) => `provider "alicloud" {\n  version = "${v}"\n}\n`;
  const modern = requiredAlicloud;
  const cases: [string, string | undefined][] = [
    [legacy('~> 1.150.0') + modern('>= 1.200.0'), '>= 1.200.0, ~> 1.150.0'],
    [modern('>= 1.200.0') + legacy('~> 1.150.0'), '>= 1.200.0, ~> 1.150.0'],
    [legacy('~> 1.150.0') + legacy('1.160.0'), '~> 1.150.0, 1.160.0'],
    [modern('1.230.0') + modern('1.240.0'), '1.230.0, 1.240.0'],
    [modern('1.230.0') + legacy('1.230.0'), '1.230.0'],
    ['module "m" {\n  source = "./m"\n}\n', undefined],
  ];
  for (const [text, expected] of cases) {
    const file = createSourceFile('file:///rule/main.tf', undefined, text)!;
    assert.deepEqual(moduleCallsAndProvider(text).said, file.providerSaid?.(), text);
    assert.equal(constraintOf(file), expected, text);
  }
});

test("every file's constraints hold together: a legacy provider version in one file does not beat required_providers in another", () => {
  const legacy = (v: string) => `provider "alicloud" {\n  region  = "cn-hangzhou"\n  version = "${v}"\n}\n`;
  const modern = requiredAlicloud;
  const findingsWith = (files: Record<string, string>) => routeLimitFindings('constraints-', files);
  // route_limit came in 1.261.0: "~> 1.240.0" allows no version that has it, whichever file says it, in either place.
  const newer = routeLimitTooNew;
  assert.deepEqual(findingsWith({ 'provider.tf': legacy('>= 1.100.0'), 'versions.tf': modern('~> 1.240.0') }), newer('~> 1.240.0, >= 1.100.0'));
  assert.deepEqual(findingsWith({ 'a_versions.tf': modern('>= 1.100.0'), 'z_provider.tf': legacy('~> 1.240.0') }), newer('>= 1.100.0, ~> 1.240.0'));
  assert.deepEqual(findingsWith({ 'provider.tf.json': '{"provider": {"alicloud": {"version": ">= 1.100.0"}}}', 'versions.tf': modern('~> 1.240.0') }), newer('~> 1.240.0, >= 1.100.0'));
  // Constraints that all allow it: nothing is said.
  assert.deepEqual(findingsWith({ 'provider.tf': legacy('>= 1.100.0'), 'versions.tf': modern('>= 1.261.0') }), []);
});

test('the module merges what its files say as Terraform does: every primary constraint holds, an override replaces its names', () => {
  const said = (required: RequiredEntry[], legacy: [string, string][] = []): ProviderSaid => ({ required, legacy });
  const primary = [
    { said: said([{ name: 'alicloud', source: 'aliyun/alicloud', version: 'a' }], [['', 'b']]), override: false },
    { said: said([{ name: 'ali2', source: 'aliyun/alicloud', version: 'c' }, { name: 'other', source: 'example/other', version: 'x' }]), override: false },
  ];
  assert.deepEqual(moduleProvider(primary), { constraint: 'a, c, b', source: 'aliyun/alicloud' });
  // An override file's entry replaces the base's entry of its local name, whichever provider either is; its
  // provider block's version replaces that of the block of its alias. Override files come after the primary ones.
  const override = (s: ProviderSaid) => ({ said: s, override: true });
  assert.deepEqual(moduleProvider([override(said([{ name: 'alicloud', source: 'hashicorp/alicloud', version: 'd' }])), ...primary]), { constraint: 'c, d, b', source: 'hashicorp/alicloud' });
  assert.deepEqual(moduleProvider([...primary, override(said([{ name: 'alicloud', source: 'aliyun/alicloud' }]))]).constraint, 'c, b', 'an entry without a version');
  assert.deepEqual(moduleProvider([...primary, override(said([{ name: 'ali2', source: 'example/other', version: 'y' }]))]).constraint, 'a, b', 'another provider now');
  assert.deepEqual(moduleProvider([...primary, override(said([], [['', 'e']]))]).constraint, 'a, c, e');
  assert.deepEqual(moduleProvider([...primary, override(said([], [['sh', 'e']]))]).constraint, 'a, c, b, e', 'another alias');
  // Each override file in turn: the later one replaces the earlier one's entry.
  assert.deepEqual(moduleProvider([...primary, override(said([{ name: 'ali2', version: 'f', source: 'aliyun/alicloud' }])), override(said([{ name: 'ali2', version: 'g', source: 'aliyun/alicloud' }]))]).constraint, 'a, g, b');
  assert.deepEqual(moduleProvider([]), { constraint: undefined, source: undefined });
});

test('required_providers in an override file replaces the base entry of its provider: the version comes from the merged view', () => {
  const modern = requiredAlicloud;
  const legacy = (v: string) => `provider "alicloud" {\n  version = "${v}"\n}\n`;
  const findingsWith = (files: Record<string, string>) => routeLimitFindings('override-version-', files);
  const newer = routeLimitTooNew;
  // The base allows no version with route_limit (1.261.0); the override moves the constraint on.
  assert.deepEqual(findingsWith({ 'versions.tf': modern('~> 1.240.0'), 'override.tf': modern('>= 1.261.0') }), []);
  assert.deepEqual(findingsWith({ 'versions.tf': modern('~> 1.240.0'), 'versions_override.tf.json': '{"terraform": {"required_providers": {"alicloud": {"source": "aliyun/alicloud", "version": ">= 1.261.0"}}}}' }), []);
  // And back: the base's constraint is gone, not intersected.
  assert.deepEqual(findingsWith({ 'versions.tf': modern('>= 1.261.0'), 'override.tf': modern('~> 1.240.0') }), newer('~> 1.240.0'));
  // A legacy provider version in an override replaces the base block's, and holds with the required_providers entry.
  assert.deepEqual(findingsWith({ 'versions.tf': modern('>= 1.100.0') + legacy('~> 1.240.0'), 'provider_override.tf': legacy('>= 1.261.0') }), []);
  assert.deepEqual(findingsWith({ 'versions.tf': modern('>= 1.100.0') + legacy('>= 1.261.0'), 'provider_override.tf': legacy('~> 1.240.0') }), newer('>= 1.100.0, ~> 1.240.0'));
});

test('a versions.tf.json states the provider version like a versions.tf', () => {
  const group = 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id  = "vbr-1"\n  peer_asn   = 65001\n  ip_version = "IPv4"\n}\n';
  const codesWith = (json: string) => {
    const dir = scratchDir('tfjson-');
    try {
      fs.writeFileSync(path.join(dir, 'main.tf'), group);
      fs.writeFileSync(path.join(dir, 'versions.tf.json'), json);
      const ws = new Workspace(defaultSchemas());
      const p = path.join(dir, 'main.tf');
      ws.indexDir(dir);
      return ws.moduleFiles(p).find((f) => f.language === 'hcl' && f.instances && [...f.instances()].length)!.diagnostics(ws.contextFor(p)).map((d) => d.code);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  assert.deepEqual(codesWith('{"terraform": {"required_providers": {"alicloud": {"source": "aliyun/alicloud", "version": "1.230.0"}}}}'), ['newer-than-provider']);
  assert.deepEqual(codesWith('{"terraform": [{"required_providers": [{"alicloud": "~> 1.230.0"}]}]}'), ['newer-than-provider']);
  assert.deepEqual(codesWith('{"terraform": {"required_providers": {"alicloud": {"source": "aliyun/alicloud", "version": ">= 1.261.0"}}}}'), []);
  assert.deepEqual(codesWith('{"terraform": {"required_providers": {"other": {"source": "example/other", "version": "1.0.0"}}}}'), []);
});

test('an argument whose adding version is unknown is an error only where every allowed version is known to lack it', () => {
  // 1.211.2 accepts only timeouts.update; 1.283.0 accepts create and delete too (`absentUntil`).
  const vbr = 'resource "alicloud_express_connect_virtual_border_router" "v" {\n  physical_connection_id = "pc-1"\n  vlan_id = 100\n  local_gateway_ip = "10.0.0.1"\n  peer_gateway_ip = "10.0.0.2"\n  peering_subnet_mask = "255.255.255.252"\n  timeouts {\n    create = "10m"\n    update = "10m"\n    delete = "10m"\n  }\n}\n';
  assert.deepEqual(underConstraint('1.211.2', vbr), [
    'newer-than-provider: "timeouts.create" is not in alicloud provider 1.211.2 or older (a later version added it); this module uses 1.211.2',
    'newer-than-provider: "timeouts.delete" is not in alicloud provider 1.211.2 or older (a later version added it); this module uses 1.211.2',
  ]);
  assert.equal(underConstraint('< 1.200.0', vbr).length, 2);
  // A version after 1.211.2 may already have them: nothing is said.
  for (const later of ['1.211.3', '~> 1.211.0', '1.283.0', '>= 1.150.0']) assert.deepEqual(underConstraint(later, vbr), [], later);
});

test('what later providers still accept and ignore is a warning: a removed include_cross_account_vbr, an id', () => {
  const lock = (v: string) => `terraform {\n  required_providers {\n    alicloud = { source = "aliyun/alicloud", version = "${v}" }\n  }\n}\n`;
  const vbr = 'resource "alicloud_express_connect_virtual_border_router" "v" {\n  physical_connection_id = "pc-1"\n  vlan_id = 100\n  local_gateway_ip = "10.0.0.1"\n  peer_gateway_ip = "10.0.0.2"\n  peering_subnet_mask = "255.255.255.252"\n  include_cross_account_vbr = true\n}\n';
  const peer = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  id           = "bgp-1"\n  status       = "Available"\n}\n';
  const src = createSourceFile('file:///accepted/main.tf', undefined, lock('1.283.0') + vbr + peer)!;
  const found = src.diagnostics(contextFor([src], defaultSchemas(), constraintOf(src))).map((d) => `${d.severity} ${d.code}: ${d.message}`);
  assert.deepEqual(found, [
    'warning removed-in-provider: "include_cross_account_vbr" was removed in alicloud provider 1.263.0 (later versions still accept it and ignore it); this module uses 1.283.0',
    'warning read-only-argument: "id" is set by the provider: a value written here is ignored (read it as alicloud_vpc_bgp_peer.p.id)',
    'error read-only-argument: "status" is read-only: the provider sets it, so it cannot be written in configuration (read it as alicloud_vpc_bgp_peer.p.status)',
  ]);
});

test('without any version information nothing is said about versions', () => {
  const text = fs.readFileSync(path.join(fixtures, 'constraint', 'main.tf'), 'utf8');
  assert.deepEqual(actual(text), []);
});

test('version constraints and lock files are read as Terraform writes them', () => {
  // A constraint is the range of versions it allows: Terraform installs the newest of them.
  assert.deepEqual(allowedVersions('~> 1.230'), { lowest: [1, 230, 0], below: [2, 0, 0], exact: undefined });
  assert.deepEqual(allowedVersions('~> 1.230.0'), { lowest: [1, 230, 0], below: [1, 231, 0], exact: undefined });
  assert.deepEqual(allowedVersions('>= 1.200.0, < 2.0.0'), { lowest: [1, 200, 0], below: [2, 0, 0], exact: undefined });
  assert.deepEqual(allowedVersions('>= 1.200.0'), { lowest: [1, 200, 0], below: undefined, exact: undefined });
  assert.deepEqual(allowedVersions('> 1.200.0, <= 1.250'), { lowest: [1, 200, 1], below: [1, 250, 1], exact: undefined });
  assert.deepEqual(allowedVersions('1.211.2'), { lowest: [1, 211, 2], below: [1, 211, 3], exact: '1.211.2' });
  assert.deepEqual(allowedVersions('= v1.230'), { lowest: [1, 230, 0], below: [1, 230, 1], exact: '1.230.0' });
  assert.deepEqual(allowedVersions('< 2.0.0'), { lowest: undefined, below: [2, 0, 0], exact: undefined });
  assert.deepEqual(allowedVersions('>= 1.200.0, != 1.210.0, < 1.300.0-beta'), { lowest: [1, 200, 0], below: [1, 300, 0], exact: undefined });
  assert.deepEqual(allowedVersions('latest'), { lowest: undefined, below: undefined, exact: undefined });
  assert.deepEqual(versionsFromLockFile(fs.readFileSync(path.join(fixtures, 'old-provider', '.terraform.lock.hcl'), 'utf8')), { aliyun: '1.230.0' });
  assert.equal(versionsFromLockFile('provider "registry.terraform.io/hashicorp/aws" {\n  version = "5.0.0"\n}\n'), undefined);
  // A module that names `alicloud` without a source gets hashicorp/alicloud, the same provider's old address.
  assert.deepEqual(versionsFromLockFile('provider "registry.terraform.io/hashicorp/alicloud" {\n  version = "1.150.0"\n}\n'), { hashicorp: '1.150.0' });
  const peer = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n}\n';
  const viaHashicorp = (source: string) => {
    const text = `terraform {\n  required_providers {\n    alicloud = { source = "${source}", version = "1.150.0" }\n  }\n}\n${peer}`;
    const src = createSourceFile('file:///versions/main.tf', undefined, text)!;
    return src.diagnostics(contextFor([src], defaultSchemas(), constraintOf(src))).map((d) => d.code);
  };
  assert.deepEqual(viaHashicorp('hashicorp/alicloud'), ['newer-than-provider'], 'the peer came in 1.153.0');
  assert.deepEqual(viaHashicorp('registry.terraform.io/hashicorp/alicloud'), ['newer-than-provider']);
  assert.deepEqual(viaHashicorp('example/alicloud'), [], 'another provider of the same name says nothing');
});

test('a lock file pinning both aliyun/alicloud and hashicorp/alicloud: the module\'s own source for alicloud picks the version', () => {
  const dir = scratchDir('bgp-lock-');
  // As `terraform init` writes it (namespaces in alphabetical order): a root module without required_providers
  // (so hashicorp/alicloud) calling a module that requires aliyun/alicloud.
  fs.writeFileSync(
    path.join(dir, '.terraform.lock.hcl'),
    'provider "registry.terraform.io/aliyun/alicloud" {\n  version = "1.283.0"\n}\n\nprovider "registry.terraform.io/hashicorp/alicloud" {\n  version = "1.211.2"\n}\n',
  );
  const main = path.join(dir, 'main.tf');
  const group = 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id  = "vbr-1"\n  peer_asn   = 65001\n  ip_version = "IPv4"\n}\n';
  const versionSeen = (versions: string) => {
    fs.writeFileSync(path.join(dir, 'versions.tf'), versions);
    const ws = new Workspace(defaultSchemas());
    ws.indexDir(dir);
    const src = createSourceFile(main, undefined, group)!;
    ws.setOpen(main, src);
    return ws.contextFor(main, src).providerVersion;
  };
  try {
    assert.equal(versionSeen(''), '1.211.2', 'no required_providers: hashicorp/alicloud');
    assert.equal(versionSeen('terraform {\n  required_providers {\n    alicloud = { source = "aliyun/alicloud" }\n  }\n}\n'), '1.283.0');
    assert.equal(versionSeen('terraform {\n  required_providers {\n    alicloud = { source = "hashicorp/alicloud" }\n  }\n}\n'), '1.211.2');
    // What the rules say with it: ip_version came in 1.261.0, after the version the module uses.
    fs.writeFileSync(path.join(dir, 'versions.tf'), '');
    const ws = new Workspace(defaultSchemas());
    ws.indexDir(dir);
    const src = createSourceFile(main, undefined, group)!;
    ws.setOpen(main, src);
    assert.deepEqual(src.diagnostics(ws.contextFor(main, src)).map((d) => d.code), ['newer-than-provider']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a for_each object written out in a .tf.json file gives its keys, as in HCL: counted, and named in messages and fixes', () => {
  const dir = scratchDir('bgp-json-keys-');
  try {
    const main = path.join(dir, 'main.tf');
    fs.writeFileSync(main, 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.g.id\n}\nresource "alicloud_vpc_bgp_peer" "q" {\n  bgp_group_id = alicloud_vpc_bgp_group.t.id\n}\n');
    const group = (forEach: unknown) => ({ for_each: forEach, router_id: 'vbr-1', peer_asn: 65001 });
    fs.writeFileSync(path.join(dir, 'groups.tf.json'), JSON.stringify({ resource: { alicloud_vpc_bgp_group: { g: group({ east: 1, west: 2 }), t: group({ '${var.k}': 1 }) } } }));
    const ws = new Workspace(defaultSchemas());
    ws.indexDir(dir);
    const src = ws.moduleFiles(main).find((f) => f.language === 'hcl' && f.text.startsWith('resource'))!;
    const messages = src.diagnostics(ws.contextFor(main)).map((d) => `${d.code}: ${d.message}`);
    assert.deepEqual(messages, [
      'missing-instance-key: alicloud_vpc_bgp_group.g has "for_each": refer to one of its instances, such as alicloud_vpc_bgp_group.g["east"].id',
      'missing-instance-key: alicloud_vpc_bgp_group.t has "for_each": refer to one of its instances, such as alicloud_vpc_bgp_group.t["key"].id',
    ]);
    // Eight JSON peers on the group's VBR, and this one: nine, and the count reaches the HCL peer's finding.
    const peers = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`p${i}`, i]));
    fs.writeFileSync(path.join(dir, 'peers.tf.json'), JSON.stringify({ resource: { alicloud_vpc_bgp_peer: { many: { for_each: peers, bgp_group_id: '${alicloud_vpc_bgp_group.g["east"].id}' } } } }));
    ws.refresh(path.join(dir, 'peers.tf.json'));
    fs.writeFileSync(main, 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.g["west"].id\n}\n');
    ws.refresh(main);
    const again = ws.moduleFiles(main).find((f) => f.language === 'hcl' && f.text.startsWith('resource'))!;
    assert.deepEqual(again.diagnostics(ws.contextFor(main)).map((d) => d.code), ['too-many-peers-per-vbr']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a .tf.json file holding a number longer than 64 characters, or a "__proto__" key, is read as JSON.parse reads it', () => {
  const long = '1'.repeat(80);
  const file = createSourceFile('/m/groups.tf.json', undefined, `{"resource": {"alicloud_vpc_bgp_group": {"g": {"peer_asn": ${long}, "router_id": "vbr-1", "tags": {"__proto__": "x"}}}}}`)!;
  const [g] = [...file.instances()].map((p) => p.value);
  assert.deepEqual(g.attributes.map((a) => a.name), ['peer_asn', 'router_id', 'tags']);
  assert.deepEqual(g.attributes[0].value, { kind: 'number', value: Number(long), raw: String(Number(long)) });
  assert.deepEqual(g.attributes[2].value, { kind: 'unknown', text: '{"__proto__":"x"}' });
});

test('a .tf.json file of the module declares resources the .tf files refer to and count through', () => {
  const dir = scratchDir('bgp-json-');
  const main = path.join(dir, 'main.tf');
  const peers = (n: number) =>
    Array.from({ length: n }, (_, i) => `resource "alicloud_vpc_bgp_peer" "p${i}" {\n  bgp_group_id = alicloud_vpc_bgp_group.j.id\n}\n`).join('');
  fs.writeFileSync(main, peers(9) + 'resource "alicloud_vpc_bgp_peer" "q" {\n  bgp_group_id = alicloud_vpc_bgp_group.nope.id\n}\n');
  fs.writeFileSync(
    path.join(dir, 'groups.tf.json'),
    JSON.stringify({
      resource: {
        alicloud_vpc_bgp_group: { j: { router_id: '${alicloud_express_connect_virtual_border_router.v.id}', peer_asn: 65001 } },
        alicloud_express_connect_virtual_border_router: [{ v: [{ physical_connection_id: 'pc-1', vlan_id: 1 }] }],
      },
    }, null, 2),
  );
  fs.writeFileSync(path.join(dir, 'broken.tf.json'), '{ "resource": ');
  const ws = new Workspace(defaultSchemas());
  ws.indexDir(dir);
  const src = ws.moduleFiles(main).find((f) => ws.holds(main, f) && f.language === 'hcl' && f.text.startsWith('resource'))!;
  const codes = src.diagnostics(ws.contextFor(main)).map((d) => `${d.code}@${d.range.start.line}`);
  // `j` is declared in JSON; `nope` nowhere. Nine peers reach the JSON VBR `v` through `j`: one too many.
  assert.deepEqual(codes.filter((c) => c.startsWith('undeclared-reference')), ['undeclared-reference@28']);
  assert.equal(codes.filter((c) => c.startsWith('too-many-peers-per-vbr')).length, 9);
  assert.equal(ws.moduleFiles(main).length, 3, 'main.tf and both .tf.json files; the broken one declares nothing');
  // What `cdktf synth` writes is generated: a watcher's event for it reads nothing.
  const synth = path.join(dir, 'cdktf.out', 'stacks', 's');
  fs.mkdirSync(synth, { recursive: true });
  fs.writeFileSync(path.join(synth, 'cdk.tf.json'), '{"resource":{"alicloud_vpc_bgp_group":{"x":{}}}}');
  ws.refresh(path.join(synth, 'cdk.tf.json'));
  ws.indexDir(synth);
  assert.deepEqual(ws.moduleFiles(path.join(synth, 'cdk.tf.json')), []);
  // Nor are the modules `terraform init` downloads (a watcher reports thousands of them at once).
  const downloaded = path.join(dir, '.terraform', 'modules', 'vpc');
  fs.mkdirSync(downloaded, { recursive: true });
  fs.writeFileSync(path.join(downloaded, 'main.tf'), 'resource "alicloud_vpc_bgp_group" "y" {}\n');
  ws.refresh(path.join(downloaded, 'main.tf'));
  assert.deepEqual(ws.moduleFiles(path.join(downloaded, 'main.tf')), []);
});

test('references are found in a chain of 20,000 operators (a tree that deep is walked without recursion)', () => {
  const doc = new HclDocument('locals {\n  a = 1\n  x = ' + 'local.a + '.repeat(20000) + '1\n}\n');
  assert.equal(references(doc).filter((r) => r.key === 'local:a').length, 20000);
});

test('the index follows files on disk: a new file, a changed file, a deleted file', () => {
  const dir = scratchDir('bgp-module-');
  const peer = path.join(dir, 'peer.tf');
  fs.writeFileSync(peer, 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.g.id\n}\n');
  const ws = new Workspace(defaultSchemas());
  ws.indexDir(dir);
  const codes = () => ws.moduleFiles(peer).flatMap((f) => f.diagnostics(ws.contextFor(peer)).map((d) => d.code));
  assert.deepEqual(codes(), ['undeclared-reference']);
  const group = path.join(dir, 'group.tf');
  fs.writeFileSync(group, 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  peer_asn = 1\n}\n');
  ws.refresh(group);
  assert.deepEqual(codes(), []);
  fs.writeFileSync(group, 'resource "alicloud_vpc_bgp_group" "other" {\n  router_id = "vbr-1"\n  peer_asn = 1\n}\n');
  ws.refresh(group);
  assert.deepEqual(codes(), ['undeclared-reference']);
  fs.rmSync(group);
  ws.forget(group);
  assert.deepEqual(codes(), ['undeclared-reference']);
  fs.rmSync(dir, { recursive: true });
});

test('thousands of declared groups: reference completion is capped, narrowed by what is typed, and marked incomplete', () => {
  const groups = Array.from({ length: 1500 }, (_, i) => `resource "alicloud_vpc_bgp_group" "g${i}" {\n  router_id = "vbr-1"\n  peer_asn  = 1\n}\n`).join('');
  const ws = new Workspace(defaultSchemas());
  const { text, pos } = cursor(groups + 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.g149|\n}\n');
  const src = createSourceFile('file:///x.tf', undefined, text)!;
  const at = src.cursorContext(pos)!;
  const result = completeList(at.cursor, ws.contextFor('/nonexistent/x.tf', src), src.completionWriter);
  assert.equal(result.isIncomplete, true);
  assert.deepEqual(result.items.map((i) => i.label).sort(), ['alicloud_vpc_bgp_group.g149.id', ...Array.from({ length: 10 }, (_, i) => `alicloud_vpc_bgp_group.g149${i}.id`)].sort());
  const all = src.cursorContext({ line: pos.line, character: pos.character - 'alicloud_vpc_bgp_group.g149'.length })!;
  assert.equal(completeList(all.cursor, ws.contextFor('/nonexistent/x.tf', src), src.completionWriter).items.length, MAX_REFERENCE_ITEMS);
});

test('the outline of blocks that kept only their model equals the outline read from their syntax tree', async () => {
  const { hclModule } = await import('../../scripts/bench/workloads.mjs');
  const texts = [hclModule(3000).text, fs.readFileSync(path.resolve(__dirname, '../../examples/complete/main.tf'), 'utf8')];
  for (const text of texts) {
    const doc = new HclDocument(text);
    assert.ok(doc.chunks.some((c) => !c.hasSyntaxTree && !c.outline));
    if (text.includes('\nlocals {')) assert.ok(doc.chunks.some((c) => !c.hasSyntaxTree && c.outline), 'a chunk of locals keeps only its outline');
    // The same chunks, told to read their (re-parsed) syntax trees.
    const fromTrees = { chunks: doc.chunks.map((c) => ({ startLine: c.startLine, items: c.items, outline: c.items, hasSyntaxTree: true, instances: c.instances })) } as unknown as HclDocument;
    assert.deepEqual(JSON.parse(JSON.stringify(declarations(doc))), JSON.parse(JSON.stringify(declarations(fromTrees))));
  }
});

test('the outline of untouched blocks is kept across edits, and moves with lines added above them', async () => {
  const { hclModule } = await import('../../scripts/bench/workloads.mjs');
  const text: string = hclModule(1000).text;
  const doc = new HclDocument(text);
  const packs = () => {
    const out: [PackedOutline, number][] = [];
    forEachOutline(doc, (p, line) => out.push([p, line]));
    return out;
  };
  const before = declarations(doc);
  const [lastPack, lastLine] = packs()[packs().length - 1];
  // The last chunk counts each time its blocks are read for its outline: never again, while it is kept.
  const lastChunk = doc.chunks[doc.chunks.length - 1];
  const blocks = Object.getOwnPropertyDescriptor(Chunk.prototype, 'outline')!.get!;
  let reads = 0;
  Object.defineProperty(lastChunk, 'outline', { get: () => (reads++, blocks.call(lastChunk)) });
  // A letter typed in the first block: the last block's packed entries are kept.
  const at = text.indexOf('\n', text.indexOf('resource "'));
  doc.update([{ range: { start: doc.positionAt(at), end: doc.positionAt(at) }, text: ' ' }]);
  assert.equal(packs()[packs().length - 1][0], lastPack);
  assert.deepEqual(declarations(doc).slice(1), before.slice(1));
  // Two lines added at the top: still kept, placed two lines lower; every entry below moves down by two, and
  // the outline equals a fresh one.
  doc.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a\n# b\n' }]);
  assert.deepEqual(packs()[packs().length - 1], [lastPack, lastLine + 2]);
  const moved = declarations(doc);
  assert.equal(moved[moved.length - 1].range.start.line, before[before.length - 1].range.start.line + 2);
  assert.deepEqual(moved, declarations(new HclDocument(doc.text)));
  assert.equal(doc.chunks[doc.chunks.length - 1], lastChunk);
  assert.equal(reads, 0, 'the kept chunk was not read again for its outline');
});

test('an open file replaces its disk version in the module index (one copy held), and closing brings the disk version back', () => {
  const ws = new Workspace(defaultSchemas());
  const p = path.join(fixtures, 'split', 'network.tf');
  ws.indexDir(path.dirname(p));
  const disk = ws.moduleFiles(p).find((f) => ws.holds(p, f))!;
  assert.ok(disk, 'the folder was indexed');
  const open = createSourceFile(p, undefined, fs.readFileSync(p, 'utf8'))!;
  ws.setOpen(p, open);
  assert.ok(!ws.moduleFiles(p).includes(disk), 'the disk copy is let go while the file is open');
  const count = ws.moduleFiles(p).length;
  ws.refresh(p); // a change on disk while open: read again only at close
  assert.equal(ws.moduleFiles(p).length, count, 'no disk copy read while the file is open');
  ws.setOpen(p, undefined);
  ws.refresh(p);
  const back = ws.moduleFiles(p).find((f) => ws.holds(p, f));
  assert.ok(back && back !== open, 'the disk version is back after the close');
});

test('changing the provider version in required_providers re-checks the version findings of untouched blocks', () => {
  const text = [
    'terraform {',
    '  required_providers {',
    '    alicloud = { source = "aliyun/alicloud", version = "~> 1.230.0" }',
    '  }',
    '}',
    '',
    fs.readFileSync(path.join(fixtures, 'old-provider', 'main.tf'), 'utf8'),
  ].join('\n');
  const src = createSourceFile('file:///versions/main.tf', undefined, text)!;
  const codes = () => src.diagnostics(contextFor([src], defaultSchemas(), constraintOf(src))).map((d) => d.code);
  assert.deepEqual(codes(), ['newer-than-provider']);
  const at = text.indexOf('1.230.0');
  src.update([{ range: { start: { line: 2, character: at - text.lastIndexOf('\n', at) - 1 }, end: { line: 2, character: at - text.lastIndexOf('\n', at) - 1 + 7 } }, text: '1.270.0' }]);
  assert.deepEqual(codes(), [], 'the group block was not edited, but its provider is now new enough');
});

test('a re-opened file re-uses its parsed disk copy only when the text is the same and it reads the same way', () => {
  const text = 'resource "alicloud_vpc_bgp_group" "g" {\n  peer_asn = 65001\n}\n\nresource "alicloud_vpc_bgp_peer" "p" {\n  bfd_multi_hop = 300\n}\n';
  const p = '/m/main.tf';
  const disk = createSourceFile(p, undefined, text)!;
  assert.equal(sourceFileFor('file:///m/main.tf', 'terraform', text, disk), disk, 'same text: the parsed copy');
  assert.notEqual(sourceFileFor('file:///m/main.tf', 'terraform', text.replace('300', '301'), disk), disk, 'one character differs');
  assert.notEqual(sourceFileFor('file:///m/main.tf', 'terraform', text + '\n', disk), disk, 'longer text');
  assert.notEqual(sourceFileFor('file:///m/main.tf', 'terraform-vars', text, disk), disk, 'read as .tfvars');
  assert.equal(sourceFileFor('file:///m/main.tf', 'typescript', text, disk)!.language, 'typescript', 'a CDKTF language id wins');
  // After an edit the text lives in pieces only: still compared exactly.
  const edited = createSourceFile(p, undefined, text)!;
  edited.update([{ range: { start: { line: 5, character: 20 }, end: { line: 5, character: 21 } }, text: '1' }]);
  const now = text.replace('300', '301');
  assert.equal(sourceFileFor('file:///m/main.tf', 'terraform', now, edited), edited);
  assert.notEqual(sourceFileFor('file:///m/main.tf', 'terraform', text, edited), edited);
  assert.notEqual(sourceFileFor('file:///m/main.tf', 'terraform', now.replace('peer_asn', 'peer_asx'), edited), edited, 'differs in the first chunk');
});

test('a closed file is compared with the disk in bytes, a chunk at a time', () => {
  const text = '# 对等体 — peers\nresource "alicloud_vpc_bgp_peer" "p" {\n  description = "über"\n}\n\nresource "alicloud_vpc_bgp_group" "g" {}\n';
  const doc = new HclDocument(text);
  assert.ok(doc.hasUtf8(Buffer.from(text)));
  assert.ok(!doc.hasUtf8(Buffer.from(text + ' ')), 'one more byte on disk');
  assert.ok(!doc.hasUtf8(Buffer.from(text.slice(0, -1))), 'one byte less');
  assert.ok(!doc.hasUtf8(Buffer.from(text.replace('über', 'uber'))), 'same length in characters, not in bytes');
  assert.ok(!doc.hasUtf8(Buffer.from(text.replace('"g"', '"h"'))), 'last chunk differs');
  doc.update([{ range: { start: { line: 2, character: 17 }, end: { line: 2, character: 17 } }, text: 'ß' }]);
  assert.ok(doc.hasUtf8(Buffer.from(text.replace('"über"', '"ßüber"'))), 'after an edit');
  assert.ok(!doc.hasUtf8(Buffer.from(text)), 'the old text no longer');
});

test('references to one key read only the chunks that name it, and find exactly what the whole list finds', () => {
  const text = [
    'resource "alicloud_vpc_bgp_group" "g1" {\n  router_id = alicloud_express_connect_virtual_border_router.vbr.id\n}\n',
    'resource "alicloud_vpc_bgp_group" "g10" {\n  router_id = var.vbr\n}\n',
    'resource "alicloud_vpc_bgp_peer" "a" {\n  bgp_group_id = alicloud_vpc_bgp_group.g1.id\n  description  = "peer of ${alicloud_vpc_bgp_group . g1.name} and ${local.site}"\n}\n',
    'resource "alicloud_vpc_bgp_peer" "b" {\n  bgp_group_id = alicloud_vpc_bgp_group.g10.id\n  peer_ip_address = cidrhost(data.alicloud_vpcs.main.vpcs[0].cidr_block, module.net.offset)\n}\n',
    'locals {\n  site = "hz"\n  groups = [for g in [alicloud_vpc_bgp_group.g1, alicloud_vpc_bgp_group.g10] : g.id]\n}\n',
    'output "o" {\n  value = (\n    alicloud_vpc_bgp_group\n    .g1.id\n  )\n}\n',
  ].join('\n');
  const file = createSourceFile('/m/main.tf', undefined, text) as HclFile;
  const all = file.references();
  const keys = [...new Set(all.map((r) => r.key))];
  assert.ok(keys.length >= 6, keys.join(', '));
  for (const key of [...keys, 'resource:alicloud_vpc_bgp_group.g2', 'var:nothing']) {
    assert.deepEqual(
      file.referencesTo(key).map((r) => JSON.stringify(r.range)),
      all.filter((r) => r.key === key).map((r) => JSON.stringify(r.range)),
      key,
    );
  }
  assert.equal(file.referencesTo('resource:alicloud_vpc_bgp_group.g1').length, 4);
});

test('a new context after an edit sees the edited block (its type re-indexed) and keeps the records of unchanged blocks', () => {
  const schemas = defaultSchemas();
  const text = [
    'resource "alicloud_express_connect_virtual_border_router" "v1" {}',
    'resource "alicloud_express_connect_virtual_border_router" "v2" {}',
    'resource "alicloud_vpc_bgp_group" "g" {',
    '  router_id = alicloud_express_connect_virtual_border_router.v1.id',
    '}',
    'resource "alicloud_vpc_bgp_peer" "p" {',
    '  bgp_group_id = alicloud_vpc_bgp_group.g.id',
    '}',
  ].join('\n');
  const file = createSourceFile('/m/main.tf', undefined, text)!;
  const before = contextFor([file], schemas);
  const peer = before.find('resource', 'alicloud_vpc_bgp_peer', 'p');
  const at = text.split('\n')[3].indexOf('.v1.') + 2;
  file.update([{ range: { start: { line: 3, character: at }, end: { line: 3, character: at + 1 } }, text: '2' }]);
  const after = contextFor([file], schemas);
  assert.notEqual(after.signature, before.signature);
  const routerOf = (ctx: typeof after) => ctx.find('resource', 'alicloud_vpc_bgp_group', 'g')?.attributes.find((a) => a.name === 'router_id')?.value;
  assert.match(JSON.stringify(routerOf(after)), /\.v2\.id/);
  assert.match(JSON.stringify(routerOf(before)), /\.v1\.id/);
  assert.notEqual(after.factsOf('resource', 'alicloud_vpc_bgp_group', 'g'), before.factsOf('resource', 'alicloud_vpc_bgp_group', 'g'));
  assert.equal(after.find('resource', 'alicloud_vpc_bgp_peer', 'p'), peer, 'the unchanged peer is the same record');
  assert.deepEqual(after.declared('resource', 'alicloud_express_connect_virtual_border_router'), ['v1', 'v2']);
});

test('a module without a lock file uses the version locked by the root module above it that calls it', () => {
  const root = scratchDir('bgp-caller-');
  const ws = new Workspace(defaultSchemas());
  // Each change is followed by the watcher's event, as in an editor (else it is seen within a second).
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
    ws.refresh(path.join(root, rel));
  };
  const group = 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id   = "vbr-1"\n  peer_asn    = 65001\n  route_limit = 100\n}\n';
  const versions = 'terraform {\n  required_providers {\n    alicloud = { source = "aliyun/alicloud" }\n  }\n}\n';
  const findings = (rel: string) => {
    const dir = path.join(root, rel);
    ws.indexDir(dir);
    const p = path.join(dir, 'main.tf');
    return ws.moduleFiles(p).flatMap((f) => f.diagnostics(ws.contextFor(p)).map((d) => `${d.code}: ${d.message}`));
  };
  try {
    write('.terraform.lock.hcl', 'provider "registry.terraform.io/aliyun/alicloud" {\n  version     = "1.240.0"\n  constraints = ">= 1.200.0"\n}\n');
    write('versions.tf', 'terraform {\n  required_providers {\n    alicloud = { source = "aliyun/alicloud", version = ">= 1.200.0" }\n  }\n}\n');
    write('main.tf', 'module "bgp" {\n  source = "./modules/bgp"\n}\n');
    write('calls.tf.json', '{"module": [{"edge": {"source": "./modules/edge/"}}]}');
    write('modules/bgp/main.tf', versions + group + 'module "inner" {\n  source = "../inner"\n}\n');
    write('modules/inner/main.tf', group);
    write('modules/edge/main.tf', group);
    write('modules/unused/main.tf', group);
    write('modules/own/main.tf', group);
    write('modules/own/.terraform.lock.hcl', 'provider "registry.terraform.io/aliyun/alicloud" {\n  version = "1.270.0"\n}\n');
    const newer = (from: string) => [`newer-than-provider: "route_limit" needs alicloud provider 1.261.0 or newer; this module uses 1.240.0, the version of the root module in ${from} that calls it`];
    // Called by the root (in HCL or JSON), or through a module the root calls: the root's lock file decides.
    assert.deepEqual(findings('modules/bgp'), newer('../..'));
    assert.deepEqual(findings('modules/edge'), newer('../..'));
    assert.deepEqual(findings('modules/inner'), newer('../..'));
    // Called by nothing above it: no version is known, nothing is said; a module's own lock file comes first.
    assert.deepEqual(findings('modules/unused'), []);
    assert.deepEqual(findings('modules/own'), []);
    // A module between them with a constraint of its own does not decide: the root's lock file does.
    write('stacks.tf', 'module "a" {\n  source = "./stacks/a"\n}\n');
    write('stacks/a/main.tf', 'terraform {\n  required_providers {\n    alicloud = { source = "aliyun/alicloud", version = ">= 1.200.0" }\n  }\n}\nmodule "b" {\n  source = "./modules/bgp"\n}\n');
    write('stacks/a/modules/bgp/main.tf', group);
    assert.deepEqual(findings('stacks/a/modules/bgp'), newer('../../../..'));
    // Without a lock file, the root's constraint holds for the modules it calls, with their own.
    fs.rmSync(path.join(root, '.terraform.lock.hcl'));
    ws.forget(path.join(root, '.terraform.lock.hcl'));
    write('versions.tf', 'terraform {\n  required_providers {\n    alicloud = { source = "aliyun/alicloud", version = "~> 1.240.0" }\n  }\n}\n');
    const constrained = ['newer-than-provider: "route_limit" needs alicloud provider 1.261.0 or newer; the root module in ../.. that calls this module constrains the provider to "~> 1.240.0"'];
    assert.deepEqual(findings('modules/inner'), constrained);
    write('calls.tf.json', '{"module": [{"edge": {"source": "./modules/edge/"}}], "terraform": {"required_providers": {"alicloud": "~> 1.240.0"}}}');
    write('versions.tf', '');
    assert.deepEqual(findings('modules/inner'), constrained, 'the root states its constraint in JSON');
    write('calls.tf.json', '{"module": [{"edge": {"source": "./modules/edge/"}}]}');
    assert.deepEqual(findings('modules/inner'), [], 'a root that says nothing of the provider');
    write('versions.tf', 'provider "alicloud" {\n  version = "~> 1.240.0"\n}\n');
    assert.deepEqual(findings('modules/inner'), constrained, 'the version of a provider block in the root');
    write('a_versions.tf', 'terraform {\n  required_providers {\n    alicloud = { source = "aliyun/alicloud", version = ">= 1.100.0" }\n  }\n}\n');
    assert.deepEqual(findings('modules/inner'), [constrained[0].replace('"~> 1.240.0"', '">= 1.100.0, ~> 1.240.0"')], "every file of the root counts, each place");
    write('a_versions.tf', '');
    write('versions.tf', '');
    // Named relative to the working folder, as the CLI is given it.
    const cwd = process.cwd();
    try {
      process.chdir(path.join(root, 'modules/bgp'));
      write('.terraform.lock.hcl', 'provider "registry.terraform.io/aliyun/alicloud" {\n  version = "1.240.0"\n}\n');
      const fresh = new Workspace(defaultSchemas());
      assert.equal(fresh.providerVersion('.', fresh.moduleFiles('main.tf')), '1.240.0');
    } finally {
      process.chdir(cwd);
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a module called by root modules beside it (envs/prod calling ../../modules/bgp) uses their lock file: the lowest, named', () => {
  const root = scratchDir('bgp-envs-');
  const ws = new Workspace(defaultSchemas(), [root]);
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
    ws.refresh(path.join(root, rel));
  };
  const lock = (v: string) => `provider "registry.terraform.io/aliyun/alicloud" {\n  version = "${v}"\n}\n`;
  const group = 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id   = "vbr-1"\n  peer_asn    = 65001\n  route_limit = 100\n}\n';
  const findings = (rel: string) => {
    const dir = path.join(root, rel);
    ws.indexDir(dir);
    const p = path.join(dir, 'main.tf');
    return ws.moduleFiles(p).flatMap((f) => f.diagnostics(ws.contextFor(p)).map((d) => `${d.code}: ${d.message}`));
  };
  const newer = (version: string, from: string) => [`newer-than-provider: "route_limit" needs alicloud provider 1.261.0 or newer; this module uses ${version}, the version of the root module in ${from} that calls it`];
  try {
    write('modules/bgp/main.tf', group);
    write('modules/net/main.tf', 'module "bgp" {\n  source = "../bgp"\n}\n');
    write('envs/prod/main.tf', 'module "bgp" {\n  source = "../../modules/bgp"\n}\n');
    write('envs/prod/.terraform.lock.hcl', lock('1.240.0'));
    assert.deepEqual(findings('modules/bgp'), newer('1.240.0', path.join('..', '..', 'envs', 'prod')));
    // Two roots, locked apart: the module must work with both, so the lower version is the one checked, and named.
    write('envs/staging/main.tf', 'module "net" {\n  source = "../../modules/net"\n}\n');
    write('envs/staging/.terraform.lock.hcl', lock('1.230.0'));
    assert.deepEqual(findings('modules/bgp'), newer('1.230.0', path.join('..', '..', 'envs', 'staging')), 'through a module the root calls');
    write('envs/staging/.terraform.lock.hcl', lock('1.250.0'));
    assert.deepEqual(findings('modules/bgp'), newer('1.240.0', path.join('..', '..', 'envs', 'prod')));
    // A root that stops calling it no longer decides: its changed file is read again, and only that folder.
    write('envs/prod/main.tf', '');
    assert.deepEqual(findings('modules/bgp'), newer('1.250.0', path.join('..', '..', 'envs', 'staging')));
    fs.rmSync(path.join(root, 'envs/staging/main.tf'));
    ws.forget(path.join(root, 'envs/staging/main.tf'));
    assert.deepEqual(findings('modules/bgp'), [], 'called by no root: nothing is known');
    // Outside the search roots, only the folders above a module are looked at.
    write('envs/prod/main.tf', 'module "bgp" {\n  source = "../../modules/bgp"\n}\n');
    const unrooted = new Workspace(defaultSchemas());
    unrooted.indexDir(path.join(root, 'modules/bgp'));
    assert.equal(unrooted.providerVersion(path.join(root, 'modules/bgp'), unrooted.moduleFiles(path.join(root, 'modules/bgp/main.tf'))), undefined);
    assert.equal(ws.providerVersion(path.join(root, 'modules/bgp'), ws.moduleFiles(path.join(root, 'modules/bgp/main.tf'))), '1.240.0');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('the lock file is not looked at on every analysis: a watcher event re-reads it at once, else within a second', async () => {
  const dir = scratchDir('bgp-lock-');
  const lock = path.join(dir, '.terraform.lock.hcl');
  const lockFor = (v: string) => `provider "registry.terraform.io/aliyun/alicloud" {\n  version     = "${v}"\n  constraints = "${v}"\n}\n`;
  try {
    const ws = new Workspace(defaultSchemas());
    assert.equal(ws.providerVersion(dir, []), undefined, 'no lock file yet');
    fs.writeFileSync(lock, lockFor('1.230.0'));
    ws.refresh(lock); // the watcher's "created"
    assert.equal(ws.providerVersion(dir, []), '1.230.0');
    fs.writeFileSync(lock, lockFor('1.240.0'));
    ws.refresh(lock); // the watcher's "changed"
    assert.equal(ws.providerVersion(dir, []), '1.240.0');
    // An editor without file watching: the change is seen once the version is no longer trusted (one second).
    fs.writeFileSync(lock, lockFor('1.250.0'));
    fs.utimesSync(lock, new Date(), new Date(Date.now() + 5000));
    await new Promise((r) => setTimeout(r, 1100));
    assert.equal(ws.providerVersion(dir, []), '1.250.0');
    fs.rmSync(lock);
    ws.forget(lock); // the watcher's "deleted"
    assert.equal(ws.providerVersion(dir, []), undefined);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the module signature changes with every fact other blocks read, and with nothing else', () => {
  const schemas = defaultSchemas();
  const block = (body: string, header = 'resource "alicloud_vpc_bgp_peer" "p"') => `${header} {\n${body}\n}\n`;
  const base = block('  bgp_group_id = alicloud_vpc_bgp_group.g.id\n  ip_version = "IPv4"\n  count = 2\n  description = "x"');
  const signature = (text: string) => contextFor([createSourceFile('/sig/main.tf', undefined, text)!], schemas).signature;
  const same = [
    block('  bgp_group_id = alicloud_vpc_bgp_group.g.id\n  ip_version = "IPv4"\n  count = 2\n  description = "other"'),
    block('  bgp_group_id   = alicloud_vpc_bgp_group.g.id\n  ip_version = "IPv4"\n\n  count = 2\n  description = "x"\n  enable_bfd = true'),
  ];
  for (const text of same) assert.equal(signature(text), signature(base), text);
  const different = [
    block('  bgp_group_id = alicloud_vpc_bgp_group.h.id\n  ip_version = "IPv4"\n  count = 2'),
    block('  bgp_group_id = alicloud_vpc_bgp_group.g.name\n  ip_version = "IPv4"\n  count = 2'),
    block('  bgp_group_id = alicloud_vpc_bgp_group.g[0].id\n  ip_version = "IPv4"\n  count = 2'),
    block('  bgp_group_id = alicloud_vpc_bgp_group.g[1].id\n  ip_version = "IPv4"\n  count = 2'),
    block('  bgp_group_id = alicloud_vpc_bgp_group.g["a"].id\n  ip_version = "IPv4"\n  count = 2'),
    block('  bgp_group_id = alicloud_vpc_bgp_group.g\n  ip_version = "IPv4"\n  count = 2'),
    block('  bgp_group_id = "alicloud_vpc_bgp_group.g.id"\n  ip_version = "IPv4"\n  count = 2'),
    block('  bgp_group_id = alicloud_vpc_bgp_group.g.id\n  ip_version = "IPv6"\n  count = 2'),
    block('  bgp_group_id = alicloud_vpc_bgp_group.g.id\n  ip_version = "IPv4"\n  count = 3'),
    block('  bgp_group_id = alicloud_vpc_bgp_group.g.id\n  ip_version = "IPv4"\n  count = "2"'),
    block('  bgp_group_id = alicloud_vpc_bgp_group.g.id\n  ip_version = "IPv4"\n  count = null'),
    block('  bgp_group_id = alicloud_vpc_bgp_group.g.id\n  ip_version = "IPv4"'),
    block('  bgp_group_id = alicloud_vpc_bgp_group.g.id\n  count = 2\n  ip_version = "IPv4"'),
    block('  bgp_group_id = alicloud_vpc_bgp_group.g.id\n  ip_version = "IPv4"\n  count = 2', 'resource "alicloud_vpc_bgp_peer" "q"'),
    block('  bgp_group_id = alicloud_vpc_bgp_group.g.id\n  ip_version = "IPv4"\n  count = 2', 'data "alicloud_vpc_bgp_peer" "p"'),
    block('  bgp_group_id = alicloud_vpc_bgp_group.g.id\n  ip_version = "IPv4"\n  count = 2', 'resource "alicloud_vpc_bgp_group" "p"'),
    base + block('', 'resource "alicloud_vpc_bgp_group" "g"'),
  ];
  const seen = new Map([[signature(base), 'base']]);
  for (const text of different) {
    const s = signature(text);
    assert.ok(!seen.has(s), `${JSON.stringify(text)} reads like ${JSON.stringify(seen.get(s))}`);
    seen.set(s, text);
  }
});

test('two blocks swapped by a cut and paste read as the same text opened fresh: the first of a name, and completion\'s order', () => {
  // Found by fuzzing the server's incremental changes: the signature summed the blocks' facts, so the swap kept
  // the context of the old order, where the other block of the name came first.
  const schemas = defaultSchemas();
  const v6 = 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id  = "vbr-1"\n  peer_asn   = 65001\n  ip_version = "IPV6"\n}\n';
  const v4 = 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  peer_asn  = 65001\n}\n';
  const h = 'resource "alicloud_vpc_bgp_group" "h" {\n  router_id = "vbr-1"\n  peer_asn  = 65001\n}\n';
  const peer = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id    = alicloud_vpc_bgp_group.g.id\n  peer_ip_address = "10.0.0.1"\n}\n';
  // Both g blocks are duplicate-declaration errors, wherever they are; what moves is which one the peer reads.
  const codes = (f: HclFile) => f.diagnostics(contextFor([f], schemas)).map((d) => d.code).filter((c) => c !== 'duplicate-declaration');
  const offered = (f: HclFile) => {
    const at = f.cursorContext({ line: 14, character: 20 })!;
    return completeList(at.cursor, contextFor([f], schemas), f.completionWriter).items.map((i) => i.label).filter((l) => l.startsWith('alicloud'));
  };
  const f = createSourceFile('/swap/main.tf', undefined, v6 + h + v4 + peer) as HclFile;
  assert.deepEqual(codes(f), ['group-ip-version-mismatch']);
  assert.deepEqual(offered(f), ['alicloud_vpc_bgp_group.g.id', 'alicloud_vpc_bgp_group.h.id']);
  // The first group moved below the third, the other g: two changes in one message, as an editor sends a move.
  f.update([
    { range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }, text: '' },
    { range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } }, text: v6 },
  ]);
  assert.equal(f.doc.text, h + v4 + v6 + peer);
  const fresh = createSourceFile('/swap/main.tf', undefined, f.doc.text) as HclFile;
  assert.deepEqual(codes(f), codes(fresh));
  assert.deepEqual(codes(f), [], 'the IPv4 group of the name comes first now');
  assert.deepEqual(offered(f), offered(fresh));
  assert.deepEqual(offered(f), ['alicloud_vpc_bgp_group.h.id', 'alicloud_vpc_bgp_group.g.id']);
});

test('module findings of one block come rule by rule: references, then cross-resource rules, then versions', () => {
  // Each module rule walks the arguments on its own, in the order of MODULE_RULES (rules/index.ts).
  const text = [
    'resource "alicloud_vpc_bgp_group" "g" {',
    '  router_id  = "vbr-1"',
    '  peer_asn   = 65010',
    '  ip_version = "IPv6"',
    '}',
    'resource "alicloud_vpc_bgp_peer" "p" {',
    '  bgp_peer_name   = "x"',
    '  bgp_group_id    = alicloud_vpc_bgp_group.g.id',
    '  ip_version      = "IPv4"',
    '  peer_ip_address = alicloud_vpc.nope.id',
    '}',
  ].join('\n');
  const file = createSourceFile('/order/main.tf', undefined, text)!;
  const found = file.diagnostics(contextFor([file], defaultSchemas(), '1.200.0')).map((d) => `${d.range.start.line} ${d.code}`);
  assert.deepEqual(found, [
    '3 newer-than-provider',
    '6 read-only-argument',
    '9 undeclared-reference',
    '8 group-ip-version-mismatch',
    '6 newer-than-provider',
  ]);
});

test('a tracked context notes each read once, in order, and re-validates against what it read', () => {
  const schemas = defaultSchemas();
  const group = (router: string) =>
    `resource "alicloud_vpc_bgp_group" "g" {\n  router_id = ${router}\n}\nresource "alicloud_express_connect_virtual_border_router" "v" {}\n`;
  const before = contextFor([createSourceFile('/deps/a.tf', undefined, group('"vbr-1"'))!], schemas);
  const t = tracked(before);
  assert.equal(t.deps.length, 0, 'nothing read yet');
  t.find('resource', 'alicloud_vpc_bgp_group', 'g');
  t.find('resource', 'alicloud_express_connect_virtual_border_router', 'v');
  t.find('resource', 'alicloud_vpc_bgp_group', 'g');
  t.find('resource', 'alicloud_vpc_bgp_group', 'nope');
  const keys = t.deps.filter((_, i) => i % 2 === 0);
  assert.deepEqual(keys, [
    'f:resource:alicloud_vpc_bgp_group:g',
    'f:resource:alicloud_express_connect_virtual_border_router:v',
    'f:resource:alicloud_vpc_bgp_group:nope',
  ]);
  assert.equal(t.deps[5], '∅', 'an absent instance reads as such');
  assert.equal(dependenciesKey(t.deps), [0, 2, 4].map((i) => `${t.deps[i]}\u0001${t.deps[i + 1]}`).join('\u0002'));
  assert.ok(stillValid(t.deps, before));
  const same = contextFor([createSourceFile('/deps/b.tf', undefined, group('"vbr-1"') + '# a comment\n')!], schemas);
  assert.ok(stillValid(t.deps, same), 'the same facts in another context');
  const moved = contextFor([createSourceFile('/deps/c.tf', undefined, group('"vbr-2"'))!], schemas);
  assert.ok(!stillValid(t.deps, moved), 'the group now names another VBR');
});

test('a reference of the wrong type says which type it should be, with its article', () => {
  const text = 'resource "alicloud_vpc" "main" {\n  cidr_block = "10.0.0.0/8"\n}\nresource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc.main.id\n}\n';
  const src = createSourceFile('file:///article/main.tf', undefined, text)!;
  const [d] = src.diagnostics(contextFor([src], defaultSchemas()));
  assert.equal(d.message, '"bgp_group_id" should refer to an alicloud_vpc_bgp_group, not to alicloud_vpc.main');
});

test('override files: their blocks may hold only what they change, and declare nothing of their own', () => {
  const dir = scratchDir('bgp-override-');
  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
  write('main.tf', 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\nresource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.g.id\n  count        = 2\n}\n');
  write('override.tf', 'resource "alicloud_vpc_bgp_peer" "p" {\n  enable_bfd    = true\n  bfd_multi_hop = 300\n}\n');
  write('peer_override.tf', 'resource "alicloud_vpc_bgp_peer" "p" {\n  bfd_multi_hop = 10\n}\n');
  // An IPv6 peer whose ip_version is in main.tf: not taken at its default (IPv4) here.
  write('v6.tf', 'resource "alicloud_vpc_bgp_group" "g6" {\n  router_id  = "vbr-1"\n  peer_asn   = 65010\n  ip_version = "IPv6"\n}\nresource "alicloud_vpc_bgp_peer" "p6" {\n  bgp_group_id = alicloud_vpc_bgp_group.g6.id\n  ip_version   = "IPv6"\n}\n');
  const v6 = 'resource "alicloud_vpc_bgp_peer" "p6" {\n  bgp_group_id    = alicloud_vpc_bgp_group.g6.id\n  peer_ip_address = "2001:db8::1"\n}\n';
  write('v6_override.tf', v6);
  const ws = new Workspace(defaultSchemas());
  ws.indexDir(dir);
  const check = (name: string) => {
    const file = path.join(dir, name);
    const src = createSourceFile(file, undefined, fs.readFileSync(file, 'utf8'))!;
    return src.diagnostics(ws.contextFor(file, src)).map((d) => `${d.range.start.line}: ${d.code}`);
  };
  // No missing bgp_group_id in the override files; their values are still checked (v6null_override.tf below), but
  // override.tf's 300 is replaced by peer_override.tf's 10, merged after it: Terraform never sees it. (The version
  // judged takes the place of the file's, among the override files in their order, not after them.)
  assert.deepEqual(check('override.tf'), []);
  const alone = new Workspace(defaultSchemas());
  alone.indexDir(dir);
  const overrideTf = path.join(dir, 'override.tf');
  alone.add(path.join(dir, 'peer_override.tf'), createSourceFile(path.join(dir, 'peer_override.tf'), undefined, 'resource "alicloud_vpc_bgp_peer" "p" {\n  enable_bfd = true\n}\n')!);
  const src = createSourceFile(overrideTf, undefined, fs.readFileSync(overrideTf, 'utf8'))!;
  assert.deepEqual(src.diagnostics(alone.contextFor(overrideTf, src)).map((d) => `${d.range.start.line}: ${d.code}`), ['2: value-out-of-range']);
  assert.deepEqual(check('peer_override.tf'), []);
  assert.deepEqual(check('v6_override.tf'), []);
  // Set to null there, it is merged in: the default for sure.
  write('v6null_override.tf', v6.replace('}\n', '  ip_version      = null\n}\n'));
  assert.deepEqual(check('v6null_override.tf'), ['2: ip-version-mismatch', '1: group-ip-version-mismatch']);
  // The peer is declared once (in main.tf): a reference to it is not ambiguous.
  const ctx = ws.contextFor(path.join(dir, 'main.tf'));
  assert.equal(ctx.declarations('resource', 'alicloud_vpc_bgp_peer', 'p'), 1);
  // A file that is not an override file still gets its missing argument.
  write('other.tf', 'resource "alicloud_vpc_bgp_peer" "q" {\n  enable_bfd = true\n}\n');
  assert.deepEqual(check('other.tf'), ['0: missing-required']);
  write('v6_other.tf', v6.replace('"p6"', '"q6"'));
  assert.deepEqual(check('v6_other.tf'), ['2: ip-version-mismatch', '1: group-ip-version-mismatch']);
});

test('an override file in JSON (override.tf.json, x_override.tf.json) gets the findings an override .tf gets for the blocks it writes', () => {
  const dir = scratchDir('bgp-override-json-');
  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
  write('main.tf', 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  ip_version   = "IPv6"\n}\nvariable "hops" {\n  default = 3\n}\n');
  const check = (name: string, text: string) => {
    write(name, text);
    const ws = new Workspace(defaultSchemas());
    ws.indexDir(dir);
    const file = path.join(dir, name);
    const src = createSourceFile(file, undefined, text)!;
    const found = src.diagnostics(ws.contextFor(file, src)).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`);
    fs.rmSync(file);
    return found;
  };
  // The same blocks, in HCL and in JSON, on the same lines: the same findings, where each writes them.
  const hcl = [
    'resource "alicloud_vpc_bgp_peer" "p" {',
    '  enable_bfd      = true',
    '  bfd_multi_hop   = 300',
    '  peer_ip_address = "10.0.0.1"',
    '  bfd_multihop    = 3',
    '  timeouts {',
    '    create = "5 minutes"',
    '  }',
    '}',
    'resource "alicloud_vpc_bgp_peer" "q" {',
    '  enable_bfd = true',
    '}',
    'variable "hops" {',
    '  default = 4',
    '}',
    'variable "nope" {',
    '  default = 4',
    '}',
  ].join('\n');
  const json = [
    '{"resource": {"alicloud_vpc_bgp_peer": {"p": {',
    '  "enable_bfd":      true,',
    '  "bfd_multi_hop":   300,',
    '  "peer_ip_address": "10.0.0.1",',
    '  "bfd_multihop":    3,',
    '  "timeouts": {',
    '    "create": "5 minutes"',
    '  }',
    '},',
    '"q": {',
    '  "enable_bfd": true',
    '}}},',
    '"variable": {"hops": {',
    '  "default": 4',
    '},',
    '"nope": {',
    '  "default": 4',
    '}}}',
  ].join('\n');
  const lines = (found: string[]) => found.map((f) => f.replace(/:\d+ /, ' ')).sort();
  const expected = ['2 value-out-of-range', '3 ip-version-mismatch', '4 unknown-argument', '6 invalid-duration', '9 override-without-original', '15 override-without-original'].sort();
  assert.deepEqual(lines(check('override.tf', hcl)), expected);
  assert.deepEqual(lines(check('override.tf.json', json)), expected);
  assert.deepEqual(lines(check('peer_override.tf.json', json)), expected);
  // Placed on what the JSON writes: the value 300, the key "bfd_multihop" with its quotes.
  const found = check('override.tf.json', json);
  assert.ok(found.includes('2:21 value-out-of-range') && found.includes('4:2 unknown-argument'), found.join(', '));
  // A text Terraform cannot read is one finding. (A primary JSON file's findings: `tfJson.test.ts`.)
  assert.deepEqual(lines(check('override.tf.json', '{"resource": ')), ['0 syntax-error']);
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A scratch folder of module files: `write` one, `open` one as the module holds it (its own copy, as an open
 * document replaces the file on disk) with the module's context.
 */
function scratchModule(prefix: string) {
  const dir = scratchDir(prefix);
  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
  const open = (name: string) => {
    const ws = new Workspace(defaultSchemas());
    ws.indexDir(dir);
    const file = path.join(dir, name);
    const src = ws.moduleEntries(file).find(([p]) => p === file)![1];
    return { src, ctx: ws.contextFor(file, src) };
  };
  return { dir, write, open };
}

test('an override file settles the findings of the block it is merged into, and only those', () => {
  const { dir, write, open } = scratchModule('bgp-settle-');
  const main = `resource "alicloud_vpc_bgp_group" "g" {
  router_id = "vbr-1"
  peer_asn  = 65010
}
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id  = alicloud_vpc_bgp_group.g.id
  bfd_multi_hop = 300
}
resource "alicloud_vpc_bgp_peer" "q" {
  bfd_multi_hop = 10
  timeouts {
    create = "5x"
  }
}
resource "alicloud_vpc_bgp_peer" "r" {
  bgp_group_id  = alicloud_vpc_bgp_group.g.id
  bfd_multi_hop = 300
}
`;
  write('main.tf', main);
  const check = (name: string) => {
    const { src, ctx } = open(name);
    return src.diagnostics(ctx).map((d) => `${d.range.start.line}: ${d.code}`);
  };
  const everything = ['6: value-out-of-range', '6: bfd-multi-hop-without-bfd', '8: missing-required', '11: invalid-duration', '9: bfd-multi-hop-without-bfd', '16: value-out-of-range', '16: bfd-multi-hop-without-bfd'];
  assert.deepEqual(check('main.tf'), everything);
  // p's value is replaced and its enable_bfd added; q gets its group and other timeouts; r has no override.
  write('override.tf', 'resource "alicloud_vpc_bgp_peer" "p" {\n  bfd_multi_hop = 10\n  enable_bfd    = true\n}\n');
  write('peer_override.tf', 'resource "alicloud_vpc_bgp_peer" "q" {\n  bgp_group_id = alicloud_vpc_bgp_group.g.id\n  timeouts {\n    delete = "5m"\n  }\n}\n');
  assert.deepEqual(check('main.tf'), ['9: bfd-multi-hop-without-bfd', '16: value-out-of-range', '16: bfd-multi-hop-without-bfd']);
  // Several override files apply in the order of their names: the last enable_bfd is the one that holds.
  write('a_override.tf', 'resource "alicloud_vpc_bgp_peer" "r" {\n  enable_bfd = false\n}\n');
  write('z_override.tf', 'resource "alicloud_vpc_bgp_peer" "r" {\n  enable_bfd = true\n}\n');
  assert.deepEqual(check('main.tf'), ['9: bfd-multi-hop-without-bfd', '16: value-out-of-range']);
  write('a_override.tf', 'resource "alicloud_vpc_bgp_peer" "r" {\n  enable_bfd = true\n}\n');
  write('z_override.tf', 'resource "alicloud_vpc_bgp_peer" "r" {\n  enable_bfd = false\n}\n');
  assert.deepEqual(check('main.tf'), ['9: bfd-multi-hop-without-bfd', '16: value-out-of-range', '16: bfd-multi-hop-without-bfd']);
  // …but its fix, setting enable_bfd in main.tf, would change nothing Terraform sees: not offered. The range fix is.
  const fixesAt = (line: number) => {
    const ws = new Workspace(defaultSchemas());
    ws.indexDir(dir);
    const file = path.join(dir, 'main.tf');
    const src = createSourceFile(file, undefined, main)!;
    const range = { start: { line, character: 0 }, end: { line, character: 40 } };
    return src.findingsAt(range, ws.contextFor(file, src)).map((f) => `${f.value.code}: ${f.value.fixes.map((x) => x.title).join(', ')}`);
  };
  assert.deepEqual(fixesAt(16), ['value-out-of-range: Clamp to 255', 'bfd-multi-hop-without-bfd: Remove bfd_multi_hop']);
  // What an override writes wrong is its own finding, not the original's: p's value replaced by another bad one.
  write('override.tf', 'resource "alicloud_vpc_bgp_peer" "p" {\n  bfd_multi_hop = 999\n  enable_bfd    = true\n}\n');
  assert.deepEqual(check('main.tf').filter((d) => d.startsWith('6:')), []);
  assert.deepEqual(check('override.tf'), ['1: value-out-of-range']);

  // Code actions see the same: no finding, so no fix, where the override settled it.
  const ws = new Workspace(defaultSchemas());
  ws.indexDir(dir);
  const file = path.join(dir, 'main.tf');
  const src = createSourceFile(file, undefined, main)!;
  const line = (n: number) => ({ start: { line: n, character: 0 }, end: { line: n, character: 40 } });
  assert.deepEqual(src.findingsAt(line(6), ws.contextFor(file, src)).map((f) => f.value.code), []);
  assert.deepEqual(src.findingsAt(line(16), ws.contextFor(file, src)).map((f) => f.value.code), ['value-out-of-range', 'bfd-multi-hop-without-bfd']);

  // In Terraform's JSON syntax too: r's value replaced, so neither of its findings is about main.tf's value now.
  assert.deepEqual(check('main.tf').filter((d) => d.startsWith('16:')), ['16: value-out-of-range', '16: bfd-multi-hop-without-bfd']);
  write('r_override.tf.json', JSON.stringify({ resource: { alicloud_vpc_bgp_peer: { r: { bfd_multi_hop: 20 } } } }));
  assert.deepEqual(check('main.tf').filter((d) => d.startsWith('16:')), []);
  // A nested block written there as an object replaces the blocks of its type: q's timeouts, with its bad duration.
  fs.rmSync(path.join(dir, 'peer_override.tf'));
  assert.deepEqual(check('main.tf').filter((d) => d.startsWith('11:')), ['11: invalid-duration']);
  write('q_override.tf.json', JSON.stringify({ resource: { alicloud_vpc_bgp_peer: { q: { timeouts: { create: '10m' } } } } }));
  assert.deepEqual(check('main.tf').filter((d) => d.startsWith('11:')), []);
});

test('an overridden block: a finding it keeps speaks of the merged values, a repeated argument stays, and other blocks see it merged', () => {
  const { dir, write, open } = scratchModule('bgp-settle-more-');
  const check = (name: string) => {
    const { src, ctx } = open(name);
    return src.diagnostics(ctx).map((d) => `${d.range.start.line}: ${d.code}: ${d.message}`);
  };
  write(
    'main.tf',
    `resource "alicloud_express_connect_virtual_border_router" "v" {
  physical_connection_id = "pc-1"
  vlan_id                = 10
  local_gateway_ip       = "10.0.0.1"
  peer_gateway_ip        = "10.0.1.2"
  peering_subnet_mask    = "255.255.255.0"
  enable_ipv6            = true
}
resource "alicloud_vpc_bgp_group" "g" {
  router_id   = alicloud_express_connect_virtual_border_router.v.id
  peer_asn    = 65010
  ip_version  = "IPv4"
  description = "first one"
  description = "second one"
}
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id    = alicloud_vpc_bgp_group.g.id
  ip_version      = "IPv6"
  peer_ip_address = "2001:db8::1"
}
`,
  );
  const before = check('main.tf');
  assert.deepEqual(before.map((d) => d.split(':').slice(0, 2).join(':')), ['4: gateways-not-in-subnet', '13: duplicate-argument', '17: group-ip-version-mismatch']);
  assert.match(before[0], /255\.255\.255\.0/);
  // The mask changed there, the gateways still apart; the group's description and ip_version set there.
  write('override.tf', 'resource "alicloud_express_connect_virtual_border_router" "v" {\n  peering_subnet_mask = "255.255.255.128"\n}\nresource "alicloud_vpc_bgp_group" "g" {\n  description = "third one"\n  ip_version  = "IPv6"\n}\n');
  const after = check('main.tf');
  assert.deepEqual(after.map((d) => d.split(':').slice(0, 2).join(':')), ['4: gateways-not-in-subnet', '13: duplicate-argument']);
  assert.match(after[0], /255\.255\.255\.128/, 'the message speaks of the mask Terraform sees');
  assert.doesNotMatch(after[0], /255\.255\.255\.0\b/);
  // `Override.tf` is a normal file to Terraform (names are matched with this case only): it settles nothing.
  fs.renameSync(path.join(dir, 'override.tf'), path.join(dir, 'Override.tf'));
  const [gateways] = check('main.tf');
  assert.match(gateways, /^4: gateways-not-in-subnet: .*255\.255\.255\.0\b/);
});

test("an override file's blocks are checked merged into the blocks they override: what shows only once merged is reported there", () => {
  const { dir, write, open } = scratchModule('bgp-override-merged-');
  const check = (name: string) => {
    const { src, ctx } = open(name);
    return src.diagnostics(ctx).map((d) => `${d.range.start.line}: ${d.code}`);
  };
  write(
    'main.tf',
    `resource "alicloud_vpc_bgp_group" "g6" {
  router_id  = "vbr-1"
  peer_asn   = 65010
  ip_version = "IPv6"
}
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id    = alicloud_vpc_bgp_group.g6.id
  ip_version      = "IPv6"
  peer_ip_address = "2001:db8::1"
  enable_bfd      = false
}
`,
  );
  assert.deepEqual(check('main.tf'), []);
  // An IPv4 address here against the original's ip_version, and a hop count the original's enable_bfd makes moot.
  write('override.tf', 'resource "alicloud_vpc_bgp_peer" "p" {\n  peer_ip_address = "10.0.0.1"\n  bfd_multi_hop   = 10\n}\n');
  assert.deepEqual(check('override.tf'), ['2: bfd-multi-hop-without-bfd', '1: ip-version-mismatch']);
  assert.deepEqual(check('main.tf'), [], 'what the override wrote is reported where it is written');
  // Its fix sets enable_bfd here, where it overrides the original's.
  const { src, ctx } = open('override.tf');
  const at = { start: { line: 2, character: 0 }, end: { line: 2, character: 20 } };
  assert.deepEqual(src.findingsAt(at, ctx).flatMap((f) => f.value.fixes.map((x) => x.title)), ['Set enable_bfd = true', 'Remove bfd_multi_hop']);
  // The original's enable_bfd turned on (not an argument other blocks read, so the signature stays): the override
  // file sees it, through a context of the same signature.
  const main = path.join(dir, 'main.tf');
  const ws = new Workspace(defaultSchemas());
  ws.indexDir(dir);
  const override = ws.moduleEntries(main).find(([p]) => p.endsWith('override.tf'))![1];
  const first = ws.contextFor(path.join(dir, 'override.tf'), override);
  assert.equal(override.diagnostics(first).length, 2);
  // Edited in place (as an open document is): the same file object, so the same cached context.
  const original = ws.moduleEntries(main).find(([p]) => p === main)![1];
  const line = fs.readFileSync(main, 'utf8').split('\n').findIndex((l) => l.includes('enable_bfd'));
  original.update([{ range: { start: { line, character: 20 }, end: { line, character: 25 } }, text: 'true' }]);
  assert.match(original.text, /enable_bfd {6}= true/);
  const second = ws.contextFor(path.join(dir, 'override.tf'), override);
  assert.equal(second.signature, first.signature);
  assert.equal(Object.getPrototypeOf(second), Object.getPrototypeOf(first), 'the one cached context under both');
  assert.deepEqual(override.diagnostics(second).map((d) => `${d.range.start.line}: ${d.code}`), ['1: ip-version-mismatch']);
  // With nothing to override, an override block keeps its own findings, less those resting on what it leaves out,
  // and is an error itself: Terraform stops at it.
  write('orphan_override.tf', 'resource "alicloud_vpc_bgp_peer" "nowhere" {\n  bfd_multi_hop = 300\n}\n');
  assert.deepEqual(check('orphan_override.tf'), ['1: value-out-of-range', '0: override-without-original']);
  const [orphan] = open('orphan_override.tf').src.diagnostics(open('orphan_override.tf').ctx).filter((d) => d.code === 'override-without-original');
  assert.match(orphan.message, /No alicloud_vpc_bgp_peer\.nowhere is declared in the module's other files/);
  assert.match(orphan.message, /\(Terraform: "Missing resource to override"\)/);
  write('orphan_override.tf', 'data "alicloud_vpc_bgp_peers" "nowhere" {}\n');
  assert.match(open('orphan_override.tf').src.diagnostics(open('orphan_override.tf').ctx)[0].message, /\(Terraform: "Missing data resource to override"\)$/);
});

test("an override file's variables, locals, outputs and module calls need one of theirs in the module's other files, as Terraform says", () => {
  const { write, open } = scratchModule('bgp-override-symbols-');
  write('main.tf', 'variable "region" {}\nlocals {\n  asn = 65010\n}\noutput "id" {\n  value = 1\n}\nmodule "net" {\n  source = "./net"\n}\n');
  // Declared in JSON counts too; declared only in another override file does not (Terraform: a primary file).
  write('more.tf.json', '{"variable": {"zone": {}}, "locals": [{"name": "x"}], "output": {"ip": {"value": 1}}, "module": {"vpc": {"source": "./vpc"}}}');
  write('a_override.tf', 'variable "only_here" {}\n');
  const overrides = `variable "region" {
  default = "cn-hangzhou"
}
variable "zone" {}
variable "nowhere" {}
locals {
  asn    = 65011
  name   = "x"
  peers  = 2
}
output "id" {
  value = 2
}
output "ip" {}
output "gone" {
  value = 3
}
module "net" {}
module "vpc" {}
module "only_here" {}
variable "only_here" {}
`;
  write('override.tf', overrides);
  const { src, ctx } = open('override.tf');
  const found = src.diagnostics(ctx).map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code}: ${d.message}`);
  const no = (what: string, terraform: string) => `No ${what} is declared in the module's other files for this override to be merged into (Terraform: "${terraform}")`;
  // The places and words of terraform validate.
  assert.deepEqual(found, [
    `4:0-4:18 override-without-original: ${no('variable "nowhere"', 'Missing base variable declaration to override')}`,
    `8:2-8:12 override-without-original: ${no('local value "peers"', 'Missing base local value definition to override')}`,
    `14:0-14:13 override-without-original: ${no('output "gone"', 'Missing base output definition to override')}`,
    `19:0-19:18 override-without-original: ${no('module call "only_here"', 'Missing module call to override')}`,
    `20:0-20:20 override-without-original: ${no('variable "only_here"', 'Missing base variable declaration to override')}`,
  ]);
  // The same findings where code actions ask, and none once the base is declared.
  const all = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };
  assert.equal(src.findingsAt(all, ctx).length, 5);
  write('main.tf', 'variable "region" {}\nvariable "nowhere" {}\nlocals {\n  asn   = 65010\n  peers = 1\n}\noutput "id" {\n  value = 1\n}\noutput "gone" {\n  value = 1\n}\nmodule "net" {\n  source = "./net"\n}\nmodule "only_here" {\n  source = "./x"\n}\nvariable "only_here" {}\n');
  const again = open('override.tf');
  assert.deepEqual(again.src.diagnostics(again.ctx), []);
  assert.equal(open('a_override.tf').src.diagnostics(open('a_override.tf').ctx).length, 0);
  // A file that is not an override file declares its own.
  write('own.tf', 'variable "mine" {}\n');
  assert.deepEqual(open('own.tf').src.diagnostics(open('own.tf').ctx), []);
});

test('override files, from a second review: what only the merge brings out in the original, two blocks of one address, fixes that would let another part show through', () => {
  const { write, open } = scratchModule('bgp-override-review-');
  const fixesOf = (name: string) => {
    const { src, ctx } = open(name);
    const all = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };
    return src.findingsAt(all, ctx).map((f) => `${f.value.range.start.line + f.base}: ${f.value.code}: ${f.value.fixes.map((x) => x.title).join(', ')}`);
  };
  // The original turns BFD on for its hop count; the override turns it off: the hop count is moot, in main.tf.
  write('main.tf', 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = true\n  bfd_multi_hop = 10\n}\n');
  write('override.tf', 'resource "alicloud_vpc_bgp_peer" "p" {\n  enable_bfd = false\n}\n');
  assert.deepEqual(fixesOf('main.tf'), ['3: bfd-multi-hop-without-bfd: Remove bfd_multi_hop'], 'setting enable_bfd in main.tf would change nothing');
  // Two blocks of one address in one override file apply one after the other.
  write('override.tf', 'resource "alicloud_vpc_bgp_peer" "p" {\n  bfd_multi_hop = 20\n}\nresource "alicloud_vpc_bgp_peer" "p" {\n  enable_bfd = true\n}\n');
  write('main.tf', 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n}\n');
  assert.deepEqual(fixesOf('override.tf'), []);
  // The original writes a hop count too: removing the override's would only let the original's show through.
  write('main.tf', 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  bfd_multi_hop = 10\n}\n');
  write('override.tf', 'resource "alicloud_vpc_bgp_peer" "p" {\n  bfd_multi_hop = 20\n}\n');
  assert.deepEqual(fixesOf('override.tf'), ['1: bfd-multi-hop-without-bfd: Set enable_bfd = true']);
  // A fix is checked on the merged block: setting ip_version = IPv6 in the override would clash with the IPv4
  // group the original names, so it is not offered (as it is not for the same block written in one file).
  write('main.tf', 'resource "alicloud_vpc_bgp_group" "g4" {\n  router_id  = "vbr-1"\n  peer_asn   = 65010\n  ip_version = "IPv4"\n}\nresource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.g4.id\n}\n');
  write('override.tf', 'resource "alicloud_vpc_bgp_peer" "p" {\n  peer_ip_address = "2001:db8::1"\n}\n');
  assert.deepEqual(fixesOf('override.tf'), ['1: ip-version-mismatch: ']);
  // A fix giving a new value to what the original wrote sets it in the override instead, where it replaces it.
  write('main.tf', 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id    = "bgpg-1"\n  ip_version      = "IPv6"\n  peer_ip_address = "2001:db8::1"\n}\n');
  write('override.tf', 'resource "alicloud_vpc_bgp_peer" "p" {\n  peer_ip_address = "10.0.0.1"\n}\n');
  assert.deepEqual(fixesOf('override.tf'), ['1: ip-version-mismatch: Set ip_version = "IPv4"']);
  const { src, ctx } = open('override.tf');
  const [fix] = src.findingsAt({ start: { line: 1, character: 0 }, end: { line: 1, character: 30 } }, ctx)[0].value.fixes;
  assert.deepEqual(fix.edits.map((e) => e.kind), ['set']);
  // An argument still being typed in the override replaces nothing yet: the original's enable_bfd holds meanwhile.
  write('main.tf', 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = true\n  bfd_multi_hop = 10\n}\n');
  write('override.tf', 'resource "alicloud_vpc_bgp_peer" "p" {\n  enable_bfd =\n}\n');
  assert.deepEqual(fixesOf('main.tf'), []);
});

test('merging an override: arguments by name, nested blocks by type (a dynamic block too), lifecycle by argument', () => {
  const instance = (text: string) => {
    const src = createSourceFile('/merge/main.tf', undefined, text)! as HclFile;
    return src.instances()[0].value;
  };
  const original = instance(`resource "alicloud_vpc_bgp_peer" "p" {
  bfd_multi_hop = 300
  enable_bfd    = false
  timeouts {
    create = "5m"
  }
  timeouts {
    delete = "5m"
  }
  lifecycle {
    prevent_destroy = true
    ignore_changes  = [description]
  }
}
`);
  const override = instance(`resource "alicloud_vpc_bgp_peer" "p" {
  enable_bfd = true
  dynamic "timeouts" {
    for_each = [1]
    content {
      create = "10m"
    }
  }
  lifecycle {
    prevent_destroy = false
  }
}
`);
  const merged = mergeOverrides(original, [override]);
  const values = (attributes: { name: string; value: { kind: string } }[]) => attributes.map((a) => `${a.name}=${'value' in a.value ? a.value.value : a.value.kind}`);
  assert.deepEqual(values(merged.attributes as never), ['bfd_multi_hop=300', 'enable_bfd=true']);
  assert.deepEqual(merged.blocks.map((b) => b.name), ['lifecycle', 'dynamic']);
  assert.deepEqual(values(merged.blocks[0].attributes as never), ['ignore_changes=tuple', 'prevent_destroy=false']);
  // What the override wrote is placed where no line of the original can be.
  assert.ok(merged.attributes[1].keyRange.start.line > 1e6);
  assert.equal(merged.attributes[0], original.attributes[0]);
  assert.deepEqual(mergeOverrides(original, []).attributes, original.attributes);
});

test("a CDKTF program's provider version comes from its project's cdktf.json", () => {
  assert.equal(versionFromCdktfJson('{"terraformProviders": ["aliyun/alicloud@~> 1.230.0"]}'), '~> 1.230.0');
  assert.equal(versionFromCdktfJson('{"terraformProviders": ["hashicorp/random@3.0.0", "alicloud@ >= 1.200"]}'), '>= 1.200');
  assert.equal(versionFromCdktfJson('{"terraformProviders": [{"name": "alicloud", "source": "aliyun/alicloud", "version": "1.211.2"}]}'), '1.211.2');
  assert.equal(versionFromCdktfJson('{"terraformProviders": ["aliyun/alicloud"]}'), undefined, 'no version');
  assert.equal(versionFromCdktfJson('{"terraformProviders": ["example/alicloud@1.0.0"]}'), undefined, 'another provider');
  assert.equal(versionFromCdktfJson('{ not json'), undefined);
  assert.equal(versionFromCdktfJson('null'), undefined);

  const root = scratchDir('bgp-cdktf-');
  fs.writeFileSync(path.join(root, 'cdktf.json'), JSON.stringify({ language: 'typescript', terraformProviders: ['aliyun/alicloud@~> 1.230.0'] }));
  fs.mkdirSync(path.join(root, 'src'));
  const stack = path.join(root, 'src', 'main.ts');
  const text = 'new VpcBgpGroup(this, "g", { routerId: "vbr-1", peerAsn: 65001, routeLimit: 200 });\n';
  const src = createSourceFile(stack, undefined, text)!;
  const codes = () => src.diagnostics(new Workspace(defaultSchemas()).contextFor(stack, src)).map((d) => `${d.code}: ${d.message}`);
  assert.deepEqual(codes(), ['newer-than-provider: "routeLimit" needs alicloud provider 1.261.0 or newer; cdktf.json\'s provider constraint is "~> 1.230.0"']);
  fs.writeFileSync(path.join(root, 'cdktf.json'), JSON.stringify({ terraformProviders: ['aliyun/alicloud@~> 1.261'] }));
  assert.deepEqual(codes(), [], 'a new workspace reads the changed file');

  // Java's standard layout puts the stack 7 folders below cdktf.json, and a deeper package more.
  fs.writeFileSync(path.join(root, 'cdktf.json'), JSON.stringify({ language: 'java', terraformProviders: ['aliyun/alicloud@~> 1.230.0'] }));
  for (const pkg of [['com', 'mycompany', 'app'], ['com', 'mycompany', 'app', 'network', 'bgp']]) {
    const dir = path.join(root, 'src', 'main', 'java', ...pkg);
    fs.mkdirSync(dir, { recursive: true });
    const java = path.join(dir, 'MainStack.java');
    const javaSrc = createSourceFile(java, undefined, 'VpcBgpGroup.Builder.create(this, "g").routerId("vbr-1").peerAsn(65001).routeLimit(200).build();\n')!;
    assert.deepEqual(
      javaSrc.diagnostics(new Workspace(defaultSchemas()).contextFor(java, javaSrc)).map((d) => d.code),
      ['newer-than-provider'],
      pkg.join('.'),
    );
  }
});

test('an IPv6 group or peer needs IPv6 enabled on its VBR', () => {
  const vbr = (name: string, extra: string) =>
    `resource "alicloud_express_connect_virtual_border_router" "${name}" {\n  physical_connection_id = "pc-1"\n  vlan_id = 100\n  local_gateway_ip = "10.0.0.1"\n  peer_gateway_ip = "10.0.0.2"\n  peering_subnet_mask = "255.255.255.252"\n${extra}}\n`;
  const text =
    vbr('off', '') +
    vbr('on', '  enable_ipv6 = true\n') +
    vbr('maybe', '  enable_ipv6 = var.ipv6\n') +
    'resource "alicloud_vpc_bgp_group" "g6" {\n  router_id  = alicloud_express_connect_virtual_border_router.off.id\n  peer_asn   = 65010\n  ip_version = "ipv6"\n}\n' +
    'resource "alicloud_vpc_bgp_group" "ok" {\n  router_id  = alicloud_express_connect_virtual_border_router.on.id\n  peer_asn   = 65010\n  ip_version = "IPv6"\n}\n' +
    'resource "alicloud_vpc_bgp_group" "unknown" {\n  router_id  = alicloud_express_connect_virtual_border_router.maybe.id\n  peer_asn   = 65010\n  ip_version = "IPv6"\n}\n' +
    'resource "alicloud_vpc_bgp_group" "v4" {\n  router_id = alicloud_express_connect_virtual_border_router.off.id\n  peer_asn  = 65010\n}\n' +
    'resource "alicloud_vpc_bgp_peer" "p6" {\n  bgp_group_id    = alicloud_vpc_bgp_group.g6.id\n  ip_version      = "IPv6"\n  peer_ip_address = "fd00::2"\n}\n' +
    'resource "alicloud_vpc_bgp_peer" "p_ok" {\n  bgp_group_id = alicloud_vpc_bgp_group.ok.id\n  ip_version   = "IPv6"\n}\n';
  const src = createSourceFile('file:///ipv6/main.tf', undefined, text)!;
  const found = src.diagnostics(contextFor([src], defaultSchemas())).filter((d) => d.code === 'ipv6-not-enabled');
  assert.deepEqual(
    found.map((d) => `${src.lineText(d.range.start.line).trim()}: ${d.severity} ${d.message}`),
    [
      'ip_version = "ipv6": warning IPv6 BGP needs IPv6 enabled on the VBR, and alicloud_express_connect_virtual_border_router.off does not set enable_ipv6 = true',
      'ip_version      = "IPv6": warning IPv6 BGP needs IPv6 enabled on the VBR, and alicloud_express_connect_virtual_border_router.off does not set enable_ipv6 = true',
    ],
  );
});

test('many declared groups: a broken reference names the closest five, and a missing one offers eight', () => {
  const groups = Array.from({ length: 30 }, (_, i) => `resource "alicloud_vpc_bgp_group" "site_${i}" {\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\n`).join('');
  const text = groups + 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.site_7x.id\n}\nresource "alicloud_vpc_bgp_peer" "q" {\n  enable_bfd = true\n}\n';
  const src = createSourceFile('file:///many/main.tf', undefined, text)!;
  const ctx = contextFor([src], defaultSchemas());
  const [undeclared] = src.diagnostics(ctx).filter((d) => d.code === 'undeclared-reference');
  assert.match(undeclared.message, /\(declared: alicloud_vpc_bgp_group\.site_7, .+ and 25 more\)$/);
  const all = src.findingsAt({ start: { line: 0, character: 0 }, end: { line: 200, character: 0 } }, ctx).map((f) => f.value);
  const fixes = (code: string) => all.find((f) => f.code === code)!.fixes.map((f) => f.title);
  assert.equal(fixes('undeclared-reference').length, 5);
  assert.equal(fixes('undeclared-reference')[0], 'Refer to alicloud_vpc_bgp_group.site_7');
  const missing = fixes('missing-required');
  assert.equal(missing.length, 9, 'eight groups and the placeholder');
  assert.match(missing[8], /placeholder/);
});

test('a cached context keeps none of the files it was made of: a file opened again as a new object with the same text gets a context of its own, and the old one can be collected', async () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const text = 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\n';
  const schemas = defaultSchemas();
  // Made in a function of its own, so that nothing on this stack holds the first file afterwards.
  const first = () => {
    const a = createSourceFile('file:///m/a.tf', undefined, text)!;
    const ctx = contextFor([a], schemas);
    assert.ok(ctx.find('resource', 'alicloud_vpc_bgp_group', 'g'), 'the index is built');
    return { ref: new WeakRef(a), ctx };
  };
  const { ref, ctx } = first();
  const b = createSourceFile('file:///m/a.tf', undefined, text)!;
  const again = contextFor([b], schemas);
  assert.notEqual(again, ctx, 'the new file object gets its own context');
  assert.equal(again.signature, ctx.signature);
  assert.equal(contextFor([b], schemas), again, 'and keeps it while it is the same object');
  // WeakRef targets stay alive until the current job ends.
  await new Promise((r) => setImmediate(r));
  gc();
  assert.equal(ref.deref(), undefined, 'the first file was collected, though its context is still cached');
  assert.ok(ctx.find('resource', 'alicloud_vpc_bgp_group', 'g'), 'and that context still answers');
});

test('a key added to a peer\'s for_each object is counted at once: the module\'s signature changes with the number of keys', () => {
  const text = [
    'resource "alicloud_vpc_bgp_group" "a" {',
    '  router_id = "vbr-1"',
    '  peer_asn  = 65010',
    '}',
    'resource "alicloud_vpc_bgp_peer" "site" {',
    '  for_each     = { p1 = 1, p2 = 2, p3 = 3, p4 = 4, p5 = 5, p6 = 6, p7 = 7, p8 = 8 }',
    '  bgp_group_id = alicloud_vpc_bgp_group.a.id',
    '}',
    '',
  ].join('\n');
  const file = createSourceFile('file:///fe/main.tf', undefined, text)!;
  const schemas = defaultSchemas();
  const codes = () => file.diagnostics(contextFor([file], schemas)).map((d) => d.code);
  assert.deepEqual(codes(), []);
  const at = { line: 5, character: text.split('\n')[5].indexOf(' }') };
  file.update([{ range: { start: at, end: at }, text: ', p9 = 9' }]);
  assert.deepEqual(codes(), ['too-many-peers-per-vbr']);
});

test('a resource or data source declared twice in a module is an error on each copy, in any file; override files are no copies', () => {
  const group = (name: string, asn: number) => `resource "alicloud_vpc_bgp_group" "${name}" {\n  router_id = "vbr-1"\n  peer_asn  = ${asn}\n}\n`;
  const schemas = defaultSchemas();
  const a = createSourceFile('file:///dup/a.tf', undefined, group('g', 65010) + group('h', 65011))!;
  const b = createSourceFile('file:///dup/b.tf', undefined, group('k', 65012) + 'data "alicloud_express_connect_physical_connections" "pc" {}\n')!;
  const override = createSourceFile('file:///dup/a_override.tf', undefined, group('g', 65020))!;
  const found = (f: typeof a) => f.diagnostics(contextFor([a, b, override], schemas)).map((d) => `${d.range.start.line} ${d.code}: ${d.message}`);
  assert.deepEqual([...found(a), ...found(b), ...found(override)], []);
  // A copy pasted and not renamed, in the same file: both copies are reported, and nothing else moves.
  const end = { line: 5, character: 0 };
  b.update([{ range: { start: end, end }, text: group('h', 65013) }]);
  assert.deepEqual(found(a), [
    '4 duplicate-declaration: alicloud_vpc_bgp_group.h is declared 2 times in this module: a resource\'s name must be unique among the resources of its type, and Terraform refuses the module ("Duplicate resource configuration"); rename all but one',
  ]);
  assert.deepEqual(found(b).map((d) => d.slice(0, 25)), ['5 duplicate-declaration: ']);
  // Renamed: the first copy's cached findings are checked again, and it is clean.
  b.update([{ range: { start: { line: 5, character: 35 }, end: { line: 5, character: 36 } }, text: 'h2' }]);
  assert.deepEqual([...found(a), ...found(b)], []);
  const data = createSourceFile('file:///dup/c.tf', undefined, 'data "alicloud_express_connect_physical_connections" "pc" {}\n')!;
  assert.deepEqual(data.diagnostics(contextFor([a, b, data], schemas)).map((d) => d.message.split(':')[0]), ['data.alicloud_express_connect_physical_connections.pc is declared 2 times in this module']);
});

test('data sources scoped to check blocks in two files of a module, one name: both reported, and cleared once one is renamed', () => {
  const check = (c: string, name: string) => `check "${c}" {\n  data "alicloud_express_connect_physical_connections" "${name}" {\n  }\n  assert {\n    condition     = true\n    error_message = "x"\n  }\n}\n`;
  const schemas = defaultSchemas();
  const a = createSourceFile('file:///scoped-dup/a.tf', undefined, check('c', 's'))!;
  const b = createSourceFile('file:///scoped-dup/b.tf', undefined, check('d', 't'))!;
  const found = (f: typeof a) => f.diagnostics(contextFor([a, b], schemas)).map((d) => `${d.range.start.line} ${d.code}: ${d.message}`);
  assert.deepEqual([...found(a), ...found(b)], []);
  // b's block renamed to a's name: a's cached findings are checked again against the module.
  b.update([{ range: { start: { line: 1, character: 56 }, end: { line: 1, character: 57 } }, text: 's' }]);
  const message = '1 duplicate-declaration: data.alicloud_express_connect_physical_connections.s is declared 2 times in this module\'s check blocks: a data source\'s name must be unique among the data sources of its type in a module, check blocks included, and Terraform refuses the module ("Duplicate data "alicloud_express_connect_physical_connections" configuration"); rename all but one';
  assert.deepEqual(found(a), [message]);
  assert.deepEqual(found(b), [message]);
  b.update([{ range: { start: { line: 1, character: 56 }, end: { line: 1, character: 57 } }, text: 'u' }]);
  assert.deepEqual([...found(a), ...found(b)], []);
});

test('a data source scoped to a check block: nested under it in the outline, and what references inside that block go to', () => {
  const text = [
    'data "alicloud_vpcs" "s" {',
    '  name_regex = "module"',
    '}',
    'check "c" {',
    '  data "alicloud_vpcs" "s" {',
    '    name_regex = "scoped"',
    '  }',
    '  assert {',
    '    condition     = length(data.alicloud_vpcs.s.ids) > 0',
    '    error_message = "none"',
    '  }',
    '}',
    'output "ids" {',
    '  value = data.alicloud_vpcs.s.ids',
    '}',
    '',
  ].join('\n');
  const file = createSourceFile('file:///scoped/main.tf', undefined, text)!;
  const module = { files: (): [string, typeof file][] => [['file:///scoped/main.tf', file]] };
  const top: Declaration[] = [];
  (file as HclFile).forEachDeclaration((d) => top.push(d));
  const check = top.find((d) => d.name === 'check c')!;
  assert.deepEqual(
    check.children.map((d) => [d.name, d.kind, d.selectionRange.start.line]),
    [
      ['data.alicloud_vpcs.s', 'data', 4],
      ['assert', 'block', 7],
    ],
  );
  const lines = (ls: { range: { start: { line: number } } }[]) => ls.map((l) => l.range.start.line).sort((a, b) => a - b);
  // Inside the check block, the scoped data source; outside, the module's.
  assert.deepEqual(lines(definition(file, { line: 8, character: 30 }, module)), [4]);
  assert.deepEqual(lines(definition(file, { line: 13, character: 16 }, module)), [0]);
  assert.deepEqual(lines(definition(file, { line: 4, character: 25 }, module)), [4], 'from its own name');
  assert.deepEqual(lines(navReferences(file, { line: 4, character: 25 }, module, true)), [4, 8]);
  assert.deepEqual(lines(navReferences(file, { line: 0, character: 23 }, module, true)), [0, 13]);
  assert.deepEqual(lines(highlights(file, { line: 8, character: 30 })), [4, 8]);
});
