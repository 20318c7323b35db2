/**
 * `lineEdits`: the edits "fix all" sends, which must turn the editor's text into the fixed text exactly (applied
 * as an editor applies them), touch only the lines that changed, and stay apart.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lineEdits } from '../../server/src/engine/lineDiff';

const apply = (text: string, edits: ReturnType<typeof lineEdits>) => TextDocument.applyEdits(TextDocument.create('file:///x', 'terraform', 0, text), edits);

describe('lineEdits', () => {
  it('edits only the lines that changed, one edit per run of them', () => {
    const before = 'a\nb\nc\n}\n}\nd\ne\nf\ng\n';
    const after = 'a\nB\nc\n}\n}\nd\ne\nf\ng\nh\n';
    const edits = lineEdits(before, after);
    assert.deepEqual(edits, [
      { range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, newText: 'B\n' },
      { range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, newText: 'h\n' },
    ]);
    assert.equal(apply(before, edits), after);
  });

  it('handles texts without a final line break, empty texts and CRLF', () => {
    const cases: [string, string][] = [
      ['a\nb', 'a\nc'],
      ['a\nb', 'a\nb\n'],
      ['a\nb\n', 'a\nb'],
      ['', 'x\n'],
      ['x\n', ''],
      ['a\r\nb\r\nc\r\n', 'a\r\nc\r\n'],
      ['same\n', 'same\n'],
    ];
    for (const [before, after] of cases) assert.equal(apply(before, lineEdits(before, after)), after, JSON.stringify([before, after]));
    assert.deepEqual(lineEdits('same\n', 'same\n'), []);
  });

  it('gives exact edits for random changes (a seeded property test)', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    const words = ['}', '{', '  a = 1', '  b = 2', 'resource "x" "y" {', '', '  # c'];
    for (let round = 0; round < 300; round++) {
      const lines = Array.from({ length: rand(60) }, () => words[rand(words.length)]);
      const changed = [...lines];
      for (let k = rand(6); k > 0; k--) {
        const at = rand(changed.length + 1);
        const op = rand(3);
        if (op === 0) changed.splice(at, 0, words[rand(words.length)]);
        else if (op === 1) changed.splice(at, 1);
        else changed[at] = 'changed ' + round;
      }
      const before = lines.join('\n') + (rand(2) ? '\n' : '');
      const after = changed.join('\n') + (rand(2) ? '\n' : '');
      const edits = lineEdits(before, after);
      assert.equal(apply(before, edits), after, JSON.stringify({ before, after, edits }));
      for (let i = 1; i < edits.length; i++) {
        const p = edits[i - 1].range.end;
        const s = edits[i].range.start;
        assert.ok(p.line < s.line || (p.line === s.line && p.character <= s.character), 'in order and apart');
      }
    }
  });
});
