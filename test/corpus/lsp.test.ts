/**
 * The real-world corpus through the language server over stdio:
 * - the Go test excerpt (Go `%d` placeholders, not valid HCL) gets its syntax error, and the valid blocks
 *   around it are still analysed: deliberate mistakes put into them (in memory) are all reported, and
 *   typing a value over the placeholder removes the syntax error only;
 * - every corpus Terraform file, opened in the editor, gets the same diagnostics as the CLI reports.
 *
 * Run: npm run build && npx tsx --test test/corpus/lsp.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { runJson } from '../helpers/cli';
import { CORPUS, corpusHclFiles, GO_EXCERPT, readCorpus } from '../helpers/corpus';
import { LspClient, uri } from '../helpers/lsp';

const SEVERITY: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

describe('real-world corpus through the language server', () => {
  let lsp: LspClient;
  before(async () => (lsp = await LspClient.start()));
  after(() => lsp.stop());

  describe('the Go test excerpt', () => {
    const original = readCorpus(GO_EXCERPT);
    const placeholderLine = original.split('\n').findIndex((l) => /=\s*%d\s*$/.test(l));
    const placeholderChar = original.split('\n')[placeholderLine].indexOf('%d');

    it('reports the %d placeholder as a syntax error, and nothing else', async () => {
      const diags = await lsp.open(uri('go-excerpt.tf'), original);
      assert.deepEqual(
        diags.map((d) => [d.code, d.severity, d.range.start]),
        [['syntax-error', DiagnosticSeverity.Error, { line: placeholderLine, character: placeholderChar }]],
      );
    });

    it('still analyses the valid blocks around the syntax error', async () => {
      // Deliberate mistakes: one in the broken block after its bad line, one in a later group, and a new peer.
      const broken = original
        .replace(/min_rx_interval(\s+)= 1000/, 'min_rx_interval$1= 5000')
        .replace(/local_asn(\s+)= 64513/, 'local_asn$1= 1')
        .concat(
          '\nresource "alicloud_vpc_bgp_peer" "default" {\n  bgp_group_id  = alicloud_vpc_bgp_group.default.id\n  enable_bfd    = true\n  bfd_multi_hop = 300\n}\n',
        );
      const u = uri('go-excerpt.tf');
      const diags = await lsp.open(u, broken);
      const lines = broken.split('\n');
      const peerLine = lines.findIndex((l) => l.includes('bfd_multi_hop = 300'));
      /** Where the value of the one line matching `line` starts. */
      const valueAt = (line: RegExp) => {
        const i = lines.findIndex((l) => line.test(l));
        return [i, lines[i].indexOf('=') + 2];
      };
      const at = (d: Diagnostic) => [d.code, d.range.start.line, d.range.start.character];
      assert.deepEqual(diags.map(at).sort(), [
        ['syntax-error', placeholderLine, placeholderChar],
        ['value-out-of-range', ...valueAt(/^\s*min_rx_interval\s+= 5000$/)],
        ['value-out-of-range', ...valueAt(/^\s*local_asn\s+= 1$/)],
        ['value-out-of-range', ...valueAt(/^\s*bfd_multi_hop = 300$/)],
      ].sort());
      assert.match(diags.find((d) => d.range.start.line === peerLine)!.message, /between 1 and 255, not 300/);

      // Typing a number over the placeholder: the syntax error goes, the other findings stay where they were.
      const fixed = await lsp.change(u, [
        { range: { start: { line: placeholderLine, character: placeholderChar }, end: { line: placeholderLine, character: placeholderChar + 2 } }, text: '100' },
      ]);
      assert.deepEqual(fixed.map(at).sort(), diags.filter((d) => d.code !== 'syntax-error').map(at).sort());
    });
  });

  it('gives every corpus Terraform file the same diagnostics as the CLI', async () => {
    const cli = runJson([CORPUS]).findings;
    const mismatches: string[] = [];
    for (const name of corpusHclFiles()) {
      const file = path.join(CORPUS, name);
      const fromServer = await lsp.open(pathToFileURL(file).href, readCorpus(name), name.endsWith('.tfvars') ? 'terraform-vars' : 'terraform');
      const a = fromServer.map((d) => `${JSON.stringify(d.range)} ${SEVERITY[d.severity!]} ${String(d.code)} ${d.message}`).sort();
      const b = cli.filter((f) => f.file === file).map((f) => `${JSON.stringify(f.range)} ${f.severity} ${f.code} ${f.message}`).sort();
      if (JSON.stringify(a) !== JSON.stringify(b)) mismatches.push(`${name}\n  server: ${a.join('\n          ')}\n  cli:    ${b.join('\n          ')}`);
    }
    assert.deepEqual(mismatches, []);
    assert.ok(cli.length >= 7, 'the corpus has findings to compare');
  });
});
