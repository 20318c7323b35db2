/**
 * "Fix all": the fixes safe to apply unasked (`NeutralFix.auto`: a misspelt name, a value's case, a read-only
 * argument) applied to a whole file at once, for the editor's `source.fixAll` action and the CLI's `--fix`.
 * Fixes that guess at an intent (a value brought into range) stay quick fixes for the user to choose.
 *
 * Fixes are rendered against one text and may not be applied together when their edits meet (two fixes of one
 * block both realign its `=`), so this works in rounds: each round applies the fixes whose edits meet no other's,
 * the file is read again, and the next round judges it afresh, until no finding has a fix left to apply.
 */
import type { AnalysisContext } from '../analysis/context';
import type { Finding, NeutralFix } from '../analysis/finding';
import type { Position, ResourceInstance } from '../model/types';
import type { TextEdit } from '../writers/writer';
import { isIgnored } from './ignoreComments';
import type { Placed, SourceFile } from './sourceFile';
import { fixEdits } from './fixEdits';

export interface FixAllHost {
  /** The same document with another text (the file after a round of fixes). */
  reread(text: string): SourceFile;
  /** The context a version of the file is judged in. */
  contextOf(file: SourceFile): AnalysisContext;
  /** Is a finding of this code reported at all (a code turned `off` is not fixed either)? */
  reported(code: string): boolean;
}

export interface FixedFile {
  /** The text with the fixes applied (the same string when none applied). */
  text: string;
  /** The file read from that text (the one given when nothing changed). */
  file: SourceFile;
  /** The fixes applied, in the order of the rounds, each with the code of the finding it fixed. */
  fixed: { code: string; title: string }[];
}

/** Enough for fixes that enable other fixes; a fix that keeps making work for the next round stops here. */
const MAX_ROUNDS = 8;
/**
 * Lines of the file judged at a time: between them `fixAllSteps` pauses, where the server may read the messages that
 * came in meanwhile (a change of the document cancels the request). 100k lines with 10k fixes take seconds.
 */
const SLICE = 500;

/** The fixes of the whole file, made at once (the CLI's `--fix`). */
export function fixAll(file: SourceFile, host: FixAllHost): FixedFile {
  const steps = fixAllSteps(file, host);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `fixAll` in steps: it pauses (yields) after each slice of lines judged. The caller may stop between steps; the
 * text it is given when done is the file's as it was when the steps began, fixed.
 */
export function* fixAllSteps(file: SourceFile, host: FixAllHost): Generator<void, FixedFile, void> {
  const fixed: FixedFile['fixed'] = [];
  const seen = new Set<string>();
  let text = file.text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    seen.add(text);
    const chosen = yield* fixesOfRound(file, lineCount(text), host);
    if (chosen.length === 0) break;
    const next = applyEdits(text, chosen.flatMap((c) => c.edits));
    // A fix that changes nothing, or puts back an earlier text, would go round for ever.
    if (seen.has(next)) break;
    for (const c of chosen) fixed.push({ code: c.code, title: c.fix.title });
    text = next;
    file = host.reread(text);
  }
  return { text, file, fixed };
}

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

interface Chosen {
  code: string;
  fix: NeutralFix;
  edits: TextEdit[];
  /** The instance of its finding, and the names its renames write there. */
  instance?: ResourceInstance;
  names: string[];
}

/** The findings of `file` with a fix to apply unasked, judged a slice of lines at a time (a pause after each). */
function* autoFixable(file: SourceFile, lines: number, ctx: AnalysisContext): Generator<void, Placed<Finding>[], void> {
  const out: Placed<Finding>[] = [];
  for (let from = 0; from < lines; from += SLICE) {
    const to = from + SLICE;
    // The last slice reaches past the end: a finding there is the file's too.
    const range = { start: { line: from, character: 0 }, end: to < lines ? { line: to - 1, character: Number.MAX_SAFE_INTEGER } : { line: Number.MAX_SAFE_INTEGER, character: 0 } };
    for (const placed of file.findingsAt(range, ctx)) {
      // A finding over lines of two slices is the first one's.
      const start = placed.value.range.start.line + placed.base;
      if ((start >= from || from === 0) && placed.value.fixes.some((f) => f.auto)) out.push(placed);
    }
    if (to < lines) yield;
  }
  return out;
}

/** The preferred fixes of `file` (of `lines` lines) whose edits meet no other chosen fix's, in the file's order. */
function* fixesOfRound(file: SourceFile, lines: number, host: FixAllHost): Generator<void, Chosen[], void> {
  const ctx = host.contextOf(file);
  const candidates: Chosen[] = [];
  for (const { value: finding, base } of yield* autoFixable(file, lines, ctx)) {
    const fix = finding.fixes.find((f) => f.auto);
    if (!fix || !host.reported(finding.code)) continue;
    if (isIgnored(finding.code, finding.range.start.line + base, file)) continue;
    const edits = fixEdits(file, fix.edits, finding.instance, base);
    // A fix that would take a comment with it (`status = "x" # why`) is left for the user to choose: unasked, no
    // text of theirs may go.
    if (edits.length && !dropsComment(file, edits)) candidates.push({ code: finding.code, fix, edits, instance: finding.instance, names: fix.edits.flatMap((e) => (e.kind === 'rename' ? [e.to] : [])) });
  }
  // In the file's order: the fixes are listed that way, and where two meet, the first in the file goes first.
  const startOf = (c: Chosen) => c.edits.reduce((p, e) => (before(e.range.start, p) ? e.range.start : p), c.edits[0].range.start);
  candidates.sort((x, y) => {
    const a = startOf(x);
    const b = startOf(y);
    return a.line - b.line || a.character - b.character;
  });
  const taken: TextEdit[] = [];
  const named = new Map<ResourceInstance | undefined, Set<string>>();
  const chosen: Chosen[] = [];
  for (const c of candidates) {
    // Edits that only touch are kept apart too: two insertions at one place would come out in either order.
    if (c.edits.some((e) => taken.some((t) => meets(e, t)))) continue;
    // Two misspellings of one name in a block (`bfd_multihop`, `bfd_multihopp`) both suggest it: renaming both
    // would write it twice. The first goes; the next round no longer suggests a name the block has.
    const names = named.get(c.instance) ?? new Set<string>();
    if (c.names.some((n) => names.has(n))) continue;
    taken.push(...c.edits);
    c.names.forEach((n) => names.add(n));
    named.set(c.instance, names);
    chosen.push(c);
  }
  return chosen;
}

/**
 * Does applying `edits` lose a comment of the file: one starting in a range they replace whose text none of them
 * writes back (a realignment rewrites its lines, comments and all)? Read from the file's lexer (`commentAt`); a
 * file without one is not asked.
 */
function dropsComment(file: SourceFile, edits: TextEdit[]): boolean {
  if (!file.commentAt) return false;
  const written = edits.map((e) => e.newText).join('\n');
  for (const { range } of edits) {
    for (let l = range.start.line; l <= range.end.line; l++) {
      const text = file.lineText(l);
      const from = l === range.start.line ? range.start.character : 0;
      const to = l === range.end.line ? Math.min(range.end.character, text.length) : text.length;
      for (let c = from; c < to; c++) {
        const ch = text.charCodeAt(c);
        // A comment starts with `#` or `/` (`//`, `/*`); outside tokens only comments and blanks are.
        if ((ch === 35 || ch === 47) && file.commentAt(l, c) && !(c > 0 && file.commentAt(l, c - 1) && text.charCodeAt(c - 1) > 32)) {
          if (!written.includes(text.slice(c, to).trim())) return true;
          break;
        }
      }
    }
  }
  return false;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Do two edits' ranges overlap or touch? */
function meets(a: TextEdit, b: TextEdit): boolean {
  return !before(a.range.end, b.range.start) && !before(b.range.end, a.range.start);
}

/** `text` with edits that do not meet applied (positions of `text`; past a line's end means its end). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) starts.push(nl + 1);
  const offset = (p: Position): number => {
    if (p.line >= starts.length) return text.length;
    let lineEnd = p.line + 1 < starts.length ? starts[p.line + 1] - 1 : text.length;
    if (lineEnd > starts[p.line] && text.charCodeAt(lineEnd - 1) === 13 && lineEnd < text.length) lineEnd--;
    return Math.min(starts[p.line] + p.character, lineEnd);
  };
  const placed = edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), newText: e.newText }));
  placed.sort((x, y) => x.start - y.start || x.end - y.end);
  // Pieces joined once: a large file with many fixes is not copied once per fix.
  const parts: string[] = [];
  let from = 0;
  for (const e of placed) {
    parts.push(text.slice(from, e.start), e.newText);
    from = Math.max(from, e.end);
  }
  parts.push(text.slice(from));
  return parts.join('');
}
