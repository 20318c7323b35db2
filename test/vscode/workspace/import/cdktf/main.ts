import { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { VpcBgpPeer as Peer } from "./.gen/providers/alicloud/vpc-bgp-peer";

export class BgpStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const peer = new Peer(this, "peer", {
      bgpGroupId: "bgpg-example",
      peerIpAddress: "10.0.0.2",
    });
  }
}
