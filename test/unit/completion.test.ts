// Completion and hover from the schema, with the cursor marked `|` in each case.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { complete } from '../../server/src/analysis/completion';
import { hover } from '../../server/src/analysis/hover';
import { defaultSchemas } from '../../server/src/schema/registry';
import { createSourceFile } from '../../server/src/engine/files';
import { contextFor } from '../../server/src/engine/moduleContext';
import { analyse, constraintOf, cursor } from './inline';

function completions(textWithCursor: string) {
  const { text, pos } = cursor(textWithCursor);
  const { file, ctx } = analyse(text);
  const at = file.cursorContext(pos);
  if (!at) return [];
  return complete(at.cursor, ctx, file.completionWriter).sort((a, b) => a.sortText.localeCompare(b.sortText));
}

function hoverAt(textWithCursor: string): string | undefined {
  const { text, pos } = cursor(textWithCursor);
  const { file } = analyse(text);
  const loc = file.locate(pos);
  return loc && hover(loc.instance, loc.rel, defaultSchemas())?.markdown;
}

const groups = 'resource "alicloud_vpc_bgp_group" "primary" {\n  router_id = "vbr-1"\n  peer_asn = 1\n}\nresource "alicloud_vpc_bgp_group" "backup" {\n  router_id = "vbr-1"\n  peer_asn = 1\n}\n';

test('argument names: not yet written, required first, never read-only, with snippets', () => {
  const items = completions('resource "alicloud_vpc_bgp_peer" "p" {\n  enable_bfd = true\n  |\n}\n');
  const labels = items.map((i) => i.label);
  assert.equal(labels[0], 'bgp_group_id');
  assert.ok(labels.includes('bfd_multi_hop') && labels.includes('timeouts') && labels.includes('count'));
  for (const absent of ['enable_bfd', 'status', 'bgp_peer_name', 'id']) assert.ok(!labels.includes(absent), absent);
  const hop = items.find((i) => i.label === 'bfd_multi_hop')!;
  assert.equal(hop.insertText, 'bfd_multi_hop = ${1:1}');
  assert.match(hop.detail!, /number · optional/);
  assert.match(hop.documentation!, /1–255/);
  assert.equal(items.find((i) => i.label === 'ip_version')!.insertText, 'ip_version = "${1|IPv4,IPv6|}"');
});

test('no argument names inside a value that spans lines or a block comment: they would be written into it', () => {
  const peer = (inner: string) => completions(`resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "x"\n${inner}\n}\n`);
  for (const inner of [
    '  description = <<-EOT\n    |\n  EOT',
    '  depends_on = [\n    |\n  ]',
    '  for_each = {\n    |\n  }',
    '  count = max(\n    |\n  1)',
    '  /*\n  |\n  */',
    // Not closed yet (the editor did not auto-close the bracket): the parser ends the value at its line.
    '  depends_on = [\n    |',
    '  depends_on = [alicloud_vpc.a.id, # a comment ]\n    |',
    '  tags = merge({ a = "]" }, {\n    |',
  ]) assert.deepEqual(peer(inner), [], inner);
  // Brackets closed, or inside strings, comments and heredocs, leave the names offered in a broken block.
  assert.ok(peer('  depends_on = [x]\n  d = "[(" # [\n  e = <<EOT\n  [\nEOT\n  /* ( */ f =\n  |').length > 0);
  // Heredoc openers as the lexer reads them: a marker is any HCL identifier, and `<< EOT` opens no heredoc.
  assert.ok(peer('  e = <<ÉTÉ\n  [\nÉTÉ\n  |').length > 0);
  assert.deepEqual(peer('  e = << EOT\n  [\nEOT\n  |'), []);
  // A string inside an interpolation is a string too.
  assert.ok(peer('  g = "${trimprefix(var.g, "[")}"\n  f =\n  |').length > 0);
  // After such a value, and between the arguments of a block, names are offered again.
  assert.ok(peer('  depends_on = [\n    x,\n  ]\n  |').length > 0);
  assert.ok(peer('  /* note */\n  |').length > 0);
});

test('a comment closed on the line before the cursor is no obstacle', () => {
  const peer = (inner: string) => completions(`resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "x"\n${inner}\n}\n`).map((i) => i.label);
  assert.ok(peer('  /* note */ bfd_m|').includes('bfd_multi_hop'));
  assert.deepEqual(peer('  /* note */ enable_bfd = |'), ['true', 'false']);
  assert.deepEqual(peer('  enable_bfd = /* c */ |'), ['true', 'false']);
  assert.deepEqual(peer('  /* a */ /* b */ enable_bfd = |'), ['true', 'false']);
  // One left open runs to the end of the line, past what looks like a close (a glob, \`bucket/*\`).
  assert.deepEqual(peer('  /* open enable_bfd = |'), []);
});

test('on a name that already has its value, only the name is replaced: no second "="', () => {
  const items = completions('resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "x"\n  bfd_m|ulti_hop = 3\n}\n');
  const ip = items.find((i) => i.label === 'peer_ip_address')!;
  assert.equal(ip.insertText, 'peer_ip_address');
  assert.equal(ip.snippet, false);
  assert.deepEqual(ip.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 15 } });
  assert.ok(!items.some((i) => i.kind === 'block'), 'a block cannot take the place of an argument');
});

test('a group repeated over an object written out is offered by its first key', () => {
  const items = completions('resource "alicloud_vpc_bgp_group" "g" {\n  for_each  = { "east-1" = 1 }\n  router_id = "v"\n  peer_asn  = 1\n}\nresource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = |\n}\n');
  assert.deepEqual(items.map((i) => i.insertText), ['alicloud_vpc_bgp_group.g["east-1"].id']);
});

test('a value completed right after "=" gets the space terraform fmt writes there', () => {
  const items = completions('resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "x"\n  enable_bfd =|\n}\n');
  assert.deepEqual(items.map((i) => i.insertText), [' true', ' false']);
});

test('a value completed just before the value written replaces it, not doubles it', () => {
  const items = completions('resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "x"\n  ip_version = |"IPv4"\n}\n');
  const v6 = items.find((i) => i.insertText === '"IPv6"')!;
  assert.deepEqual(v6.range, { start: { line: 2, character: 15 }, end: { line: 2, character: 21 } });
});

test('while the name is half typed, the item replaces the typed word', () => {
  const items = completions('resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "x"\n  bfd_mu|\n}\n');
  const hop = items.find((i) => i.label === 'bfd_multi_hop')!;
  assert.deepEqual(hop.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 8 } });
});

test('completion works in an unclosed block followed by other blocks', () => {
  const items = completions('resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "x"\n  |\n\nresource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  peer_asn = 1\n}\n');
  assert.ok(items.some((i) => i.label === 'enable_bfd'));
  assert.ok(!items.some((i) => i.label === 'bgp_group_id'));
});

test('bgp_group_id offers the groups declared in the document', () => {
  const items = completions(groups + 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = |\n}\n');
  assert.deepEqual(items.map((i) => i.label), ['alicloud_vpc_bgp_group.primary.id', 'alicloud_vpc_bgp_group.backup.id']);
  const snippet = completions(groups + 'resource "alicloud_vpc_bgp_peer" "p" {\n  |\n}\n').find((i) => i.label === 'bgp_group_id')!;
  assert.equal(snippet.insertText, 'bgp_group_id = ${1|alicloud_vpc_bgp_group.primary.id,alicloud_vpc_bgp_group.backup.id|}');
});

test('groups with count or for_each are offered with an instance key Terraform accepts', () => {
  const repeated =
    'resource "alicloud_vpc_bgp_group" "counted" {\n  count = 2\n  router_id = "vbr-1"\n  peer_asn = 1\n}\n' +
    'resource "alicloud_vpc_bgp_group" "each" {\n  for_each = var.sites\n  router_id = "vbr-1"\n  peer_asn = 1\n}\n';
  const labels = (peerHead: string) => completions(repeated + `resource "alicloud_vpc_bgp_peer" "p" {\n${peerHead}  bgp_group_id = |\n}\n`).map((i) => i.label);
  // No key is known for a for_each group from a block without for_each: not offered.
  assert.deepEqual(labels(''), ['alicloud_vpc_bgp_group.counted[0].id']);
  assert.deepEqual(labels('  count = 2\n'), ['alicloud_vpc_bgp_group.counted[count.index].id']);
  assert.deepEqual(labels('  for_each = var.sites\n'), ['alicloud_vpc_bgp_group.counted[0].id', 'alicloud_vpc_bgp_group.each[each.key].id']);
  // Over the group's own instances: its keys.
  assert.deepEqual(labels('  for_each = alicloud_vpc_bgp_group.each\n'), ['alicloud_vpc_bgp_group.counted[0].id', 'alicloud_vpc_bgp_group.each[each.key].id']);
  // each.key / count.index name an instance only when both blocks surely repeat over the same thing.
  assert.deepEqual(labels('  for_each = var.other\n'), ['alicloud_vpc_bgp_group.counted[0].id']);
  assert.deepEqual(labels('  for_each = toset(["a"])\n'), ['alicloud_vpc_bgp_group.counted[0].id'], 'a call is not compared');
  assert.deepEqual(labels('  count = 3\n'), ['alicloud_vpc_bgp_group.counted[0].id']);
});

test('values: bools, accepted values inside quotes, durations in timeouts', () => {
  assert.deepEqual(completions('resource "alicloud_vpc_bgp_peer" "p" {\n  enable_bfd = |\n}\n').map((i) => i.label), ['true', 'false']);
  const ip = completions('resource "alicloud_vpc_bgp_peer" "p" {\n  ip_version = "I|"\n}\n');
  assert.deepEqual(ip.map((i) => i.label), ['"IPv4"', '"IPv6"']);
  // The range covers the typed `"I` and the closing quote the editor added.
  assert.deepEqual(ip[0].range, { start: { line: 1, character: 15 }, end: { line: 1, character: 18 } });
  const t = completions('resource "alicloud_vpc_bgp_peer" "p" {\n  timeouts {\n    create = |\n  }\n}\n');
  assert.ok(t.map((i) => i.label).includes('"10m"'));
});

test('after a typed reference or on a function name, no literal: it would replace what was typed', () => {
  const at = (type: string, line: string) => completions(`${groups}resource "${type}" "r" {\n  ${line}\n}\n`);
  const vbr = (line: string) => at('alicloud_express_connect_virtual_border_router', line).map((i) => i.label);
  const peer = (line: string) => at('alicloud_vpc_bgp_peer', line).map((i) => i.label);
  for (const typed of ['local.', 'var.', 'count.', 'data.', 'each.value.']) {
    assert.deepEqual(vbr(`vlan_id = ${typed}|`), [], typed);
    assert.deepEqual(peer(`enable_bfd = ${typed}|`), [], typed);
    assert.deepEqual(peer(`ip_version = ${typed}|`), [], typed);
  }
  assert.deepEqual(peer('enable_bfd = |tobool(local.x)'), []);
  // References stay, literals stay where a literal is being typed.
  assert.deepEqual(peer('bgp_group_id = alicloud_vpc_bgp_group.|'), ['alicloud_vpc_bgp_group.primary.id', 'alicloud_vpc_bgp_group.backup.id']);
  assert.deepEqual(vbr('vlan_id = 1|'), ['100']);
  assert.deepEqual(peer('enable_bfd = t|'), ['true', 'false']);
});

test('keys inside timeouts, and resource types after resource "', () => {
  assert.deepEqual(
    completions('resource "alicloud_vpc_bgp_peer" "p" {\n  timeouts {\n    create = "5m"\n    |\n  }\n}\n').map((i) => i.label).sort(),
    ['delete', 'update'],
  );
  const types = completions('resource "alicloud_v|').map((i) => i.label);
  assert.ok(types.includes('alicloud_vpc_bgp_peer') && types.includes('alicloud_vpc_bgp_group'));
  assert.ok(!types.includes('alicloud_express_connect_physical_connections'), 'data sources only after data "');
  assert.deepEqual(completions('data "|').map((i) => i.label), ['alicloud_express_connect_physical_connections']);
});

test('a body written on one line takes one argument: names offered between its braces, inserted on that line', () => {
  // The snippet as the editor fills it in with its defaults, written in the place of the range.
  const insert = (textWithCursor: string, label: string) => {
    const { text, pos } = cursor(textWithCursor);
    const item = completions(textWithCursor).find((i) => i.label === label)!;
    const filled = item.insertText.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1');
    const line = text.split('\n')[pos.line];
    const edited = line.slice(0, item.range.start.character) + filled + line.slice(item.range.end.character);
    return text.split('\n').map((l, i) => (i === pos.line ? edited : l)).join('\n');
  };
  const syntaxErrors = (text: string) => analyse(text).diagnostics.filter((d) => d.code === 'syntax-error');
  const peer = completions('resource "alicloud_vpc_bgp_peer" "p" { | }\n').map((i) => i.label);
  assert.ok(peer.includes('bgp_group_id') && peer.includes('count'), peer.join());
  // No block: HCL refuses one in a single-line body.
  assert.ok(!peer.includes('timeouts') && !peer.includes('lifecycle'), peer.join());
  const filled = insert('resource "alicloud_vpc_bgp_peer" "p" { bgp| }\n', 'bgp_group_id');
  assert.equal(filled, 'resource "alicloud_vpc_bgp_peer" "p" { bgp_group_id = "bgpg-2zev8h2uxpbnexample01" }\n');
  assert.deepEqual(syntaxErrors(filled), []);
  const timeouts = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "x"\n  timeouts {|}\n}\n';
  assert.deepEqual(completions(timeouts).map((i) => i.label).sort(), ['create', 'delete', 'update']);
  assert.deepEqual(syntaxErrors(insert(timeouts, 'create')), []);
  assert.ok(completions('resource "alicloud_vpc_bgp_peer" "p" {\n  timeouts { create = | }\n}\n').map((i) => i.label).includes('"10m"'));
  // A second argument would not parse there; nor is the header before `{` a body.
  assert.deepEqual(completions('resource "alicloud_vpc_bgp_peer" "p" {\n  timeouts { create = "5m" | }\n}\n'), []);
  assert.deepEqual(completions('resource "alicloud_vpc_bgp_peer" "p" {\n  timeouts | { }\n}\n'), []);
});

test('inside a data block scoped to a check block, as in any data block', () => {
  const scoped = (inner: string) => completions(`check "c" {\n  data "alicloud_express_connect_physical_connections" "s" {\n    ${inner}\n  }\n}\n`).map((i) => i.label);
  assert.ok(scoped('status = "|"').includes('"Enabled"'));
  assert.ok(scoped('|').includes('name_regex'));
});

test('no completion in blocks the extension does not know', () => {
  assert.deepEqual(completions('resource "alicloud_vpc" "v" {\n  |\n}\n'), []);
  assert.deepEqual(completions('resource "alicloud_vpc_bgp_peer" "p" {\n  lifecycle {\n    |\n  }\n}\n'), []);
});

test('hover on the resource type tells what it is, since when, and how to import it', () => {
  const md = hoverAt('resource "alicloud_vpc_b|gp_peer" "p" {\n}\n')!;
  assert.match(md, /1\.153\.0/);
  assert.match(md, /terraform import alicloud_vpc_bgp_peer\./);
  assert.match(md, /registry\.terraform\.io/);
});

test('hover on arguments: type, required, range, ForceNew; timeouts keys; meta-arguments', () => {
  const hop = hoverAt('resource "alicloud_vpc_bgp_peer" "p" {\n  bfd_mu|lti_hop = 3\n}\n')!;
  assert.match(hop, /\*\*bfd_multi_hop\*\* · number · optional/);
  assert.match(hop, /1–255/);
  assert.match(hoverAt('resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_gr|oup_id = "x"\n}\n')!, /required.*forces replacement/s);
  assert.match(hoverAt('resource "alicloud_vpc_bgp_peer" "p" {\n  timeouts {\n    cre|ate = "5m"\n  }\n}\n')!, /timeouts\.create.*duration/s);
  assert.match(hoverAt('resource "alicloud_vpc_bgp_peer" "p" {\n  cou|nt = 1\n}\n')!, /meta-argument/);
  assert.equal(hoverAt('resource "alicloud_vpc_bgp_peer" "p" {\n  made_u|p = 1\n}\n'), undefined);
  // The provider's type: a list of objects (read as connections.0.id), not of strings.
  assert.match(hoverAt('data "alicloud_express_connect_physical_connections" "pc" {\n  connec|tions = []\n}\n')!, /\*\*connections\*\* · list\(object\) · read-only/);
  // Where the provider sends nothing for "", hover says so; where it sends it, it does not.
  assert.match(hoverAt('resource "alicloud_express_connect_virtual_border_router" "v" {\n  descr|iption = ""\n}\n')!, /`""` is the same as leaving it out/);
  assert.doesNotMatch(hoverAt('resource "alicloud_vpc_bgp_peer" "p" {\n  peer_ip_addr|ess = ""\n}\n')!, /leaving it out/);
});

test('hover never shows a secret value', () => {
  const md = hoverAt('resource "alicloud_vpc_bgp_group" "g" {\n  auth_k|ey = "s3cret-Value"\n}\n')!;
  assert.ok(md.includes('auth_key'));
  assert.ok(!md.includes('s3cret-Value'));
});

test("argument names follow the module's provider version: what it has, not what is newer or removed", () => {
  const withVersion = (constraint: string | undefined, body: string) => {
    const head = constraint ? `terraform {\n  required_providers {\n    alicloud = { source = "aliyun/alicloud", version = "${constraint}" }\n  }\n}\n` : '';
    const { text, pos } = cursor(head + body);
    const file = createSourceFile('file:///versions/main.tf', undefined, text)!;
    const ctx = contextFor([file], defaultSchemas(), constraintOf(file));
    return complete(file.cursorContext(pos)!.cursor, ctx, file.completionWriter).map((i) => i.label);
  };
  const group = 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  |\n}\n';
  for (const newer of ['ip_version', 'route_limit', 'clear_auth_key']) {
    assert.ok(!withVersion('~> 1.230.0', group).includes(newer), `${newer} needs a newer provider than ~> 1.230.0`);
    assert.ok(withVersion(undefined, group).includes(newer), `${newer} without a version`);
    assert.ok(withVersion('>= 1.230.0', group).includes(newer), `${newer}: Terraform may install a newer provider`);
  }
  const vbr = 'resource "alicloud_express_connect_virtual_border_router" "v" {\n  physical_connection_id = "pc-1"\n  |\n}\n';
  const at1211 = withVersion('1.211.2', vbr);
  for (const newer of ['mtu', 'tags', 'resource_group_id', 'sitelink_enable']) assert.ok(!at1211.includes(newer), newer);
  assert.ok(at1211.includes('include_cross_account_vbr'), 'not removed until 1.263.0');
  assert.ok(!withVersion(undefined, vbr).includes('include_cross_account_vbr'), 'removed in the newest provider');
  assert.ok(!withVersion('1.263.0', vbr).includes('include_cross_account_vbr'));
  // Known to be absent in 1.211.2 and older, version added unknown (`absentUntil`).
  const timeouts = 'resource "alicloud_express_connect_virtual_border_router" "v" {\n  timeouts {\n    |\n  }\n}\n';
  assert.deepEqual(withVersion('1.211.2', timeouts), ['update']);
  assert.deepEqual(withVersion('1.230.0', timeouts).sort(), ['create', 'delete', 'update']);
  // The block's snippet writes only the keys that version has too.
  const snippetAt = (constraint: string) => {
    const { text, pos } = cursor(`terraform {\n  required_providers {\n    alicloud = { source = "aliyun/alicloud", version = "${constraint}" }\n  }\n}\n${vbr}`);
    const file = createSourceFile('file:///versions/main.tf', undefined, text)!;
    const ctx = contextFor([file], defaultSchemas(), constraintOf(file));
    return complete(file.cursorContext(pos)!.cursor, ctx, file.completionWriter).find((i) => i.label === 'timeouts')!.insertText;
  };
  assert.equal(snippetAt('1.211.2'), 'timeouts {\n\tupdate = "${1:10m}"\n}');
  assert.match(snippetAt('1.230.0'), /create = .*update = .*delete = /s);
});

test('count and for_each exclude each other: with one written, the other is not offered', () => {
  const labels = (inner: string) => completions(`resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "x"\n${inner}\n}\n`).map((i) => i.label);
  assert.ok(!labels('  count = 2\n  |').includes('for_each'));
  assert.ok(!labels('  for_each = var.peers\n  |').includes('count'));
  const neither = labels('  |');
  assert.ok(neither.includes('count') && neither.includes('for_each'));
  // While the name is being retyped, the other is still offered (it is what replaces it).
  assert.ok(labels('  cou|nt = 2').includes('for_each'));
});

test('a dynamic block\'s content is the block it makes: its keys completed and explained, that block no longer offered', () => {
  const dyn = (inner: string) => `resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "x"\n  dynamic "timeouts" {\n    for_each = [1]\n    content {\n${inner}\n    }\n  }\n}\n`;
  assert.deepEqual(completions(dyn('      create = "5m"\n      |')).map((i) => i.label), ['delete', 'update']);
  assert.ok(completions(dyn('      delete = |')).some((i) => i.label === '"10m"'));
  assert.match(hoverAt(dyn('      cr|eate = "5m"')) ?? '', /\*\*timeouts\.create\*\*/);
  assert.match(hoverAt(dyn('      create = "5m"').replace('"timeouts"', '"time|outs"')) ?? '', /\*\*timeouts\*\* block/);
  // The dynamic block's own body is Terraform's (for_each, iterator, content): nothing of the provider there.
  assert.deepEqual(completions(dyn('      create = "5m"').replace('    for_each = [1]', '    for_each = [1]\n    |')), []);
  // A second timeouts block beside the dynamic one would be one too many.
  const after = completions(dyn('      create = "5m"').replace(/\}\n$/, '  |\n}\n')).map((i) => i.label);
  assert.ok(after.includes('enable_bfd') && !after.includes('timeouts'), after.join());
});

test('the lifecycle block is inserted with the cursor inside it', () => {
  const items = completions('resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "x"\n  |\n}\n');
  assert.equal(items.find((i) => i.label === 'lifecycle')!.insertText, 'lifecycle {\n\t$0\n}');
});

test('the label of a dynamic block offers the blocks the resource has', () => {
  const peer = (inner: string) => completions(`resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "x"\n${inner}\n}\n`);
  const typed = peer('  dynamic "t|" {\n    for_each = [1]\n  }');
  assert.deepEqual(typed.map((i) => [i.label, i.insertText]), [['timeouts', 'timeouts']]);
  assert.deepEqual(typed[0].range, { start: { line: 2, character: 11 }, end: { line: 2, character: 12 } });
  assert.deepEqual(peer('  dynamic "|').map((i) => i.label), ['timeouts']);
  // No blocks in the data source: nothing to offer.
  assert.deepEqual(completions('data "alicloud_express_connect_physical_connections" "d" {\n  dynamic "|"\n}\n'), []);
});

test('a quoted value with a space is still completed, and replaced up to its closing quote', () => {
  const status = (value: string) => completions(`data "alicloud_express_connect_physical_connections" "d" {\n  status = ${value}\n}\n`);
  const typed = status('"Allocation |"');
  assert.ok(typed.some((i) => i.label === '"Allocation Failed"'));
  assert.deepEqual(typed[0].range, { start: { line: 1, character: 11 }, end: { line: 1, character: 24 } });
  // In the middle of such a value: the whole of it, not its first word, is replaced.
  assert.deepEqual(status('"Alloc| Failed"')[0].range, { start: { line: 1, character: 11 }, end: { line: 1, character: 25 } });
});

test('lifecycle ignore_changes offers the arguments the resource can set, not those already listed', () => {
  const group = (list: string) => completions(`resource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  lifecycle {\n    ignore_changes = ${list}\n  }\n}\n`);
  const first = group('[|]');
  const labels = first.map((i) => i.label);
  assert.ok(labels.includes('auth_key') && labels.includes('peer_asn'), labels.join());
  for (const readOnly of ['status', 'id', 'region_id']) assert.ok(!labels.includes(readOnly), readOnly);
  assert.equal(first.find((i) => i.label === 'auth_key')!.insertText, 'auth_key');
  const more = group('[auth_key, desc|]');
  assert.ok(!more.some((i) => i.label === 'auth_key'));
  assert.deepEqual(more.find((i) => i.label === 'description')!.range, { start: { line: 3, character: 32 }, end: { line: 3, character: 36 } });
  assert.ok(!group('[|, auth_key]').some((i) => i.label === 'auth_key'));
  // Other lifecycle arguments are Terraform's: nothing offered there.
  assert.deepEqual(group('[]\n    prevent_destroy = |'), []);
});
