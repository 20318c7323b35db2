/**
 * The server's message reader (`lsp/messageReader.ts`) and body decoder (`lsp/decodeBody.ts`): every message
 * reads as `JSON.parse` reads it, whatever its escapes and however the stream cuts it; bad input is reported
 * and skipped, and the messages after it still arrive.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { decodeBody, LARGE_BODY, largestValueString, unescapeInPlace, utf8Of } from '../../server/src/lsp/decodeBody';
import { MAX_BODY, readHeader, StreamMessageReader } from '../../server/src/lsp/messageReader';

/** A seeded pseudo-random source (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Characters that exercise every escape and every UTF-8 length. */
const POOL = ['a', 'z', ' ', '\n', '\r', '\t', '"', '\\', '/', '\b', '\f', '\u0000', '\u001f', 'é', 'ü', 'ÿ', 'Ā', '上', '海', '€', '😀', '𝄞', '=', '{', '}', '$', '%'];

function randomText(rnd: () => number, length: number): string {
  let s = '';
  while (s.length < length) s += POOL[Math.floor(rnd() * POOL.length)];
  return s;
}

/** JSON as other encoders write it: every character past ASCII as `\uXXXX` (surrogate pairs as two), `/` as `\/`. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/[^\u0000-\u007f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))
    .replace(/\//g, '\\/');
}

function didOpen(text: string) {
  return { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///m/main.tf', languageId: 'terraform', version: 1, text } } };
}

function frame(body: string | Buffer, header = ''): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n${header}\r\n`, 'latin1'), bytes]);
}

/** A reader fed `chunks`, with what it delivered and the errors it reported. */
function read(chunks: Buffer[], onLarge?: () => void) {
  const stream = new PassThrough();
  const reader = new StreamMessageReader(stream, onLarge);
  const messages: unknown[] = [];
  const errors: string[] = [];
  reader.onError((e) => errors.push(e.message));
  reader.listen((m) => messages.push(m));
  for (const c of chunks) reader.onData(c);
  return { messages, errors };
}

/** `bytes` cut into pieces of random sizes (1 byte up to `max`). */
function cut(bytes: Buffer, rnd: () => number, max: number): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; ) {
    const n = 1 + Math.floor(rnd() * max);
    out.push(bytes.subarray(at, at + n));
    at += n;
  }
  return out;
}

describe('decodeBody', () => {
  it('reads a large didOpen exactly as JSON.parse does, escapes of every kind included', () => {
    const rnd = random(7);
    for (let round = 0; round < 12; round++) {
      const text = randomText(rnd, LARGE_BODY / 2 + Math.floor(rnd() * LARGE_BODY));
      for (const json of [JSON.stringify(didOpen(text)), asciiJson(didOpen(text))]) {
        assert.ok(Buffer.byteLength(json) >= LARGE_BODY, 'the frugal path is the one under test');
        const decoded = decodeBody(Buffer.from(json, 'utf8')) as ReturnType<typeof didOpen>;
        assert.deepEqual(decoded, JSON.parse(json));
        assert.equal(decoded.params.textDocument.text, text);
      }
    }
  });

  it('leaves a large text to be read when first asked for, its UTF-8 bytes at hand until then and let go after', () => {
    const text = '# 上海\n' + 'resource "a" "b" {}\n'.repeat(LARGE_BODY / 10);
    const decoded = decodeBody(Buffer.from(JSON.stringify(didOpen(text)), 'utf8')) as ReturnType<typeof didOpen>;
    const doc = decoded.params.textDocument;
    assert.deepEqual(utf8Of(doc, 'text'), Buffer.from(text, 'utf8'));
    assert.equal(utf8Of(doc, 'uri'), undefined);
    assert.equal(doc.text, text);
    assert.equal(utf8Of(doc, 'text'), undefined, 'read once, the string stands alone');
    assert.equal(doc.text, text);
  });

  it('reads small messages and bodies with no dominant string as JSON.parse does', () => {
    const many = { jsonrpc: '2.0', id: 1, result: Array.from({ length: 40000 }, (_, i) => `item ${i} 上海`) };
    const small = { jsonrpc: '2.0', id: 2, method: 'x', params: { s: 'a\\"b\n', n: [1, 2.5e3, null, true] } };
    for (const m of [many, small]) {
      const json = JSON.stringify(m);
      assert.deepEqual(decodeBody(Buffer.from(json)), m);
    }
  });

  it('a lone surrogate, which UTF-8 cannot carry, becomes U+FFFD in its place: the text keeps its length', () => {
    const text = 'x'.repeat(LARGE_BODY) + '\ud800' + 'tail' + '\udc00';
    const decoded = decodeBody(Buffer.from(JSON.stringify(didOpen(text)))) as ReturnType<typeof didOpen>;
    assert.equal(decoded.params.textDocument.text, 'x'.repeat(LARGE_BODY) + '\ufffd' + 'tail' + '\ufffd');
  });

  it('refuses what JSON.parse refuses: a raw control character, a bad escape, a short \\u, a cut-off body', () => {
    const big = 'y'.repeat(LARGE_BODY);
    const good = JSON.stringify(didOpen(big + 'END'));
    const bad = [good.replace('END', 'E\u0001D'), good.replace('END', 'E\\qD'), good.replace('END', 'E\\u12"'), good.slice(0, -3), good.replace('"version":1', '"version":')];
    for (const json of bad) {
      assert.throws(() => JSON.parse(json), SyntaxError, 'the case is really invalid JSON');
      assert.throws(() => decodeBody(Buffer.from(json)), SyntaxError, json.slice(-40));
    }
  });

  it('a large string used as a key is read by JSON.parse, not replaced', () => {
    const key = 'k'.repeat(LARGE_BODY);
    const json = JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { [key]: 1 } });
    assert.equal(largestValueString(Buffer.from(json)), undefined);
    assert.deepEqual(decodeBody(Buffer.from(json)), JSON.parse(json));
  });

  it('a client string that looks like a placeholder (NULs and all) is left alone', () => {
    const json = JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { a: '\u0000alicloud-bgp:abc\u0000', text: 'z'.repeat(LARGE_BODY) } });
    assert.deepEqual(decodeBody(Buffer.from(json)), JSON.parse(json));
  });

  it('reads what other encoders write: upper-case \\u escapes, a high surrogate before another escape', () => {
    const big = 'é上😀'.repeat(LARGE_BODY / 4);
    const upper = asciiJson(didOpen(big)).replace(/\\u([0-9a-f]{4})/g, (_, h: string) => '\\u' + h.toUpperCase());
    assert.deepEqual(decodeBody(Buffer.from(upper)), didOpen(big));
    // `\ud800` followed by an escape that is not a low surrogate: U+FFFD, then that character.
    const json = JSON.stringify(didOpen('x'.repeat(LARGE_BODY) + 'MARK')).replace('MARK', '\\ud800\\u0041\\ud800\\n');
    assert.equal((decodeBody(Buffer.from(json)) as ReturnType<typeof didOpen>).params.textDocument.text, 'x'.repeat(LARGE_BODY) + '\ufffdA\ufffd\n');
  });

  it('puts the text back wherever it was: in an array (a didChange), deep in arrays, or as the whole message', () => {
    const text = 'c'.repeat(LARGE_BODY) + '\n"上"';
    const change = { jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: 'file:///m.tf', version: 2 }, contentChanges: [{ text }] } };
    assert.deepEqual(decodeBody(Buffer.from(JSON.stringify(change))), change);
    // Deeper than a recursive walk (or a reviver) goes: checked level by level.
    const deep = '['.repeat(5000) + JSON.stringify(text) + ']'.repeat(5000);
    let v = decodeBody(Buffer.from(deep));
    for (let i = 0; i < 5000; i++) {
      assert.ok(Array.isArray(v) && v.length === 1, `level ${i}`);
      v = v[0];
    }
    assert.equal(v, text);
    assert.equal(decodeBody(Buffer.from(JSON.stringify(text))), text);
  });

  it('strings ending in escapes before and after the large one do not confuse where it is', () => {
    const m = { jsonrpc: '2.0', method: 'x', params: { a: 'ends in a backslash \\', b: 'quote \"', text: 't\\'.repeat(LARGE_BODY / 2), z: 'after \\\\"' } };
    assert.deepEqual(decodeBody(Buffer.from(JSON.stringify(m))), m);
  });

  it('finds the largest string value past escaped quotes and backslashes', () => {
    const json = Buffer.from(JSON.stringify({ a: 'q\\', b: 'x"y"\\"z'.repeat(20), c: 'short' }));
    const found = largestValueString(json)!;
    assert.equal(JSON.parse(json.toString('utf8', found.start, found.end)), 'x"y"\\"z'.repeat(20));
  });

  it('unescapes in place, never past what it has read', () => {
    const json = asciiJson('a\n😀"é\\/');
    const bytes = Buffer.from(json);
    const end = unescapeInPlace(bytes, 1, bytes.length - 1);
    assert.ok(end <= bytes.length - 1);
    assert.equal(bytes.toString('utf8', 1, end), 'a\n😀"é\\/');
  });
});

describe('StreamMessageReader', () => {
  it('delivers every message in order however the stream cuts it, one byte at a time included', () => {
    const rnd = random(11);
    const messages = [
      { jsonrpc: '2.0', id: 1, method: 'initialize', params: { rootUri: null } },
      didOpen(randomText(rnd, LARGE_BODY)),
      { jsonrpc: '2.0', method: 'textDocument/didChange', params: { text: '上海 é' } },
      didOpen(randomText(rnd, 3000)),
    ];
    const bytes = Buffer.concat(messages.map((m) => frame(JSON.stringify(m))));
    for (const max of [1, 7, 4096, 65536, bytes.length]) {
      const pieces = max === 1 ? cut(bytes.subarray(0, 20000), rnd, 1).concat([bytes.subarray(20000)]) : cut(bytes, rnd, max);
      const { messages: got, errors } = read(pieces);
      assert.deepEqual(errors, []);
      assert.deepEqual(got, messages, `pieces of up to ${max} bytes`);
    }
  });

  it('reads header names in any case, a UTF-8 Content-Type, and the header end cut across chunks', () => {
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'm' });
    const bytes = Buffer.from(`content-length: ${body.length}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`, 'latin1');
    const at = bytes.indexOf('\r\n\r\n') + 2;
    const { messages, errors } = read([bytes.subarray(0, at), bytes.subarray(at)]);
    assert.deepEqual(errors, []);
    assert.deepEqual(messages, [JSON.parse(body)]);
  });

  it('reports bad headers, bad bodies and non-objects, skips them, and goes on with the next message', () => {
    const ok = { jsonrpc: '2.0', method: 'after' };
    const stream = Buffer.concat([
      Buffer.from('Content-Length: abc\r\n\r\n', 'latin1'),
      Buffer.from('X-Nothing: 1\r\n\r\n', 'latin1'),
      frame('{"jsonrpc": "2.0", "method": ', ''),
      frame('null'),
      frame('[1,2]'),
      frame('{}', 'Content-Type: application/json; charset=latin1\r\n'),
      frame(JSON.stringify(ok)),
    ]);
    const { messages, errors } = read([stream]);
    assert.deepEqual(messages, [ok]);
    assert.equal(errors.length, 6, errors.join('\n'));
    assert.match(errors.join('\n'), /Content-Length must be a number/);
    assert.match(errors.join('\n'), /no Content-Length/);
    assert.match(errors.join('\n'), /could not be read/);
    assert.match(errors.join('\n'), /not a JSON-RPC object/);
    assert.match(errors.join('\n'), /charset "latin1"/);
  });

  it('drops a message whose id is neither a string nor a number, naming its method only (the library would log it whole)', () => {
    const ok = { jsonrpc: '2.0', id: 7, method: 'after' };
    const secret = { jsonrpc: '2.0', id: null, method: 'textDocument/didOpen', params: { textDocument: { text: 'auth_key = "LEAKME123"' } } };
    const { messages, errors } = read([Buffer.concat([frame(JSON.stringify(secret)), frame(JSON.stringify({ ...secret, id: [1] })), frame(JSON.stringify(ok))])]);
    assert.deepEqual(messages, [ok]);
    assert.equal(errors.length, 2);
    assert.match(errors[0], /id that is not a string or a number was dropped \(textDocument\/didOpen\)/);
    assert.ok(!errors.join('\n').includes('LEAKME123'));
  });

  it('skips a body larger than it reads, without allocating it, and reads the next message', () => {
    const ok = { jsonrpc: '2.0', method: 'after' };
    const size = MAX_BODY + 10;
    const header = Buffer.from(`Content-Length: ${size}\r\n\r\n`, 'latin1');
    const filler = Buffer.alloc(1024 * 1024, 0x20);
    const chunks: Buffer[] = [header];
    for (let left = size; left > 0; left -= filler.length) chunks.push(filler.subarray(0, Math.min(filler.length, left)));
    chunks.push(frame(JSON.stringify(ok)));
    const { messages, errors } = read(chunks);
    assert.deepEqual(messages, [ok]);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /skipped/);
  });

  it('drops a header section that never ends, and reads on', () => {
    const ok = { jsonrpc: '2.0', method: 'after' };
    const { messages, errors } = read([Buffer.alloc(40 * 1024, 0x41), Buffer.from('\r\n\r\n', 'latin1'), frame(JSON.stringify(ok))]);
    assert.ok(errors.some((e) => /header longer than/.test(e)), errors.join('\n'));
    assert.deepEqual(messages.at(-1), ok);
  });

  it('calls its large-body hook once per large body, before the message is handed on', () => {
    const order: string[] = [];
    const stream = new PassThrough();
    const reader = new StreamMessageReader(stream, () => order.push('hook'));
    reader.listen((m) => order.push((m as unknown as { method: string }).method));
    reader.onData(Buffer.concat([frame(JSON.stringify({ jsonrpc: '2.0', method: 'small' })), frame(JSON.stringify({ ...didOpen('t'.repeat(LARGE_BODY)), method: 'large' }))]));
    assert.deepEqual(order, ['small', 'hook', 'large']);
  });

  it('a handler that throws is reported, and the message after it, cut across chunks, still arrives', () => {
    const stream = new PassThrough();
    const reader = new StreamMessageReader(stream);
    const got: string[] = [];
    const errors: string[] = [];
    reader.onError((e) => errors.push(e.message));
    reader.listen((m) => {
      const method = (m as unknown as { method: string }).method;
      if (method === 'boom') throw new TypeError('Cannot read properties of undefined');
      got.push(method);
    });
    const next = frame(JSON.stringify({ jsonrpc: '2.0', method: 'next' }));
    reader.onData(Buffer.concat([frame(JSON.stringify({ jsonrpc: '2.0', method: 'boom' })), next.subarray(0, 30)]));
    reader.onData(next.subarray(30));
    reader.onData(frame(JSON.stringify({ jsonrpc: '2.0', method: 'last' })));
    assert.deepEqual(got, ['next', 'last']);
    assert.deepEqual(errors, ['a message could not be handled: TypeError']);
  });

  it('never puts the text of a message it cannot read in its errors (they go to the log; a document may hold secrets)', () => {
    const secret = 'auth_key = "s3cr3t-value"';
    const { errors } = read([frame(`{"jsonrpc":"2.0","method":"x","params":{"text":"${secret}"} oops`), Buffer.from(`${secret}\r\n\r\n`, 'latin1'), frame('{}', `Content-Type: x; charset=${secret}\r\n`)]);
    assert.equal(errors.length, 3, errors.join('\n'));
    for (const e of errors) assert.ok(!e.includes('s3cr3t'), e);
  });

  it('stops reading its stream when disposed', () => {
    const stream = new PassThrough();
    const reader = new StreamMessageReader(stream);
    const got: unknown[] = [];
    const listening = reader.listen((m) => got.push(m));
    stream.write(frame(JSON.stringify({ jsonrpc: '2.0', method: 'a' })));
    listening.dispose();
    stream.write(frame(JSON.stringify({ jsonrpc: '2.0', method: 'b' })));
    assert.deepEqual(got, [{ jsonrpc: '2.0', method: 'a' }]);
    assert.equal(stream.listenerCount('data'), 0);
  });

  it('lets observers see each message before the connection does', () => {
    const order: string[] = [];
    const stream = new PassThrough();
    const reader = new StreamMessageReader(stream);
    reader.onMessage((m) => order.push('observer ' + (m as unknown as { method: string }).method));
    reader.listen((m) => order.push('connection ' + (m as unknown as { method: string }).method));
    reader.onData(frame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'shutdown' })));
    assert.deepEqual(order, ['observer shutdown', 'connection shutdown']);
  });

  it('reads the stream it listens to, and reports its end as a close', async () => {
    const stream = new PassThrough();
    const reader = new StreamMessageReader(stream);
    const got: unknown[] = [];
    const closed = new Promise<void>((r) => reader.onClose(() => r()));
    reader.listen((m) => got.push(m));
    stream.write(frame(JSON.stringify({ jsonrpc: '2.0', method: 'a' })));
    stream.end();
    stream.resume();
    await closed;
    assert.deepEqual(got, [{ jsonrpc: '2.0', method: 'a' }]);
  });

  it('takes the body length from the headers, and says what is wrong with them', () => {
    assert.deepEqual(readHeader('Content-Length: 12'), { length: 12, error: undefined });
    assert.deepEqual(readHeader('Content-Type: application/vscode-jsonrpc; charset=UTF8\r\nContent-Length:7'), { length: 7, error: undefined });
    assert.match(readHeader('Content-Length: -1').error!, /must be a number/);
    assert.deepEqual(readHeader('garbage\r\nContent-Length: 3'), { length: 3, error: 'a message header line has no colon' });
    assert.equal(readHeader('Content-Length: 5\r\nContent-Type: x; charset=utf-16').length, 5, 'a body to skip');
  });
});
