/**
 * Edits over a span of lines, for the writers that rework a fix's text around it (`hclAlign.ts`, `goAlign.ts`):
 * the fix's edits made on a copy of the lines, and the result given back as one edit over what changed.
 */
import type { Range } from '../model/types';
import type { TextEdit } from './writer';

/** `text` (the lines from `first` on) with the edits made. */
export function applyTo(text: string, lines: string[], edits: TextEdit[], first: number): string {
  const starts = lineStarts(lines);
  const offset = (p: Range['start']) => starts[p.line - first] + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const e of sorted) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  return text;
}

function lineStarts(lines: string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length + 1;
  }
  return starts;
}

/** One edit turning `from` into `to`: over what lies between their common start and their common end. */
export function diff(from: string, to: string, lines: string[], first: number): TextEdit {
  let start = 0;
  while (start < from.length && start < to.length && from[start] === to[start]) start++;
  let end = 0;
  while (end < from.length - start && end < to.length - start && from[from.length - 1 - end] === to[to.length - 1 - end]) end++;
  const starts = lineStarts(lines);
  const position = (offset: number) => {
    let l = starts.length - 1;
    while (starts[l] > offset) l--;
    return { line: first + l, character: offset - starts[l] };
  };
  return { range: { start: position(start), end: position(from.length - end) }, newText: to.slice(start, to.length - end) };
}
