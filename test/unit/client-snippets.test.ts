// The snippets (snippets/*.json), checked without an editor: tab stops numbered in reading order, choices
// where a value is one of a set, and defaults the server accepts. (test/vscode/suite/snippets.test.ts inserts
// each one in a real VS Code and asks the real server.)
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createSourceFile } from '../../server/src/engine/files';
import { contextFor } from '../../server/src/engine/moduleContext';
import { defaultSchemas } from '../../server/src/schema/registry';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributed: { language: string; path: string }[] = manifest.contributes.snippets;

interface Snippet { prefix: string | string[]; description: string; body: string[] }
const load = (p: string): Record<string, Snippet> => JSON.parse(fs.readFileSync(path.join(root, p), 'utf8'));

/** The text a snippet inserts when every placeholder keeps its default (a choice: its first value). */
export function expand(body: string[], indent = '  '): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{?\d+\}?/g, '')
    .replace(/\t/g, indent);
}

/** Tab stop numbers in order of first appearance. */
function tabStops(body: string[]): number[] {
  const seen: number[] = [];
  for (const m of body.join('\n').matchAll(/\$\{?(\d+)/g)) {
    const n = Number(m[1]);
    if (!seen.includes(n)) seen.push(n);
  }
  return seen;
}

const WRAP: Record<string, (s: string) => string> = {
  // The group a peer snippet's default refers to, unless the snippet makes it (a second one would be an error).
  terraform: (s) => (/resource "alicloud_vpc_bgp_group" "main"/.test(s) ? s : `resource "alicloud_vpc_bgp_group" "main" {\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\n\n${s}`),
  typescript: (s) => `import { VpcBgpPeer } from "./.gen/providers/alicloud/vpc-bgp-peer";\nclass S extends TerraformStack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n${s}\n  }\n}\n`,
  python: (s) => `from imports.alicloud.vpc_bgp_peer import VpcBgpPeer\nclass S(TerraformStack):\n    def __init__(self, scope, id):\n        super().__init__(scope, id)\n${s}\n`,
  java: (s) => `public class Main extends TerraformStack {\n  public Main(Construct scope, String id) {\n    super(scope, id);\n${s}\n  }\n}\n`,
  csharp: (s) => `class MainStack : TerraformStack {\n  public MainStack(Construct scope, string id) : base(scope, id) {\n${s}\n  }\n}\n`,
  go: (s) => `func NewMyStack(scope constructs.Construct, id string) cdktf.TerraformStack {\n\tstack := cdktf.NewTerraformStack(scope, &id)\n${s}\n\treturn stack\n}\n`,
};
const EXT: Record<string, string> = { terraform: 'tf', typescript: 'ts', python: 'py', java: 'java', csharp: 'cs', go: 'go' };

test('package.json contributes a snippet file for Terraform and every CDKTF language', () => {
  assert.deepEqual(contributed.map((c) => c.language).sort(), ['csharp', 'go', 'java', 'python', 'terraform', 'typescript']);
  const tf = load(contributed.find((c) => c.language === 'terraform')!.path);
  assert.deepEqual(Object.keys(tf).sort(), ['BGP peer', 'BGP peer chain', 'BGP peer import block', 'BGP peer with BFD', 'BGP timeouts']);
});

for (const { language, path: file } of contributed) {
  for (const [name, s] of Object.entries(load(file))) {
    test(`${language} snippet "${name}": tab stops 1..n in reading order, $0 last, choices for sets`, () => {
      assert.ok(s.description && s.prefix.length > 0);
      const stops = tabStops(s.body).filter((n) => n !== 0);
      assert.deepEqual(stops, stops.map((_, i) => i + 1), `tab stops ${stops} are not 1..n in reading order`);
      const text = s.body.join('\n');
      if (text.includes('$0')) assert.ok(text.trimEnd().endsWith('$0'), '$0 is the last stop');
      for (const line of s.body.filter((l) => /ip_?version|IpVersion/i.test(l))) assert.match(line, /\$\{\d+\|IPv4,IPv6\|\}/, 'ip_version offers IPv4/IPv6');
      for (const line of s.body.filter((l) => /enable_?bfd/i.test(l))) assert.doesNotMatch(line, /\$\{\d+:(?!true|True)/, 'enable_bfd defaults to true');
    });

    test(`${language} snippet "${name}": its defaults give no error`, () => {
      let inner = expand(s.body, language === 'go' ? '\t' : '  ');
      if (name === 'BGP timeouts') inner = `resource "alicloud_vpc_bgp_peer" "main" {\n  bgp_group_id = alicloud_vpc_bgp_group.main.id\n${inner}\n}`;
      const text = WRAP[language](inner);
      const f = createSourceFile(`file:///snippets/main.${EXT[language]}`, language, text)!;
      const findings = f.diagnostics(contextFor([f], defaultSchemas()));
      assert.deepEqual(findings.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`), [], text);
      if (name !== 'BGP peer import block') {
        const types = [...f.instances()].map((i) => i.value.type);
        assert.ok(types.includes('alicloud_vpc_bgp_peer'), `the server sees the peer in:\n${text}`);
      }
    });
  }
}
