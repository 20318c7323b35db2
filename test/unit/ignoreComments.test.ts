/** `alicloud-bgp-ignore` comments read from one line: only a comment silences, not the same words in a string. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ignoreCommentIn, isIgnored } from '../../server/src/engine/ignoreComments';

test('an ignore comment is read after the code of its line, also after strings holding quotes or #', () => {
  assert.deepEqual(ignoreCommentIn('  x = 300 # alicloud-bgp-ignore: a, b -- why', 'hcl')?.codes, ['a', 'b']);
  assert.deepEqual(ignoreCommentIn('  d = "a # b" // alicloud-bgp-ignore: a', 'hcl')?.codes, ['a']);
  assert.deepEqual(ignoreCommentIn("  bfd_multi_hop=300,  # alicloud-bgp-ignore: a", 'python')?.codes, ['a']);
  assert.deepEqual(ignoreCommentIn('  s: "it\'s", // don\'t alicloud-bgp-ignore: x // alicloud-bgp-ignore: a', 'typescript')?.codes, ['a']);
  assert.deepEqual(ignoreCommentIn('  r := \'"\' /* alicloud-bgp-ignore: a */', 'go')?.codes, ['a']);
});

test('the words of an ignore comment inside a string silence nothing', () => {
  assert.equal(ignoreCommentIn('  description = "x # alicloud-bgp-ignore: all"', 'hcl'), undefined);
  assert.equal(ignoreCommentIn('  "description": "# alicloud-bgp-ignore: all",', 'hcl'), undefined);
  assert.equal(ignoreCommentIn("  description='x # alicloud-bgp-ignore: all',", 'python'), undefined);
  assert.equal(ignoreCommentIn('  description: `see http://alicloud-bgp-ignore: all`,', 'typescript'), undefined);
  assert.equal(ignoreCommentIn('  .description("a \\" // alicloud-bgp-ignore: all")', 'java'), undefined);
  const lines = ['  description   = "see # alicloud-bgp-ignore: all"', '  bfd_multi_hop = 300'];
  assert.equal(isIgnored('value-out-of-range', 1, (l) => lines[l], 'hcl'), false);
  assert.equal(isIgnored('unknown-argument', 0, (l) => lines[l], 'hcl'), false);
});
