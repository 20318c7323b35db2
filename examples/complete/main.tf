# The whole chain a BGP peer needs, wired by references:
# physical connection (data source) → virtual border router → BGP group → BGP peer.
# `npm start` opens this folder with the extension: hover any argument, or type inside a block.

data "alicloud_express_connect_physical_connections" "default" {
  name_regex = "^my-dc-line"
}

resource "alicloud_express_connect_virtual_border_router" "vbr" {
  physical_connection_id     = data.alicloud_express_connect_physical_connections.default.connections.0.id
  virtual_border_router_name = "vbr-hangzhou"
  vlan_id                    = 110
  local_gateway_ip           = "10.0.0.1"
  peer_gateway_ip            = "10.0.0.2"
  peering_subnet_mask        = "255.255.255.252"
  min_rx_interval            = 300
  min_tx_interval            = 300
  detect_multiplier          = 3
}

resource "alicloud_vpc_bgp_group" "dc" {
  router_id      = alicloud_express_connect_virtual_border_router.vbr.id
  bgp_group_name = "dc-hangzhou"
  peer_asn       = 65010
  local_asn      = 64512
  auth_key       = var.bgp_auth_key
}

resource "alicloud_vpc_bgp_peer" "dc" {
  bgp_group_id    = alicloud_vpc_bgp_group.dc.id
  peer_ip_address = "10.0.0.2"
  enable_bfd      = true
  bfd_multi_hop   = 1
  ip_version      = "IPv4"

  timeouts {
    create = "10m"
    delete = "10m"
  }
}

variable "bgp_auth_key" {
  type      = string
  sensitive = true
}
