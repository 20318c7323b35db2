# Never opened by a test: found by workspace symbols from the server's index of the workspace.
resource "alicloud_vpc_bgp_peer" "far_away_peer" {
  bgp_group_id = "bgpg-1"
}
