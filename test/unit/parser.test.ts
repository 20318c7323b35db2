// The HCL parser: exact ranges, every construct the corpus uses, and recovery that confines half-typed code.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HclDocument } from '../../server/src/syntax/hcl/document';
import { flushHeredoc, parseChunks } from '../../server/src/syntax/hcl/parser';
import { instancesOf } from '../../server/src/syntax/hcl/toModel';
import { plainRange } from '../../server/src/model/span';
import { Interner, Lexer } from '../../server/src/syntax/hcl/lexer';
import { narrowTexts } from '../../server/src/syntax/hcl/narrow';
import { T } from '../../server/src/syntax/hcl/tokens';
import type { AttributeNode, BlockNode } from '../../server/src/syntax/hcl/ast';
import { prng } from '../helpers/random';
import { actual } from './inline';

const corpus = path.resolve(__dirname, '../../../shared/corpus');

function errors(text: string): string[] {
  return parseChunks(text).chunks.flatMap((c) => c.errors.map((e) => `${e.range.start.line + c.startLine}: ${e.message}`));
}

test('every construct of the HCL native syntax parses without error', () => {
  const text = `
locals {
  peers = { for k, v in var.peers : k => v if v.enabled }
  ids   = [for p in alicloud_vpc_bgp_peer.all : p.id]
  first = alicloud_vpc_bgp_peer.all[*].id
  legacy = data.alicloud_express_connect_physical_connections.pc.connections.0.id
  attr  = alicloud_vpc_bgp_peer.all.*.id
  cond  = var.on ? 1 : null
  call  = concat(var.a, var.b...)
  neg   = -1.5e3 + 2 * (3 % 2) >= 1 && !false || true
  obj   = { "quoted" = 1, bare: 2, (var.k) = 3 }
  tpl   = "a \${var.b} %{ if var.c }yes%{ else }no%{ endif } $\${literal} \\"q\\" é 中文 😀"
  fn    = provider::terraform::encode_tfvars({})
}
/* block
   comment */ # hash
// slashes
variable "doc" {
  description = <<EOF
{"json": "\${inside}", "braces": { }}
EOF
  default = <<-EOT
    indented %{ for x in [1] }\${x}%{ endfor }
    EOT
}
resource "alicloud_vpc_bgp_peer" "p" {
  dynamic "timeouts" {
    for_each = var.t
    content { create = timeouts.value }
  }
}
`;
  assert.deepEqual(errors(text), []);
});

test('every file of the real-world corpus parses (except the Go template excerpt, which is not HCL)', () => {
  for (const f of fs.readdirSync(corpus).filter((n) => /\.(tf|tfvars)$/.test(n))) {
    const errs = errors(fs.readFileSync(path.join(corpus, f), 'utf8'));
    if (f.includes('_test.go.EXCERPT')) assert.ok(errs.length > 0, `${f} should report its %s placeholders`);
    else assert.deepEqual(errs, [], f);
  }
});

test('a <<- heredoc loses the indentation of its least-indented line, blank lines aside (as terraform console shows)', () => {
  // A line of blanks neither counts nor changes; a tab is one character like a space.
  assert.equal(flushHeredoc('      x\n   \n        y\n\n'), 'x\n   \n  y\n\n');
  assert.equal(flushHeredoc('\t  tab\n\t  tab2\n'), 'tab\ntab2\n');
  assert.equal(flushHeredoc('  a\nb\n'), '  a\nb\n');
  const text = 'locals {\n  a = <<-EOT\n    one\n      two\n    EOT\n  b = <<EOT\n    kept\nEOT\n}\n';
  const [chunk] = parseChunks(text).chunks;
  const body = (chunk.items[0] as BlockNode).body as AttributeNode[];
  assert.deepEqual(body.map((a) => (a.expr?.type === 'Literal' ? a.expr.value : a.expr?.type)), ['one\n  two\n', '    kept\n']);
});

test('ranges are exact, in UTF-16 columns, after non-ASCII text', () => {
  const text = 'resource "alicloud_vpc_bgp_peer" "p" { # 中文 😀\n  bgp_group_id = "😀😀" # é\n  bfd_multi_hop = 1\n}\n';
  const [chunk] = parseChunks(text).chunks;
  const [inst] = instancesOf(chunk);
  const g = inst.attributes.find((a) => a.name === 'bgp_group_id')!;
  assert.deepEqual(plainRange(g.keyRange), { start: { line: 1, character: 2 }, end: { line: 1, character: 14 } });
  // Each emoji is two UTF-16 code units: "😀😀" with quotes spans 6 columns.
  assert.deepEqual(plainRange(g.valueRange), { start: { line: 1, character: 17 }, end: { line: 1, character: 23 } });
  assert.deepEqual(plainRange(inst.typeRange), { start: { line: 0, character: 9 }, end: { line: 0, character: 32 } });
});

test('a heredoc opener with whitespace after its marker is an error, as Terraform says, and still read as the heredoc meant', () => {
  // terraform validate: "Invalid expression" at the "<", then the lines below read as arguments. Reported once,
  // on the opener; the text below it, braces and quotes included, is not taken for arguments and blocks.
  const text = [
    'resource "alicloud_vpc_bgp_group" "g" {',
    '  router_id   = "vbr-1"',
    '  peer_asn    = 65010',
    '  description = <<-EOT \t ',
    '    {"a": "}"}',
    '    EOT',
    '  is_fake_asn = false',
    '}',
    'resource "alicloud_vpc_bgp_peer" "p" {',
    '  bgp_group_id  = alicloud_vpc_bgp_group.g.id',
    '  bfd_multi_hop = 300',
    '}',
    '',
  ].join('\n');
  assert.deepEqual(errors(text), [
    '3: Whitespace after "<<-EOT": a heredoc\'s opening marker must end its line (Terraform: "Invalid expression", and it reads the lines below as arguments)',
  ]);
  const found = actual(text);
  assert.deepEqual(found, ['10:18-21 value-out-of-range', '10:2-15 bfd-multi-hop-without-bfd', '3:16-25 syntax-error'], found.join('\n'));
  const [chunk] = parseChunks(text).chunks;
  const body = (chunk.items[0] as BlockNode).body as AttributeNode[];
  assert.deepEqual(body.map((a) => a.name), ['router_id', 'peer_asn', 'description', 'is_fake_asn']);
  assert.deepEqual(body[2].expr?.type === 'Literal' && body[2].expr.value, '{"a": "}"}\n');
  // Nothing but the newline (or \r\n) after the marker is a heredoc as before; other text after it is no heredoc.
  assert.deepEqual(errors('locals {\r\n  x = <<EOT\r\nhello\r\nEOT\r\n}\r\n'), []);
  assert.deepEqual(errors('locals {\n  x = <<EOT # c\nhello\nEOT\n}\n').length > 1, true);
});

test('identifiers are read by code point with Unicode ID_Start / ID_Continue, as HCL reads them (checked with terraform validate)', () => {
  // U+1D49C (a letter, outside the BMP) and U+1D7D9 (a digit) are identifier characters; an emoji is not, nor is
  // U+2E2F (a letter that is pattern syntax) at the start, nor a combining mark; U+00B7 and U+2118 are.
  const text = 'locals {\n  g𝒜 = 1\n  𝒜b = local.g𝒜\n  g𝟙 = 2\n  a·b = 3\n  ℘a = 4\n  a-b‿c = 5\n}\n';
  assert.deepEqual(errors(text), []);
  const [chunk] = parseChunks(text).chunks;
  const body = (chunk.items[0] as BlockNode).body as AttributeNode[];
  assert.deepEqual(body.map((a) => a.name), ['g𝒜', '𝒜b', 'g𝟙', 'a·b', '℘a', 'a-b‿c']);
  assert.deepEqual(body[1].expr?.type === 'Traversal' && [body[1].expr.root, ...body[1].expr.parts.map((p) => (p.type === 'Attr' ? p.name : ''))], ['local', 'g𝒜']);
  for (const bad of ['g😀 = 1', 'ⸯa = 1', '\u0301b = 1']) assert.ok(errors(`locals {\n  ${bad}\n}\n`).length > 0, bad);
  // A reference to a block whose name has one resolves to it: no syntax error, nothing undeclared.
  const group = 'resource "alicloud_vpc_bgp_group" "g𝒜" {\n  router_id = "vbr-1"\n  peer_asn  = 65010\n}\n';
  assert.deepEqual(actual(group + 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.g𝒜.id\n}\n'), []);
  // A heredoc marker is an identifier too.
  assert.deepEqual(errors('locals {\n  x = <<E𝒜\n  text\nE𝒜\n}\n'), []);
});

const peer = (name: string, body: string) => `resource "alicloud_vpc_bgp_peer" "${name}" {\n${body}\n}\n`;
const bad = peer('after', '  bgp_group_id  = "x"\n  bfd_multi_hop = 300');

test('an unterminated string ends at the end of its line and damages nothing else', () => {
  const text = peer('typing', '  bgp_group_id = "bgpg-1\n  enable_bfd = true') + bad;
  const found = actual(text);
  assert.ok(found.some((f) => f.endsWith('syntax-error') && f.startsWith('1:')), found.join('\n'));
  assert.ok(found.includes('6:18-21 value-out-of-range'), found.join('\n'));
});

test('an unclosed { does not swallow the following top-level blocks', () => {
  const text = peer('open', '  bgp_group_id = "x"\n  enable_bfd = true').replace(/}\n$/, '\n') + bad;
  const chunks = parseChunks(text).chunks;
  assert.equal(chunks.flatMap((c) => instancesOf(c)).length, 2);
  const found = actual(text);
  assert.ok(found.some((f) => f.startsWith('0:') && f.endsWith('syntax-error')), found.join('\n'));
  assert.ok(found.some((f) => f.endsWith('value-out-of-range')), found.join('\n'));
});

test('a key with no = yet does not steal the next line', () => {
  const text = peer('p', '  bfd_mu\n  bgp_group_id = "x"\n  enable_bfd   = "maybe"');
  const [inst] = instancesOf(parseChunks(text).chunks[0]);
  assert.deepEqual(inst.attributes.map((a) => [a.name, !!a.incomplete]), [['bfd_mu', true], ['bgp_group_id', false], ['enable_bfd', false]]);
  const found = actual(text);
  assert.ok(found.includes('3:17-24 type-mismatch'), found.join('\n'));
  assert.ok(!found.some((f) => f.endsWith('missing-required')), 'bgp_group_id is still seen');
});

test('an unclosed [ stops at the next argument line', () => {
  const text = peer('p', '  depends_on = [alicloud_vpc_bgp_group.g\n  bgp_group_id = "x"\n  bfd_multi_hop = 0');
  const found = actual(text);
  assert.ok(found.some((f) => f.endsWith('value-out-of-range')), found.join('\n'));
  assert.ok(!found.some((f) => f.endsWith('missing-required')), found.join('\n'));
});

test('deep nesting is reported, not a stack overflow', () => {
  const text = 'locals {\n  x = ' + '['.repeat(10000) + ']'.repeat(10000) + '\n}\n' + bad;
  const found = actual(text);
  assert.ok(found.some((f) => f.endsWith('value-out-of-range')), 'later blocks analysed');
});

test('thousands of unary operators are reported, not a stack overflow, and the rest is analysed', () => {
  for (const run of ['!'.repeat(12500) + 'true', '- '.repeat(12500) + '1']) {
    const text = 'locals {\n  x = ' + run + '\n  y = 1\n}\n' + bad;
    const errs = errors(text);
    assert.deepEqual(errs, ['1: Expression nested too deeply to analyse']);
    assert.ok(actual(text).some((f) => f.endsWith('value-out-of-range')), 'later blocks analysed');
  }
  // Pasted into a value and deleted again: the document still reads like the text.
  const doc = new HclDocument(peer('p', '  enable_bfd = true'));
  doc.update([{ range: { start: { line: 1, character: 15 }, end: { line: 1, character: 15 } }, text: '!'.repeat(12000) }]);
  doc.update([{ range: { start: { line: 1, character: 15 }, end: { line: 1, character: 15 + 12000 } }, text: '' }]);
  assert.equal(doc.text, peer('p', '  enable_bfd = true'));
});

test('unterminated heredocs and comments: each reported where it stops, a later closed one unaffected', () => {
  // Each one's missing terminator is searched for once per parse (see `noHeredocEnd` in lexer.ts): the answers
  // must be those of a search of its own. (A heredoc is reported where it stops: the next top-level block.)
  const open = (i: number) => `locals {\n  a${i} = <<EOT\n  text ${i}\n}\n`;
  const comment = (i: number) => `locals {\n  /* c${i}\n  b${i} = 1\n}\n`;
  const closed = 'locals {\n  z = <<EOF\n  fine\n  EOF\n}\n';
  const text = [open(0), comment(0), open(1), comment(1), closed, open(2)].join('');
  const lines = text.split('\n');
  const errs = errors(text).filter((e) => /Unterminated/.test(e));
  const at = (needle: string) => lines.findIndex((l) => l.includes(needle));
  assert.deepEqual(errs, [
    `${at('a0 =') + 3}: Unterminated heredoc: no line "EOT" closes it`,
    `${at('/* c0')}: Unterminated comment: "/*" has no closing "*/"`,
    `${at('a1 =') + 3}: Unterminated heredoc: no line "EOT" closes it`,
    `${at('/* c1')}: Unterminated comment: "/*" has no closing "*/"`,
    `${at('a2 =') + 3}: Unterminated heredoc: no line "EOT" closes it`,
  ]);
});

test('an edit re-parses only the edited block, and equals a fresh parse', () => {
  const blocks = Array.from({ length: 200 }, (_, i) => peer(`p${i}`, `  bgp_group_id = "g${i}"\n  bfd_multi_hop = ${i % 300}`)).join('');
  const doc = new HclDocument(blocks);
  const line = 100 * 4 + 2; // inside block 100
  doc.update([{ range: { start: { line, character: 18 }, end: { line, character: 18 } }, text: '9' }]);
  assert.ok(doc.lastReparsed <= 3, `re-parsed ${doc.lastReparsed} chunks`);
  const fresh = new HclDocument(doc.text);
  assert.deepEqual(JSON.stringify(doc.chunks), JSON.stringify(fresh.chunks));
});

/** Applies one edit at offsets [a, b) and checks that the result equals a fresh parse of the same text. */
function editEqualsFresh(doc: HclDocument, a: number, b: number, text: string, what: string): void {
  const expected = doc.text.slice(0, a) + text + doc.text.slice(b);
  doc.update([{ range: { start: doc.positionAt(a), end: doc.positionAt(b) }, text }]);
  assert.equal(doc.text, expected, `${what}: text`);
  assert.equal(JSON.stringify(doc.chunks), JSON.stringify(new HclDocument(expected).chunks), what);
}

test('an edit that opens a comment, heredoc or block closed far below re-parses past its first window', () => {
  const blocks = Array.from({ length: 120 }, (_, i) => peer(`p${i}`, `  bgp_group_id = "g${i}"`)).join('');
  const at = (i: number) => blocks.indexOf(`"p${i}"`);
  // Each case: the opening text typed at block 10, the closing text typed at block 90 first.
  const cases: [string, string, string][] = [
    ['comment', '/* ', ' */'],
    ['heredoc', 'x = <<EOT\n', '\nEOT\n'],
    ['brace', 'locals {\n', ''],
  ];
  for (const [what, open, close] of cases) {
    const doc = new HclDocument(blocks);
    editEqualsFresh(doc, at(90), at(90), close, `${what}: closing text`);
    const lineStart = doc.text.lastIndexOf('\n', doc.text.indexOf('"p10"')) + 1;
    editEqualsFresh(doc, lineStart, lineStart, open, `${what}: opening text`);
    // The comment or heredoc swallows the blocks down to its closing text, far past the first window.
    if (what !== 'brace') assert.ok(doc.chunks.length < 60, `${what}: ${doc.chunks.length} chunks`);
    editEqualsFresh(doc, lineStart, lineStart + open.length, '', `${what}: opening text removed`);
  }
});

test('below a comment or heredoc left open, an edit re-parses its own block, unless it writes the missing end', () => {
  const blocks = Array.from({ length: 200 }, (_, i) => peer(`p${i}`, `  bgp_group_id = "g${i}"`)).join('');
  for (const [what, open, end] of [['comment', 'locals {\n  /* stray\n}\n', '*/'], ['heredoc', 'locals {\n  x = <<ZZZ\n}\n', 'ZZZ']]) {
    const doc = new HclDocument(open + blocks);
    const far = doc.text.indexOf('"g150"') + 2;
    editEqualsFresh(doc, far, far, 'x', `${what}: a letter typed far below`);
    assert.ok(doc.lastReparsed <= 3, `${what}: re-parsed ${doc.lastReparsed} chunks`);
    // Writing the end (on a line of its own for the heredoc) changes how everything from the stray one on reads.
    const lineEnd = doc.text.indexOf('\n', far);
    editEqualsFresh(doc, lineEnd, lineEnd, `\n${end}`, `${what}: the missing end typed far below`);
    assert.ok(doc.chunks.length < 60, `${what}: ${doc.chunks.length} chunks, the blocks in between not swallowed`);
  }
});

test('random edits of a many-block file: incremental parse (in windows) always equals a fresh parse', () => {
  let seed = 11;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
  const inserts = ['"', '{', '}', '\n', 'resource "x" "y" {\n', '<<EOF\n', 'EOF\n', '<<-END\n', '  END\n', '/*', '*/', 'bfd_mu', ' = ', '[', ']', '${', '#'];
  const files = fs.readdirSync(corpus).filter((n) => n.endsWith('.tf')).slice(0, 40);
  const doc = new HclDocument(files.map((f) => fs.readFileSync(path.join(corpus, f), 'utf8')).join('\n'));
  assert.ok(doc.chunks.length > 100, `${doc.chunks.length} chunks`);
  for (let k = 0; k < 300; k++) {
    const a = rnd(doc.length + 1);
    editEqualsFresh(doc, a, Math.min(doc.length, a + rnd(12)), rnd(3) ? inserts[rnd(inserts.length)] : '', `edit ${k}`);
  }
});

test('random edits of the corpus: incremental parse always equals a fresh parse', () => {
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
  const inserts = ['"', '{', '}', '\n', 'resource "x" "y" {\n', '<<EOF\n', 'EOF\n', '/*', '*/', 'bfd_mu', ' = ', '[', ']', '${', '#', '\u0000', '\ud800'];
  let edits = 0;
  for (const f of fs.readdirSync(corpus).filter((n) => n.endsWith('.tf')).slice(0, 20)) {
    const doc = new HclDocument(fs.readFileSync(path.join(corpus, f), 'utf8'));
    for (let k = 0; k < 60; k++) {
      const t = doc.text;
      const a = rnd(t.length + 1);
      const b = Math.min(t.length, a + rnd(12));
      doc.update([{ range: { start: doc.positionAt(a), end: doc.positionAt(b) }, text: rnd(3) ? inserts[rnd(inserts.length)] : '' }]);
      edits++;
      assert.equal(JSON.stringify(doc.chunks), JSON.stringify(new HclDocument(doc.text).chunks), `${f} after edit ${k}`);
    }
  }
  assert.ok(edits >= 1000);
});

/** Real module text: the corpus, the examples and a generated module of every kind of block. */
async function moduleTexts(): Promise<[string, string][]> {
  const out: [string, string][] = fs.readdirSync(corpus).filter((n) => n.endsWith('.tf')).map((f) => [f, fs.readFileSync(path.join(corpus, f), 'utf8')]);
  const { hclModule } = await import('../../scripts/bench/workloads.mjs');
  out.push(['generated module', hclModule(3000).text]);
  return out;
}

test('chunks that let their syntax tree go re-parse to the very same tree', async () => {
  let without = 0;
  for (const [name, text] of await moduleTexts()) {
    const doc = new HclDocument(text);
    without += doc.chunks.filter((c) => !c.hasSyntaxTree).length;
    const expected = parseChunks(text).chunks.map((c) => JSON.stringify(c.items));
    assert.deepEqual(doc.chunks.map((c) => JSON.stringify(c.items)), expected, name);
  }
  assert.ok(without > 200, `${without} chunks kept only their model`);
});

test('the interner gives back the text of every range, across table growth and hash collisions', () => {
  const strings = new Interner();
  const rnd = prng(7);
  const words: string[] = [];
  for (let i = 0; i < 5000; i++) {
    const len = 1 + Math.floor(rnd() * 60);
    let w = '';
    for (let k = 0; k < len; k++) w += 'ab_é1'[Math.floor(rnd() * 5)];
    words.push(w);
  }
  const text = words.join(' ');
  for (let round = 0; round < 2; round++) {
    let at = 0;
    for (const w of words) {
      assert.equal(strings.range(text, at, at + w.length), w);
      at += w.length + 1;
    }
  }
  for (const w of words) assert.equal(strings.get(w), w);
  assert.equal(strings.range(text, 3, 3), '');
});

test('a plain quoted string is one token and parses to the literal a template would', () => {
  const kinds = (src: string) => {
    const lex = new Lexer(src, 0, 0, () => {}, () => {});
    const out: T[] = [];
    for (let t = lex.next(); t.kind !== T.EOF; t = lex.next()) out.push(t.kind);
    return out;
  };
  assert.deepEqual(kinds('"IPv4"'), [T.PlainString]);
  assert.deepEqual(kinds('""'), [T.PlainString]);
  assert.deepEqual(kinds('"100% $5"'), [T.PlainString]);
  for (const notPlain of ['"a\\tb"', '"${x}"', '"%{ if x }y%{ endif }"', '"$${x}"', '"%%{x}"', '"open']) {
    assert.equal(kinds(notPlain)[0], T.OQuote, notPlain);
  }
  const src = [
    'resource "alicloud_vpc_bgp_peer" "p" {',
    '  a = "IPv4"',
    '  b = "tab\\there"',
    '  c = "$${not}"',
    '  d = "100% $5"',
    '  e = ""',
    '  f = ["x", "y"]',
    '  g = { "k" = "v" }',
    '  h = "über"',
    '}',
    '',
  ].join('\n');
  const [chunk] = parseChunks(src).chunks;
  assert.deepEqual(chunk.errors, []);
  const block = chunk.items[0] as BlockNode;
  assert.deepEqual(block.labels.map((l) => [l.value, JSON.stringify(plainRange(l.range))]), [
    ['alicloud_vpc_bgp_peer', JSON.stringify({ start: { line: 0, character: 9 }, end: { line: 0, character: 32 } })],
    ['p', JSON.stringify({ start: { line: 0, character: 33 }, end: { line: 0, character: 36 } })],
  ]);
  const values = Object.fromEntries(block.body.map((item) => {
    const expr = (item as AttributeNode).expr!;
    return [(item as AttributeNode).name, expr.type === 'Literal' ? [expr.value, expr.range.start.character, expr.range.end.character] : expr.type];
  }));
  assert.deepEqual(values, {
    a: ['IPv4', 6, 12],
    b: ['tab\there', 6, 17],
    c: ['${not}', 6, 15],
    d: ['100% $5', 6, 15],
    e: ['', 6, 8],
    f: 'Tuple',
    g: 'Object',
    h: ['über', 6, 12],
  });
});

test('lists built inside lists keep their own items (labels, bodies, steps, arguments, tuples, objects)', () => {
  const text = `resource "alicloud_vpc_bgp_peer" "p" {
  a = f(g(1, [2, { k = h(3)[0].x }]), a.b[c(4)].d, 5)
  dynamic "x" {
    for_each = [6, [7, 8]]
    content {
      y = z[9][*].w
    }
  }
  b = 10
}
`;
  const [block] = parseChunks(text).chunks[0].items as BlockNode[];
  assert.deepEqual(block.labels.map((l) => l.value), ['alicloud_vpc_bgp_peer', 'p']);
  assert.deepEqual(block.body.map((i) => i.name), ['a', 'dynamic', 'b']);
  const shape = (e: unknown): unknown => JSON.parse(JSON.stringify(e, (k, v) => (k === 'range' || k === 'nameRange' ? undefined : v)));
  assert.deepEqual(shape((block.body[0] as AttributeNode).expr), {
    type: 'Call', name: 'f', expandFinal: false, args: [
      { type: 'Call', name: 'g', expandFinal: false, args: [
        { type: 'Literal', value: 1 },
        { type: 'Tuple', items: [{ type: 'Literal', value: 2 }, { type: 'Object', items: [{ key: { type: 'Literal', value: 'k' }, value: {
          type: 'Postfix',
          target: { type: 'Call', name: 'h', expandFinal: false, args: [{ type: 'Literal', value: 3 }] },
          parts: [{ type: 'Index', key: { type: 'Literal', value: 0 } }, { type: 'Attr', name: 'x' }],
        } }] }] },
      ] },
      { type: 'Traversal', root: 'a', parts: [
        { type: 'Attr', name: 'b' },
        { type: 'Index', key: { type: 'Call', name: 'c', expandFinal: false, args: [{ type: 'Literal', value: 4 }] } },
        { type: 'Attr', name: 'd' },
      ] },
      { type: 'Literal', value: 5 },
    ],
  });
  const dynamic = block.body[1] as BlockNode;
  assert.deepEqual(dynamic.body.map((i) => i.name), ['for_each', 'content']);
  assert.deepEqual(shape((dynamic.body[0] as AttributeNode).expr), { type: 'Tuple', items: [{ type: 'Literal', value: 6 }, { type: 'Tuple', items: [{ type: 'Literal', value: 7 }, { type: 'Literal', value: 8 }] }] });
  const content = dynamic.body[1] as BlockNode;
  assert.deepEqual(shape((content.body[0] as AttributeNode).expr), { type: 'Traversal', root: 'z', parts: [{ type: 'Index', key: { type: 'Literal', value: 9 } }, { type: 'Splat' }, { type: 'Attr', name: 'w' }] });
  // The model made from it: arguments and nested blocks of each body, in order.
  const [instance] = instancesOf(parseChunks(text).chunks[0]);
  assert.deepEqual(instance.attributes.map((a) => a.name), ['a', 'b']);
  assert.deepEqual(instance.blocks.map((b) => b.name), ['dynamic']);
  assert.deepEqual(instance.blocks[0].attributes.map((a) => a.name), ['for_each']);
  assert.deepEqual(instance.blocks[0].blocks[0].attributes.map((a) => a.name), ['y']);
});

test('the model keeps the ranges of the syntax tree, for every argument of the corpus (some are stored as derived)', () => {
  let checked = 0;
  const compare = (items: readonly (AttributeNode | BlockNode | { type: 'Incomplete' })[], attributes: readonly { name: string; keyRange: unknown; valueRange: unknown; range: unknown }[], where: string) => {
    const written = items.filter((i): i is AttributeNode => i.type === 'Attribute');
    const modelled = attributes.filter((a) => written.some((w) => w.name === a.name));
    assert.equal(modelled.length, written.length, where);
    written.forEach((w, i) => {
      const a = modelled[i];
      assert.deepEqual(plainRange(a.keyRange as never), plainRange(w.nameRange), `${where} ${w.name} key`);
      if (w.expr) assert.deepEqual(plainRange(a.valueRange as never), plainRange(w.expr.range), `${where} ${w.name} value`);
      assert.deepEqual(plainRange(a.range as never), plainRange(w.range), `${where} ${w.name}`);
      checked++;
    });
  };
  for (const f of fs.readdirSync(corpus).filter((n) => /\.tf$/.test(n) && !n.includes('EXCERPT'))) {
    for (const chunk of parseChunks(fs.readFileSync(path.join(corpus, f), 'utf8')).chunks) {
      const blocks = chunk.items.filter((i): i is BlockNode => i.type === 'Block' && (i.name === 'resource' || i.name === 'data'));
      instancesOf(chunk).forEach((instance, k) => {
        compare(blocks[k].body, instance.attributes, `${f} ${instance.type}.${instance.name}`);
        const nested = blocks[k].body.filter((i): i is BlockNode => i.type === 'Block');
        instance.blocks.forEach((b, j) => compare(nested[j].body, b.attributes, `${f} ${instance.name} ${b.name}`));
      });
    }
  }
  assert.ok(checked > 100, `only ${checked} arguments checked`);
});

test('a reference written twice is one shared value, with its path and text', () => {
  const [chunk] = parseChunks('resource "alicloud_vpc_bgp_peer" "a" {\n  x = var.net[0].id\n  y = var.net[0].id\n  z = f(1)\n  w = f(1)\n}\n').chunks;
  const [x, y, z, w] = instancesOf(chunk)[0].attributes;
  assert.deepEqual(x.value, { kind: 'reference', path: ['var', 'net', '[0]', 'id'], text: 'var.net[0].id' });
  assert.equal(x.value, y.value);
  assert.deepEqual(z.value, { kind: 'unknown', text: 'f(…)' });
  assert.equal(z.value, w.value);
  assert.ok(Object.isFrozen(x.value) && Object.isFrozen(z.value));
});

test('chunk texts cut apart from a text with characters above U+00FF read exactly as its slices', () => {
  const text = 'resource "alicloud_vpc_bgp_group" "g" {\n  description = "Zürich"\n}\n# 北京 region 😀\nresource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = alicloud_vpc_bgp_group.g.id\n}\nlocals {\n  a = "é"\n}\n';
  const starts = [0, text.indexOf('# 北京'), text.indexOf('locals')];
  assert.deepEqual(narrowTexts(text, starts), [text.slice(0, starts[1]), text.slice(starts[1], starts[2]), text.slice(starts[2])]);
  // Nothing to narrow: ASCII, or Latin-1 only (V8 already stores both at one byte per character).
  assert.equal(narrowTexts('a = 1\n', [0]), undefined);
  assert.equal(narrowTexts('a = "Zürich"\n', [0]), undefined);
  const doc = new HclDocument(text);
  const before = doc.chunks.map((c) => c.text);
  doc.narrow();
  assert.deepEqual(doc.chunks.map((c) => c.text), before, 'narrowed in place, the same characters');
  // The two-byte text is let go (JavaScript cannot see how a string is stored; the benchmark measures it).
  assert.equal((doc as unknown as { _text?: string })._text, undefined);
  assert.equal(doc.chunks.map((c) => c.text).join(''), text);
  assert.ok(doc.hasText(text));
  assert.ok(!doc.hasText(text.replace('北', '南')));
  assert.equal(doc.text, text);
  assert.equal(doc.lineText(3), '# 北京 region 😀');
  doc.update([{ range: { start: { line: 4, character: 2 }, end: { line: 4, character: 2 } }, text: 'x' }]);
  assert.equal(doc.text, text.replace('resource "alicloud_vpc_bgp_peer"', 'rexsource "alicloud_vpc_bgp_peer"'));
  // Edited before it was narrowed: the chunks left as they were are slices of the text once set; narrowed too.
  const edited = new HclDocument(text);
  edited.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# 上\n' }]);
  edited.narrow();
  assert.equal(edited.text, '# 上\n' + text);
  assert.equal(edited.chunks.map((c) => c.text).join(''), '# 上\n' + text);
  assert.equal(edited.lineText(4), '# 北京 region 😀');
});

test('an edit at a column past the end of a line goes at the end of that line (LSP), never onto the next', () => {
  for (const eol of ['\n', '\r\n']) {
    const doc = new HclDocument(`a = 1${eol}b = 2${eol}`);
    doc.update([{ range: { start: { line: 0, character: 99 }, end: { line: 0, character: 99 } }, text: ' # X' }]);
    assert.equal(doc.text, `a = 1 # X${eol}b = 2${eol}`);
    // A range whose end is past the line's end stops before the line break.
    doc.update([{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 40 } }, text: '3' }]);
    assert.equal(doc.text, `a = 1 # X${eol}b = 3${eol}`);
    assert.equal(doc.offsetAt({ line: 0, character: 5 }), 5);
    assert.equal(doc.offsetAt({ line: 0, character: 500 }), 'a = 1 # X'.length);
  }
  // The last line, without a line break: its end is the text's end.
  const last = new HclDocument('a = 1\nb = 2');
  last.update([{ range: { start: { line: 1, character: 50 }, end: { line: 1, character: 50 } }, text: '0' }]);
  assert.equal(last.text, 'a = 1\nb = 20');
});
