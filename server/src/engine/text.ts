/** Applying LSP content changes to plain text (for files kept unparsed, such as refused ones). */
import type { Position, Range } from '../model/types';
import type { TextChange } from '../syntax/hcl/document';
import { lineBreakRefusal } from './guards';
import type { SourceFile } from './sourceFile';

/**
 * The offset of `pos` in `text`, its lines counted as LSP counts them: a line break is `\n`, `\r\n` or a lone `\r`
 * (a refused file may hold one: `guards.ts`). A column past a line's end is its end, before its line break.
 */
function offsetAt(text: string, pos: Position): number {
  let offset = 0;
  for (let line = 0; line < pos.line; line++) {
    const end = lineEnd(text, offset);
    if (end === text.length) return text.length;
    offset = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return Math.min(offset + Math.max(0, pos.character), lineEnd(text, offset));
}

/** Where the line that starts at `from` ends: its line break, or the end of the text. */
function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
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

/**
 * Does `change` write a line break that is a lone carriage return into `file` (`lineBreakRefusal` in `guards.ts`)?
 * Read from the change and the line it ends on, not from the whole text: a `\r` of its text not followed by `\n`
 * there, or one ending it, unless it lands right before an LF line break (which it turns into CRLF). Positions
 * never fall between the `\r` and the `\n` of a CRLF (a column past a line's end is before its line break), so an
 * edit elsewhere cannot split one.
 */
export function writesLoneCarriageReturn(file: Pick<SourceFile, 'lineText' | 'lineBreak'>, change: TextChange): boolean {
  const t = change.text;
  if (!t.includes('\r')) return false;
  if (!change.range) return lineBreakRefusal(t) !== undefined;
  for (let i = t.indexOf('\r'); i !== -1 && i < t.length - 1; i = t.indexOf('\r', i + 1)) if (t.charCodeAt(i + 1) !== 10) return true;
  if (!t.endsWith('\r')) return false;
  const end = change.range.end;
  return !(end.character >= file.lineText(end.line).length && file.lineBreak(end.line) === '\n');
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
