// The outline of a large file through the real server: VS Code asks for it after every pause in typing, so
// asking again and again must neither pile up memory nor answer stale places.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DocumentSymbol, DocumentSymbolRequest } from 'vscode-languageserver-protocol/node';
import { Declaration, forEachDeclaration } from '../../server/src/engine/hclSymbols';
import { HclDocument } from '../../server/src/syntax/hcl/document';
import { SYMBOL_KINDS } from '../../server/src/lsp/outline';
import { LspClient, uri } from '../helpers/lsp';

let client: LspClient;

function outlineOf(lsp: LspClient, u: string): Promise<DocumentSymbol[]> {
  return lsp.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: u } }) as Promise<DocumentSymbol[]>;
}
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  await client.stop();
});

test('the outline of a 100,000-line file, asked for after each of 20 edits, keeps the server within 50 MB of its peak after opening', async () => {
  const { hclModule } = await import('../../scripts/bench/workloads.mjs');
  // The benchmark's module: 15,000 outline entries (3.3 MB of JSON), and a Chinese comment among them.
  let text: string = hclModule(100000).text;
  assert.match(text, /[^\u0000-\u00ff]/);
  const u = uri();
  await client.open(u, text);
  await new Promise((r) => setTimeout(r, 300));
  const opened = client.peakMB();
  const ask = () => outlineOf(client, u);
  const first = await ask();
  for (let i = 0; i < 20; i++) {
    // A line added at the top each time: every entry moves down one line.
    await client.change(u, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: `# ${i}\n` }]);
    text = `# ${i}\n` + text;
    const symbols = await ask();
    assert.equal(symbols.length, first.length);
    const last = symbols[symbols.length - 1];
    assert.equal(last.range.start.line, first[first.length - 1].range.start.line + i + 1);
  }
  const grown = client.peakMB() - opened;
  assert.ok(grown < 50, `the server's peak grew by ${grown.toFixed(0)} MB (${opened.toFixed(0)} -> ${client.peakMB().toFixed(0)} MB)`);
});

// A broken answer is JSON the client cannot read, and the request would wait forever: the timeout fails it.
test('the outline of a large file, written in parts, is each declaration in order, with its place and its nested blocks', { timeout: 60_000 }, async () => {
  const { hclModule } = await import('../../scripts/bench/workloads.mjs');
  // 770 entries (160 KB of JSON: several of the parts it is written in), a name with a quote and Chinese in it, and
  // one longer than a part can hold.
  const text = [hclModule(5000).text, 'resource "alicloud_vpc" "网络\\"q" {', '  timeouts {}', '}', `data "alicloud_vpcs" "${'v'.repeat(70000)}" {}`, ''].join('\n');
  const u = uri();
  await client.open(u, text);
  const symbol = (d: Declaration): DocumentSymbol => ({
    name: d.name,
    kind: SYMBOL_KINDS[d.kind],
    range: d.range,
    selectionRange: d.selectionRange,
    ...(d.children.length > 0 ? { children: d.children.map(symbol) } : {}),
  });
  const all: Declaration[] = [];
  forEachDeclaration(new HclDocument(text), (d) => all.push(d));
  const nested = new Set(all.flatMap((d) => d.children));
  const expected = all.filter((d) => !nested.has(d)).map(symbol);
  assert.ok(expected.length > 350 && nested.size > 350);
  const got = await outlineOf(client, u);
  assert.deepEqual(got, expected);
  assert.deepEqual(got.slice(-2).map((s) => [s.name.length, s.children?.map((c) => c.name)]), [['alicloud_vpc.网络"q'.length, ['timeouts']], ['data.alicloud_vpcs.'.length + 70000, undefined]]);
});

test('typing within a line keeps the outline as it was, and a renamed block or nested block shows its new name', async () => {
  const text = [
    'resource "alicloud_vpc_bgp_group" "g1" {',
    '  peer_asn = 65001',
    '}',
    '',
    'resource "alicloud_vpc_bgp_peer" "p1" {',
    '  bgp_group_id  = alicloud_vpc_bgp_group.g1.id',
    '  bfd_multi_hop = 10',
    '  timeouts {',
    '    create = "5m"',
    '  }',
    '}',
    '',
  ].join('\n');
  const u = uri();
  await client.open(u, text);
  const ask = () => outlineOf(client, u);
  const before = await ask();
  assert.deepEqual(before.map((s) => s.name), ['alicloud_vpc_bgp_group.g1', 'alicloud_vpc_bgp_peer.p1']);
  // A digit typed in a value, on a line no entry starts or ends on: the same outline.
  await client.change(u, [{ range: { start: { line: 6, character: 20 }, end: { line: 6, character: 20 } }, text: '0' }]);
  assert.deepEqual(await ask(), before);
  // Renamed on its own line: the name changes, and nothing moves.
  await client.change(u, [{ range: { start: { line: 4, character: 34 }, end: { line: 4, character: 36 } }, text: 'edge' }]);
  const renamed = await ask();
  assert.deepEqual(renamed.map((s) => s.name), ['alicloud_vpc_bgp_group.g1', 'alicloud_vpc_bgp_peer.edge']);
  assert.deepEqual(renamed[1].range, { start: { line: 4, character: 0 }, end: { line: 10, character: 1 } });
  assert.deepEqual(renamed[1].selectionRange, { ...before[1].selectionRange, end: { line: 4, character: before[1].selectionRange.end.character + 2 } });
  assert.deepEqual(renamed[1].children?.map((c) => c.name), ['timeouts']);
  // The nested block renamed (no longer `timeouts`): the child follows, with its longer selection.
  await client.change(u, [{ range: { start: { line: 7, character: 2 }, end: { line: 7, character: 10 } }, text: 'lifecycle' }]);
  const nested = await ask();
  assert.deepEqual(nested[1].children?.map((c) => [c.name, c.selectionRange.end.character]), [['lifecycle', 11]]);
  // And back: the first answer again.
  await client.change(u, [{ range: { start: { line: 7, character: 2 }, end: { line: 7, character: 11 } }, text: 'timeouts' }]);
  await client.change(u, [{ range: { start: { line: 4, character: 34 }, end: { line: 4, character: 38 } }, text: 'p1' }]);
  await client.change(u, [{ range: { start: { line: 6, character: 20 }, end: { line: 6, character: 21 } }, text: '' }]);
  assert.deepEqual(await ask(), before);
});

test('asked for after each of 30 keystrokes that leave it as it was, the outline of a 100,000-line file adds less than 2 MB to the server\'s peak', async () => {
  // The benchmark's pattern, and VS Code's: the outline, breadcrumbs and sticky scroll ask after every pause in
  // typing, and most typing changes no entry. Each answer used to be made anew: +24 MB. Then the first answer,
  // kept, still added 4.3 MB: its entries packed in an object per chunk, and its JSON written into one buffer
  // large enough for any answer and copied to its size.
  const { hclModule } = await import('../../scripts/bench/workloads.mjs');
  const text: string = hclModule(100000).text;
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('bfd_multi_hop'));
  const character = lines[line].indexOf('bfd_multi_hop') + 'bfd_multi_hop'.length;
  const fresh = await LspClient.start();
  try {
    const u = uri();
    await fresh.open(u, text);
    await new Promise((r) => setTimeout(r, 300));
    const opened = fresh.peakMB();
    const ask = () => outlineOf(fresh, u);
    const first = await ask();
    assert.ok(first.length > 4000);
    for (let i = 0; i < 30; i++) {
      await fresh.change(u, [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }]);
      await fresh.change(u, [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' }]);
      assert.equal((await ask()).length, first.length);
    }
    const grown = fresh.peakMB() - opened;
    assert.ok(grown < 2, `the server's peak grew by ${grown.toFixed(1)} MB (${opened.toFixed(0)} -> ${fresh.peakMB().toFixed(0)} MB)`);
  } finally {
    await fresh.stop();
  }
});
