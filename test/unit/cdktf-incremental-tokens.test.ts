/**
 * Re-tokenizing a CDKTF file in place after an edit (`retokenize.ts`) gives exactly the tokens, brackets and
 * line starts of tokenizing the new text from scratch, and touches only the edited lines.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { offsetAt, patchLineStarts } from '../../server/src/syntax/cdktf/lines';
import { retokenize } from '../../server/src/syntax/cdktf/retokenize';
import { Source } from '../../server/src/syntax/cdktf/source';
import { lineStartsOf, tokenize, Tokens } from '../../server/src/syntax/cdktf/tokens';
import { prng } from '../helpers/random';
import { CDKTF_FIXTURES, cdktfFixture } from '../helpers/cdktfFixtures';


/** Openers, closers, strings of every form (terminated or not), comments, line breaks, indentation. */
const PIECES = ['"', "'", '`', '{', '}', '(', ')', '[', ']', '\n', '/*', '*/', '//', '#', '"""', "'''", '@"', '$"', '${', ' ', 'x', '\n  ', '\n\n', ',', '.', '/', 'VpcBgpPeer', 'new ', ' as ', '\\', '\r\n', '\t', 'f"{x}', 'r"\\d"', '$'];

function rows(tk: Tokens): string[] {
  const out = [`n=${tk.n} openEnded=${tk.firstOpenEnded} lines=${tk.lineStarts.join(',')}`];
  for (let i = 0; i < tk.n; i++) out.push([tk.kind[i], tk.start[i], tk.end[i], tk.line[i], tk.first[i], tk.closeOf[i], tk.extent[i], tk.up[i]].join(' '));
  return out;
}

/** Applies [start, end) → insert to the text, its line starts and its tokens; returns the new text and the result. */
function apply(tk: Tokens, text: string, start: number, end: number, insert: string) {
  const edit = { start, end, text: insert, removed: text.slice(start, end) };
  const next = text.slice(0, start) + insert + text.slice(end);
  tk.text.edit(start, end, insert);
  assert.equal(tk.text.toString(), next, 'the text in pieces');
  const lineStarts = tk.lineStarts;
  const lineDelta = patchLineStarts(lineStarts, edit);
  const r = retokenize(tk, lineStarts, edit, lineDelta, () => false);
  return { text: next, r };
}

describe('CDKTF text in pieces', () => {
  it('reads like the string it stands for after any edit', () => {
    const rnd = prng(99);
    let text = cdktfFixture('cases.go').repeat(12);
    const source = new Source(text);
    for (let k = 0; k < 2000; k++) {
      const a = Math.floor(rnd() * (text.length + 1));
      const b = Math.min(text.length, a + Math.floor(rnd() * (rnd() < 0.05 ? 20000 : 30)));
      const insert = rnd() < 0.05 ? 'é'.repeat(Math.floor(rnd() * 20000)) : PIECES[Math.floor(rnd() * PIECES.length)];
      source.edit(a, b, insert);
      text = text.slice(0, a) + insert + text.slice(b);
      assert.equal(source.length, text.length);
      for (let q = 0; q < 5; q++) {
        const i = Math.floor(rnd() * (text.length + 2)) - 1;
        const j = i + Math.floor(rnd() * 20000);
        assert.equal(source.charCodeAt(i), text.charCodeAt(i), `charCodeAt(${i}) after edit ${k}`);
        assert.equal(source.slice(i, j), text.slice(Math.max(0, i), j), `slice(${i}, ${j}) after edit ${k}`);
        const probe = text.slice(Math.max(0, i), Math.max(0, i) + 12);
        assert.equal(source.startsWith(probe, Math.max(0, i)), true);
        assert.equal(source.includes(probe), true);
        const from = Math.max(0, i - Math.floor(rnd() * 20000));
        assert.equal(source.indexOf(probe, from), text.indexOf(probe, from), `indexOf(${JSON.stringify(probe)}, ${from}) after edit ${k}`);
        assert.equal(source.indexOf(probe.slice(0, 2), i + 1), text.indexOf(probe.slice(0, 2), i + 1), `indexOf from ${i + 1} after edit ${k}`);
      }
    }
    assert.equal(source.toString(), text);
    assert.equal(source.includes('VpcBgpPeer\u0000'), false);
    // Joined (as after `text` was asked for), it reads the same.
    for (const [a, b] of [[-1, 5], [10, 20000], [text.length - 3, text.length + 3]]) assert.equal(source.slice(a, b), text.slice(Math.max(0, a), b));
    assert.equal(source.startsWith(text.slice(0, 3), -1), false);
    assert.equal(source.charCodeAt(text.length), NaN);
  });
});

describe('CDKTF re-tokenizing', () => {
  for (const [name, language] of CDKTF_FIXTURES) {
    it(`${language}: 1,000 random edits, each equal to tokenizing from scratch`, () => {
      const rnd = prng(language.length * 7919 + 17);
      // Several copies: longer than a piece of the text and than the first window a re-scan reads.
      let text = cdktfFixture(name).repeat(5);
      const tk = tokenize(text, language, lineStartsOf(text));
      for (let k = 0; k < 1000; k++) {
        const a = Math.floor(rnd() * (text.length + 1));
        const b = Math.min(text.length, a + (rnd() < 0.3 ? Math.floor(rnd() * (rnd() < 0.1 ? 3000 : 15)) : 0));
        const insert = rnd() < 0.75 ? PIECES[Math.floor(rnd() * PIECES.length)] : '';
        text = apply(tk, text, a, b, insert).text;
        assert.deepEqual(rows(tk), rows(tokenize(text, language)), `${name}, edit ${k}: [${a}, ${b}) → ${JSON.stringify(insert)}`);
      }
    });
  }

  it('a keystroke in a long file re-scans its own line only', () => {
    let text = 'class S {\n  constructor() {\n';
    for (let i = 0; i < 2000; i++) text += `    new VpcBgpPeer(this, "p${i}", {\n      bfdMultiHop: ${i % 255},\n    });\n`;
    text += '  }\n}\n';
    const tk = tokenize(text, 'typescript', lineStartsOf(text));
    const at = offsetAt(text, tk.lineStarts, { line: 1000 * 3 + 3, character: 20 });
    const { text: next, r } = apply(tk, text, at, at, '7');
    assert.ok(r.newTo - r.from <= 4 && r.changedTo - r.from <= 5, `re-scanned ${r.newTo - r.from}, re-matched brackets of ${r.changedTo - r.from}`);
    assert.deepEqual(rows(tk), rows(tokenize(next, 'typescript')));
  });

  it('below an unclosed multi-line string, only an edit that could close it scans it again', () => {
    for (const [language, opener, closer] of [
      ['typescript', '`', '`'],
      ['python', '"""', '"""'],
      ['java', '"""', '"""'],
      ['go', '`', '`'],
    ] as const) {
      let text = `x = ${opener}\n`;
      for (let i = 0; i < 2000; i++) text += `new VpcBgpPeer(this, "p${i}", { bfdMultiHop: ${i % 255} });\n`;
      const tk = tokenize(text, language, lineStartsOf(text));
      assert.equal(tk.firstOpenEnded, 2, `${language}: the open string`);
      const line = (n: number) => tk.lineStarts[n];
      for (const typed of ['7', 'x', ' ', '\n', '\r\n', '(', '{']) {
        const at = line(1500) + 20;
        const { text: next, r } = apply(tk, text, at, at, typed);
        assert.ok(r.newTo - r.from <= 30, `${language}, typed ${JSON.stringify(typed)}: re-scanned ${r.newTo - r.from} tokens`);
        assert.deepEqual(rows(tk), rows(tokenize(next, language)), `${language}, typed ${JSON.stringify(typed)}`);
        text = next;
      }
      const at = line(1500);
      const { text: next, r } = apply(tk, text, at, at, closer);
      assert.ok(r.from === 2, `${language}: the closing quote scans from the open string (${r.from})`);
      assert.deepEqual(rows(tk), rows(tokenize(next, language)), `${language}: closed`);
    }
  });

  it('splitting the `${` an unclosed template stopped in scans it again (it may close now)', () => {
    // The `${` never closes, so the template is left open; once it is `$x{`, the last backtick ends it.
    let text = 'const t = `\nsee ${ b\n';
    for (let i = 0; i < 50; i++) text += `new VpcBgpPeer(this, "p${i}", { bfdMultiHop: 1 });\n`;
    text += '`;\n';
    const tk = tokenize(text, 'typescript', lineStartsOf(text));
    assert.equal(tk.firstOpenEnded, 3, 'the open template');
    const at = text.indexOf('${') + 1;
    const { text: next } = apply(tk, text, at, at, 'x');
    assert.deepEqual(rows(tk), rows(tokenize(next, 'typescript')));
    assert.equal(tk.firstOpenEnded, tk.n, 'closed by the last backtick now');
    // And back: removing the `x` makes the `${` again.
    const { text: back } = apply(tk, next, at, at + 1, '');
    assert.deepEqual(rows(tk), rows(tokenize(back, 'typescript')));
    assert.equal(tk.firstOpenEnded, 3, 'open again');
  });

  it('below an unclosed template with no `${`, quotes typed in strings re-scan their own line only', () => {
    let text = 'const t = `\n';
    for (let i = 0; i < 2000; i++) text += `new VpcBgpPeer(this, "p${i}", { bfdMultiHop: 1 });\n`;
    const tk = tokenize(text, 'typescript', lineStartsOf(text));
    for (const typed of ['"', "'", '{', '}', '$']) {
      const at = tk.lineStarts[1500] + 24;
      const { text: next, r } = apply(tk, text, at, at, typed);
      assert.ok(r.newTo - r.from <= 30, `typed ${JSON.stringify(typed)}: re-scanned ${r.newTo - r.from} tokens`);
      assert.deepEqual(rows(tk), rows(tokenize(next, 'typescript')), `typed ${JSON.stringify(typed)}`);
      text = next;
    }
  });

  it('an unclosed multi-line string far above an edit is scanned again (it may close at the edit)', () => {
    let text = 'const t = `\n';
    for (let i = 0; i < 50; i++) text += `new VpcBgpPeer(this, "p${i}", { bfdMultiHop: 1 });\n`;
    const tk = tokenize(text, 'typescript', lineStartsOf(text));
    assert.equal(tk.firstOpenEnded, 3, 'the open template');
    const at = text.lastIndexOf('new');
    const { text: next } = apply(tk, text, at, at, '`;');
    const fresh = tokenize(next, 'typescript');
    assert.deepEqual(rows(tk), rows(fresh));
    assert.equal(tk.firstOpenEnded, tk.n, 'closed now');
  });
});

describe('CDKTF text in pieces, compared with bytes', () => {
  it('compares with UTF-8 bytes a piece at a time, a character split between pieces included, before and after edits', () => {
    // An emoji (a surrogate pair) across the 8,192-character boundary, Chinese and a second boundary.
    const text = 'a'.repeat(8191) + '😀' + '名'.repeat(9000) + '\n'.repeat(3);
    const source = new Source(text);
    assert.ok(source.hasUtf8(Buffer.from(text)), 'the whole text at hand');
    assert.ok(!source.hasUtf8(Buffer.from(text + ' ')));
    assert.ok(!source.hasUtf8(Buffer.from(text.slice(0, -1))));
    assert.ok(!source.hasUtf8(Buffer.from(text.replace('😀', '😁'))));
    // After an edit the text is kept in pieces only; a piece may end in the middle of the emoji.
    source.edit(5, 5, 'xyz');
    const edited = text.slice(0, 5) + 'xyz' + text.slice(5);
    assert.equal(source.toString(), edited);
    const fresh = new Source(edited);
    fresh.edit(0, 0, '');
    for (const s of [source, fresh]) {
      assert.ok(s.hasUtf8(Buffer.from(edited)));
      assert.ok(!s.hasUtf8(Buffer.from(text)));
      assert.ok(!s.hasUtf8(Buffer.from(edited.replace('名', '各'))));
    }
    assert.ok(new Source('').hasUtf8(Buffer.alloc(0)));
  });
});
