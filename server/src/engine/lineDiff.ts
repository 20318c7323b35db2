/**
 * The edits that turn one text into another, by whole lines: for "fix all", whose rounds of fixes each edit the
 * text the previous round left, but whose answer to the editor must be edits of the text it has. Small edits keep
 * the editor's cursor, folds and markers where they were (one edit replacing the file would not).
 */
import type { Position } from '../model/types';
import type { TextEdit } from '../writers/writer';

/** How far apart (in lines, on each side) two equal runs may be and still be found again after a change. */
const WINDOW = 400;
/** How many equal lines in a row count as the texts being in step again (a lone `}` is not enough). */
const RUN = 3;

/** Lines with their line breaks (`\n` or `\r\n`), the last one without if the text does not end with one. */
function linesOf(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
    lines.push(text.slice(start, nl + 1));
    start = nl + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/**
 * Edits of `before`, in order and apart, that make it `after`. Each replaces whole lines; every result is exact,
 * and as small as finding the texts in step again within `WINDOW` lines allows (past that, one edit takes the
 * rest of the difference).
 */
export function lineEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = linesOf(before);
  const b = linesOf(after);
  // Where line `i` of `before` starts; past its last line, the end of the text.
  const at = (i: number): Position => {
    if (i < a.length) return { line: i, character: 0 };
    const last = a.length - 1;
    if (last < 0) return { line: 0, character: 0 };
    return a[last].endsWith('\n') ? { line: a.length, character: 0 } : { line: last, character: a[last].length };
  };
  let endA = a.length;
  let endB = b.length;
  while (endA > 0 && endB > 0 && a[endA - 1] === b[endB - 1]) endA--, endB--;
  // In step at (x, y): RUN equal lines follow, or as many as are left when both sides end together.
  const inStep = (x: number, y: number): boolean => {
    for (let k = 0; k < RUN; k++) {
      if (x + k === endA || y + k === endB) return x + k === endA && y + k === endB;
      if (a[x + k] !== b[y + k]) return false;
    }
    return true;
  };
  const edits: TextEdit[] = [];
  let i = 0;
  let j = 0;
  while (i < endA || j < endB) {
    if (i < endA && j < endB && a[i] === b[j]) {
      i++, j++;
      continue;
    }
    // The nearest point where the texts are in step again, by the lines skipped on both sides together.
    let next: [number, number] = [endA, endB];
    search: for (let d = 1; d <= 2 * WINDOW; d++) {
      for (let k = Math.max(0, d - WINDOW); k <= Math.min(d, WINDOW); k++) {
        const x = i + k;
        const y = j + d - k;
        if (x <= endA && y <= endB && inStep(x, y)) {
          next = [x, y];
          break search;
        }
      }
    }
    edits.push({ range: { start: at(i), end: at(next[0]) }, newText: b.slice(j, next[1]).join('') });
    [i, j] = next;
  }
  return edits;
}
