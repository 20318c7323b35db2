/**
 * A primary module file in Terraform's JSON syntax (`main.tf.json`) as a checked document: findings on the keys and
 * values it writes. Override files in JSON are tested in `module.test.ts`.
 */
import assert from 'node:assert/strict';
import test from 'node:test';

import { hover } from '../../server/src/analysis/hover';
import { isSupported } from '../../server/src/engine/files';
import { defaultSchemas } from '../../server/src/schema/registry';
import { analyse, applyEdits } from './inline';

/** The findings of `json` as `main.tf.json` (beside `others`), as `line:start-end code`, sorted. */
function findings(json: string, others: { uri: string; text: string }[] = [], uri = 'file:///m/main.tf.json'): string[] {
  return analyse(json, uri, others)
    .diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.code}`)
    .sort();
}

const PEER = [
  '{"resource": {"alicloud_vpc_bgp_peer": {"p": {',
  '  "bgp_group_id": "${alicloud_vpc_bgp_group.nope.id}",',
  '  "enable_bfd": true,',
  '  "bfd_multi_hop": 300,',
  '  "bfd_multihop": 3,',
  '  "timeouts": {',
  '    "create": "5 minutes"',
  '  }',
  '}}}}',
].join('\n');

test('a primary .tf.json file gets the local and module rules\' findings, on the keys and values it writes', () => {
  assert.deepEqual(findings(PEER), [
    '1:18-53 undeclared-reference',
    '3:19-22 value-out-of-range',
    '4:2-16 unknown-argument',
    '6:14-25 invalid-duration',
  ]);
  // The module's other files count: the group declared in a .tf file beside it.
  const group = { uri: 'file:///m/group.tf', text: 'resource "alicloud_vpc_bgp_group" "nope" {\n  router_id = "vbr-1"\n  peer_asn  = 65001\n}\n' };
  assert.ok(!findings(PEER, [group]).some((f) => f.endsWith('undeclared-reference')));
  // A data source and a body written as a list of objects, as Terraform's JSON syntax allows.
  assert.deepEqual(findings('{"resource": [{"alicloud_vpc_bgp_group": [{"g": [{"router_id": "vbr-1", "peer_asn": "many"}]}]}]}'), ['0:84-90 type-mismatch']);
});

test('a primary .tf.json file that is not JSON is one syntax error, where JSON.parse stopped', () => {
  assert.deepEqual(findings('{"resource": {"alicloud_vpc_bgp_peer": {"p": {\n  "bfd_multi_hop": 300,\n}}}}'), ['2:0-1 syntax-error']);
});

test('the server takes every .tf.json file as a document, but not what cdktf synth writes to cdktf.out', () => {
  assert.ok(isSupported('file:///m/main.tf.json', 'json'));
  assert.ok(isSupported('/m/main.tf.json'));
  assert.ok(isSupported('file:///m/override.tf.json', 'json'));
  assert.ok(!isSupported('file:///app/cdktf.out/stacks/app/cdk.tf.json', 'json'));
  assert.ok(!isSupported('C:\\app\\cdktf.out\\stacks\\app\\cdk.tf.json'));
  assert.ok(!isSupported('file:///m/main.tf.json', 'plaintext'));
});

test('hover on a key of a .tf.json file, primary or override: the Markdown a .tf file shows for the same argument or block', () => {
  const hoverAt = (uri: string, text: string, line: number, character: number) => {
    const { file } = analyse(text, uri);
    const loc = file.locate({ line, character });
    return loc && hover(loc.instance, loc.rel, defaultSchemas());
  };
  const hcl = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bfd_multi_hop = 300\n  timeouts {\n    create = "5m"\n  }\n}\n';
  for (const uri of ['file:///m/main.tf.json', 'file:///m/override.tf.json']) {
    // The argument's key, the nested block's key, a key inside it, the resource type.
    const cases: [number, number, number, number][] = [
      [3, 4, 1, 3],
      [5, 4, 2, 3],
      [6, 6, 3, 5],
      [0, 30, 0, 12],
    ];
    for (const [jl, jc, hl, hc] of cases) {
      const json = hoverAt(uri, PEER, jl, jc);
      const tf = hoverAt('file:///m/main.tf', hcl, hl, hc);
      assert.ok(json && tf, `${uri} ${jl}:${jc}`);
      assert.equal(json.markdown, tf.markdown);
    }
    // Placed on the key written, quotes included.
    assert.deepEqual(hoverAt(uri, PEER, 3, 4)!.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 17 } });
    // A value, and a key the resource does not have, show nothing.
    assert.equal(hoverAt(uri, PEER, 3, 20), undefined);
    assert.equal(hoverAt(uri, PEER, 4, 5), undefined);
  }
});

test('a dynamic "timeouts" block in JSON is read as HCL\'s: its content checked as a timeouts block, nothing missing, its iterator no reference', () => {
  const dynamic = (content: string, label = 'timeouts', iterator = '') =>
    [
      '{"resource": {"alicloud_vpc_bgp_peer": {"p": {',
      '  "bgp_group_id": "bgpg-1",',
      `  "dynamic": {"${label}": {"for_each": "\${var.t}",${iterator} "content": {${content}}}},`,
      '  "provisioner": {"local-exec": {"command": "echo"}}',
      '}}}}',
    ].join('\n');
  assert.deepEqual(findings(dynamic('"create": "${timeouts.value.create}"')), []);
  assert.deepEqual(findings(dynamic('"create": "${t.value}"', 'timeouts', ' "iterator": "t",')), []);
  assert.deepEqual(findings(dynamic('"craete": "5m", "delete": "5 minutes"')), ['2:63-71 unknown-argument', '2:89-100 invalid-duration']);
  assert.deepEqual(findings(dynamic('"create": "5m"', 'timeout')), ['2:14-23 unknown-block']);
  // The content's keys hover as the timeouts block's, the label as the block.
  const { file } = analyse(dynamic('"create": "5m"'), 'file:///m/main.tf.json');
  const at = (character: number) => {
    const loc = file.locate({ line: 2, character })!;
    return hover(loc.instance, loc.rel, defaultSchemas())?.markdown;
  };
  const tf = analyse('resource "alicloud_vpc_bgp_peer" "p" {\n  timeouts {\n    create = "5m"\n  }\n}\n').file;
  const inTf = (line: number, character: number) => {
    const loc = tf.locate({ line, character })!;
    return hover(loc.instance, loc.rel, defaultSchemas())?.markdown;
  };
  assert.ok(at(66));
  assert.equal(at(66), inTf(2, 5));
  assert.equal(at(16), inTf(1, 4));
});

test('a dynamic "timeouts" block of an override file in JSON replaces the timeouts of the block it overrides, as in HCL', () => {
  const base = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  timeouts {\n    create = "5 minutes"\n  }\n}\n';
  const override = (text: string) => [{ uri: 'file:///m/override.tf.json', text }];
  const codes = (others: { uri: string; text: string }[]) => analyse(base, 'file:///m/main.tf', others).diagnostics.map((d) => d.code);
  assert.deepEqual(codes(override('{"resource": {"alicloud_vpc_bgp_peer": {"p": {"enable_bfd": false}}}}')), ['invalid-duration']);
  assert.deepEqual(codes(override('{"resource": {"alicloud_vpc_bgp_peer": {"p": {"dynamic": {"timeouts": {"for_each": "${var.t}", "content": {"create": "5m"}}}}}}}')), []);
});

/** Each fix of `json` (as `main.tf.json` beside `others`), named `block code: title`, applied: the text it leaves. */
function fixed(json: string, others: { uri: string; text: string }[] = [], uri = 'file:///m/main.tf.json'): Map<string, string> {
  const { file, ctx } = analyse(json, uri, others);
  const out = new Map<string, string>();
  for (const { value: f, base } of file.findingsAt({ start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } }, ctx)) {
    for (const fix of f.fixes) {
      const edits = file.writer.render(fix.edits, f.instance!, { base, lineText: (l) => file.lineText(l) });
      // Edits that overlap are refused by the client (LSP: a workspace edit's edits never overlap).
      const at = (p: { line: number; character: number }) => p.line * 1e6 + p.character;
      const sorted = [...edits].sort((a, b) => at(a.range.start) - at(b.range.start));
      for (let i = 1; i < sorted.length; i++) assert.ok(at(sorted[i - 1].range.end) <= at(sorted[i].range.start), `${fix.title}: edits overlap`);
      const text = applyEdits(json, edits);
      JSON.parse(text); // still JSON
      out.set(`${f.instance?.name} ${f.code}: ${fix.title}`, text);
    }
  }
  return out;
}

const GROUP = { uri: 'file:///m/group.tf', text: 'resource "alicloud_vpc_bgp_group" "g" {\n  router_id  = "vbr-1"\n  peer_asn   = 65010\n  ip_version = "IPv4"\n}\n' };

test('quick fixes in a .tf.json file are written in JSON: a value replaced, a key renamed, a member removed with its comma, a missing argument added', () => {
  const lines = (...l: string[]) => l.join('\n');
  const peer = lines(
    '{',
    '  "resource": {',
    '    "alicloud_vpc_bgp_peer": {',
    '      "p": {',
    '        "enable_bfd": true,',
    '        "bfd_multi_hop": 300,',
    '        "status": "Available",',
    '        "timeouts": [{"create": "5m"}, {"craete": "6m"}]',
    '      },',
    '      "q": {"bgp_group_id": "bgpg-1", "bfd_multihop": 3, "status": "x"}',
    '    }',
    '  }',
    '}',
  );
  const all = fixed(peer, [GROUP]);
  const p = (...body: string[]) => lines('{', '  "resource": {', '    "alicloud_vpc_bgp_peer": {', '      "p": {', ...body, '      },', '      "q": {"bgp_group_id": "bgpg-1", "bfd_multihop": 3, "status": "x"}', '    }', '  }', '}');
  const written = ['        "enable_bfd": true,', '        "bfd_multi_hop": 300,', '        "status": "Available",', '        "timeouts": [{"create": "5m"}, {"craete": "6m"}]'];
  assert.equal(all.get('p value-out-of-range: Clamp to 255'), p(written[0], '        "bfd_multi_hop": 255,', written[2], written[3]));
  // A member with its lines; the last member of a line with the comma before it.
  assert.equal(all.get('p read-only-argument: Remove status'), p(written[0], written[1], written[3]));
  assert.equal(all.get('p missing-required: Add bgp_group_id = alicloud_vpc_bgp_group.g.id'), p(...written.slice(0, 3), written[3] + ',', '        "bgp_group_id": "${alicloud_vpc_bgp_group.g.id}"'));
  // A block repeated in a list: the element goes, with its comma.
  assert.equal(all.get('p duplicate-block: Remove this timeouts block'), p(...written.slice(0, 3), '        "timeouts": [{"create": "5m"}]'));
  const q = (body: string) => peer.replace('{"bgp_group_id": "bgpg-1", "bfd_multihop": 3, "status": "x"}', body);
  assert.equal(all.get('q unknown-argument: Rename to "bfd_multi_hop"'), q('{"bgp_group_id": "bgpg-1", "bfd_multi_hop": 3, "status": "x"}'));
  assert.equal(all.get('q read-only-argument: Remove status'), q('{"bgp_group_id": "bgpg-1", "bfd_multihop": 3}'));
  // An empty body, on one line and over two: the argument between the braces, at the file's indentation.
  assert.equal(fixed('{"resource": {"alicloud_vpc_bgp_peer": {"p": {}}}}', [GROUP]).get('p missing-required: Add bgp_group_id = alicloud_vpc_bgp_group.g.id'), '{"resource": {"alicloud_vpc_bgp_peer": {"p": {"bgp_group_id": "${alicloud_vpc_bgp_group.g.id}"}}}}');
  assert.equal(
    fixed('{\n    "resource": {\n        "alicloud_vpc_bgp_peer": {\n            "p": {\n            }\n        }\n    }\n}\n', [GROUP]).get('p missing-required: Add bgp_group_id = alicloud_vpc_bgp_group.g.id'),
    '{\n    "resource": {\n        "alicloud_vpc_bgp_peer": {\n            "p": {\n                "bgp_group_id": "${alicloud_vpc_bgp_group.g.id}"\n            }\n        }\n    }\n}\n',
  );
});

test('a member removed from a one-line body takes the comma after it, or before it when it is the last', () => {
  const one = (body: string) => `{"resource": {"alicloud_vpc_bgp_peer": {"q": ${body}}}}`;
  assert.equal(fixed(one('{"status": "x", "bgp_group_id": "bgpg-1"}')).get('q read-only-argument: Remove status'), one('{"bgp_group_id": "bgpg-1"}'));
  assert.equal(fixed(one('{"bgp_group_id": "bgpg-1", "status": "x"}')).get('q read-only-argument: Remove status'), one('{"bgp_group_id": "bgpg-1"}'));
  assert.equal(fixed(one('{\n  "bgp_group_id": "bgpg-1",\n  "status": "x"\n}')).get('q read-only-argument: Remove status'), one('{\n  "bgp_group_id": "bgpg-1"\n}'));
});

test('a fix in a .tf.json file that would trade its error for another is withheld, as in a .tf file', () => {
  const peer = (v: string) => `{"resource": {"alicloud_vpc_bgp_peer": {"p": {"bgp_group_id": "\${alicloud_vpc_bgp_group.g.id}", "peer_ip_address": "fd00::2", "ip_version": "${v}"}}}}`;
  // The IPv4 group pulls ip_version back: "Set ip_version = IPv6" would make the peer disagree with its group.
  assert.deepEqual([...fixed(peer('IPv4'), [GROUP]).keys()].filter((k) => k.startsWith('p ip-version-mismatch')), []);
  const v6 = { ...GROUP, text: GROUP.text.replace('"IPv4"', '"IPv6"') };
  assert.equal(fixed(peer('IPv4'), [v6]).get('p ip-version-mismatch: Set ip_version = "IPv6"'), peer('IPv6'));
});

test('a "//" property of a block body is a comment, as Terraform reads JSON: no unknown argument, and a fix keeps it', () => {
  const json = '{"//": "top", "resource": {"alicloud_vpc_bgp_peer": {"p": {"//": "why 300", "bgp_group_id": "${alicloud_vpc_bgp_group.g.id}", "enable_bfd": true, "bfd_multi_hop": 300, "timeouts": {"//": "c", "create": "5m"}, "dynamic": {"timeouts": {"//": "d", "for_each": "${var.t}", "content": {"//": "e", "create": "5m"}}}}}}}';
  assert.deepEqual(findings(json, [GROUP]), ['0:163-166 value-out-of-range']);
  assert.equal(fixed(json, [GROUP]).get('p value-out-of-range: Clamp to 255'), json.replace('"bfd_multi_hop": 300', '"bfd_multi_hop": 255'));
});

test('a fix removing an argument written twice in a .tf.json body removes both members as one edit, and leaves JSON', () => {
  const one = (body: string) => `{"resource": {"alicloud_vpc_bgp_peer": {"p": ${body}}}}`;
  const all = fixed(one('{"bgp_group_id": "${alicloud_vpc_bgp_group.g.id}", "bfd_multi_hop": 300, "bfd_multi_hop": 3}'), [GROUP]);
  assert.equal(all.get('p bfd-multi-hop-without-bfd: Remove bfd_multi_hop'), one('{"bgp_group_id": "${alicloud_vpc_bgp_group.g.id}"}'));
  const lines = fixed(one('{\n  "bfd_multi_hop": 3,\n  "bgp_group_id": "${alicloud_vpc_bgp_group.g.id}",\n  "bfd_multi_hop": 4,\n  "bfd_multi_hop": 5\n}'), [GROUP]);
  assert.equal(lines.get('p bfd-multi-hop-without-bfd: Remove bfd_multi_hop'), one('{\n  "bgp_group_id": "${alicloud_vpc_bgp_group.g.id}"\n}'));
});

test('a value nested thousands deep in a .tf.json or .tfvars.json file (valid JSON) is read without overflowing the stack', () => {
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
  for (const n of [5000, 100000]) {
    assert.deepEqual(findings(`{"resource": {"alicloud_vpc_bgp_peer": {"p": {"bgp_group_id": "\${alicloud_vpc_bgp_group.g.id}", "enable_bfd": true, "bfd_multi_hop": 300, "description": ${deep(n)}}}}}`, [GROUP]), ['0:133-136 value-out-of-range', '0:138-151 unknown-argument']);
    const vars = analyse(`{"hops": 3, "deep": ${deep(n)}}`, 'file:///m/terraform.tfvars.json', [{ uri: 'file:///m/variables.tf', text: 'variable "hops" {\n  type = string\n}\nvariable "deep" {}\n' }]);
    assert.deepEqual(vars.diagnostics.map((d) => d.code), []);
  }
  // What follows such a value is placed where it is written: its brackets in strings, escaped quotes and lines counted.
  const tricky = '['.repeat(100) + '"]\\"}[",\n{"a\\"": ["]"]}' + ']'.repeat(100);
  assert.deepEqual(findings(`{"resource": {"alicloud_vpc_bgp_peer": {"p": {"bgp_group_id": "\${alicloud_vpc_bgp_group.g.id}", "enable_bfd": true, "description": ${tricky},\n "bfd_multi_hop": 300}}}}`, [GROUP]), ['0:116-129 unknown-argument', '2:18-21 value-out-of-range']);
});

test('blocks written as a list in a .tf.json body: each one past the first is placed on its own object, so repeats are told apart', () => {
  const json = '{"resource": {"alicloud_vpc_bgp_peer": {"p": {"bgp_group_id": "${alicloud_vpc_bgp_group.g.id}", "timeouts": [{"create": "5m"}, {"create": "6m"}, {"create": "7m"}]}}}}';
  assert.deepEqual(findings(json, [GROUP]), ['0:127-128 duplicate-block', '0:145-146 duplicate-block']);
  // Each finding's fix removes its own object.
  const { file, ctx } = analyse(json, 'file:///m/main.tf.json', [GROUP]);
  const removed = file.findingsAt({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, ctx).map(({ value: f, base }) => {
    const edits = file.writer.render(f.fixes[0].edits, f.instance!, { base, lineText: (l) => file.lineText(l) });
    return `${f.range.start.character} ${applyEdits(json, edits)}`;
  });
  assert.deepEqual(removed.sort(), [`127 ${json.replace(', {"create": "6m"}', '')}`, `145 ${json.replace(', {"create": "7m"}', '')}`]);
});

test('a resource written as a list of bodies in a .tf.json file: each body past the first is placed on its own object', () => {
  const json = '{"resource": {"alicloud_vpc_bgp_peer": {"p": [{"bgp_group_id": "${alicloud_vpc_bgp_group.g.id}"}, {"status": "x"}]}}}';
  // Declared twice, once per body; the second lacks its group, said of it and not of the first.
  assert.deepEqual(findings(json, [GROUP]), ['0:40-43 duplicate-declaration', '0:98-99 duplicate-declaration', '0:98-99 missing-required', '0:99-107 read-only-argument']);
});
