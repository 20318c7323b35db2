/**
 * Quick fixes rendered in each CDKTF language: every neutral edit (set, replaceValue, remove, removeBlock,
 * rename) applied to real layouts — one property per line with or without a trailing comma, all on one line,
 * empty configs, Python keyword arguments after positional ones, Java builder chains, C# initializers with
 * braces on their own lines, gofmt-aligned Go literals — compared exactly, then re-analysed: the finding is gone.
 *
 * Run: npx tsx --test test/unit/cdktf-writers.test.ts
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSourceFile } from '../../server/src/engine/files';
import { contextFor } from '../../server/src/engine/moduleContext';
import { defaultSchemas } from '../../server/src/schema/registry';
import { applyEdits } from './inline';

const EXT: Record<string, string> = { typescript: 'ts', python: 'py', java: 'java', csharp: 'cs', go: 'go' };

/** Applies the fix titled `title` of the one `code` finding; returns the text and the codes found after. */
function fix(language: string, text: string, code: string, title: RegExp): { text: string; after: string[] } {
  const uri = `file:///work/fix.${EXT[language]}`;
  const f = createSourceFile(uri, undefined, text)!;
  const ctx = contextFor([f], defaultSchemas());
  const all = f.findingsAt({ start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } }, ctx).filter((p) => p.value.code === code);
  assert.equal(all.length, 1, `one ${code}`);
  const { value: finding, base } = all[0];
  const chosen = finding.fixes.find((x) => title.test(x.title));
  assert.ok(chosen, `${title} among ${JSON.stringify(finding.fixes.map((x) => x.title))}`);
  const edits = f.writer.render(chosen.edits, finding.instance!, { base, lineText: (l) => f.lineText(l) });
  const out = applyEdits(text, edits);
  const g = createSourceFile(uri, undefined, out)!;
  return { text: out, after: g.diagnostics(contextFor([g], defaultSchemas())).map((d) => d.code).sort() };
}

interface Case {
  name: string;
  language: string;
  before: string;
  code: string;
  title: RegExp;
  after: string;
  /** Findings left after the fix (default none). */
  left?: string[];
}

const CASES: Case[] = [
  // TypeScript
  {
    name: 'set: after the last property, keeping the trailing comma',
    language: 'typescript',
    before: `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "bgpg-1",\n  bfdMultiHop: 3,\n});\n`,
    code: 'bfd-multi-hop-without-bfd',
    title: /^Set enableBfd: true$/,
    after: `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "bgpg-1",\n  bfdMultiHop: 3,\n  enableBfd: true,\n});\n`,
  },
  {
    name: 'set: no trailing comma style, tab indentation',
    language: 'typescript',
    before: `new VpcBgpPeer(this, "p", {\n\tbgpGroupId: "bgpg-1",\n\tbfdMultiHop: 3\n});\n`,
    code: 'bfd-multi-hop-without-bfd',
    title: /^Set enableBfd: true$/,
    after: `new VpcBgpPeer(this, "p", {\n\tbgpGroupId: "bgpg-1",\n\tbfdMultiHop: 3,\n\tenableBfd: true\n});\n`,
  },
  {
    name: 'set: all on one line',
    language: 'typescript',
    before: `new VpcBgpPeer(this, 'p', { bgpGroupId: 'bgpg-1', bfdMultiHop: 3 });\n`,
    code: 'bfd-multi-hop-without-bfd',
    title: /^Set enableBfd: true$/,
    after: `new VpcBgpPeer(this, 'p', { bgpGroupId: 'bgpg-1', bfdMultiHop: 3, enableBfd: true });\n`,
  },
  {
    name: 'set: an explicit false is changed in place',
    language: 'typescript',
    before: `new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1", enableBfd: false, bfdMultiHop: 3 });\n`,
    code: 'bfd-multi-hop-without-bfd',
    title: /^Set enableBfd: true$/,
    after: `new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1", enableBfd: true, bfdMultiHop: 3 });\n`,
  },
  {
    name: 'set: a missing required property in an empty config, with a reference to the one group of the file',
    language: 'typescript',
    before: `const group = new VpcBgpGroup(this, "g", { routerId: "vbr-1", peerAsn: 65001 });\nnew VpcBgpPeer(this, "p", {});\n`,
    code: 'missing-required',
    title: /^Add bgpGroupId: group\.id$/,
    after: `const group = new VpcBgpGroup(this, "g", { routerId: "vbr-1", peerAsn: 65001 });\nnew VpcBgpPeer(this, "p", { bgpGroupId: group.id });\n`,
  },
  {
    name: 'set: a config holding only a comment keeps the comment, after the new property',
    language: 'typescript',
    before: `new VpcBgpPeer(this, "p", { /* bgpGroupId comes later */ });\n`,
    code: 'missing-required',
    title: /^Add bgpGroupId: "bgpg-/,
    after: `new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-2zev8h2uxpbnexample01", /* bgpGroupId comes later */ });\n`,
  },
  {
    name: 'set: a comment alone between tight braces stays too',
    language: 'typescript',
    before: `new VpcBgpPeer(this, "q", {/* x */});\n`,
    code: 'missing-required',
    title: /^Add bgpGroupId: "bgpg-/,
    after: `new VpcBgpPeer(this, "q", { bgpGroupId: "bgpg-2zev8h2uxpbnexample01", /* x */});\n`,
  },
  {
    name: 'set: into an empty multi-line config',
    language: 'typescript',
    before: `    new VpcBgpPeer(this, "p", {\n    });\n`,
    code: 'missing-required',
    title: /^Add bgpGroupId: "bgpg-/,
    after: `    new VpcBgpPeer(this, "p", {\n      bgpGroupId: "bgpg-2zev8h2uxpbnexample01",\n    });\n`,
  },
  {
    name: 'remove: a property on its own line',
    language: 'typescript',
    before: `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "bgpg-1",\n  status: "x",\n  enableBfd: true,\n});\n`,
    code: 'read-only-argument',
    title: /^Remove status$/,
    after: `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "bgpg-1",\n  enableBfd: true,\n});\n`,
  },
  {
    name: 'remove: the last property without a trailing comma takes the comma before it',
    language: 'typescript',
    before: `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "bgpg-1",\n  status: "x"\n});\n`,
    code: 'read-only-argument',
    title: /^Remove status$/,
    after: `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "bgpg-1"\n});\n`,
  },
  {
    name: 'remove: in the middle and at the end of one line',
    language: 'typescript',
    before: `new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1", status: "x", enableBfd: true });\n`,
    code: 'read-only-argument',
    title: /^Remove status$/,
    after: `new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1", enableBfd: true });\n`,
  },
  {
    name: 'remove: the last of one line',
    language: 'typescript',
    before: `new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1", status: "x" });\n`,
    code: 'read-only-argument',
    title: /^Remove status$/,
    after: `new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1" });\n`,
  },
  {
    name: 'rename: a typo to the camelCase name',
    language: 'typescript',
    before: `new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1", enableBfd: true, bfdMultihop: 3 });\n`,
    code: 'unknown-argument',
    title: /^Rename to "bfdMultiHop"$/,
    after: `new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1", enableBfd: true, bfdMultiHop: 3 });\n`,
  },
  {
    name: 'replaceValue: a wrapped number is replaced whole',
    language: 'typescript',
    before: `new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1", enableBfd: true, bfdMultiHop: Token.asNumber("300") });\n`,
    code: 'value-out-of-range',
    title: /^Clamp to 255$/,
    after: `new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1", enableBfd: true, bfdMultiHop: 255 });\n`,
  },
  {
    name: 'replaceValue: strings in the file’s quote style',
    language: 'typescript',
    before: `new VpcBgpPeer(this, 'p', { bgpGroupId: 'bgpg-1', ipVersion: 'IPv5' });\n`,
    code: 'invalid-value',
    title: /^Change to "IPv4"$/,
    after: `new VpcBgpPeer(this, 'p', { bgpGroupId: 'bgpg-1', ipVersion: 'IPv4' });\n`,
  },
  {
    name: 'removeBlock: a repeated timeouts struct',
    language: 'typescript',
    before: `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "bgpg-1",\n  timeouts: { create: "10m" },\n  timeouts: {\n    delete: "10m",\n  },\n});\n`,
    code: 'duplicate-block',
    title: /^Remove this timeouts block$/,
    after: `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "bgpg-1",\n  timeouts: { create: "10m" },\n});\n`,
  },
  // Python
  {
    name: 'set: a keyword argument after the last, keeping the no-trailing-comma style',
    language: 'python',
    before: `VpcBgpPeer(self, "p",\n    bgp_group_id="bgpg-1",\n    bfd_multi_hop=3\n)\n`,
    code: 'bfd-multi-hop-without-bfd',
    title: /^Set enable_bfd=True$/,
    after: `VpcBgpPeer(self, "p",\n    bgp_group_id="bgpg-1",\n    bfd_multi_hop=3,\n    enable_bfd=True\n)\n`,
  },
  {
    name: 'set: the first keyword argument after `self, id` on one line',
    language: 'python',
    before: `VpcBgpPeer(self, "p")\n`,
    code: 'missing-required',
    title: /^Add bgp_group_id=/,
    after: `VpcBgpPeer(self, "p", bgp_group_id="bgpg-2zev8h2uxpbnexample01")\n`,
  },
  {
    name: 'set: one argument per line, reference to the group of the file',
    language: 'python',
    before: `group = VpcBgpGroup(self, "g", router_id="vbr-1", peer_asn=65001)\nVpcBgpPeer(\n    self,\n    "p",\n)\n`,
    code: 'missing-required',
    title: /^Add bgp_group_id=group\.id$/,
    after: `group = VpcBgpGroup(self, "g", router_id="vbr-1", peer_asn=65001)\nVpcBgpPeer(\n    self,\n    "p",\n    bgp_group_id=group.id,\n)\n`,
  },
  {
    name: 'set: a comment after the id stays on the id\'s line',
    language: 'python',
    before: `VpcBgpPeer(\n    self, "p",  # the peer\n)\n`,
    code: 'missing-required',
    title: /^Add bgp_group_id=/,
    after: `VpcBgpPeer(\n    self, "p",  # the peer\n    bgp_group_id="bgpg-2zev8h2uxpbnexample01",\n)\n`,
  },
  {
    name: 'set: a comment after the id that has no comma stays on the id\'s line',
    language: 'python',
    before: `VpcBgpPeer(\n    self,\n    "p"  # the peer\n)\n`,
    code: 'missing-required',
    title: /^Add bgp_group_id=/,
    after: `VpcBgpPeer(\n    self,\n    "p",  # the peer\n    bgp_group_id="bgpg-2zev8h2uxpbnexample01",\n)\n`,
  },
  {
    name: 'replaceValue: "yes" for a bool becomes True',
    language: 'python',
    before: `VpcBgpPeer(self, "p", bgp_group_id="bgpg-1", enable_bfd="yes")\n`,
    code: 'type-mismatch',
    title: /^Use True$/,
    after: `VpcBgpPeer(self, "p", bgp_group_id="bgpg-1", enable_bfd=True)\n`,
  },
  {
    name: 'remove: a keyword argument on its own line',
    language: 'python',
    before: `VpcBgpPeer(self, "p",\n    bgp_group_id="bgpg-1",\n    status="x",\n)\n`,
    code: 'read-only-argument',
    title: /^Remove status$/,
    after: `VpcBgpPeer(self, "p",\n    bgp_group_id="bgpg-1",\n)\n`,
  },
  {
    name: 'set: a comment after the last argument stays on its line',
    language: 'python',
    before: `VpcBgpPeer(self, "p",\n    bgp_group_id="bgpg-1",\n    bfd_multi_hop=3,  # hops\n)\n`,
    code: 'bfd-multi-hop-without-bfd',
    title: /^Set enable_bfd=True$/,
    after: `VpcBgpPeer(self, "p",\n    bgp_group_id="bgpg-1",\n    bfd_multi_hop=3,  # hops\n    enable_bfd=True,\n)\n`,
  },
  {
    name: 'set: a comment after the last argument, which has no comma, stays on its line',
    language: 'python',
    before: `VpcBgpPeer(self, "p",\n    bgp_group_id="bgpg-1",\n    bfd_multi_hop=3  # hops\n)\n`,
    code: 'bfd-multi-hop-without-bfd',
    title: /^Set enable_bfd=True$/,
    after: `VpcBgpPeer(self, "p",\n    bgp_group_id="bgpg-1",\n    bfd_multi_hop=3,  # hops\n    enable_bfd=True\n)\n`,
  },
  {
    name: 'set: a // comment after the last property stays on its line',
    language: 'typescript',
    before: `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "bgpg-1",\n  bfdMultiHop: 3, // hops\n});\n`,
    code: 'bfd-multi-hop-without-bfd',
    title: /^Set enableBfd: true$/,
    after: `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "bgpg-1",\n  bfdMultiHop: 3, // hops\n  enableBfd: true,\n});\n`,
  },
  {
    name: 'rename: in a dict-written timeouts struct',
    language: 'python',
    before: `VpcBgpPeer(self, "p", bgp_group_id="bgpg-1", timeouts=VpcBgpPeerTimeouts(creat="10m"))\n`,
    code: 'unknown-argument',
    title: /^Rename to "create"$/,
    after: `VpcBgpPeer(self, "p", bgp_group_id="bgpg-1", timeouts=VpcBgpPeerTimeouts(create="10m"))\n`,
  },
  {
    name: 'rename: a key of a timeouts dict stays a string (a bare name would be a variable Python cannot find)',
    language: 'python',
    before: `VpcBgpPeer(self, "p", bgp_group_id="bgpg-1", timeouts={"delete": "5m", 'creat': "10m"})\n`,
    code: 'unknown-argument',
    title: /^Rename to "create"$/,
    after: `VpcBgpPeer(self, "p", bgp_group_id="bgpg-1", timeouts={"delete": "5m", 'create': "10m"})\n`,
  },
  // Java
  {
    name: 'set: a call in the builder chain, one per line',
    language: 'java',
    before: `        VpcBgpPeer.Builder.create(this, "p")\n            .bgpGroupId("bgpg-1")\n            .bfdMultiHop(3)\n            .build();\n`,
    code: 'bfd-multi-hop-without-bfd',
    title: /^Set \.enableBfd\(true\)$/,
    after: `        VpcBgpPeer.Builder.create(this, "p")\n            .bgpGroupId("bgpg-1")\n            .bfdMultiHop(3)\n            .enableBfd(true)\n            .build();\n`,
  },
  {
    name: 'set: a chain on one line, and the constructor form',
    language: 'java',
    before: `new VpcBgpPeer(this, "p", VpcBgpPeerConfig.builder().bgpGroupId("bgpg-1").bfdMultiHop(3).build());\n`,
    code: 'bfd-multi-hop-without-bfd',
    title: /^Set \.enableBfd\(true\)$/,
    after: `new VpcBgpPeer(this, "p", VpcBgpPeerConfig.builder().bgpGroupId("bgpg-1").bfdMultiHop(3).enableBfd(true).build());\n`,
  },
  {
    name: 'set: the first call of an empty chain, with a reference',
    language: 'java',
    before: `VpcBgpGroup group = VpcBgpGroup.Builder.create(this, "g").routerId("vbr-1").peerAsn(65001).build();\nVpcBgpPeer.Builder.create(this, "p").build();\n`,
    code: 'missing-required',
    title: /^Add \.bgpGroupId\(group\.getId\(\)\)$/,
    after: `VpcBgpGroup group = VpcBgpGroup.Builder.create(this, "g").routerId("vbr-1").peerAsn(65001).build();\nVpcBgpPeer.Builder.create(this, "p").bgpGroupId(group.getId()).build();\n`,
  },
  {
    name: 'remove: a call on its own line and inline',
    language: 'java',
    before: `VpcBgpPeer.Builder.create(this, "p")\n    .bgpGroupId("bgpg-1")\n    .status("x")\n    .build();\nVpcBgpPeer.Builder.create(this, "q").bgpGroupId("bgpg-1").build();\n`,
    code: 'read-only-argument',
    title: /^Remove status$/,
    after: `VpcBgpPeer.Builder.create(this, "p")\n    .bgpGroupId("bgpg-1")\n    .build();\nVpcBgpPeer.Builder.create(this, "q").bgpGroupId("bgpg-1").build();\n`,
  },
  {
    name: 'remove: inline',
    language: 'java',
    before: `VpcBgpPeer.Builder.create(this, "p").bgpGroupId("bgpg-1").status("x").enableBfd(true).build();\n`,
    code: 'read-only-argument',
    title: /^Remove status$/,
    after: `VpcBgpPeer.Builder.create(this, "p").bgpGroupId("bgpg-1").enableBfd(true).build();\n`,
  },
  {
    name: 'replaceValue: a number keeps its long suffix, without which javac finds the int literal too large',
    language: 'java',
    before: `VpcBgpGroup.Builder.create(this, "g").routerId("vbr-1").peerAsn(65001).localAsn(4294967295L).build();\n`,
    code: 'value-out-of-range',
    title: /^Change to 4294967294$/,
    after: `VpcBgpGroup.Builder.create(this, "g").routerId("vbr-1").peerAsn(65001).localAsn(4294967294L).build();\n`,
  },
  {
    name: 'replaceValue: a number past int is written as a long',
    language: 'java',
    before: `VpcBgpGroup.Builder.create(this, "g").routerId("vbr-1").peerAsn(65001).localAsn(4.3e9).build();\n`,
    code: 'value-out-of-range',
    title: /^Change to 4294967294$/,
    after: `VpcBgpGroup.Builder.create(this, "g").routerId("vbr-1").peerAsn(65001).localAsn(4294967294L).build();\n`,
  },
  {
    name: 'replaceValue: a hexadecimal long keeps its suffix (its F is a digit)',
    language: 'java',
    before: `VpcBgpPeer.Builder.create(this, "p").bgpGroupId("bgpg-1").enableBfd(true).bfdMultiHop(0x1FFl).build();\n`,
    code: 'value-out-of-range',
    title: /^Clamp to 255$/,
    after: `VpcBgpPeer.Builder.create(this, "p").bgpGroupId("bgpg-1").enableBfd(true).bfdMultiHop(255l).build();\n`,
  },
  {
    name: 'replaceValue: a float keeps its suffix',
    language: 'java',
    before: `VpcBgpPeer.Builder.create(this, "p").bgpGroupId("bgpg-1").enableBfd(true).bfdMultiHop(300F).build();\n`,
    code: 'value-out-of-range',
    title: /^Clamp to 255$/,
    after: `VpcBgpPeer.Builder.create(this, "p").bgpGroupId("bgpg-1").enableBfd(true).bfdMultiHop(255F).build();\n`,
  },
  {
    name: 'replaceValue: a float that cannot hold the value becomes a double',
    language: 'java',
    before: `VpcBgpGroup.Builder.create(this, "g").routerId("vbr-1").peerAsn(65001).localAsn(5e9f).build();\n`,
    code: 'value-out-of-range',
    title: /^Change to 4294967294$/,
    after: `VpcBgpGroup.Builder.create(this, "g").routerId("vbr-1").peerAsn(65001).localAsn(4294967294d).build();\n`,
  },
  // C#
  {
    name: 'replaceValue: a number keeps its UL suffix',
    language: 'csharp',
    before: `new VpcBgpGroup(this, "g", new VpcBgpGroupConfig { RouterId = "vbr-1", PeerAsn = 65001, LocalAsn = 4294967295UL });\n`,
    code: 'value-out-of-range',
    title: /^Change to 4294967294$/,
    after: `new VpcBgpGroup(this, "g", new VpcBgpGroupConfig { RouterId = "vbr-1", PeerAsn = 65001, LocalAsn = 4294967294UL });\n`,
  },
  {
    name: 'replaceValue: a number keeps its u suffix',
    language: 'csharp',
    before: `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = "bgpg-1", EnableBfd = true, BfdMultiHop = 300u });\n`,
    code: 'value-out-of-range',
    title: /^Clamp to 255$/,
    after: `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = "bgpg-1", EnableBfd = true, BfdMultiHop = 255u });\n`,
  },
  {
    name: 'set: an initializer with braces on their own lines, trailing comma kept',
    language: 'csharp',
    before: `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig\n{\n    BgpGroupId = "bgpg-1",\n    BfdMultiHop = 3,\n});\n`,
    code: 'bfd-multi-hop-without-bfd',
    title: /^Set EnableBfd = true$/,
    after: `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig\n{\n    BgpGroupId = "bgpg-1",\n    BfdMultiHop = 3,\n    EnableBfd = true,\n});\n`,
  },
  {
    name: 'set: a reference, all on one line',
    language: 'csharp',
    before: `var group = new VpcBgpGroup(this, "g", new VpcBgpGroupConfig { RouterId = "vbr-1", PeerAsn = 65001 });\nnew VpcBgpPeer(this, "p", new VpcBgpPeerConfig { EnableBfd = true });\n`,
    code: 'missing-required',
    title: /^Add BgpGroupId = group\.Id$/,
    after: `var group = new VpcBgpGroup(this, "g", new VpcBgpGroupConfig { RouterId = "vbr-1", PeerAsn = 65001 });\nnew VpcBgpPeer(this, "p", new VpcBgpPeerConfig { EnableBfd = true, BgpGroupId = group.Id });\n`,
  },
  {
    name: 'rename and remove use PascalCase',
    language: 'csharp',
    before: `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = "bgpg-1", EnableBfd = true, BfdMultihop = 3 });\n`,
    code: 'unknown-argument',
    title: /^Rename to "BfdMultiHop"$/,
    after: `new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = "bgpg-1", EnableBfd = true, BfdMultiHop = 3 });\n`,
  },
  // Go
  {
    name: 'set: aligned like gofmt, with the trailing comma Go requires',
    language: 'go',
    before: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tBgpGroupId:  jsii.String("bgpg-1"),\n\t\tBfdMultiHop: jsii.Number(3),\n\t})\n`,
    code: 'bfd-multi-hop-without-bfd',
    title: /^Set EnableBfd: jsii\.Bool\(true\)$/,
    after: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tBgpGroupId:  jsii.String("bgpg-1"),\n\t\tBfdMultiHop: jsii.Number(3),\n\t\tEnableBfd:   jsii.Bool(true),\n\t})\n`,
  },
  {
    name: 'replaceValue: a number wrapped for Go',
    language: 'go',
    before: `vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("bgpg-1"), EnableBfd: jsii.Bool(true), BfdMultiHop: jsii.Number(300)})\n`,
    code: 'value-out-of-range',
    title: /^Clamp to 255$/,
    after: `vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("bgpg-1"), EnableBfd: jsii.Bool(true), BfdMultiHop: jsii.Number(255)})\n`,
  },
  {
    name: 'set: into an empty literal, with a reference to the group',
    language: 'go',
    before: `group := vpcbgpgroup.NewVpcBgpGroup(stack, jsii.String("g"), &vpcbgpgroup.VpcBgpGroupConfig{RouterId: jsii.String("vbr-1"), PeerAsn: jsii.Number(65001)})\nvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{})\n`,
    code: 'missing-required',
    title: /^Add BgpGroupId: group\.Id\(\)$/,
    after: `group := vpcbgpgroup.NewVpcBgpGroup(stack, jsii.String("g"), &vpcbgpgroup.VpcBgpGroupConfig{RouterId: jsii.String("vbr-1"), PeerAsn: jsii.Number(65001)})\nvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: group.Id()})\n`,
  },
  {
    name: 'remove: a field on its own line',
    language: 'go',
    before: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tBgpGroupId: jsii.String("bgpg-1"),\n\t\tStatus:     jsii.String("x"),\n\t})\n`,
    code: 'read-only-argument',
    title: /^Remove Status$/,
    after: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tBgpGroupId: jsii.String("bgpg-1"),\n\t})\n`,
  },
  {
    name: 'set: the closing brace on the last field\'s line stays there, and gofmt wants no comma before it',
    language: 'go',
    before: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("bgpg-1"),\n\t\tPeerIpAddress: jsii.String("2001:db8::1")})\n`,
    code: 'ip-version-mismatch',
    title: /^Set IpVersion: jsii\.String\("IPv6"\)$/,
    after: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("bgpg-1"),\n\t\tPeerIpAddress: jsii.String("2001:db8::1"),\n\t\tIpVersion:     jsii.String("IPv6")})\n`,
  },
  {
    name: 'remove: the longest key, and the others close up as gofmt does',
    language: 'go',
    before: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tBgpGroupId:  jsii.String("bgpg-1"),\n\t\tEnableBfd:   jsii.Bool(false),\n\t\tBfdMultiHop: jsii.Number(3),\n\t})\n`,
    code: 'bfd-multi-hop-without-bfd',
    title: /^Remove BfdMultiHop$/,
    after: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tBgpGroupId: jsii.String("bgpg-1"),\n\t\tEnableBfd:  jsii.Bool(false),\n\t})\n`,
  },
  {
    name: 'remove: the one field left gets one blank before its value and its comment',
    language: 'go',
    before: `\tgroup := vpcbgpgroup.NewVpcBgpGroup(stack, jsii.String("g"), &vpcbgpgroup.VpcBgpGroupConfig{RouterId: jsii.String("vbr-1"), PeerAsn: jsii.Number(65001)})\n\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tBgpGroupId:  group.Id(),       // the group\n\t\tBfdMultiHop: jsii.Number(300), // hops\n\t})\n`,
    code: 'bfd-multi-hop-without-bfd',
    title: /^Remove BfdMultiHop$/,
    after: `\tgroup := vpcbgpgroup.NewVpcBgpGroup(stack, jsii.String("g"), &vpcbgpgroup.VpcBgpGroupConfig{RouterId: jsii.String("vbr-1"), PeerAsn: jsii.Number(65001)})\n\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tBgpGroupId: group.Id(), // the group\n\t})\n`,
  },
  {
    name: 'set: a key longer than the others moves their values',
    language: 'go',
    before: `\tgroup := vpcbgpgroup.NewVpcBgpGroup(stack, jsii.String("g"), &vpcbgpgroup.VpcBgpGroupConfig{RouterId: jsii.String("vbr-1"), PeerAsn: jsii.Number(65001)})\n\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tIpVersion: jsii.String("IPv4"),\n\t})\n`,
    code: 'missing-required',
    title: /^Add BgpGroupId: group\.Id\(\)$/,
    after: `\tgroup := vpcbgpgroup.NewVpcBgpGroup(stack, jsii.String("g"), &vpcbgpgroup.VpcBgpGroupConfig{RouterId: jsii.String("vbr-1"), PeerAsn: jsii.Number(65001)})\n\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tIpVersion:  jsii.String("IPv4"),\n\t\tBgpGroupId: group.Id(),\n\t})\n`,
  },
  {
    name: 'set: a blank line ends the run gofmt aligns',
    language: 'go',
    before: `\tgroup := vpcbgpgroup.NewVpcBgpGroup(stack, jsii.String("g"), &vpcbgpgroup.VpcBgpGroupConfig{RouterId: jsii.String("vbr-1"), PeerAsn: jsii.Number(65001)})\n\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tPeerIpAddress: jsii.String("10.0.0.2"),\n\n\t\tIpVersion: jsii.String("IPv4"),\n\t})\n`,
    code: 'missing-required',
    title: /^Add BgpGroupId: group\.Id\(\)$/,
    after: `\tgroup := vpcbgpgroup.NewVpcBgpGroup(stack, jsii.String("g"), &vpcbgpgroup.VpcBgpGroupConfig{RouterId: jsii.String("vbr-1"), PeerAsn: jsii.Number(65001)})\n\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tPeerIpAddress: jsii.String("10.0.0.2"),\n\n\t\tIpVersion:  jsii.String("IPv4"),\n\t\tBgpGroupId: group.Id(),\n\t})\n`,
  },
  {
    name: 'remove: a comment line ends the run',
    language: 'go',
    before: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tPeerIpAddress: jsii.String("10.0.0.2"),\n\t\tBgpGroupId:    jsii.String("bgpg-1"),\n\t\t// BFD\n\t\tEnableBfd:   jsii.Bool(false),\n\t\tBfdMultiHop: jsii.Number(3),\n\t})\n`,
    code: 'bfd-multi-hop-without-bfd',
    title: /^Remove BfdMultiHop$/,
    after: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tPeerIpAddress: jsii.String("10.0.0.2"),\n\t\tBgpGroupId:    jsii.String("bgpg-1"),\n\t\t// BFD\n\t\tEnableBfd: jsii.Bool(false),\n\t})\n`,
  },
  {
    name: 'remove: a field over several lines ends the run, and has one blank after its key',
    language: 'go',
    before: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tBgpGroupId: jsii.String("bgpg-1"),\n\t\tTimeouts: &vpcbgppeer.VpcBgpPeerTimeouts{\n\t\t\tCreate: jsii.String("5m"),\n\t\t},\n\t\tEnableBfd:   jsii.Bool(false),\n\t\tBfdMultiHop: jsii.Number(3),\n\t})\n`,
    code: 'bfd-multi-hop-without-bfd',
    title: /^Remove BfdMultiHop$/,
    after: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tBgpGroupId: jsii.String("bgpg-1"),\n\t\tTimeouts: &vpcbgppeer.VpcBgpPeerTimeouts{\n\t\t\tCreate: jsii.String("5m"),\n\t\t},\n\t\tEnableBfd: jsii.Bool(false),\n\t})\n`,
  },
  {
    name: 'replaceValue: the widest value narrowing moves the comments in',
    language: 'go',
    before: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tBgpGroupId:  jsii.String("g"),  // the group\n\t\tEnableBfd:   jsii.Bool(true),   // on\n\t\tBfdMultiHop: jsii.Number(1000), // hops\n\t})\n`,
    code: 'value-out-of-range',
    title: /^Clamp to 255$/,
    after: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tBgpGroupId:  jsii.String("g"), // the group\n\t\tEnableBfd:   jsii.Bool(true),  // on\n\t\tBfdMultiHop: jsii.Number(255), // hops\n\t})\n`,
  },
  {
    name: 'rename: to the longest key, and the others move with it',
    language: 'go',
    before: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tBgpGroupId: jsii.String("bgpg-1"),\n\t\tEnableBfd:  jsii.Bool(true),\n\t\tBfdMultihp: jsii.Number(3),\n\t})\n`,
    code: 'unknown-argument',
    title: /^Rename to "BfdMultiHop"$/,
    after: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tBgpGroupId:  jsii.String("bgpg-1"),\n\t\tEnableBfd:   jsii.Bool(true),\n\t\tBfdMultiHop: jsii.Number(3),\n\t})\n`,
  },
  {
    name: 'set: a field on the line of the brace is not aligned; the closing brace stays on the last line',
    language: 'go',
    before: `\texpressconnectvirtualborderrouter.NewExpressConnectVirtualBorderRouter(stack, jsii.String("v"), &expressconnectvirtualborderrouter.ExpressConnectVirtualBorderRouterConfig{LocalGatewayIp: jsii.String("10.0.0.1"),\n\t\tPeerGatewayIp:     jsii.String("10.0.0.2"),\n\t\tPeeringSubnetMask: jsii.String("255.255.255.252"),\n\t\tVlanId:            jsii.Number(100)})\n`,
    code: 'missing-required',
    title: /PhysicalConnectionId/,
    after: `\texpressconnectvirtualborderrouter.NewExpressConnectVirtualBorderRouter(stack, jsii.String("v"), &expressconnectvirtualborderrouter.ExpressConnectVirtualBorderRouterConfig{LocalGatewayIp: jsii.String("10.0.0.1"),\n\t\tPeerGatewayIp:        jsii.String("10.0.0.2"),\n\t\tPeeringSubnetMask:    jsii.String("255.255.255.252"),\n\t\tVlanId:               jsii.Number(100),\n\t\tPhysicalConnectionId: jsii.String("pc-bp1example0001")})\n`,
  },
  {
    name: 'remove: the only field leaves {}, as gofmt writes an empty literal',
    language: 'go',
    before: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tStatus: jsii.String("x"),\n\t})\n`,
    code: 'read-only-argument',
    title: /^Remove Status$/,
    after: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{})\n`,
    left: ['missing-required'],
  },
  {
    name: 'remove: the last field after a blank line takes the blank line with it',
    language: 'go',
    before: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tBgpGroupId: jsii.String("bgpg-1"),\n\n\t\tStatus: jsii.String("x"),\n\t})\n`,
    code: 'read-only-argument',
    title: /^Remove Status$/,
    after: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tBgpGroupId: jsii.String("bgpg-1"),\n\t})\n`,
  },
  {
    name: 'remove: a field between blank lines leaves one of them',
    language: 'go',
    before: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tBgpGroupId: jsii.String("bgpg-1"),\n\n\t\tStatus: jsii.String("x"),\n\n\t\tIpVersion: jsii.String("IPv4"),\n\t})\n`,
    code: 'read-only-argument',
    title: /^Remove Status$/,
    after: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tBgpGroupId: jsii.String("bgpg-1"),\n\n\t\tIpVersion: jsii.String("IPv4"),\n\t})\n`,
  },
  {
    name: 'remove: the only field below a field on the brace line: the literal closes on that line',
    language: 'go',
    before: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("bgpg-1"),\n\t\tStatus: jsii.String("x"),\n\t})\n`,
    code: 'read-only-argument',
    title: /^Remove Status$/,
    after: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("bgpg-1")})\n`,
  },
  {
    name: 'remove: the only field, the brace after it: {}',
    language: 'go',
    before: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tStatus: jsii.String("x")})\n`,
    code: 'read-only-argument',
    title: /^Remove Status$/,
    after: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{})\n`,
    left: ['missing-required'],
  },
  {
    name: 'remove: a field on the brace line before a comment keeps a blank before the comment',
    language: 'go',
    before: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{Status: jsii.String("x"), // the peer\n\t\tBgpGroupId: jsii.String("bgpg-1"),\n\t})\n`,
    code: 'read-only-argument',
    title: /^Remove Status$/,
    after: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{ // the peer\n\t\tBgpGroupId: jsii.String("bgpg-1"),\n\t})\n`,
  },
  {
    name: 'remove: a literal gofmt did not align is left as it was',
    language: 'go',
    before: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tBgpGroupId: jsii.String("bgpg-1"),\n\t\tEnableBfd: jsii.Bool(false),\n\t\tBfdMultiHop: jsii.Number(3),\n\t})\n`,
    code: 'bfd-multi-hop-without-bfd',
    title: /^Remove BfdMultiHop$/,
    after: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tBgpGroupId: jsii.String("bgpg-1"),\n\t\tEnableBfd: jsii.Bool(false),\n\t})\n`,
  },
  // Comments around a removed entry: the comment lines right above it are its own and go with it; a comment after
  // the entry before (on its line), one standing alone (a blank line below it) and one heading a group (a blank
  // line above it, another entry right below the removed one) stay.
  {
    name: 'remove: the comment lines right above the entry go with it',
    language: 'typescript',
    before: `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "bgpg-1",\n  // why 300\n  bfdMultiHop: 300,\n  enableBfd: false,\n});\n`,
    code: 'bfd-multi-hop-without-bfd',
    title: /^Remove bfdMultiHop$/,
    after: `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "bgpg-1",\n  enableBfd: false,\n});\n`,
  },
  {
    name: 'remove: a comment heading a group stays with the group',
    language: 'typescript',
    before: `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "bgpg-1",\n\n  // BFD settings\n  bfdMultiHop: 300,\n  enableBfd: false,\n});\n`,
    code: 'bfd-multi-hop-without-bfd',
    title: /^Remove bfdMultiHop$/,
    after: `new VpcBgpPeer(this, "p", {\n  bgpGroupId: "bgpg-1",\n\n  // BFD settings\n  enableBfd: false,\n});\n`,
  },
  {
    name: 'remove: the last entry keeps the comment after the entry before it',
    language: 'typescript',
    before: `new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1", // the group\n  status: "x" });\n`,
    code: 'read-only-argument',
    title: /^Remove status$/,
    after: `new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1" // the group\n});\n`,
  },
  {
    name: 'remove: the last entry keeps a comment standing alone above it',
    language: 'typescript',
    before: `new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1",\n\n  // a note of its own\n\n  status: "x" });\n`,
    code: 'read-only-argument',
    title: /^Remove status$/,
    after: `new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1"\n\n  // a note of its own\n\n});\n`,
  },
  {
    name: 'remove: the last keyword argument keeps the comment after the one before',
    language: 'python',
    before: `VpcBgpPeer(self, "p", bgp_group_id="bgpg-1",  # the group\n           status="x")\n`,
    code: 'read-only-argument',
    title: /^Remove status$/,
    after: `VpcBgpPeer(self, "p", bgp_group_id="bgpg-1"  # the group\n)\n`,
  },
  {
    name: 'remove: the last keyword argument takes its own comment line with it',
    language: 'python',
    before: `VpcBgpPeer(self, "p", bgp_group_id="bgpg-1",\n           # not settable\n           status="x")\n`,
    code: 'read-only-argument',
    title: /^Remove status$/,
    after: `VpcBgpPeer(self, "p", bgp_group_id="bgpg-1")\n`,
  },
  {
    name: 'remove: a block comment right above goes whole, one begun above the entry before stays',
    language: 'java',
    before: `VpcBgpPeer.Builder.create(this, "p")\n    /* the group\n       of the peer */\n    .bgpGroupId("bgpg-1")\n    /*\n     * read-only\n     */\n    .status("x")\n    .build();\n`,
    code: 'read-only-argument',
    title: /^Remove status$/,
    after: `VpcBgpPeer.Builder.create(this, "p")\n    /* the group\n       of the peer */\n    .bgpGroupId("bgpg-1")\n    .build();\n`,
  },
  {
    name: 'remove: the field\'s comment goes, and gofmt closes the literal on its brace line',
    language: 'go',
    before: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("bgpg-1"),\n\t\t// read-only\n\t\tStatus: jsii.String("x"),\n\t})\n`,
    code: 'read-only-argument',
    title: /^Remove Status$/,
    after: `\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("bgpg-1")})\n`,
  },
  // Python: a dict literal unpacked as the keyword arguments (`**{...}`) is edited as the dict it is.
  {
    name: '**{...}: a value is clamped in the dict',
    language: 'python',
    before: `VpcBgpPeer(self, "p", **{"bgp_group_id": "bgpg-1", "bfd_multi_hop": 300, "enable_bfd": True})\n`,
    code: 'value-out-of-range',
    title: /^Clamp to 255$/,
    after: `VpcBgpPeer(self, "p", **{"bgp_group_id": "bgpg-1", "bfd_multi_hop": 255, "enable_bfd": True})\n`,
  },
  {
    name: '**{...}: an argument is added with a string key',
    language: 'python',
    before: `VpcBgpPeer(self, "p", **{\n    "bgp_group_id": "bgpg-1",\n    "bfd_multi_hop": 3,\n})\n`,
    code: 'bfd-multi-hop-without-bfd',
    title: /^Set "enable_bfd": True$/,
    after: `VpcBgpPeer(self, "p", **{\n    "bgp_group_id": "bgpg-1",\n    "bfd_multi_hop": 3,\n    "enable_bfd": True,\n})\n`,
  },
  {
    name: '**{}: a missing required argument goes into the empty dict',
    language: 'python',
    before: `VpcBgpPeer(self, 'p', **{})\n`,
    code: 'missing-required',
    title: /^Add 'bgp_group_id': 'bgpg-/,
    after: `VpcBgpPeer(self, 'p', **{'bgp_group_id': 'bgpg-2zev8h2uxpbnexample01'})\n`,
  },
  // Values set after the construct is built (`laterValues.ts`): the value is fixed where it is written.
  {
    name: 'later set: an assignment out of range is clamped where it is written',
    language: 'typescript',
    before: `const peer = new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1" });\npeer.bfdMultiHop = 300;\n`,
    code: 'value-out-of-range',
    title: /^Clamp to 255$/,
    after: `const peer = new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1" });\npeer.bfdMultiHop = 255;\n`,
  },
  {
    name: 'later set: an invalid enum value in an override becomes the closest value',
    language: 'typescript',
    before: `const peer = new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1" });\nif (v6) peer.addOverride("ip_version", "IPv5");\n`,
    code: 'invalid-value',
    title: /^Change to "IPv4"$/,
    after: `const peer = new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1" });\nif (v6) peer.addOverride("ip_version", "IPv4");\n`,
  },
  {
    name: 'later set: a misspelt key of putTimeouts is renamed, a duplicate removed from the struct',
    language: 'typescript',
    before: `const peer = new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1" });\npeer.putTimeouts({ creat: "1m" });\n`,
    code: 'unknown-argument',
    title: /^Rename to "create"$/,
    after: `const peer = new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1" });\npeer.putTimeouts({ create: "1m" });\n`,
  },
  {
    name: 'later set: a duplicate key of putTimeouts is removed from the struct',
    language: 'typescript',
    before: `const peer = new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1" });\npeer.putTimeouts({ create: "1m", create: "2m" });\n`,
    code: 'duplicate-argument',
    title: /^Remove this duplicate create$/,
    after: `const peer = new VpcBgpPeer(this, "p", { bgpGroupId: "bgpg-1" });\npeer.putTimeouts({ create: "1m" });\n`,
  },
  {
    name: 'later set: an assignment',
    language: 'python',
    before: `peer = VpcBgpPeer(self, "p", bgp_group_id="bgpg-1")\npeer.bfd_multi_hop = 300\n`,
    code: 'value-out-of-range',
    title: /^Clamp to 255$/,
    after: `peer = VpcBgpPeer(self, "p", bgp_group_id="bgpg-1")\npeer.bfd_multi_hop = 255\n`,
  },
  {
    name: 'later set: a put_timeouts keyword argument is renamed',
    language: 'python',
    before: `peer = VpcBgpPeer(self, "p", bgp_group_id="bgpg-1")\npeer.put_timeouts(creat="1m")\n`,
    code: 'unknown-argument',
    title: /^Rename to "create"$/,
    after: `peer = VpcBgpPeer(self, "p", bgp_group_id="bgpg-1")\npeer.put_timeouts(create="1m")\n`,
  },
  {
    name: 'later set: a setter',
    language: 'java',
    before: `VpcBgpPeer peer = VpcBgpPeer.Builder.create(this, "p").bgpGroupId("bgpg-1").build();\npeer.setBfdMultiHop(300);\n`,
    code: 'value-out-of-range',
    title: /^Clamp to 255$/,
    after: `VpcBgpPeer peer = VpcBgpPeer.Builder.create(this, "p").bgpGroupId("bgpg-1").build();\npeer.setBfdMultiHop(255);\n`,
  },
  {
    name: 'later set: a property keeps its literal suffix',
    language: 'csharp',
    before: `var peer = new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = "bgpg-1" });\npeer.BfdMultiHop = 300L;\n`,
    code: 'value-out-of-range',
    title: /^Clamp to 255$/,
    after: `var peer = new VpcBgpPeer(this, "p", new VpcBgpPeerConfig { BgpGroupId = "bgpg-1" });\npeer.BfdMultiHop = 255L;\n`,
  },
  {
    name: 'later set: a setter, in jsii.Number',
    language: 'go',
    before: `\tpeer := vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("bgpg-1")})\n\tpeer.SetBfdMultiHop(jsii.Number(300))\n`,
    code: 'value-out-of-range',
    title: /^Clamp to 255$/,
    after: `\tpeer := vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("bgpg-1")})\n\tpeer.SetBfdMultiHop(jsii.Number(255))\n`,
  },
  {
    name: 'later set: a field of PutTimeouts renamed, the struct realigned as gofmt would',
    language: 'go',
    before: `\tpeer := vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("bgpg-1")})\n\tpeer.PutTimeouts(&vpcbgppeer.VpcBgpPeerTimeouts{\n\t\tCreat:  jsii.String("1m"),\n\t\tDelete: jsii.String("5m"),\n\t})\n`,
    code: 'unknown-argument',
    title: /^Rename to "Create"$/,
    after: `\tpeer := vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{BgpGroupId: jsii.String("bgpg-1")})\n\tpeer.PutTimeouts(&vpcbgppeer.VpcBgpPeerTimeouts{\n\t\tCreate: jsii.String("1m"),\n\t\tDelete: jsii.String("5m"),\n\t})\n`,
  },
];

describe('CDKTF quick fixes, rendered per language', () => {
  for (const c of CASES) {
    it(`${c.language}: ${c.name}`, () => {
      const r = fix(c.language, c.before, c.code, c.title);
      assert.equal(r.text, c.after);
      assert.deepEqual(r.after, c.left ?? []);
    });
  }
});
