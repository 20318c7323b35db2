/** `alicloud-bgp-ignore` comments read from one line: only a comment silences, not the same words in a string. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ignoreCommentIn, ignoreEdit, isIgnored } from '../../server/src/engine/ignoreComments';

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

/** `lines` with the quick fix's edit for `code` on `line` applied (undefined: no fix). */
function fixed(language: Parameters<typeof ignoreEdit>[0], lines: string[], line: number, code = 'value-out-of-range'): string | undefined {
  const e = ignoreEdit(language, code, line, (l) => lines[l] ?? '', '\n');
  if (!e) return undefined;
  const text = lines.join('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
}

test('after a Python backslash continuation the comment ends the line: a comment line there would end the statement', () => {
  assert.equal(fixed('python', ['peer.bfd_multi_hop = \\', '    300'], 1), 'peer.bfd_multi_hop = \\\n    300  # alicloud-bgp-ignore: value-out-of-range');
  // A line continued itself can hold no comment at all.
  assert.equal(fixed('python', ['peer.bfd_multi_hop = \\', '    300 + \\', '    1'], 1), undefined);
  // Without a backslash, a comment line above, as in every language.
  assert.equal(fixed('python', ['peer = VpcBgpPeer(self, "p",', '    bfd_multi_hop=300)'], 1), 'peer = VpcBgpPeer(self, "p",\n    # alicloud-bgp-ignore: value-out-of-range\n    bfd_multi_hop=300)');
});

test('the quick fix extends an ignore comment alone on the line above, never one after code, which would silence that line too', () => {
  assert.equal(fixed('hcl', ['  # alicloud-bgp-ignore: a -- lab', '  bfd_multi_hop = 300'], 1), '  # alicloud-bgp-ignore: a, value-out-of-range -- lab\n  bfd_multi_hop = 300');
  assert.equal(
    fixed('hcl', ['  keepalive_time = 0 # alicloud-bgp-ignore: a', '  bfd_multi_hop  = 300'], 1),
    '  keepalive_time = 0 # alicloud-bgp-ignore: a\n  # alicloud-bgp-ignore: value-out-of-range\n  bfd_multi_hop  = 300',
  );
});

test('a backslash escapes nothing in a Go raw string or a C# verbatim string: the comment after it is read', () => {
  assert.deepEqual(ignoreCommentIn('\tp.SetDescription(jsii.String(`C:\\`)) // alicloud-bgp-ignore: a', 'go')?.codes, ['a']);
  assert.deepEqual(ignoreCommentIn('  Description = @"C:\\", // alicloud-bgp-ignore: a', 'csharp')?.codes, ['a']);
  assert.deepEqual(ignoreCommentIn('  Description = $@"{x}\\", // alicloud-bgp-ignore: a', 'csharp')?.codes, ['a']);
  // Elsewhere a backslash escapes the quote after it.
  assert.equal(ignoreCommentIn('  Description = "C:\\", // alicloud-bgp-ignore: a', 'csharp'), undefined);
});
