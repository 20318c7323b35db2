/**
 * Line breaks as an editor counts them (LSP: `\n`, `\r\n` and a lone `\r`) and as Terraform reads them (`\n` and
 * `\r\n`; a lone `\r` is an "Invalid character"): a file with a lone CR is refused, whether it is opened with one or
 * an edit writes one, and the text of a refused file follows the editor's edits line for line.
 *
 * Run: node --import tsx --test test/unit/lineBreaks.test.ts
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSourceFile } from '../../server/src/engine/files';
import { lineBreakRefusal, refusal } from '../../server/src/engine/guards';
import { applyChanges, writesLoneCarriageReturn } from '../../server/src/engine/text';

const at = (line: number, character: number) => ({ line, character });
const insert = (line: number, character: number, text: string) => ({ range: { start: at(line, character), end: at(line, character) }, text });

describe('a line break that is a lone carriage return', () => {
  it('refuses the file, read from its text or from its UTF-8 bytes', () => {
    for (const text of ['a = 1\rb = 2\n', 'a = 1\r', '# c\r\n\r\rb = 2']) {
      assert.equal(refusal(text, 5)?.code, 'unsupported-line-break', JSON.stringify(text));
      assert.equal(lineBreakRefusal(Buffer.from(text, 'utf8'))?.code, 'unsupported-line-break', JSON.stringify(text));
    }
    for (const text of ['a = 1\r\nb = 2\r\n', 'a = 1\nb = 2', '', '"\u00e9\u4e2d"\r\n']) {
      assert.equal(refusal(text, 5), undefined, JSON.stringify(text));
      assert.equal(lineBreakRefusal(Buffer.from(text, 'utf8')), undefined, JSON.stringify(text));
    }
  });

  it('is found in the edit that writes it, from the edit and the line it ends on', () => {
    for (const languageAndText of [['main.tf', 'a = 1\nb = 2\n'], ['main.ts', 'const a = 1;\r\nconst b = 2;\r\n']] as const) {
      const [name, text] = languageAndText;
      const f = createSourceFile(`file:///m/${name}`, undefined, text)!;
      const crlf = text.includes('\r\n');
      // Within the edit's text.
      assert.equal(writesLoneCarriageReturn(f, insert(0, 2, 'x\ry')), true);
      assert.equal(writesLoneCarriageReturn(f, insert(0, 2, 'x\r\ny')), false);
      // Ending it: a lone CR unless an LF line break follows (in an LF line it makes CRLF).
      assert.equal(writesLoneCarriageReturn(f, insert(0, 2, 'x\r')), true, 'mid-line');
      assert.equal(writesLoneCarriageReturn(f, insert(0, 99, '\r')), crlf, 'at the end of the line');
      assert.equal(writesLoneCarriageReturn(f, insert(2, 0, '\r')), true, 'on the last line, which has no line break');
      // A whole new text.
      assert.equal(writesLoneCarriageReturn(f, { text: 'a\rb' }), true);
      assert.equal(writesLoneCarriageReturn(f, { text: 'a\r\nb\n' }), false);
      assert.equal(writesLoneCarriageReturn(f, insert(0, 0, 'no carriage return')), false);
    }
  });

  it('counts lines in a refused text as the editor does, and a column past the end stops before the line break', () => {
    assert.equal(applyChanges('a\rb\r\nc\nd', [insert(1, 0, '1'), insert(2, 0, '2'), insert(3, 0, '3')]), 'a\r1b\r\n2c\n3d');
    assert.equal(applyChanges('ab\r\ncd\rx', [insert(0, 99, '!'), insert(1, 99, '?')]), 'ab!\r\ncd?\rx');
    assert.equal(applyChanges('ab\r\ncd', [{ range: { start: at(0, 99), end: at(1, 0) }, text: '' }]), 'abcd');
  });

  it('in CDKTF, a column past the end of a CRLF line stops before its \\r: an edit there writes no lone CR', () => {
    const text = 'const a = 1;\r\nconst b = 2;\r\n';
    const f = createSourceFile('file:///m/main.ts', undefined, text)!;
    f.update([insert(0, 999, ' // one')]);
    assert.equal(f.text, 'const a = 1; // one\r\nconst b = 2;\r\n');
  });
});
