/**
 * Where the lines of a CDKTF file start, kept current edit by edit: an LSP change is turned into offsets with
 * the line starts (no walk from the top of a 35k-line file), and the line starts are patched rather than
 * recomputed.
 */
import type { Position } from '../../model/types';
import type { OffsetEdit } from './retokenize';
import { firstWhere } from './search';

/**
 * The offset of `pos`, clamped as LSP clients expect: a column past the line's end is its end, before its line
 * break, the `\r` of a CRLF included (an edit there must not come between the `\r` and the `\n`).
 */
export function offsetAt(text: { length: number; charCodeAt(i: number): number }, lineStarts: number[], pos: Position): number {
  const line = Math.max(0, pos.line);
  if (line >= lineStarts.length) return text.length;
  const start = lineStarts[line];
  let end = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length;
  if (end > start && line + 1 < lineStarts.length && text.charCodeAt(end - 1) === 13) end--;
  return Math.min(start + Math.max(0, pos.character), end);
}

/** Patches `lineStarts` (in place) for `edit`; returns how many lines the text gained (negative: lost). */
export function patchLineStarts(lineStarts: number[], edit: OffsetEdit): number {
  const added: number[] = [];
  for (let i = edit.text.indexOf('\n'); i !== -1; i = edit.text.indexOf('\n', i + 1)) added.push(edit.start + i + 1);
  // Line starts in (start, end] followed a deleted newline.
  const a = upperBound(lineStarts, edit.start);
  const b = upperBound(lineStarts, edit.end);
  const delta = edit.text.length - (edit.end - edit.start);
  if (b - a === added.length) {
    for (let k = 0; k < added.length; k++) lineStarts[a + k] = added[k];
  } else if (added.length < 10000) lineStarts.splice(a, b - a, ...added);
  else {
    // A large paste: too many arguments for one splice call.
    const tail = lineStarts.slice(b);
    lineStarts.length = a;
    for (const x of added) lineStarts.push(x);
    for (const x of tail) lineStarts.push(x);
  }
  for (let i = a + added.length; i < lineStarts.length; i++) lineStarts[i] += delta;
  return added.length - (b - a);
}

/** The first index whose value is greater than `x`. */
function upperBound(a: number[], x: number): number {
  return firstWhere(a.length, (k) => a[k] > x);
}
