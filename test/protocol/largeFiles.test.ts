/**
 * Large files (from 512 K characters): once their diagnostics are published, the server stores their text at
 * one byte per character where it can (`HclDocument.narrow`, through `SourceFile.compact`) and says so in its log,
 * with how long the diagnostics took. Nothing else shows that the server made the text smaller: without these
 * tests, only the benchmark's memory figure would notice it no longer does.
 *
 * Run: npm run build && npx tsx --test test/protocol/largeFiles.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { codes, LspClient, uri } from '../helpers/lsp';

/** `count` peers; with `chinese`, each under a comment with Chinese text; the last one's hop is out of range. */
function module(count: number, chinese: boolean): string {
  const block = (i: number) =>
    `resource "alicloud_vpc_bgp_peer" "p${i}" {\n  # ${chinese ? '上海数据中心' : 'Shanghai DC'} ${i}\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = true\n  bfd_multi_hop = ${i === count - 1 ? 300 : 10}\n}\n`;
  return Array.from({ length: count }, (_, i) => block(i)).join('');
}

const LINE = /^main\.tf \(\d+\.\d M characters\): diagnostics published \d+ ms after its text was read; (.*)$/;

describe('large files', () => {
  let lsp: LspClient;
  before(async () => (lsp = await LspClient.start()));
  after(() => lsp.stop());

  /**
   * The log lines about large files since `from`. The server logs them right after the publish they report on,
   * so once the answer to a later request has come, every such line has.
   */
  async function largeFileLines(from: number): Promise<string[]> {
    await lsp.hover(uri('elsewhere.tf'), { line: 0, character: 0 });
    return lsp.logs.slice(from).filter((l) => LINE.test(l));
  }

  it('stores an opened large text with Chinese in it at one byte per character, and again after a whole new text', { timeout: 60_000 }, async () => {
    const text = module(6_000, true);
    assert.ok(text.length >= 512 * 1024);
    const u = uri();
    let from = lsp.logs.length;
    assert.deepEqual(codes(await lsp.open(u, text)), ['value-out-of-range']);
    let lines = await largeFileLines(from);
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.equal(LINE.exec(lines[0])![1], '6000 pieces of its text now stored at one byte per character');

    // One character typed: nothing new to store, no line.
    from = lsp.logs.length;
    await lsp.change(u, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '#' }]);
    await lsp.change(u, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '' }]);
    assert.deepEqual(await largeFileLines(from), []);

    // A whole new text (a reload, a formatter's edit): stored anew, once answered.
    from = lsp.logs.length;
    const again = module(7_000, true);
    assert.deepEqual(codes(await lsp.change(u, [{ text: again }])), ['value-out-of-range']);
    lines = await largeFileLines(from);
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.equal(LINE.exec(lines[0])![1], '7000 pieces of its text now stored at one byte per character');
    // The stored text is still the document: a finding after the edit lands where it should.
    const diags = await lsp.change(u, [{ range: { start: { line: 4, character: 18 }, end: { line: 4, character: 20 } }, text: '999' }]);
    assert.deepEqual(codes(diags).sort(), ['value-out-of-range', 'value-out-of-range']);
    assert.ok(diags.some((d) => d.range.start.line === 4 && d.range.start.character === 18));
  });

  it('leaves a large text without wide characters as it came (already one byte per character), and says so', { timeout: 60_000 }, async () => {
    const text = module(6_000, false);
    const from = lsp.logs.length;
    assert.deepEqual(codes(await lsp.open(uri(), text)), ['value-out-of-range']);
    const lines = await largeFileLines(from);
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.equal(LINE.exec(lines[0])![1], 'its text is stored as it came');
  });

  it('re-opening a large saved file with the same text takes its kept parse back without reading the text into a string again; another text is parsed', { timeout: 60_000 }, async () => {
    // Saved on disk, so that closing it leaves its parse in the module index, as the disk copy.
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'bgp-large-reopen-'));
    const file = path.join(own, 'main.tf');
    const text = module(15_000, true); // 2.3 MB, Chinese in it: as a string, 4.6 MB
    fs.writeFileSync(file, text);
    const u = pathToFileURL(file).toString();
    const fresh = await LspClient.start();
    try {
      assert.deepEqual(codes(await fresh.open(u, text, 'terraform', 1)), ['value-out-of-range']);
      await new Promise((r) => setTimeout(r, 500)); // the full collection after a large text
      const opened = fresh.peakMB();
      for (let v = 2; v <= 4; v++) {
        await fresh.close(u);
        assert.deepEqual(codes(await fresh.open(u, text, 'terraform', v)), ['value-out-of-range']);
      }
      const grown = fresh.peakMB() - opened;
      assert.ok(grown < 1, `re-opening raised the server's peak by ${grown.toFixed(1)} MB`);
      // The same length, one digit different: not the kept parse.
      await fresh.close(u);
      assert.deepEqual(codes(await fresh.open(u, text.replace('bfd_multi_hop = 300', 'bfd_multi_hop = 030'), 'terraform', 5)), []);
    } finally {
      await fresh.stop();
      fs.rmSync(own, { recursive: true, force: true });
    }
  });

  it('a large CDKTF program closed and opened again with the same text is taken back, not parsed again; another text is parsed', { timeout: 120_000 }, async () => {
    // Not a module file: the module index does not keep it, so the server keeps it a while after it is closed.
    const { cdktfTypeScript } = await import('../../scripts/bench/workloads.mjs');
    const text: string = cdktfTypeScript(5000, 2).text; // 960 K characters
    const u = 'file:///cdktf-reopen/main.ts';
    const fresh = await LspClient.start();
    try {
      const first = await fresh.open(u, text, 'typescript', 1);
      assert.ok(first.length > 10);
      await new Promise((r) => setTimeout(r, 500)); // the full collection after a large text
      const opened = fresh.peakMB();
      for (let v = 2; v <= 4; v++) {
        await fresh.close(u);
        assert.deepEqual(await fresh.open(u, text, 'typescript', v), first);
      }
      // Parsed again each time, the stack raised the server's peak by 38 MB.
      const grown = fresh.peakMB() - opened;
      assert.ok(grown < 5, `re-opening raised the server's peak by ${grown.toFixed(1)} MB`);
      // One value different: not the kept parse.
      await fresh.close(u);
      const changed = text.replace('bfdMultiHop: 24,', 'bfdMultiHop: 999,');
      assert.notEqual(changed, text);
      const after = await fresh.open(u, changed, 'typescript', 5);
      assert.equal(after.filter((d) => d.code === 'value-out-of-range').length, first.filter((d) => d.code === 'value-out-of-range').length + 1);
    } finally {
      await fresh.stop();
    }
  });

  it('keeps quiet about a small file', async () => {
    const from = lsp.logs.length;
    await lsp.open(uri(), module(5, true));
    assert.deepEqual(await largeFileLines(from), []);
  });
});
