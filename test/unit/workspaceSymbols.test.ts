/**
 * Workspace symbols as a function of the files the index holds: each matching declaration named with the folder
 * it is in, relative to the workspace folder holding it.
 *
 * Run: node --import tsx --test test/unit/workspaceSymbols.test.ts
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSourceFile } from '../../server/src/engine/files';
import type { SourceFile } from '../../server/src/engine/sourceFile';
import { workspaceSymbols } from '../../server/src/lsp/workspaceSymbols';

const PEER = 'resource "alicloud_vpc_bgp_peer" "main" {\n  bgp_group_id = "bgpg-1"\n}\n';

describe('workspaceSymbols', () => {
  it('names a folder of the workspace whose name starts with two dots by its path in the workspace', () => {
    const files: [string, SourceFile][] = ['/w/..env/main.tf', '/other/main.tf'].map((p) => [p, createSourceFile('file://' + p, undefined, PEER)!]);
    const found = workspaceSymbols('peermain', files, (f) => 'file://' + f, ['/w']);
    assert.deepEqual(found.map((s) => s.containerName), ['..env', '/other']);
  });

  it('answers a pasted query of 300,000 characters at once: no name is that long', () => {
    const many = Array.from({ length: 100 }, (_, i) => PEER.replace('"main"', `"p${i}"`)).join('\n');
    const files: [string, SourceFile][] = Array.from({ length: 20 }, (_, i) => [`/w/m${i}/main.tf`, createSourceFile(`file:///w/m${i}/main.tf`, undefined, many)!]);
    for (const query of [' '.repeat(300_000) + 'zz', 'alicloud'.repeat(40_000)]) {
      const started = performance.now();
      assert.deepEqual(workspaceSymbols(query, files, (f) => 'file://' + f, ['/w']), []);
      // Walked once per name, such a query took seconds.
      assert.ok(performance.now() - started < 500, `${performance.now() - started} ms`);
    }
    // Spaces are still ignored, case too.
    assert.deepEqual(new Set(workspaceSymbols(' BGP_PEER.P99 ', files, (f) => 'file://' + f, ['/w']).map((s) => s.name)), new Set(['alicloud_vpc_bgp_peer.p99']));
  });

  it('finds the declarations of a module file written in JSON, named as those of a .tf', () => {
    const json = JSON.stringify({ resource: { alicloud_vpc_bgp_peer: { edge: { bgp_group_id: 'bgpg-1' } } }, data: { alicloud_express_connect_physical_connections: { pc: {} } }, variable: { asn: {} }, locals: { hop: 3 } }, null, 2);
    const files: [string, SourceFile][] = [['/w/m/main.tf.json', createSourceFile('file:///w/m/main.tf.json', undefined, json)!]];
    const found = (query: string) => workspaceSymbols(query, files, (f) => 'file://' + f, ['/w']).map((s) => [s.name, s.kind, s.location.range.start.line, s.containerName]);
    assert.deepEqual(found('peeredge'), [['alicloud_vpc_bgp_peer.edge', 5, 3, 'm']]);
    assert.deepEqual(found('data.pc'), [['data.alicloud_express_connect_physical_connections.pc', 11, 10, 'm']]);
    assert.deepEqual(found('var.asn'), [['var.asn', 13, 14, 'm']]);
    assert.deepEqual(found('local.hop'), [['local.hop', 14, 17, 'm']]);
  });
});
