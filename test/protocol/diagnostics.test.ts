/**
 * Pushed diagnostics over stdio, as an editor sees them: the right finding at the right range, carrying the
 * document version; incremental edits that fix or break things; files and blocks our rules must leave alone;
 * one broken block not silencing the others; and many small edits ending where a fresh parse ends.
 *
 * Run: npm run build && npx tsx --test test/protocol/diagnostics.test.ts
 */
import { after, before, describe, it } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codes, editsFor, LspClient, rangeOf, uri } from '../helpers/lsp';
import { prng } from '../helpers/random';

const PEER_300 = `resource "alicloud_vpc_bgp_group" "g" {
  router_id = "vbr-1"
  peer_asn  = 65001
}

resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id  = alicloud_vpc_bgp_group.g.id
  enable_bfd    = true
  bfd_multi_hop = 300
}
`;

describe('pushed diagnostics', () => {
  let lsp: LspClient;
  before(async () => (lsp = await LspClient.start()));
  after(() => lsp.stop());

  it('reports bfd_multi_hop = 300 as value-out-of-range on the value, with the document version', async () => {
    const u = uri();
    const diags = await lsp.open(u, PEER_300, 'terraform', 7);
    const pub = lsp.published.find((p) => p.uri === u)!;
    assert.equal(pub.version, 7, 'publishDiagnostics carries the version it was computed for');
    assert.equal(diags.length, 1, JSON.stringify(diags));
    assert.equal(diags[0].code, 'value-out-of-range');
    assert.equal(diags[0].severity, DiagnosticSeverity.Error);
    assert.deepEqual(diags[0].range, rangeOf(PEER_300, '300'));
    assert.match(diags[0].message, /1.*255/);
  });

  it('an incremental change that fixes the value clears the diagnostic, published for the new version', async () => {
    const u = uri();
    await lsp.open(u, PEER_300);
    const at300 = rangeOf(PEER_300, '300');
    // Typed as an editor sends it: delete "300", then type "2" — each its own version.
    const afterDelete = await lsp.change(u, [{ range: at300, text: '' }], 2);
    assert.deepEqual(codes(afterDelete), ['syntax-error'], 'an argument without a value is a syntax error');
    const fixed = await lsp.change(u, [{ range: { start: at300.start, end: at300.start }, text: '2' }], 3);
    assert.deepEqual(fixed, []);
    assert.equal(lsp.published.filter((p) => p.uri === u).at(-1)!.version, 3);
    // And breaking it again brings it back, at the new value's range.
    const broken = await lsp.change(u, [{ range: { start: at300.start, end: { line: at300.start.line, character: at300.start.character + 1 } }, text: '0' }], 4);
    assert.deepEqual(codes(broken), ['value-out-of-range']);
    assert.deepEqual(broken[0].range, { start: at300.start, end: { line: at300.start.line, character: at300.start.character + 1 } });
    assert.match(broken[0].message, /not 0/);
  });

  it('an edit that adds lines above a finding moves its range down with it', async () => {
    const u = uri();
    await lsp.open(u, PEER_300);
    const diags = await lsp.change(u, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# one\n# two\n\n' }]);
    const expected = rangeOf(PEER_300, '300');
    assert.deepEqual(diags.map((d) => d.range), [{ start: { line: expected.start.line + 3, character: expected.start.character }, end: { line: expected.end.line + 3, character: expected.end.character } }]);
  });

  it('a full-text change (no range) is analysed like a fresh open', async () => {
    const u = uri();
    await lsp.open(u, PEER_300);
    const text = PEER_300.replace('300', '5').replace('  enable_bfd    = true\n', '');
    const diags = await lsp.change(u, [{ text }]);
    assert.deepEqual(codes(diags), ['bfd-multi-hop-without-bfd']);
    assert.equal(diags[0].severity, DiagnosticSeverity.Warning);
    assert.deepEqual(diags[0].range, rangeOf(text, 'bfd_multi_hop'));
  });

  it('closing a document clears its diagnostics', async () => {
    const u = uri();
    assert.equal((await lsp.open(u, PEER_300)).length, 1);
    assert.deepEqual(await lsp.close(u), []);
  });

  it('gives .tfvars files, other resource types, outputs, variables, locals and modules no resource findings', async () => {
    const tfvars = uri('terraform.tfvars');
    // Values feed variables: no range, read-only, unknown-name or required checks apply.
    const tfvarsDiags = await lsp.open(tfvars, 'bfd_multi_hop = 300\nenable_bfd = true\nstatus = "Available"\nbgp_group_id = ""\nbfd_multihop = 0\nip_version = "IPv9"\n', 'terraform-vars');
    assert.deepEqual(tfvarsDiags, []);

    const others = `resource "aws_instance" "x" {
  bfd_multi_hop = 300
  status        = "Available"
}

data "alicloud_vpc_bgp_peers" "all" {
  bfd_multi_hop = 0
}

output "status" {
  value = alicloud_vpc_bgp_peer.p.status
}

variable "bfd_multi_hop" {
  type    = number
  default = 300
}

locals {
  bfd_multi_hop = 0
  status        = "x"
}

module "vbr" {
  source        = "./vbr"
  bfd_multi_hop = 0
  bgp_group_id  = ""
}

resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id  = "bgpg-1"
  enable_bfd    = true
  bfd_multi_hop = 256
}
`;
    const diags = await lsp.open(uri(), others);
    // Only the one real peer block is judged (which also shows analysis is running on this file).
    assert.deepEqual(diags.map((d) => [d.code, d.range]), [['value-out-of-range', rangeOf(others, '256')]]);
  });

  it('an unterminated string in one block keeps the findings of the other blocks', async () => {
    const text = `resource "alicloud_vpc_bgp_group" "g" {
  router_id   = "vbr-1"
  peer_asn    = 65001
  description = "never closed
}

resource "alicloud_vpc_bgp_peer" "p" {
  bgp_group_id  = alicloud_vpc_bgp_group.g.id
  enable_bfd    = true
  bfd_multi_hop = 300
  status        = "Available"
}
`;
    const diags = await lsp.open(uri(), text);
    const byCode = (c: string) => diags.filter((d) => d.code === c);
    assert.ok(byCode('syntax-error').length >= 1, JSON.stringify(diags));
    for (const d of byCode('syntax-error')) assert.ok(d.range.start.line <= 4, `syntax error inside the broken block, got line ${d.range.start.line}`);
    assert.deepEqual(byCode('value-out-of-range').map((d) => d.range), [rangeOf(text, '300')]);
    assert.deepEqual(byCode('read-only-argument').map((d) => d.range), [rangeOf(text, 'status')]);

    // Broken block after the good one: the good one's findings stay too.
    const swapped = text.slice(text.indexOf('resource "alicloud_vpc_bgp_peer"')) + '\n' + text.slice(0, text.indexOf('resource "alicloud_vpc_bgp_peer"'));
    const d2 = await lsp.open(uri(), swapped);
    assert.deepEqual(d2.filter((d) => d.code === 'value-out-of-range').map((d) => d.range), [rangeOf(swapped, '300')]);
    assert.ok(d2.some((d) => d.code === 'syntax-error' && d.range.start.line > 6), JSON.stringify(d2));
  });

  it('closing the unterminated string by typing the quote removes the syntax error and keeps the rest', async () => {
    const text = `resource "alicloud_vpc_bgp_peer" "a" {
  bgp_group_id = "bgpg-1
}

resource "alicloud_vpc_bgp_peer" "b" {
  bgp_group_id  = "bgpg-2"
  enable_bfd    = true
  bfd_multi_hop = 0
}
`;
    const u = uri();
    const before = await lsp.open(u, text);
    assert.ok(before.some((d) => d.code === 'syntax-error'));
    const end = rangeOf(text, '"bgpg-1').end;
    const after = await lsp.change(u, [{ range: { start: end, end }, text: '"' }]);
    const zero = rangeOf(text, 'bfd_multi_hop = 0').end;
    assert.deepEqual(after.map((d) => [d.code, d.range]), [['value-out-of-range', { start: { line: zero.line, character: zero.character - 1 }, end: zero }]]);
  });

  it("an open child module is checked again when the root module above it that calls it gets a lock file", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bgp-root-lock-'));
    const child = path.join(root, 'modules', 'bgp', 'main.tf');
    const group = 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id   = "vbr-1"\n  peer_asn    = 65001\n  route_limit = 100\n}\n';
    const lock = path.join(root, '.terraform.lock.hcl');
    const watched = (file: string, type: 1 | 2 | 3) => lsp.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type }] });
    try {
      fs.mkdirSync(path.dirname(child), { recursive: true });
      fs.writeFileSync(path.join(root, 'main.tf'), 'module "bgp" {\n  source = "./modules/bgp"\n}\n');
      fs.writeFileSync(child, group);
      const u = pathToFileURL(child).toString();
      assert.deepEqual(await lsp.open(u, group), [], 'no version known yet');
      // `terraform init` in the root writes its lock file: the child is not edited, but its provider is now known.
      fs.writeFileSync(lock, 'provider "registry.terraform.io/aliyun/alicloud" {\n  version = "1.240.0"\n}\n');
      const next = lsp.nextPublish(u, 1);
      await watched(lock, 1);
      const republished = (await next).diagnostics;
      assert.deepEqual(codes(republished), ['newer-than-provider']);
      assert.match(republished[0].message, /this module uses 1\.240\.0, the version of the root module in \.\.\/\.\. that calls it/);
      await lsp.close(u);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('an open variable file is checked again when the default of a variable it does not set changes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bgp-tfvars-default-'));
    try {
      fs.writeFileSync(path.join(dir, 'main.tf'), 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = var.enable_bfd\n  bfd_multi_hop = var.bfd_multi_hop\n}\n');
      const vars = 'variable "enable_bfd" {\n  default = true\n}\n';
      const vu = pathToFileURL(path.join(dir, 'variables.tf')).toString();
      const u = pathToFileURL(path.join(dir, 'prod.tfvars')).toString();
      await lsp.open(vu, vars);
      assert.deepEqual(await lsp.open(u, 'bfd_multi_hop = 13\n', 'terraform-vars'), []);
      const next = lsp.nextPublish(u, 1);
      await lsp.change(vu, [{ range: { start: { line: 1, character: 12 }, end: { line: 1, character: 16 } }, text: 'false' }]);
      const republished = (await next).diagnostics;
      assert.deepEqual(codes(republished), ['bfd-multi-hop-without-bfd']);
      assert.match(republished[0].message, /enable_bfd is set by its default in variables\.tf\)$/);
      await lsp.close(u);
      await lsp.close(vu);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an open -var-file variable file is checked again when an auto-loaded one it is loaded after is edited', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bgp-tfvars-varfile-'));
    try {
      fs.writeFileSync(path.join(dir, 'main.tf'), 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = var.enable_bfd\n  bfd_multi_hop = var.bfd_multi_hop\n}\n\nvariable "enable_bfd" {\n  default = false\n}\n');
      fs.writeFileSync(path.join(dir, 'terraform.tfvars'), 'enable_bfd = true\n');
      const au = pathToFileURL(path.join(dir, 'terraform.tfvars')).toString();
      const u = pathToFileURL(path.join(dir, 'prod.tfvars')).toString();
      await lsp.open(au, 'enable_bfd = true\n', 'terraform-vars');
      assert.deepEqual(await lsp.open(u, 'bfd_multi_hop = 13\n', 'terraform-vars'), [], 'terraform.tfvars turns BFD on, not the default');
      const next = lsp.nextPublish(u, 1);
      await lsp.change(au, [{ range: { start: { line: 0, character: 13 }, end: { line: 0, character: 17 } }, text: 'false' }]);
      const republished = (await next).diagnostics;
      assert.deepEqual(codes(republished), ['bfd-multi-hop-without-bfd']);
      assert.match(republished[0].message, /enable_bfd is set in terraform\.tfvars\)$/);
      await lsp.close(u);
      await lsp.close(au);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an open auto-loaded variable file is judged with its folder\'s others: a later file written on disk, or edited, changes its findings', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bgp-tfvars-'));
    const watched = (file: string, type: 1 | 2 | 3) => lsp.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type }] });
    try {
      fs.writeFileSync(path.join(dir, 'main.tf'), 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = var.enable_bfd\n  bfd_multi_hop = var.bfd_multi_hop\n}\n');
      const text = 'bfd_multi_hop = 13\nenable_bfd = false\n';
      const u = pathToFileURL(path.join(dir, 'terraform.tfvars')).toString();
      assert.deepEqual(codes(await lsp.open(u, text, 'terraform-vars')), ['bfd-multi-hop-without-bfd']);
      // A later file turns BFD on: terraform.tfvars' false is not the value Terraform uses.
      const later = path.join(dir, 'z.auto.tfvars');
      fs.writeFileSync(later, 'enable_bfd = true\n');
      let next = lsp.nextPublish(u, 1);
      await watched(later, 1);
      assert.deepEqual((await next).diagnostics, []);
      // Opened and edited back to false: terraform.tfvars is checked again, naming the file its value comes from.
      const lu = pathToFileURL(later).toString();
      await lsp.open(lu, 'enable_bfd = true\n', 'terraform-vars');
      next = lsp.nextPublish(u, 1);
      await lsp.change(lu, [{ range: { start: { line: 0, character: 13 }, end: { line: 0, character: 17 } }, text: 'false' }]);
      const republished = (await next).diagnostics;
      assert.deepEqual(codes(republished), ['bfd-multi-hop-without-bfd']);
      assert.match(republished[0].message, /enable_bfd is set in z\.auto\.tfvars\)$/);
      // Closed unsaved: the disk's true again.
      next = lsp.nextPublish(u, 1);
      await lsp.close(lu);
      assert.deepEqual((await next).diagnostics, []);
      // A terraform.tfvars.json, which Terraform loads after terraform.tfvars, written on disk and then opened as JSON.
      const json = path.join(dir, 'terraform.tfvars.json');
      fs.writeFileSync(json, '{"bfd_multi_hop": 20}');
      fs.writeFileSync(later, 'enable_bfd = false\n');
      next = lsp.nextPublish(u, 1);
      await lsp.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [json, later].map((f) => ({ uri: pathToFileURL(f).toString(), type: 1 })) });
      assert.deepEqual((await next).diagnostics, [], 'its bfd_multi_hop is the one used, and judged there');
      const ju = pathToFileURL(json).toString();
      const jsonDiags = await lsp.open(ju, '{"bfd_multi_hop": 20}', 'json');
      assert.deepEqual(jsonDiags.map((d) => [d.code, d.range.start.character, d.range.end.character]), [['bfd-multi-hop-without-bfd', 1, 16]]);
      assert.match(jsonDiags[0].message, /enable_bfd is set in z\.auto\.tfvars\)$/);
      // JSON has no comments: no quick fix writes an ignore comment into it (nor any HCL fix).
      assert.deepEqual(await lsp.codeActions(ju, jsonDiags[0].range, jsonDiags), []);
      await lsp.close(ju);
      await lsp.close(u);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an override file in JSON, opened as JSON, is checked merged into the block it overrides, again when that block changes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bgp-override-json-'));
    try {
      const base = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  enable_bfd   = false\n}\n';
      fs.writeFileSync(path.join(dir, 'main.tf'), base);
      const ou = pathToFileURL(path.join(dir, 'override.tf.json')).toString();
      const found = await lsp.open(ou, '{"resource": {"alicloud_vpc_bgp_peer": {"p": {\n  "bfd_multi_hop": 300\n}}}}', 'json');
      assert.deepEqual(found.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`).sort(), ['bfd-multi-hop-without-bfd 1:2', 'value-out-of-range 1:19']);
      // Quick fixes written in JSON, in the override file (none writes an ignore comment: JSON has none).
      const bfd = found.filter((d) => d.code === 'bfd-multi-hop-without-bfd');
      const actions = await lsp.codeActions(ou, bfd[0].range, bfd);
      assert.deepEqual(actions.map((a) => a.title), ['Set enable_bfd = true', 'Remove bfd_multi_hop']);
      assert.deepEqual(editsFor(actions[0].edit, ou).map((e) => e.newText), [',\n  "enable_bfd": true']);
      // BFD turned on in the block it overrides, on disk: the override file is checked again.
      fs.writeFileSync(path.join(dir, 'main.tf'), base.replace('false', 'true'));
      const next = lsp.nextPublish(ou, 1);
      await lsp.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, 'main.tf')).toString(), type: 2 }] });
      assert.deepEqual(codes((await next).diagnostics), ['value-out-of-range']);
      await lsp.close(ou);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a primary .tf.json file, opened as JSON, is checked as a .tf file is (again as it is typed), with hovers on its keys', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bgp-main-json-'));
    try {
      fs.writeFileSync(path.join(dir, 'group.tf'), 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  peer_asn  = 65001\n}\n');
      const mu = pathToFileURL(path.join(dir, 'main.tf.json')).toString();
      const text = '{"resource": {"alicloud_vpc_bgp_peer": {"p": {\n  "bgp_group_id": "${alicloud_vpc_bgp_group.g.id}",\n  "enable_bfd": true,\n  "bfd_multi_hop": 300\n}}}}\n';
      const found = await lsp.open(mu, text, 'json');
      // The group of the .tf file beside it is known: only the hop count is wrong, on the value written.
      assert.deepEqual(found.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`), ['value-out-of-range 3:19-22']);
      const h = await lsp.hover(mu, { line: 3, character: 5 });
      assert.ok(h, 'a hover on "bfd_multi_hop"');
      assert.match((h.contents as { value: string }).value, /bfd_multi_hop/);
      assert.match((h.contents as { value: string }).value, /255/);
      assert.deepEqual(h.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 17 } });
      // Its quick fixes are written in JSON.
      const actions = await lsp.codeActions(mu, found[0].range, found);
      assert.deepEqual(actions.map((a) => a.title), ['Clamp to 255']);
      assert.deepEqual(editsFor(actions[0].edit, mu), [{ range: found[0].range, newText: '255' }]);
      // Typing a comma too many: the file is not JSON any more, one syntax error where it stops.
      const broken = await lsp.change(mu, [{ range: { start: { line: 3, character: 22 }, end: { line: 3, character: 22 } }, text: ',' }]);
      assert.deepEqual(codes(broken), ['syntax-error']);
      await lsp.close(mu);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a .tfvars.json file opened as JSON in a folder without .tf files is checked (the client activates for it: client-manifest.test.ts)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bgp-tfvars-json-alone-'));
    try {
      const file = path.join(dir, 'prod.auto.tfvars.json');
      const text = '{\n  "bfd_multi_hop": 13,\n  "enable_bfd": false\n}\n';
      fs.writeFileSync(file, text);
      const diags = await lsp.open(pathToFileURL(file).toString(), text, 'json');
      assert.deepEqual(diags.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['bfd-multi-hop-without-bfd', 1, 2]]);
      await lsp.close(pathToFileURL(file).toString());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an open module is checked again when a root module beside it in the workspace starts or stops calling it', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bgp-envs-'));
    const child = path.join(root, 'modules', 'bgp', 'main.tf');
    const caller = path.join(root, 'envs', 'prod', 'main.tf');
    const group = 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id   = "vbr-1"\n  peer_asn    = 65001\n  route_limit = 100\n}\n';
    const calls = 'module "bgp" {\n  source = "../../modules/bgp"\n}\n';
    // The workspace is on disk before the server starts, as when an editor opens a folder: its background index
    // reads it (files written after, with no watcher event, would be missed, and the test would race the index).
    fs.mkdirSync(path.dirname(child), { recursive: true });
    fs.mkdirSync(path.dirname(caller), { recursive: true });
    fs.writeFileSync(caller, calls);
    fs.writeFileSync(path.join(root, 'envs', 'prod', '.terraform.lock.hcl'), 'provider "registry.terraform.io/aliyun/alicloud" {\n  version = "1.240.0"\n}\n');
    fs.writeFileSync(child, group);
    const server = await LspClient.start({ rootUri: pathToFileURL(root).toString() });
    const watched = (file: string, type: 1 | 2 | 3) => server.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type }] });
    try {
      const u = pathToFileURL(child).toString();
      await server.open(u, group);
      // The workspace is searched for calling roots once its background index is done, so as not to hold up a
      // first open; the open files are then checked again (maybe before the open's answer is read here).
      const opened = await server.publishedUntil(u, (d) => codes(d).length > 0);
      assert.deepEqual(codes(opened), ['newer-than-provider']);
      assert.match(opened[0].message, /this module uses 1\.240\.0, the version of the root module in \.\.\/\.\.\/envs\/prod that calls it/);
      // The root stops calling it: the child is not edited, but no root decides its version any more.
      fs.writeFileSync(caller, '');
      let next = server.nextPublish(u, 1);
      await watched(caller, 2);
      assert.deepEqual(codes((await next).diagnostics), []);
      // And calls it again.
      fs.writeFileSync(caller, calls);
      next = server.nextPublish(u, 1);
      await watched(caller, 2);
      assert.deepEqual(codes((await next).diagnostics), ['newer-than-provider']);
      await server.close(u);
    } finally {
      await server.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Many small edits to a large file: incremental re-parsing must end exactly where a fresh parse ends.
// ---------------------------------------------------------------------------------------------

function bigFile(): string {
  const blocks: string[] = [];
  for (let i = 0; blocks.join('\n').split('\n').length < 5000; i++) {
    switch (i % 4) {
      case 0:
        blocks.push(`resource "alicloud_vpc_bgp_group" "g${i}" {\n  router_id = "vbr-${i}"\n  peer_asn  = ${65000 + i}\n  local_asn = 64512\n}\n`);
        break;
      case 1:
        blocks.push(
          `resource "alicloud_vpc_bgp_peer" "p${i}" {\n  bgp_group_id    = alicloud_vpc_bgp_group.g${i - 1}.id\n  peer_ip_address = "10.0.${i % 250}.2"\n  enable_bfd      = ${i % 3 === 0}\n  bfd_multi_hop   = ${(i * 37) % 300}\n  ip_version      = "IPv4"\n\n  timeouts {\n    create = "10m"\n  }\n}\n`,
        );
        break;
      case 2:
        blocks.push(`# comment ${i}\nvariable "v${i}" {\n  default = <<EOT\nline ${i} {\n  "quoted"\nEOT\n}\n`);
        break;
      default:
        blocks.push(`output "o${i}" {\n  value = [for p in alicloud_vpc_bgp_peer.p${i - 2}[*] : p.status]\n}\n/* block\n comment ${i} */\n`);
    }
  }
  return blocks.join('\n');
}

/** Small edits of the kinds typing produces, including ones that open or close braces, quotes and comments. */
function randomEdit(doc: TextDocument, rnd: () => number): { range: Range; text: string } {
  const text = doc.getText();
  const offset = Math.floor(rnd() * text.length);
  const pos = doc.positionAt(offset);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const kind = rnd();
  if (kind < 0.35) {
    return { range: { start: pos, end: pos }, text: pick(['x', '1', ' ', '\n', '"', '{', '}', '=', '#', '/*', '*/', '<<EOT\n', 'bfd_multi_hop = 0\n', 'status = "x"\n', '0', ' + ', ' ? ', ' : ', ',', '{ a = 1 }', '[']) };
  }
  if (kind < 0.6) {
    const end = doc.positionAt(Math.min(text.length, offset + 1 + Math.floor(rnd() * 6)));
    return { range: { start: pos, end }, text: '' };
  }
  if (kind < 0.85) {
    // Change a number somewhere near: the edit most likely to flip a range finding.
    const m = /\d+/.exec(text.slice(offset));
    if (m) {
      const s = offset + m.index;
      return { range: { start: doc.positionAt(s), end: doc.positionAt(s + m[0].length) }, text: String(Math.floor(rnd() * 400)) };
    }
  }
  const end = doc.positionAt(Math.min(text.length, offset + Math.floor(rnd() * 3)));
  return { range: { start: pos, end }, text: pick(['a', 'true', 'false', '"IPv6"', '\n\n', '}\n', 'resource "alicloud_vpc_bgp_peer" "n" {\n']) };
}

describe('a 5,000-line file edited 200 times', () => {
  it('ends with the same diagnostics as a fresh server given the final text', async () => {
    const initial = bigFile();
    assert.ok(initial.split('\n').length >= 5000);
    const rnd = prng(20240611);
    let doc = TextDocument.create('file:///big.tf', 'terraform', 1, initial);

    const edited = await LspClient.start();
    const fresh = await LspClient.start();
    try {
      const u = uri('big.tf');
      const first = await edited.open(u, initial);
      assert.ok(first.some((d) => d.code === 'value-out-of-range') && first.some((d) => d.code === 'bfd-multi-hop-without-bfd'), 'the file starts with findings');
      let version = 1;
      for (let i = 0; i < 200; i++) {
        // Mostly one change per notification; sometimes two in one (an editor's multi-cursor edit).
        const changes: TextDocumentContentChangeEvent[] = [];
        const n = rnd() < 0.15 ? 2 : 1;
        for (let k = 0; k < n; k++) {
          const e = randomEdit(doc, rnd);
          changes.push(e);
          doc = TextDocument.update(doc, [e], doc.version + 1);
        }
        version++;
        // Wait for some versions (the server has to publish them); fire the rest as a burst.
        if (i % 25 === 0) await edited.change(u, changes, version);
        else edited.notifyChange(u, changes, version);
      }
      const final = doc.getText();
      const incremental = await edited.diagnostics(u, version);
      const reference = await fresh.open(uri('big.tf'), final);
      assert.ok(reference.length > 10, 'the final text still has findings to compare');
      const key = (d: { range: Range; code?: unknown; message: string; severity?: number }) =>
        `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${String(d.code)} ${d.message}`;
      assert.deepEqual(incremental.map(key).sort(), reference.map(key).sort());
    } finally {
      await edited.stop();
      await fresh.stop();
    }
  });
});
