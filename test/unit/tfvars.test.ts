/** Variable files judged as Terraform loads them: several files of a folder, in its order (`engine/tfvars.ts`). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createSourceFile, isSupported } from '../../server/src/engine/files';
import { Workspace } from '../../server/src/engine/workspace';
import { compareLoadOrder } from '../../server/src/engine/variableFiles';
import { defaultSchemas } from '../../server/src/schema/registry';
import { scratchDir } from '../helpers/scratch';
import { variableHover } from '../../server/src/analysis/variableHover';
import { variableCompletions } from '../../server/src/analysis/variableCompletion';
import { parseType } from '../../server/src/analysis/typeConstraint';

const PEER = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id  = "bgpg-1"\n  enable_bfd    = var.enable_bfd\n  bfd_multi_hop = var.bfd_multi_hop\n}\n';

/** A folder with `files` on disk, indexed; `read` gives a file of it holding `text` with its context. */
function folder(files: Record<string, string>) {
  const dir = scratchDir('tfvars-');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const ws = new Workspace(defaultSchemas());
  ws.indexDir(dir);
  const read = (name: string, text: string) => {
    // The file as the CLI reads it; `contextFor` puts it in place of the index's copy.
    const p = path.join(dir, name);
    const file = createSourceFile(p, undefined, text)!;
    return { file, ctx: ws.contextFor(p, file) };
  };
  return { read };
}

/** A folder with `files` on disk, and each named file's findings as `line:start-end code: message`. */
function findings(files: Record<string, string>): Record<string, string[]> {
  const { read } = folder(files);
  const out: Record<string, string[]> = {};
  for (const name of Object.keys(files)) {
    if (name.endsWith('.tf')) continue;
    const { file, ctx } = read(name, files[name]);
    out[name] = file.diagnostics(ctx).map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.code}: ${d.message}`);
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
  assert.match(got['bfd.auto.tfvars'][0], /^0:0-13 bfd-multi-hop-without-bfd: .*enable_bfd is set in terraform\.tfvars\)$/);
});

test('an earlier file\'s trigger replaced by a later one is judged where the later is, not twice', () => {
  const got = findings({ 'main.tf': PEER, 'a.auto.tfvars': 'bfd_multi_hop = 13\nenable_bfd = false\n', 'b.auto.tfvars': 'bfd_multi_hop = 20\n' });
  assert.deepEqual(got['a.auto.tfvars'], []);
  assert.equal(got['b.auto.tfvars'].length, 1);
  assert.match(got['b.auto.tfvars'][0], /^0:0-13 bfd-multi-hop-without-bfd: .*enable_bfd is set in a\.auto\.tfvars\)$/);
});

test('a file given with -var-file (not auto-loaded) is judged as loaded after the auto-loaded ones, its own values replacing theirs', () => {
  const got = findings({ 'main.tf': PEER, 'prod.tfvars': 'bfd_multi_hop = 13\nenable_bfd = false\n', 'z.auto.tfvars': 'enable_bfd = true\n' });
  assert.equal(got['prod.tfvars'].length, 1);
  assert.match(got['prod.tfvars'][0], /\(variables feeding alicloud_vpc_bgp_peer\)$/);
});

test('.tfvars.json files are read: terraform.tfvars.json comes after terraform.tfvars, an auto one in name order', () => {
  const quiet = findings({ 'main.tf': PEER, 'terraform.tfvars': 'bfd_multi_hop = 13\nenable_bfd = false\n', 'terraform.tfvars.json': '{"enable_bfd": true}\n' });
  assert.deepEqual(quiet, { 'terraform.tfvars': [], 'terraform.tfvars.json': [] });
  const got = findings({ 'main.tf': PEER, 'a.auto.tfvars': 'enable_bfd = true\n', 'b.auto.tfvars.json': '{\n  "bfd_multi_hop": 13,\n  "enable_bfd": false\n}\n' });
  assert.deepEqual(got['a.auto.tfvars'], []);
  assert.deepEqual(
    got['b.auto.tfvars.json'].map((d) => d.split(':').slice(0, 2).join(':')),
    ['1:2-17 bfd-multi-hop-without-bfd'],
    'on the key, quotes included',
  );
  assert.doesNotMatch(got['b.auto.tfvars.json'][0], /is set in/, 'both values are its own');
});

test('a .tfvars.json file that is not a JSON object is one clear error, and adds no values', () => {
  const got = findings({ 'main.tf': PEER, 'terraform.tfvars': 'bfd_multi_hop = 13\nenable_bfd = false\n', 'z.auto.tfvars.json': '{\n  "enable_bfd": true,\n}\n' });
  assert.deepEqual(got['z.auto.tfvars.json'].map((d) => d.replace(/\(.*\)$/, '')), ['2:0-1 syntax-error: Terraform cannot read this variable file: it is not valid JSON ']);
  assert.equal(got['terraform.tfvars'].length, 1, 'the broken file sets nothing');
  assert.match(findings({ 'x.tfvars.json': '["enable_bfd"]' })['x.tfvars.json'][0], /^0:0-0 syntax-error: .*holds one JSON object/);
});

test('a .tfvars.json document is read as one, also when the editor says it is JSON', () => {
  assert.ok(isSupported('file:///m/terraform.tfvars.json', 'json'));
  assert.ok(isSupported('/m/a.auto.tfvars.json'));
  assert.ok(!isSupported('file:///m/package.json', 'json'));
  const file = createSourceFile('file:///m/x.tfvars.json', 'json', '{"bfd_multi_hop": 13, "enable_bfd": false}')!;
  assert.deepEqual(file.variableAssignments!().map((a) => [a.name, a.value.kind]), [['bfd_multi_hop', 'number'], ['enable_bfd', 'bool']]);
});

test('a keystroke in a .tfvars file reads again only the assignments of the chunk it changed', () => {
  const text = Array.from({ length: 200 }, (_, i) => `v${i} = "value ${i}"\n`).join('') + 'bfd_multi_hop = 13\nenable_bfd = false\n';
  const file = createSourceFile('/m/terraform.tfvars', undefined, text)!;
  const before = file.variableAssignments!();
  file.update([{ range: { start: { line: 100, character: 8 }, end: { line: 100, character: 8 } }, text: 'x' }]);
  const after = file.variableAssignments!();
  assert.equal(after.length, 202);
  assert.equal(after[100].value.kind === 'string' && after[100].value.value, 'xvalue 100', 'the edited one is read again');
  const kept = after.filter((a, i) => a === before[i]).length;
  assert.ok(kept >= 190, `only the edited chunk's assignments are new (${kept} of 202 kept)`);
});

test('what Terraform refuses in a .tfvars file is an error: a variable assigned twice, a block, a reference', () => {
  const got = (text: string) => findings({ 'main.tf': PEER, 'x.tfvars': text })['x.tfvars'].map((d) => d.replace(/: .*\((.*)\)$/, ': $1'));
  // Twice: Terraform refuses the file, so the BFD pair is not judged on either value.
  assert.deepEqual(got('bfd_multi_hop = 13\nenable_bfd = false\nenable_bfd = true\n'), ['2:0-10 duplicate-argument: "Attribute redefined"']);
  assert.deepEqual(got('resource "alicloud_vpc_bgp_peer" "p" {\n}\nregion = "cn-hangzhou"\n'), ['0:0-8 syntax-error: a .tfvars file holds name = value lines']);
  assert.deepEqual(got('bfd_multi_hop = 13\nenable_bfd = var.enable\ngroup = "${alicloud_vpc_bgp_group.g.id}"\nlist = [1, True]\nok = "$${x}"\nsum = 1 + 2\n'), [
    '1:13-23 invalid-reference: "Variables not allowed"',
    '2:8-40 invalid-reference: "Variables not allowed"',
    '3:7-16 invalid-reference: "Variables not allowed"',
  ]);
});

test('a key written twice in a .tfvars.json file is an error on the second, as Terraform refuses the file; a "//" key is a comment', () => {
  const got = (text: string) => findings({ 'main.tf': PEER, 'x.tfvars.json': text })['x.tfvars.json'];
  // Both values are this file's: the BFD pair is not judged on either, as in a .tfvars file.
  assert.deepEqual(got('{\n  "bfd_multi_hop": 13,\n  "enable_bfd": false,\n  "region": "a",\n  "enable_bfd": true\n}\n'), [
    '4:2-14 duplicate-argument: enable_bfd is assigned twice in this file (first on line 3): Terraform refuses the file, so neither value is used ("Duplicate attribute definition")',
  ]);
  assert.deepEqual(got('{"region": "a", "zone": {"region": "b"}, "region": "c"}').map((d) => d.replace(/: .*/, '')), ['0:41-49 duplicate-argument'], 'a nested key is not a variable');
  assert.deepEqual(got('{"//": "a comment", "//": "another", "bfd_multi_hop": 13, "enable_bfd": true}'), []);
  const file = createSourceFile('/m/x.tfvars.json', undefined, '{"//": "note", "zone": "a"}')!;
  assert.deepEqual(file.variableAssignments!().map((a) => a.name), ['zone']);
  // Any variable in a .tfvars file, not only those the cross-field rules read.
  assert.deepEqual(findings({ 'x.tfvars': 'region = "a"\nregion = "b"\n' })['x.tfvars'].map((d) => d.replace(/: .*\((.*)\)$/, ': $1')), ['1:0-6 duplicate-argument: "Attribute redefined"']);
});

test('a variable no file sets has its default: the finding names it, and a default never stands for the file\'s own value', () => {
  const vars = (d: string) => `variable "enable_bfd" {\n  type    = bool\n  default = ${d}\n}\n\nvariable "bfd_multi_hop" {\n  default = 10\n}\n`;
  const off = findings({ 'main.tf': PEER, 'variables.tf': vars('false'), 'terraform.tfvars': 'bfd_multi_hop = 13\n' });
  assert.equal(off['terraform.tfvars'].length, 1);
  assert.match(off['terraform.tfvars'][0], /^0:0-13 bfd-multi-hop-without-bfd: .*enable_bfd is set by its default in variables\.tf\)$/);
  assert.deepEqual(findings({ 'main.tf': PEER, 'variables.tf': vars('true'), 'terraform.tfvars': 'bfd_multi_hop = 13\n' })['terraform.tfvars'], []);
  // A value in a file goes before the default; the default of bfd_multi_hop alone is not this file's to report.
  assert.deepEqual(findings({ 'main.tf': PEER, 'variables.tf': vars('false'), 'terraform.tfvars': 'bfd_multi_hop = 13\n', 'on.auto.tfvars': 'enable_bfd = true\n' })['terraform.tfvars'], []);
  assert.deepEqual(findings({ 'main.tf': PEER, 'variables.tf': vars('true'), 'terraform.tfvars': 'enable_bfd = false\n' })['terraform.tfvars'], []);
});

test('a literal value the variable\'s declared type cannot take is an error, as Terraform refuses it', () => {
  const vars = 'variable "enable_bfd" {\n  type = bool\n}\n\nvariable "bfd_multi_hop" {\n  type = number\n}\n\nvariable "names" {\n  type = list( string )\n}\n\nvariable "free" {}\n\nvariable "tags" {\n  type = map(any)\n}\n';
  const got = (name: string, text: string) => findings({ 'main.tf': PEER, 'variables.tf': vars, [name]: text })[name].map((d) => d.replace(/, and Terraform.*$/, ''));
  assert.deepEqual(got('x.tfvars', 'enable_bfd = "yes"\nbfd_multi_hop = "10"\nnames = ["a", 1]\nfree = [1]\ntags = { a = [1], b = {} }\n'), [
    '0:13-18 type-mismatch: variable "enable_bfd" is declared bool in variables.tf',
  ]);
  assert.deepEqual(got('x.tfvars', 'enable_bfd = "true"\nbfd_multi_hop = true\nnames = "a"\n'), [
    '1:16-20 type-mismatch: variable "bfd_multi_hop" is declared number in variables.tf',
    '2:8-11 type-mismatch: variable "names" is declared list(string) in variables.tf',
  ]);
  assert.deepEqual(got('x.tfvars.json', '{"enable_bfd": "on", "bfd_multi_hop": 13}'), ['0:15-19 type-mismatch: variable "enable_bfd" is declared bool in variables.tf'], 'on the value, as in a .tfvars file');
  assert.deepEqual(got('x.tfvars.json', '{\n  "bfd_multi_hop" :\n    "ten",\n  "enable_bfd": true\n}'), ['2:4-9 type-mismatch: variable "bfd_multi_hop" is declared number in variables.tf']);
});

test('collections of numbers and bools, objects, tuples and nested types are checked as far as their literals go', () => {
  const vars = [
    'variable "hops" {\n  type = list(number)\n}',
    'variable "flags" {\n  type = map(bool)\n}',
    'variable "ids" {\n  type = set(number)\n}',
    'variable "peer" {\n  type = object({\n    name = string # shown in the console\n    hops = optional(number, 255)\n    bfd  = bool\n  })\n}',
    'variable "pair" {\n  type = tuple([string, number])\n}',
    'variable "groups" {\n  type = map(list(object({ id = string, asn = number })))\n}',
    'variable "anything" {\n  type = any\n}',
    'variable "loose" {\n  type = list(any)\n}',
    'variable "bare" {\n  type = map\n}',
  ].join('\n\n') + '\n';
  const got = (name: string, text: string) => findings({ 'main.tf': PEER, 'variables.tf': vars, [name]: text })[name].map((d) => d.replace(/^(\S+) type-mismatch: variable "\w+" is declared (.*) in variables\.tf, and (.*) \("Invalid value for input variable"\)$/, '$1 $2: $3'));
  // What Terraform converts: a number string to a number, "true" to a bool, a number or bool to a string.
  assert.deepEqual(
    got('ok.tfvars', 'hops = [1, "2", 3.5]\nflags = { a = true, b = "false" }\nids = []\npeer = { name = 1, bfd = "true", extra = "dropped" }\npair = ["a", "1"]\ngroups = { x = [{ id = "g", asn = "65001" }] }\nanything = [1, { a = [] }]\nloose = [1, {}]\nbare = { a = 1 }\n'),
    [],
  );
  // Only literals: an expression or a null is trusted.
  assert.deepEqual(got('expr.tfvars', 'hops = [1, 2 + 3, null]\nflags = { a = true ? 1 : 2 }\npeer = { name = "a", bfd = null }\n'), []);
  assert.deepEqual(got('bad.tfvars', 'hops = [1, "two"]\nflags = { a = true, b = "yes" }\nids = [1, [2]]\npeer = { name = "p", bfd = "no" }\npair = ["a"]\ngroups = { x = [{ id = "g" }] }\n'), [
    '0:11-16 list(number): Terraform cannot convert element 1, the string "two", to a number',
    '1:24-29 map(bool): Terraform cannot convert element "b", the string "yes", to a bool (true or false)',
    '2:10-13 set(number): Terraform cannot convert element 1, a list, to a number',
    '3:27-31 object({name = string, hops = optional(number), bfd = bool}): Terraform cannot convert attribute "bfd", the string "no", to a bool (true or false)',
    '4:7-12 tuple([string, number]): Terraform cannot convert a list to tuple([string, number])',
    '5:16-28 map(list(object({id = string, asn = number}))): element 0 of element "x" lacks the attribute "asn", which the type requires',
  ]);
  // On the part that does not convert, over lines too, through parentheses.
  assert.deepEqual(got('lines.tfvars', 'groups = {\n  x = [\n    { id = "g", asn = 1 },\n    ({ id = "h", asn = "big" }),\n  ]\n}\npeer = {\n  name = "p"\n  bfd  = {}\n}\n'), [
    '3:23-28 map(list(object({id = string, asn = number}))): Terraform cannot convert attribute "asn" of element 1 of element "x", the string "big", to a number',
    '8:9-11 object({name = string, hops = optional(number), bfd = bool}): Terraform cannot convert attribute "bfd", an object, to a bool (true or false)',
  ]);
  assert.deepEqual(got('shape.tfvars', 'hops = 1\nflags = ["a"]\npeer = "p"\n').map((d) => d.replace(/^(\S+) .*?: Terraform cannot convert /, '$1 ')), [
    '0:7-8 the number 1 to list(number)',
    '1:8-13 a list to map(bool)',
    '2:7-10 the string "p" to object({name = string, hops = optional(number), bfd = bool})',
  ]);
  // The same in a .tfvars.json file, whose arrays and objects are values too.
  assert.deepEqual(got('bad.tfvars.json', '{\n  "hops": [1, "2x"],\n  "peer": {"name": "p"},\n  "groups": {"x": [{"id": "g", "asn": "x"}]}\n}\n'), [
    '1:14-18 list(number): Terraform cannot convert element 1, the string "2x", to a number',
    '2:10-23 object({name = string, hops = optional(number), bfd = bool}): the object lacks the attribute "bfd", which the type requires',
    '3:38-41 map(list(object({id = string, asn = number}))): Terraform cannot convert attribute "asn" of element 0 of element "x", the string "x", to a number',
  ]);
  // A key written twice in a JSON object: its last value is the one judged, and the one marked.
  assert.deepEqual(got('twice.tfvars.json', '{"flags": {"a": "no", "a": "yes"}}'), ['0:27-32 map(bool): Terraform cannot convert element "a", the string "yes", to a bool (true or false)']);
});

test('an override file\'s variable block replaces the type and the default it writes, as Terraform merges it', () => {
  const vars = 'variable "enable_bfd" {\n  type    = bool\n  default = true\n}\n\nvariable "x" {\n  type = number\n}\n\nvariable "y" {\n  type = number\n}\n';
  const over = 'variable "enable_bfd" {\n  default = false\n}\n\nvariable "x" {\n  type = string\n}\n\nvariable "y" {\n  type = object({\n    a = string\n  })\n}\n';
  const got = findings({ 'main.tf': PEER, 'variables.tf': vars, 'override.tf': over, 'terraform.tfvars': 'bfd_multi_hop = 3\nx = "abc"\ny = { a = "abc" }\n' })['terraform.tfvars'];
  assert.equal(got.length, 1, got.join('\n'));
  assert.match(got[0], /^0:0-13 bfd-multi-hop-without-bfd: .*enable_bfd is set by its default in override\.tf\)$/);
  // Without the override, the module's declarations hold.
  const plain = findings({ 'main.tf': PEER, 'variables.tf': vars, 'terraform.tfvars': 'bfd_multi_hop = 3\nx = "abc"\ny = { a = "abc" }\n' })['terraform.tfvars'];
  assert.deepEqual(plain.map((d) => d.replace(/ in variables.tf.*$/, '')), ['1:4-9 type-mismatch: variable "x" is declared number', '2:4-17 type-mismatch: variable "y" is declared number']);
});

test('a file given with -var-file sees the values of the auto-loaded files, not the defaults they replace', () => {
  const vars = 'variable "enable_bfd" {\n  default = false\n}\n';
  const got = findings({ 'main.tf': PEER, 'variables.tf': vars, 'prod.tfvars': 'bfd_multi_hop = 13\n', 'terraform.tfvars': 'enable_bfd = true\n' });
  assert.deepEqual(got['prod.tfvars'], []);
  const off = findings({ 'main.tf': PEER, 'variables.tf': vars, 'prod.tfvars': 'bfd_multi_hop = 13\n', 'terraform.tfvars': 'enable_bfd = false\n' })['prod.tfvars'];
  assert.equal(off.length, 1);
  assert.match(off[0], /enable_bfd is set in terraform\.tfvars\)$/);
});

test('a variable a .tf.json file declares is declared, by name only: the hover and completion claim no type or default for it', () => {
  const { ctx } = folder({ 'variables.tf.json': '{"variable": {"zone": {"type": "string", "default": "a"}}}' }).read('terraform.tfvars', 'zone = "b"\n');
  const md = variableHover('zone', ctx);
  assert.match(md, /Declared in `variables\.tf\.json` \(its type and default are not read from a JSON file\)/);
  assert.doesNotMatch(md, /not declared|No default/);
  const at = { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } } };
  assert.deepEqual(variableCompletions(ctx, at, new Set()).map((i) => [i.label, i.detail]), [['zone', 'declared in variables.tf.json']]);
});

test('a type text is read once, not at each change of a variable file (whose context reads every variable\'s type again)', () => {
  const text = 'object({\n  name = string\n  hops = optional(number, 1)\n})';
  const first = parseType(text);
  assert.ok(first && first.kind === 'object');
  assert.equal(parseType(text), first, 'the same reading');
  assert.equal(parseType('"string"'), undefined, 'an old quoted type is not read, and not judged');
});

test('secrets are never shown: the default of a sensitive variable, or of one passed to auth_key, is not in its hover or completion', () => {
  const { ctx } = folder({
    'main.tf': 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  peer_asn  = 65001\n  auth_key  = var.key\n}\n',
    'variables.tf': 'variable "key" {\n  default = "s3cret-1"\n}\n\nvariable "pw" {\n  default   = "s3cret-2"\n  sensitive = true\n}\n\nvariable "asn" {\n  default = 65001\n}\n',
  }).read('terraform.tfvars', '\n');
  for (const name of ['key', 'pw']) {
    const md = variableHover(name, ctx);
    assert.doesNotMatch(md, /s3cret/, name);
    assert.match(md, /Has a default \(not shown: the value is a secret\)/, name);
  }
  assert.match(variableHover('asn', ctx), /Default: `65001`/, 'others are shown');
  const at = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  const items = variableCompletions(ctx, at, new Set());
  assert.deepEqual(items.map((i) => [i.label, i.detail]), [['key', 'any (has a default)'], ['pw', 'any (has a default)'], ['asn', 'any = 65001']]);
  for (const i of items) assert.doesNotMatch(`${i.insertText} ${i.documentation}`, /s3cret/);
});

test('completion makes no variable\'s hover: each item names its variable, whose hover the server makes when the client resolves it', () => {
  const { ctx } = folder({ 'variables.tf': 'variable "a" {\n  description = "The first."\n}\n\nvariable "b" {}\n' }).read('terraform.tfvars', '\n');
  const at = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  assert.deepEqual(variableCompletions(ctx, at, new Set()).map((i) => [i.label, i.variable, i.documentation]), [['a', 'a', undefined], ['b', 'b', undefined]]);
});

test('the hover of a variable names the arguments that read it in an expression, and passes on the hover of those set to it, also through a local value or a conversion', () => {
  const main = [
    'locals {',
    '  asn     = var.asn',
    '  hops    = var.hops + 1',
    '  zone_id = local.asn',
    '}',
    '',
    'resource "alicloud_vpc_bgp_group" "a" {',
    '  count     = var.enable ? 1 : 0',
    '  router_id = "${var.router}"',
    '  peer_asn  = local.zone_id',
    '  bgp_group_name = coalesce(var.name, "g")',
    '}',
    '',
    'resource "alicloud_vpc_bgp_group" "b" {',
    '  router_id   = var.routers[0]',
    '  peer_asn    = tonumber(var.asn)',
    '  description = "group ${var.name}"',
    '}',
    '',
    'resource "alicloud_vpc_bgp_peer" "p" {',
    '  bgp_group_id  = "bgpg-1"',
    '  bfd_multi_hop = local.hops',
    '  enable_bfd    = (var.enable)',
    '}',
    '',
    'resource "other_thing" "o" {',
    '  x = var.asn',
    '}',
    '',
  ].join('\n');
  const vars = ['asn', 'enable', 'router', 'routers', 'name', 'hops'].map((v) => `variable "${v}" {}\n`).join('\n');
  const { ctx } = folder({ 'main.tf': main, 'variables.tf': vars }).read('terraform.tfvars', '\n');
  const said = (name: string) => variableHover(name, ctx).split('\n').filter((l) => /^(Passed to|- (Sets|Used in))/.test(l));
  assert.deepEqual(said('asn'), [
    'Passed to `peer_asn` (through `local.zone_id`) of `alicloud_vpc_bgp_group.a` (main.tf line 10):',
    'Passed to `peer_asn` of `alicloud_vpc_bgp_group.b` (main.tf line 16):',
  ]);
  assert.deepEqual(said('enable'), ['Passed to `enable_bfd` of `alicloud_vpc_bgp_peer.p` (main.tf line 23):', '- Used in `count` of `alicloud_vpc_bgp_group.a` (main.tf line 8)']);
  assert.deepEqual(said('router'), ['Passed to `router_id` of `alicloud_vpc_bgp_group.a` (main.tf line 9):']);
  assert.deepEqual(said('routers'), ['- Used in `router_id` of `alicloud_vpc_bgp_group.b` (main.tf line 15)'], 'an element of it is not its value');
  assert.deepEqual(said('name'), ['- Used in `bgp_group_name` of `alicloud_vpc_bgp_group.a` (main.tf line 11)', '- Used in `description` of `alicloud_vpc_bgp_group.b` (main.tf line 17)']);
  assert.deepEqual(said('hops'), ['- Used in `bfd_multi_hop` (through `local.hops`) of `alicloud_vpc_bgp_peer.p` (main.tf line 22)']);
  // The hover of an argument set to it follows; one it is only used in has none.
  assert.match(variableHover('enable', ctx), /Passed to `enable_bfd`[^]*BFD/);
  assert.doesNotMatch(variableHover('hops', ctx), /---\n\n\*\*bfd_multi_hop/);
});

test('a local value that reads itself through others is followed no further than its cycle allows', () => {
  const main = 'locals {\n  a = local.b\n  b = local.a\n  c = var.x\n}\n\nresource "alicloud_vpc_bgp_group" "g" {\n  peer_asn       = local.a\n  bgp_group_name = local.c\n}\n';
  const { ctx } = folder({ 'main.tf': main, 'variables.tf': 'variable "x" {}\n' }).read('terraform.tfvars', '\n');
  assert.match(variableHover('x', ctx), /Passed to `bgp_group_name` \(through `local\.c`\) of `alicloud_vpc_bgp_group\.g`/);
});

test('local values that read one another many times over (a cycle being typed) are each followed once: the hover answers at once', () => {
  // Four locals per level, each reading the four of the level below: 4^n ways down, n + 1 levels of locals.
  let locals = 'locals {\n  a0 = var.x\n  b0 = var.x\n  c0 = var.x\n  d0 = var.x\n';
  for (let i = 1; i <= 12; i++) for (const l of 'abcd') locals += `  ${l}${i} = [local.a${i - 1}, local.b${i - 1}, local.c${i - 1}, local.d${i - 1}]\n`;
  // And a cycle among them, as while typing.
  locals += '  a13 = [local.a12, local.b13, var.y]\n  b13 = [local.a13, local.c13]\n  c13 = [local.a13, local.b13]\n}\n';
  const main = `${locals}\nresource "alicloud_vpc_bgp_group" "g" {\n  peer_asn       = local.a13\n  bgp_group_name = local.c13\n}\n`;
  const { ctx } = folder({ 'main.tf': main, 'variables.tf': 'variable "x" {}\nvariable "y" {}\n' }).read('terraform.tfvars', '\n');
  const started = Date.now();
  assert.match(variableHover('x', ctx), /- Used in `peer_asn` \(through `local\.a13`\) of `alicloud_vpc_bgp_group\.g`[^]*- Used in `bgp_group_name` \(through `local\.c13`\)/);
  assert.match(variableHover('y', ctx), /- Used in `peer_asn` \(through `local\.a13`\)[^]*- Used in `bgp_group_name` \(through `local\.c13`\)/);
  assert.ok(Date.now() - started < 1000, `${Date.now() - started} ms`);
});

test('a chain of local values longer than a few steps is followed to its end', () => {
  let locals = 'locals {\n  l0 = var.x\n';
  for (let i = 1; i <= 40; i++) locals += `  l${i} = local.l${i - 1}\n`;
  const main = `${locals}}\n\nresource "alicloud_vpc_bgp_group" "g" {\n  peer_asn = local.l40\n}\n`;
  const { ctx } = folder({ 'main.tf': main, 'variables.tf': 'variable "x" {}\n' }).read('terraform.tfvars', '\n');
  assert.match(variableHover('x', ctx), /Passed to `peer_asn` \(through `local\.l40`\) of `alicloud_vpc_bgp_group\.g`/);
});
