// The trace channel never shows an auth_key (client/src/redact.ts), however the source spells it and even
// inside JSON-escaped LSP messages.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { redactSecrets } from '../../client/src/redact';

test('auth_key values are masked in every source language', () => {
  const cases: [string, string][] = [
    ['  auth_key = "s3cret"', '  auth_key = "***"'],
    ['  auth_key       = "s3cret" # md5', '  auth_key       = "***" # md5'],
    ['authKey: "s3cret",', 'authKey: "***",'],
    ["auth_key='s3cret',", "auth_key='***',"],
    ['AuthKey = "s3cret",', 'AuthKey = "***",'],
    ['AuthKey: jsii.String("s3cret"),', 'AuthKey: jsii.String("***"),'],
    ['        .authKey("s3cret")', '        .authKey("***")'],
  ];
  for (const [input, want] of cases) assert.equal(redactSecrets(input), want, input);
});

test('inside a JSON-escaped message (what the trace shows), and with escaped quotes in the value', () => {
  const message = JSON.stringify({ textDocument: { text: 'resource "alicloud_vpc_bgp_group" "g" {\n  auth_key = "a\\"b s3cret"\n}\n' } });
  const out = redactSecrets(message);
  assert.ok(!out.includes('s3cret'), out);
  assert.match(out, /auth_key = \\"\*\*\*\\"/);
  assert.equal(redactSecrets('"{\\"authKey\\": \\"s3cret\\"}"').includes('s3cret'), false);
});

test('references and variables are left as they are; other text is untouched', () => {
  assert.equal(redactSecrets('  auth_key = var.bgp_auth_key'), '  auth_key = var.bgp_auth_key');
  assert.equal(redactSecrets('peer_asn = 65010, description = "x"'), 'peer_asn = 65010, description = "x"');
});
