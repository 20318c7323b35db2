// Module-wide features through the real server: files on disk beside an open one, go to definition,
// find references, the outline, and the index following changes on disk.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeAction,
  CodeActionRequest,
  DefinitionRequest,
  DidChangeWatchedFilesNotification,
  DocumentHighlight,
  DocumentHighlightKind,
  DocumentHighlightRequest,
  DocumentSymbol,
  DocumentSymbolRequest,
  Location,
  ReferencesRequest,
} from 'vscode-languageserver-protocol/node';
import { applyEdits, codes, editsFor, LspClient } from '../helpers/lsp';

const fixture = path.resolve(__dirname, '../fixtures/modules/split');
let client: LspClient;
let dir: string;

before(async () => {
  // A scratch copy: the test writes files into it.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bgp-nav-'));
  for (const f of fs.readdirSync(fixture)) fs.copyFileSync(path.join(fixture, f), path.join(dir, f));
  client = await LspClient.start();
});

after(async () => {
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).toString();

/** A copy of the fixture module of a test's own (its files can be changed), and the URI of a file in it. */
function copyOfModule(prefix: string): { own: string; u: (name: string) => string } {
  const own = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const f of fs.readdirSync(fixture)) fs.copyFileSync(path.join(fixture, f), path.join(own, f));
  return { own, u: (name) => pathToFileURL(path.join(own, name)).toString() };
}

/** A scratch folder of a test's own with `files` written in it, the URI of a file in it, and its removal. */
/** A folder of its own with `files` on disk; `done` closes the documents named, then removes the folder. */
function scratchFolder(prefix: string, files: Record<string, string> = {}): { u: (name: string) => string; done: (...open: string[]) => Promise<void> } {
  const own = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(own, name), text);
  const u = (name: string) => pathToFileURL(path.join(own, name)).toString();
  const done = async (...open: string[]) => {
    for (const name of open) await client.close(u(name));
    fs.rmSync(own, { recursive: true, force: true });
  };
  return { u, done };
}

test('an open file sees the resources of the files beside it on disk', async () => {
  const diagnostics = await client.open(uriOf('peers.tf'), fs.readFileSync(path.join(dir, 'peers.tf'), 'utf8'));
  assert.deepEqual(codes(diagnostics), []);
});

test('go to definition jumps from a reference to the block in another file', async () => {
  // peers.tf line 1: `  bgp_group_id    = alicloud_vpc_bgp_group.primary.id`
  const locations = (await client.conn.sendRequest(DefinitionRequest.type, {
    textDocument: { uri: uriOf('peers.tf') },
    position: { line: 1, character: 45 },
  })) as Location[];
  assert.equal(locations.length, 1);
  assert.equal(locations[0].uri, uriOf('network.tf'));
  const networkLines = fs.readFileSync(path.join(dir, 'network.tf'), 'utf8').split('\n');
  const { start, end } = locations[0].range;
  assert.equal(networkLines[start.line].slice(start.character, end.character), '"primary"');
});

test('find references lists every use across the module', async () => {
  const text = fs.readFileSync(path.join(dir, 'network.tf'), 'utf8');
  await client.open(uriOf('network.tf'), text);
  const line = text.split('\n').findIndex((l) => l.includes('resource "alicloud_vpc_bgp_group" "primary"'));
  const refs = (await client.conn.sendRequest(ReferencesRequest.type, {
    textDocument: { uri: uriOf('network.tf') },
    position: { line, character: text.split('\n')[line].indexOf('primary') + 2 },
    context: { includeDeclaration: false },
  })) as Location[];
  assert.deepEqual(refs.map((r) => `${path.basename(r.uri)}:${r.range.start.line}`).sort(), ['peers.tf:1', 'peers.tf:7']);
});

test('the outline lists the blocks of the file', async () => {
  const symbols = (await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uriOf('network.tf') } })) as DocumentSymbol[];
  assert.deepEqual(symbols.map((s) => s.name), [
    'data.alicloud_express_connect_physical_connections.dc',
    'alicloud_express_connect_virtual_border_router.vbr',
    'alicloud_vpc_bgp_group.primary',
  ]);
  // An entry without nested blocks leaves `children` out rather than sending an empty list.
  assert.ok(symbols.some((s) => !('children' in s)));
  assert.ok(symbols.every((s) => !('children' in s) || s.children!.length > 0));
});

test('a file changed on disk is re-read and the open files of its module are re-checked', async () => {
  const peers = uriOf('peers.tf');
  const next = client.nextPublish(peers, undefined);
  fs.writeFileSync(path.join(dir, 'network.tf'), fs.readFileSync(path.join(dir, 'network.tf'), 'utf8').replace('"primary"', '"renamed"'));
  // network.tf is open too: close it so the disk version counts, then tell the server about the change.
  await client.close(uriOf('network.tf'));
  await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('network.tf'), type: 2 }] });
  let published = await next;
  while (!published.diagnostics.some((d) => d.code === 'undeclared-reference')) published = await client.nextPublish(peers, undefined);
  assert.ok(published.diagnostics.some((d) => d.code === 'undeclared-reference' && /alicloud_vpc_bgp_group\.primary/.test(d.message)));
});

test('editing one open file re-checks the other open files of its module only when what they see changed', async () => {
  const network = uriOf('network.tf');
  const peers = uriOf('peers.tf');
  let text = fs.readFileSync(path.join(dir, 'network.tf'), 'utf8');
  await client.open(network, text);
  // Opening re-checks the module's other open files; let that settle before counting.
  await new Promise((r) => setTimeout(r, 300));
  const before = client.published.filter((p) => p.uri === peers).length;
  // A comment changes nothing other files can see: network.tf is re-checked, peers.tf is not.
  const comment = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# note\n' };
  await client.change(network, [comment]);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(client.published.filter((p) => p.uri === peers).length, before);
  // Renaming the group the peers refer to does: peers.tf gets its finding without being touched.
  text = '# note\n' + text;
  const line = text.split('\n').findIndex((l) => l.includes('resource "alicloud_vpc_bgp_group"'));
  const col = text.split('\n')[line].indexOf('"', 'resource "alicloud_vpc_bgp_group" '.length) + 1;
  const next = client.nextPublish(peers, undefined);
  await client.change(network, [{ range: { start: { line, character: col }, end: { line, character: col } }, text: 'x' }]);
  let published = await next;
  while (!published.diagnostics.some((d) => d.code === 'undeclared-reference')) published = await client.nextPublish(peers, undefined);
  assert.ok(published.diagnostics.some((d) => d.code === 'undeclared-reference'));
});

test('opening a file of the module as it is on disk does not re-check its other open files; a different text does', async () => {
  const { own, u } = copyOfModule('bgp-open-');
  const peersPublished = () => client.published.filter((p) => p.uri === u('peers.tf')).length;
  try {
    await client.open(u('peers.tf'), fs.readFileSync(path.join(own, 'peers.tf'), 'utf8'));
    const text = fs.readFileSync(path.join(own, 'network.tf'), 'utf8');
    let before = peersPublished();
    await client.open(u('network.tf'), text);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(peersPublished(), before, 'the module peers.tf sees did not change');
    await client.close(u('network.tf'));
    // Opened with an unsaved rename of the group peers.tf refers to: peers.tf is checked again, and sees it.
    await new Promise((r) => setTimeout(r, 300));
    before = peersPublished();
    const next = client.nextPublish(u('peers.tf'), undefined);
    await client.open(u('network.tf'), text.replace('"primary"', '"renamed"'));
    const published = await next;
    assert.ok(peersPublished() > before);
    assert.ok(published.diagnostics.some((d) => d.code === 'undeclared-reference'));
  } finally {
    await client.close(u('network.tf'));
    await client.close(u('peers.tf'));
    fs.rmSync(own, { recursive: true, force: true });
  }
});

test('closing a file puts its disk version back in the module: unsaved edits are dropped, a saved file is kept', async () => {
  const { own, u } = copyOfModule('bgp-close-');
  const undeclared = (ds: { code?: unknown }[]) => ds.some((d) => d.code === 'undeclared-reference');
  /** Waits for a publish of peers.tf whose diagnostics satisfy `want`. */
  const peersUntil = async (want: (hasFinding: boolean) => boolean) => {
    for (;;) if (want(undeclared((await client.nextPublish(u('peers.tf'), undefined)).diagnostics))) return;
  };
  const lastPeers = () => client.published.filter((p) => p.uri === u('peers.tf')).at(-1)!.diagnostics;
  try {
    assert.ok(!undeclared(await client.open(u('peers.tf'), fs.readFileSync(path.join(own, 'peers.tf'), 'utf8'))));
    const text = fs.readFileSync(path.join(own, 'network.tf'), 'utf8');
    await client.open(u('network.tf'), text);
    // An unsaved rename of the group peers.tf refers to gives peers.tf the finding…
    let next = peersUntil((has) => has);
    await client.change(u('network.tf'), [{ text: text.replace('"primary"', '"unsaved"') }]);
    await next;
    // …and closing without saving brings the disk version (with "primary") back.
    next = peersUntil((has) => !has);
    await client.close(u('network.tf'));
    await next;
    // A saved rename survives the close: the open version is what the disk holds.
    const saved = text.replace('"primary"', '"saved"');
    await client.open(u('network.tf'), text);
    next = peersUntil((has) => has);
    await client.change(u('network.tf'), [{ text: saved }]);
    await next;
    fs.writeFileSync(path.join(own, 'network.tf'), saved);
    const published = client.published.length;
    await client.close(u('network.tf'));
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(client.published.slice(published).some((p) => p.uri === u('peers.tf')), 'peers.tf re-checked after the close');
    assert.ok(undeclared(lastPeers()), 'still sees the saved rename');
  } finally {
    await client.close(u('peers.tf'));
    fs.rmSync(own, { recursive: true, force: true });
  }
});

test('re-opening a closed file: the same text gives the same findings, a different text its own, and edits still work', async () => {
  const own = fs.mkdtempSync(path.join(os.tmpdir(), 'bgp-reopen-'));
  const file = path.join(own, 'main.tf');
  const text = 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  peer_asn  = 65001\n}\n\nresource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = alicloud_vpc_bgp_group.g.id\n  enable_bfd    = true\n  bfd_multi_hop = 300\n}\n';
  fs.writeFileSync(file, text);
  const u = pathToFileURL(file).toString();
  try {
    assert.deepEqual(codes(await client.open(u, text, 'terraform', 1)), ['value-out-of-range']);
    await client.close(u); // saved: the module keeps this parse as the file's disk copy
    assert.deepEqual(codes(await client.open(u, text, 'terraform', 2)), ['value-out-of-range'], 'same text');
    // An edit to the re-opened file is an edit to the file the module sees.
    const line = 8;
    const fixed = await client.change(u, [{ range: { start: { line, character: 18 }, end: { line, character: 21 } }, text: '30' }]);
    assert.deepEqual(codes(fixed), []);
    await client.close(u); // unsaved: the disk text comes back
    assert.deepEqual(codes(await client.open(u, text, 'terraform', 5)), ['value-out-of-range'], 'the disk text again');
    await client.close(u);
    // The editor may hand over a text the server has not seen (changed on disk, no watcher event).
    assert.deepEqual(codes(await client.open(u, text.replace('300', '30'), 'terraform', 6)), [], 'a different text is parsed');
    await client.close(u);
    assert.deepEqual(codes(await client.open(u, text.replace('enable_bfd    = true\n', ''), 'terraform', 7)).sort(), ['bfd-multi-hop-without-bfd', 'value-out-of-range']);
  } finally {
    await client.close(u);
    fs.rmSync(own, { recursive: true, force: true });
  }
});

test('a module file that grows past the size limit gives its place back to the disk copy, and the other open files see it', async () => {
  const { own, u } = copyOfModule('bgp-refused-');
  const small = await LspClient.start({ initializationOptions: { maxFileSizeMB: 0.05 } });
  const undeclared = (ds: { code?: unknown }[]) => ds.some((d) => d.code === 'undeclared-reference');
  const peersUntil = async (want: (has: boolean) => boolean) => {
    for (;;) if (want(undeclared((await small.nextPublish(u('peers.tf'), undefined)).diagnostics))) return;
  };
  try {
    assert.ok(!undeclared(await small.open(u('peers.tf'), fs.readFileSync(path.join(own, 'peers.tf'), 'utf8'))));
    const text = fs.readFileSync(path.join(own, 'network.tf'), 'utf8');
    await small.open(u('network.tf'), text);
    // An unsaved rename of the group peers.tf refers to…
    let next = peersUntil((has) => has);
    await small.change(u('network.tf'), [{ text: text.replace('"primary"', '"unsaved"') }]);
    await next;
    // …then the file grows past 0.05 MB: it is no longer analysed, the module sees the disk copy ("primary").
    next = peersUntil((has) => !has);
    const big = await small.change(u('network.tf'), [{ text: text.replace('"primary"', '"unsaved"') + '#'.repeat(80_000) + '\n' }]);
    assert.deepEqual(codes(big), ['file-too-large']);
    await next;
  } finally {
    await small.stop();
    fs.rmSync(own, { recursive: true, force: true });
  }
});

test('go to definition in a 100,000-line file looks through its 15,000 declarations without holding them all at once', async () => {
  const { hclModule } = await import('../../scripts/bench/workloads.mjs');
  const text: string = hclModule(100000).text;
  const lines = text.split('\n');
  // A declaration's own name (no reference there): the whole file's declarations are looked through for it.
  const line = lines.findIndex((l) => l.startsWith('resource "alicloud_vpc_bgp_group"'));
  const character = lines[line].lastIndexOf('"') - 1;
  const fresh = await LspClient.start();
  try {
    const u = pathToFileURL(path.join(os.tmpdir(), 'bgp-definition-large', 'main.tf')).toString();
    await fresh.open(u, text);
    await new Promise((r) => setTimeout(r, 300));
    const opened = fresh.peakMB();
    for (let i = 0; i < 10; i++) {
      const found = (await fresh.conn.sendRequest(DefinitionRequest.type, { textDocument: { uri: u }, position: { line, character } })) as Location[];
      assert.deepEqual(found.map((l) => l.range.start.line), [line]);
    }
    const grown = fresh.peakMB() - opened;
    // Made all at once, they outlived young collections: +10 MB at the first request.
    assert.ok(grown < 5, `the server's peak grew by ${grown.toFixed(1)} MB`);
  } finally {
    await fresh.stop();
  }
});

test("an override file opened and edited beside an open file settles, and gives back, that file's findings", async () => {
  const main = 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\nresource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = alicloud_vpc_bgp_group.g.id\n  enable_bfd    = true\n  bfd_multi_hop = 300\n}\n';
  const { u, done } = scratchFolder('bgp-override-open-', { 'main.tf': main });
  try {
    assert.deepEqual(codes(await client.open(u('main.tf'), main)), ['value-out-of-range']);
    // An override file (not on disk yet) replacing the value: main.tf is checked again, without the finding.
    let next = client.nextPublish(u('main.tf'), undefined);
    const override = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bfd_multi_hop = 10\n}\n';
    assert.deepEqual(codes(await client.open(u('override.tf'), override)), []);
    assert.deepEqual(codes((await next).diagnostics), []);
    // Its line deleted as the user types: main.tf's own value holds again.
    next = client.nextPublish(u('main.tf'), undefined);
    await client.change(u('override.tf'), [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: '' }]);
    assert.deepEqual(codes((await next).diagnostics), ['value-out-of-range']);
  } finally {
    await done('override.tf', 'main.tf');
  }
});

test('the symbol under the cursor is highlighted in its file: its declaration written, its references read', async () => {
  const text = 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\nresource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.g.id\n  description  = "${alicloud_vpc_bgp_group.g.bgp_group_name} g"\n}\n';
  const { u: uriIn, done } = scratchFolder('bgp-highlight-');
  const u = uriIn('main.tf');
  try {
    await client.open(u, text);
    const ask = (line: number, character: number) => client.conn.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri: u }, position: { line, character } }) as Promise<DocumentHighlight[]>;
    const expected = [
      { range: { start: { line: 0, character: 34 }, end: { line: 0, character: 37 } }, kind: DocumentHighlightKind.Write },
      { range: { start: { line: 5, character: 17 }, end: { line: 5, character: 41 } }, kind: DocumentHighlightKind.Read },
      { range: { start: { line: 6, character: 20 }, end: { line: 6, character: 44 } }, kind: DocumentHighlightKind.Read },
    ];
    // From a reference, and from the declaration: the same three, and not the word "g" in the description.
    assert.deepEqual(await ask(5, 40), expected);
    assert.deepEqual(await ask(0, 35), expected);
    assert.deepEqual(await ask(1, 4), [], 'an argument name is no symbol');
  } finally {
    await done('main.tf');
  }
});

test("an override file's findings follow the block it overrides, edited in another open file", async () => {
  const main = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  enable_bfd   = false\n}\n';
  const override = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bfd_multi_hop = 10\n}\n';
  const { u, done } = scratchFolder('bgp-override-follow-', { 'main.tf': main, 'override.tf': override });
  try {
    await client.open(u('main.tf'), main);
    assert.deepEqual(codes(await client.open(u('override.tf'), override)), ['bfd-multi-hop-without-bfd']);
    // enable_bfd turned on in main.tf: override.tf is checked again, and its finding is gone.
    const next = client.nextPublish(u('override.tf'), undefined);
    const at = { line: 2, character: main.split('\n')[2].indexOf('false') };
    await client.change(u('main.tf'), [{ range: { start: at, end: { line: 2, character: at.character + 5 } }, text: 'true' }]);
    assert.deepEqual(codes((await next).diagnostics), []);
  } finally {
    await done('override.tf', 'main.tf');
  }
});

test("a quick fix in an override file sets, there, what the block it overrides wrote", async () => {
  const main = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id    = "bgpg-1"\n  ip_version      = "IPv6"\n  peer_ip_address = "2001:db8::1"\n}\n';
  const override = 'resource "alicloud_vpc_bgp_peer" "p" {\n  peer_ip_address = "10.0.0.1"\n}\n';
  const { u, done } = scratchFolder('bgp-override-fix-', { 'main.tf': main, 'override.tf': override });
  try {
    const [d] = await client.open(u('override.tf'), override);
    assert.equal(d.code, 'ip-version-mismatch');
    const actions = (await client.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri: u('override.tf') }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const fix = actions.find((a) => a.title === 'Set ip_version = "IPv4"');
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    const fixed = applyEdits(override, editsFor(fix.edit, u('override.tf'), 1));
    assert.equal(fixed, 'resource "alicloud_vpc_bgp_peer" "p" {\n  peer_ip_address = "10.0.0.1"\n  ip_version      = "IPv4"\n}\n');
    assert.deepEqual(codes(await client.change(u('override.tf'), [{ range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }, text: fixed }])), []);
  } finally {
    await done('override.tf');
  }
});
