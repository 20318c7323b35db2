// auth_key is a secret: no finding, fix title, hover or completion ever shows its value.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { complete } from '../../server/src/analysis/completion';
import { hover } from '../../server/src/analysis/hover';
import { defaultSchemas } from '../../server/src/schema/registry';
import { analyse, cursor } from './inline';

const SECRET = 'Sup3r-Secret-Md5-Key';
const cases = [
  `resource "alicloud_vpc_bgp_group" "g" {\n  auth_key  = "${SECRET}"\n}\n`,
  `resource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  peer_asn  = 1\n  auth_key  = "${SECRET}"\n  auth_key  = "${SECRET}"\n  auth_kye  = "${SECRET}"\n}\n`,
  `resource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  peer_asn  = 1\n  auth_key  = ["${SECRET}"]\n}\n`,
  `resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "bgpg-1"\n  auth_key     = "${SECRET}"\n}\n`,
  // Unquoted: a bare word (Terraform: "Invalid reference"), and inside an unclosed interpolation.
  `resource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  peer_asn  = 1\n  auth_key  = ${SECRET.replace(/-/g, '_')}\n}\n`,
  `resource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  peer_asn  = 1\n  auth_key  = "\${${SECRET.replace(/-/g, '_')}"\n}\n`,
];

test('no diagnostic, fix title, hover or completion contains the auth_key value', () => {
  for (const text of cases) {
    const { file, ctx, diagnostics } = analyse(text);
    assert.ok(diagnostics.length > 0 || text === cases[0], 'the cases do produce findings');
    for (const d of diagnostics) {
      assert.ok(!d.message.includes(SECRET) && !d.message.includes(SECRET.replace(/-/g, '_')), d.message);
      for (const placed of file.findingsAt(d.range, ctx)) for (const fix of placed.value.fixes) assert.ok(!fix.title.includes(SECRET) && !fix.title.includes(SECRET.replace(/-/g, '_')), fix.title);
    }
    const lines = text.split('\n');
    for (let line = 0; line < lines.length; line++) {
      for (let character = 0; character <= lines[line].length; character++) {
        const loc = file.locate({ line, character });
        const h = loc && hover(loc.instance, loc.rel, defaultSchemas());
        if (h) assert.ok(!h.markdown.includes(SECRET), h.markdown);
      }
    }
  }
  const { text, pos } = cursor(`resource "alicloud_vpc_bgp_group" "g" {\n  auth_key = "${SECRET}"\n  |\n}\n`);
  const { file, ctx } = analyse(text);
  const at = file.cursorContext(pos)!;
  for (const item of complete(at.cursor, ctx, file.completionWriter)) {
    assert.ok(!JSON.stringify(item).includes(SECRET), item.label);
  }
});

test('a syntax error after a secret value does not quote what follows it: it may be the rest of the secret', () => {
  const broken = [
    `resource "alicloud_vpc_bgp_group" "g" {\n  router_id = "vbr-1"\n  peer_asn  = 65010\n  auth_key  = "Pa55"w0rdTail\n}\n`,
    `resource "alicloud_vpc_bgp_group" "g" {\n  auth_key  = "abc" w0rdTail 42\n}\n`,
    `resource "alicloud_vpc_bgp_group" "g" {\n  auth_key w0rdTail\n}\n`,
    // Inside the value itself: an interpolation, a list, a call, an object.
    `resource "alicloud_vpc_bgp_group" "g" {\n  auth_key = "Pa55\${w0rd w0rdTail}"\n}\n`,
    `resource "alicloud_vpc_bgp_group" "g" {\n  auth_key = ["Pa55" w0rdTail]\n}\n`,
    `resource "alicloud_vpc_bgp_group" "g" {\n  auth_key = f("Pa55" w0rdTail)\n}\n`,
    `resource "alicloud_vpc_bgp_group" "g" {\n  auth_key = { a = "Pa55" w0rdTail }\n}\n`,
  ];
  for (const text of broken) {
    const { diagnostics } = analyse(text);
    assert.ok(diagnostics.some((d) => d.code === 'syntax-error'), text);
    for (const d of diagnostics) assert.ok(!d.message.includes('w0rdTail'), d.message);
  }
  const { diagnostics } = analyse(`bgp_auth_key = "ab"w0rdTail\n`, 'file:///x.tfvars');
  for (const d of diagnostics) assert.ok(!d.message.includes('w0rdTail'), d.message);
});
