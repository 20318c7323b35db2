# Fixture for test/vscode/suite/restart.test.ts: a value out of range, reported again by each new server.
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id  = "bgpg-example"
  enable_bfd    = true
  bfd_multi_hop = 300
}
