/** Variable files judged as Terraform loads them: several files of a folder, in its order (`engine/tfvars.ts`). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createSourceFile } from '../../server/src/engine/files';
import { Workspace } from '../../server/src/engine/workspace';
import { compareLoadOrder } from '../../server/src/engine/variableFiles';
import { defaultSchemas } from '../../server/src/schema/registry';
import { scratchDir } from '../helpers/scratch';

const PEER = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = var.enable_bfd\n  bfd_multi_hop = var.bfd_multi_hop\n}\n';

/** A folder with `files` on disk, and each named file's findings as `line:start-end code: message`. */
function findings(files: Record<string, string>): Record<string, string[]> {
  const dir = scratchDir('tfvars-');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const ws = new Workspace(defaultSchemas());
  ws.indexDir(dir);
  const out: Record<string, string[]> = {};
  for (const name of Object.keys(files)) {
    if (name.endsWith('.tf')) continue;
    const p = path.join(dir, name);
    const file = createSourceFile(p, undefined, files[name])!;
    out[name] = file.diagnostics(ws.contextFor(p, file)).map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.code}: ${d.message}`);
  }
  return out;
}

test('load order: terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars(.json) by name, bytewise', () => {
  const names = ['b.auto.tfvars', 'terraform.tfvars.json', 'a.auto.tfvars.json', 'B.auto.tfvars', 'terraform.tfvars', 'a.auto.tfvars'];
  assert.deepEqual(names.sort(compareLoadOrder), ['terraform.tfvars', 'terraform.tfvars.json', 'B.auto.tfvars', 'a.auto.tfvars', 'a.auto.tfvars.json', 'b.auto.tfvars']);
});

test('a later auto-loaded file replaces a value: enable_bfd = true there silences terraform.tfvars', () => {
  const got = findings({ 'main.tf': PEER, 'terraform.tfvars': 'bfd_multi_hop = 13\nenable_bfd    = false\n', 'z.auto.tfvars': 'enable_bfd = true\n' });
  assert.deepEqual(got, { 'terraform.tfvars': [], 'z.auto.tfvars': [] });
});

test('values set in two auto-loaded files are judged together, in the file whose trigger is used, naming the other', () => {
  const got = findings({ 'main.tf': PEER, 'terraform.tfvars': 'enable_bfd = false\n', 'bfd.auto.tfvars': 'bfd_multi_hop = 13\n' });
  assert.deepEqual(got['terraform.tfvars'], []);
  assert.equal(got['bfd.auto.tfvars'].length, 1);
  assert.match(got['bfd.auto.tfvars'][0], /^0:0-13 bfd-multi-hop-without-bfd: .*enable_bfd is the one in terraform\.tfvars\)$/);
});

test('an earlier file\'s trigger replaced by a later one is judged where the later is, not twice', () => {
  const got = findings({ 'main.tf': PEER, 'a.auto.tfvars': 'bfd_multi_hop = 13\nenable_bfd = false\n', 'b.auto.tfvars': 'bfd_multi_hop = 20\n' });
  assert.deepEqual(got['a.auto.tfvars'], []);
  assert.equal(got['b.auto.tfvars'].length, 1);
  assert.match(got['b.auto.tfvars'][0], /^0:0-13 bfd-multi-hop-without-bfd: .*enable_bfd is the one in a\.auto\.tfvars\)$/);
});

test('a file given with -var-file (not auto-loaded) is judged alone, as before', () => {
  const got = findings({ 'main.tf': PEER, 'prod.tfvars': 'bfd_multi_hop = 13\nenable_bfd = false\n', 'z.auto.tfvars': 'enable_bfd = true\n' });
  assert.equal(got['prod.tfvars'].length, 1);
  assert.match(got['prod.tfvars'][0], /\(variables feeding alicloud_vpc_bgp_peer\)$/);
});
