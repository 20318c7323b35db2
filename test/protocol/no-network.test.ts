// The server never touches the network: run it with every network entry point trapped, exercise every
// feature on real files, and check that nothing tried.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { REPO, SERVER } from '../helpers/lsp';

test('no feature of the server reaches for the network', async () => {
  const proc = spawn(process.execPath, ['--require', path.join(__dirname, '../helpers/no-network.cjs'), SERVER, '--stdio'], { stdio: 'pipe' });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += String(d)));
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const published: string[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => published.push(p.uri));
  conn.listen();
  const root = path.join(REPO, 'examples');
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).toString(), workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'examples' }], capabilities: {} });
  await conn.sendNotification('initialized', {});
  const file = path.join(root, 'mistakes/main.tf');
  const uri = pathToFileURL(file).toString();
  const text = fs.readFileSync(file, 'utf8');
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'terraform', version: 1, text } });
  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line += 2) {
    const position = { line, character: Math.min(4, lines[line].length) };
    await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position });
    await conn.sendRequest('textDocument/definition', { textDocument: { uri }, position });
    await conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
  }
  await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  await new Promise((r) => proc.on('exit', r));
  assert.ok(published.includes(uri), 'the server did its work');
  assert.doesNotMatch(stderr, /NETWORK-ATTEMPT/, stderr);
});
