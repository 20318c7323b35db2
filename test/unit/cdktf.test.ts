/**
 * The CDKTF adapters: recognising the generated classes however they are imported, seeing through value
 * wrappers, surviving half-typed code, costing nothing in files that never mention the classes, naming
 * properties as the user wrote them, and completion contexts. Verdicts are written inline under the line they
 * are about (`//` or `#` then carets and a rule code; see inline.ts). Quick-fix rendering is in
 * cdktf-writers.test.ts, the cross-language case table in cdktf-cases.test.ts.
 *
 * Run: npx tsx --test test/unit/cdktf.test.ts
 */
import { describe, it } from 'node:test';
import * as v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import assert from 'node:assert/strict';
import { complete } from '../../server/src/analysis/completion';
import { PROJECT_FILE, type AnalysisContext } from '../../server/src/analysis/context';
import { hover } from '../../server/src/analysis/hover';
import { CdktfFile } from '../../server/src/engine/cdktfFile';
import { cdktfLanguage, createSourceFile, isSupported } from '../../server/src/engine/files';
import { contextFor } from '../../server/src/engine/moduleContext';
import type { SourceFile } from '../../server/src/engine/sourceFile';
import type { ResourceInstance, Value } from '../../server/src/model/types';
import { defaultSchemas } from '../../server/src/schema/registry';
import type { CdktfInstance } from '../../server/src/syntax/cdktf/model';
import { tokenize } from '../../server/src/syntax/cdktf/tokens';
import { actual, analyse, applyEdits, cursor, expected } from './inline';

const EXT: Record<string, string> = { typescript: 'ts', python: 'py', java: 'java', csharp: 'cs', go: 'go' };
const uriOf = (language: string) => `file:///work/case.${EXT[language]}`;

function instances(language: string, text: string): CdktfInstance[] {
  const f = createSourceFile(uriOf(language), undefined, text)!;
  return [...f.instances()].map((p) => p.value as CdktfInstance);
}

function summary(i: ResourceInstance): string {
  const attrs = i.attributes.map((a) => `${a.name}${a.incomplete ? '?' : ''}`);
  const blocks = i.blocks.map((b) => `${b.name}{${b.attributes.map((a) => a.name).join(',')}}`);
  return `${i.type}${i.closed ? '' : ' (unclosed)'}: ${[...attrs, ...blocks].join(' ')}`;
}

/** The codes of the findings of `text` in `language`, in the order they are reported. */
function codesOf(language: string, text: string): string[] {
  return analyse(text, uriOf(language)).diagnostics.map((d) => String(d.code));
}

/** The text after each fix removing a statement of the findings on `line` of `file` (whose text is `text`). */
function removingStatement(file: SourceFile, ctx: AnalysisContext, text: string, line: number): string[] {
  const out: string[] = [];
  for (const { value: f, base } of file.findingsAt({ start: { line, character: 0 }, end: { line, character: 999 } }, ctx)) {
    for (const fix of f.fixes) {
      assert.equal(fix.title, 'Remove this statement', `${f.code}: ${fix.title}`);
      out.push(applyEdits(text, file.writer.render(fix.edits, f.instance!, { base, lineText: (l) => file.lineText(l) })));
    }
  }
  return out;
}

/** Inline verdicts for `text` in `language`. */
function check(language: string, text: string) {
  assert.deepEqual(actual(text, uriOf(language)), expected(text));
}

describe('CDKTF: recognising constructs', () => {
  it('TypeScript: named, renamed and namespace imports; never declarations, comments, strings or Pulumi', () => {
    const text = `import { VpcBgpPeer } from "./.gen/providers/alicloud/vpc-bgp-peer";
import { VpcBgpPeer as Peer } from "./.gen/providers/alicloud/vpc-bgp-peer";
import * as alicloud from "./.gen/providers/alicloud";
// new VpcBgpPeer(this, "comment", { bgpGroupId: "x" })
const s = 'new VpcBgpPeer(this, "string", {})';
export interface VpcBgpPeerConfig { readonly bgpGroupId: string }
class VpcBgpPeer2 extends VpcBgpPeer {}
new VpcBgpPeer(this, "a", { bgpGroupId: "bgpg-1" });
new Peer(this, "b", { bgpGroupId: "bgpg-1" });
new alicloud.vpcBgpPeer.VpcBgpPeer(this, "c", { bgpGroupId: "bgpg-1" });
new alicloud.vpc.BgpPeer("pulumi", { bgpGroupId: "bgpg-1" });
new VpcBgpPeer(this, "d", config);
`;
    const found = instances('typescript', text);
    assert.deepEqual(found.map((i) => i.constructId), ['a', 'b', 'c']);
  });

  it('Python: direct calls, module paths and `as` imports; not definitions', () => {
    const text = `from imports.alicloud.vpc_bgp_peer import VpcBgpPeer as Peer
import imports.alicloud as alicloud
def VpcBgpPeer(scope, id):
    pass
VpcBgpPeer(self, "a", bgp_group_id="bgpg-1")
Peer(self, "b", bgp_group_id="bgpg-1")
alicloud.vpc_bgp_peer.VpcBgpPeer(self, "c", bgp_group_id="bgpg-1")
VpcBgpPeer(scope=self, id="d", bgp_group_id="bgpg-1")
VpcBgpPeer(self, id_="e", bgp_group_id="bgpg-1")
VpcBgpPeer(self, "f", bgp_group_id="bgpg-1", id="bgp-1")
`;
    const found = instances('python', text);
    assert.deepEqual(found.map((i) => i.constructId), ['a', 'b', 'c', 'd', 'e', 'f']);
    // A class of that name defined in the file is what the name alone means there; qualified, it is the provider's.
    const own = instances('python', `class VpcBgpPeer(object):\n    pass\n` + text);
    assert.deepEqual(own.map((i) => i.constructId), ['b', 'c']);
    assert.deepEqual(found[5].attributes.map((a) => a.name), ['bgp_group_id', 'id'], 'after `self, id_`, `id=` is the resource argument');
  });

  it("a class of the provider's name that is the user's own, imported from their module or defined in the file, is not the provider's", () => {
    const ts = (from: string) => instances('typescript', `import { VpcBgpPeer } from "${from}";\nnew VpcBgpPeer(this, "a", { groupId: "bgpg-1" });\n`).length;
    assert.equal(ts('./wrapper'), 0);
    assert.equal(ts('@mycorp/network-constructs'), 0);
    // Named after the cloud, still the program's own.
    assert.equal(ts('./alicloud-wrappers'), 0);
    assert.equal(ts('@acme/cdktf-alicloud-patterns'), 0);
    // A namespace of the program's own module, and one of the bindings.
    assert.equal(instances('typescript', `import * as wrap from "./wrapper";\nnew wrap.VpcBgpPeer(this, "a", { groupId: "g" });\n`).length, 0);
    assert.equal(instances('typescript', `import * as alicloud from "@cdktf/provider-alicloud";\nnew alicloud.vpcBgpPeer.VpcBgpPeer(this, "a", { bgpGroupId: "g" });\n`).length, 1);
    for (const bindings of ['./.gen/providers/alicloud/vpc-bgp-peer', '@cdktf/provider-alicloud/lib/vpc-bgp-peer', '../gen', './generated/index']) assert.equal(ts(bindings), 1, bindings);
    assert.equal(instances('typescript', `import { VpcBgpPeer as Peer } from "./wrapper";\nnew Peer(this, "a", {});\nnew VpcBgpPeer(this, "b", {});\n`).map((i) => i.constructId).join(), 'b');
    assert.equal(instances('typescript', `class VpcBgpPeer {}\nnew VpcBgpPeer(null, "x", { foo: 1 });\n`).length, 0);
    assert.equal(instances('python', `from mylib.peer import VpcBgpPeer\nVpcBgpPeer(self, "a", group_id="bgpg-1")\n`).length, 0);
    assert.equal(instances('python', `from imports.alicloud.vpc_bgp_peer import VpcBgpPeer\nVpcBgpPeer(self, "a", bgp_group_id="bgpg-1")\n`).length, 1);
    assert.equal(instances('python', `from cdktf_cdktf_provider_alicloud.vpc_bgp_peer import VpcBgpPeer\nVpcBgpPeer(self, "a", bgp_group_id="bgpg-1")\n`).length, 1);
    assert.equal(instances('python', `from mylib.alicloud.peer import VpcBgpPeer\nVpcBgpPeer(self, "a", group_id="bgpg-1")\n`).length, 0);
    const java = (path: string) => instances('java', `import ${path}.VpcBgpPeer;\nVpcBgpPeer a = VpcBgpPeer.Builder.create(this, "a").bgpGroupId("bgpg-1").build();\n`).length;
    assert.equal(java('com.example.network'), 0);
    assert.equal(java('com.hashicorp.cdktf.providers.alicloud.vpc_bgp_peer'), 1);
    // Go: a func of the name in the file is what the bare name calls; the package-qualified call is the provider's.
    const go = `func NewVpcBgpPeer(id string) {}\nNewVpcBgpPeer(stack, jsii.String("a"), &VpcBgpPeerConfig{BgpGroupId: jsii.String("x")})\nvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("b"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("x")})\n`;
    assert.deepEqual(instances('go', go).filter((i) => !i.config).map((i) => i.constructId), ['b']);
  });

  it("a type of the program's own with a binding's name, defined in the file or in its Go package, is not the provider's", () => {
    // TypeScript: an interface or a type alias of the name in the file; a type-only import of the bindings still is theirs.
    const tsConfig = (head: string) => instances('typescript', `${head}\nexport const west: VpcBgpPeerConfig = { name: "west", bfdMultiHop: 300 };\n`).length;
    assert.equal(tsConfig('export interface VpcBgpPeerConfig { name: string; bfdMultiHop: number }'), 0);
    assert.equal(tsConfig('type VpcBgpPeerConfig = { name: string; bfdMultiHop: number };'), 0);
    assert.equal(tsConfig('type VpcBgpPeerConfig<T> = { name: T };'), 0);
    assert.equal(tsConfig('import type { VpcBgpPeerConfig } from "./.gen/providers/alicloud/vpc-bgp-peer";'), 1);
    assert.equal(tsConfig('const type = "x";'), 1);
    // C# and Java: structs, records and interfaces of the name.
    assert.equal(instances('csharp', `struct VpcBgpPeerConfig { public string Name; }\nvar c = new VpcBgpPeerConfig { Name = "west" };\n`).length, 0);
    assert.equal(instances('csharp', `record VpcBgpPeerConfig(string Name);\nvar c = new VpcBgpPeerConfig { Name = "west" };\n`).length, 0);
    assert.equal(instances('java', `record VpcBgpPeerConfig(String name) {}\nVpcBgpPeerConfig.builder().name("west").build();\n`).length, 0);
    // Go: a name written alone is the package's own (its type may be in another file); the bindings are another package.
    const goFile = (imports: string, body: string) => instances('go', `package main\n\nimport (\n${imports}\n)\n\nfunc f(stack cdktf.TerraformStack) {\n${body}\n}\n`).length;
    const alone = 'var single = VpcBgpPeerConfig{Name: "west", BfdMultiHop: 300}\nNewVpcBgpPeer(stack, jsii.String("a"), &VpcBgpPeerConfig{Name: "east"})';
    const viaBgp = 'bgp.NewVpcBgpPeer(stack, jsii.String("a"), &bgp.VpcBgpPeerConfig{Name: "edge", Hops: 300})';
    assert.equal(goFile('\t"github.com/aws/jsii-runtime-go"', alone), 0);
    assert.equal(goFile('\t. "cdk.tf/go/stack/generated/aliyun/alicloud/vpcbgppeer"', alone), 2, 'dot-imported bindings');
    assert.equal(goFile('\t. "example.com/infra/bgp"', alone), 0, 'a dot import of their own');
    assert.equal(goFile('\t"github.com/aws/jsii-runtime-go"\n\t"example.com/infra/bgp"', viaBgp), 0);
    assert.equal(goFile('\t"example.com/infra/bgp/v2"', viaBgp), 0, 'a major version is not the package name');
    assert.equal(goFile('\tbgp "example.com/infra/peering"', viaBgp), 0, 'renamed');
    assert.equal(goFile('\tbgp "cdk.tf/go/stack/generated/aliyun/alicloud/vpcbgppeer"', viaBgp), 1, 'the bindings renamed');
    assert.equal(goFile('\tbgp "mycorp.com/stack/bindings/vpcbgppeer"', viaBgp), 1, 'bindings anywhere, by their package name');
    assert.equal(instances('go', `package main\nimport bgp "example.com/infra/bgp"\n${viaBgp}\n`).length, 0, 'a single import');
    assert.equal(instances('go', `package main\nimport "github.com/cdktf/cdktf-provider-alicloud-go/alicloud/v3/vpcbgppeer"\nvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("a"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("g")})\n`).length, 1);
  });

  it('Java: the Builder chain and the constructor with a Config builder', () => {
    const text = `VpcBgpPeer a = VpcBgpPeer.Builder.create(this, "a").bgpGroupId("bgpg-1").enableBfd(true).build();
new VpcBgpPeer(this, "b", VpcBgpPeerConfig.builder().bgpGroupId("bgpg-1").build());
imports.alicloud.vpc_bgp_peer.VpcBgpPeer.Builder.create(this, "c").bgpGroupId("bgpg-1").build();
public VpcBgpPeer(final Construct scope, final String id, final VpcBgpPeerConfig config) {}
`;
    const found = instances('java', text);
    assert.deepEqual(found.map((i) => i.constructId), ['a', 'b', 'c']);
    assert.equal(found[0].name, 'a');
    assert.deepEqual(found[0].attributes.map((a) => `${a.sourceName}→${a.name}`), ['bgpGroupId→bgp_group_id', 'enableBfd→enable_bfd']);
  });

  it('C#: object initializers, Allman or K&R braces, named and target-typed forms', () => {
    const text = `new VpcBgpPeer(this, "a", new VpcBgpPeerConfig
{
    BgpGroupId = "bgpg-1",
});
new VpcBgpPeer(this, "b", new VpcBgpPeerConfig() { BgpGroupId = "bgpg-1" });
new VpcBgpPeer(this, "c", config: new() { BgpGroupId = "bgpg-1", @Id = "x" });
VpcBgpPeer d = new(this, "d", new VpcBgpPeerConfig { BgpGroupId = "bgpg-1" });
private readonly VpcBgpPeer e = new(this, "e", new() { BgpGroupId = "bgpg-1" });
`;
    const found = instances('csharp', text);
    assert.deepEqual(found.map((i) => i.constructId), ['a', 'b', 'c', 'd', 'e']);
    assert.deepEqual(found[2].attributes.map((a) => a.name), ['bgp_group_id', 'id']);
    // A target-typed `new(…)` is a construct of its declared type, with its variable; its config is not one apart.
    assert.deepEqual(found.slice(3).map((i) => `${i.name} ${i.config ? 'config' : i.type}`), ['d alicloud_vpc_bgp_peer', 'e alicloud_vpc_bgp_peer']);
    check(
      'csharp',
      `VpcBgpPeer g = new(this, "g", new VpcBgpPeerConfig { PeerIpAddress = "10.0.0.3", BfdMultiHop = 5 });
//             ^^^ missing-required
//                                                                               ^^^^^^^^^^^ bfd-multi-hop-without-bfd
`,
    );
  });

  it('Go: New… with a composite literal (address or not); not the generated func declaration', () => {
    const text = `func NewVpcBgpPeer(scope constructs.Construct, id *string, config *VpcBgpPeerConfig) VpcBgpPeer {}
p := vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("a"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("bgpg-1")})
bgp.NewVpcBgpPeer(stack, jsii.String("b"), vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("bgpg-1")})
`;
    const found = instances('go', text);
    assert.deepEqual(found.map((i) => i.constructId), ['a', 'b']);
    assert.equal(found[0].name, 'p');
  });

  it('the timeouts struct and meta-arguments in every language', () => {
    const texts: Record<string, string> = {
      typescript: `new VpcBgpPeer(this, "p", { bgpGroupId: "x", dependsOn: [g], timeouts: { create: "5m" }, lifecycle: { preventDestroy: true } });`,
      python: `VpcBgpPeer(self, "p", bgp_group_id="x", depends_on=[g], timeouts=VpcBgpPeerTimeouts(create="5m"), lifecycle={"prevent_destroy": True})`,
      java: `VpcBgpPeer.Builder.create(this, "p").bgpGroupId("x").dependsOn(List.of(g)).timeouts(VpcBgpPeerTimeouts.builder().create("5m").build()).lifecycle(TerraformResourceLifecycle.builder().preventDestroy(true).build()).build();`,
      csharp: `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = "x", DependsOn = new[] { g }, Timeouts = new VpcBgpPeerTimeouts { Create = "5m" }, Lifecycle = new TerraformResourceLifecycle { PreventDestroy = true } });`,
      go: `vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("x"), DependsOn: &[]cdktf.ITerraformDependable{g}, Timeouts: &vpcbgppeer.VpcBgpPeerTimeouts{Create: jsii.String("5m")}, Lifecycle: &cdktf.TerraformResourceLifecycle{PreventDestroy: jsii.Bool(true)}})`,
    };
    for (const [language, text] of Object.entries(texts)) {
      const [i] = instances(language, text);
      assert.equal(summary(i), 'alicloud_vpc_bgp_peer: bgp_group_id depends_on timeouts{create} lifecycle{prevent_destroy}', language);
      assert.deepEqual(analyse(text, uriOf(language)).diagnostics, [], language);
    }
  });
});

describe('CDKTF: values', () => {
  const valueOf = (language: string, text: string): Value => instances(language, text)[0].attributes.find((a) => a.name === 'bfd_multi_hop')!.value;
  const cases: [string, string, Value['kind'], unknown][] = [
    ['typescript', `new VpcBgpPeer(this, "p", { bfdMultiHop: 10 })`, 'number', 10],
    ['typescript', `new VpcBgpPeer(this, "p", { bfdMultiHop: -1 })`, 'number', -1],
    ['typescript', `new VpcBgpPeer(this, "p", { bfdMultiHop: Token.asNumber("10") })`, 'string', '10'],
    ['typescript', `new VpcBgpPeer(this, "p", { bfdMultiHop: cdktf.Token.asNumber(10) })`, 'number', 10],
    ['typescript', `new VpcBgpPeer(this, "p", { bfdMultiHop: cdktn.Token.asNumber("10") })`, 'string', '10'],
    ['typescript', `new VpcBgpPeer(this, "p", { bfdMultiHop: \`10\` })`, 'string', '10'],
    ['typescript', `new VpcBgpPeer(this, "p", { bfdMultiHop: \`\${n}\` })`, 'unknown', undefined],
    ['typescript', `new VpcBgpPeer(this, "p", { bfdMultiHop: Fn.max([1, 2]) })`, 'unknown', undefined],
    ['typescript', `new VpcBgpPeer(this, "p", { bfdMultiHop: hops })`, 'unknown', undefined],
    ['typescript', `new VpcBgpPeer(this, "p", { bfdMultiHop: 10 as any })`, 'number', 10],
    ['typescript', `new VpcBgpPeer(this, "p", { bfdMultiHop: null })`, 'null', undefined],
    ['python', `VpcBgpPeer(self, "p", bfd_multi_hop=cdktf.Token.as_number("10"))`, 'string', '10'],
    ['python', `VpcBgpPeer(self, "p", bfd_multi_hop=True)`, 'bool', true],
    ['python', `VpcBgpPeer(self, "p", bfd_multi_hop=None)`, 'null', undefined],
    ['python', `VpcBgpPeer(self, "p", bfd_multi_hop=r'\\d')`, 'string', '\\d'],
    ['python', `VpcBgpPeer(self, "p", bfd_multi_hop=f"{x}")`, 'unknown', undefined],
    ['python', `VpcBgpPeer(self, "p", bfd_multi_hop=(300))`, 'number', 300],
    ['python', `VpcBgpPeer(self, "p", bfd_multi_hop=((False)))`, 'bool', false],
    ['python', `VpcBgpPeer(self, "p", bfd_multi_hop=(300,))`, 'tuple', undefined],
    ['java', `VpcBgpPeer.Builder.create(this, "p").bfdMultiHop(Token.asNumber("10")).build();`, 'string', '10'],
    ['java', `VpcBgpPeer.Builder.create(this, "p").bfdMultiHop(10L).build();`, 'number', 10],
    ['csharp', `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BfdMultiHop = Token.AsNumber("10") });`, 'string', '10'],
    ['csharp', `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BfdMultiHop = @"10" });`, 'string', '10'],
    ['csharp', `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BfdMultiHop = $"{x}" });`, 'unknown', undefined],
    ['go', `vpcbgppeer.NewVpcBgpPeer(s, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BfdMultiHop: jsii.Number(10)})`, 'number', 10],
    ['go', `vpcbgppeer.NewVpcBgpPeer(s, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BfdMultiHop: cdktf.Token_AsNumber(jsii.String("10"))})`, 'string', '10'],
    ['go', `vpcbgppeer.NewVpcBgpPeer(s, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BfdMultiHop: jsii.Bool(true)})`, 'bool', true],
    ['go', `vpcbgppeer.NewVpcBgpPeer(s, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BfdMultiHop: nil})`, 'null', undefined],
    // A leading 0 makes an integer octal in Go and Java, not in C#; TypeScript modules and Python 3 reject it.
    ['go', `vpcbgppeer.NewVpcBgpPeer(s, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BfdMultiHop: jsii.Number(0377)})`, 'number', 255],
    ['go', `vpcbgppeer.NewVpcBgpPeer(s, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BfdMultiHop: jsii.Number(0_377)})`, 'number', 255],
    ['go', `vpcbgppeer.NewVpcBgpPeer(s, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BfdMultiHop: jsii.Number(0377.0)})`, 'number', 377],
    ['go', `vpcbgppeer.NewVpcBgpPeer(s, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BfdMultiHop: jsii.Number(0389)})`, 'unknown', undefined],
    ['go', `vpcbgppeer.NewVpcBgpPeer(s, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BfdMultiHop: jsii.Number(00)})`, 'number', 0],
    ['java', `VpcBgpPeer.Builder.create(this, "p").bfdMultiHop(0377).build();`, 'number', 255],
    ['java', `VpcBgpPeer.Builder.create(this, "p").bfdMultiHop(-0377L).build();`, 'number', -255],
    ['java', `VpcBgpPeer.Builder.create(this, "p").bfdMultiHop(0377f).build();`, 'number', 377],
    ['csharp', `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BfdMultiHop = 0377 });`, 'number', 377],
    ['typescript', `new VpcBgpPeer(this, "p", { bfdMultiHop: 0377 })`, 'unknown', undefined],
    ['typescript', `new VpcBgpPeer(this, "p", { bfdMultiHop: 0 })`, 'number', 0],
    ['python', `VpcBgpPeer(self, "p", bfd_multi_hop=0377)`, 'unknown', undefined],
    ['python', `VpcBgpPeer(self, "p", bfd_multi_hop=00)`, 'number', 0],
    // Java text blocks and C# raw strings lose the indentation their closing line sets (and Java's trailing spaces).
    ['java', `VpcBgpPeer.Builder.create(this, "p").bfdMultiHop("""\n            IPv6""").build();`, 'string', 'IPv6'],
    ['java', `VpcBgpPeer.Builder.create(this, "p").bfdMultiHop("""   \n        a  \n          b\\s\n        """).build();`, 'string', 'a\n  b \n'],
    ['java', `VpcBgpPeer.Builder.create(this, "p").bfdMultiHop("""\n    say \\"""hi\\""" \\\n    now""").build();`, 'string', 'say """hi""" now'],
    ['csharp', `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BfdMultiHop = """\n        IPv6\n        """ });`, 'string', 'IPv6'],
    ['csharp', `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BfdMultiHop = """"\n      say """hi"""\n\n        \\n\n      """" });`, 'string', 'say """hi"""\n\n  \\n'],
    ['csharp', `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BfdMultiHop = """a "b" c""" });`, 'string', 'a "b" c'],
    ['csharp', `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BfdMultiHop = $"""\n    IPv6\n    """ });`, 'string', 'IPv6'],
    ['csharp', `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BfdMultiHop = $"""{x}""" });`, 'unknown', undefined],
  ];
  for (const [language, text, kind, value] of cases) {
    it(`${language}: ${text.replace(/^.*?(bfd\w+|Bfd\w+)[:=(]\s*/i, '').slice(0, 40)} is ${kind}${value !== undefined ? ' ' + JSON.stringify(value) : ''}`, () => {
      const v = valueOf(language, text);
      assert.equal(v.kind, kind);
      if (value !== undefined) assert.equal((v as { value: unknown }).value, value);
    });
  }

  it('a construct’s attribute is a reference with the HCL path; other names are unknown, never resources', () => {
    const ts = `const group = new VpcBgpGroup(this, "g", { routerId: "vbr-1", peerAsn: 65001 });
new VpcBgpPeer(this, "a", { bgpGroupId: group.id });
new VpcBgpPeer(this, "b", { bgpGroupId: this.bgp_group.id });
`;
    const [, a, b] = instances('typescript', ts);
    assert.deepEqual(a.attributes[0].value, { kind: 'reference', path: ['alicloud_vpc_bgp_group', 'group', 'id'], text: 'group.id' });
    assert.equal(b.attributes[0].value.kind, 'unknown');
    // A snake_case Python variable is not an HCL traversal `bgp_group.id` to an undeclared resource.
    check('python', `bgp_group = make_group()\nVpcBgpPeer(self, "p", bgp_group_id=bgp_group.id)\n`);
    check('python', `bgp_group = VpcBgpGroup(self, "g", router_id="vbr-1", peer_asn=65001)\nVpcBgpPeer(self, "p", bgp_group_id=bgp_group.id)\n`);
  });
});

describe('CDKTF: half-typed code', () => {
  it('a value nested thousands of lists deep is not read, and the construct is still checked', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    for (const [language, text] of [
      ['typescript', `new VpcBgpPeer(this, "p", {\n  ipVersion: ${deep},\n  bfdMultiHop: 300,\n});\n`],
      ['python', `VpcBgpPeer(self, "p",\n    ip_version=${deep},\n    bfd_multi_hop=300,\n)\n`],
    ]) {
      const codes = actual(text, uriOf(language)).map((f) => f.split(' ').pop());
      assert.ok(codes.includes('value-out-of-range'), `${language}: ${codes.join(', ')}`);
    }
  });

  it('TypeScript: an unclosed `new VpcBgpPeer(this, "x", { bgpGroupId: g.id,` keeps its properties and the rest of the file', () => {
    const text = `class S extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new VpcBgpPeer(this, "x", { bgpGroupId: g.id, enableBfd: true, bfdMultiHop: 0,
    //                                                                          ^ value-out-of-range
    new VpcBgpPeer(this, "y", {
      bgpGroupId: "bgpg-1",
      status: "x",
      //^^^^ read-only-argument
    });
    new VpcBgpPeer(this, "z", {
      bgpGroupId: g.id,
      enableBfd: true,
      bfdMultiHop: 300,
    //             ^^^ value-out-of-range
  }
}
`;
    check('typescript', text);
    const found = instances('typescript', text);
    assert.deepEqual(found.map(summary), [
      'alicloud_vpc_bgp_peer (unclosed): bgp_group_id enable_bfd bfd_multi_hop',
      'alicloud_vpc_bgp_peer: bgp_group_id status',
      'alicloud_vpc_bgp_peer (unclosed): bgp_group_id enable_bfd bfd_multi_hop',
    ]);
  });

  it('an unterminated string ends at its line', () => {
    check('typescript', `new VpcBgpPeer(this, "a", { bgpGroupId: "bgpg-1", ipVersion: "IPv });
new VpcBgpPeer(this, "b", { bgpGroupId: "bgpg-1", ipVersion: "IPv5" });
//                                                           ^^^^^^ invalid-value
`);
    check('python', `VpcBgpPeer(self, "a", bgp_group_id="bgpg-1", ip_version="IPv)
VpcBgpPeer(self, "b", bgp_group_id="bgpg-1", ip_version="IPv5")
#                                                       ^^^^^^ invalid-value
`);
  });

  it('Python: an unclosed call, and a name typed with no value yet', () => {
    const text = `class S(TerraformStack):
    def __init__(self, scope, id):
        VpcBgpPeer(self, "x",
            bgp_group_id="bgpg-1",
            ip_version="IPv5",
            #          ^^^^^^ invalid-value
            enable_b
        VpcBgpPeer(self, "y", bgp_group_id="bgpg-1", status="x")
        #                                            ^^^^^^ read-only-argument
`;
    check('python', text);
    assert.deepEqual(instances('python', text).map(summary), [
      'alicloud_vpc_bgp_peer (unclosed): bgp_group_id ip_version enable_b?',
      'alicloud_vpc_bgp_peer: bgp_group_id status',
    ]);
  });

  it('Java: a chain being typed (a lone `.`, a name without parentheses)', () => {
    const text = `        VpcBgpPeer.Builder.create(this, "x")
            .bgpGroupId("bgpg-1")
            .ipVersion("IPv5")
            //         ^^^^^^ invalid-value
            .
        VpcBgpPeer.Builder.create(this, "y")
            .bgpGroupId("bgpg-1")
            .enableBf
    }
`;
    check('java', text);
    assert.deepEqual(instances('java', text).map(summary), [
      'alicloud_vpc_bgp_peer (unclosed): bgp_group_id ip_version ?',
      'alicloud_vpc_bgp_peer (unclosed): bgp_group_id enable_bf?',
    ]);
  });

  it('C# and Go: unclosed initializers', () => {
    check('csharp', `        new VpcBgpPeer(this, "x", new VpcBgpPeerConfig {
            BgpGroupId = "bgpg-1",
            IpVersion = "IPv5",
            //          ^^^^^^ invalid-value
    }
`);
    check('go', `	vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("x"), &vpcbgppeer.VpcBgpPeerConfig{
		BgpGroupId: jsii.String("bgpg-1"),
		IpVersion:  jsii.String("IPv5"),
		//          ^^^^^^^^^^^^^^^^^^^ invalid-value
	return stack
}
`);
  });

  it('the tokenizer matches brackets and ends a group cut off by a dedented line', () => {
    const tk = tokenize(`f(a, {\n  b: [1, 2],\n  c: (\nnext()\n`, 'typescript');
    const open = (t: string) => [...Array(tk.n).keys()].find((i) => tk.text_(i) === t)!;
    assert.equal(tk.closeOf[open('[')] >= 0, true);
    assert.equal(tk.closeOf[open('{')], -1);
    assert.equal(tk.text_(tk.extent[open('{')]), 'next', 'the unclosed group ends before the dedented line');
  });
});

describe('CDKTF: edits', () => {
  it('after any sequence of edits, the file reports what a fresh open of its text reports', () => {
    const fs = require('node:fs') as typeof import('node:fs');
    const path = require('node:path') as typeof import('node:path');
    for (const name of ['cases.ts', 'cases.py', 'Cases.java', 'Cases.cs', 'cases.go']) {
      const file = path.resolve(__dirname, '../fixtures/cdktf', name);
      let text = fs.readFileSync(file, 'utf8');
      const f = createSourceFile(file, undefined, text)!;
      const schemas = defaultSchemas();
      f.diagnostics(contextFor([f], schemas));
      const edits: [number, number, string][] = [
        [40, 0, 'x'],
        [60, 2, ''],
        [45, 0, '\n'],
        [text.split('\n').length - 5, 0, '('],
        [50, 1, '"'],
      ];
      for (const [line, del, ins] of edits) {
        const lines = text.split('\n');
        const l = Math.min(line, lines.length - 1);
        const ch = Math.min(8, lines[l].length);
        f.update([{ range: { start: { line: l, character: ch }, end: { line: l, character: Math.min(ch + del, lines[l].length) } }, text: ins }]);
        text = lines.slice(0, l).join('\n') + (l ? '\n' : '') + lines[l].slice(0, ch) + ins + lines[l].slice(Math.min(ch + del, lines[l].length)) + '\n' + lines.slice(l + 1).join('\n');
        assert.equal(f.text, text);
        const fresh = createSourceFile(file, undefined, text)!;
        assert.deepEqual(f.diagnostics(contextFor([f], schemas)), fresh.diagnostics(contextFor([fresh], schemas)), `${name} after editing line ${l}`);
      }
    }
  });
});

describe('CDKTF: cheap when irrelevant', () => {
  it('a file that never names a generated class is not tokenized at all', () => {
    let text = 'import * as fs from "fs";\n';
    for (let i = 0; text.split('\n').length < 5000; i++) text += `export function f${i}(a: number) {\n  return { a, b: [1, 2], c: "x" };\n}\n`;
    const f = new CdktfFile('typescript', text);
    const t0 = performance.now();
    const ctx = contextFor([f], defaultSchemas());
    assert.deepEqual(f.diagnostics(ctx), []);
    f.update([{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '// edit\n' }]);
    assert.deepEqual(f.diagnostics(ctx), []);
    assert.equal(f.cursorContext({ line: 2, character: 10 }), undefined);
    const ms = performance.now() - t0;
    assert.equal(f.parses, 0, 'never tokenized');
    assert.ok(ms < 100, `${ms.toFixed(1)} ms`);
  });

  it('files and language ids: CDKTF sources, never declaration files', () => {
    for (const [uri, id, lang] of [
      ['file:///a/main.ts', undefined, 'typescript'],
      ['file:///a/main.tsx', 'typescriptreact', 'typescript'],
      ['file:///a/main.py', 'python', 'python'],
      ['file:///a/Main.java', 'java', 'java'],
      ['file:///a/Main.cs', 'csharp', 'csharp'],
      ['file:///a/main.go', 'go', 'go'],
      ['untitled:Untitled-1', 'python', 'python'],
    ] as const) {
      assert.equal(cdktfLanguage(uri, id), lang, uri);
      assert.ok(isSupported(uri, id));
      assert.equal(createSourceFile(uri, id, '')!.language, lang);
    }
    assert.equal(isSupported('file:///a/index.d.ts'), false);
    assert.equal(isSupported('file:///a/readme.md'), false);
    assert.equal(createSourceFile('file:///a/main.tf', 'terraform', '')!.language, 'hcl');
  });
});

describe('CDKTF: names as written', () => {
  const peer: Record<string, string> = {
    typescript: `new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1", bfdMultiHop: 5, status: "x", timeouts: { create: "soon" } });`,
    python: `VpcBgpPeer(self, "p", bgp_group_id="bgpg-1", bfd_multi_hop=5, status="x", timeouts=VpcBgpPeerTimeouts(create="soon"))`,
    java: `VpcBgpPeer p = VpcBgpPeer.Builder.create(this, "p").bgpGroupId("bgpg-1").bfdMultiHop(5).status("x").timeouts(VpcBgpPeerTimeouts.builder().create("soon").build()).build();`,
    csharp: `var p = new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = "bgpg-1", BfdMultiHop = 5, Status = "x", Timeouts = new VpcBgpPeerTimeouts { Create = "soon" } });`,
    go: `p := vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("bgpg-1"), BfdMultiHop: jsii.Number(5), Status: jsii.String("x"), Timeouts: &vpcbgppeer.VpcBgpPeerTimeouts{Create: jsii.String("soon")}})`,
  };
  const want: Record<string, string[]> = {
    typescript: [
      'bfdMultiHop has no effect without enableBfd: true: the provider ignores the BFD hop count while BFD is off.',
      '"status" is read-only: the provider sets it, so it cannot be written in configuration (read it as <name>.status)',
      '"timeouts.create" must be a duration such as "10m", "1h30m" or "90s", not "soon"',
    ],
    python: [
      'bfd_multi_hop has no effect without enable_bfd=True: the provider ignores the BFD hop count while BFD is off.',
      '"status" is read-only: the provider sets it, so it cannot be written in configuration (read it as <name>.status)',
      '"timeouts.create" must be a duration such as "10m", "1h30m" or "90s", not "soon"',
    ],
    java: [
      'bfdMultiHop has no effect without .enableBfd(true): the provider ignores the BFD hop count while BFD is off.',
      '"status" is read-only: the provider sets it, so it cannot be written in configuration (read it as p.getStatus())',
      '"timeouts.create" must be a duration such as "10m", "1h30m" or "90s", not "soon"',
    ],
    csharp: [
      'BfdMultiHop has no effect without EnableBfd = true: the provider ignores the BFD hop count while BFD is off.',
      '"Status" is read-only: the provider sets it, so it cannot be written in configuration (read it as p.Status)',
      '"Timeouts.Create" must be a duration such as "10m", "1h30m" or "90s", not "soon"',
    ],
    go: [
      'BfdMultiHop has no effect without EnableBfd: jsii.Bool(true): the provider ignores the BFD hop count while BFD is off.',
      '"Status" is read-only: the provider sets it, so it cannot be written in configuration (read it as p.Status())',
      '"Timeouts.Create" must be a duration such as "10m", "1h30m" or "90s", not "soon"',
    ],
  };
  for (const language of Object.keys(peer)) {
    it(`${language}: messages and fix titles`, () => {
      const { diagnostics, file, ctx } = analyse(peer[language], uriOf(language));
      assert.deepEqual(diagnostics.map((d) => d.message).sort(), [...want[language]].sort());
      const titles = file.findingsAt({ start: { line: 0, character: 0 }, end: { line: 0, character: 999 } }, ctx).flatMap((f) => f.value.fixes.map((x) => x.title));
      const set = { typescript: 'Set enableBfd: true', python: 'Set enable_bfd=True', java: 'Set .enableBfd(true)', csharp: 'Set EnableBfd = true', go: 'Set EnableBfd: jsii.Bool(true)' }[language]!;
      const remove = { typescript: 'Remove status', python: 'Remove status', java: 'Remove status', csharp: 'Remove Status', go: 'Remove Status' }[language]!;
      assert.ok(titles.includes(set) && titles.includes(remove), JSON.stringify(titles));
    });
  }

  it('a typo keeps the spelling the user wrote, and the suggestion is in the language', () => {
    const { diagnostics } = analyse(`new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = "x", BfdMultihop = 3 });`, uriOf('csharp'));
    assert.deepEqual(diagnostics.map((d) => d.message), ['Unknown argument "BfdMultihop" in VpcBgpPeer. Did you mean "BfdMultiHop"?']);
    // In a nested struct too: its own names, as written and as the language writes them.
    const nested = analyse(`new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = "x", Timeouts = new VpcBgpPeerTimeouts { Craete = "5m", DeleteTimeout = "5m" } });`, uriOf('csharp'));
    assert.deepEqual(nested.diagnostics.map((d) => d.message), [
      'Unknown argument "Craete" in the Timeouts of VpcBgpPeer. Did you mean "Create"?',
      'Unknown argument "DeleteTimeout" in the Timeouts of VpcBgpPeer.',
    ]);
    const titles = nested.file.findingsAt({ start: { line: 0, character: 0 }, end: { line: 0, character: 999 } }, nested.ctx).flatMap((f) => f.value.fixes.map((x) => x.title));
    assert.deepEqual(titles, ['Rename to "Create"']);
  });

  it('a message names what it is in as the program writes it: classes, not Terraform types, and cdktf.json', () => {
    const python = [
      `vbr = ExpressConnectVirtualBorderRouter(self, "vbr", physical_connection_id="pc-1", vlan_id=10, local_gateway_ip="10.0.0.1", peer_gateway_ip="10.0.0.2", peering_subnet_mask="255.255.255.252")`,
      `VpcBgpGroup(self, "g", peer_asn=65001, virtual_border_router_id="vbr-1")`,
      `VpcBgpPeer(self, "p", bgp_group_id=vbr.id, timeouts=VpcBgpPeerTimeouts(craete="5m"))`,
    ].join('\n');
    assert.deepEqual(analyse(python, uriOf('python')).diagnostics.map((d) => d.message).sort(), [
      '"bgp_group_id" should refer to a VpcBgpGroup, not to ExpressConnectVirtualBorderRouter vbr',
      'Missing required argument "router_id" (the ExpressConnectVirtualBorderRouter it belongs to)',
      'Unknown argument "craete" in the timeouts of VpcBgpPeer. Did you mean "create"?',
      'Unknown argument "virtual_border_router_id" in VpcBgpGroup.',
    ]);
    const file = createSourceFile(uriOf('typescript'), undefined, `new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1" });`)!;
    const old = file.diagnostics(contextFor([file], defaultSchemas(), '1.150.0', PROJECT_FILE)).map((d) => d.message);
    assert.deepEqual(old, ['VpcBgpPeer needs alicloud provider 1.153.0 or newer; cdktf.json asks for 1.150.0']);
  });

  it('count beside forEach: the message and its fixes name them as the language does', () => {
    const { diagnostics, file, ctx } = analyse(`new VpcBgpPeer(this, "p", { count: 2, forEach: it, bgpGroupId: "bgpg-1" });`, uriOf('typescript'));
    assert.deepEqual(diagnostics.map((d) => d.message), ['"count" and "forEach" cannot both be set: each says how many instances the block makes, and Terraform refuses a block with both ("Invalid combination of count and for_each")']);
    const titles = file.findingsAt({ start: { line: 0, character: 0 }, end: { line: 0, character: 999 } }, ctx).flatMap((f) => f.value.fixes.map((x) => x.title));
    assert.deepEqual(titles, ['Remove count', 'Remove forEach']);
  });

  it('a Python message writes a bool as Python does', () => {
    const { diagnostics } = analyse(`VpcBgpPeer(self, "p", bgp_group_id="x", enable_bfd=True, bfd_multi_hop=True)`, uriOf('python'));
    assert.deepEqual(diagnostics.map((d) => d.message), ['"bfd_multi_hop" expects a number, not the bool True']);
  });

  it('a message about another resource names its arguments as the language writes them', () => {
    const vbr = `vbr := expressconnectvirtualborderrouter.NewExpressConnectVirtualBorderRouter(stack, jsii.String("vbr"), &expressconnectvirtualborderrouter.ExpressConnectVirtualBorderRouterConfig{PhysicalConnectionId: jsii.String("pc-1"), LocalGatewayIp: jsii.String("10.0.0.1"), PeerGatewayIp: jsii.String("10.0.0.2"), PeeringSubnetMask: jsii.String("255.255.255.252"), VlanId: jsii.Number(10)})\n`;
    const group = `vpcbgpgroup.NewVpcBgpGroup(stack, jsii.String("g"), &vpcbgpgroup.VpcBgpGroupConfig{RouterId: vbr.Id(), PeerAsn: jsii.Number(65001), IpVersion: jsii.String("IPv6")})\n`;
    const [message] = analyse(vbr + group, uriOf('go')).diagnostics.map((d) => d.message);
    assert.match(message, /does not set EnableIpv6: jsii\.Bool\(true\)$/);
    // The other construct by its class and its variable, not by a Terraform address (`alicloud_…_router.vbr`).
    assert.match(message, /\bExpressConnectVirtualBorderRouter vbr\b/);
    assert.doesNotMatch(message, /alicloud_/);
  });

  it('a property set after the construct is built: only findings resting on that argument\'s absence go', () => {
    const codes = (language: string, text: string) => {
      const f = createSourceFile(uriOf(language), undefined, text)!;
      return f.diagnostics(contextFor([f], defaultSchemas())).map((d) => d.code).sort();
    };
    const both = ['bfd-multi-hop-without-bfd', 'missing-required'];
    const ts = (after: string) => codes('typescript', `const p = new VpcBgpPeer(this, "p", { peerIpAddress: "10.0.0.2", bfdMultiHop: 10 });\n${after}\n`);
    assert.deepEqual(ts(''), both);
    assert.deepEqual(ts('p.enableBfd = true;'), ['missing-required']);
    assert.deepEqual(ts('p.bgpGroupId = group.id;'), ['bfd-multi-hop-without-bfd']);
    assert.deepEqual(ts('p.addOverride("enable_bfd", true);'), ['missing-required']);
    // TypeScript's non-null assertion and a cast around the variable.
    assert.deepEqual(ts('p!.enableBfd = true;'), ['missing-required']);
    assert.deepEqual(ts('(p as any).enableBfd = true;'), ['missing-required']);
    assert.deepEqual(ts('(p as VpcBgpPeer).addOverride("enable_bfd", true);'), ['missing-required']);
    assert.deepEqual(ts('(p as any) + 1;\np!.toString();'), both);
    // Meta-arguments and other properties leave every finding standing.
    assert.deepEqual(ts('p.dependsOn = [other];\np.lifecycle = { preventDestroy: true };\np.description = "x";'), both);
    // A member of something else is not the construct's variable.
    assert.deepEqual(ts('other.p.enableBfd = true;'), both);
    // A construct kept in a field, set through it (in its class: a field's scope).
    assert.deepEqual(codes('typescript', `class S {\n  constructor() {\n    this.p = new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1", bfdMultiHop: 10 });\n  }\n  tune() {\n    this.p.enableBfd = true;\n  }\n}\n`), []);
    assert.deepEqual(codes('python', `class S:\n    def __init__(self):\n        self.p = VpcBgpPeer(self, "p", bgp_group_id="bgpg-1", bfd_multi_hop=10)\n\n    def tune(self):\n        self.p.enable_bfd = True\n`), []);
    assert.deepEqual(codes('python', `p = VpcBgpPeer(self, "p", bgp_group_id="bgpg-1", bfd_multi_hop=10)\nself.p.enable_bfd = True\n`), ['bfd-multi-hop-without-bfd']);
    // Java and C#: `this.p` and `p` are one field.
    assert.deepEqual(codes('java', `VpcBgpPeer p = VpcBgpPeer.Builder.create(this, "p").bgpGroupId("bgpg-1").bfdMultiHop(10).build();\nthis.p.setEnableBfd(true);\n`), []);
    assert.deepEqual(codes('java', `VpcBgpPeer p = VpcBgpPeer.Builder.create(this, "p").bgpGroupId("bgpg-1").bfdMultiHop(10).build();\np.setDependsOn(List.of(g));\n`), ['bfd-multi-hop-without-bfd']);
  });

  it('cdktf\'s Token imported under another name is seen through as Token is', () => {
    check('typescript', `import { Token as T } from "cdktf";
new VpcBgpPeer(this, "p", { bgpGroupId: "g", enableBfd: true, bfdMultiHop: T.asNumber("300") });
//                                                                         ^^^^^^^^^^^^^^^^^ value-out-of-range
new VpcBgpPeer(this, "q", { bgpGroupId: "g", enableBfd: true, bfdMultiHop: U.asNumber("300") });
`);
    check('python', `from cdktf import Token as T
VpcBgpPeer(self, "p", bgp_group_id="g", enable_bfd=True, bfd_multi_hop=T.as_number("300"))
#                                                                      ^^^^^^^^^^^^^^^^^^ value-out-of-range
`);
  });

  it('a literal set after the construct is built is checked where it is written, as in the config', () => {
    check('typescript', `const p = new VpcBgpPeer(this, "p", { bgpGroupId: "g" });
p.bfdMultiHop = 0;
//              ^ value-out-of-range
p.putTimeouts({ create: "bad" });
//                      ^^^^^ invalid-duration
p!.bfdMultiHop = 300;
//               ^^^ value-out-of-range
p.addOverride("bfd_multi_hop", 0);
//                             ^ value-out-of-range
p.bfdMultiHop = 10;
p.putTimeouts({ create: "10m" });
p.bfdMultiHop = Token.asNumber(size);
other.p.bfdMultiHop = 0;
`);
    check('python', `p = VpcBgpPeer(self, "p", bgp_group_id="g")
p.bfd_multi_hop = 0
#                 ^ value-out-of-range
p.put_timeouts(create="1m", delete="bad")
#                                  ^^^^^ invalid-duration
p.put_timeouts(create=duration)
`);
    check('java', `VpcBgpPeer p = VpcBgpPeer.Builder.create(this, "p").bgpGroupId("g").build();
p.setBfdMultiHop(0);
//               ^ value-out-of-range
`);
    check('go', `p := vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("g")})
p.SetBfdMultiHop(jsii.Number(0))
//               ^^^^^^^^^^^^^^ value-out-of-range
`);
    // Go's override of a block writes it as a map, its keys as Terraform names them.
    check('go', `p := vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("g")})
p.AddOverride(jsii.String("timeouts"), &map[string]interface{}{"create": "bad"})
//                                                                       ^^^^^ invalid-duration
p.AddOverride(jsii.String("timeouts"), map[string]*string{"creat": jsii.String("5m"), "delete": jsii.String("1h")})
//                                                        ^^^^^^^ unknown-argument
p.AddOverride(jsii.String("timeouts"), map[string]any{"update": jsii.String("soon")})
//                                                              ^^^^^^^^^^^^^^^^^^^ invalid-duration
p.AddOverride(jsii.String("timeouts"), timeouts)
`);
    // A value over several lines: a bracket group read whole, or written on the line after the `=`. An expression
    // going on past a line is no literal.
    check('typescript', `const p = new VpcBgpPeer(this, "p", { bgpGroupId: "g" });
p.timeouts = {
  create: "5x",
//        ^^^^ invalid-duration
};
p.bfdMultiHop =
    0;
//  ^ value-out-of-range
p.putTimeouts(
  {
    delete: "later",
//          ^^^^^^^ invalid-duration
  });
p.bfdMultiHop = 300
  + offset;
p.bfdMultiHop = 300 +
  offset;
`);
    check('python', `p = VpcBgpPeer(self, "p", bgp_group_id="g")
p.timeouts = VpcBgpPeerTimeouts(
    create="5x",
#          ^^^^ invalid-duration
)
p.bfd_multi_hop = 300
#                 ^^^ value-out-of-range
offset = 1
`);
    check('csharp', `var p = new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = "g" });
p.Timeouts = new VpcBgpPeerTimeouts
{
    Create = "5x",
//           ^^^^ invalid-duration
};
p.BfdMultiHop =
    0;
//  ^ value-out-of-range
p.BfdMultiHop = 300
//              ^^^ value-out-of-range
p.IpVersion = "IPv4";
`);
    // A wrapped value's finding spans the call, over its lines.
    const wrapped = analyse(`const p = new VpcBgpPeer(this, "p", { bgpGroupId: "g" });\np.bfdMultiHop = Token.asNumber(\n  "300",\n);\n`, uriOf('typescript')).diagnostics;
    assert.deepEqual(wrapped.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]), [['value-out-of-range', 1, 16, 3, 1]]);
    const parenthesized = analyse(`p = VpcBgpPeer(self, "p", bgp_group_id="g")\np.bfd_multi_hop = (\n    300)\n`, uriOf('python')).diagnostics;
    assert.deepEqual(parenthesized.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]), [['value-out-of-range', 1, 18, 2, 8]]);
    // The message names the argument as the language does.
    const [message] = analyse(`const p = new VpcBgpPeer(this, "p", { bgpGroupId: "g" });\np.putTimeouts({ create: "bad" });\n`, uriOf('typescript')).diagnostics.map((d) => d.message);
    assert.match(message, /^"timeouts\.create" must be a duration/);
  });

  it('a read-only argument set after the construct is built is reported where it is named, in every language', () => {
    // The bindings have no setter for it (a compile error, or Python's AttributeError), and an override writes it
    // into the JSON, which Terraform refuses ("Value for unconfigurable attribute").
    check('typescript', `const p = new VpcBgpPeer(this, "p", { bgpGroupId: "g" });
if (legacy) {
  p.status = "x";
//  ^^^^^^ read-only-argument
  p.id = "bgp-1";
//  ^^ read-only-argument
}
p.addOverride("bgp_peer_name", other.name);
//            ^^^^^^^^^^^^^^^ read-only-argument
const s = p.status;
p.addOverride("status.x", "y");
`);
    check('python', `p = VpcBgpPeer(self, "p", bgp_group_id="g")
if legacy:
    p.status = "x"
#     ^^^^^^ read-only-argument
p.add_override("status", "x")
#              ^^^^^^^^ read-only-argument
`);
    check('java', `VpcBgpPeer p = VpcBgpPeer.Builder.create(this, "p").bgpGroupId("g").build();
if (legacy) {
  p.setStatus("x");
//  ^^^^^^^^^ read-only-argument
}
`);
    check('csharp', `var p = new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = "g" });
if (legacy) {
  p.BgpPeerName = "x";
//  ^^^^^^^^^^^ read-only-argument
}
`);
    check('go', `p := vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("g")})
if legacy {
	p.SetStatus(jsii.String("x"))
//	^^^^^^^^^ read-only-argument
}
`);
    // Named as written (an override's path as Terraform names it), read as the language reads it; the fix removes the
    // statement, its line.
    const javaText = `VpcBgpPeer p = VpcBgpPeer.Builder.create(this, "p").bgpGroupId("g").build();\np.addOverride("bgp_peer_name", "x");\n// after\n`;
    const { diagnostics, file, ctx } = analyse(javaText, uriOf('java'));
    assert.deepEqual(diagnostics.map((d) => d.message), ['"bgp_peer_name" is read-only: the provider sets it, so it cannot be written in configuration (read it as p.getBgpPeerName())']);
    assert.deepEqual(removingStatement(file, ctx, javaText, 1), [`VpcBgpPeer p = VpcBgpPeer.Builder.create(this, "p").bgpGroupId("g").build();\n// after\n`]);
  });

  it('a set whose argument is to go is removed with its whole statement, in every language, when the statement can go alone', () => {
    const removed = (language: string, text: string, line: number) => {
      const { file, ctx } = analyse(text, uriOf(language));
      return removingStatement(file, ctx, text, line);
    };
    // TypeScript: its lines go, a comment above and one after it on its line stay; not the body of a brace-less `if`,
    // nor a statement sharing its line.
    const ts = `const p = new VpcBgpPeer(this, "p", { bgpGroupId: "g" });\n// set below\np.status = "x"; // why\np.addOverride("zzzzzz", 3);\nif (x) p.status = "y";\nif (x)\n  p.status = "z";\nfoo(); p.status = "w";\n`;
    assert.deepEqual(removed('typescript', ts, 2), [ts.replace('p.status = "x"; // why', '// why')]);
    assert.deepEqual(removed('typescript', ts, 3), [ts.replace('p.addOverride("zzzzzz", 3);\n', '')], 'an unknown override path with no close name');
    for (const line of [4, 6, 7]) assert.deepEqual(removed('typescript', ts, line), [], `line ${line}`);
    // Python: not the only statement of a block, which would be left empty.
    const py = `p = VpcBgpPeer(self, "p", bgp_group_id="g")\np.status = "x"\nif x:\n    p.status = "y"\nif x:\n    p.put_timeouts(\n        create="1m",\n    )\n    foo()\n`;
    assert.deepEqual(removed('python', py, 1), [py.replace('p.status = "x"\n', '')]);
    assert.deepEqual(removed('python', py, 3), []);
    const gone = `p = VpcBgpPeer(self, "p", bgp_group_id="g")\np.add_override("timeouts.create", "1m")\np.add_override("zzzzzz", 3)\n`;
    assert.deepEqual(removed('python', gone, 2), [gone.replace('p.add_override("zzzzzz", 3)\n', '')]);
    // C#: a property assigned; Java and C# bodies without braces keep theirs.
    const cs = `var p = new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = "g" });\np.Status = "x";\nif (x)\n    p.Status = "y";\nelse\n    p.Status = "z";\n`;
    assert.deepEqual(removed('csharp', cs, 1), [cs.replace('p.Status = "x";\n', '')]);
    assert.deepEqual(removed('csharp', cs, 3), []);
    assert.deepEqual(removed('csharp', cs, 5), []);
    // Go: the override in its jsii.String, the last line of the file.
    const go = `\tp := vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("g")})\n\tp.AddOverride(jsii.String("status"), jsii.String("x"))`;
    assert.deepEqual(removed('go', go, 1), [go.slice(0, go.indexOf('\n\tp.AddOverride'))]);
  });

  it('an argument set after the construct is built that the provider version lacks, removed or deprecated, is reported where it is set', () => {
    const vbr = `const vbr = new ExpressConnectVirtualBorderRouter(this, "vbr", { physicalConnectionId: "pc-1", localGatewayIp: "10.0.0.1", peerGatewayIp: "10.0.0.2", peeringSubnetMask: "255.255.255.252", vlanId: 10 });\n`;
    const file = createSourceFile(uriOf('typescript'), undefined, vbr + `vbr.mtu = 1500;\nvbr.addOverride("mtu", 1500);\nvbr.includeCrossAccountVbr = true;\nvbr.associatedPhysicalConnections = "pc-2";\n`)!;
    const at = (version: string) =>
      file.diagnostics(contextFor([file], defaultSchemas(), version, PROJECT_FILE)).map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.code}: ${d.message}`);
    assert.deepEqual(at('1.200.0'), [
      '1:4-7 newer-than-provider: "mtu" needs alicloud provider 1.263.0 or newer; cdktf.json asks for 1.200.0',
      '2:16-21 newer-than-provider: "mtu" needs alicloud provider 1.263.0 or newer; cdktf.json asks for 1.200.0',
    ]);
    // The same file with another version (cached per set, for the version): removed and deprecated instead.
    assert.deepEqual(at('1.264.0'), [
      '3:4-26 removed-in-provider: "includeCrossAccountVbr" was removed in alicloud provider 1.263.0 (later versions still accept it and ignore it); cdktf.json asks for 1.264.0',
      '4:4-33 deprecated-argument: "associatedPhysicalConnections" is deprecated since alicloud provider 1.263.0: leave it out of new configurations.',
    ]);
    assert.deepEqual(file.diagnostics(contextFor([file], defaultSchemas())), []);
    // In Java too, on the setter; the fix removes the statement, inside its block.
    const javaText = `VpcBgpGroup g = VpcBgpGroup.Builder.create(this, "g").peerAsn(65001).routerId("vbr-1").build();\ng.setRouteLimit(100);\nif (big) {\n    g.setRouteLimit(200); // more\n}\n`;
    const java = createSourceFile(uriOf('java'), undefined, javaText)!;
    const ctx = contextFor([java], defaultSchemas(), '~> 1.250.0', PROJECT_FILE);
    assert.deepEqual(java.diagnostics(ctx).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`), [
      '1:2 "routeLimit" needs alicloud provider 1.261.0 or newer; cdktf.json\'s provider constraint is "~> 1.250.0"',
      '3:6 "routeLimit" needs alicloud provider 1.261.0 or newer; cdktf.json\'s provider constraint is "~> 1.250.0"',
    ]);
    assert.deepEqual(removingStatement(java, ctx, javaText, 1), [
      `VpcBgpGroup g = VpcBgpGroup.Builder.create(this, "g").peerAsn(65001).routerId("vbr-1").build();\nif (big) {\n    g.setRouteLimit(200); // more\n}\n`,
    ]);
    assert.deepEqual(removingStatement(java, ctx, javaText, 3), [
      `VpcBgpGroup g = VpcBgpGroup.Builder.create(this, "g").peerAsn(65001).routerId("vbr-1").build();\ng.setRouteLimit(100);\nif (big) {\n    // more\n}\n`,
    ]);
  });

  it('an override of an argument the resource lacks is unknown-argument on its path, as in a config; Terraform\'s own names are not', () => {
    // The override is written into the JSON, where Terraform refuses a name the resource does not have.
    check('typescript', `const p = new VpcBgpPeer(this, "p", { bgpGroupId: "g" });
p.addOverride("bfd_multihop", 3);
//            ^^^^^^^^^^^^^^ unknown-argument
p.addOverride("enableBfd", true);
//            ^^^^^^^^^^^ unknown-argument
p.addOverride("depends_on", [other]);
p.addOverride("lifecycle", { prevent_destroy: true });
p.addOverride("provisioner.local-exec.command", "echo");
p.addOverride("enable_bfd", true);
p.bfdMultihop = 3;
`);
    check('java', `VpcBgpPeer p = VpcBgpPeer.Builder.create(this, "p").bgpGroupId("g").build();
p.addOverride("ip_verison", "IPv4");
//            ^^^^^^^^^^^^ unknown-argument
`);
    // One argument of a block, by its path: its name and its value.
    check('typescript', `const p = new VpcBgpPeer(this, "p", { bgpGroupId: "g" });
p.addOverride("timeouts.creat", "5m");
//            ^^^^^^^^^^^^^^^^ unknown-argument
p.addOverride("timeouts.delete", "bad");
//                               ^^^^^ invalid-duration
p.addOverride("timeouts.update", "5m");
p.addOverride("lifecycle.prevent_destroy", true);
p.addOverride("bfd_multi_hop.x", 3);
p.addOverride("timeout.create", "5m");
//            ^^^^^^^^^^^^^^^^ unknown-argument
`);
    // A misspelt first segment names a block the resource has, or one of Terraform's.
    assert.deepEqual(
      analyse(`const p = new VpcBgpPeer(this, "p", { bgpGroupId: "g" });\np.addOverride("timeout.create", "5m");\np.addOverride("lifecycl.prevent_destroy", true);\n`, uriOf('typescript')).diagnostics.map((d) => d.message),
      ['Unknown argument "timeout" in VpcBgpPeer. Did you mean "timeouts"?', 'Unknown argument "lifecycl" in VpcBgpPeer. Did you mean "lifecycle"?'],
    );
    assert.deepEqual(codesOf('typescript', `const p = new VpcBgpPeer(this, "p", { bgpGroupId: "g" });\np.addOverride("timeouts.creat", "5m");\n`).length, 1);
    assert.deepEqual(analyse(`const p = new VpcBgpPeer(this, "p", { bgpGroupId: "g" });\np.addOverride("timeouts.creat", "5m");\n`, uriOf('typescript')).diagnostics.map((d) => d.message), [
      'Unknown argument "creat" in the timeouts of VpcBgpPeer. Did you mean "create"?',
    ]);
    // Named as Terraform names it, the suggestion too.
    const { diagnostics } = analyse(`var p = new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = "g" });\np.AddOverride("bfd_multihop", 3);\n`, uriOf('csharp'));
    assert.deepEqual(diagnostics.map((d) => d.message), ['Unknown argument "bfd_multihop" in VpcBgpPeer. Did you mean "bfd_multi_hop"?']);
  });

  it('Go: an override\'s path is written in jsii.String, and is read as in the other languages', () => {
    const peer = `p := vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BfdMultiHop: jsii.Number(10)})\n`;
    assert.deepEqual(codesOf('go', peer), ['missing-required', 'bfd-multi-hop-without-bfd']);
    assert.deepEqual(codesOf('go', peer + `p.AddOverride(jsii.String("bgp_group_id"), group.Id())\np.AddOverride(jsii.String("enable_bfd"), jsii.Bool(true))\n`), []);
    check('go', peer + `p.AddOverride(jsii.String("bgp_group_id"), group.Id())
p.AddOverride(jsii.String("enable_bfd"), jsii.Bool(true))
p.AddOverride(jsii.String("bfd_multi_hop"), jsii.Number(0))
//                                          ^^^^^^^^^^^^^^ value-out-of-range
p.AddOverride(jsii.String("enable_bdf"), jsii.Bool(true))
//                        ^^^^^^^^^^^^ unknown-argument
p.AddOverride(jsii.String("status"), jsii.String("x"))
//                        ^^^^^^^^ read-only-argument
`);
  });

  it('a Java builder kept in a variable and given its arguments on later lines is not missing them', () => {
    const codes = (text: string) => codesOf('java', text);
    const stepwise = `VpcBgpPeer.Builder b = VpcBgpPeer.Builder.create(this, "stepwise");\nb.bgpGroupId("bgpg-1");\nif (bfd) { b.enableBfd(true); }\nVpcBgpPeer p = b.build();\n`;
    assert.deepEqual(codes(stepwise), []);
    // What the statement does write is still judged, and a chain built in one go still lacks what it lacks.
    assert.deepEqual(codes(`VpcBgpPeer.Builder b = VpcBgpPeer.Builder.create(this, "s").bfdMultiHop(300);\n`), ['value-out-of-range']);
    assert.deepEqual(codes(`VpcBgpPeer p = VpcBgpPeer.Builder.create(this, "p").enableBfd(true).build();\n`), ['missing-required']);
  });

  it('a spread or **kwargs may hold required arguments: no missing-required', () => {
    check('typescript', `new VpcBgpPeer(this, "p", { ...common, bfdMultiHop: 10, enableBfd: true });\n`);
    check('python', `VpcBgpPeer(self, "p", **common, bfd_multi_hop=5, ip_version="IPv5")\n#                                                           ^^^^^^ invalid-value\n`);
  });

  it('Python: a dict literal unpacked as the keyword arguments is the config', () => {
    check('python', `VpcBgpPeer(self, "p", **{"bfd_multi_hop": 300, "enable_bfd": True})\n#^^^^^^^^^ missing-required\n#                                         ^^^ value-out-of-range\n`);
    assert.deepEqual(codesOf('python', `VpcBgpPeer(self, "p", **{\n    "bgp_group_id": "bgpg-1",\n    "timeouts": {"creat": "5m"},\n})\n`), ['unknown-argument']);
    // A name as a key is a variable; with two unpackings, it stays a spread.
    assert.deepEqual(codesOf('python', `VpcBgpPeer(self, "p", **{key: "x", "bfd_multi_hop": 3})\n`), []);
    assert.deepEqual(codesOf('python', `VpcBgpPeer(self, "p", **other, **{"bfd_multi_hop": 300})\n`), []);
  });

  it('Python: a dict unpacked beside keyword arguments, or a variable sure to hold a dict literal, is read as part of the config', () => {
    check('python', `VpcBgpPeer(self, "p", bgp_group_id="g", **{"bfd_multi_hop": 300})
#                                          ^^^^^^^^^^^^^^^ bfd-multi-hop-without-bfd
#                                                           ^^^ value-out-of-range
`);
    check('python', `VpcBgpPeer(self, "p", ip_version="IPv4", **{"bfd_multi_hop": 3, "enable_bfd": True})
#^^^^^^^^^ missing-required
`);
    // Given twice, which Python refuses.
    assert.deepEqual(codesOf('python', `VpcBgpPeer(self, "p", bgp_group_id="g", **{"bgp_group_id": "h"})\n`), ['duplicate-argument']);
    const config = `config = {"bgp_group_id": "g", "bfd_multi_hop": 300}
#                              ^^^^^^^^^^^^^^^ bfd-multi-hop-without-bfd
#                                               ^^^ value-out-of-range
`;
    check('python', `${config}VpcBgpPeer(self, "p", **config)\n`);
    check('python', `class S:\n    def build(self):\n${config.replace(/^/gm, '        ').replace(/ +$/, '')}        peer = VpcBgpPeer(self, "p", ip_version="IPv4", **config)\n`);
    check('python', `${config}log(other)\nif fast:\n    pass\nVpcBgpPeer(self, "p", **config)\n`);
    // Unsure what the variable holds at the call: a spread, so nothing is missing and its values are not judged.
    const unsure = (between: string, call = 'VpcBgpPeer(self, "p", **config)\n') => codesOf('python', `config = {"bfd_multi_hop": 300}\n${between}${call}`);
    assert.deepEqual(unsure(''), ['missing-required', 'value-out-of-range', 'bfd-multi-hop-without-bfd']);
    assert.deepEqual(unsure('config["bfd_multi_hop"] = 3\n'), []);
    assert.deepEqual(unsure('config.update(base)\n'), []);
    assert.deepEqual(unsure('tune(config)\n'), []);
    assert.deepEqual(unsure('if fast:\n    config = {"bfd_multi_hop": 3}\n'), []);
    assert.deepEqual(unsure('for x in xs:\n    ', '    VpcBgpPeer(self, "p", **config)\n'), []);
    assert.deepEqual(unsure('def build(config):\n', '    VpcBgpPeer(self, "p", **config)\n'), []);
    assert.deepEqual(codesOf('python', `if fast:\n    config = {"bfd_multi_hop": 300}\nVpcBgpPeer(self, "p", **config)\n`), []);
    assert.deepEqual(codesOf('python', `config = dict(bfd_multi_hop=300)\nVpcBgpPeer(self, "p", **config)\n`), []);
    assert.deepEqual(codesOf('python', `config = {"bfd_multi_hop": 300}\n${'x = 1\n'.repeat(200)}VpcBgpPeer(self, "p", **config)\n`), []);
  });

  it('Python: a dict may write a key twice, legally: the last value is the one judged, the earlier reported as ignored', () => {
    check('python', `VpcBgpPeer(self, "p", **{"bgp_group_id": "g", "bfd_multi_hop": 300, "bfd_multi_hop": 3, "enable_bfd": True})\n#                                             ^^^^^^^^^^^^^^^ repeated-argument\n`);
    check(
      'python',
      `VpcBgpPeer(self, "p", **{"bgp_group_id": "g", "bfd_multi_hop": 3, "bfd_multi_hop": 300, "enable_bfd": True})\n#                                             ^^^^^^^^^^^^^^^ repeated-argument\n#                                                                                  ^^^ value-out-of-range\n`,
    );
    check('python', `VpcBgpPeer(self, "p", bgp_group_id="g", timeouts={"create": "1m", "create": "2m"})\n#                                                 ^^^^^^^^ repeated-argument\n`);
    // Also a dict whose entries join the call's keyword arguments, written beside them or held by a variable.
    check('python', `VpcBgpPeer(self, "p", bgp_group_id="g", **{"bfd_multi_hop": 300, "bfd_multi_hop": 3, "enable_bfd": True})\n#                                          ^^^^^^^^^^^^^^^ repeated-argument\n`);
    check('python', `config = {"bgp_group_id": "g", "bfd_multi_hop": 300, "bfd_multi_hop": 3, "enable_bfd": True}\n#                              ^^^^^^^^^^^^^^^ repeated-argument\nVpcBgpPeer(self, "p", **config)\n`);
    // Keyword arguments given twice are a SyntaxError in Python: an error, as in the other languages.
    assert.deepEqual(codesOf('python', `VpcBgpPeer(self, "p", bgp_group_id="g", enable_bfd=True, enable_bfd=False)\n`), ['duplicate-argument']);
  });

  it('Java: a builder setter called twice is legal, the last value counts: the earlier is reported as ignored, not judged', () => {
    check(
      'java',
      `VpcBgpPeer.Builder.create(this, "p").bgpGroupId("g").enableBfd(true).bfdMultiHop(300).bfdMultiHop(3).build();\n//                                                                   ^^^^^^^^^^^ repeated-argument\n`,
    );
    check(
      'java',
      `VpcBgpPeer.Builder.create(this, "p").bgpGroupId("g").enableBfd(true).bfdMultiHop(3).bfdMultiHop(300).build();\n//                                                                   ^^^^^^^^^^^ repeated-argument\n//                                                                                              ^^^ value-out-of-range\n`,
    );
    // The last value is the one the cross-field rules read: BFD is off in the end.
    assert.deepEqual(codesOf('java', `VpcBgpPeer.Builder.create(this, "p").bgpGroupId("g").enableBfd(true).bfdMultiHop(3).enableBfd(false).build();\n`).sort(), [
      'bfd-multi-hop-without-bfd',
      'repeated-argument',
    ]);
    // In a nested struct's builder too.
    assert.deepEqual(
      codesOf('java', `VpcBgpPeer.Builder.create(this, "p").bgpGroupId("g").timeouts(VpcBgpPeerTimeouts.builder().create("bad").create("5m").build()).build();\n`),
      ['repeated-argument'],
    );
  });

  it('a spread may hold the ip_version an IPv6 peer needs: not taken at its default (IPv4)', () => {
    const group = `const g6 = new VpcBgpGroup(this, "g6", { routerId: "vbr-1", peerAsn: 65001, ipVersion: "IPv6" });\n`;
    check('typescript', group + `new VpcBgpPeer(this, "p", { ...common, bgpGroupId: g6.id, peerIpAddress: "2001:db8::1" });\n`);
    // `undefined` written after the spread wins over it: the default, for sure.
    check(
      'typescript',
      group +
        `new VpcBgpPeer(this, "p", { ...common, bgpGroupId: g6.id, peerIpAddress: "2001:db8::1", ipVersion: undefined });\n` +
        `//                                                 ^^^^^ group-ip-version-mismatch\n` +
        `//                                                                       ^^^^^^^^^^^^^ ip-version-mismatch\n`,
    );
    // Without the spread, both the address and the group contradict the default.
    check(
      'typescript',
      group +
        `new VpcBgpPeer(this, "p", { bgpGroupId: g6.id, peerIpAddress: "2001:db8::1" });\n` +
        `//                                      ^^^^^ group-ip-version-mismatch\n` +
        `//                                                            ^^^^^^^^^^^^^ ip-version-mismatch\n`,
    );
  });
});

describe('CDKTF: arguments set after the construct is built, as other constructs see them', () => {
  const vbr = `const vbr = new ExpressConnectVirtualBorderRouter(this, "vbr", { physicalConnectionId: "pc-1", localGatewayIp: "10.0.0.1", peerGatewayIp: "10.0.0.2", peeringSubnetMask: "255.255.255.252", vlanId: 10 });\n`;
  const group = `new VpcBgpGroup(this, "g", { routerId: vbr.id, peerAsn: 65001, ipVersion: "IPv6" });\n`;
  const codes = (text: string) => codesOf('typescript', text);

  it('a VBR given enable_ipv6 after it is built is not one that leaves IPv6 off, whatever the language', () => {
    assert.deepEqual(codes(vbr + group), ['ipv6-not-enabled']);
    assert.deepEqual(codes(vbr + 'vbr.enableIpv6 = true;\n' + group), []);
    assert.deepEqual(codes(vbr + 'vbr.addOverride("enable_ipv6", true);\n' + group), []);
    // Written in the config too: the value set later is the one that counts.
    assert.deepEqual(codes(vbr.replace('vlanId: 10', 'vlanId: 10, enableIpv6: false') + 'vbr.enableIpv6 = true;\n' + group), []);
    assert.deepEqual(codes(vbr.replace('vlanId: 10', 'vlanId: 10, enableIpv6: false') + group), ['ipv6-not-enabled']);
    // And for the construct's own rules: BFD written off, then turned on.
    assert.deepEqual(codes('const p = new VpcBgpPeer(this, "p", { bgpGroupId: "g", enableBfd: false, bfdMultiHop: 10 });\np.enableBfd = true;\n'), []);
    assert.deepEqual(codes('const p = new VpcBgpPeer(this, "p", { bgpGroupId: "g", enableBfd: false, bfdMultiHop: 10 });\n'), ['bfd-multi-hop-without-bfd']);
    // The same with a spread in the config: the later set still counts.
    assert.deepEqual(codes('const p = new VpcBgpPeer(this, "p", { ...common, bgpGroupId: "g", enableBfd: false, bfdMultiHop: 10 });\np.enableBfd = true;\n'), []);
    assert.deepEqual(codes('const p = new VpcBgpPeer(this, "p", { ...common, bgpGroupId: "g", enableBfd: false, bfdMultiHop: 10 });\n'), ['bfd-multi-hop-without-bfd']);
    const py =
      `vbr = ExpressConnectVirtualBorderRouter(self, "vbr", physical_connection_id="pc-1", local_gateway_ip="10.0.0.1", peer_gateway_ip="10.0.0.2", peering_subnet_mask="255.255.255.252", vlan_id=10)\n` +
      `vbr.enable_ipv6 = True\nVpcBgpGroup(self, "g", router_id=vbr.id, peer_asn=65001, ip_version="IPv6")\n`;
    const f = createSourceFile(uriOf('python'), undefined, py)!;
    assert.deepEqual(f.diagnostics(contextFor([f], defaultSchemas())), []);
  });

  it('typing the set, or deleting it, changes the findings of the construct that refers to it (the module signature sees it)', () => {
    const f = createSourceFile(uriOf('typescript'), undefined, vbr + group)!;
    const now = () => f.diagnostics(contextFor([f], defaultSchemas())).map((d) => d.code);
    assert.deepEqual(now(), ['ipv6-not-enabled']);
    const at = { line: 1, character: 0 };
    f.update([{ range: { start: at, end: at }, text: 'vbr.enableIpv6 = true;\n' }]);
    assert.deepEqual(now(), []);
    f.update([{ range: { start: at, end: { line: 2, character: 0 } }, text: '' }]);
    assert.deepEqual(now(), ['ipv6-not-enabled']);
  });
});

describe('CDKTF: one variable name in two scopes', () => {
  const codes = (language: string, text: string) => codesOf(language, text).sort();

  it('a group of each of two stacks named alike is not taken for the other, nor one of another stack alone', () => {
    const py = (second: string) =>
      `class V6Stack(TerraformStack):\n    def __init__(self, scope, id):\n        super().__init__(scope, id)\n` +
      `        group = VpcBgpGroup(self, "group", router_id="vbr-6", peer_asn=65001, ip_version="IPv6")\n\n` +
      `class V4Stack(TerraformStack):\n    def __init__(self, scope, id):\n        super().__init__(scope, id)\n` +
      `        ${second} = VpcBgpGroup(self, "group", router_id="vbr-4", peer_asn=65002)\n` +
      `        VpcBgpPeer(self, "peer", bgp_group_id=group.id, peer_ip_address="10.0.1.2")\n`;
    // Two variables of the name: the module knows both as `alicloud_vpc_bgp_group.group`, so neither is followed.
    assert.deepEqual(codes('python', py('group')), []);
    // One, but another method's variable: not the peer's `group` either.
    assert.deepEqual(codes('python', py('other')), []);
    assert.deepEqual(codes('python', py('other').replace('bgp_group_id=group.id', 'bgp_group_id=other.id').replace('peer_asn=65002', 'peer_asn=65002, ip_version="IPv6"')), ['group-ip-version-mismatch']);
    const ts = (second: string) =>
      `class A extends TerraformStack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n` +
      `    const group = new VpcBgpGroup(this, "group", { routerId: "vbr-6", peerAsn: 65001, ipVersion: "IPv6" });\n  }\n}\n` +
      `class B extends TerraformStack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n` +
      `    const ${second} = new VpcBgpGroup(this, "group", { routerId: "vbr-4", peerAsn: 65002 });\n` +
      `    new VpcBgpPeer(this, "peer", { bgpGroupId: group.id, peerIpAddress: "10.0.1.2" });\n  }\n}\n`;
    assert.deepEqual(codes('typescript', ts('group')), []);
    assert.deepEqual(codes('typescript', ts('other')), []);
  });

  // An IPv6 group, and an IPv4 peer given `group`: a mismatch only when `group` is that group where it is read.
  const V6 = { go: 'IpVersion: jsii.String("IPv6")' };

  it('Go: a parameter named like a construct of another function is not that construct; in the same function it is', () => {
    const go = (peerFunc: string) => `package main
func newIPv6Group(stack cdktf.TerraformStack, vbrID *string) vpcbgpgroup.VpcBgpGroup {
	group := vpcbgpgroup.NewVpcBgpGroup(stack, jsii.String("v6"), &vpcbgpgroup.VpcBgpGroupConfig{
		RouterId: vbrID, PeerAsn: jsii.Number(65001), ${V6.go}})
${peerFunc}
	return group
}
func addIPv4Peer(stack cdktf.TerraformStack, group vpcbgpgroup.VpcBgpGroup, name string) {
	vpcbgppeer.NewVpcBgpPeer(stack, jsii.String(name), &vpcbgppeer.VpcBgpPeerConfig{
		BgpGroupId: group.Id(), PeerIpAddress: jsii.String("10.0.0.2")})
}
`;
    assert.deepEqual(codes('go', go('')), []);
    const same = `	vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("same"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tBgpGroupId: group.Id(), PeerIpAddress: jsii.String("10.0.0.3")})`;
    assert.deepEqual(codes('go', go(same)), ['group-ip-version-mismatch']);
    // A closure in the function sees the group; one that takes a `group` of its own does not.
    const closure = (params: string) => `\tfor _, ip := range ips {\n\t\tfunc(${params}) {\n${same.replace(/^\t/gm, '\t\t\t')}\n\t\t}(ip)\n\t}`;
    assert.deepEqual(codes('go', go(closure('ip string'))), ['group-ip-version-mismatch']);
    assert.deepEqual(codes('go', go(closure('group vpcbgpgroup.VpcBgpGroup'))), []);
    // A local of the same name in a block in between.
    assert.deepEqual(codes('go', go(`\tif true {\n\t\tgroup := other()\n${same.replace(/^\t/gm, '\t\t')}\n\t}`)), []);
  });

  it('C#, Java: a method parameter named like another method\'s construct is not it; a field is seen in the class\'s methods', () => {
    const cs = (param: string) => `static class Bgp
{
    public static VpcBgpGroup NewIpv6Group(TerraformStack stack, string vbrId)
    {
        var group = new VpcBgpGroup(stack, "v6", new VpcBgpGroupConfig { RouterId = vbrId, PeerAsn = 65001, IpVersion = "IPv6" });
        return group;
    }

    public static void AddIpv4Peer(TerraformStack stack, ${param}, string name)
    {
        new VpcBgpPeer(stack, name, new VpcBgpPeerConfig { BgpGroupId = group.Id, PeerIpAddress = "10.0.0.2" });
    }
}
`;
    assert.deepEqual(codes('csharp', cs('VpcBgpGroup group')), []);
    assert.deepEqual(codes('csharp', cs('VpcBgpGroup other')), []);
    const field = `class S : TerraformStack
{
    private VpcBgpGroup group = new VpcBgpGroup(this, "v6", new VpcBgpGroupConfig { RouterId = "vbr-1", PeerAsn = 65001, IpVersion = "IPv6" });

    void Peer(string PARAM)
    {
        new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = group.Id, PeerIpAddress = "10.0.0.2" });
    }
}
`;
    assert.deepEqual(codes('csharp', field.replace('PARAM', 'name')), ['group-ip-version-mismatch']);
    assert.deepEqual(codes('csharp', field.replace('string PARAM', 'VpcBgpGroup group')), []);
    const java = (param: string) => `public class Main extends TerraformStack {
    public Main(Construct scope, String id) {
        super(scope, id);
        VpcBgpGroup group = VpcBgpGroup.Builder.create(this, "v6").routerId("vbr-1").peerAsn(65001).ipVersion("IPv6").build();
    }

    void addPeer(${param}) {
        VpcBgpPeer.Builder.create(this, "p").bgpGroupId(group.getId()).peerIpAddress("10.0.0.2").build();
    }
}
`;
    assert.deepEqual(codes('java', java('VpcBgpGroup group')), []);
    assert.deepEqual(codes('java', java('String name')), []);
    assert.deepEqual(codes('java', java('String name').replace('ipVersion("IPv6").build();\n    }\n\n    void addPeer(String name) {', 'ipVersion("IPv6").build();')), ['group-ip-version-mismatch']);
  });

  it('TypeScript, Python: a module-level group is seen in functions that do not take a parameter of its name; a field in its class only', () => {
    const ts = (params: string) => `const group = new VpcBgpGroup(stack, "v6", { routerId: "vbr-1", peerAsn: 65001, ipVersion: "IPv6" });
function addPeer(${params}) {
  new VpcBgpPeer(stack, "p", { bgpGroupId: group.id, peerIpAddress: "10.0.0.2" });
}
ips.forEach((${params}) => new VpcBgpPeer(stack, "q", { bgpGroupId: group.id, peerIpAddress: "10.0.0.3" }));
`;
    assert.deepEqual(codes('typescript', ts('ip: string')), ['group-ip-version-mismatch', 'group-ip-version-mismatch']);
    assert.deepEqual(codes('typescript', ts('group: VpcBgpGroup')), []);
    const members = (other: string) => `class A extends TerraformStack {
  group: VpcBgpGroup;
  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.group = new VpcBgpGroup(this, "v6", { routerId: "vbr-1", peerAsn: 65001, ipVersion: "IPv6" });
  }
  addPeer() {
    new VpcBgpPeer(this, "p", { bgpGroupId: this.group.id, peerIpAddress: "10.0.0.2" });
  }
}
${other}`;
    assert.deepEqual(codes('typescript', members('')), ['group-ip-version-mismatch']);
    assert.deepEqual(codes('typescript', members('class B extends TerraformStack {\n  m() {\n    new VpcBgpPeer(this, "q", { bgpGroupId: this.group.id });\n  }\n}\n')), ['group-ip-version-mismatch']);
    const py = (params: string) => `group = VpcBgpGroup(stack, "v6", router_id="vbr-1", peer_asn=65001, ip_version="IPv6")

def add_peer(${params}):
    VpcBgpPeer(stack, "p", bgp_group_id=group.id, peer_ip_address="10.0.0.2")

class S(TerraformStack):
    def __init__(self, scope, id):
        self.g6 = VpcBgpGroup(self, "g6", router_id="vbr-1", peer_asn=65001, ip_version="IPv6")

    def peer(self):
        VpcBgpPeer(self, "q", bgp_group_id=self.g6.id, peer_ip_address="10.0.0.3")

class T(TerraformStack):
    def peer(self):
        VpcBgpPeer(self, "r", bgp_group_id=self.g6.id, peer_ip_address="10.0.0.4")
`;
    assert.deepEqual(codes('python', py('ip')), ['group-ip-version-mismatch', 'group-ip-version-mismatch']);
    assert.deepEqual(codes('python', py('group')), ['group-ip-version-mismatch']);
    // Assigned in the function: its own variable there.
    assert.deepEqual(codes('python', py('ip').replace('def add_peer(ip):\n', 'def add_peer(ip):\n    group = lookup(ip)\n')), ['group-ip-version-mismatch']);
  });

  it('a value set later is on the construct whose variable is in scope where it is set, and never after the variable is reassigned', () => {
    // BFD hop count written, BFD off: `bfd-multi-hop-without-bfd` unless a set on the construct turns BFD on. A set
    // of 300 checked on that construct is out of range.
    check('typescript', `const p = new VpcBgpPeer(this, "p", { bgpGroupId: "g", bfdMultiHop: 10 });
//                                                     ^^^^^^^^^^^ bfd-multi-hop-without-bfd
function tune(p: Other) {
  p.enableBfd = true;
  p.bfdMultiHop = 300;
}
`);
    check('typescript', `function a() {
  const p = new VpcBgpPeer(this, "a", { bgpGroupId: "g", bfdMultiHop: 10 });
  if (fast) {
    p.enableBfd = true;
    p.bfdMultiHop = 300;
//                  ^^^ value-out-of-range
  }
}
function b() {
  const p = new VpcBgpPeer(this, "b", { bgpGroupId: "g", bfdMultiHop: 10 });
//                                                       ^^^^^^^^^^^ bfd-multi-hop-without-bfd
}
`);
    check('typescript', `let p = new VpcBgpPeer(this, "p", { bgpGroupId: "g", bfdMultiHop: 10 });
//                                                   ^^^^^^^^^^^ bfd-multi-hop-without-bfd
p = other;
p.enableBfd = true;
p.bfdMultiHop = 300;
`);
    check('python', `p = VpcBgpPeer(self, "p", bgp_group_id="g", bfd_multi_hop=10)
#                                           ^^^^^^^^^^^^^ bfd-multi-hop-without-bfd
def tune(p):
    p.enable_bfd = True
    p.bfd_multi_hop = 300
`);
    check('python', `p = VpcBgpPeer(self, "p", bgp_group_id="g", bfd_multi_hop=10)
#                                           ^^^^^^^^^^^^^ bfd-multi-hop-without-bfd
p = other
p.enable_bfd = True
`);
    check('java', `class S {
    S() {
        VpcBgpPeer p = VpcBgpPeer.Builder.create(this, "p").bgpGroupId("g").bfdMultiHop(10).build();
//                                                                          ^^^^^^^^^^^ bfd-multi-hop-without-bfd
    }
    void tune(VpcBgpPeer p) {
        p.setEnableBfd(true);
        p.setBfdMultiHop(300);
    }
}
`);
    check('java', `VpcBgpPeer p = VpcBgpPeer.Builder.create(this, "p").bgpGroupId("g").bfdMultiHop(10).build();
//                                                                  ^^^^^^^^^^^ bfd-multi-hop-without-bfd
p = other;
p.setEnableBfd(true);
`);
    check('csharp', `class S {
    void Build() {
        var p = new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = "g", BfdMultiHop = 10 });
//                                                                                 ^^^^^^^^^^^ bfd-multi-hop-without-bfd
    }
    void Tune(Other p) {
        p.EnableBfd = true;
    }
}
`);
    check('csharp', `var p = new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = "g", BfdMultiHop = 10 });
//                                                                         ^^^^^^^^^^^ bfd-multi-hop-without-bfd
p = other;
p.EnableBfd = true;
`);
    check('go', `func build(stack cdktf.TerraformStack) {
	p := vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("g"), BfdMultiHop: jsii.Number(10)})
//	                                                                                                                ^^^^^^^^^^^ bfd-multi-hop-without-bfd
}
func tune(p vpcbgppeer.VpcBgpPeer) {
	p.SetEnableBfd(jsii.Bool(true))
}
`);
    check('go', `func build(stack cdktf.TerraformStack) {
	p := vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("g"), BfdMultiHop: jsii.Number(10)})
//	                                                                                                                ^^^^^^^^^^^ bfd-multi-hop-without-bfd
	p = other
	p.SetEnableBfd(jsii.Bool(true))
}
`);
    // In scope, in every language: the set is on the construct.
    assert.deepEqual(codesOf('python', `class S:\n    def __init__(self):\n        p = VpcBgpPeer(self, "p", bgp_group_id="g", bfd_multi_hop=10)\n        if fast:\n            p.enable_bfd = True\n`), []);
    assert.deepEqual(codesOf('java', `class S {\n    S() {\n        VpcBgpPeer p = VpcBgpPeer.Builder.create(this, "p").bgpGroupId("g").bfdMultiHop(10).build();\n        p.setEnableBfd(true);\n    }\n}\n`), []);
    assert.deepEqual(codesOf('csharp', `class S {\n    void Build() {\n        var p = new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = "g", BfdMultiHop = 10 });\n        p.EnableBfd = true;\n    }\n}\n`), []);
    assert.deepEqual(codesOf('go', `func build(stack cdktf.TerraformStack) {\n\tp := vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("g"), BfdMultiHop: jsii.Number(10)})\n\tp.SetEnableBfd(jsii.Bool(true))\n}\n`), []);
  });
  it('a set after the variable is bound again otherwise than by `p = other` is on no construct: a loop, `as`, a chain, a walrus, a list', () => {
    // Each form binds `p` again before the set: the set is on no construct, the construct keeps its warning.
    const py = (between: string) => `p = VpcBgpPeer(self, "p", bgp_group_id="g", bfd_multi_hop=10)
#                                           ^^^^^^^^^^^^^ bfd-multi-hop-without-bfd
${between}
p.enable_bfd = True
`;
    for (const between of [
      'for p in others:\n    pass',
      'for i, p in enumerate(others):\n    pass',
      'for (i, p) in enumerate(others):\n    pass',
      'with session() as p:\n    pass',
      'try:\n    f()\nexcept Error as p:\n    pass',
      'import other as p',
      'a = p = other',
      'if (p := other):\n    pass',
      'p, q = other, x',
      'q, p = other, x',
      '(q, p) = other, x',
      '[q, p] = other, x',
      'p: Other = other',
    ]) check('python', py(between));
    // Not bound again: a comprehension's own name (also over several lines), keyword arguments, parameters, values.
    for (const between of ['xs = [\n    f(p)\n    for p in items\n]', 'xs = [f(p) for p in items]', 'f(a, p=1)', 'def g(a, p=1):\n    pass', 'x, y = p, q', 'with p as q:\n    pass', 'p: VpcBgpPeer', 'm[p] = 1', 'handlers = {\n    p: lambda x=1: x,\n}']) {
      assert.deepEqual(codesOf('python', py(between).replace(/^#.*\n/m, '')), [], between);
    }
    // Bound in a function (its own variable there, a bracketed target too): the module's variable keeps its set.
    for (const binding of ['[q, p] = pair', '(q, p) = pair', 'for (i, p) in pairs:\n        pass', '(p := other())', 'for p in others:\n        pass']) {
      const text = `p = VpcBgpPeer(self, "p", bgp_group_id="g", bfd_multi_hop=10)\np.enable_bfd = True\n\ndef f():\n    ${binding}\n`;
      assert.deepEqual(codesOf('python', text), [], binding);
    }
    // Bound in a class's body (an attribute of the class, a TypeScript field): the module's variable keeps its set.
    for (const binding of ['class C:\n    p = other', 'class C:\n    p: int = 0']) {
      const text = `p = VpcBgpPeer(self, "p", bgp_group_id="g", bfd_multi_hop=10)\n${binding}\np.enable_bfd = True\n`;
      assert.deepEqual(codesOf('python', text), [], binding);
    }
    assert.deepEqual(codesOf('typescript', `let p = new VpcBgpPeer(this, "p", { bgpGroupId: "g", bfdMultiHop: 10 });\nclass K {\n  p = other;\n}\np.enableBfd = true;\n`), []);
    // ... but a class's own variable bound again in its body is.
    check('python', `class C:
    p = VpcBgpPeer(self, "p", bgp_group_id="g", bfd_multi_hop=10)
#                                               ^^^^^^^^^^^^^ bfd-multi-hop-without-bfd
    p = other
    p.enable_bfd = True
`);
    const go = (between: string) => `func build(stack cdktf.TerraformStack) {
	p := vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("g"), BfdMultiHop: jsii.Number(10)})
//	                                                                                                                ^^^^^^^^^^^ bfd-multi-hop-without-bfd
${between}
	p.SetEnableBfd(jsii.Bool(true))
}
`;
    for (const between of ['\tp, err = other()', '\tp, err := other()', '\terr, p = other()', '\tfor _, p = range others {\n\t}']) check('go', go(between));
    // A new variable of the name in a block of its own (a loop's, an if's, a block's): the set after it is on the construct.
    for (const between of ['\tfor _, p := range others {\n\t\t_ = p\n\t}', '\tif p, ok := x.(T); ok {\n\t\t_ = p\n\t}', '\tif ok {\n\t\terr, p := f()\n\t\t_ = err\n\t}']) {
      assert.deepEqual(codesOf('go', go(between).replace(/^\/\/.*\n/m, '')), [], between);
    }
    // A chain, in the C family too; TypeScript's loop over the variable itself, and destructuring.
    const ts = (between: string) => `let p = new VpcBgpPeer(this, "p", { bgpGroupId: "g", bfdMultiHop: 10 });
//                                                   ^^^^^^^^^^^ bfd-multi-hop-without-bfd
${between}
p.enableBfd = true;
`;
    for (const between of ['a = p = other;', 'for (p of others) {\n}', 'for await (p of others) {\n}', 'for (p in others) {\n}', '[q, p] = pair;', '[p] = pair;']) check('typescript', ts(between));
    for (const between of ['m[p] = 1;', 'const [a, b] = [p, q];', 'x = [p, q];', 'for (const p of others) {\n  p.enableBfd = true;\n}']) {
      assert.deepEqual(codesOf('typescript', ts(between).replace(/^\/\/.*\n/m, '')), [], between);
    }
  });
  it('C#: a capitalized variable assigned again is seen, after a statement or first in a block; an initializer\'s key of the name is not', () => {
    const cs = (between: string) => `class S {
    VpcBgpPeer Peer;
    void Build(bool fast) {
        Peer = new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = "g", BfdMultiHop = 10 });
//                                                                                ^^^^^^^^^^^ bfd-multi-hop-without-bfd
${between}
        Peer.EnableBfd = true;
    }
}
`;
    for (const between of ['        Peer = other;', '        if (fast) {\n            Peer = other;\n        }', '        if (fast)\n        {\n            Peer = Make(this, "x");\n        }', '        if (fast) { } else { Peer = other; }']) {
      check('csharp', cs(between));
    }
    // An initializer's key of the name, after its type or after its constructor's arguments: the set is on the construct.
    for (const between of ['        var x = new Holder { Peer = y };', '        var z = new Holder(a) { Peer = y, B = 1 };', '        var w = new Holder(a)\n        {\n            Peer = y\n        };']) {
      assert.deepEqual(codesOf('csharp', cs(between).replace(/^\/\/.*\n/m, '')), [], between);
    }
  });
  it('Java, C#: a local beside a field of its name takes the sets written `p` in its scope; the field those written `this.p`, or `p` where no local or parameter hides it', () => {
    const build = (id: string) => `VpcBgpPeer.Builder.create(this, "${id}").bgpGroupId("g").bfdMultiHop(10).build()`;
    check('java', `class S {
    VpcBgpPeer p;
    S() {
        this.p = ${build('f')};
        VpcBgpPeer p = ${build('l')};
        p.setEnableBfd(true);
    }
    void t() {
        p.setEnableBfd(true);
    }
}
`);
    // `this.p` beside the local is the field; the local keeps its warning.
    check('java', `class S {
    VpcBgpPeer p;
    S() {
        this.p = ${build('f')};
        VpcBgpPeer p = ${build('l')};
//                                                                          ^^^^^^^^^^^ bfd-multi-hop-without-bfd
        this.p.setEnableBfd(true);
    }
}
`);
    // The same with a field declared in the class's body.
    check('java', `class S {
    VpcBgpPeer p = ${build('f')};
    void t() {
        VpcBgpPeer p = ${build('l')};
//                                                                          ^^^^^^^^^^^ bfd-multi-hop-without-bfd
        this.p.setEnableBfd(true);
    }
}
`);
    // A parameter of the name hides the field: the set is on neither.
    check('java', `class S {
    VpcBgpPeer p;
    S() {
        this.p = ${build('f')};
//                                                                    ^^^^^^^^^^^ bfd-multi-hop-without-bfd
    }
    void t(VpcBgpPeer p) {
        p.setEnableBfd(true);
    }
}
`);
    // The field assigned something else does not reassign the local.
    check('java', `class S {
    VpcBgpPeer p;
    S() {
        VpcBgpPeer p = ${build('l')};
        this.p = other;
        p.setEnableBfd(true);
    }
}
`);
    check('csharp', `class S {
    VpcBgpPeer p;
    S() {
        this.p = new VpcBgpPeer(this, "f", new VpcBgpPeerConfig { BgpGroupId = "g", BfdMultiHop = 10 });
        var p = new VpcBgpPeer(this, "l", new VpcBgpPeerConfig { BgpGroupId = "g", BfdMultiHop = 10 });
        p.EnableBfd = true;
    }
    void T() {
        this.p.EnableBfd = true;
    }
}
`);
  });
  it('a construct assigned to a name declared outside its block (a field, in a constructor) is that variable: set and referred to where it is in scope', () => {
    const build = `VpcBgpPeer.Builder.create(this, "f").bgpGroupId("g").bfdMultiHop(10).build()`;
    // Java: the field declared in the class's body, or not in this file at all (a base class's).
    for (const field of ['    private VpcBgpPeer peer;\n', '']) {
      assert.deepEqual(codesOf('java', `class S extends Base {\n${field}    S() {\n        peer = ${build};\n    }\n    void tune() {\n        peer.setEnableBfd(true);\n    }\n}\n`), [], field);
    }
    // ... hidden in a method by a parameter of its name.
    assert.deepEqual(codesOf('java', `class S {\n    S() {\n        peer = ${build};\n    }\n    void tune(VpcBgpPeer peer) {\n        peer.setEnableBfd(true);\n    }\n}\n`), ['bfd-multi-hop-without-bfd']);
    assert.deepEqual(codesOf('csharp', `class S {\n    private VpcBgpPeer Peer;\n    S() {\n        Peer = new VpcBgpPeer(this, "f", new VpcBgpPeerConfig { BgpGroupId = "g", BfdMultiHop = 10 });\n    }\n    void Tune() {\n        Peer.EnableBfd = true;\n    }\n}\n`), []);
    // A reference to it from another method means it.
    assert.deepEqual(codesOf('java', `class S {\n    private VpcBgpGroup group;\n    S() {\n        group = VpcBgpGroup.Builder.create(this, "g").routerId("vbr-1").peerAsn(65001).ipVersion("IPv6").build();\n    }\n    void m() {\n        VpcBgpPeer.Builder.create(this, "p").bgpGroupId(group.getId()).peerIpAddress("10.0.0.2").build();\n    }\n}\n`), ['group-ip-version-mismatch']);
    // TypeScript: a module's `let`, assigned in one function, set in another.
    assert.deepEqual(codesOf('typescript', `let p: VpcBgpPeer;\nfunction build() {\n  p = new VpcBgpPeer(this, "p", { bgpGroupId: "g", bfdMultiHop: 10 });\n}\nfunction tune() {\n  p.enableBfd = true;\n}\n`), []);
  });
});

describe('CDKTF: what a construct is offered to refer to', () => {
  it('the fix and the completion of a group id offer only a group whose variable is in scope where the peer is written', () => {
    const go = (between: string) => `package main
func NewNetworkStack(scope cdktf.App) vpcbgpgroup.VpcBgpGroup {
	stack := cdktf.NewTerraformStack(scope, jsii.String("network"))
	group := vpcbgpgroup.NewVpcBgpGroup(stack, jsii.String("group"), &vpcbgpgroup.VpcBgpGroupConfig{
		RouterId: jsii.String("vbr-1"),
		PeerAsn:  jsii.Number(65001),
	})
${between}	vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("peer"), &vpcbgppeer.VpcBgpPeerConfig{
		PeerIpAddress: jsii.String("10.0.0.2"),
	})
	return group
}
`;
    const titles = (text: string) => {
      const { file, ctx } = analyse(text, uriOf('go'));
      return file.findingsAt({ start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } }, ctx).flatMap((f) => f.value.fixes.map((x) => x.title));
    };
    assert.deepEqual(titles(go('')), ['Add BgpGroupId: group.Id()']);
    // The peer in another function (another stack): `group` does not exist there, the fix writes a placeholder.
    assert.deepEqual(titles(go('\treturn group\n}\n\nfunc NewPeerStack(scope cdktf.App) {\n\tstack := cdktf.NewTerraformStack(scope, jsii.String("peers"))\n')), [
      'Add BgpGroupId: jsii.String("bgpg-2zev8h2uxpbnexample01") (placeholder)',
    ]);
    const offered = (fixture: string) => {
      const { text, pos } = cursor(fixture);
      const f = createSourceFile(uriOf('typescript'), undefined, text)!;
      const c = f.cursorContext(pos)!;
      return complete(c.cursor, contextFor([f], defaultSchemas()), f.completionWriter).map((i) => i.insertText);
    };
    const ts = (between: string) =>
      `function a() {\n  const group = new VpcBgpGroup(this, "g", { routerId: "vbr-1", peerAsn: 65001 });\n${between}` +
      `  new VpcBgpPeer(this, "p", { peerIpAddress: "10.0.0.2", bgpGroupId: | });\n}\n`;
    assert.ok(offered(ts('')).some((t) => t.includes('group.id')), 'in scope');
    assert.ok(!offered(ts('}\nfunction b(group: string) {\n')).some((t) => t.includes('group.id')), 'a parameter of the name');
    assert.ok(!offered(ts('}\nfunction b() {\n')).some((t) => t.includes('group.id')), 'another function');
  });

  it('a TypeScript field initialized where it is declared is offered and written as this.field, the name its methods read', () => {
    const ts = (modifiers: string) => `class S extends TerraformStack {
  ${modifiers} group = new VpcBgpGroup(this, "g", { routerId: "vbr-1", peerAsn: 65001, ipVersion: "IPv6" });
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new VpcBgpPeer(this, "p", { bgpGroupId: this.group.id, peerIpAddress: "10.0.0.2" });
    new VpcBgpPeer(this, "q", { peerIpAddress: "10.0.0.3", ipVersion: "IPv6" });
  }
}
`;
    // Without a modifier too: a name starting a statement in a class's body is a field.
    for (const modifiers of ['private readonly', 'public', 'readonly', '']) {
      const { file, ctx } = analyse(ts(modifiers), uriOf('typescript'));
      const findings = file.findingsAt({ start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } }, ctx).map((f) => f.value);
      // `this.group.id` is the field: its IPv6 is compared with the peer's default IPv4.
      const mismatch = file.diagnostics(ctx).find((d) => d.code === 'group-ip-version-mismatch');
      assert.match(mismatch?.message ?? '', /VpcBgpGroup this\.group \(its bgpGroupId\)/, modifiers);
      const missing = findings.find((f) => f.code === 'missing-required');
      assert.deepEqual(missing?.fixes.map((x) => x.title), ['Add bgpGroupId: this.group.id'], modifiers);
    }
    for (const modifiers of ['private', '']) {
      const { text, pos } = cursor(ts(modifiers).replace('{ peerIpAddress: "10.0.0.3"', '{ bgpGroupId: |, peerIpAddress: "10.0.0.3"'));
      const f = createSourceFile(uriOf('typescript'), undefined, text)!;
      const items = complete(f.cursorContext(pos)!.cursor, contextFor([f], defaultSchemas()), f.completionWriter);
      assert.deepEqual(items.map((i) => i.insertText), ['this.group.id'], modifiers);
    }
    // The same statement in a function's body assigns a variable declared elsewhere: no field.
    const { file } = analyse('let group;\nfunction f() {\n  group = new VpcBgpGroup(this, "g", { routerId: "vbr-1", peerAsn: 65001 });\n}\n', uriOf('typescript'));
    assert.deepEqual([...file.instances()].map(({ value }) => value.name), ['group']);
  });
});

describe('CDKTF: completion and hover contexts', () => {
  function at(language: string, fixture: string) {
    const { text, pos } = cursor(fixture);
    const f = createSourceFile(uriOf(language), undefined, text)!;
    const ctx = contextFor([f], defaultSchemas());
    const c = f.cursorContext(pos);
    return { f, ctx, c, pos, items: c ? complete(c.cursor, ctx, f.completionWriter) : [] };
  }

  /** After `create`, a timeouts struct offers the other keys, as each language names them, at every fixture's cursor. */
  function expectTimeoutKeysLeft(fixtures: Record<string, string>): void {
    const want: Record<string, string[]> = {
      typescript: ['update', 'delete'],
      python: ['update', 'delete'],
      java: ['update', 'delete'],
      csharp: ['Update', 'Delete'],
      go: ['Update', 'Delete'],
    };
    for (const [language, fixture] of Object.entries(fixtures)) {
      const { c, items } = at(language, fixture);
      assert.equal(c?.cursor.mode, 'key', language);
      assert.deepEqual(items.map((i) => i.label), want[language], language);
    }
  }

  it('a name completed on a name that has its value replaces the name only; in a comment nothing is offered', () => {
    const insert = (language: string, fixture: string) => at(language, fixture).items.find((i) => /^peer_?ip_?address$/i.test(i.label))?.insertText;
    assert.equal(insert('typescript', `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "x",\n  |bfdMultiHop: 3,\n});`), 'peerIpAddress');
    assert.equal(insert('python', `VpcBgpPeer(self, "p",\n    bgp_group_id="x",\n    bfd_m|ulti_hop=3,\n)`), 'peer_ip_address');
    assert.equal(insert('csharp', `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig {\n    BgpGroupId = "x",\n    |BfdMultiHop = 3,\n});`), 'PeerIpAddress');
    assert.equal(insert('go', `vpcbgppeer.NewVpcBgpPeer(s, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\tBgpGroupId: jsii.String("x"),\n\t|BfdMultiHop: jsii.Number(3),\n})`), 'PeerIpAddress');
    assert.equal(insert('java', `VpcBgpPeer.Builder.create(this, "p").bgpGroupId("x").|bfdMultiHop(3).build();`), 'peerIpAddress');
    // Java, before `build()`: the link, then the `.` that keeps `build()` in the chain.
    assert.equal(insert('java', `VpcBgpPeer.Builder.create(this, "p").bgpGroupId("x").|build();`), 'peerIpAddress("${1:10.0.0.2}").');
    assert.equal(insert('java', `VpcBgpPeer.Builder.create(this, "p").bgpGroupId("x").b|uild();`), 'peerIpAddress("${1:10.0.0.2}").');
    assert.deepEqual(at('typescript', `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "x",\n  // |\n});`).items, []);
    assert.deepEqual(at('typescript', `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "x",\n  /* a\n  | */\n});`).items, []);
    assert.deepEqual(at('python', `VpcBgpPeer(self, "p",\n    bgp_group_id="x",\n    # en|\n)`).items, []);
    // A construct built without a config: no name to complete after its id (the quick fix writes the config).
    assert.deepEqual(at('typescript', `new VpcBgpPeer(this, "p"|);`).items, []);
    assert.deepEqual(at('go', `vpcbgppeer.NewVpcBgpPeer(s, jsii.String("p"), nil|)`).items, []);
    assert.ok(at('typescript', `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "x", // note\n  |\n});`).items.length > 0, 'after a comment, on a line of its own');
    assert.ok(at('typescript', `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "x", // globs like /* here\n  |\n});`).items.length > 0, 'a "/*" inside a line comment opens nothing');
    assert.ok(at('typescript', `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "x", /* a */ /* b */\n  |\n});`).items.length > 0);
  });

  it('a value completed before a written value, or in other quotes, replaces it whole, wrapper and quotes included', () => {
    /** The line with the first item applied, as the editor would write it. */
    const applied = (language: string, fixture: string, label: string) => {
      const { items, pos } = at(language, fixture);
      const item = items.find((i) => i.label === label || i.label === `"${label}"` || i.label === `jsii.String("${label}")`);
      assert.ok(item, `${label} among ${items.map((i) => i.label).join()} (${language})`);
      const line = cursor(fixture).text.split('\n')[pos.line];
      return line.slice(0, item.range.start.character) + item.insertText + line.slice(item.range.end.character);
    };
    assert.equal(applied('typescript', `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "x",\n  ipVersion: |"IPv4",\n});`, 'IPv6'), '  ipVersion: "IPv6",');
    assert.equal(applied('typescript', `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "x",\n  ipVersion: '|',\n});`, 'IPv6'), '  ipVersion: "IPv6",');
    assert.equal(applied('typescript', `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "x",\n  enableBfd: |Token.asBoolean(true),\n});`, 'false'), '  enableBfd: false,');
    assert.equal(applied('python', `VpcBgpPeer(self, "p",\n    bgp_group_id="x",\n    ip_version='IPv|',\n)`, 'IPv6'), '    ip_version="IPv6",');
    // The editor keeps an item only if its filter text matches what was typed from the range's start: 'IPv.
    const typed = at('python', `VpcBgpPeer(self, "p",\n    bgp_group_id="x",\n    ip_version='IPv|',\n)`);
    for (const item of typed.items) assert.ok(item.filterText?.startsWith(`'IPv`), `${item.filterText} starts with 'IPv`);
    assert.equal(applied('csharp', `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig {\n    BgpGroupId = "x",\n    IpVersion = |"IPv4"\n});`, 'IPv6'), '    IpVersion = "IPv6"');
    assert.equal(applied('java', `VpcBgpPeer.Builder.create(this, "p").bgpGroupId("x").ipVersion(|"IPv4").build();`, 'IPv6').includes('.ipVersion("IPv6").build()'), true);
    assert.equal(applied('go', `vpcbgppeer.NewVpcBgpPeer(s, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\tBgpGroupId: jsii.String("x"),\n\tIpVersion: |jsii.String("IPv4"),\n})`, 'IPv6'), '\tIpVersion: jsii.String("IPv6"),');
  });

  it('keys of the nested timeouts struct, in each language', () => {
    const fixtures: Record<string, string> = {
      typescript: `new VpcBgpPeer(this, "p", { bgpGroupId: "x", timeouts: { create: "5m", | } });`,
      python: `VpcBgpPeer(self, "p", bgp_group_id="x", timeouts=VpcBgpPeerTimeouts(create="5m", |))`,
      java: `VpcBgpPeer.Builder.create(this, "p").bgpGroupId("x").timeouts(VpcBgpPeerTimeouts.builder().create("5m").|.build()).build();`,
      csharp: `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = "x", Timeouts = new VpcBgpPeerTimeouts { Create = "5m", | } });`,
      go: `vpcbgppeer.NewVpcBgpPeer(s, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("x"), Timeouts: &vpcbgppeer.VpcBgpPeerTimeouts{Create: jsii.String("5m"), |}})`,
    };
    expectTimeoutKeysLeft(fixtures);
  });

  it('keys of a timeouts struct set after the construct is built, in each language, as in the config', () => {
    const fixtures: Record<string, string> = {
      typescript: `const p = new VpcBgpPeer(this, "p", { bgpGroupId: "x" });\np.putTimeouts({ create: "5m", | });`,
      python: `p = VpcBgpPeer(self, "p", bgp_group_id="x")\np.put_timeouts(create="5m", |)`,
      java: `VpcBgpPeer p = VpcBgpPeer.Builder.create(this, "p").bgpGroupId("x").build();\np.putTimeouts(VpcBgpPeerTimeouts.builder().create("5m").|.build());`,
      csharp: `var p = new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = "x" });\np.Timeouts = new VpcBgpPeerTimeouts { Create = "5m", | };`,
      go: `p := vpcbgppeer.NewVpcBgpPeer(s, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("x")})\np.PutTimeouts(&vpcbgppeer.VpcBgpPeerTimeouts{Create: jsii.String("5m"), |})`,
    };
    expectTimeoutKeysLeft(fixtures);
    // An assignment's struct, the name typed replaced; an override's object (Terraform's names, the same here).
    const typed = at('typescript', `const p = new VpcBgpPeer(this, "p", { bgpGroupId: "x" });\np.timeouts = { cre| };`);
    assert.deepEqual(typed.items.map((i) => [i.label, i.insertText, i.range.start.character, i.range.end.character]), [
      ['create', 'create: "${1:10m}",', 15, 18],
      ['update', 'update: "${1:10m}",', 15, 18],
      ['delete', 'delete: "${1:10m}",', 15, 18],
    ]);
    assert.deepEqual(at('typescript', `const p = new VpcBgpPeer(this, "p", { bgpGroupId: "x" });\np.addOverride("timeouts", {\n  |\n});`).items.map((i) => i.label), ['create', 'update', 'delete']);
    // Python's put_timeouts() with nothing in it yet: its keyword arguments.
    assert.deepEqual(at('python', `p = VpcBgpPeer(self, "p", bgp_group_id="x")\np.put_timeouts(|)`).items.map((i) => i.insertText), ['create="${1:10m}",', 'update="${1:10m}",', 'delete="${1:10m}",']);
    // A keyword being typed, alone or after others, in a call closed or not yet: the keys not written yet.
    const peer = `peer = VpcBgpPeer(self, "p", bgp_group_id="x")\n`;
    const keys = (fixture: string) => at('python', peer + fixture).items.map((i) => i.label);
    assert.deepEqual(keys(`peer.put_timeouts(cr|)`), ['create', 'update', 'delete']);
    assert.deepEqual(keys(`peer.put_timeouts(cr|`), ['create', 'update', 'delete']);
    assert.deepEqual(keys(`peer.put_timeouts(create="1m", de|)`), ['update', 'delete']);
    assert.deepEqual(keys(`peer.put_timeouts(create="1m", de|\n`), ['update', 'delete']);
    assert.deepEqual(keys(`peer.put_timeouts(\n    create="1m",\n    de|\n`), ['update', 'delete']);
    assert.deepEqual(codesOf('python', peer + `peer.put_timeouts(cr)\n`), []);
    // A value of the struct is completed as in the config.
    assert.ok(at('typescript', `const p = new VpcBgpPeer(this, "p", { bgpGroupId: "x" });\np.putTimeouts({ create: "|" });`).items.some((i) => i.label === '"10m"'));
    // Outside the struct, and for another argument, nothing: completion adds no argument of the construct there.
    assert.deepEqual(at('typescript', `const p = new VpcBgpPeer(this, "p", { bgpGroupId: "x" });\np.putTimeouts({ create: "5m" })|;`).items, []);
    assert.deepEqual(at('typescript', `const p = new VpcBgpPeer(this, "p", { bgpGroupId: "x" });\np.bfdMultiHop = |;`).items, []);
    assert.deepEqual(at('typescript', `const q = new Other(this, "q");\nq.putTimeouts({ | });`).items, []);
    // Hover there names the struct's argument, as in the config.
    const shown = at('typescript', `const p = new VpcBgpPeer(this, "p", { bgpGroupId: "x" });\np.putTimeouts({ cr|eate: "5m" });`);
    const loc = shown.f.locate(shown.pos)!;
    assert.match(hover(loc.instance, loc.rel, defaultSchemas())?.markdown ?? '', /^\*\*timeouts\.create\*\*/);
    // Typed into a file already open: the sets are read again where the edit is.
    const f = createSourceFile(uriOf('typescript'), undefined, `const p = new VpcBgpPeer(this, "p", { bgpGroupId: "x" });\n\np.putTimeouts({ create: "5m" });\n`)!;
    f.diagnostics(contextFor([f], defaultSchemas()));
    f.update([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'const n = 1;\n' }]);
    f.update([{ range: { start: { line: 3, character: 28 }, end: { line: 3, character: 28 } }, text: ', ' }]);
    const c = f.cursorContext({ line: 3, character: 30 })!;
    assert.deepEqual(complete(c.cursor, contextFor([f], defaultSchemas()), f.completionWriter).map((i) => i.label), ['update', 'delete']);
  });

  it('a key of a Python timeouts dict is written as a string key, and a quoted key is replaced with its quotes', () => {
    /** The line with the item applied as the editor writes it, and whether its filter text matches what was typed. */
    const applied = (language: string, fixture: string, label: string) => {
      const { items, pos } = at(language, fixture);
      const item = items.find((i) => i.label === label);
      assert.ok(item, `${label} among ${items.map((i) => i.label).join()} (${language})`);
      const line = cursor(fixture).text.split('\n')[pos.line];
      const typed = line.slice(item.range.start.character, pos.character);
      assert.ok((item.filterText ?? item.label).includes(typed), `${item.filterText} matches ${typed}`);
      return line.slice(0, item.range.start.character) + item.insertText + line.slice(item.range.end.character);
    };
    const py = (inner: string) => `VpcBgpPeer(self, "p", bgp_group_id="x", timeouts={${inner}})`;
    assert.equal(applied('python', py('"create": "5m", |'), 'update'), py('"create": "5m", "update": "${1:10m}",'));
    assert.equal(applied('python', py('"create": "5m", "up|"'), 'update'), py('"create": "5m", "update": "${1:10m}",'));
    assert.equal(applied('python', py(`'up|'`), 'update'), py(`'update': "\${1:10m}",`));
    // A value follows: the name alone, still a string.
    assert.equal(applied('python', py('"cr|": "5m"'), 'create'), py('"create": "5m"'));
    assert.equal(applied('python', py('|'), 'delete'), py('"delete": "${1:10m}",'));
    // Keyword arguments and a TypeScript object keep their unquoted names.
    assert.equal(applied('python', `VpcBgpPeer(self, "p", bgp_group_id="x", timeouts=VpcBgpPeerTimeouts(|))`, 'update'), `VpcBgpPeer(self, "p", bgp_group_id="x", timeouts=VpcBgpPeerTimeouts(update="\${1:10m}",))`);
    const ts = (inner: string) => `new VpcBgpPeer(this, "p", { bgpGroupId: "x", timeouts: { ${inner} } });`;
    assert.equal(applied('typescript', ts('create: "5m", |'), 'update'), ts('create: "5m", update: "${1:10m}",'));
    assert.equal(applied('typescript', ts('create: "5m", "up|"'), 'update'), ts('create: "5m", "update": "${1:10m}",'));
  });

  it('a struct completion names the generated class', () => {
    const cases: [string, string, string][] = [
      ['python', `VpcBgpPeer(self, "p", bgp_group_id="x", |)`, 'timeouts=VpcBgpPeerTimeouts(\n\tcreate="${1:10m}",\n\tupdate="${2:10m}",\n\tdelete="${3:10m}",\n),'],
      // Before `build()`, which stays: the link and the `.` after it.
      ['java', `VpcBgpPeer.Builder.create(this, "p").bgpGroupId("x").|build();`, 'timeouts(VpcBgpPeerTimeouts.builder()\n\t.create("${1:10m}")\n\t.update("${2:10m}")\n\t.delete("${3:10m}")\n\t.build()).'],
      ['csharp', `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = "x", | });`, 'Timeouts = new VpcBgpPeerTimeouts {\n\tCreate = "${1:10m}",\n\tUpdate = "${2:10m}",\n\tDelete = "${3:10m}",\n},'],
      ['go', `vpcbgppeer.NewVpcBgpPeer(s, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("x"), |})`, 'Timeouts: &vpcbgppeer.VpcBgpPeerTimeouts{\n\tCreate: jsii.String("${1:10m}"),\n\tUpdate: jsii.String("${2:10m}"),\n\tDelete: jsii.String("${3:10m}"),\n},'],
    ];
    for (const [language, fixture, insert] of cases) {
      const { items } = at(language, fixture);
      const t = items.find((i) => /^timeouts$/i.test(i.label));
      assert.equal(t?.insertText, insert, language);
    }
  });

  it('values: enums, references to constructs of the file, Go wrappers', () => {
    const ts = at('typescript', `const group = new VpcBgpGroup(this, "g", { routerId: "v", peerAsn: 1 });\nnew VpcBgpPeer(this, "p", { bgpGroupId: |, ipVersion: "IPv4" });`);
    assert.deepEqual(ts.items.map((i) => i.insertText), ['group.id']);
    const java = at('java', `VpcBgpGroup group = VpcBgpGroup.Builder.create(this, "g").routerId("v").peerAsn(1).build();\nVpcBgpPeer.Builder.create(this, "p").bgpGroupId(|).build();`);
    assert.deepEqual(java.items.map((i) => i.insertText), ['group.getId()']);
    const py = at('python', `VpcBgpPeer(self, "p", bgp_group_id="x", ip_version="IP|")`);
    assert.deepEqual(py.items.map((i) => i.insertText), ['"IPv4"', '"IPv6"']);
    assert.deepEqual(py.c?.cursor.range, { start: { line: 0, character: 51 }, end: { line: 0, character: 55 } });
    const go = at('go', `vpcbgppeer.NewVpcBgpPeer(s, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{IpVersion: jsii.String("IP|")})`);
    assert.deepEqual(go.items.map((i) => i.insertText), ['jsii.String("IPv4")', 'jsii.String("IPv6")']);
    assert.equal(go.c?.cursor.range.start.character, 86, 'the whole wrapper is replaced');
  });

  it('values right after the separator even before a closing bracket; none right after a closing quote', () => {
    // Where the cursor sits once the editor has closed the bracket: `enableBfd:|}`.
    assert.deepEqual(at('typescript', `new VpcBgpPeer(this, "p", { bgpGroupId: "x", enableBfd:|});`).items.map((i) => i.insertText), ['true', 'false']);
    assert.deepEqual(at('python', `VpcBgpPeer(self, "p", bgp_group_id="x", ip_version=|)`).items.map((i) => i.insertText), ['"IPv4"', '"IPv6"']);
    // After the closing quote the value is written: an item would replace the quote (`"I"IPv4"`).
    for (const [language, fixture] of [
      ['typescript', `new VpcBgpPeer(this, "p", { bgpGroupId: "x", ipVersion: "I"| });`],
      ['typescript', `new VpcBgpPeer(this, "p", { bgpGroupId: "x", ipVersion: ""| });`],
      ['python', `VpcBgpPeer(self, "p", bgp_group_id="x", ip_version=""|)`],
      ['go', `vpcbgppeer.NewVpcBgpPeer(s, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{IpVersion: jsii.String("IPv4")|})`],
    ]) {
      assert.deepEqual(at(language, fixture).items, [], fixture);
    }
    // Still typing inside the quotes, closed or not.
    assert.deepEqual(at('typescript', `new VpcBgpPeer(this, "p", { ipVersion: "I|" });`).items.map((i) => i.insertText), ['"IPv4"', '"IPv6"']);
    assert.deepEqual(at('typescript', `new VpcBgpPeer(this, "p", { ipVersion: "I|\n`).items.map((i) => i.insertText), ['"IPv4"', '"IPv6"']);
  });

  it('no completion in the scope and id arguments, nor outside constructs', () => {
    assert.equal(at('typescript', `new VpcBgpPeer(this, "p|", { bgpGroupId: "x" });`).c, undefined);
    assert.equal(at('python', `VpcBgpPeer(self, |)`).c, undefined);
    assert.equal(at('typescript', `new VpcBgpPeer(this, "p", { bgpGroupId: "x" });\n|`).c, undefined);
    assert.equal(at('typescript', `new VpcBgpPeer(this, "p", { dependsOn: [a, |] });`).c, undefined, 'inside a list value');
  });

  it('hover on the class name and on a nested struct key', () => {
    const schemas = defaultSchemas();
    const onClass = at('go', `vpcbgppeer.NewVpc|BgpPeer(s, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{})`);
    const loc = onClass.f.locate(onClass.pos)!;
    assert.match(hover(loc.instance, loc.rel, schemas)!.markdown, /resource alicloud_vpc_bgp_peer/);
    const onKey = at('csharp', `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { Timeouts = new VpcBgpPeerTimeouts { Cre|ate = "5m" } });`);
    const loc2 = onKey.f.locate(onKey.pos)!;
    assert.match(hover(loc2.instance, loc2.rel, schemas)!.markdown, /\*\*timeouts\.create\*\*/);
    // A Java setter called again, and a Python dict key written again: the earlier, ignored one is still explained.
    for (const [language, fixture] of [
      ['java', `VpcBgpPeer.Builder.create(this, "p").bgpGroupId("g").bfdMul|tiHop(300).bfdMultiHop(3).build();`],
      ['python', `VpcBgpPeer(self, "p", **{"bgp_group_id": "g", "bfd_mu|lti_hop": 300, "bfd_multi_hop": 3})`],
    ]) {
      const earlier = at(language, fixture);
      const loc3 = earlier.f.locate(earlier.pos)!;
      assert.match(hover(loc3.instance, loc3.rel, schemas)?.markdown ?? '', /^\*\*bfd_multi_hop\*\*/, language);
    }
  });

  it('a hover shown in a CDKTF file names arguments, a nested one by its path and another resource\'s too, and references as the language writes them', () => {
    const shown = (language: string, fixture: string) => {
      const { f, pos } = at(language, fixture);
      const loc = f.locate(pos)!;
      return f.localizeHover!(hover(loc.instance, loc.rel, defaultSchemas())!.markdown, loc.instance);
    };
    const cs = `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = "x", EnableBfd = true, Timeouts = new VpcBgpPeerTimeouts { Create = "5m" } });`;
    const go = `vpcbgppeer.NewVpcBgpPeer(s, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("x"), EnableBfd: jsii.Bool(true), Timeouts: &vpcbgppeer.VpcBgpPeerTimeouts{Create: jsii.String("5m")}})`;
    assert.match(shown('csharp', cs.replace('Create =', 'Cre|ate =')), /^\*\*Timeouts\.Create\*\* /);
    assert.match(shown('go', go.replace('Create:', 'Cre|ate:')), /^\*\*Timeouts\.Create\*\* /);
    assert.match(shown('typescript', `new VpcBgpPeer(this, "p", { timeouts: { cre|ate: "5m" } });`), /^\*\*timeouts\.create\*\* /);
    const group = shown('go', go.replace('BgpGroupId:', 'BgpGr|oupId:'));
    assert.match(group, /normally `<VpcBgpGroup>\.Id\(\)`/);
    assert.doesNotMatch(group, /alicloud_vpc_bgp_group\./);
    assert.match(shown('java', `VpcBgpPeer.Builder.create(this, "p").bgpGr|oupId("x").build();`), /normally `<VpcBgpGroup>\.getId\(\)`/);
    const bfd = shown('csharp', cs.replace('EnableBfd =', 'Enable|Bfd ='));
    assert.match(bfd, /`MinRxInterval`, `MinTxInterval`, `DetectMultiplier`/);
    assert.match(shown('python', `VpcBgpPeer(self, "p", enable|_bfd=True)`), /`min_rx_interval`/);
  });
});

describe('CDKTF: imports a completion needs', () => {
  /** The text after accepting the completion labelled `label` at the cursor, its import edits applied. */
  function accept(language: string, fixture: string, label: RegExp): string {
    const { text, pos } = cursor(fixture);
    const f = createSourceFile(uriOf(language), undefined, text)!;
    const c = f.cursorContext(pos)!;
    const item = complete(c.cursor, contextFor([f], defaultSchemas()), f.completionWriter).find((i) => label.test(i.label))!;
    return applyEdits(text, [...(f.importEdits?.(item.insertText) ?? []), { range: item.range, newText: item.insertText }]);
  }

  it('Python: the struct class joins its construct class in its import; cdktf gains TerraformResourceLifecycle', () => {
    const fixture = 'from cdktf import App, TerraformStack\nfrom imports.alicloud.vpc_bgp_peer import VpcBgpPeer\n\nVpcBgpPeer(self, "p", bgp_group_id="x", |)\n';
    const timeouts = accept('python', fixture, /^timeouts$/);
    assert.match(timeouts, /^from imports\.alicloud\.vpc_bgp_peer import VpcBgpPeer, VpcBgpPeerTimeouts$/m);
    assert.match(timeouts, /timeouts=VpcBgpPeerTimeouts\(/);
    assert.match(accept('python', fixture, /^lifecycle$/), /^from cdktf import App, TerraformStack, TerraformResourceLifecycle$/m);
    // Already imported, or a star import: nothing added.
    const star = 'from imports.alicloud.vpc_bgp_peer import *\nVpcBgpPeer(self, "p", bgp_group_id="x", |)\n';
    assert.equal(accept('python', star, /^timeouts$/).split('\n')[0], 'from imports.alicloud.vpc_bgp_peer import *');
  });

  it('Java: an import line for the struct class beside its construct class', () => {
    const fixture = 'import imports.alicloud.vpc_bgp_peer.VpcBgpPeer;\nimport software.constructs.Construct;\n\nclass S {\n  void f() {\n    VpcBgpPeer.Builder.create(this, "p").bgpGroupId("x").|build();\n  }\n}\n';
    const out = accept('java', fixture, /^timeouts$/);
    assert.match(out, /^import imports\.alicloud\.vpc_bgp_peer\.VpcBgpPeer;\nimport imports\.alicloud\.vpc_bgp_peer\.VpcBgpPeerTimeouts;\n/);
    assert.match(accept('java', fixture, /^lifecycle$/), /^import com\.hashicorp\.cdktf\.TerraformResourceLifecycle;$/m);
  });

  it('a qualified construct class gets its struct class qualified the same way, and no import', () => {
    const python = 'from imports.alicloud import vpc_bgp_group\n\nvpc_bgp_group.VpcBgpGroup(self, "g", router_id="vbr-1", peer_asn=65001, |)\n';
    const out = accept('python', python, /^timeouts$/);
    assert.match(out, /timeouts=vpc_bgp_group\.VpcBgpGroupTimeouts\(/);
    assert.equal(out.split('\n')[0], 'from imports.alicloud import vpc_bgp_group', 'no import line added');
    const go = 'package main\n\nimport peer "cdk.tf/go/stack/generated/alicloud/vpcbgppeer"\n\nfunc f() {\n\tpeer.NewVpcBgpPeer(stack, jsii.String("p"), &peer.VpcBgpPeerConfig{\n\t\tBgpGroupId: jsii.String("x"),\n\t\t|\n\t})\n}\n';
    assert.match(accept('go', go, /^Timeouts$/), /Timeouts: &peer\.VpcBgpPeerTimeouts\{/);
    const plainGo = go.replace('import peer ', 'import ').replace(/peer\./g, 'vpcbgppeer.');
    assert.match(accept('go', plainGo, /^Timeouts$/), /Timeouts: &vpcbgppeer\.VpcBgpPeerTimeouts\{/);
    const java = 'class S {\n  void f() {\n    new imports.alicloud.vpc_bgp_peer.VpcBgpPeer(this, "p", imports.alicloud.vpc_bgp_peer.VpcBgpPeerConfig.builder().bgpGroupId("x").|build());\n  }\n}\n';
    assert.match(accept('java', java, /^timeouts$/), /\.timeouts\(imports\.alicloud\.vpc_bgp_peer\.VpcBgpPeerTimeouts\.builder\(\)/);
  });

  it('TypeScript needs none: the struct is an object literal', () => {
    const { text, pos } = cursor('import { VpcBgpPeer } from "./.gen/providers/alicloud/vpc-bgp-peer";\nnew VpcBgpPeer(this, "p", { bgpGroupId: "x", | });\n');
    const f = createSourceFile(uriOf('typescript'), undefined, text)!;
    const item = complete(f.cursorContext(pos)!.cursor, contextFor([f], defaultSchemas()), f.completionWriter).find((i) => i.label === 'timeouts')!;
    assert.deepEqual(f.importEdits?.(item.insertText) ?? [], []);
  });
});

describe('CDKTF: imports a completion needs, in files written otherwise', () => {
  function edits(language: string, text: string, insertText: string): string {
    const f = createSourceFile(uriOf(language), undefined, text)!;
    return applyEdits(text, f.importEdits?.(insertText) ?? []);
  }

  it('Python: never inside parentheses or continuations, never onto a renamed import (a line of its own then)', () => {
    const black = 'from cdktf import (\n    App,\n    TerraformStack,\n)\nfrom imports.alicloud.vpc_bgp_peer import VpcBgpPeer\n';
    // `from cdktf import (…)` is left as it is, the class imported on a line of its own after the imports; the
    // struct joins its construct's simple import.
    assert.equal(edits('python', black, 'lifecycle=TerraformResourceLifecycle(),'), black + 'from cdktf import TerraformResourceLifecycle\n');
    assert.equal(edits('python', 'from cdktf import *\n', 'lifecycle=TerraformResourceLifecycle(),'), 'from cdktf import *\n');
    assert.equal(edits('python', black, 'timeouts=VpcBgpPeerTimeouts(),'), black.replace('import VpcBgpPeer\n', 'import VpcBgpPeer, VpcBgpPeerTimeouts\n'));
    // The last import is parenthesised: the new line goes after its closing parenthesis.
    const last = 'from imports.alicloud.vpc_bgp_peer import (\n    VpcBgpPeer,\n)\nx = 1\n';
    assert.equal(edits('python', last, 'lifecycle=TerraformResourceLifecycle(),'), last.replace(')\n', ')\nfrom cdktf import TerraformResourceLifecycle\n'));
    // A parenthesised import (black's form of a long one) is not extended: the struct gets a line of its own after it.
    assert.equal(edits('python', last, 'timeouts=VpcBgpPeerTimeouts(),'), last.replace(')\n', ')\nfrom imports.alicloud.vpc_bgp_peer import VpcBgpPeerTimeouts\n'));
    const vbr = 'from imports.alicloud.express_connect_virtual_border_router import (\n    ExpressConnectVirtualBorderRouter,  # the VBR\n)\nfrom cdktf import App\n\nx = 1\n';
    assert.equal(
      edits('python', vbr, 'timeouts=ExpressConnectVirtualBorderRouterTimeouts(),'),
      vbr.replace('App\n', 'App\nfrom imports.alicloud.express_connect_virtual_border_router import ExpressConnectVirtualBorderRouterTimeouts\n'),
    );
    // Renamed or continued: the same, the renaming left as it is.
    const renamed = 'from imports.alicloud.vpc_bgp_peer import VpcBgpPeer as Peer\n';
    assert.equal(edits('python', renamed, 'timeouts=VpcBgpPeerTimeouts(),'), renamed + 'from imports.alicloud.vpc_bgp_peer import VpcBgpPeerTimeouts\n');
    const slash = 'from imports.alicloud.vpc_bgp_peer import VpcBgpPeerConfig, \\\n    VpcBgpPeer\n';
    assert.equal(edits('python', slash, 'timeouts=VpcBgpPeerTimeouts(),'), slash + 'from imports.alicloud.vpc_bgp_peer import VpcBgpPeerTimeouts\n');
    // Not imported by name at all (a star import, or a class of the program): nothing to add.
    const star = 'from imports.alicloud.vpc_bgp_peer import *\n';
    assert.equal(edits('python', star, 'timeouts=VpcBgpPeerTimeouts(),'), star);
    const continued = 'from cdktf import App, \\\n    TerraformStack\n';
    assert.equal(edits('python', continued, 'lifecycle=TerraformResourceLifecycle(),'), continued + 'from cdktf import TerraformResourceLifecycle\n');
  });

  it('Java: after the package line when there is no import', () => {
    const text = 'package com.example;\n\nclass S {}\n';
    assert.equal(edits('java', text, 'lifecycle(TerraformResourceLifecycle.builder().build())'), 'package com.example;\nimport com.hashicorp.cdktf.TerraformResourceLifecycle;\n\nclass S {}\n');
  });
});

describe('CDKTF: memory', () => {
  it('a 5,000-construct TypeScript stack, analysed, keeps under 27 MB of heap (its ranges are one object each)', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const { cdktfTypeScript } = await import('../../scripts/bench/workloads.mjs');
    const text: string = cdktfTypeScript(5000, 2).text;
    const schemas = defaultSchemas();
    gc();
    gc();
    const before = v8.getHeapStatistics().used_heap_size;
    const f = new CdktfFile('typescript', text, schemas);
    assert.ok(f.diagnostics(contextFor([f], schemas)).length > 10);
    gc();
    gc();
    const kept = (v8.getHeapStatistics().used_heap_size - before) / 1e6;
    // With a range as two position objects and one around them: 29.2 MB; as a `Span`: 24.5 MB.
    assert.ok(kept < 27, `${kept.toFixed(1)} MB kept`);
    assert.equal(f.constructs().length, 5000);
  });
});

describe('CDKTF: constructs kept in no variable', () => {
  // Nine peers reach one VBR through one group; a config struct written apart is no peer of its own.
  const peers = (line: (i: number) => string) => Array.from({ length: 9 }, (_, i) => line(i)).join('\n');
  it('TypeScript: are peers the VBR counts, and a config struct written apart is not', () => {
    const text = `import { VpcBgpPeer, VpcBgpPeerConfig } from "./.gen/providers/alicloud/vpc-bgp-peer";
import { VpcBgpGroup } from "./.gen/providers/alicloud/vpc-bgp-group";
import { ExpressConnectVirtualBorderRouter } from "./.gen/providers/alicloud/express-connect-virtual-border-router";
const vbr = new ExpressConnectVirtualBorderRouter(this, "vbr", { physicalConnectionId: "pc-1", vlanId: 5, localGatewayIp: "10.0.0.1", peerGatewayIp: "10.0.0.2", peeringSubnetMask: "255.255.255.252" });
const group = new VpcBgpGroup(this, "grp", { routerId: vbr.id, peerAsn: 65001 });
const shared: VpcBgpPeerConfig = { bgpGroupId: group.id };
${peers((i) => `new VpcBgpPeer(this, "peer${i}", { bgpGroupId: group.id, peerIpAddress: "10.0.0.${i + 1}" });`)}
`;
    assert.deepEqual(codesOf('typescript', text), Array(9).fill('too-many-peers-per-vbr'));
    // Eight constructs and the config struct: within the limit.
    assert.deepEqual(codesOf('typescript', text.replace(/^new VpcBgpPeer\(this, "peer8".*$/m, '')), []);
  });

  it('Go: the same, the constructs written one per line', () => {
    const text = `package main
import (
	"github.com/aliyun/terraform-cdktf-provider-alicloud-go/alicloud/v3/vpcbgppeer"
	"github.com/aliyun/terraform-cdktf-provider-alicloud-go/alicloud/v3/vpcbgpgroup"
	"github.com/aliyun/terraform-cdktf-provider-alicloud-go/alicloud/v3/expressconnectvirtualborderrouter"
)
func stack() {
	vbr := expressconnectvirtualborderrouter.NewExpressConnectVirtualBorderRouter(stack, jsii.String("vbr"), &expressconnectvirtualborderrouter.ExpressConnectVirtualBorderRouterConfig{PhysicalConnectionId: jsii.String("pc-1"), VlanId: jsii.Number(5), LocalGatewayIp: jsii.String("10.0.0.1"), PeerGatewayIp: jsii.String("10.0.0.2"), PeeringSubnetMask: jsii.String("255.255.255.252")})
	group := vpcbgpgroup.NewVpcBgpGroup(stack, jsii.String("grp"), &vpcbgpgroup.VpcBgpGroupConfig{RouterId: vbr.Id(), PeerAsn: jsii.Number(65001)})
${peers((i) => `	vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("peer${i}"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: group.Id(), PeerIpAddress: jsii.String("10.0.0.${i + 1}")})`)}
}
`;
    assert.deepEqual(codesOf('go', text), Array(9).fill('too-many-peers-per-vbr'));
  });
});

