// Fixture for test/vscode/suite/features.test.ts: the client serves CDKTF TypeScript too.
import { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { VpcBgpPeer } from "./.gen/providers/alicloud/vpc-bgp-peer";

export class BgpStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new VpcBgpPeer(this, "peer", {
      bgpGroupId: "bgpg-example",
      enableBfd: true,
      bfdMultiHop: 300,
    });
  }
}
