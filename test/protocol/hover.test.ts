/**
 * textDocument/hover over stdio: the resource type (what it is, since which provider version, how to
 * import it), an argument (its allowed range), a key of the nested `timeouts` block, and nothing where
 * there is nothing to say. A `|` in a fixture marks the cursor.
 *
 * Run: npm run build && npx tsx --test test/protocol/hover.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { at, LspClient, rangeOf, uri } from '../helpers/lsp';

const PEER = `resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id  = "bgpg-1"
  enable_bfd    = true
  bfd_multi_hop = 10
  count         = 2

  timeouts {
    create = "10m"
  }
}
`;

function markdown(h: Hover | null): string {
  assert.ok(h, 'a hover');
  assert.equal((h.contents as MarkupContent).kind, 'markdown');
  return (h.contents as MarkupContent).value;
}

describe('hover', () => {
  let lsp: LspClient;
  before(async () => (lsp = await LspClient.start()));
  after(() => lsp.stop());

  async function hoverAt(fixture: string) {
    const { text, position } = at(fixture);
    const u = uri();
    await lsp.open(u, text);
    return { hover: await lsp.hover(u, position), text };
  }

  it('on the resource type describes the peer, the provider version it arrived in, and how to import it', async () => {
    const { hover, text } = await hoverAt(PEER.replace('alicloud_vpc_bgp_peer', 'alicloud_vpc_|bgp_peer'));
    const md = markdown(hover);
    assert.match(md, /alicloud_vpc_bgp_peer/);
    assert.match(md, /1\.153\.0/);
    assert.match(md, /terraform import alicloud_vpc_bgp_peer\.\S+ bgp-/);
    assert.match(md, /import \{/);
    assert.match(md, /Required: `bgp_group_id`/);
    assert.deepEqual(hover!.range, rangeOf(text, '"alicloud_vpc_bgp_peer"'));
  });

  it('on bfd_multi_hop gives its allowed range 1–255 and default', async () => {
    const { hover, text } = await hoverAt(PEER.replace('bfd_multi_hop', 'bfd_mul|ti_hop'));
    const md = markdown(hover);
    assert.match(md, /\*\*bfd_multi_hop\*\*/);
    assert.match(md, /1–255/);
    assert.match(md, /Default: `255`/);
    assert.match(md, /enable_bfd = true/);
    assert.deepEqual(hover!.range, rangeOf(text, 'bfd_multi_hop'));
  });

  it('on a key inside timeouts describes that timeout, named with its block', async () => {
    const { hover, text } = await hoverAt(PEER.replace('create =', 'cre|ate ='));
    const md = markdown(hover);
    assert.match(md, /\*\*timeouts\.create\*\*/);
    assert.match(md, /Default: `5m`/);
    assert.deepEqual(hover!.range, rangeOf(text, 'create'));
  });

  it('on the timeouts block name describes the block and its keys', async () => {
    const { hover } = await hoverAt(PEER.replace('timeouts {', 'time|outs {'));
    const md = markdown(hover);
    assert.match(md, /\*\*timeouts\*\* block/);
    for (const k of ['create', 'update', 'delete']) assert.match(md, new RegExp('`' + k + '`'));
  });

  it('on a meta-argument explains it', async () => {
    const { hover } = await hoverAt(PEER.replace('count ', 'co|unt '));
    assert.match(markdown(hover), /\*\*count\*\* \(Terraform meta-argument\)/);
  });

  it('returns null on values, blank lines, unknown arguments and resource types without a schema', async () => {
    assert.equal((await hoverAt(PEER.replace('= 10', '= 1|0'))).hover, null);
    assert.equal((await hoverAt(PEER.replace('  count', '|  count'))).hover, null);
    assert.equal((await hoverAt(PEER.replace('  count', '  bfd_mult|ihop = 1\n  count'))).hover, null);
    assert.equal((await hoverAt(`resource "aws_instance" "x" {\n  ami| = "x"\n}\n`)).hover, null);
  });

  it('on a variable\'s name in a .tfvars or .tfvars.json file: its declaration, where, and the argument of ours it is passed to', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bgp-hover-tfvars-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'main.tf'),
        'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  bfd_multi_hop = var.hops\n\n  timeouts {\n    create = var.wait\n  }\n}\n\nresource "aws_instance" "x" {\n  ami = var.hops\n}\n',
      );
      fs.writeFileSync(
        path.join(dir, 'variables.tf'),
        'variable "hops" {\n  type        = number\n  default     = 10\n  description = "How many hops BFD allows."\n}\n\nvariable "wait" {\n  type = string\n}\n\nvariable "tags" {\n  type = map(string)\n  default = {\n    env = "prod"\n  }\n}\n',
      );
      const hoverIn = async (name: string, fixture: string, languageId: string) => {
        const { text, position } = at(fixture);
        const u = pathToFileURL(path.join(dir, name)).toString();
        await lsp.open(u, text, languageId);
        return { hover: await lsp.hover(u, position), text };
      };
      const { hover, text } = await hoverIn('terraform.tfvars', 'ho|ps = 20\nwait = "10m"\ntags = {}\nzone = "a"\n', 'terraform-vars');
      const md = markdown(hover);
      assert.match(md, /\*\*variable "hops"\*\* · number/);
      assert.match(md, /How many hops BFD allows\./);
      assert.match(md, /Default: `10`/);
      assert.match(md, /Declared in `variables\.tf` \(line 1\)/);
      assert.match(md, /Passed to `bfd_multi_hop` of `alicloud_vpc_bgp_peer\.p` \(main\.tf line 3\)/);
      assert.match(md, /\*\*bfd_multi_hop\*\*.*\n[\s\S]*1–255/, 'the argument\'s own hover text');
      assert.doesNotMatch(md, /aws_instance/, 'only arguments of resources we know');
      assert.deepEqual(hover!.range, rangeOf(text, 'hops'));

      const nested = markdown((await hoverIn('a.auto.tfvars', 'wa|it = "10m"\n', 'terraform-vars')).hover);
      assert.match(nested, /No default: a value must be given/);
      assert.match(nested, /Passed to `timeouts\.create` of `alicloud_vpc_bgp_peer\.p` \(main\.tf line 6\)/);
      assert.match(nested, /\*\*timeouts\.create\*\*/);
      assert.match(markdown((await hoverIn('b.auto.tfvars', 'ta|gs = {}\n', 'terraform-vars')).hover), /map\(string\)[\s\S]*Default:\n\n  ```hcl\n  \{\n    env = "prod"\n  \}\n  ```/);
      assert.match(markdown((await hoverIn('c.auto.tfvars', 'zo|ne = "a"\n', 'terraform-vars')).hover), /not declared[\s\S]*"Value for undeclared variable"/);

      const json = await hoverIn('d.auto.tfvars.json', '{\n  "ho|ps": 20\n}\n', 'json');
      assert.match(markdown(json.hover), /\*\*variable "hops"\*\* · number[\s\S]*Passed to `bfd_multi_hop`/);
      assert.deepEqual(json.hover!.range, rangeOf(json.text, '"hops"'));
      assert.equal((await hoverIn('e.auto.tfvars', 'hops = 2|0\n', 'terraform-vars')).hover, null, 'nothing on a value');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on a variable declared in a CRLF file, over several lines: its default as written, without the \\r', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bgp-hover-tfvars-crlf-'));
    try {
      fs.writeFileSync(path.join(dir, 'variables.tf'), 'variable "tags" {\r\n  type = map(string)\r\n  default = {\r\n    env = "prod"\r\n  }\r\n}\r\n');
      const { text, position } = at('ta|gs = {}\n');
      const u = pathToFileURL(path.join(dir, 'terraform.tfvars')).toString();
      await lsp.open(u, text, 'terraform-vars');
      const md = markdown(await lsp.hover(u, position));
      assert.match(md, /Default:\n\n  ```hcl\n  \{\n    env = "prod"\n  \}\n  ```/);
      assert.doesNotMatch(md, /\r/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
