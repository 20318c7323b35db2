/**
 * gofmt's alignment of composite literals, redone after a fix (`writers/goAlign.ts`), on the rules the quick-fix
 * tests do not reach: long keys, several fields on a line, nested literals, raw strings, widths in characters.
 * Every text here, before and after, is as gofmt leaves it (checked with gofmt 1.19).
 *
 * Run: node --import tsx --test test/unit/goAlign.test.ts
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Position } from '../../server/src/model/types';
import { realignGo } from '../../server/src/writers/goAlign';
import type { TextEdit } from '../../server/src/writers/writer';
import { applyEdits } from './inline';

function position(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** `text` with `find` replaced by `replace` (one edit, as a fix makes it), realigned; the literal is `_ = &C{…}`. */
function realigned(text: string, find: string, replace: string): { text: string; edits: TextEdit[]; result: TextEdit[] } {
  const at = text.indexOf(find);
  assert.ok(at >= 0 && text.indexOf(find, at + 1) < 0, `one ${JSON.stringify(find)}`);
  const edits = [{ range: { start: position(text, at), end: position(text, at + find.length) }, newText: replace }];
  const lines = text.split('\n');
  const open = position(text, text.indexOf('&C{') + 3);
  const close = position(text, text.lastIndexOf('}'));
  const result = realignGo(edits, open, close, { base: 0, lineText: (l) => lines[l] ?? '' });
  return { text: applyEdits(text, result), edits, result };
}

const CASES: { name: string; before: string; find: string; replace: string; after: string }[] = [
  {
    name: 'a key over 40 bytes and 2.5 times the others\' ends the run',
    before: '\t_ = &C{\n\t\tAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2: 1,\n\t\tB:                 1,\n\t\tCcccccccccccccccc: 1,\n\t}\n',
    find: '\t\tCcccccccccccccccc: 1,\n',
    replace: '',
    after: '\t_ = &C{\n\t\tAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2: 1,\n\t\tB: 1,\n\t}\n',
  },
  {
    name: 'long keys of a size align; a short one after them starts a run of its own',
    before: '\t_ = &C{\n\t\tAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2: 1,\n\t\tB: 2,\n\t\tC: 3,\n\t}\n',
    find: 'B: 2',
    replace: 'Bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb3: 2',
    after: '\t_ = &C{\n\t\tAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2: 1,\n\t\tBbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb3:    2,\n\t\tC: 3,\n\t}\n',
  },
  {
    name: 'a line holding two fields ends the run; the second field is no cell',
    before: '\t_ = &C{\n\t\tSss:     11,\n\t\tZzzzzzz: 8, Q: 9,\n\t\tR: 10,\n\t}\n',
    find: 'Sss:',
    replace: 'Sssssssss:',
    after: '\t_ = &C{\n\t\tSssssssss: 11,\n\t\tZzzzzzz:   8, Q: 9,\n\t\tR: 10,\n\t}\n',
  },
  {
    name: 'trailing comments align over consecutive lines that have one',
    before: '\t_ = &C{\n\t\tA:       1,        // c1\n\t\tBbbbbbb: 22222222, // c2\n\t\tCc:      3,\n\t\tD:       4, // c4\n\t}\n',
    find: '22222222',
    replace: '2',
    after: '\t_ = &C{\n\t\tA:       1, // c1\n\t\tBbbbbbb: 2, // c2\n\t\tCc:      3,\n\t\tD:       4, // c4\n\t}\n',
  },
  {
    name: 'a literal inside a field over several lines is aligned for itself',
    before: '\t_ = &C{\n\t\tName: "x",\n\t\tTimeouts: &T{\n\t\t\tCreate: "5m",\n\t\t\tUpdate: "5m",\n\t\t},\n\t}\n',
    find: '\t\t\tUpdate: "5m",\n',
    replace: '\t\t\tUpdate: "5m",\n\t\t\tDeleteAll: "5m",\n',
    after: '\t_ = &C{\n\t\tName: "x",\n\t\tTimeouts: &T{\n\t\t\tCreate:    "5m",\n\t\t\tUpdate:    "5m",\n\t\t\tDeleteAll: "5m",\n\t\t},\n\t}\n',
  },
  {
    name: 'a raw string over lines ends the run',
    before: '\t_ = &C{\n\t\tA: 1,\n\t\tBb: `x\ny`,\n\t\tCcc: 1,\n\t\tD:   1,\n\t}\n',
    find: 'Ccc:',
    replace: 'C:',
    after: '\t_ = &C{\n\t\tA: 1,\n\t\tBb: `x\ny`,\n\t\tC: 1,\n\t\tD: 1,\n\t}\n',
  },
  {
    name: 'widths are counted in characters, as gofmt counts them',
    before: '\t_ = &C{\n\t\tÉé: "😀😀",  // a\n\t\tB:  "xyz", // b\n\t}\n',
    find: '"xyz"',
    replace: '"x"',
    after: '\t_ = &C{\n\t\tÉé: "😀😀", // a\n\t\tB:  "x",  // b\n\t}\n',
  },
];

describe('gofmt alignment after a fix', () => {
  for (const c of CASES) {
    it(c.name, () => {
      assert.equal(realigned(c.before, c.find, c.replace).text, c.after);
    });
  }
  it('a literal gofmt did not align is left as it is: the fix\'s edits come back unchanged', () => {
    const r = realigned('\t_ = &C{\n\t\tA: 1,\n\t\tBbbbb: 2,\n\t\tCc: 3,\n\t}\n', '\t\tBbbbb: 2,\n', '');
    assert.equal(r.result, r.edits);
    assert.equal(r.text, '\t_ = &C{\n\t\tA: 1,\n\t\tCc: 3,\n\t}\n');
  });
});
