public class Main extends TerraformStack {
    public Main(final Construct scope, final String id) {
        super(scope, id);
        VpcBgpPeer peer = VpcBgpPeer.Builder.create(this, "peer")
                .bgpGroupId("bgpg-example")
                .peerIpAddress("10.0.0.2")
                .build();
    }
}
