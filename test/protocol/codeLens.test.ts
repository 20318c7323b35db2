// Code lenses on virtual border routers and BGP groups through the real server: where they go, their titles and
// the command listing the peers (codeLens/resolve), the setting turning them off and on, and the editor told to
// ask again when another file of the module changes what they count.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, Location, Position } from 'vscode-languageserver-protocol/node';
import { delay, LspClient } from '../helpers/lsp';

const VBR = `resource "alicloud_express_connect_virtual_border_router" "edge" {
  physical_connection_id = "pc-1"
  vlan_id                = 1
  local_gateway_ip       = "10.0.0.1"
  peer_gateway_ip        = "10.0.0.2"
  peering_subnet_mask    = "255.255.255.252"
}
`;
const PEERS = `resource "alicloud_vpc_bgp_group" "g" {
  router_id = alicloud_express_connect_virtual_border_router.edge.id
  peer_asn  = 65010
}
resource "alicloud_vpc_bgp_peer" "a" {
  bgp_group_id = alicloud_vpc_bgp_group.g.id
}
resource "alicloud_vpc_bgp_peer" "b" {
  count        = 2
  bgp_group_id = alicloud_vpc_bgp_group.g.id
}
`;

let client: LspClient;
let dir: string;
let refreshes = 0;
const u = (name: string) => pathToFileURL(path.join(dir, name)).toString();

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bgp-lens-'));
  fs.writeFileSync(path.join(dir, 'main.tf'), VBR);
  fs.writeFileSync(path.join(dir, 'peers.tf'), PEERS);
  client = await LspClient.start({ workspace: { codeLens: { refreshSupport: true } } });
  client.conn.onRequest('workspace/codeLens/refresh', () => {
    refreshes++;
    return null;
  });
});

after(async () => {
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const lenses = (name: string) => client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: u(name) } });
const resolve = (lens: CodeLens) => client.request<CodeLens>('codeLens/resolve', lens);

/** Waits until the server has asked for lenses again `n` times in all. */
async function refreshed(n: number): Promise<void> {
  for (let i = 0; i < 200 && refreshes < n; i++) await delay(25);
  assert.equal(refreshes, n, 'workspace/codeLens/refresh sent');
}

test('the server offers code lenses that it resolves', () => {
  assert.deepEqual(client.initializeResult.capabilities.codeLensProvider, { resolveProvider: true });
});

test("a VBR's lens counts the groups and peers of the module's other files, and its command lists the peers", async () => {
  await client.open(u('main.tf'), VBR);
  const [lens, ...more] = await lenses('main.tf');
  assert.equal(more.length, 0);
  // On the block's name in its header.
  assert.deepEqual(lens.range, { start: { line: 0, character: 58 }, end: { line: 0, character: 64 } });
  assert.equal(lens.command, undefined, 'titles are made when the editor resolves the lenses it shows');
  const resolved = await resolve(lens);
  assert.equal(resolved.command?.title, '1 BGP group, 3 BGP peers (of 8)');
  assert.equal(resolved.command?.command, 'editor.action.showReferences');
  const [uri, position, locations] = resolved.command!.arguments as [string, Position, Location[]];
  assert.equal(uri, u('main.tf'));
  assert.deepEqual(position, lens.range.start);
  assert.deepEqual(
    locations.map((l) => `${path.basename(l.uri)}:${l.range.start.line}:${l.range.start.character}`),
    ['peers.tf:4:33', 'peers.tf:7:33'],
  );
});

test('a group in an open file has its own lens, and an edit there makes the editor ask for the others again', async () => {
  await client.open(u('peers.tf'), PEERS);
  const [group] = await lenses('peers.tf');
  assert.equal((await resolve(group)).command?.title, '3 BGP peers');
  const before = refreshes;
  const end = { line: PEERS.split('\n').length - 1, character: 0 };
  await client.change(u('peers.tf'), [{ range: { start: end, end }, text: 'resource "alicloud_vpc_bgp_peer" "c" {\n  bgp_group_id = alicloud_vpc_bgp_group.g.id\n}\n' }]);
  await refreshed(before + 1);
  const [vbr] = await lenses('main.tf');
  assert.equal((await resolve(vbr)).command?.title, '1 BGP group, 4 BGP peers (of 8)');
});

test('alicloudBgp.codeLens.enable turns the lenses off and on without a restart', async () => {
  const before = refreshes;
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { alicloudBgp: { codeLens: { enable: false } } } });
  await refreshed(before + 1);
  assert.deepEqual(await lenses('main.tf'), []);
  await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { alicloudBgp: { codeLens: { enable: true } } } });
  await refreshed(before + 2);
  assert.equal((await lenses('main.tf')).length, 1);
});

test('a lens whose document is closed resolves to no title, and nonsense gets an answer', async () => {
  const [lens] = await lenses('main.tf');
  await client.close(u('main.tf'));
  assert.equal((await resolve(lens)).command?.title, '');
  assert.equal((await resolve({ range: lens.range, data: 42 } as CodeLens)).command?.title, '');
  assert.deepEqual(await lenses('nowhere.tf'), []);
});
