/**
 * Workspace symbols over stdio ("Go to Symbol in Workspace"): every module file the server indexed in its
 * workspace folder, open or on disk, answers with the declarations whose names hold the query's characters in
 * order, named as the outline names them, in the folder they are in; an open file's unsaved text counts; a
 * one-letter query is capped; nonsense gets an empty answer.
 *
 * Run: npm run build && npx tsx --test test/protocol/workspaceSymbols.test.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SymbolInformation, SymbolKind } from 'vscode-languageserver-protocol/node';
import { delay, LspClient } from '../helpers/lsp';
import { scratchDir } from '../helpers/scratch';

const PEER = (name: string) => `resource "alicloud_vpc_bgp_peer" "${name}" {\n  bgp_group_id = "bgpg-1"\n}\n`;

describe('workspace symbols', () => {
  let lsp: LspClient;
  let root: string;
  const file = (rel: string) => path.join(root, rel);
  before(async () => {
    root = scratchDir('bgp-symbols-');
    const files: Record<string, string> = {
      'envs/prod/main.tf': PEER('main') + '\nresource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  peer_asn  = 65001\n}\n',
      'envs/dev/main.tf': PEER('main'),
      'modules/bgp/variables.tf': 'variable "asn" {\n  type = number\n}\n\nlocals {\n  hop = 3\n}\n',
      'many/main.tf': Array.from({ length: 600 }, (_, i) => PEER(`p${i}`)).join('\n'),
    };
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(file(rel)), { recursive: true });
      fs.writeFileSync(file(rel), text);
    }
    lsp = await LspClient.start({ rootUri: pathToFileURL(root).toString() });
    for (let i = 0; i < 200 && !lsp.logs.some((l) => /indexed \d+ \.tf files/.test(l)); i++) await delay(25);
  });
  after(() => lsp.stop());

  const symbols = (query: unknown) => lsp.request<SymbolInformation[]>('workspace/symbol', { query });

  it('finds a declaration in every module, by a fuzzy query, with its folder and place', async () => {
    const found = (await symbols('bgppeermain')).sort((a, b) => a.containerName!.localeCompare(b.containerName!));
    assert.deepEqual(
      found.map((s) => [s.name, s.kind, s.containerName, s.location.uri, s.location.range.start.line]),
      [
        ['alicloud_vpc_bgp_peer.main', SymbolKind.Class, 'envs/dev', pathToFileURL(file('envs/dev/main.tf')).toString(), 0],
        ['alicloud_vpc_bgp_peer.main', SymbolKind.Class, 'envs/prod', pathToFileURL(file('envs/prod/main.tf')).toString(), 0],
      ],
    );
    assert.deepEqual((await symbols('var.asn')).map((s) => [s.name, s.kind, s.containerName]), [['var.asn', SymbolKind.Variable, 'modules/bgp']]);
    assert.deepEqual((await symbols('local.hop')).map((s) => s.name), ['local.hop']);
    assert.deepEqual((await symbols('bgp_group.g')).map((s) => [s.name, s.location.range.start.line]), [['alicloud_vpc_bgp_group.g', 4]]);
  });

  it('reads an open file\'s unsaved text', async () => {
    const u = pathToFileURL(file('envs/dev/main.tf')).toString();
    await lsp.open(u, PEER('main') + '\n' + PEER('renamed_in_editor'));
    assert.deepEqual((await symbols('renamed_in_editor')).map((s) => [s.name, s.location.uri, s.location.range.start.line]), [['alicloud_vpc_bgp_peer.renamed_in_editor', u, 4]]);
    await lsp.close(u);
  });

  it('caps a broad query, and answers nonsense with nothing', async () => {
    assert.equal((await symbols('p')).length, 500);
    assert.deepEqual(await symbols(42), []);
    assert.deepEqual(await lsp.request('workspace/symbol', {}), []);
    assert.deepEqual(await symbols('zzzz-no-such'), []);
    assert.ok((lsp.initializeResult.capabilities as { workspaceSymbolProvider?: boolean }).workspaceSymbolProvider);
  });
});
