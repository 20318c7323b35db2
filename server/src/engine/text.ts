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

/** The line break a text uses, judged by its first one (`head`: the text's beginning): `\r\n` or `\n`. */
export function lineBreakOf(head: string): string {
  const nl = head.indexOf('\n');
  return nl > 0 && head.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
}

/** `edits` with the line breaks of their new text written as `eol`: a fix must not mix `\n` into a CRLF file. */
export function withLineBreaks<T extends { newText: string }>(edits: T[], eol: string): T[] {
  return eol === '\n' ? edits : edits.map((e) => ({ ...e, newText: e.newText.replace(/\r?\n/g, eol) }));
}

/**
 * A file's text as an editor shows it: without the byte-order mark some Windows tools write first. VS Code
 * drops it from the document, so positions counted with it would be one column off on the first line.
 */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
