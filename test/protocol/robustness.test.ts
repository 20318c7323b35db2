/**
 * The server over stdio under input an editor (or a buggy client) can send: requests for documents never
 * opened, positions far past the end, binary and very large documents, unknown methods, malformed
 * requests and bytes, stale versions. Each must get an answer (an empty one or an error response), never
 * a crash; and at the end the same server still answers a hover correctly.
 *
 * Run: npm run build && npx tsx --test test/protocol/robustness.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createProtocolConnection, DiagnosticSeverity, ErrorCodes, MarkupContent, ResponseError, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { codes, delay, fixTitles, LspClient, rangeOf, SERVER, uri } from '../helpers/lsp';

const PEER = `resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id  = "bgpg-1"
  enable_bfd    = true
  bfd_multi_hop = 300
}
`;

const FAR = { line: 1_000_000, character: 1_000_000 };

describe('robustness', () => {
  let lsp: LspClient;
  before(async () => (lsp = await LspClient.start()));
  after(() => lsp.stop());

  /** A hover on bfd_multi_hop in a fresh document: the server is alive and still right. */
  async function stillAnswers() {
    const u = uri();
    const diags = await lsp.open(u, PEER);
    assert.deepEqual(codes(diags), ['value-out-of-range']);
    const h = await lsp.hover(u, rangeOf(PEER, 'bfd_multi_hop').start);
    assert.match((h!.contents as MarkupContent).value, /1–255/);
    assert.equal(lsp.exitCode, undefined, 'the server process is still running');
  }

  it('answers requests about documents that were never opened with empty results', async () => {
    const u = uri('never-opened.tf');
    assert.deepEqual(await lsp.completion(u, { line: 0, character: 0 }), []);
    assert.equal(await lsp.hover(u, { line: 0, character: 0 }), null);
    assert.deepEqual(await lsp.codeActions(u, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }), []);
    // Notifications about it are ignored, and publish nothing.
    lsp.notifyChange(u, [{ text: PEER }], 2);
    await lsp.conn.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
    await stillAnswers();
    assert.ok(!lsp.published.some((p) => p.uri === u));
  });

  it('answers positions and ranges far past the end of a document with empty results', async () => {
    const u = uri();
    await lsp.open(u, PEER);
    assert.deepEqual(await lsp.completion(u, FAR), []);
    assert.equal(await lsp.hover(u, FAR), null);
    assert.deepEqual(await lsp.completion(u, { line: 1, character: 500 }), []);
    assert.equal(await lsp.hover(u, { line: 3, character: 500 }), null);
    assert.deepEqual(await lsp.codeActions(u, { start: FAR, end: FAR }), []);
    // A range that starts in the document and runs far past its end still finds the finding in it.
    const actions = await lsp.codeActions(u, { start: { line: 0, character: 0 }, end: FAR });
    assert.deepEqual(fixTitles(actions), ['Clamp to 255']);
    // Negative positions are nonsense: no answer, no failure.
    assert.deepEqual(await lsp.completion(u, { line: -1, character: -5 }), []);
    assert.ok(!lsp.logs.some((l) => /failed|uncaught/.test(l)), lsp.logs.join('\n'));
  });

  it('reports a binary document (NUL bytes) with one information diagnostic and answers requests on it', async () => {
    const u = uri();
    const text = 'abc\u0000\u0001\u0002def\n' + PEER + '\u0000'.repeat(100);
    const diags = await lsp.open(u, text);
    assert.deepEqual(codes(diags), ['binary-file']);
    assert.equal(diags[0].severity, DiagnosticSeverity.Information);
    assert.deepEqual(await lsp.completion(u, { line: 2, character: 2 }), []);
    assert.equal(await lsp.hover(u, { line: 4, character: 4 }), null);
    assert.deepEqual(await lsp.codeActions(u, { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }), []);
    // Once the NUL bytes are gone it is analysed like any file.
    const cleaned = await lsp.change(u, [{ text: PEER }]);
    assert.deepEqual(codes(cleaned), ['value-out-of-range']);
  });

  it('declines a ~22 MB document with one file-too-large information diagnostic, and analyses it once it shrinks', async () => {
    const u = uri('huge.tf');
    const block = PEER;
    const huge = block.repeat(Math.ceil((22 * 1024 * 1024) / block.length));
    const started = Date.now();
    const diags = await lsp.open(u, huge);
    assert.deepEqual(codes(diags), ['file-too-large']);
    assert.equal(diags[0].severity, DiagnosticSeverity.Information);
    assert.match(diags[0].message, /MB/);
    assert.ok(Date.now() - started < 20000, `answered in ${Date.now() - started} ms`);
    // Requests on it and on other documents are still answered.
    assert.deepEqual(await lsp.completion(u, { line: 1, character: 2 }), []);
    await stillAnswers();
    // An incremental edit that leaves a small file: from then on it is analysed.
    const lines = huge.split('\n').length - 1;
    const shrunk = await lsp.change(u, [{ range: { start: { line: 5, character: 0 }, end: { line: lines, character: 0 } }, text: '' }]);
    assert.deepEqual(codes(shrunk), ['value-out-of-range']);
    assert.deepEqual(shrunk[0].range, rangeOf(PEER, '300'));
  });

  it('refuses a document with a lone carriage return (as Terraform does), counts its lines as the editor does, and analyses it once its line breaks are CRLF', async () => {
    const u = uri('lone-cr.tf');
    const lone = PEER.replaceAll('\n', '\r');
    const refused = await lsp.open(u, lone);
    assert.deepEqual(refused.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['unsupported-line-break', 0, 0]]);
    // The editor's lines: each \r ends one. Each becomes \r\n, an edit of its own at the line's end.
    const lines = lone.split('\r');
    const changes = lines.slice(0, -1).map((l, i) => ({ range: { start: { line: i, character: l.length }, end: { line: i + 1, character: 0 } }, text: '\r\n' }));
    const analysed = await lsp.change(u, changes);
    const crlf = PEER.replaceAll('\n', '\r\n');
    assert.deepEqual(analysed.map((d) => [d.code, d.range]), [['value-out-of-range', rangeOf(crlf, '300')]]);
  });

  it('refuses a document once an edit writes a lone carriage return, and reads the edits after it as the editor does', async () => {
    const u = uri('edited-cr.tf');
    const crlf = PEER.replaceAll('\n', '\r\n');
    assert.deepEqual(codes(await lsp.open(u, crlf)), ['value-out-of-range']);
    // `# x\r` written at the start of line 1: the editor now has a line more.
    assert.deepEqual(codes(await lsp.change(u, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '# x\r' }])), ['unsupported-line-break']);
    // Edits counted the editor's way: line 4 is `  bfd_multi_hop = 300`, and the lone CR goes.
    const v = rangeOf(crlf, '300');
    await lsp.change(u, [{ range: { start: { line: v.start.line + 1, character: v.start.character }, end: { line: v.end.line + 1, character: v.end.character } }, text: '7' }]);
    const fixed = await lsp.change(u, [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: '' }]);
    assert.deepEqual(fixed, [], 'the text is the CRLF one with bfd_multi_hop = 7: nothing to report');
    assert.equal((await lsp.hover(u, rangeOf(crlf, 'bfd_multi_hop').start)) !== null, true, 'positions agree again');
  });

  it('answers an unknown method with a MethodNotFound error response', async () => {
    await assert.rejects(lsp.request('alicloud/doesNotExist', { x: 1 }), (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.MethodNotFound);
    await stillAnswers();
  });

  it('answers malformed requests with an error response or an empty result, and keeps serving', async () => {
    // Positional or null parameters where named ones are required: the JSON-RPC layer rejects them.
    await assert.rejects(lsp.request('textDocument/codeAction', null), (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InvalidParams);
    await assert.rejects(lsp.request('textDocument/hover', [1, 2]), (e: unknown) => e instanceof ResponseError);
    // Named parameters of the wrong shape: handled without a result, never a crash.
    for (const [method, params] of [
      ['textDocument/completion', {}],
      ['textDocument/hover', { textDocument: 5, position: 'x' }],
      ['textDocument/hover', { textDocument: { uri: 42 }, position: { line: 'a', character: null } }],
      ['textDocument/codeAction', { textDocument: { uri: uri() }, range: { start: 1 } }],
      ['textDocument/codeAction', { textDocument: { uri: uri() }, range: null, context: 7 }],
    ] as const) {
      const r = await lsp.request(method, params).then(
        (v) => v,
        (e: unknown) => (e instanceof ResponseError ? 'error' : Promise.reject(e)),
      );
      assert.ok(r === 'error' || r === null || (Array.isArray(r) && r.length === 0), `${method} ${JSON.stringify(params)} → ${JSON.stringify(r)}`);
    }
    // Notifications with nonsense parameters.
    await lsp.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 7 } });
    await lsp.conn.sendNotification('textDocument/didChange', { textDocument: null, contentChanges: 3 });
    await lsp.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(), languageId: 'terraform', version: 1, text: null } });
    await stillAnswers();
  });

  it('survives bytes that are not JSON-RPC at all', async () => {
    // A well-framed message whose body is not JSON, then one that is JSON but not a message.
    lsp.proc.stdin.write('Content-Length: 5\r\n\r\n{bad}');
    const notMessage = '{"jsonrpc":"2.0","x":1}';
    lsp.proc.stdin.write(`Content-Length: ${Buffer.byteLength(notMessage)}\r\n\r\n${notMessage}`);
    await delay(100);
    await stillAnswers();
  });

  it('ignores a change older than the document version, and applies the next one to the newer text', async () => {
    const u = uri();
    await lsp.open(u, PEER, 'terraform', 1);
    const at300 = rangeOf(PEER, '300');
    const fixed = await lsp.change(u, [{ range: at300, text: '10' }], 5);
    assert.deepEqual(fixed, []);
    // A stale version 3 that would write 999: dropped.
    lsp.notifyChange(u, [{ range: { start: at300.start, end: { line: at300.end.line, character: at300.start.character + 2 } }, text: '999' }], 3);
    // Version 6 edits the version-5 text: "10" → "100" is fine, and nothing of "999" survived.
    const v6 = await lsp.change(u, [{ range: { start: { line: at300.start.line, character: at300.start.character + 2 }, end: { line: at300.start.line, character: at300.start.character + 2 } }, text: '0' }], 6);
    assert.deepEqual(v6, []);
    assert.ok(!lsp.published.some((p) => p.uri === u && p.version === 3), 'nothing published for the stale version');
    // And one more edit proves the server's text is "100": make it "1000", out of range, at exactly that range.
    const v7 = await lsp.change(u, [{ range: { start: { line: at300.start.line, character: at300.start.character + 3 }, end: { line: at300.start.line, character: at300.start.character + 3 } }, text: '0' }], 7);
    assert.deepEqual(v7.map((d) => [d.code, d.range, d.message.includes('1000')]), [
      ['value-out-of-range', { start: at300.start, end: { line: at300.start.line, character: at300.start.character + 4 } }, true],
    ]);
  });

  it('ignores documents of other languages', async () => {
    const u = uri('notes.txt');
    await lsp.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'plaintext', version: 1, text: PEER } });
    assert.deepEqual(await lsp.completion(u, { line: 1, character: 2 }), []);
    await stillAnswers();
    assert.ok(!lsp.published.some((p) => p.uri === u));
  });

  it('takes names of JavaScript object members as plain names: a language id, an extension, an argument, a block', async () => {
    // Neither is a language we read: nothing is published for them.
    const byId = uri('peer.txt');
    await lsp.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: byId, languageId: 'constructor', version: 1, text: PEER } });
    const byExt = uri('peer.constructor');
    await lsp.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: byExt, languageId: 'toString', version: 1, text: PEER } });
    await stillAnswers();
    assert.ok(!lsp.published.some((p) => p.uri === byId || p.uri === byExt));
    // In a Terraform block they are unknown names, and they have no hover.
    const text = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  toString = 1\n  constructor {\n  }\n}\n';
    const u = uri();
    assert.deepEqual(codes(await lsp.open(u, text)), ['unknown-argument', 'unknown-block']);
    assert.equal(await lsp.hover(u, rangeOf(text, 'toString').start), null);
    assert.equal(await lsp.hover(u, rangeOf(text, 'constructor').start), null);
  });

  it('after all of that, still answers a hover correctly and has not crashed', async () => {
    await stillAnswers();
    assert.ok(!lsp.logs.some((l) => /uncaught|unhandled/.test(l)), lsp.logs.join('\n'));
    assert.equal(lsp.stderr, '');
  });
});

describe('file watchers', () => {
  /** The watchers the server registers with a client that can register them dynamically. */
  async function registered(initializationOptions?: unknown): Promise<string[]> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const globs: string[] = [];
    conn.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: { watchers?: { globPattern: string }[] } }[] }) => {
      for (const r of p.registrations) if (r.method === 'workspace/didChangeWatchedFiles') for (const w of r.registerOptions?.watchers ?? []) globs.push(w.globPattern);
      return null;
    });
    conn.listen();
    try {
      await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } }, initializationOptions });
      await conn.sendNotification('initialized', {});
      // Answered after the registration request, which the server sends while handling `initialized`.
      await conn.sendRequest('textDocument/hover', { textDocument: { uri: uri() }, position: { line: 0, character: 0 } });
      await delay(100);
      return globs.sort();
    } finally {
      proc.kill();
    }
  }

  it('are registered with a client that registers them dynamically (Neovim, Helix), not with one that watches itself', async () => {
    assert.deepEqual(await registered(), ['**/*.tf', '**/*.tf.json', '**/*.tfvars', '**/*.tfvars.json', '**/.terraform.lock.hcl', '**/cdktf.json']);
    assert.deepEqual(await registered({ watchesFiles: true }), []);
  });
});

describe('the size limit setting', () => {
  it('applies to open files at once: raised, a refused file is analysed; lowered, an analysed one is refused', async () => {
    const lsp = await LspClient.start({ initializationOptions: { maxFileSizeMB: 0.0001 } });
    try {
      const u = uri();
      assert.deepEqual(codes(await lsp.open(u, PEER)), ['file-too-large']);
      const limit = (maxFileSizeMB: number) => {
        const published = lsp.nextPublish(u, 1);
        void lsp.conn.sendNotification('workspace/didChangeConfiguration', { settings: { alicloudBgp: { maxFileSizeMB } } });
        return published.then((p) => codes(p.diagnostics));
      };
      assert.deepEqual(await limit(5), ['value-out-of-range']);
      assert.ok(await lsp.hover(u, rangeOf(PEER, 'bfd_multi_hop').start), 'hover answers on the file once it is analysed');
      assert.deepEqual(await limit(0.0001), ['file-too-large']);
    } finally {
      await lsp.stop();
    }
  });
});

describe('shutdown', () => {
  it('answers shutdown and exits with code 0 on exit', async () => {
    const lsp = await LspClient.start();
    await lsp.open(uri(), PEER);
    await lsp.stop();
    assert.equal(lsp.exitCode, 0);
  });
});

describe('lifecycle', () => {
  /** The error a request gets, or undefined when it is answered. */
  const refusal = (p: Promise<unknown>) => p.then(() => undefined, (e: ResponseError<unknown>) => e.code);

  it('refuses requests before initialize and after shutdown, drops notifications then, and takes initialize once', { timeout: 30_000 }, async (t) => {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const exited = new Promise<number | null>((r) => proc.on('exit', r));
    t.after(() => proc.kill());
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const published: PublishDiagnosticsParams[] = [];
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => published.push(p));
    conn.listen();
    const early = uri();
    const position = rangeOf(PEER, 'bfd_multi_hop').start;

    assert.equal(await refusal(conn.sendRequest('textDocument/hover', { textDocument: { uri: early }, position })), ErrorCodes.ServerNotInitialized);
    assert.equal(await refusal(conn.sendRequest('shutdown')), ErrorCodes.ServerNotInitialized);
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: early, languageId: 'terraform', version: 1, text: PEER } });

    await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    assert.equal(await refusal(conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })), ErrorCodes.InvalidRequest);
    await conn.sendNotification('initialized', {});
    // The document opened too early was never taken: nothing to hover, nothing published for it.
    assert.equal(await conn.sendRequest('textDocument/hover', { textDocument: { uri: early }, position }), null);
    const later = uri();
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: later, languageId: 'terraform', version: 1, text: PEER } });
    const hover = (await conn.sendRequest('textDocument/hover', { textDocument: { uri: later }, position })) as { contents: MarkupContent } | null;
    assert.match(hover!.contents.value, /1–255/);
    await delay(200);
    assert.deepEqual(published.map((p) => p.uri), [later]);

    await conn.sendRequest('shutdown');
    assert.equal(await refusal(conn.sendRequest('textDocument/hover', { textDocument: { uri: later }, position })), ErrorCodes.InvalidRequest);
    await conn.sendNotification('exit');
    assert.equal(await exited, 0);
  });
});
