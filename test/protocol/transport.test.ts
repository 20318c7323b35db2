/**
 * The transports the server writes itself (`lsp/transport.ts`): over stdio every message arrives whole
 * (its header is never alone at the end of what the editor reads), and `--socket=N` works end to end.
 *
 * Run: npm run build && npx tsx --test test/protocol/transport.test.ts
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as net from 'node:net';
import { createProtocolConnection, SocketMessageReader, SocketMessageWriter, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import type { ProtocolConnection, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { SERVER, uri } from '../helpers/lsp';

const PEER = `resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id  = "bgpg-1"
  enable_bfd    = true
  bfd_multi_hop = 300
}
`;

/** Opens a document, makes 20 one-character edits (each waits for its diagnostics), shuts the server down. */
async function typeInto(conn: ProtocolConnection): Promise<PublishDiagnosticsParams[]> {
  const published: PublishDiagnosticsParams[] = [];
  let waiting: ((p: PublishDiagnosticsParams) => void) | undefined;
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    waiting?.(p);
  });
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await conn.sendNotification('initialized', {});
  const u = uri();
  const next = (version: number) => new Promise<void>((r) => (waiting = (p) => p.version === version && r()));
  let wait = next(1);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'terraform', version: 1, text: PEER } });
  await wait;
  for (let v = 2; v <= 21; v++) {
    wait = next(v);
    // A letter typed at the end of `bfd_multi_hop`, then deleted.
    const range = { start: { line: 3, character: 15 }, end: { line: 3, character: v % 2 ? 16 : 15 } };
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri: u, version: v }, contentChanges: [{ range, text: v % 2 ? '' : 'x' }] });
    await wait;
  }
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  return published;
}

describe('transport', () => {
  it('over stdio, writes each message whole: no read ends between a header and its body', { timeout: 30_000 }, async () => {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const headerOnly: string[] = [];
    proc.stdout.on('data', (d: Buffer) => {
      const s = d.toString('latin1');
      if (/Content-Length: \d+\r\n\r\n$/.test(s)) headerOnly.push(s.slice(-40));
    });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const exited = new Promise<number | null>((r) => proc.on('exit', r));
    const published = await typeInto(conn);
    assert.equal(await exited, 0);
    assert.equal(published.length, 21);
    assert.deepEqual(headerOnly, []);
  });

  it('over stdio, exits when the editor closes its input: code 0 after shutdown, 1 without', { timeout: 30_000 }, async () => {
    for (const shutdown of [true, false]) {
      const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
      const exited = new Promise<number | null>((r) => proc.on('exit', r));
      const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
      conn.listen();
      await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      if (shutdown) await conn.sendRequest('shutdown');
      proc.stdin.end();
      assert.equal(await exited, shutdown ? 0 : 1, shutdown ? 'after shutdown' : 'without shutdown');
      conn.dispose();
    }
  });

  it('over stdio, reads a 2 MB document with Chinese text and every escape as the editor sent it', { timeout: 60_000 }, async () => {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const published = new Promise<PublishDiagnosticsParams>((r) => conn.onNotification('textDocument/publishDiagnostics', r));
    conn.listen();
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await conn.sendNotification('initialized', {});
    // Each block: a Chinese comment with quotes, a backslash, an emoji and a tab; the last one is out of range.
    const block = (i: number, hop: number) =>
      `resource "alicloud_vpc_bgp_peer" "p${i}" {\n  # 上海数据中心 "主" \\ 😀\t${i}\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = true\n  bfd_multi_hop = /* 上海 "主" \\ 😀\t */ ${hop}\n}\n`;
    const count = 16_000;
    const text = Array.from({ length: count }, (_, i) => block(i, i === count - 1 ? 300 : 10)).join('');
    assert.ok(Buffer.byteLength(text) > 2_000_000);
    const u = uri();
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'terraform', version: 1, text } });
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d) => d.code), ['value-out-of-range']);
    // The finding is on the last block's `bfd_multi_hop` value, after a comment of every kind of character:
    // the text arrived character for character.
    const lines = text.split('\n');
    const { line, character } = diagnostics[0].range.start;
    assert.equal(lines[line].slice(character, character + 3), '300');
    assert.equal(line, lines.length - 3);
    const hover = (await conn.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line: line - 2, character: 4 } })) as { contents: { value: string } } | null;
    assert.match(hover?.contents.value ?? '', /bgp_group_id/);
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
  });

  // A server that never connects fails the test instead of hanging the run.
  it('works over --socket=N', { timeout: 30_000 }, async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    const accepted = new Promise<net.Socket>((r) => server.once('connection', r));
    const proc = spawn(process.execPath, [SERVER, `--socket=${port}`], { stdio: 'ignore' });
    const exited = new Promise<number | null>((r) => proc.on('exit', r));
    const socket = await accepted;
    const conn = createProtocolConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
    const published = await typeInto(conn);
    assert.deepEqual(published.at(-1)?.diagnostics.map((d) => d.code), ['value-out-of-range']);
    assert.equal(await exited, 0);
    socket.destroy();
    server.close();
  });
});
