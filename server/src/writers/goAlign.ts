/**
 * gofmt alignment after a fix. In a composite literal gofmt puts the values of consecutive one-line `Key: value`
 * lines in one column (one past the longest `Key:`), and the trailing comments of consecutive such lines in
 * another. A fix that adds, removes or renames a field, or changes a value's width, can move those columns for
 * the neighbours too; `realignGo` re-does them as gofmt would (go/printer's `exprList` and its tabwriter), when
 * the literal was aligned before the fix.
 *
 * What gofmt aligns, checked with gofmt itself: a field starting a line of its own whose whole `Key: value` fits
 * on that line (a field on the brace's line, after another on its line, or over several lines is written with one
 * blank after its colon); a run of such lines ends at a blank line, a comment line, a field over several lines,
 * after a line holding several fields, and where of two consecutive keys one is longer than 40 bytes and the new
 * one is 2.5 times longer or shorter than the geometric mean of the run's keys so far. Trailing comments align
 * over the consecutive lines of a run that have one.
 */
import type { Position as Pos } from '../model/types';
import { applyTo, diff } from './spanEdit';
import type { LineSource, TextEdit } from './writer';

interface Token {
  kind: 'string' | 'comment' | 'open' | 'close' | 'comma' | 'colon' | 'other';
  /** Its first character (which bracket it is). */
  ch: string;
  start: Pos;
  end: Pos;
}

/** One element of a composite literal: `Key: value` (or a value alone). */
interface Element {
  start: Pos;
  /** The end of its last token. */
  end: Pos;
  /** The `:` after its key, and the first token after it. */
  colon?: Pos;
  value?: Pos;
  /** A comment comes before it on its line (`/* c *\/ Key: v`): gofmt then starts a new section; left alone. */
  afterComment: boolean;
}

interface Literal {
  open: Pos;
  elements: Element[];
}

interface Scan {
  literals: Literal[];
  /** Per line: where its code ends and its trailing comment starts, for lines that end in one. */
  trailing: Map<number, { code: number; comment: number }>;
}

/**
 * The edits of a fix inside the composite literal whose `{` ends at `open` and whose `}` is at `close` (absolute
 * positions), made to leave its fields and comments aligned as gofmt would when they were aligned before: the
 * edits as they are when they already do, else one edit over the span that changes.
 */
export function realignGo(edits: TextEdit[], open: Pos, close: Pos, src: LineSource): TextEdit[] {
  const first = open.line;
  const last = close.line;
  if (edits.length === 0 || edits.some((e) => e.range.start.line < first || e.range.end.line > last)) return edits;
  const before: string[] = [];
  for (let l = first; l <= last; l++) before.push(src.lineText(l));
  const start = { line: 0, character: open.character };
  const old = scan(before, start);
  if (!old) return edits;
  const keys = aligned(old, before, 'key');
  const comments = aligned(old, before, 'comment');
  if (!keys && !comments) return edits;
  const oldText = before.join('\n');
  const edited = applyTo(oldText, before, edits, first);
  const lines = edited.split('\n');
  let now = scan(lines, start);
  if (!now) return edits;
  if (keys) {
    align(now, lines, 'key');
    // The comments' column is measured on the lines as realigned.
    now = scan(lines, start)!;
  }
  if (comments) align(now, lines, 'comment');
  const text = lines.join('\n');
  if (text === edited) return edits;
  return [diff(oldText, text, before, first)];
}

/** The literal opened just before `from` and the literals inside it; undefined when the text is not read through. */
function scan(lines: string[], from: Pos): Scan | undefined {
  const tokens = tokenize(lines, from);
  if (!tokens) return undefined;
  const literals: Literal[] = [];
  let i = 0;
  // Reads a bracketed group whose opener is before tokens[i], up to and with its closer; a `{}` group collects its
  // elements. (A block of statements, such as a function literal's body, reads as a literal of one element with
  // no key, or of elements over several lines, which gofmt would not align either.)
  const group = (literal: boolean, open: Pos): boolean => {
    const lit: Literal | undefined = literal ? { open, elements: [] } : undefined;
    if (lit) literals.push(lit);
    let el: Element | undefined;
    let prev: Token | undefined;
    while (i < tokens.length) {
      const t = tokens[i++];
      if (t.kind === 'close') return true;
      if (t.kind === 'comment') {
        prev = t;
        continue;
      }
      if (lit && t.kind === 'comma') {
        el = undefined;
        prev = t;
        continue;
      }
      if (lit && !el) {
        el = { start: t.start, end: t.end, afterComment: prev?.kind === 'comment' && prev.end.line === t.start.line };
        lit.elements.push(el);
      }
      if (el && t.kind === 'colon' && !el.colon) el.colon = t.start;
      else if (el && el.colon && !el.value) el.value = t.start;
      if (t.kind === 'open' && !group(t.ch === '{', t.start)) return false;
      if (el) el.end = tokens[i - 1].end;
      prev = tokens[i - 1];
    }
    return false; // unclosed
  };
  if (!group(true, { line: from.line, character: from.character - 1 })) return undefined;
  return { literals, trailing: trailingComments(tokens) };
}

/** The trailing comment of each line that has code before it and nothing but comments after it. */
function trailingComments(tokens: Token[]): Map<number, { code: number; comment: number }> {
  const out = new Map<number, { code: number; comment: number }>();
  let code: Pos | undefined;
  let comment: Pos | undefined;
  const flush = () => {
    if (code && comment) out.set(code.line, { code: code.character, comment: comment.character });
  };
  for (const t of tokens) {
    if (code && t.start.line !== code.line) {
      flush();
      code = comment = undefined;
    }
    if (t.kind === 'comment') {
      if (code && !comment) comment = t.start;
    } else {
      code = t.end;
      comment = undefined;
    }
  }
  flush();
  return out;
}

/**
 * The tokens from `from` to the end of the lines; undefined when a string is left open or a block comment runs
 * past its line (gofmt's cells around one are not modelled).
 */
function tokenize(lines: string[], from: Pos): Token[] | undefined {
  const out: Token[] = [];
  let l = from.line;
  let c = from.character;
  while (l < lines.length) {
    const text = lines[l];
    if (c >= text.length) {
      l++;
      c = 0;
      continue;
    }
    const ch = text[c];
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      c++;
      continue;
    }
    const start = { line: l, character: c };
    let kind: Token['kind'];
    if (ch === '/' && text[c + 1] === '/') {
      kind = 'comment';
      c = text.length;
    } else if (ch === '/' && text[c + 1] === '*') {
      const end = text.indexOf('*/', c + 2);
      if (end === -1) return undefined;
      kind = 'comment';
      c = end + 2;
    } else if (ch === '"' || ch === "'") {
      kind = 'string';
      c++;
      while (c < text.length && text[c] !== ch) c += text[c] === '\\' ? 2 : 1;
      if (c >= text.length) return undefined;
      c++;
    } else if (ch === '`') {
      // A raw string may run over lines.
      kind = 'string';
      let end = text.indexOf('`', c + 1);
      while (end === -1 && l + 1 < lines.length) end = lines[++l].indexOf('`');
      if (end === -1) return undefined;
      c = end + 1;
    } else if ('([{'.includes(ch)) {
      kind = 'open';
      c++;
    } else if (')]}'.includes(ch)) {
      kind = 'close';
      c++;
    } else if (ch === ',') {
      kind = 'comma';
      c++;
    } else if (ch === ':' && text[c + 1] !== '=') {
      kind = 'colon';
      c++;
    } else {
      // A name, a number or an operator: how they split does not matter here (`:=` is no key's colon).
      kind = 'other';
      c += ch === ':' ? 2 : 1;
    }
    out.push({ kind, ch, start, end: { line: l, character: c } });
  }
  return out;
}

/**
 * The runs of elements whose `Key:` gofmt puts in one column, each run's elements on consecutive lines (`column`);
 * and each other `Key: value` that starts its value on the key's line, alone: gofmt writes it with one blank.
 */
function runs(lit: Literal, lines: string[]): { elements: Element[]; column: boolean }[] {
  const out: { elements: Element[]; column: boolean }[] = [];
  let run: Element[] = [];
  const n = lit.elements.length;
  let prevLine = lit.open.line;
  // go/printer's exprList: the index of the last element that began a line, the key size of the one before, and
  // the sum of the logarithms of the sizes since the section began, and their count.
  let prevBreak = n > 0 && lit.elements[0].start.line > lit.open.line ? 0 : -1;
  let size = 0;
  let lnsum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const e = lit.elements[i];
    const line = e.start.line;
    const prevSize = size;
    const text = lines[line];
    size = e.end.line !== line ? 0 : utf8Length(text.slice(e.start.character, e.colon ? keyEnd(text, e) : e.end.character));
    let useFF = true;
    if (prevSize > 0 && size > 0) {
      if (count === 0 || (prevSize <= 40 && size <= 40)) useFF = false;
      else {
        const ratio = size / Math.exp(lnsum / count);
        useFF = 2.5 * ratio <= 1 || 2.5 <= ratio;
      }
    }
    const newLine = prevLine < line;
    // A new section: a form feed (flushing gofmt's columns), or a blank or comment line between.
    let section = i === 0;
    if (i > 0 && newLine) {
      section = useFF || prevBreak + 1 < i || line - prevLine > 1;
      if (section) {
        lnsum = 0;
        count = 0;
      }
      prevBreak = i;
    }
    // (gofmt gives a literal's only field no cell, but writes it as a run of one would be: one blank after the
    // colon and before a trailing comment, there being no field around to align with.)
    const cell = e.colon !== undefined && e.value !== undefined && size > 0 && newLine && !e.afterComment;
    if (cell && !section && run.length > 0 && run[run.length - 1] === lit.elements[i - 1]) run.push(e);
    else {
      if (run.length) out.push({ elements: run, column: true });
      run = cell ? [e] : [];
      if (!cell && e.value && e.value.line === line && !e.afterComment) out.push({ elements: [e], column: false });
    }
    if (size > 0) {
      lnsum += Math.log(size);
      count++;
    }
    prevLine = e.end.line;
  }
  if (run.length) out.push({ elements: run, column: true });
  return out;
}

/** Where the key before the element's `:` ends (without the blanks before the colon). */
function keyEnd(text: string, e: Element): number {
  let k = e.colon!.character;
  while (k > e.start.character && (text[k - 1] === ' ' || text[k - 1] === '\t')) k--;
  return k;
}

/** The cells of a run: where the text before the aligned column ends, and where the aligned text starts. */
function cellsOf(s: Scan, lit: Literal, lines: string[], cell: 'key' | 'comment'): { line: number; before: number; at: number }[][] {
  const out: { line: number; before: number; at: number }[][] = [];
  for (const run of runs(lit, lines)) {
    if (cell === 'key') {
      out.push(run.elements.map((e) => ({ line: e.start.line, before: e.colon!.character + 1, at: e.value!.character })));
      continue;
    }
    // A comment after a field that is no cell of gofmt's may align with the lines around the literal: left alone.
    if (!run.column) continue;
    let group: { line: number; before: number; at: number }[] = [];
    for (const e of run.elements) {
      const t = s.trailing.get(e.start.line);
      if (t) group.push({ line: e.start.line, before: t.code, at: t.comment });
      else {
        if (group.length) out.push(group);
        group = [];
      }
    }
    if (group.length) out.push(group);
  }
  return out;
}

/** Is every run aligned as gofmt aligns it (only blanks before the column, one past the longest text before it)? */
function aligned(s: Scan, lines: string[], cell: 'key' | 'comment'): boolean {
  for (const lit of s.literals) {
    for (const run of cellsOf(s, lit, lines, cell)) {
      const column = Math.max(...run.map((c) => width(lines[c.line], c.before))) + 1;
      for (const c of run) {
        if (width(lines[c.line], c.at) !== column || lines[c.line].slice(c.before, c.at).trim() !== '') return false;
      }
    }
  }
  return true;
}

/** Aligns every run of the cell in place. */
function align(s: Scan, lines: string[], cell: 'key' | 'comment'): void {
  const moves: { line: number; before: number; at: number; blanks: number }[] = [];
  for (const lit of s.literals) {
    for (const run of cellsOf(s, lit, lines, cell)) {
      const column = Math.max(...run.map((c) => width(lines[c.line], c.before))) + 1;
      for (const c of run) moves.push({ ...c, blanks: column - width(lines[c.line], c.before) });
    }
  }
  // A line can hold several (`A: 1, B: 2`): the rightmost first, so that the positions of the others hold.
  moves.sort((a, b) => a.line - b.line || b.before - a.before);
  for (const m of moves) lines[m.line] = lines[m.line].slice(0, m.before) + ' '.repeat(m.blanks) + lines[m.line].slice(m.at);
}

/** The width of `text` up to `end` as gofmt's tabwriter counts it: in characters (code points), a tab one. */
function width(text: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (!isLowSurrogate(text.charCodeAt(i))) n++;
  return n;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** go/printer measures a key's size in bytes. */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
