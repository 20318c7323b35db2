# Fixture for test/vscode/suite/features.test.ts: the client serves CDKTF Python too.
from cdktf import TerraformStack
from imports.alicloud.vpc_bgp_peer import VpcBgpPeer


class BgpStack(TerraformStack):
    def __init__(self, scope, id):
        super().__init__(scope, id)
        VpcBgpPeer(self, "peer",
            bgp_group_id="bgpg-example",
            bfd_multi_hop=10,
        )
