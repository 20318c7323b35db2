# Fixture for test/vscode/suite/settings.test.ts: one warning (bfd-multi-hop-without-bfd) to re-grade and silence.
resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id  = "bgpg-example"
  bfd_multi_hop = 10
}
