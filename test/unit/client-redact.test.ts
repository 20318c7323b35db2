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
  // Outside document text (a log line, another field), tab- or line-indented keys too.
  const message = JSON.stringify({ note: 'resource "alicloud_vpc_bgp_group" "g" {\n  auth_key = "a\\"b s3cret"\n\tAuthKey:  jsii.String("t4b"),\n\tauth_key  = "t5b"\n}\n' });
  const out = redactSecrets(message);
  for (const secret of ['s3cret', 't4b', 't5b']) assert.ok(!out.includes(secret), out);
  assert.match(out, /auth_key = \\"\*\*\*\\"/);
  assert.equal(redactSecrets('"{\\"authKey\\": \\"s3cret\\"}"').includes('s3cret'), false);
});

test('document text is left out of a traced message whole: a value typed or pasted alone, a heredoc, a variable', () => {
  const params = {
    textDocument: { uri: 'file:///m/main.tf', version: 2 },
    contentChanges: [
      { range: { start: { line: 3, character: 14 }, end: { line: 3, character: 14 } }, text: 'Zq7SECRETx3' },
      { text: 'variable "bgp_auth_key" {\n  default = "Zq7SECRETx4"\n}\nauth_key = <<-EOT\n  Zq7SECRETx5\n  EOT\n' },
    ],
  };
  const out = redactSecrets(`Params: ${JSON.stringify(params, null, 4)}`);
  assert.ok(!/Zq7SECRETx/.test(out), out);
  assert.match(out, /"text": "\(11 characters of document text, not traced\)"/);
  assert.match(out, /"uri": "file:\/\/\/m\/main.tf"/, 'the rest of the message stays');
});

test('references and variables are left as they are; other text is untouched', () => {
  assert.equal(redactSecrets('  auth_key = var.bgp_auth_key'), '  auth_key = var.bgp_auth_key');
  assert.equal(redactSecrets('peer_asn = 65010, description = "x"'), 'peer_asn = 65010, description = "x"');
});
