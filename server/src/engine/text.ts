/** Applying LSP content changes to plain text (for files kept unparsed, such as refused ones). */
import type { Position } from '../model/types';
import type { TextChange } from '../syntax/hcl/document';

function offsetAt(text: string, pos: Position): number {
  let offset = 0;
  for (let line = 0; line < pos.line; line++) {
    const nl = text.indexOf('\n', offset);
    if (nl === -1) return text.length;
    offset = nl + 1;
  }
  const end = text.indexOf('\n', offset);
  return Math.min(offset + Math.max(0, pos.character), end === -1 ? text.length : end);
}

export function applyChanges(text: string, changes: readonly TextChange[]): string {
  for (const c of changes) {
    if (!c.range) {
      text = c.text;
      continue;
    }
    const start = offsetAt(text, c.range.start);
    const end = Math.max(start, offsetAt(text, c.range.end));
    text = text.slice(0, start) + c.text + text.slice(end);
  }
  return text;
}
