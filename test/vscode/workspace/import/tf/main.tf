# Fixture for test/vscode/suite/import.test.ts (Terraform flows).
resource "alicloud_vpc_bgp_group" "dc" {
  router_id = "vbr-bp1example"
  peer_asn  = 65010
}

resource "alicloud_vpc_bgp_peer" "existing" {
  bgp_group_id    = alicloud_vpc_bgp_group.dc.id
  peer_ip_address = "10.0.0.2"
}
