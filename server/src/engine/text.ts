/** Applying LSP content changes to plain text (for files kept unparsed, such as refused ones). */
import type { Position, Range } from '../model/types';
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

/**
 * The line break to write on `line`: the one that ends it (`lineBreak`), or for the last line, which has none, the
 * one above's. A file mixing `\n` and `\r\n` keeps each line's own.
 */
export function lineBreakAt(file: { lineBreak(line: number): string }, line: number): string {
  return file.lineBreak(line) || (line > 0 && file.lineBreak(line - 1)) || '\n';
}

/**
 * `edits` with the line breaks of their new text written as the lines they edit end (`breakAt`, `lineBreakAt`): a
 * fix must not mix `\n` into a CRLF file, nor `\r\n` into the LF lines of a file mixing both. An edit over several
 * lines whose new text has as many breaks as it replaces keeps each line's own (a realignment rewrites its lines);
 * any other writes the break of the line it starts on.
 */
export function withLineBreaks<T extends { range: Range; newText: string }>(edits: T[], breakAt: (line: number) => string): T[] {
  return edits.map((e) => {
    if (!e.newText.includes('\n')) return e;
    const pieces = e.newText.split(/\r?\n/);
    const { start, end } = e.range;
    const own = pieces.length - 1 === end.line - start.line;
    let newText = pieces[0];
    for (let i = 1; i < pieces.length; i++) newText += breakAt(own ? start.line + i - 1 : start.line) + pieces[i];
    return newText === e.newText ? e : { ...e, newText };
  });
}

/**
 * A file's text as an editor shows it: without the byte-order mark some Windows tools write first. VS Code
 * drops it from the document, so positions counted with it would be one column off on the first line.
 */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
