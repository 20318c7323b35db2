// Protocol abuse through the real server: a flood of changes without waiting, several overlapping changes
// in one notification, a 50 MB document. The server keeps answering, stays within a memory bound, and its
// diagnostics end up matching the final text.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { HoverRequest, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, uri } from '../helpers/lsp';

let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  await client.stop();
});

function module(blocks: number): string {
  let text = '';
  for (let i = 0; i < blocks; i++) {
    text += `resource "alicloud_vpc_bgp_group" "g${i}" {\n  router_id = "vbr-${i}"\n  peer_asn  = 65010\n}\n\n`;
    text += `resource "alicloud_vpc_bgp_peer" "p${i}" {\n  bgp_group_id  = alicloud_vpc_bgp_group.g${i}.id\n  enable_bfd    = true\n  bfd_multi_hop = ${1 + (i % 255)}\n}\n\n`;
  }
  return text;
}

/** What a fresh server says about a text: the reference the abused document must end up equal to. */
async function freshDiagnostics(text: string): Promise<string[]> {
  const fresh = await LspClient.start();
  try {
    const d = await fresh.open(uri(), text);
    return d.map((x) => `${x.code}@${x.range.start.line}:${x.range.start.character}-${x.range.end.line}:${x.range.end.character}`).sort();
  } finally {
    await fresh.stop();
  }
}

const key = (d: { code?: unknown; range: { start: { line: number; character: number }; end: { line: number; character: number } } }) =>
  `${String(d.code)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

test('a flood of 10,000 changes sent without waiting ends with the diagnostics of the final text', async () => {
  const u = uri();
  const text = module(100);
  await client.open(u, text);
  const mirror = TextDocument.create(u, 'terraform', 1, text);
  let seed = 11;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
  const pieces = ['1', '0', '"', '{', '}', '\n', 'x', '', ' ', '=', 'bfd_multi_hop = 300\n'];
  let version = 1;
  for (let i = 0; i < 10000; i++) {
    const content = mirror.getText();
    const a = rnd(content.length + 1);
    const b = Math.min(content.length, a + rnd(4));
    const change: TextDocumentContentChangeEvent = { range: { start: mirror.positionAt(a), end: mirror.positionAt(b) }, text: pieces[rnd(pieces.length)] };
    version++;
    TextDocument.update(mirror, [change], version);
    client.notifyChange(u, [change], version);
  }
  const final = await client.diagnostics(u, version, 60000);
  assert.deepEqual(final.map(key).sort(), await freshDiagnostics(mirror.getText()));
  assert.ok(client.peakMB() < 400, `server peak memory ${client.peakMB().toFixed(0)} MB`);
});

test('several changes in one notification, each overlapping the previous one, are applied in order', async () => {
  const u = uri();
  const text = module(3);
  await client.open(u, text);
  const mirror = TextDocument.create(u, 'terraform', 1, text);
  // Each range refers to the text as left by the change before it, and overlaps what that change wrote.
  const changes: TextDocumentContentChangeEvent[] = [
    { range: { start: { line: 7, character: 18 }, end: { line: 7, character: 19 } }, text: '300' },
    { range: { start: { line: 7, character: 17 }, end: { line: 7, character: 20 } }, text: ' 299' },
    { range: { start: { line: 6, character: 2 }, end: { line: 7, character: 5 } }, text: 'enable_bfd = false\n  bfd_' },
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# header\n' },
  ];
  TextDocument.update(mirror, changes, 2);
  const d = await client.change(u, changes, 2);
  const expected = await freshDiagnostics(mirror.getText());
  assert.deepEqual(d.map(key).sort(), expected);
  // Not a vacuous comparison: the final text has findings, and it is not what a single change would give.
  assert.ok(expected.length > 0);
  assert.ok(mirror.getText().startsWith('# header\n') && mirror.getText().includes('bfd_'), mirror.getText());
});

test('a 50 MB document is declined with one clear diagnostic, quickly, and the server keeps answering', async () => {
  const u = uri();
  const huge = module(1).repeat(Math.ceil((50 * 1024 * 1024) / module(1).length));
  const started = Date.now();
  const d = await client.open(u, huge);
  assert.deepEqual(d.map((x) => x.code), ['file-too-large']);
  assert.match(d[0].message, /50\.\d MB/);
  const hover = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: u }, position: { line: 5, character: 5 } });
  assert.equal(hover, null);
  // A normal document is still served afterwards.
  const small = uri();
  const diags = await client.open(small, 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = true\n  bfd_multi_hop = 0\n}\n');
  assert.deepEqual(diags.map((x) => x.code), ['value-out-of-range']);
  assert.ok(Date.now() - started < 30000, 'answered within the test budget');
  assert.ok(client.peakMB() < 600, `server peak memory ${client.peakMB().toFixed(0)} MB`);
});
