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
});
