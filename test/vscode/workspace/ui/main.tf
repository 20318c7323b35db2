# Fixture for test/vscode/ui/editing.ui.test.mjs: the UI test types a BGP peer below this group.
resource "alicloud_vpc_bgp_group" "dc" {
  router_id = "vbr-bp1example"
  peer_asn  = 65010
}
