/**
 * `terraform fmt` alignment after a fix: the `=` of consecutive one-line arguments share a column (one past the
 * longest name), and so do the trailing comments of consecutive lines. A fix that renames, adds or removes an
 * argument can change that column for its neighbours too; `realign` re-does the block's alignment the way
 * `terraform fmt` does (hclwrite's `formatCells`), when the block was aligned before the fix.
 */
import { heredocOpenerAt, OpenInterpolations, quotedEnd } from '../syntax/hcl/quoted';
import { applyTo, diff } from './spanEdit';
import type { LineSource, TextEdit } from './writer';

/** One line as `terraform fmt` sees it: a heredoc or a block comment makes several lines of the text one line. */
interface FmtLine {
  /** The line of the text it starts on (an index into the lines given). */
  line: number;
  /** Its `=` cell, when it has one: where the name before it ends (no blanks), and the `=`. */
  lead?: number;
  eq?: number;
  /** Its trailing `#` or `//` comment, when it has one: where the code before it ends, and the comment. */
  code?: number;
  comment?: number;
}

/**
 * The edits of a fix on the block of lines `first..last` (absolute), made to leave the block aligned as
 * `terraform fmt` would when it was aligned before: the edits as they are when they already do, else one edit
 * over the span that changes (the fix's own change and the neighbours' blanks).
 */
export function realign(edits: TextEdit[], first: number, last: number, src: LineSource): TextEdit[] {
  if (edits.length === 0 || edits.some((e) => e.range.start.line < first || e.range.end.line > last)) return edits;
  const before: string[] = [];
  for (let l = first; l <= last; l++) before.push(src.lineText(l));
  const old = scan(before);
  const assigns = aligned(old, before, 'assign');
  const comments = aligned(old, before, 'comment');
  if (!assigns && !comments) return edits;
  const oldText = before.join('\n');
  const edited = applyTo(oldText, before, edits, first);
  const lines = edited.split('\n');
  if (assigns) align(scan(lines), lines, 'assign');
  // Comments after the `=` moved: their column is measured on the lines as realigned.
  if (comments) align(scan(lines), lines, 'comment');
  const text = lines.join('\n');
  if (text === edited) return edits;
  return [diff(oldText, text, before, first)];
}

/** The lines `terraform fmt` sees in `lines`, with their `=` and comment cells. */
function scan(lines: string[]): FmtLine[] {
  const out: FmtLine[] = [];
  let l = 0;
  while (l < lines.length) {
    const f: FmtLine = { line: l };
    let text = lines[l];
    let i = 0;
    let tokens = 0;
    let eq = -1;
    let lead = -1;
    let tokenEnd = 0;
    let net = 0;
    let counting = false;
    let braceInLead = false;
    let span = 0; // lines this one reaches past its first
    for (;;) {
      while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
      if (i >= text.length) break;
      const c = text[i];
      let marker: string | undefined;
      if (c === '#' || (c === '/' && text[i + 1] === '/')) {
        if (tokens > 0 && span === 0) {
          f.code = tokenEnd;
          f.comment = i;
        }
        break;
      }
      tokens++;
      if (c === '/' && text[i + 1] === '*') {
        // A block comment may run over lines: they are one line to `terraform fmt`.
        let end = text.indexOf('*/', i + 2);
        while (end === -1 && l + span + 1 < lines.length) {
          span++;
          text = lines[l + span];
          end = text.indexOf('*/');
        }
        i = end === -1 ? text.length : end + 2;
      } else if (c === '"') {
        i = quotedEnd(text, i + 1, text.length, open);
        // A `${` left open at the end of the line opens a bracket for `terraform fmt` too.
        if (counting) net += open.depth;
      } else if (c === '<' && text[i + 1] === '<' && (marker = heredocOpenerAt(text, i)) !== undefined) {
        // A heredoc is part of its line, up to its closing marker; `terraform fmt` stops counting brackets at it.
        counting = false;
        while (l + span + 1 < lines.length && lines[l + span + 1].trim() !== marker) span++;
        if (l + span + 1 < lines.length) span++;
        i = text.length;
        tokenEnd = i;
        continue;
      } else if (c === '=' && text[i + 1] !== '=' && text[i + 1] !== '>') {
        if (eq === -1 && tokens > 1 && span === 0) {
          eq = i;
          lead = tokenEnd;
          counting = true;
        }
        i++;
      } else if ('!<>='.includes(c) && text[i + 1] === '=') {
        i += 2; // `!=`, `<=`, `>=`, `==`: not an assignment
      } else {
        if ('{[('.includes(c)) {
          if (counting) net++;
          else if (c === '{' && eq === -1) braceInLead = true;
        } else if ('}])'.includes(c) && counting) net--;
        i++;
        while (i < text.length && /[\w.\-*]/.test(text[i]) && /[\w.\-*]/.test(c)) i++;
      }
      tokenEnd = i;
    }
    // `{ a = 1` holds a block's opening too: invalid HCL, which `terraform fmt` refuses; left alone.
    if (eq !== -1 && net === 0 && !braceInLead) {
      f.lead = lead;
      f.eq = eq;
    }
    out.push(f);
    l += span + 1;
  }
  return out;
}

/** What the last string read left open at the end of its line (`quotedEnd`). */
const open: OpenInterpolations = { depth: 0 };

/** The runs of consecutive lines that have the cell (`=` or comment): `terraform fmt` aligns each run. */
function runs(lines: FmtLine[], cell: 'assign' | 'comment'): FmtLine[][] {
  const out: FmtLine[][] = [];
  let run: FmtLine[] = [];
  for (const f of lines) {
    if ((cell === 'assign' ? f.eq : f.comment) === undefined) {
      if (run.length) out.push(run);
      run = [];
    } else run.push(f);
  }
  if (run.length) out.push(run);
  return out;
}

function cellOf(f: FmtLine, cell: 'assign' | 'comment'): { before: number; at: number } {
  return cell === 'assign' ? { before: f.lead!, at: f.eq! } : { before: f.code!, at: f.comment! };
}

/** Is every run aligned as `terraform fmt` aligns it (only blanks before the cell, one past the longest)? */
function aligned(lines: FmtLine[], text: string[], cell: 'assign' | 'comment'): boolean {
  for (const run of runs(lines, cell)) {
    const column = Math.max(...run.map((f) => cellOf(f, cell).before)) + 1;
    for (const f of run) {
      const { before, at } = cellOf(f, cell);
      if (at !== column || text[f.line].slice(before, at).trim() !== '') return false;
    }
  }
  return true;
}

/** Aligns every run of the cell in place. */
function align(lines: FmtLine[], text: string[], cell: 'assign' | 'comment'): void {
  for (const run of runs(lines, cell)) {
    const column = Math.max(...run.map((f) => cellOf(f, cell).before)) + 1;
    for (const f of run) {
      const { before, at } = cellOf(f, cell);
      const line = text[f.line];
      text[f.line] = line.slice(0, before) + ' '.repeat(column - before) + line.slice(at);
    }
  }
}
