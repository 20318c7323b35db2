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
import { PrepareRenameRequest, ReferencesRequest, RenameRequest, WorkspaceEdit, WorkspaceSymbolRequest } from 'vscode-languageserver-protocol/node';
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

test('a name with letters beyond ASCII is a Terraform name (HCL identifiers are Unicode), and is renamed again', async () => {
  const files = renamed(await rename(u('main.tf'), positionOf(MAIN, 'group.g.id', 6), 'grüppe'));
  assert.match(files['main.tf'], /resource "alicloud_vpc_bgp_group" "grüppe" \{/);
  assert.match(files['peers.tf'], /value = alicloud_vpc_bgp_group\.grüppe\.id/);
  // A declaration so named is found and renamed in its turn, and `gé` is not a longer `g`.
  const text = 'resource "alicloud_vpc_bgp_group" "gé" {\n  router_id = "vbr-1"\n  peer_asn  = 65012\n}\n\noutput "gé" {\n  value = alicloud_vpc_bgp_group.gé.id\n}\n';
  await client.open(u('unicode.tf'), text);
  try {
    const edit = await rename(u('unicode.tf'), positionOf(text, '.gé.id', 1), 'ĝ');
    const dc = edit?.documentChanges?.find((c) => 'textDocument' in c && c.textDocument.uri === u('unicode.tf'));
    assert.ok(dc && 'edits' in dc);
    assert.equal(applyEdits(text, dc.edits as TextEdit[]).split('\nmoved')[0], text.replace('"gé" {\n  router', '"ĝ" {\n  router').replace('.gé.id', '.ĝ.id'));
    const other = edit!.documentChanges!.filter((c) => 'textDocument' in c && c.textDocument.uri !== u('unicode.tf'));
    assert.deepEqual(other, [], 'alicloud_vpc_bgp_group.g elsewhere is another name');
  } finally {
    await client.close(u('unicode.tf'));
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
  // A block that does not parse and may name the group (no reference is seen in it): fix it first.
  fs.writeFileSync(path.join(dir, 'broken.tf'), 'resource "alicloud_vpc_bgp_peer" "x" {\n  bgp_group_id = alicloud_vpc_bgp_group.g.id\n  description = "unterminated\n');
  try {
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: u('broken.tf'), type: 1 }] });
    await assert.rejects(rename(u('main.tf'), at, 'core'), /the block on line 1 of broken\.tf does not parse and may name g/);
  } finally {
    fs.rmSync(path.join(dir, 'broken.tf'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: u('broken.tf'), type: 3 }] });
  }
  // A file on disk naming the group whose line breaks are lone carriage returns: the editor would count its lines
  // apart from the server and make the edits in the wrong places.
  // Nor does navigation point into it: its lines would be the wrong ones.
  fs.writeFileSync(path.join(dir, 'mac.tf'), 'output "mac_only" {\r  value = alicloud_vpc_bgp_group.g.id\r}\r');
  try {
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: u('mac.tf'), type: 1 }] });
    await assert.rejects(rename(u('main.tf'), at, 'core'), /mac\.tf has a line break that is a lone carriage return/);
    const refs = await client.conn.sendRequest(ReferencesRequest.type, { textDocument: { uri: u('main.tf') }, position: at, context: { includeDeclaration: true } });
    assert.ok(refs && refs.length > 0 && !refs.some((l) => l.uri.endsWith('mac.tf')), JSON.stringify(refs));
    assert.deepEqual(await client.conn.sendRequest(WorkspaceSymbolRequest.type, { query: 'mac_only' }), []);
  } finally {
    fs.rmSync(path.join(dir, 'mac.tf'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: u('mac.tf'), type: 3 }] });
  }
  // The same name: nothing to do.
  const same = await rename(u('main.tf'), at, 'g');
  assert.deepEqual(same?.documentChanges ?? [], []);
});

test('renaming back through a moved block, a for iterator, .tf.json and override files', async () => {
  // The moved block in MAIN goes from `old` to `g`: renaming g to old would add the reverse move, a cycle.
  await assert.rejects(rename(u('main.tf'), positionOf(MAIN, 'group.g.id', 6), 'old'), /alicloud_vpc_bgp_group\.old is named in a moved or removed block/);

  const own = fs.mkdtempSync(path.join(os.tmpdir(), 'bgp-rename-more-'));
  const o = (name: string) => pathToFileURL(path.join(own, name)).toString();
  const text = 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\nlocals {\n  g   = 1\n  ips = [for peer_cfg in var.peers : peer_cfg.ip]\n}\n';
  fs.writeFileSync(path.join(own, 'main.tf'), text);
  const override = 'resource "alicloud_vpc_bgp_group" "g" {\n  peer_asn = 65020\n}\n';
  fs.writeFileSync(path.join(own, 'override.tf'), override);
  const watched = (name: string, type: 1 | 2 | 3) => client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: o(name), type }] });
  try {
    await client.open(o('main.tf'), text);
    // An iterator's attribute reads like a resource address, but nothing declares it: nothing to rename.
    assert.equal(await prepare(o('main.tf'), positionOf(text, 'peer_cfg.ip', 10)), null);
    // The override file's block is renamed with it; the moved block goes to main.tf only (not allowed in overrides).
    const edit = await rename(o('main.tf'), positionOf(text, '"g"', 1), 'core');
    assert.ok(edit?.documentChanges);
    const after = Object.fromEntries(
      edit.documentChanges.map((dc) => {
        assert.ok('textDocument' in dc);
        const name = path.basename(new URL(dc.textDocument.uri).pathname);
        return [name, applyEdits(name === 'main.tf' ? text : override, dc.edits as TextEdit[])];
      }),
    );
    assert.equal(after['override.tf'], override.replace('"g"', '"core"'));
    assert.match(after['main.tf'], /"core"[\s\S]*\nmoved \{\n {2}from = alicloud_vpc_bgp_group\.g\n {2}to {3}= alicloud_vpc_bgp_group\.core\n\}\n$/);
    // A .tf.json file that declares the new name, or names the old one: refused, since rename does not edit it.
    fs.writeFileSync(path.join(own, 'more.tf.json'), JSON.stringify({ resource: { alicloud_vpc_bgp_group: { h: { router_id: 'vbr-2', peer_asn: 65011 } } } }));
    await watched('more.tf.json', 1);
    await assert.rejects(rename(o('main.tf'), positionOf(text, '"g"', 1), 'h'), /alicloud_vpc_bgp_group\.h is already declared in this module/);
    fs.writeFileSync(path.join(own, 'more.tf.json'), JSON.stringify({ output: { o: { value: '${alicloud_vpc_bgp_group.g.id}' } } }));
    await watched('more.tf.json', 2);
    await assert.rejects(rename(o('main.tf'), positionOf(text, '"g"', 1), 'core'), /alicloud_vpc_bgp_group\.g is named in more\.tf\.json/);
    // …but a longer name that starts the same, a data source of the same type and name, or a resource named like
    // the local are other names: the local `g` is renamed.
    fs.writeFileSync(
      path.join(own, 'more.tf.json'),
      JSON.stringify({ output: { o: { value: '${local.group_id}' }, d: { value: '${data.alicloud_vpc_bgp_group.g.id}' } }, locals: { other: 1 }, resource: { alicloud_vpc: { g: {} } } }),
    );
    await watched('more.tf.json', 2);
    const local = await rename(o('main.tf'), positionOf(text, '  g   = 1', 2), 'one');
    assert.ok(local?.documentChanges?.length === 1);
    const group = await rename(o('main.tf'), positionOf(text, '"g"', 1), 'core');
    assert.ok(group?.documentChanges?.length === 2, 'main.tf and override.tf');
  } finally {
    await client.close(o('main.tf'));
    fs.rmSync(own, { recursive: true, force: true });
  }
});

test('the moved block is indented as its file is: with a tab in a file indented with tabs', async () => {
  const sub = fs.mkdtempSync(path.join(os.tmpdir(), 'bgp-rename-tabs-'));
  try {
    const text = 'resource "alicloud_vpc_bgp_group" "t" {\n\trouter_id = "vbr-1"\n\tpeer_asn  = 65010\n}\n';
    const uri = pathToFileURL(path.join(sub, 'main.tf')).toString();
    fs.writeFileSync(path.join(sub, 'main.tf'), text);
    await client.open(uri, text);
    const edit = await rename(uri, { line: 0, character: 36 }, 'tabbed');
    const edits = edit!.documentChanges!.flatMap((dc) => ('edits' in dc ? (dc.edits as TextEdit[]) : []));
    assert.match(applyEdits(text, edits), /\nmoved \{\n\tfrom = alicloud_vpc_bgp_group\.t\n\tto   = alicloud_vpc_bgp_group\.tabbed\n\}\n$/);
  } finally {
    fs.rmSync(sub, { recursive: true, force: true });
  }
});
