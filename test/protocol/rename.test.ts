/**
 * Rename over stdio: a resource's, a data source's or a local value's name, at its declaration and every
 * reference in the module's files (open or only on disk), a `moved` block for a renamed resource, and the names
 * and places that are refused with a reason.
 *
 * Run: npm run build && npx tsx --test test/protocol/rename.test.ts
 */
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PrepareRenameRequest, RenameRequest, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import type { Position, TextEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits, LspClient } from '../helpers/lsp';

const MAIN = `resource "alicloud_vpc_bgp_group" "g" {
  router_id = "vbr-1"
  peer_asn  = 65010
}

resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id = alicloud_vpc_bgp_group.g.id
  description  = "in \${alicloud_vpc_bgp_group.g.bgp_group_name}"
}

moved {
  from = alicloud_vpc_bgp_group.old
  to   = alicloud_vpc_bgp_group.g
}

locals {
  group_id = alicloud_vpc_bgp_group.g.id
}
`;

const PEERS = `resource "alicloud_vpc_bgp_peer" "q" {
  bgp_group_id = local.group_id
  depends_on   = [alicloud_vpc_bgp_group.g]
}

output "group" {
  value = alicloud_vpc_bgp_group.g.id
}

variable "region" {
  default = "cn-hangzhou"
}

data "alicloud_express_connect_physical_connections" "pc" {
  name_regex = var.region
}

resource "alicloud_vpc_bgp_group" "g2" {
  router_id = data.alicloud_express_connect_physical_connections.pc.connections.0.id
  peer_asn  = 65011
}
`;

let client: LspClient;
let dir: string;
const u = (name: string) => pathToFileURL(path.join(dir, name)).toString();

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bgp-rename-'));
  fs.writeFileSync(path.join(dir, 'main.tf'), MAIN);
  fs.writeFileSync(path.join(dir, 'peers.tf'), PEERS);
  client = await LspClient.start();
  await client.open(u('main.tf'), MAIN);
});

after(async () => {
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The position of the `occurrence`-th `needle` in `text`, plus `offset` characters. */
function positionOf(text: string, needle: string, offset = 0, occurrence = 0): Position {
  let i = -1;
  for (let k = 0; k <= occurrence; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  const before = text.slice(0, i + offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const prepare = (uri: string, position: Position) => client.conn.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position });
const rename = (uri: string, position: Position, newName: string) => client.conn.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName });

/** Each file's text after the rename's edits, by file name; the open document's edits are for its version. */
function renamed(edit: WorkspaceEdit | null): Record<string, string> {
  assert.ok(edit?.documentChanges, 'versioned edits, as VS Code asks for');
  const out: Record<string, string> = {};
  for (const dc of edit.documentChanges) {
    assert.ok('textDocument' in dc);
    const name = path.basename(new URL(dc.textDocument.uri).pathname);
    assert.equal(dc.textDocument.version, name === 'main.tf' ? 1 : null, `${name}: the open document's version, none for a file on disk`);
    out[name] = applyEdits(name === 'main.tf' ? MAIN : PEERS, dc.edits as TextEdit[]);
  }
  return out;
}

test('prepare rename gives the name itself, from a reference, its type or its declaration', async () => {
  const name = { start: positionOf(MAIN, 'group.g.id', 6), end: positionOf(MAIN, 'group.g.id', 7) };
  assert.deepEqual(await prepare(u('main.tf'), positionOf(MAIN, 'group.g.id', 6)), name);
  // On the type of the reference: the name that follows it.
  assert.deepEqual(await prepare(u('main.tf'), positionOf(MAIN, 'alicloud_vpc_bgp_group.g.id', 3)), name);
  // On the declaration's label: inside the quotes.
  assert.deepEqual(await prepare(u('main.tf'), positionOf(MAIN, '"g"', 1)), { start: positionOf(MAIN, '"g"', 1), end: positionOf(MAIN, '"g"', 2) });
  // Nothing to rename on an argument name.
  assert.equal(await prepare(u('main.tf'), positionOf(MAIN, 'router_id', 2)), null);
});

test('renaming a resource renames every reference in the module, keeps the moved history, and adds a moved block', async () => {
  const files = renamed(await rename(u('main.tf'), positionOf(MAIN, 'group.g.id', 6), 'core'));
  assert.equal(
    files['main.tf'],
    MAIN.replace('"g"', '"core"')
      .replace('alicloud_vpc_bgp_group.g.id\n  description', 'alicloud_vpc_bgp_group.core.id\n  description')
      .replace('${alicloud_vpc_bgp_group.g.bgp', '${alicloud_vpc_bgp_group.core.bgp')
      .replace('group_id = alicloud_vpc_bgp_group.g.id', 'group_id = alicloud_vpc_bgp_group.core.id') +
      '\nmoved {\n  from = alicloud_vpc_bgp_group.g\n  to   = alicloud_vpc_bgp_group.core\n}\n',
  );
  assert.match(files['main.tf'], /to {3}= alicloud_vpc_bgp_group\.g\n/, 'the earlier moved block still ends at the old name');
  assert.equal(files['peers.tf'], PEERS.replace('[alicloud_vpc_bgp_group.g]', '[alicloud_vpc_bgp_group.core]').replace('value = alicloud_vpc_bgp_group.g.id', 'value = alicloud_vpc_bgp_group.core.id'));
});

test('renaming a local or a data source changes its references, and adds no moved block', async () => {
  const local = renamed(await rename(u('main.tf'), positionOf(MAIN, '\n  group_id =', 3), 'gid'));
  assert.equal(local['main.tf'], MAIN.replace('\n  group_id =', '\n  gid ='));
  assert.equal(local['peers.tf'], PEERS.replace('local.group_id', 'local.gid'));
  // From the file on disk, opened now.
  await client.open(u('peers.tf'), PEERS);
  try {
    const edit = await rename(u('peers.tf'), positionOf(PEERS, '"pc"', 1), 'lines');
    assert.ok(edit?.documentChanges);
    assert.equal(edit.documentChanges.length, 1);
    const dc = edit.documentChanges[0];
    assert.ok('textDocument' in dc);
    assert.equal(dc.textDocument.version, 1);
    assert.equal(applyEdits(PEERS, dc.edits as TextEdit[]), PEERS.replace('"pc"', '"lines"').replace('connections.pc.connections', 'connections.lines.connections'));
  } finally {
    await client.close(u('peers.tf'));
  }
});

test('a name Terraform does not accept, one already declared, or a variable is refused with the reason', async () => {
  const at = positionOf(MAIN, 'group.g.id', 6);
  await assert.rejects(rename(u('main.tf'), at, '1group'), /"1group" is not a Terraform name/);
  await assert.rejects(rename(u('main.tf'), at, 'core group'), /not a Terraform name/);
  await assert.rejects(rename(u('main.tf'), at, 'g2'), /alicloud_vpc_bgp_group\.g2 is already declared in this module/);
  await client.open(u('peers.tf'), PEERS);
  try {
    await assert.rejects(prepare(u('peers.tf'), positionOf(PEERS, 'var.region', 5)), /var region is named outside this module too/);
  } finally {
    await client.close(u('peers.tf'));
  }
  await assert.rejects(rename(u('main.tf'), at, 'x"\n}\nresource "a" "b" {'), /not a Terraform name/);
  // Nonsense: no document, a position past the end, no name.
  assert.equal(await rename('file:///nowhere.tf', at, 'core'), null);
  assert.equal(await rename(u('main.tf'), { line: 9999, character: 0 }, 'core'), null);
  assert.equal(await client.conn.sendRequest(RenameRequest.type, { textDocument: { uri: u('main.tf') }, position: at } as never), null);
  // A .tf.json file naming the group: not edited by rename, so the rename is refused rather than half made.
  fs.writeFileSync(path.join(dir, 'extra.tf.json'), JSON.stringify({ output: { o: { value: '${alicloud_vpc_bgp_group.g.id}' } } }));
  try {
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: u('extra.tf.json'), type: 1 }] });
    await assert.rejects(rename(u('main.tf'), at, 'core'), /alicloud_vpc_bgp_group\.g is named in extra\.tf\.json, which rename does not edit/);
  } finally {
    fs.rmSync(path.join(dir, 'extra.tf.json'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: u('extra.tf.json'), type: 3 }] });
  }
  // The same name: nothing to do.
  const same = await rename(u('main.tf'), at, 'g');
  assert.deepEqual(same?.documentChanges ?? [], []);
});
