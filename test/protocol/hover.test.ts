/**
 * textDocument/hover over stdio: the resource type (what it is, since which provider version, how to
 * import it), an argument (its allowed range), a key of the nested `timeouts` block, and nothing where
 * there is nothing to say. A `|` in a fixture marks the cursor.
 *
 * Run: npm run build && npx tsx --test test/protocol/hover.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
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
});
