package main

func NewBgpStack(scope constructs.Construct, id string) cdktf.TerraformStack {
	stack := cdktf.NewTerraformStack(scope, &id)
	peer := vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("peer"), &vpcbgppeer.VpcBgpPeerConfig{
		BgpGroupId:    jsii.String("bgpg-example"),
		PeerIpAddress: jsii.String("10.0.0.2"),
	})
	return stack
}
