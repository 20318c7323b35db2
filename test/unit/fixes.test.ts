// Quick fixes: each one applied to its case gives exactly the expected text, the finding is gone,
// and no new error appears.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fixEdits } from '../../server/src/engine/fixEdits';
import { analyse, applyEdits } from './inline';

interface FixCase {
  code: string;
  /** Which of the finding's fixes (by title). */
  title: RegExp;
  before: string;
  after: string;
}

const group = 'resource "alicloud_vpc_bgp_group" "main" {\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\n';
const counted = 'resource "alicloud_vpc_bgp_group" "g" {\n  count     = 2\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\n';

const cases: Record<string, FixCase> = {
  'refer to the attribute closest to one the type does not have, keeping the instance key and the path after it': {
    code: 'unsupported-attribute',
    title: /^Refer to alicloud_vpc_bgp_group\.g\[0\]\.id$/,
    before: counted + 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.g[0].idd\n}\n',
    after: counted + 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.g[0].id\n}\n',
  },
  'a made-up ID attribute means the block\'s own id, not the name closest in spelling (bgp_group_name)': {
    code: 'unsupported-attribute',
    title: /^Refer to alicloud_vpc_bgp_group\.main\.id$/,
    before: group + 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.main.bgp_group_id\n}\n',
    after: group + 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.main.id\n}\n',
  },
  'the data source\'s connections, misspelt': {
    code: 'unsupported-attribute',
    title: /connections\[0\]\.id$/,
    before: 'data "alicloud_express_connect_physical_connections" "pc" {}\nresource "alicloud_express_connect_virtual_border_router" "v" {\n  physical_connection_id = data.alicloud_express_connect_physical_connections.pc.connection[0].id\n  local_gateway_ip       = "10.0.0.1"\n  peer_gateway_ip        = "10.0.0.2"\n  peering_subnet_mask    = "255.255.255.252"\n  vlan_id                = 1\n}\n',
    after: 'data "alicloud_express_connect_physical_connections" "pc" {}\nresource "alicloud_express_connect_virtual_border_router" "v" {\n  physical_connection_id = data.alicloud_express_connect_physical_connections.pc.connections[0].id\n  local_gateway_ip       = "10.0.0.1"\n  peer_gateway_ip        = "10.0.0.2"\n  peering_subnet_mask    = "255.255.255.252"\n  vlan_id                = 1\n}\n',
  },
  'set enable_bfd = true by changing false': {
    code: 'bfd-multi-hop-without-bfd',
    title: /^Set enable_bfd = true$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = false\n  bfd_multi_hop = 3\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = true\n  bfd_multi_hop = 3\n}\n',
  },
  'set enable_bfd = true by adding it, aligned with its neighbours': {
    code: 'bfd-multi-hop-without-bfd',
    title: /^Set enable_bfd = true$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  bfd_multi_hop = 3\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  bfd_multi_hop = 3\n  enable_bfd    = true\n}\n',
  },
  'set enable_bfd = true in a file mixing line breaks: the new line ends as the CRLF lines around it do': {
    code: 'bfd-multi-hop-without-bfd',
    title: /^Set enable_bfd = true$/,
    before: group + 'resource "alicloud_vpc_bgp_peer" "p" {\r\n  bgp_group_id  = "bgpg-1"\r\n  bfd_multi_hop = 3\r\n}\r\n',
    after: group + 'resource "alicloud_vpc_bgp_peer" "p" {\r\n  bgp_group_id  = "bgpg-1"\r\n  bfd_multi_hop = 3\r\n  enable_bfd    = true\r\n}\r\n',
  },
  'set enable_bfd = true in a one-line block of LF lines in a CRLF file: the lines it opens end in LF': {
    code: 'bfd-multi-hop-without-bfd',
    title: /^Set enable_bfd = true$/,
    before: '# CRLF first\r\nresource "alicloud_vpc_bgp_peer" "p" { bfd_multi_hop = 3 }\n# LF last\n',
    after: '# CRLF first\r\nresource "alicloud_vpc_bgp_peer" "p" {\n  bfd_multi_hop = 3\n  enable_bfd    = true\n}\n# LF last\n',
  },
  'remove bfd_multi_hop instead: the argument left is aligned for itself alone': {
    code: 'bfd-multi-hop-without-bfd',
    title: /^Remove bfd_multi_hop$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  bfd_multi_hop = 3\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n}\n',
  },
  'clamp bfd_multi_hop above the range': {
    code: 'value-out-of-range',
    title: /^Clamp to 255$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = true\n  bfd_multi_hop = 300\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = true\n  bfd_multi_hop = 255\n}\n',
  },
  'clamp bfd_multi_hop = 0 up to 1': {
    code: 'value-out-of-range',
    title: /^Clamp to 1$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = true\n  bfd_multi_hop = 0\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = true\n  bfd_multi_hop = 1\n}\n',
  },
  'remove a read-only argument': {
    code: 'read-only-argument',
    title: /^Remove status$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  status       = "Available" # set by the API\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n}\n',
  },
  // What a removal takes: the argument's own comments, as hclwrite counts them (the one after it on its line, the
  // comment lines right above it), and nothing else.
  'remove a read-only argument with its own comments: the lines above it and the one after it': {
    code: 'read-only-argument',
    title: /^Remove status$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  # set by the API,\n  # do not edit\n  status = "Available" # tuned by X\n  enable_bfd = true\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  enable_bfd = true\n}\n',
  },
  'remove a read-only argument: a /* */ comment after it on its line is its own too': {
    code: 'read-only-argument',
    title: /^Remove status$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  status       = "Available" /* set by the API */\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n}\n',
  },
  'remove a read-only argument: a comment heading a group stays with the group': {
    code: 'read-only-argument',
    title: /^Remove status$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n\n  # state\n  status = "Available"\n  enable_bfd = true\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n\n  # state\n  enable_bfd = true\n}\n',
  },
  'remove a read-only argument: a commented-out argument above it is not its comment, and stays': {
    code: 'read-only-argument',
    title: /^Remove status$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  # enable_bfd = true\n  // timeouts {\n  # not settable\n  status = "Available"\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  # enable_bfd = true\n  // timeouts {\n}\n',
  },
  'remove a read-only argument of a one-line block: nothing else on the line goes': {
    code: 'read-only-argument',
    title: /^Remove status$/,
    before: '# the peer\nresource "alicloud_vpc_bgp_peer" "p" { status = "Available" } # one line\n',
    after: '# the peer\nresource "alicloud_vpc_bgp_peer" "p" {  } # one line\n',
  },
  'remove a duplicate argument': {
    code: 'duplicate-argument',
    title: /^Remove this duplicate enable_bfd$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  enable_bfd   = true\n  enable_bfd   = true\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  enable_bfd   = true\n}\n',
  },
  'count beside for_each: remove either': {
    code: 'count-and-for-each',
    title: /^Remove count$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  count        = 2\n  for_each     = toset(["a", "b"])\n  bgp_group_id = "bgpg-1"\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  for_each     = toset(["a", "b"])\n  bgp_group_id = "bgpg-1"\n}\n',
  },
  'for_each beside count: remove it': {
    code: 'count-and-for-each',
    title: /^Remove for_each$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  count        = 2\n  for_each     = toset(["a", "b"])\n  bgp_group_id = "bgpg-1"\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  count        = 2\n  bgp_group_id = "bgpg-1"\n}\n',
  },
  'rename an unknown argument, keeping = aligned': {
    code: 'unknown-argument',
    title: /^Rename to "bfd_multi_hop"$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = true\n  bfd_multihop  = 3\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = true\n  bfd_multi_hop = 3\n}\n',
  },
  'a rename that makes the longest name: the neighbours move their = with it, as terraform fmt does': {
    code: 'unknown-argument',
    title: /^Rename to "bfd_multi_hop"$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  enable_bfd   = true\n  bfd_multihop = 3\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = true\n  bfd_multi_hop = 3\n}\n',
  },
  'a blank line or a comment line ends the run terraform fmt aligns': {
    code: 'unknown-argument',
    title: /^Rename to "bfd_multi_hop"$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n\n  ip_version = "IPv4"\n  # BFD\n  enable_bfd   = true\n  bfd_multihop = 3\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n\n  ip_version = "IPv4"\n  # BFD\n  enable_bfd    = true\n  bfd_multi_hop = 3\n}\n',
  },
  'a nested block ends the run; a heredoc does not': {
    code: 'unknown-argument',
    title: /^Rename to "peer_ip_address"$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  timeouts {\n    create = "5m"\n  }\n  bgp_peer_name  = <<-EOT\n    a = b\n  EOT\n  peer_ip_addres = "10.0.0.2"\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  timeouts {\n    create = "5m"\n  }\n  bgp_peer_name   = <<-EOT\n    a = b\n  EOT\n  peer_ip_address = "10.0.0.2"\n}\n',
  },
  'a string whose interpolation runs over lines ends the run, as an open bracket does': {
    code: 'unknown-argument',
    title: /^Rename to "bfd_multi_hop"$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  bgp_peer_name = "peer-${\n    var.x\n  }"\n  enable_bfd   = true\n  bfd_multihop = 3\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  bgp_peer_name = "peer-${\n    var.x\n  }"\n  enable_bfd    = true\n  bfd_multi_hop = 3\n}\n',
  },
  'removing the longest name: the others close up': {
    code: 'bfd-multi-hop-without-bfd',
    title: /^Remove bfd_multi_hop$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = false\n  bfd_multi_hop = 10\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  enable_bfd   = false\n}\n',
  },
  'removing a value over several lines joins the runs above and below it': {
    code: 'read-only-argument',
    title: /^Remove status$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  status = [\n    "Available",\n  ]\n  enable_bfd = true\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  enable_bfd   = true\n}\n',
  },
  'adding a name longer than its neighbours\' moves their =': {
    code: 'missing-required',
    title: /placeholder/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  ip_version = "IPv4"\n  enable_bfd = true\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  ip_version   = "IPv4"\n  enable_bfd   = true\n  bgp_group_id = "bgpg-2zev8h2uxpbnexample01"\n}\n',
  },
  'trailing comments stay aligned when a value changes width': {
    code: 'type-mismatch',
    title: /^Use true$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "g"   # a\n  enable_bfd   = "yes" # b\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "g"  # a\n  enable_bfd   = true # b\n}\n',
  },
  'rename an unknown timeouts key': {
    code: 'unknown-argument',
    title: /^Rename to "create"$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  timeouts {\n    craete = "5m"\n  }\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  timeouts {\n    create = "5m"\n  }\n}\n',
  },
  'rename an unknown key in the content of a dynamic timeouts block': {
    code: 'unknown-argument',
    title: /^Rename to "create"$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  dynamic "timeouts" {\n    for_each = var.t\n    content {\n      craete = "5m"\n    }\n  }\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  dynamic "timeouts" {\n    for_each = var.t\n    content {\n      create = "5m"\n    }\n  }\n}\n',
  },
  'add bgp_group_id referencing the module\'s only group': {
    code: 'missing-required',
    title: /^Add bgp_group_id = alicloud_vpc_bgp_group\.main\.id$/,
    before: group + 'resource "alicloud_vpc_bgp_peer" "p" {\n  peer_ip_address = "10.0.0.2"\n}\n',
    after: group + 'resource "alicloud_vpc_bgp_peer" "p" {\n  peer_ip_address = "10.0.0.2"\n  bgp_group_id    = alicloud_vpc_bgp_group.main.id\n}\n',
  },
  'add bgp_group_id referencing a counted group: its first instance': {
    code: 'missing-required',
    title: /^Add bgp_group_id = alicloud_vpc_bgp_group\.g\[0\]\.id$/,
    before: counted + 'resource "alicloud_vpc_bgp_peer" "p" {\n  peer_ip_address = "10.0.0.2"\n}\n',
    after: counted + 'resource "alicloud_vpc_bgp_peer" "p" {\n  peer_ip_address = "10.0.0.2"\n  bgp_group_id    = alicloud_vpc_bgp_group.g[0].id\n}\n',
  },
  'add bgp_group_id to a counted peer: the same count.index': {
    code: 'missing-required',
    title: /^Add bgp_group_id = alicloud_vpc_bgp_group\.g\[count\.index\]\.id$/,
    before: counted + 'resource "alicloud_vpc_bgp_peer" "p" {\n  count = 2\n}\n',
    after: counted + 'resource "alicloud_vpc_bgp_peer" "p" {\n  count        = 2\n  bgp_group_id = alicloud_vpc_bgp_group.g[count.index].id\n}\n',
  },
  'name the instance of a counted group a reference left out': {
    code: 'missing-instance-key',
    title: /^Refer to alicloud_vpc_bgp_group\.g\[0\]\.id$/,
    before: counted + 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.g.id\n}\n',
    after: counted + 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.g[0].id\n}\n',
  },
  'name the instance of a for_each group the peer iterates over': {
    code: 'missing-instance-key',
    title: /^Refer to alicloud_vpc_bgp_group\.fe\[each\.key\]\.id$/,
    before: 'resource "alicloud_vpc_bgp_group" "fe" {\n  for_each  = var.sites\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\nresource "alicloud_vpc_bgp_peer" "p" {\n  for_each     = alicloud_vpc_bgp_group.fe\n  bgp_group_id = alicloud_vpc_bgp_group.fe.id\n}\n',
    after: 'resource "alicloud_vpc_bgp_group" "fe" {\n  for_each  = var.sites\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\nresource "alicloud_vpc_bgp_peer" "p" {\n  for_each     = alicloud_vpc_bgp_group.fe\n  bgp_group_id = alicloud_vpc_bgp_group.fe[each.key].id\n}\n',
  },
  'name the instance of a group repeated over an object written out: its first key': {
    code: 'missing-instance-key',
    title: /^Refer to alicloud_vpc_bgp_group\.g\["east"\]\.id$/,
    before: 'resource "alicloud_vpc_bgp_group" "g" {\n  for_each  = { east = 1, west = 2 }\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\nresource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.g.id\n}\n',
    after: 'resource "alicloud_vpc_bgp_group" "g" {\n  for_each  = { east = 1, west = 2 }\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\nresource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.g["east"].id\n}\n',
  },
  'name the instance of a group repeated over toset() of strings written out: its first string': {
    code: 'missing-instance-key',
    title: /^Refer to alicloud_vpc_bgp_group\.g\["east"\]\.id$/,
    before: 'resource "alicloud_vpc_bgp_group" "g" {\n  for_each  = toset(["east", "west"])\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\nresource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.g.id\n}\n',
    after: 'resource "alicloud_vpc_bgp_group" "g" {\n  for_each  = toset(["east", "west"])\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\nresource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.g["east"].id\n}\n',
  },
  'a key of a for_each object written as an attribute step: the step becomes the key, not kept after it': {
    code: 'missing-instance-key',
    title: /^Refer to alicloud_vpc_bgp_group\.h\["west"\]\.id$/,
    before: 'resource "alicloud_vpc_bgp_group" "h" {\n  for_each  = { east = 1, west = 2 }\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\nresource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.h.west.id\n}\n',
    after: 'resource "alicloud_vpc_bgp_group" "h" {\n  for_each  = { east = 1, west = 2 }\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\nresource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.h["west"].id\n}\n',
  },
  'a key of a for_each object written as the last step: the instance, and its id': {
    code: 'missing-instance-key',
    title: /^Refer to alicloud_vpc_bgp_group\.h\["east"\]\.id$/,
    before: 'resource "alicloud_vpc_bgp_group" "h" {\n  for_each  = { east = 1, west = 2 }\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\nresource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.h.east\n}\n',
    after: 'resource "alicloud_vpc_bgp_group" "h" {\n  for_each  = { east = 1, west = 2 }\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\nresource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.h["east"].id\n}\n',
  },
  'a misspelt name of a for_each group: refer to the instance the peer iterates over': {
    code: 'undeclared-reference',
    title: /^Refer to alicloud_vpc_bgp_group\.fe\[each\.key\]$/,
    before: 'resource "alicloud_vpc_bgp_group" "fe" {\n  for_each  = var.sites\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\nresource "alicloud_vpc_bgp_peer" "p" {\n  for_each     = alicloud_vpc_bgp_group.fe\n  bgp_group_id = alicloud_vpc_bgp_group.fee.id\n}\n',
    after: 'resource "alicloud_vpc_bgp_group" "fe" {\n  for_each  = var.sites\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\nresource "alicloud_vpc_bgp_peer" "p" {\n  for_each     = alicloud_vpc_bgp_group.fe\n  bgp_group_id = alicloud_vpc_bgp_group.fe[each.key].id\n}\n',
  },
  'a misspelt name of a counted group: refer to its first instance': {
    code: 'undeclared-reference',
    title: /^Refer to alicloud_vpc_bgp_group\.g\[0\]$/,
    before: counted + 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.gg.id\n}\n',
    after: counted + 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.g[0].id\n}\n',
  },
  'a misspelt resource type with an index: the index written is kept': {
    code: 'undeclared-reference',
    title: /^Refer to alicloud_vpc_bgp_group\.g\[1\]$/,
    before: counted + 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_grup.g[1].id\n}\n',
    after: counted + 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.g[1].id\n}\n',
  },
  'a misspelt name with a for_each key: the key written is kept': {
    code: 'undeclared-reference',
    title: /^Refer to alicloud_vpc_bgp_group\.h\["west"\]$/,
    before: 'resource "alicloud_vpc_bgp_group" "h" {\n  for_each  = { east = 1, west = 2 }\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\nresource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.hh["west"].id\n}\n',
    after: 'resource "alicloud_vpc_bgp_group" "h" {\n  for_each  = { east = 1, west = 2 }\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\nresource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.h["west"].id\n}\n',
  },
  'a misspelt name with a key written as an attribute step: it becomes the key': {
    code: 'undeclared-reference',
    title: /^Refer to alicloud_vpc_bgp_group\.h\["west"\]$/,
    before: 'resource "alicloud_vpc_bgp_group" "h" {\n  for_each  = { east = 1, west = 2 }\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\nresource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.hh.west.id\n}\n',
    after: 'resource "alicloud_vpc_bgp_group" "h" {\n  for_each  = { east = 1, west = 2 }\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\nresource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.h["west"].id\n}\n',
  },
  'an index on a misspelt block that is not repeated: dropped': {
    code: 'undeclared-reference',
    title: /^Refer to alicloud_vpc_bgp_group\.main$/,
    before: group + 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_grup.main[1].id\n}\n',
    after: group + 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.main.id\n}\n',
  },
  'a misspelt resource type before a name with a character outside the BMP: the whole name is kept': {
    code: 'undeclared-reference',
    title: /^Refer to alicloud_vpc_bgp_group\.g𝒜$/,
    before: group.replace('"main"', '"g𝒜"') + 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_grup.g𝒜.id\n}\n',
    after: group.replace('"main"', '"g𝒜"') + 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.g𝒜.id\n}\n',
  },
  'a misspelt resource type: refer to the block of that name of the right type': {
    code: 'undeclared-reference',
    title: /^Refer to alicloud_vpc_bgp_group\.main$/,
    before: group + 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_grup.main.id\n}\n',
    after: group + 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.main.id\n}\n',
  },
  'add bgp_group_id as a placeholder when there is no group, longer than its neighbour: both aligned': {
    code: 'missing-required',
    title: /placeholder/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  enable_bfd = true\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  enable_bfd   = true\n  bgp_group_id = "bgpg-2zev8h2uxpbnexample01"\n}\n',
  },
  'add bgp_group_id to an empty one-line block': {
    code: 'missing-required',
    title: /^Add bgp_group_id = alicloud_vpc_bgp_group\.main\.id$/,
    before: group + 'resource "alicloud_vpc_bgp_peer" "p" {}\n',
    after: group + 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.main.id\n}\n',
  },
  'ip_version left out (IPv4) for an IPv6 address: add it': {
    code: 'ip-version-mismatch',
    title: /^Set ip_version = "IPv6"$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id    = "bgpg-1"\n  peer_ip_address = "fd00::2"\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id    = "bgpg-1"\n  peer_ip_address = "fd00::2"\n  ip_version      = "IPv6"\n}\n',
  },
  'make ip_version match an IPv6 address': {
    code: 'ip-version-mismatch',
    title: /^Set ip_version = "IPv6"$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id    = "bgpg-1"\n  peer_ip_address = "fd00::2"\n  ip_version      = "IPv4"\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id    = "bgpg-1"\n  peer_ip_address = "fd00::2"\n  ip_version      = "IPv6"\n}\n',
  },
  'replace an invalid ip_version by an accepted one': {
    code: 'invalid-value',
    title: /^Change to "IPv4"$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  ip_version   = "v4"\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  ip_version   = "IPv4"\n}\n',
  },
  'turn "yes" into true': {
    code: 'type-mismatch',
    title: /^Use true$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  enable_bfd   = "yes"\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  enable_bfd   = true\n}\n',
  },
  'a one-line block is opened up: HCL allows one argument in it': {
    code: 'bfd-multi-hop-without-bfd',
    title: /^Set enable_bfd = true$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" { bgp_group_id = "bgpg-1" }\nresource "alicloud_vpc_bgp_peer" "q" { bfd_multi_hop = 3 }\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" { bgp_group_id = "bgpg-1" }\nresource "alicloud_vpc_bgp_peer" "q" {\n  bfd_multi_hop = 3\n  enable_bfd    = true\n}\n',
  },
  'a closing brace on the last argument\'s line moves to a line of its own': {
    code: 'bfd-multi-hop-without-bfd',
    title: /^Set enable_bfd = true$/,
    before: '  resource "alicloud_vpc_bgp_peer" "p" {\n    bgp_group_id  = "bgpg-1"\n    bfd_multi_hop = 3 }\n',
    after: '  resource "alicloud_vpc_bgp_peer" "p" {\n    bgp_group_id  = "bgpg-1"\n    bfd_multi_hop = 3\n    enable_bfd    = true\n  }\n',
  },
  'comments in a one-line block are kept': {
    code: 'bfd-multi-hop-without-bfd',
    title: /^Set enable_bfd = true$/,
    before: 'resource "alicloud_vpc_bgp_peer" "q" { /* a */ bfd_multi_hop = 3 /* keep me */ }\n',
    after: 'resource "alicloud_vpc_bgp_peer" "q" { /* a */\n  bfd_multi_hop = 3 /* keep me */\n  enable_bfd    = true\n}\n',
  },
  'an opened one-line block is aligned as terraform fmt aligns it, the old argument padded too': {
    code: 'missing-required',
    title: /placeholder/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" { enable_bfd = true }\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n  enable_bfd   = true\n  bgp_group_id = "bgpg-2zev8h2uxpbnexample01"\n}\n',
  },
  'an argument on the opening brace\'s line, the brace below: the new one is not padded to it': {
    code: 'bfd-multi-hop-without-bfd',
    title: /^Set enable_bfd = true$/,
    before: 'resource "alicloud_vpc_bgp_peer" "q" { bfd_multi_hop = 3\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "q" { bfd_multi_hop = 3\n  enable_bfd = true\n}\n',
  },
  'tab-indented blocks stay tab-indented': {
    code: 'bfd-multi-hop-without-bfd',
    title: /^Set enable_bfd = true$/,
    before: 'resource "alicloud_vpc_bgp_peer" "p" {\n\tbgp_group_id = "bgpg-1"\n\tbfd_multi_hop = 3\n}\n',
    after: 'resource "alicloud_vpc_bgp_peer" "p" {\n\tbgp_group_id = "bgpg-1"\n\tbfd_multi_hop = 3\n\tenable_bfd = true\n}\n',
  },
};

function errorsOf(text: string): string[] {
  return analyse(text).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}@${d.range.start.line}`);
}

function applyFix(text: string, c: FixCase): string {
  const { file, ctx, diagnostics } = analyse(text);
  const d = diagnostics.find((x) => x.code === c.code);
  assert.ok(d, `expected a ${c.code} finding in:\n${text}`);
  const placed = file.findingsAt(d.range, ctx).find((f) => f.value.code === c.code);
  assert.ok(placed, 'findingsAt returns the finding');
  const fix = placed.value.fixes.find((f) => c.title.test(f.title));
  assert.ok(fix, `fix ${c.title} among: ${placed.value.fixes.map((f) => f.title).join(' | ')}`);
  // As the server writes a quick fix: with the line breaks of the lines it edits.
  return applyEdits(text, fixEdits(file, fix.edits, placed.value.instance, placed.base));
}

for (const [name, c] of Object.entries(cases)) {
  test(`quick fix: ${name}`, () => {
    const after = applyFix(c.before, c);
    assert.equal(after, c.after);
    const remaining = analyse(after).diagnostics.filter((d) => d.code === c.code);
    assert.deepEqual(remaining, [], 'the finding is gone');
    const before = new Set(errorsOf(c.before));
    const introduced = errorsOf(after).filter((e) => !before.has(e));
    assert.deepEqual(introduced, [], 'no new error');
  });
}

test('the tfvars quick fix sets enable_bfd = true in the variables file', () => {
  const text = 'bfd_multi_hop = 13\nenable_bfd    = false\n';
  const { file, ctx, diagnostics } = analyse(text, 'file:///m/x.tfvars', [{ uri: 'file:///m/main.tf', text: 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n}\n' }]);
  const [placed] = file.findingsAt(diagnostics[0].range, ctx);
  const edits = file.writer.render(placed.value.fixes[0].edits, { attributes: [], blocks: [] } as never, { base: 0, lineText: (l) => file.lineText(l) });
  assert.equal(applyEdits(text, edits), 'bfd_multi_hop = 13\nenable_bfd    = true\n');
});

/** The titles of the fixes offered for the first `code` finding of `text` (`uri` picks the language). */
function fixTitles(text: string, code: string, uri?: string): string[] {
  const { file, ctx, diagnostics } = analyse(text, uri);
  const d = diagnostics.find((x) => x.code === code);
  assert.ok(d, `expected a ${code} finding in:\n${text}`);
  return file.findingsAt(d.range, ctx).filter((f) => f.value.code === code).flatMap((f) => f.value.fixes.map((x) => x.title));
}

test('a fix that would trade its error for another one is not offered: the address and the group pull ip_version opposite ways', () => {
  const v4group = 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id  = "vbr-1"\n  peer_asn   = 65010\n  ip_version = "IPv4"\n}\n';
  const peer = (ipVersion: string) =>
    `resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id    = alicloud_vpc_bgp_group.g.id\n  peer_ip_address = "fd00::2"\n  ip_version      = "${ipVersion}"\n}\n`;
  // The address says IPv6, the peer and its group IPv4: "Set ip_version = IPv6" would make the peer disagree with
  // its group, whose fix would set it back. The address is the likely mistake.
  assert.deepEqual(fixTitles(v4group + peer('IPv4'), 'ip-version-mismatch'), []);
  // The address and the peer say IPv6, the group IPv4: setting the peer back to IPv4 would contradict the address.
  assert.deepEqual(fixTitles(v4group + peer('IPv6'), 'group-ip-version-mismatch'), []);
  // With an IPv6 group, the same peer's fix is offered, and leaves no error behind.
  const v6group = v4group.replace('"IPv4"', '"IPv6"');
  assert.deepEqual(fixTitles(v6group + peer('IPv4'), 'ip-version-mismatch'), ['Set ip_version = "IPv6"']);
  const fixed = applyFix(v6group + peer('IPv4'), { code: 'ip-version-mismatch', title: /IPv6/, before: '', after: '' });
  assert.deepEqual(errorsOf(fixed), []);
});

test('a missing group id whose only group would be withheld (IPv6 group, IPv4 peer) still gets the placeholder fix', () => {
  const group = (v: string) => `resource "alicloud_vpc_bgp_group" "g" {\n  router_id  = "vbr-1"\n  peer_asn   = 65010\n  ip_version = "${v}"\n}\n`;
  const peer = 'resource "alicloud_vpc_bgp_peer" "p" {\n  peer_ip_address = "10.0.0.2"\n}\n';
  // The one group agrees: it alone is offered, the placeholder stays in reserve.
  assert.deepEqual(fixTitles(group('IPv4') + peer, 'missing-required'), ['Add bgp_group_id = alicloud_vpc_bgp_group.g.id']);
  // It would make the peer disagree with its group: the placeholder instead of no fix at all.
  assert.deepEqual(fixTitles(group('IPv6') + peer, 'missing-required'), ['Add bgp_group_id = "bgpg-2zev8h2uxpbnexample01" (placeholder)']);
  const ts = 'const g = new VpcBgpGroup(this, "g", { routerId: "vbr-1", peerAsn: 65010, ipVersion: "IPv6" });\nnew VpcBgpPeer(this, "p", { peerIpAddress: "10.0.0.2" });\n';
  assert.deepEqual(fixTitles(ts, 'missing-required', 'file:///stack.ts'), ['Add bgpGroupId: "bgpg-2zev8h2uxpbnexample01" (placeholder)']);
});

test('in CDKTF code too, a fix that would trade its error for another one is not offered', () => {
  const ts = [
    'import { VpcBgpGroup } from "@cdktf/provider-alicloud/lib/vpc-bgp-group";',
    'import { VpcBgpPeer } from "@cdktf/provider-alicloud/lib/vpc-bgp-peer";',
    'const g = new VpcBgpGroup(this, "g", { routerId: "vbr-1", peerAsn: 65010, ipVersion: "IPv4" });',
    'new VpcBgpPeer(this, "p", { bgpGroupId: g.id, peerIpAddress: "fd00::2", ipVersion: "IPv4" });',
    '',
  ].join('\n');
  assert.deepEqual(fixTitles(ts, 'ip-version-mismatch', 'file:///stack.ts'), []);
  assert.deepEqual(fixTitles(ts.replace('ipVersion: "IPv4" })', 'ipVersion: "IPv6" })'), 'ip-version-mismatch', 'file:///stack.ts'), ['Set ipVersion: "IPv6"']);
});

test('a misspelt name with an index the model cannot read back: no fix trades it for [0]', () => {
  const peer = (key: string, extra = '') => `resource "alicloud_vpc_bgp_peer" "p" {\n${extra}  bgp_group_id = alicloud_vpc_bgp_group.gg[${key}].id\n}\n`;
  assert.deepEqual(fixTitles(counted + peer('var.i'), 'undeclared-reference'), []);
  // The key a block repeated by the same count writes is the likely one.
  assert.deepEqual(fixTitles(counted + peer('count.index', '  count        = 2\n'), 'undeclared-reference'), ['Refer to alicloud_vpc_bgp_group.g[count.index]']);
});
