// Every diagnostic rule, one case per behaviour, verdicts written under the lines they are about.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { actual, analyse, expected } from './inline';

const cases: Record<string, string> = {
  'a complete, valid peer has no findings': `
resource "alicloud_vpc_bgp_group" "g" {
  router_id = "vbr-1"
  peer_asn  = 65010
}
resource "alicloud_vpc_bgp_peer" "ok" {
  bgp_group_id    = alicloud_vpc_bgp_group.g.id
  peer_ip_address = "10.0.0.2"
  enable_bfd      = true
  bfd_multi_hop   = 10
  ip_version      = "IPv4"
  timeouts {
    create = "10m"
    delete = "1h30m"
  }
}`,
  'a data block scoped to a check block is checked as a data source, and declares nothing outside it': `
check "c" {
  data "alicloud_express_connect_physical_connections" "s" {
    status = "bogus"
    #        ^^^^^^^ invalid-value
  }
  assert {
    condition     = true
    error_message = "x"
  }
}
resource "alicloud_express_connect_virtual_border_router" "v" {
  physical_connection_id = data.alicloud_express_connect_physical_connections.s.ids[0]
  #                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ undeclared-reference
  vlan_id                = 100
  peer_gateway_ip        = "10.0.0.2"
  local_gateway_ip       = "10.0.0.1"
  peering_subnet_mask    = "255.255.255.252"
}`,
  // Terraform: "Resource names must be unique per type in each module, including within check blocks".
  'a data block scoped to a check block may not take the name of a data block of the module': `
data "alicloud_express_connect_physical_connections" "s" {
  status = "Enabled"
}
check "c" {
  data "alicloud_express_connect_physical_connections" "s" {
  #                                                    ^^^ duplicate-declaration
    status = "Enabled"
  }
  assert {
    condition     = true
    error_message = "x"
  }
}
check "d" {
  data "alicloud_express_connect_physical_connections" "t" {
    status = "Enabled"
  }
  assert {
    condition     = true
    error_message = "x"
  }
}`,
  // The same check of Terraform's, between check blocks: their scoped data sources are the module's data sources.
  'two check blocks may not each scope a data source of one name': `
check "c" {
  data "alicloud_express_connect_physical_connections" "s" {
  #                                                    ^^^ duplicate-declaration
    status = "Enabled"
  }
  assert {
    condition     = true
    error_message = "x"
  }
}
check "d" {
  data "alicloud_express_connect_physical_connections" "s" {
  #                                                    ^^^ duplicate-declaration
    status = "Enabled"
  }
  data "alicloud_express_connect_physical_connections" "t" {
    status = "Enabled"
  }
}
check "e" {
  data "alicloud_express_connect_physical_connections" "u" {
    status = "Enabled"
  }
}`,
  'missing bgp_group_id is reported on the header': `
resource "alicloud_vpc_bgp_peer" "p" {
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ missing-required
  peer_ip_address = "10.0.0.2"
}`,
  'names that are members of every JavaScript object are unknown names, like any other': `
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id   = "bgpg-1"
  constructor    = 1
  #^^^^^^^^^^ unknown-argument
  __proto__      = 2
  #^^^^^^^^ unknown-argument
  toString {
  #^^^^^^^ unknown-block
  }
  timeouts {
    hasOwnProperty = "1m"
    #^^^^^^^^^^^^^ unknown-argument
  }
}`,
  'two references to different types under one name: each is looked up as itself': `
resource "alicloud_vpc_bgp_group" "main" {
  router_id = "vbr-1"
  peer_asn  = 65010
}
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id    = alicloud_vpc_bgp_group.main.id
  peer_ip_address = alicloud_vpc.main.name
  #                 ^^^^^^^^^^^^^^^^^^^^^^ undeclared-reference
}`,
  'a reference to a block with count or for_each must name an instance': `
resource "alicloud_vpc_bgp_group" "counted" {
  count     = 2
  router_id = "vbr-1"
  peer_asn  = 65010
}
resource "alicloud_vpc_bgp_group" "each" {
  for_each  = toset(["a", "b"])
  router_id = "vbr-1"
  peer_asn  = 65010
}
resource "alicloud_vpc_bgp_peer" "a" {
  bgp_group_id = alicloud_vpc_bgp_group.counted.id
  #              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ missing-instance-key
}
resource "alicloud_vpc_bgp_peer" "b" {
  bgp_group_id = alicloud_vpc_bgp_group.counted[1].id
}
resource "alicloud_vpc_bgp_peer" "c" {
  bgp_group_id = alicloud_vpc_bgp_group.each.id
  #              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ missing-instance-key
}
resource "alicloud_vpc_bgp_peer" "d" {
  for_each     = toset(["a", "b"])
  bgp_group_id = alicloud_vpc_bgp_group.each[each.key].id
}
resource "alicloud_vpc_bgp_peer" "e" {
  count        = 2
  bgp_group_id = alicloud_vpc_bgp_group.counted[*].id[count.index]
}`,
  // Two blocks of one name (a module of unrelated files, or a copy in progress): which one is meant is not known.
  'a name declared twice, once with count, is not judged for its instance key (the two are an error of their own)': `
resource "alicloud_vpc_bgp_group" "twice" {
#                                 ^^^^^^^ duplicate-declaration
  count     = 2
  router_id = "vbr-1"
  peer_asn  = 65010
}
resource "alicloud_vpc_bgp_group" "twice" {
#                                 ^^^^^^^ duplicate-declaration
  router_id = "vbr-1"
  peer_asn  = 65010
}
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = alicloud_vpc_bgp_group.twice.id
}`,
  'an empty bgp_group_id is an error': `
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = ""
  #              ^^ empty-value
}`,
  'unknown argument with a suggestion; meta-arguments are known': `
resource "alicloud_vpc_bgp_group" "g" {
  router_id = "vbr-1"
  peer_asn  = 65010
}
resource "alicloud_vpc_bgp_peer" "p" {
  count         = 2
  depends_on    = [alicloud_vpc_bgp_group.g]
  provider      = alicloud.hz
  bgp_group_id  = "bgpg-1"
  bfd_multihop  = 3
  #^^^^^^^^^^^ unknown-argument
  lifecycle {
    ignore_changes = [bfd_multi_hop]
  }
}`,
  // terraform validate checks each name of ignore_changes against the schema ("Unsupported attribute").
  'ignore_changes naming an argument the resource does not have is an error, once per name; all and real names are fine': `
resource "alicloud_vpc_bgp_group" "g" {
  router_id = "vbr-1"
  peer_asn  = 65010
  lifecycle {
    ignore_changes = [auth_key, authkey, timeouts, authkey]
    #                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ unsupported-attribute
  }
}
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = "bgpg-1"
  lifecycle {
    ignore_changes = all
  }
}
resource "alicloud_express_connect_virtual_border_router" "v" {
  physical_connection_id = "pc-1"
  local_gateway_ip       = "10.0.0.1"
  peer_gateway_ip        = "10.0.0.2"
  peering_subnet_mask    = "255.255.255.252"
  vlan_id                = 1
  lifecycle {
    ignore_changes = [tags["team"], status]
  }
}`,
  // Terraform warns of a computed, not optional attribute in ignore_changes ("Redundant ignore_changes element").
  'ignore_changes naming an attribute only the provider sets is a warning, once per name; id is accepted': `
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = "bgpg-1"
  lifecycle {
    ignore_changes = [status, enable_bfd, status, id]
    #                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ redundant-ignore-changes
  }
}
resource "alicloud_vpc_bgp_group" "g" {
  router_id = "vbr-1"
  peer_asn  = 65010
  lifecycle {
    ignore_changes = [description, region_id]
    #                ^^^^^^^^^^^^^^^^^^^^^^^^ redundant-ignore-changes
  }
}`,
  'a required argument written twice is judged on every copy: a null or empty copy is reported': `
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = "bgpg-1"
  bgp_group_id = null
  #^^^^^^^^^^^ duplicate-argument
  #              ^^^^ missing-required
}
resource "alicloud_vpc_bgp_peer" "q" {
  bgp_group_id = "bgpg-1"
  bgp_group_id = ""
  #^^^^^^^^^^^ duplicate-argument
  #              ^^ empty-value
}
resource "alicloud_vpc_bgp_peer" "r" {
  bgp_group_id
  #^^^^^^^^^^^ syntax-error
  bgp_group_id = "bgpg-1"
}
resource "alicloud_vpc_bgp_peer" "s" {
  bgp_group_id
  #^^^^^^^^^^^ syntax-error
}`,
  'an argument written twice, and read-only attributes set': `
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id  = "bgpg-1"
  enable_bfd    = true
  enable_bfd    = false
  #^^^^^^^^^ duplicate-argument
  status        = "Available"
  #^^^^^ read-only-argument
  bgp_peer_name = "x"
  #^^^^^^^^^^^^ read-only-argument
}`,
  'count and for_each on one block: Terraform refuses the two together': `
resource "alicloud_vpc_bgp_peer" "both" {
  count        = 2
  for_each     = toset(["a", "b"])
  #^^^^^^^ count-and-for-each
  bgp_group_id = "bgpg-1"
}
resource "alicloud_vpc_bgp_peer" "one" {
  count        = 2
  bgp_group_id = "bgpg-1"
  timeouts {
    count = 1
    #^^^^ unknown-argument
  }
}
resource "alicloud_vpc_bgp_peer" "other" {
  for_each     = toset(["a", "b"])
  bgp_group_id = "bgpg-1"
}`,
  'literals of the wrong type; strings Terraform converts are fine': `
resource "alicloud_vpc_bgp_peer" "a" {
  bgp_group_id  = "bgpg-1"
  enable_bfd    = "yes"
  #               ^^^^^ type-mismatch
  bfd_multi_hop = true
  #               ^^^^ type-mismatch
  ip_version    = ["IPv4"]
  #               ^^^^^^^^ type-mismatch
}
resource "alicloud_vpc_bgp_peer" "b" {
  bgp_group_id  = "bgpg-1"
  enable_bfd    = "true"
  bfd_multi_hop = "10"
}
resource "alicloud_vpc_bgp_peer" "c" {
  bgp_group_id  = "bgpg-1"
  enable_bfd    = "1"
  bfd_multi_hop = "+10"
}
resource "alicloud_vpc_bgp_peer" "d" {
  bgp_group_id  = "bgpg-1"
  enable_bfd    = "TRUE"
  #               ^^^^^^ type-mismatch
  bfd_multi_hop = " 10 "
  #               ^^^^^^ type-mismatch
}`,
  'bfd_multi_hop outside 1–255, zero, or not whole': `
resource "alicloud_vpc_bgp_peer" "a" {
  bgp_group_id  = "bgpg-1"
  enable_bfd    = true
  bfd_multi_hop = 300
  #               ^^^ value-out-of-range
}
resource "alicloud_vpc_bgp_peer" "b" {
  bgp_group_id  = "bgpg-1"
  enable_bfd    = true
  bfd_multi_hop = 0
  #               ^ value-out-of-range
}
resource "alicloud_vpc_bgp_peer" "c" {
  bgp_group_id  = "bgpg-1"
  enable_bfd    = true
  bfd_multi_hop = 1.5
  #               ^^^ not-whole-number
}
resource "alicloud_vpc_bgp_peer" "d" {
  bgp_group_id  = "bgpg-1"
  enable_bfd    = true
  bfd_multi_hop = -1
  #               ^^ value-out-of-range
}`,
  'bfd_multi_hop without enable_bfd = true: absent, false, "false" or "0"': `
resource "alicloud_vpc_bgp_peer" "absent" {
  bgp_group_id  = "bgpg-1"
  bfd_multi_hop = 5
  #^^^^^^^^^^^^ bfd-multi-hop-without-bfd
}
resource "alicloud_vpc_bgp_peer" "false" {
  bgp_group_id  = "bgpg-1"
  enable_bfd    = false
  bfd_multi_hop = 5
  #^^^^^^^^^^^^ bfd-multi-hop-without-bfd
}
resource "alicloud_vpc_bgp_peer" "string_false" {
  bgp_group_id  = "bgpg-1"
  enable_bfd    = "false"
  bfd_multi_hop = 5
  #^^^^^^^^^^^^ bfd-multi-hop-without-bfd
}
resource "alicloud_vpc_bgp_peer" "string_zero" {
  bgp_group_id  = "bgpg-1"
  enable_bfd    = "0"
  bfd_multi_hop = 5
  #^^^^^^^^^^^^ bfd-multi-hop-without-bfd
}
resource "alicloud_vpc_bgp_peer" "variable" {
  bgp_group_id  = "bgpg-1"
  enable_bfd    = var.enable_bfd
  bfd_multi_hop = 5
}`,
  'ip_version is compared case-insensitively; anything else is a warning': `
resource "alicloud_vpc_bgp_peer" "a" {
  bgp_group_id = "bgpg-1"
  ip_version   = "IPV4"
}
resource "alicloud_vpc_bgp_peer" "b" {
  bgp_group_id = "bgpg-1"
  ip_version   = "IPv5"
  #              ^^^^^^ invalid-value
}`,
  'peer_ip_address must be an address of the family ip_version names': `
resource "alicloud_vpc_bgp_peer" "a" {
  bgp_group_id    = "bgpg-1"
  peer_ip_address = "10.0.0.300"
  #                 ^^^^^^^^^^^^ invalid-ip-address
}
resource "alicloud_vpc_bgp_peer" "b" {
  bgp_group_id    = "bgpg-1"
  peer_ip_address = "2408:4000::1"
  #                 ^^^^^^^^^^^^^^ ip-version-mismatch
  ip_version      = "IPv4"
}
resource "alicloud_vpc_bgp_peer" "c" {
  bgp_group_id    = "bgpg-1"
  peer_ip_address = "2408:4000::1"
  ip_version      = "IPv6"
}`,
  'timeouts: unknown keys and values that are not durations': `
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = "bgpg-1"
  timeouts {
    create = "10 minutes"
    #        ^^^^^^^^^^^^ invalid-duration
    craete = "5m"
    #^^^^^ unknown-argument
    delete = "90s"
  }
}`,
  // Go's time.ParseDuration, which reads the value as written, refuses a space anywhere.
  'timeouts: a duration with a space around it is not a duration': `
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = "bgpg-1"
  timeouts {
    create = "5m "
    #        ^^^^^ invalid-duration
    update = " 1h"
    #        ^^^^^ invalid-duration
    delete = "1.5h"
  }
}`,
  // A space is a character of a regular expression: an escaped one at the end is valid RE2 (and trimmed, the
  // expression would end in a lone backslash).
  'name_regex is judged as written, spaces included': `
data "alicloud_express_connect_physical_connections" "spaced" {
  name_regex = "^pc\\\\ "
}
data "alicloud_express_connect_physical_connections" "broken" {
  name_regex = " a**"
  #            ^^^^^^ invalid-regex
}`,
  'values that are variables, references, calls or conditionals are never judged': `
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id    = var.group_id
  peer_ip_address = split("/", var.cidr)[0]
  enable_bfd      = var.bfd ? true : false
  bfd_multi_hop   = local.hops
  ip_version      = "\${var.v}"
}`,
  'other resource types, data sources and outputs are not touched': `
resource "alicloud_vpc" "v" {
  bfd_multi_hop = 300
}
data "alicloud_vpc_bgp_peers" "all" {
  whatever = true
}
output "x" {
  value = alicloud_vpc_bgp_peer.p.status
}`,
  'dynamic blocks must name a block the resource has': `
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = "bgpg-1"
  dynamic "timeouts" {
    for_each = var.t
    content {
      create = timeouts.value
    }
  }
  dynamic "timeout" {
  #       ^^^^^^^^^ unknown-block
    for_each = []
    content {}
  }
}`,
  'the content of a dynamic block is checked as the block it makes': `
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = "bgpg-1"
  dynamic "timeouts" {
    for_each = var.t
    content {
      create = "ten minutes"
      #        ^^^^^^^^^^^^^ invalid-duration
      delete = timeouts.value.delete
      updat  = "5m"
      #^^^^ unknown-argument
    }
  }
}`,
  'a second timeouts block is one too many': `
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = "bgpg-1"
  timeouts {}
  timeouts {}
  #^^^^^^^ duplicate-block
}`,
  '"" is an optional name, description or IPv6 field left out where the provider sends nothing for it, but judged elsewhere': `
resource "alicloud_express_connect_virtual_border_router" "v" {
  physical_connection_id     = "pc-1"
  local_gateway_ip           = "10.0.0.1"
  peer_gateway_ip            = "10.0.0.2"
  peering_subnet_mask        = "255.255.255.252"
  vlan_id                    = 10
  description                = ""
  virtual_border_router_name = ""
  local_ipv6_gateway_ip      = ""
  peer_ipv6_gateway_ip       = ""
  peering_ipv6_subnet_mask   = ""
}
resource "alicloud_vpc_bgp_group" "g" {
  router_id      = "vbr-1"
  peer_asn       = 65010
  bgp_group_name = ""
  description    = ""
}
resource "alicloud_express_connect_virtual_border_router" "short" {
  physical_connection_id     = "pc-1"
  local_gateway_ip           = "10.0.0.1"
  peer_gateway_ip            = "10.0.0.2"
  peering_subnet_mask        = "255.255.255.252"
  vlan_id                    = 11
  virtual_border_router_name = "x"
  #                            ^^^ invalid-length
  local_ipv6_gateway_ip      = " "
  #^^^^^^^^^^^^^^^^^^^^ ipv6-without-enable-ipv6
  #                            ^^^ invalid-ip-address
}
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id    = "bgpg-1"
  peer_ip_address = ""
  #                 ^^ invalid-ip-address
}`,
  // The API counts characters: an emoji is one, though two UTF-16 units.
  'lengths are counted in characters: 200 emoji are 200, one emoji is too short': `
resource "alicloud_vpc_bgp_group" "emoji" {
  router_id   = "vbr-1"
  peer_asn    = 65010
  description = "🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂"
}
resource "alicloud_vpc_bgp_group" "one" {
  router_id   = "vbr-1"
  peer_asn    = 65010
  description = "🙂"
  #             ^^^^ invalid-length
}`,
  'an IPv4-mapped IPv6 address is of either family, so it matches either ip_version': `
resource "alicloud_vpc_bgp_peer" "mapped4" {
  bgp_group_id    = "bgpg-1"
  peer_ip_address = "::ffff:10.0.0.2"
}
resource "alicloud_vpc_bgp_peer" "mapped6" {
  bgp_group_id    = "bgpg-1"
  peer_ip_address = "0:0:0:0:0:FFFF:10.0.0.2"
  ip_version      = "IPv6"
}
resource "alicloud_vpc_bgp_peer" "v6" {
  bgp_group_id    = "bgpg-1"
  peer_ip_address = "::fffe:10.0.0.2"
  #                 ^^^^^^^^^^^^^^^^^ ip-version-mismatch
}`,
  'a bare word is a reference Terraform refuses; var, local and the other roots are other matters': `
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id    = "bgpg-1"
  enable_bfd      = True
  #                 ^^^^ invalid-reference
  bfd_multi_hop   = hops
  #                 ^^^^ invalid-reference
  ip_version      = IPv6
  #                 ^^^^ invalid-reference
  peer_ip_address = var.peer_ip
  provider        = alicloud.hz
}
resource "alicloud_vpc_bgp_group" "g" {
  router_id = "vbr-1"
  peer_asn  = 65010
  provider  = alicloud
  is_fake_asn = true
}`,
  'the related resources have their own rules': `
resource "alicloud_vpc_bgp_group" "g" {
  router_id = "vbr-1"
  peer_asn  = 65010
  local_asn = 65025
  #           ^^^^^ reserved-value
}
resource "alicloud_express_connect_virtual_border_router" "v" {
  physical_connection_id = "pc-1"
  local_gateway_ip       = "10.0.0.1"
  peer_gateway_ip        = "10.0.1.2"
  #                        ^^^^^^^^^^ gateways-not-in-subnet
  peering_subnet_mask    = "255.255.255.252"
  vlan_id                = 3000
  #                        ^^^^ value-out-of-range
}`,
};

for (const [name, text] of Object.entries(cases)) {
  test(name, () => {
    assert.deepEqual(actual(text), expected(text));
  });
}

test('syntax errors are diagnostics with clear messages', () => {
  const { diagnostics } = analyse('resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1\n}\n');
  const syntax = diagnostics.filter((d) => d.code === 'syntax-error');
  assert.equal(syntax.length, 1);
  assert.match(syntax[0].message, /^Unterminated string: a quoted string must end on the same line/);
  assert.equal(syntax[0].range.start.line, 1);
});

test('duplicate messages say where without a line number, which would count from the block (every block but the first was wrong)', () => {
  const text = '# a comment\n\nresource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n}\n\nresource "alicloud_vpc_bgp_peer" "q" {\n  bgp_group_id = "bgpg-1"\n  bgp_group_id = "bgpg-2"\n  timeouts {}\n  timeouts {}\n}\n';
  const messages = analyse(text).diagnostics.map((d) => `${d.range.start.line}: ${d.message}`);
  assert.deepEqual(messages, [
    '8: "bgp_group_id" is already set above in this block: an argument can be written only once',
    '10: Only 1 "timeouts" block is allowed here; this one repeats the one above',
  ]);
});

test('the read-only message says how to read the attribute, a data source with its data. prefix', () => {
  const messages = (text: string) => analyse(text).diagnostics.map((d) => d.message);
  assert.match(messages('data "alicloud_express_connect_physical_connections" "pc" {\n  names = ["x"]\n}\n')[0], /\(read it as data\.alicloud_express_connect_physical_connections\.pc\.names\)$/);
  assert.match(messages('resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  status = "x"\n}\n')[0], /\(read it as alicloud_vpc_bgp_peer\.p\.status\)$/);
});

test('a syntax error names what it found without a stray article: "Unexpected string", not "Unexpected a string"', () => {
  const messages = analyse('locals {\n  "quoted" = 1\n}\n').diagnostics.map((d) => d.message);
  assert.deepEqual(messages, ['Unexpected string: expected an argument name or a block']);
});

test('an interpolation of a quoted string may span lines; one left open stops before the next block', () => {
  const group = 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id   = "vbr-1"\n  peer_asn    = 65001\n  description = "BGP to ${\n    upper(var.dc)\n  } data centre"\n}\n';
  assert.deepEqual(actual(group), []);
  const peer = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = true\n  bfd_multi_hop = 300\n}\n';
  const open = 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id   = "vbr-1"\n  peer_asn    = 65001\n  description = "BGP to ${\n  peer_asn = 3\n' + peer;
  const codes = actual(open).map((f) => f.split(' ')[1]);
  assert.ok(codes.includes('syntax-error'));
  assert.ok(codes.includes('value-out-of-range'), 'the peer after the unclosed interpolation is analysed');
});

test('a number past what a double holds is a whole number out of range, shown as written, not Infinity', () => {
  const messages = (v: string) => analyse(`resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = true\n  bfd_multi_hop = ${v}\n}\n`).diagnostics.map((d) => `${d.code}: ${d.message}`);
  assert.deepEqual(messages('1e400'), ['value-out-of-range: "bfd_multi_hop" must be between 1 and 255, not a number that large']);
  assert.deepEqual(messages('9'.repeat(500)), ['value-out-of-range: "bfd_multi_hop" must be between 1 and 255, not a number that large']);
  assert.deepEqual(messages('-1e400'), ['value-out-of-range: "bfd_multi_hop" must be between 1 and 255, not a number that small']);
  // Written as a string, the text is there to show.
  assert.deepEqual(messages(`"${'9'.repeat(500)}"`), [`value-out-of-range: "bfd_multi_hop" must be between 1 and 255, not ${'9'.repeat(20)}... (500 characters)`]);
});

test('a bare word: the message says what Terraform does with it, and the fix writes the literal meant', () => {
  const { file, ctx, diagnostics } = analyse('resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  enable_bfd   = True\n  ip_version   = ipv6\n}\n');
  assert.deepEqual(diagnostics.map((d) => d.message), [
    '"enable_bfd" cannot be True: a bare word is read as a reference, and True alone names no value; write true',
    '"ip_version" cannot be ipv6: a bare word is read as a reference, and ipv6 alone names no value; write "IPv6"',
  ]);
  const titles = diagnostics.flatMap((d) => file.findingsAt(d.range, ctx).flatMap((f) => f.value.fixes.map((x) => x.title)));
  assert.deepEqual(titles, ['Use true', 'Use "IPv6"']);
});

test('the unknown-argument message names the closest valid argument', () => {
  const { diagnostics } = analyse('resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "x"\n  bfd_mult_hop = 2\n}\n');
  const d = diagnostics.find((x) => x.code === 'unknown-argument');
  assert.ok(d, 'unknown-argument reported');
  assert.match(d.message, /Did you mean "bfd_multi_hop"\?/);
});

/** The findings of a `.tfvars` file in a module whose `.tf` file is `module`. */
function tfvars(text: string, module: string): string[] {
  return analyse(text, 'file:///m/x.tfvars', [{ uri: 'file:///m/main.tf', text: module }]).diagnostics.map(
    (d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.code}`,
  );
}

test('.tfvars files are never checked as resources, but BFD variables assigned together are', () => {
  const peer = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = var.enable_bfd\n  bfd_multi_hop = var.bfd_multi_hop\n}\n';
  const vbr = 'resource "alicloud_express_connect_virtual_border_router" "v" {\n  local_ipv6_gateway_ip = var.local_ipv6_gateway_ip\n  enable_ipv6 = var.enable_ipv6\n}\n';
  const plain = 'bfd_multi_hop = 0\nbgp_group_id = ""\nstatus = "x"\n';
  assert.deepEqual(tfvars(plain, peer), []);
  const bfd = 'bfd_multi_hop = 13\nenable_bfd    = false\n';
  assert.deepEqual(tfvars(bfd, peer), ['0:0-13 bfd-multi-hop-without-bfd']);
  // In a module whose resources are of other types those variables feed something else; a folder that declares
  // nothing (the tfvars folder of an example, a root module calling the module) is judged.
  assert.deepEqual(tfvars(bfd, vbr), []);
  assert.deepEqual(tfvars(bfd, 'resource "tencentcloud_dc_gateway" "g" {\n  name = "x"\n}\n'), []);
  assert.deepEqual(actual(bfd, 'file:///x.tfvars'), ['0:0-13 bfd-multi-hop-without-bfd']);
  assert.deepEqual(tfvars(bfd, 'module "vbr" {\n  source = "../.."\n}\n'), ['0:0-13 bfd-multi-hop-without-bfd']);
  // An IPv6 gateway variable assigned "" is one left out, as in the resource (`emptyMeansUnset`).
  assert.deepEqual(tfvars('local_ipv6_gateway_ip = ""\nenable_ipv6 = false\n', vbr), []);
  assert.deepEqual(tfvars('local_ipv6_gateway_ip = "2408::1"\nenable_ipv6 = false\n', vbr), ['0:0-21 ipv6-without-enable-ipv6']);
});

test('one block with every local finding: each is reported, rule by rule and body by body in each rule', () => {
  // The local rules run as one walk (rules/local.ts); the order is the one the rules had when each walked alone.
  const text = [
    'resource "alicloud_vpc_bgp_peer" "p" {', // 0
    '  nope            = 1', // 1 unknown-argument
    '  status          = "x"', // 2 read-only-argument
    '  enable_bfd      = false', // 3
    '  bfd_multi_hop   = 300', // 4 value-out-of-range, bfd-multi-hop-without-bfd
    '  ip_version      = "IPv5"', // 5 invalid-value
    '  nope            = 2', // 6 unknown-argument, duplicate-argument
    '  peer_ip_address = "10.0.0.999"', // 7 invalid-ip-address
    '  timeouts {', // 8
    '    create = "soon"', // 9 invalid-duration
    '    later  = "1m"', // 10 unknown-argument
    '    delete = ["1m"]', // 11 type-mismatch
    '  }',
    '  timeouts {}', // 13 duplicate-block
    '  extra {}', // 14 unknown-block
    '}',
  ].join('\n');
  const found = analyse(text).diagnostics.map((d) => `${d.range.start.line} ${d.code}`);
  assert.deepEqual(found, [
    '0 missing-required',
    '1 unknown-argument',
    '6 unknown-argument',
    '14 unknown-block',
    '10 unknown-argument',
    '6 duplicate-argument',
    '13 duplicate-block',
    '2 read-only-argument',
    '11 type-mismatch',
    '4 value-out-of-range',
    '5 invalid-value',
    '7 invalid-ip-address',
    '9 invalid-duration',
    '4 bfd-multi-hop-without-bfd',
  ]);
});

test('a <<- heredoc is judged without the indentation its lines share, as Terraform reads it', () => {
  const messages = (text: string) => analyse(text).diagnostics.map((d) => `${d.code}: ${d.message}`);
  const group = (description: string) => `resource "alicloud_vpc_bgp_group" "g" {\n  router_id   = "vbr-abc"\n  peer_asn    = 65010\n  description = ${description}\n}\n`;
  // 250 characters and a newline: 251 of the 256 allowed, where the indentation would make 261.
  assert.deepEqual(messages(group(`<<-EOT\n          ${'x'.repeat(250)}\n          EOT`)), []);
  assert.deepEqual(messages(group('<<-EOT\n    http://example.com\n    EOT')).map((m) => m.split(':')[0]), ['invalid-format']);
  const peer = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  ip_version   = <<-EOT\n    IPv6\n  EOT\n}\n';
  assert.deepEqual(messages(peer), ['invalid-value: "ip_version" should be "IPv4" or "IPv6", not "IPv6\\n"']);
  // A plain heredoc keeps its indentation.
  assert.deepEqual(messages(peer.replace('<<-EOT', '<<EOT').replace('  EOT', 'EOT')), ['invalid-value: "ip_version" should be "IPv4" or "IPv6", not "    IPv6\\n"']);
});
