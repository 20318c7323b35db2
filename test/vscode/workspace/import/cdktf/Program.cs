class BgpStack : TerraformStack
{
    public BgpStack(Construct scope, string id) : base(scope, id)
    {
        var peer = new VpcBgpPeer(this, "peer", new VpcBgpPeerConfig
        {
            BgpGroupId = "bgpg-example",
            PeerIpAddress = "10.0.0.2",
        });
    }
}
