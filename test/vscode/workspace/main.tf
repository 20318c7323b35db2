# Workspace fixture for the real-VS Code tests (each run gets a scratch copy).
resource "alicloud_vpc_bgp_group" "default" {
  router_id = "vbr-example"
  peer_asn  = 65001
}

resource "alicloud_vpc_bgp_peer" "default" {
  bgp_group_id    = alicloud_vpc_bgp_group.default.id
  peer_ip_address = "10.0.0.2"
  enable_bfd      = true
}
