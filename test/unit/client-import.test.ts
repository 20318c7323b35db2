// The pure half of "Import existing BGP peer…" (client/src/importInputs.ts): what is accepted, what is
// rejected with which message, and what text gets written. Hostile inputs never get through, and every
// rendered literal is escaped anyway.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  appendSeparated, assignedVariable, checkBgpPeerId, checkResourceName, classExpression, classImportLine, codeString,
  constructIds, declaredNames, generateConfigStatement, hclString, importBlock, importFromStatement, importInsertLine,
  onlyGroupReference, resourceSkeleton, scopeIn, terraformImportArgs,
} from '../../client/src/importInputs';
import { createSourceFile } from '../../server/src/engine/files';
import { contextFor } from '../../server/src/engine/moduleContext';
import { defaultSchemas } from '../../server/src/schema/registry';
import { resourceMarkdown } from '../../server/src/analysis/describe';

const HOSTILE = [
  'bgp-abc"; rm -rf ~; echo "', 'bgp-abc;ls', 'bgp-$(touch /tmp/pwned)', 'bgp-abc\nterraform destroy', "bgp-'abc'",
  'bgp-abc`id`', 'bgp-abc def', '${file("/etc/passwd")}', 'bgp-abc && id', 'bgp-abc|id', 'bgp-ab\u0000c', 'bgp-abc\r\n',
];

test('BGP peer IDs: bgp- then lower-case letters and digits; surrounding whitespace is dropped', () => {
  assert.deepEqual(checkBgpPeerId('bgp-2zev8h2uxpbnexample01'), { ok: true, value: 'bgp-2zev8h2uxpbnexample01' });
  assert.deepEqual(checkBgpPeerId('  bgp-abc123 \n'), { ok: true, value: 'bgp-abc123' });
});

test('BGP peer IDs: each wrong shape gets a message that says what is wrong', () => {
  const msg = (s: string) => {
    const c = checkBgpPeerId(s);
    assert.equal(c.ok, false, `${JSON.stringify(s)} must be rejected`);
    return (c as { message: string }).message;
  };
  assert.match(msg(''), /Enter the ID/);
  assert.match(msg('   '), /Enter the ID/);
  assert.match(msg('bgpg-abc'), /BGP group ID/);
  assert.match(msg('vbr-abc'), /starts with "bgp-"/);
  assert.match(msg('bgp-'), /letters and digits that follow/);
  assert.match(msg('BGP-ABC123'), /lower-case: did you mean "bgp-abc123"/);
  assert.match(msg('bgp-abc;ls'), /";" \(character 8\) is not allowed/);
  assert.match(msg('bgp-abc\nterraform destroy'), /a line break/);
  assert.match(msg('bgp-ab\u0000c'), /control character U\+0000/);
});

test('hostile IDs are all rejected', () => {
  for (const s of HOSTILE) assert.equal(checkBgpPeerId(s).ok, s === 'bgp-abc\r\n', JSON.stringify(s)); // \r\n around is whitespace
});

test('resource names: Terraform identifiers not used by another peer of the module', () => {
  const used = new Set(['existing', 'other']);
  assert.deepEqual(checkResourceName('imported_1', used), { ok: true, value: 'imported_1' });
  assert.deepEqual(checkResourceName('_x-y', used), { ok: true, value: '_x-y' });
  assert.deepEqual(checkResourceName('existing', used, 'existing'), { ok: true, value: 'existing' }, 'the block the command started from');
  const bad = (s: string, re: RegExp, own?: string) => {
    const c = checkResourceName(s, used, own);
    assert.equal(c.ok, false, JSON.stringify(s));
    assert.match((c as { message: string }).message, re);
  };
  bad('', /Enter a name/);
  bad('1peer', /starts with "1"/);
  bad('-peer', /starts with "-"/);
  bad('a b', /a space is not allowed/);
  bad('x"y', /"\\"" is not allowed|""" is not allowed/);
  bad('a;b', /";" is not allowed/);
  bad('$(id)', /"\$" is not allowed/);
  bad('a\nb', /a line break is not allowed/);
  bad('a.b', /"\." is not allowed/);
  bad('existing', /already exists in this module/);
  bad('other', /already exists/, 'existing');
});

test('names in use: resource blocks and import targets of the module, not comments or other types', () => {
  const names = declaredNames([
    'resource "alicloud_vpc_bgp_peer" "a" {\n}\n# resource "alicloud_vpc_bgp_peer" "commented" {\n',
    '/* resource "alicloud_vpc_bgp_peer" "block_comment" { */\nresource "alicloud_vpc_bgp_group" "g" {}\n',
    'import {\n  to = alicloud_vpc_bgp_peer.b\n  id = "bgp-x"\n}\nresource alicloud_vpc_bgp_peer c {\n}\n',
    'locals { s = "# not a comment" }\nresource "alicloud_vpc_bgp_peer" "d" {}\n',
  ]);
  assert.deepEqual([...names].sort(), ['a', 'b', 'c', 'd']);
  assert.equal(onlyGroupReference(['resource "alicloud_vpc_bgp_group" "g" {}']), 'alicloud_vpc_bgp_group.g.id');
  assert.equal(onlyGroupReference(['resource "alicloud_vpc_bgp_group" "g" {}', 'resource "alicloud_vpc_bgp_group" "h" {}']), undefined);
  assert.deepEqual([...constructIds('new VpcBgpPeer(this, "p1", {}); VpcBgpPeer(self, "p2"); NewX(stack, jsii.String("p3"), nil)')], ['p1', 'p2', 'p3']);
});

test('names in use in .tf.json files: resources in either JSON shape, import targets; a broken file names none', () => {
  const names = declaredNames([
    JSON.stringify({ resource: { alicloud_vpc_bgp_peer: { imported: { bgp_group_id: '${alicloud_vpc_bgp_group.g.id}' } } } }),
    JSON.stringify({ resource: [{ alicloud_vpc_bgp_peer: [{ b: {} }, { c: {} }] }, { alicloud_vpc_bgp_group: { notapeer: {} } }] }),
    JSON.stringify({ import: [{ to: 'alicloud_vpc_bgp_peer.d', id: 'bgp-x' }, { to: 'alicloud_vpc_bgp_group.e', id: 'bgpg-x' }] }),
    '{ "resource": { "alicloud_vpc_bgp_peer": { "half": ',
  ]);
  assert.deepEqual([...names].sort(), ['b', 'c', 'd', 'imported']);
  assert.equal(onlyGroupReference([JSON.stringify({ resource: { alicloud_vpc_bgp_group: { main: {} } } })]), 'alicloud_vpc_bgp_group.main.id');
});

test('rendered HCL: the import block and the skeleton are what the server reads as valid', () => {
  const text = `resource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\n`;
  const block = importBlock('imported', 'bgp-abc123') + '\n' + resourceSkeleton('imported', 'alicloud_vpc_bgp_group.g.id');
  assert.equal(block, [
    'import {', '  to = alicloud_vpc_bgp_peer.imported', '  id = "bgp-abc123"', '}', '',
    'resource "alicloud_vpc_bgp_peer" "imported" {', '  bgp_group_id = alicloud_vpc_bgp_group.g.id',
    "  # `terraform plan` shows the imported peer's other arguments (peer_ip_address, enable_bfd, …) to copy here.", '}', '',
  ].join('\n'));
  const full = text + appendSeparated(text, block);
  const f = createSourceFile('file:///m/main.tf', 'terraform', full)!;
  assert.deepEqual(f.diagnostics(contextFor([f], defaultSchemas())), []);
  // Without a single group to reference, the required argument is left to the user and the server says so.
  const lone = createSourceFile('file:///m/x.tf', 'terraform', resourceSkeleton('p'))!;
  assert.deepEqual(lone.diagnostics(contextFor([lone], defaultSchemas())).map((d) => d.code), ['missing-required']);
});

test('appending keeps one blank line between blocks', () => {
  assert.equal(appendSeparated('', 'B\n'), 'B\n');
  assert.equal(appendSeparated('A', 'B\n'), '\n\nB\n');
  assert.equal(appendSeparated('A\n', 'B\n'), '\nB\n');
  assert.equal(appendSeparated('A\n\n', 'B\n'), 'B\n');
});

test('string literals are escaped for HCL (templates too) and for the CDKTF languages', () => {
  assert.equal(hclString('a"b\\c\n${x}%{y}'), '"a\\"b\\\\c\\n$${x}%%{y}"');
  assert.equal(codeString('a"b\\c\n\u2028'), '"a\\"b\\\\c\\n\\u2028"');
});

test('terraform gets an argument vector built only from validated input', () => {
  assert.deepEqual(terraformImportArgs('imported', 'bgp-abc123'), ['import', 'alicloud_vpc_bgp_peer.imported', 'bgp-abc123']);
  for (const s of HOSTILE.filter((h) => h !== 'bgp-abc\r\n')) assert.throws(() => terraformImportArgs('imported', s), JSON.stringify(s));
  assert.throws(() => terraformImportArgs('a;b', 'bgp-abc'));
});

test('CDKTF: generateConfigForImport and importFrom in each language', () => {
  assert.equal(generateConfigStatement('typescript', 'this', 'imp', 'bgp-1'), 'VpcBgpPeer.generateConfigForImport(this, "imp", "bgp-1");');
  assert.equal(generateConfigStatement('typescript', 'this', 'imp', 'bgp-1', 'Peer'), 'Peer.generateConfigForImport(this, "imp", "bgp-1");');
  assert.equal(generateConfigStatement('python', 'self', 'imp', 'bgp-1'), 'VpcBgpPeer.generate_config_for_import(self, "imp", "bgp-1")');
  assert.equal(generateConfigStatement('java', 'this', 'imp', 'bgp-1'), 'VpcBgpPeer.generateConfigForImport(this, "imp", "bgp-1");');
  assert.equal(generateConfigStatement('csharp', 'this', 'imp', 'bgp-1'), 'VpcBgpPeer.GenerateConfigForImport(this, "imp", "bgp-1");');
  assert.equal(generateConfigStatement('go', 'stack', 'imp', 'bgp-1'), 'vpcbgppeer.VpcBgpPeer_GenerateConfigForImport(stack, jsii.String("imp"), jsii.String("bgp-1"), nil)');
  assert.equal(importFromStatement('typescript', 'peer', 'bgp-1'), 'peer.importFrom("bgp-1");');
  assert.equal(importFromStatement('python', 'self.peer', 'bgp-1'), 'self.peer.import_from("bgp-1")');
  assert.equal(importFromStatement('java', 'peer', 'bgp-1'), 'peer.importFrom("bgp-1");');
  assert.equal(importFromStatement('csharp', 'peer', 'bgp-1'), 'peer.ImportFrom("bgp-1");');
  assert.equal(importFromStatement('go', 'peer', 'bgp-1'), 'peer.ImportFrom(jsii.String("bgp-1"), nil)');
});

test('CDKTF: the class hover shows the very statements the import command writes', () => {
  // The client talks to the server over LSP only, so the two render these apart: this keeps them the same.
  const schema = defaultSchemas().get('resource', 'alicloud_vpc_bgp_peer')!;
  const id = schema.import!.idExample;
  for (const language of ['typescript', 'python', 'java', 'csharp', 'go'] as const) {
    const hover = resourceMarkdown(schema, language);
    const generate = generateConfigStatement(language, scopeIn('', language), 'name', id);
    assert.ok(hover.includes('\n' + generate + '\n'), `${language}: the hover shows ${generate}\n${hover}`);
    const adopt = importFromStatement(language, 'construct', id);
    assert.ok(hover.includes('\n' + adopt + '\n'), `${language}: the hover shows ${adopt}\n${hover}`);
  }
});

test('CDKTF: the construct under the cursor: its variable, its class as written, its scope', () => {
  assert.equal(assignedVariable('    const peer = '), 'peer');
  assert.equal(assignedVariable('    const peer: VpcBgpPeer = '), 'peer');
  assert.equal(assignedVariable('        self.peer = '), 'self.peer');
  assert.equal(assignedVariable('    VpcBgpPeer peer = '), 'peer');
  assert.equal(assignedVariable('    var peer = '), 'peer');
  assert.equal(assignedVariable('\tpeer := '), 'peer');
  assert.equal(assignedVariable('    '), undefined);
  assert.equal(assignedVariable('    return '), undefined);
  assert.equal(assignedVariable('    if (a == '), undefined);
  assert.equal(classExpression('typescript', 'new alicloud.vpcBgpPeer.VpcBgpPeer(this, "p", {'), 'alicloud.vpcBgpPeer.VpcBgpPeer');
  assert.equal(classExpression('python', 'VpcBgpPeer(self, "p",'), 'VpcBgpPeer');
  assert.equal(classExpression('java', 'VpcBgpPeer.Builder.create(this, "p")'), 'VpcBgpPeer');
  assert.equal(classExpression('csharp', 'new VpcBgpPeer(this, "p", new VpcBgpPeerConfig'), 'VpcBgpPeer');
  assert.equal(classExpression('go', 'vpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p")'), 'vpcbgppeer');
  assert.equal(scopeIn('x = new VpcBgpPeer(scope, "p", {})', 'typescript'), 'scope');
  assert.equal(scopeIn('', 'python'), 'self');
  assert.equal(scopeIn('', 'go'), 'stack');
});

test('CDKTF: the class import is added where imports end, only when the file lacks it', () => {
  assert.equal(classImportLine('typescript', 'new VpcBgpPeer(this, "p", {})'), undefined);
  assert.match(classImportLine('typescript', 'class S {}') ?? '', /^import \{ VpcBgpPeer \} from ".\/.gen\/providers\/alicloud\/vpc-bgp-peer";$/);
  assert.match(classImportLine('python', 'class S: pass') ?? '', /^from imports\.alicloud\.vpc_bgp_peer import VpcBgpPeer$/);
  assert.equal(classImportLine('java', 'class S {}'), undefined);
  assert.equal(importInsertLine('typescript', ['// x', 'import { a } from "a";', 'import {', '  b,', '} from "b";', '', 'class S {}']), 5);
  assert.equal(importInsertLine('python', ['from a import (', '    b,', ')', 'import os', '', 'class S:']), 4);
  assert.equal(importInsertLine('typescript', ['class S {}']), 0);
});
