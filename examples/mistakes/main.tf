# Mistakes people make with BGP peers, each one caught while typing (and by the CLI):
#   node dist/cli.js examples/
# Open this file in VS Code (`npm start`) and use the light bulb (Ctrl+.) on each squiggle.

resource "alicloud_vpc_bgp_group" "dc" {
  router_id = "vbr-bp1example"
  peer_asn  = 65010
}

# bfd_multi_hop outside 1–255, and set while BFD is off: the provider would ignore it.
resource "alicloud_vpc_bgp_peer" "out_of_range" {
  bgp_group_id  = alicloud_vpc_bgp_group.dc.id
  enable_bfd    = false
  bfd_multi_hop = 300
}

# A typo, a read-only attribute, and an IPv6 address on an IPv4 session.
resource "alicloud_vpc_bgp_peer" "typos" {
  bgp_group_id    = alicloud_vpc_bgp_group.dc.id
  peer_ip_address = "2408:4000::2"
  ip_version      = "IPv4"
  bfd_multihop    = 10
  status          = "Available"
}

# The required group is missing, and the timeouts are not durations.
resource "alicloud_vpc_bgp_peer" "incomplete" {
  peer_ip_address = "10.0.0.6"
  enable_bfd      = "yes"

  timeouts {
    create = "ten minutes"
  }
}
