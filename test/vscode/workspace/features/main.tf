# Fixture for test/vscode/suite/features.test.ts: completion, hover, diagnostics, quick fixes.
resource "alicloud_vpc_bgp_group" "dc" {
  router_id = "vbr-bp1example"
  peer_asn  = 65010
}

resource "alicloud_vpc_bgp_peer" "out_of_range" {
  bgp_group_id  = alicloud_vpc_bgp_group.dc.id
  enable_bfd    = true
  bfd_multi_hop = 300
}

resource "alicloud_vpc_bgp_peer" "no_bfd" {
  bgp_group_id  = alicloud_vpc_bgp_group.dc.id
  bfd_multi_hop = 10
}

resource "alicloud_vpc_bgp_peer" "typing" {
  bgp_group_id = alicloud_vpc_bgp_group.dc.id

}
