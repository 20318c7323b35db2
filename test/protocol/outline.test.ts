// The outline of a large file through the real server: VS Code asks for it after every pause in typing, so
// asking again and again must neither pile up memory nor answer stale places.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DocumentSymbol, DocumentSymbolRequest } from 'vscode-languageserver-protocol/node';
import { LspClient, uri } from '../helpers/lsp';

let client: LspClient;
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
  const ask = () => client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: u } }) as Promise<DocumentSymbol[]>;
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
