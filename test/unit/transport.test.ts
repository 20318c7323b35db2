/**
 * The server's message writer (`lsp/transport.ts`): each message is one write of header and body, so that
 * an editor is woken once per message with the whole message. Also which transport the arguments pick.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { Message } from 'vscode-languageserver/node';
import { RawJson } from '../../server/src/lsp/rawJson';
import { encodeMessage, OneWriteMessageWriter, transportOf } from '../../server/src/lsp/transport';

function recorder() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(Buffer.from(chunk));
      cb();
    },
  });
  return { stream, chunks };
}

describe('transport', () => {
  it('frames a message as Content-Length in bytes, then the JSON body', () => {
    const msg = { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: '中文 é ✓' } };
    const bytes = Buffer.concat(encodeMessage(msg));
    const text = bytes.toString('utf8');
    const [header, body] = text.split('\r\n\r\n');
    assert.equal(header, `Content-Length: ${Buffer.byteLength(body, 'utf8')}`);
    assert.deepEqual(JSON.parse(body), msg);
    assert.ok(Buffer.byteLength(body, 'utf8') > body.length, 'the length counts bytes, not characters');
  });

  it('puts a result given as JSON bytes into the message as it is, and gives the value to anything else that serializes it', () => {
    const value = [{ name: 'alicloud_vpc_bgp_peer.p "中"', kind: 5, children: [{ name: 'timeouts', kind: 23 }] }];
    // In parts, one of them ending inside a character: the message holds them in order.
    const bytes = Buffer.from(JSON.stringify(value), 'utf8');
    const cut = bytes.indexOf(Buffer.from('中')) + 1;
    const raw = new RawJson([bytes.subarray(0, cut), bytes.subarray(cut)]);
    const msg = { jsonrpc: '2.0', id: 7, result: raw };
    const text = Buffer.concat(encodeMessage(msg)).toString('utf8');
    const [header, body] = text.split('\r\n\r\n');
    assert.equal(header, `Content-Length: ${Buffer.byteLength(body, 'utf8')}`);
    assert.equal(body, JSON.stringify({ jsonrpc: '2.0', id: 7, result: value }));
    // The library's own writers (--node-ipc) and traces call JSON.stringify on the message.
    assert.equal(JSON.stringify(msg), body);
  });

  it('writes a result given as bytes in one writev, without copying them', async () => {
    const calls: Buffer[][] = [];
    const stream = new Writable({
      writev(chunks, cb) {
        calls.push(chunks.map((c) => c.chunk as Buffer));
        cb();
      },
    });
    const parts = [Buffer.from('[{"name":"locals",'), Buffer.from('"kind":23}]')];
    const msg = { jsonrpc: '2.0', id: 3, result: new RawJson(parts) };
    await new OneWriteMessageWriter(stream).write(msg);
    assert.equal(calls.length, 1);
    assert.ok(parts.every((p) => calls[0].includes(p)), 'the kept buffers themselves are written');
    assert.deepEqual(Buffer.concat(calls[0]), Buffer.concat(encodeMessage(msg)));
  });

  it('writes each message whole, in one write, in order', async () => {
    const { stream, chunks } = recorder();
    const writer = new OneWriteMessageWriter(stream);
    const messages = [1, 2, 3].map((id) => ({ jsonrpc: '2.0', id, result: { n: id } }));
    await Promise.all(messages.map((m) => writer.write(m)));
    assert.equal(chunks.length, messages.length);
    chunks.forEach((c, i) => assert.deepEqual(c, Buffer.concat(encodeMessage(messages[i]))));
  });

  it('reports a failed write as an error of the writer and rejects', async () => {
    const stream = new Writable({ write: (_c, _e, cb) => cb(new Error('EPIPE')) });
    stream.on('error', () => {});
    const writer = new OneWriteMessageWriter(stream);
    const errors: Error[] = [];
    writer.onError(([e]) => errors.push(e));
    await assert.rejects(writer.write({ jsonrpc: '2.0', method: 'x' } as Message), /EPIPE/);
    assert.ok(errors.some((e) => /EPIPE/.test(e.message)));
  });

  it('picks the transport from the arguments as vscode-languageserver does', () => {
    assert.deepEqual(transportOf(['--stdio']), { kind: 'stdio' });
    assert.deepEqual(transportOf(['--socket=5007']), { kind: 'socket', port: 5007 });
    assert.deepEqual(transportOf(['--socket', '5007']), { kind: 'socket', port: 5007 });
    assert.deepEqual(transportOf(['--pipe=/tmp/x.sock']), { kind: 'pipe', name: '/tmp/x.sock' });
    assert.deepEqual(transportOf(['--node-ipc', '--stdio']), { kind: 'library' });
    assert.deepEqual(transportOf(['--clientProcessId=12', '--stdio']), { kind: 'stdio' });
    assert.deepEqual(transportOf([]), { kind: 'library' });
    assert.deepEqual(transportOf(['--socket=nope']), { kind: 'library' });
  });
});
