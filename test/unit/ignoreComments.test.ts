/** `alicloud-bgp-ignore` comments read from one line: only a comment silences, not the same words in a string. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ignoreCommentIn, ignoreEdit, isIgnored, withoutIgnored, type Lines } from '../../server/src/engine/ignoreComments';
import type { Language } from '../../server/src/model/types';
import { analyse } from './inline';

/** The lines of a text as the reader reads a file's, with no lexer to ask. */
const linesOf = (lines: string[], language: Language = 'hcl'): Lines => ({ language, lineText: (l) => lines[l] ?? '' });

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
  assert.equal(isIgnored('value-out-of-range', 1, linesOf(lines)), false);
  assert.equal(isIgnored('unknown-argument', 0, linesOf(lines)), false);
});

/** `lines` with the quick fix's edit for `code` on `line` applied (undefined: no fix). */
function fixed(language: Language, lines: string[], line: number, code = 'value-out-of-range'): string | undefined {
  const e = ignoreEdit(linesOf(lines, language), code, line, '\n');
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

/** The codes `text` publishes once ignore comments are applied, as the server and the CLI publish them. */
function published(text: string, uri: string): string[] {
  const { file, diagnostics } = analyse(text, uri);
  return withoutIgnored(diagnostics, file).map((d) => String(d.code));
}

test('the words written inside a string that spans lines silence nothing: the lexer knows the line is in it', () => {
  const peer = (group: string) => `resource "alicloud_vpc_bgp_peer" "p" {\n  enable_bfd    = true\n${group}  bfd_multi_hop = 300\n}\n`;
  // A real comment, which the lexer recorded, silences the line below it.
  assert.deepEqual(published(peer('  bgp_group_id  = "bgpg-1"\n  # alicloud-bgp-ignore: all\n'), 'file:///a/main.tf'), []);
  // The text of a quoted string continued after a `${` that spans lines.
  assert.deepEqual(published(peer('  bgp_group_id  = "bgpg-${\n  "1"} # alicloud-bgp-ignore: all"\n'), 'file:///a/main.tf'), ['value-out-of-range']);
  // A heredoc's line holding a finding of its own: a reference in its template.
  const heredoc = (lines: string) => `resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = <<EOT\n${lines}\nEOT\n}\n`;
  assert.deepEqual(published(heredoc('${alicloud_vpc_bgp_group.nope.id} # alicloud-bgp-ignore: all'), 'file:///a/main.tf'), ['undeclared-reference']);
  assert.deepEqual(published(heredoc('# alicloud-bgp-ignore: all\n${alicloud_vpc_bgp_group.nope.id}'), 'file:///a/main.tf'), ['undeclared-reference']);

  const cases: [string, string, string][] = [
    [
      'typescript',
      'main.ts',
      'import { VpcBgpPeer } from "./.gen/providers/alicloud/vpc-bgp-peer";\nnew VpcBgpPeer(this, "p", {\n  enableBfd: true,\n  bgpGroupId: `bgpg-1\n  // alicloud-bgp-ignore: all`,\n  bfdMultiHop: 300,\n});\n',
    ],
    [
      'python',
      'main.py',
      'from imports.alicloud.vpc_bgp_peer import VpcBgpPeer\nVpcBgpPeer(self, "p", enable_bfd=True, bgp_group_id="""bgpg-1\n# alicloud-bgp-ignore: all""",\n    bfd_multi_hop=300)\n',
    ],
    [
      'go',
      'main.go',
      'package main\n\nimport "cdk.tf/go/stack/generated/aliyun/alicloud/vpcbgppeer"\n\nfunc f() {\n\tvpcbgppeer.NewVpcBgpPeer(stack, jsii.String("p"), &vpcbgppeer.VpcBgpPeerConfig{\n\t\tEnableBfd: jsii.Bool(true),\n\t\tBgpGroupId: jsii.String(`bgpg-1\n// alicloud-bgp-ignore: all`),\n\t\tBfdMultiHop: jsii.Number(300),\n\t})\n}\n',
    ],
    [
      'csharp',
      'Main.cs',
      'using Alicloud.VpcBgpPeer;\nclass S {\n  S() {\n    new VpcBgpPeer(this, "p", new VpcBgpPeerConfig {\n      EnableBfd = true,\n      BgpGroupId = @"bgpg-1\n// alicloud-bgp-ignore: all",\n      BfdMultiHop = 300\n    });\n  }\n}\n',
    ],
  ];
  for (const [language, name, text] of cases) {
    // The finding the words would silence if they were a comment is published.
    assert.deepEqual(published(text, `file:///a/${name}`), ['value-out-of-range'], language);
    // A real comment in their place silences it.
    const mark = /(?:\/\/|#) alicloud-bgp-ignore: all/.exec(text)![0];
    const asComment = text.replace(mark, '').replace(/(bfd_multi_hop|bfdMultiHop|BfdMultiHop)/, `${language === 'python' ? '#' : '//'} alicloud-bgp-ignore: all\n$1`);
    assert.deepEqual(published(asComment, `file:///a/${name}`), [], `${language}, as a comment`);
  }
});
