from cdktf import TerraformStack
from imports.alicloud.vpc_bgp_peer import VpcBgpPeer


class BgpStack(TerraformStack):
    def __init__(self, scope, id):
        super().__init__(scope, id)
        peer = VpcBgpPeer(self, "peer",
            bgp_group_id="bgpg-example",
            peer_ip_address="10.0.0.2",
        )
