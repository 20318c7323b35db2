/**
 * Config structs written apart from their constructs (`const c: VpcBgpPeerConfig = {…}`, `VpcBgpPeerConfig(…)`,
 * `VpcBgpPeerConfig.builder()…`, `new VpcBgpPeerConfig {…}`, `&vpcbgppeer.VpcBgpPeerConfig{…}`) are judged where they
 * are written, the same way in every language (test/fixtures/cdktf/configs.*); a config written as the construct's
 * argument is judged once, as the construct's; a config declares no resource of the module.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CdktfFile } from '../../server/src/engine/cdktfFile';
import { contextFor } from '../../server/src/engine/moduleContext';
import type { Attribute, Range, ResourceInstance } from '../../server/src/model/types';
import { comparePositions } from '../../server/src/model/types';
import { defaultSchemas } from '../../server/src/schema/registry';
import type { CdktfInstance } from '../../server/src/syntax/cdktf/model';
import { CDKTF_CONFIG_FIXTURES, cdktfFixture } from '../helpers/cdktfFixtures';

const schemas = defaultSchemas();
const within = (inner: Range, outer: Range) => comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;

/** The argument (schema name) a finding's range is on, or `(header)`. */
function argumentAt(instance: ResourceInstance, r: Range): string {
  const a = instance.attributes.find((x: Attribute) => within(r, x.keyRange) || within(r, x.valueRange));
  return a ? a.name : within(r, instance.headerRange) ? '(header)' : `? ${JSON.stringify(r)}`;
}

/**
 * What a config seems to lack (its group, the `enable_bfd` BFD needs) is not reported in any language: Go's and
 * C#'s structs are filled in after they are written (`noGroup.BgpGroupId = …`), and everywhere the construct may
 * get more beside the config (`{ ...common, enableBfd: true }`) or after it is built. What it holds is judged.
 */
const EXPECTED = [
  'config: unknown-argument @ bfd_multihop',
  'config: value-out-of-range @ bfd_multi_hop',
  'construct inline: value-out-of-range @ bfd_multi_hop',
];

describe('CDKTF config structs written apart from their constructs', () => {
  for (const [name, language] of CDKTF_CONFIG_FIXTURES) {
    it(`${language} (${name}): judged where written, once, and declaring nothing`, () => {
      const f = new CdktfFile(language, cdktfFixture(name), schemas);
      const ctx = contextFor([f], schemas);
      const instances = [...f.instances()].map(({ value }) => value as CdktfInstance);
      const peers = instances.filter((i) => i.type === 'alicloud_vpc_bgp_peer');
      assert.deepEqual(
        peers.map((i) => (i.config ? 'config' : `construct ${i.constructId}`)),
        ['config', 'config', 'config', 'construct inline'],
        'three configs and the construct written with its config; `fromHops`, built from a variable, is not seen',
      );
      const got = f.diagnostics(ctx).map((d) => {
        const owner = instances.find((i) => within(d.range, i.range));
        assert.ok(owner, `${d.code} at ${JSON.stringify(d.range)} belongs to a config or construct`);
        return `${owner.config ? 'config' : `construct ${owner.constructId}`}: ${d.code} @ ${argumentAt(owner, d.range)}`;
      });
      assert.deepEqual(got.sort(), EXPECTED);
      // Unnamed, a config is no resource of the module: nothing can refer to it as one.
      assert.ok(peers.filter((i) => i.config).every((i) => i.name === ''));
      assert.ok(!ctx.declared('resource', 'alicloud_vpc_bgp_peer').some((n) => /hops|group|misspelt/i.test(n)));
    });
  }
});

describe('CDKTF config structs: what is not one', () => {
  const NOT_CONFIGS: [CdktfFile['language'], string][] = [
    ['typescript', 'function make(g: string): VpcBgpPeerConfig {\n  return g as any;\n}\nconst p: Map<string, VpcBgpPeerConfig> = new Map();\nlet x: VpcBgpPeerConfig;\ntype T = { config: VpcBgpPeerConfig };\nconst o: Omit<VpcBgpPeerConfig, keyof Base> = f();\n'],
    ['python', 'def make(g) -> VpcBgpPeerConfig:\n    return g\nx: VpcBgpPeerConfig = None\nfrom imports.alicloud.vpc_bgp_peer import VpcBgpPeerConfig\n'],
    ['java', 'VpcBgpPeerConfig.Builder b = VpcBgpPeerConfig.builder();\nb.bgpGroupId("bgpg-1");\nVpcBgpPeerConfig c = b.build();\nstatic VpcBgpPeerConfig make() { return null; }\n'],
    ['csharp', 'VpcBgpPeerConfig Make(string g) => null;\nvar list = new List<VpcBgpPeerConfig>();\n'],
    ['go', 'func make(g *string) *vpcbgppeer.VpcBgpPeerConfig {\n\treturn nil\n}\nfunc same() vpcbgppeer.VpcBgpPeerConfig {\n\treturn x\n}\nvar cfgs = []vpcbgppeer.VpcBgpPeerConfig{{BgpGroupId: jsii.String("a")}}\nvar byName = map[string]vpcbgppeer.VpcBgpPeerConfig{"a": {BgpGroupId: jsii.String("a")}}\n'],
  ];
  for (const [language, text] of NOT_CONFIGS) {
    it(`${language}: types, result types, builders kept in variables and element types are not configs`, () => {
      const f = new CdktfFile(language, text, schemas);
      assert.deepEqual([...f.instances()], []);
      assert.deepEqual(f.diagnostics(contextFor([f], schemas)), []);
    });
  }
});

describe('CDKTF config structs: TypeScript utility types of a config', () => {
  it('Partial, Readonly, Omit and Pick of a config hold some of its properties: what they hold is judged, nothing they lack', () => {
    const text = `const defaults: Partial<VpcBgpPeerConfig> = { enableBfd: true, bfdMultiHop: 0 };
const hops: Readonly<VpcBgpPeerConfig> = { bgpGroupId: "bgpg-1", bfdMultiHop: 300, enableBfd: true };
const rest: Omit<VpcBgpPeerConfig, "bgpGroupId" | 'peerIpAddress'> = { bfdMultihop: 3 };
const few = { ipVersion: "IPv5" } satisfies Pick<VpcBgpPeerConfig, "ipVersion">;
const tight: Partial<VpcBgpPeerConfig>= { bfdMultiHop: 256 };
const lacking: Partial<VpcBgpPeerConfig> = { bfdMultiHop: 3, peerIpAddress: "fd00::1" };
`;
    const f = new CdktfFile('typescript', text, schemas);
    const got = f.diagnostics(contextFor([f], schemas)).map((d) => `${d.range.start.line}: ${d.code}`);
    assert.deepEqual(got.sort(), ['0: value-out-of-range', '1: value-out-of-range', '2: unknown-argument', '3: invalid-value', '4: value-out-of-range']);
    const instances = [...f.instances()].map(({ value }) => value as CdktfInstance);
    assert.ok(instances.length === 6 && instances.every((i) => i.config && i.name === ''));
  });
});

describe('CDKTF config structs: other TypeScript forms of a config', () => {
  it('a type assertion, a function result and a list element are configs; an assertion as a construct\'s argument is its config', () => {
    const text = `const a = <VpcBgpPeerConfig>{ enableBfd: true, bfdMultiHop: 0 };
function h(): VpcBgpPeerConfig { return { bgpGroupId: "g", bfdMultiHop: 0 }; }
const k = (): VpcBgpPeerConfig => ({ bfdMultiHop: 300 });
const f: VpcBgpPeerConfig[] = [{ bgpGroupId: "g", bfdMultiHop: 0 }];
const p = new VpcBgpPeer(this, "p", <VpcBgpPeerConfig>{ enableBfd: true, bfdMultiHop: 256 });
const q = new VpcBgpPeer(this, "q", <VpcBgpPeerConfig>{ enableBfd: true, bfdMultiHop: 2 });
class Wrap implements Holder<VpcBgpPeerConfig> { bfdMultiHop = 0; }
`;
    const f = new CdktfFile('typescript', text, schemas);
    const got = f.diagnostics(contextFor([f], schemas)).map((d) => `${d.range.start.line}: ${d.code}`);
    // What the configs hold is judged, not what they lack; the constructs' configs are judged as constructs'.
    assert.deepEqual(got.sort(), ['0: value-out-of-range', '1: value-out-of-range', '2: value-out-of-range', '3: value-out-of-range', '4: missing-required', '4: value-out-of-range', '5: missing-required']);
    const instances = [...f.instances()].map(({ value }) => value as CdktfInstance);
    assert.deepEqual(instances.map((i) => i.name), ['', '', '', '', 'p', 'q']);
  });
});

describe('CDKTF config structs: TypeScript lists of a config', () => {
  it('a list typed Array<...> or ReadonlyArray<...> of a config holds configs, as one typed Config[] does', () => {
    const text = `const a: Array<VpcBgpPeerConfig> = [{ bgpGroupId: "g", bfdMultiHop: 0 }];
const b: ReadonlyArray<VpcBgpPeerConfig>= [{ bfdMultihop: 3 }];
const c: VpcBgpPeerConfig[] = [{ bfdMultiHop: 300 }];
const d: Array<VpcBgpPeerConfig> = [];
const e: Array<VpcBgpPeerConfig> = cfgs;
`;
    const f = new CdktfFile('typescript', text, schemas);
    const got = f.diagnostics(contextFor([f], schemas)).map((d) => `${d.range.start.line}: ${d.code}`);
    assert.deepEqual(got.sort(), ['0: value-out-of-range', '1: unknown-argument', '2: value-out-of-range']);
    const instances = [...f.instances()].map(({ value }) => value as CdktfInstance);
    assert.ok(instances.length === 3 && instances.every((i) => i.config && i.name === ''));
  });
});

describe('CDKTF config structs: every element of a TypeScript list of a config', () => {
  it('each object in a typed list is a config of its own, judged where it is written', () => {
    const text = `const peers: VpcBgpPeerConfig[] = [
  { bgpGroupId: "g", bfdMultiHop: 10 },
  { bgpGroupId: "g", bfdMultiHop: 0 },
  base,
  { bgpGroupId: "g", bfdMultihop: 3 },
];
const more: Array<VpcBgpPeerConfig> = [shared, { ipVersion: "IPv5" }];
`;
    const f = new CdktfFile('typescript', text, schemas);
    const got = f.diagnostics(contextFor([f], schemas)).map((d) => `${d.range.start.line}: ${d.code}`);
    assert.deepEqual(got.sort(), ['2: value-out-of-range', '4: unknown-argument', '6: invalid-value']);
    const instances = [...f.instances()].map(({ value }) => value as CdktfInstance);
    assert.equal(instances.length, 4);
    assert.ok(instances.every((i) => i.config && i.name === ''));
    // Each instance is its own object: the second holds only what it writes.
    assert.deepEqual(instances[1].attributes.map((a) => `${a.name}=${a.value.kind === 'number' ? a.value.value : '?'}`), ['bgp_group_id=?', 'bfd_multi_hop=0']);
  });
});

describe('CDKTF config structs: what a TypeScript function typed as a config returns', () => {
  it('every object the function returns, after other statements and in its blocks, is a config; a nested function\'s are not', () => {
    const text = `function peerConfig(): VpcBgpPeerConfig {
  const x = 1;
  return { bgpGroupId: g.id, bfdMultiHop: 300 };
}
class S {
  hops(fast: boolean): VpcBgpPeerConfig {
    if (fast) {
      return { bfdMultiHop: 0 };
    } else if (x) return ({ bfdMultihop: 3 });
    const inner = () => { return { bfdMultiHop: 999 }; };
    function helper() { return { bfdMultiHop: 999 }; }
    for (const y of ys) { if (y) { return { bfdMultiHop: 10 }; } }
    return { ipVersion: "IPv5" };
  }
}
const arrow = (): VpcBgpPeerConfig => {
  log();
  return { bfdMultiHop: 256 };
};
const object = (): VpcBgpPeerConfig => { bfdMultiHop: 256 };
`;
    const f = new CdktfFile('typescript', text, schemas);
    const got = f.diagnostics(contextFor([f], schemas)).map((d) => `${d.range.start.line}: ${d.code}`);
    assert.deepEqual(got.sort(), ['12: invalid-value', '17: value-out-of-range', '19: value-out-of-range', '2: value-out-of-range', '7: value-out-of-range', '8: unknown-argument']);
    const instances = [...f.instances()].map(({ value }) => value as CdktfInstance);
    assert.equal(instances.length, 7);
    assert.ok(instances.every((i) => i.config && i.name === ''));
  });
});
