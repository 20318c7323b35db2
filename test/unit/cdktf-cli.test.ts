/**
 * The CLI over a CDKTF project (dist/cli.js as a process): it recurses into .ts/.py/.java/.cs/.go sources,
 * skips declaration files, dependencies and the bindings `cdktf get` generates (`.gen/`, `imports/`), reports
 * with the names the user wrote, and checks the fixture case table with the exit status CI relies on.
 *
 * Run: npm run build && npx tsx --test test/unit/cdktf-cli.test.ts
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { runJson, tempTree } from '../helpers/cli';

const BAD_PEER_TS = `new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1", enableBfd: true, bfdMultiHop: 300 });\n`;

describe('CLI on CDKTF sources', () => {
  it('recurses into every CDKTF language and skips generated bindings, dependencies and .d.ts files', () => {
    const t = tempTree({
      'main.ts': BAD_PEER_TS,
      'app/stack.py': `VpcBgpPeer(self, "p", bgp_group_id="bgpg-1", enable_bfd=True, bfd_multi_hop=300)\n`,
      'src/main/java/com/x/Main.java': `VpcBgpPeer.Builder.create(this, "p").bgpGroupId("bgpg-1").enableBfd(true).bfdMultiHop(300).build();\n`,
      'Main.cs': `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = "bgpg-1", EnableBfd = true, BfdMultiHop = 300 });\n`,
      'main.go': `vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("bgpg-1"), EnableBfd: jsii.Bool(true), BfdMultiHop: jsii.Number(300)})\n`,
      'util.ts': 'export const x = 1;\n',
      'types.d.ts': BAD_PEER_TS,
      '.gen/providers/alicloud/vpc-bgp-peer/index.ts': BAD_PEER_TS,
      'imports/alicloud/vpc_bgp_peer/__init__.py': `VpcBgpPeer(self, "p", bgp_group_id="x", bfd_multi_hop=300)\n`,
      'node_modules/x/index.ts': BAD_PEER_TS,
      'cdktf.out/stacks/a/cdk.tf.json': '{}',
    });
    try {
      const r = runJson([t.dir]);
      assert.equal(r.stderr, '');
      assert.equal(r.status, 1, 'errors found');
      const got = r.findings.map((f) => `${path.relative(t.dir, f.file)} ${f.code} ${f.message}`).sort();
      assert.deepEqual(got, [
        'Main.cs value-out-of-range "BfdMultiHop" must be between 1 and 255, not 300',
        'app/stack.py value-out-of-range "bfd_multi_hop" must be between 1 and 255, not 300',
        'main.go value-out-of-range "BfdMultiHop" must be between 1 and 255, not 300',
        'main.ts value-out-of-range "bfdMultiHop" must be between 1 and 255, not 300',
        'src/main/java/com/x/Main.java value-out-of-range "bfdMultiHop" must be between 1 and 255, not 300',
      ]);
    } finally {
      t.cleanup();
    }
  });

  it('checks the case table of every language like the HCL one', () => {
    const dir = path.resolve(__dirname, '../fixtures/cdktf');
    const r = runJson([dir]);
    assert.equal(r.status, 1);
    const byFile = new Map<string, string[]>();
    for (const f of r.findings) byFile.set(path.basename(f.file), [...(byFile.get(path.basename(f.file)) ?? []), f.code]);
    const hcl = (byFile.get('cases.tf') ?? []).sort();
    assert.ok(hcl.length >= 20);
    // Java keeps the last of a setter called twice (c07): the earlier is ignored, a warning, not an error.
    const inJava = hcl.map((c) => (c === 'duplicate-argument' ? 'repeated-argument' : c)).sort();
    for (const name of ['cases.ts', 'cases.py', 'Cases.java', 'Cases.cs', 'cases.go']) {
      assert.deepEqual((byFile.get(name) ?? []).sort(), name === 'Cases.java' ? inJava : hcl, name);
    }
  });
});
