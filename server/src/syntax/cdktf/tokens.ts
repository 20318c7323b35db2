/**
 * A small tokenizer for the CDKTF source languages: one scanner for the C family (TypeScript, Java, C#, Go,
 * each with its own string forms) and one for Python. It keeps only what recognising constructs needs:
 * identifiers, numbers, strings (decoded lazily), punctuation and brackets, with comments dropped.
 *
 * Tokens live in typed arrays (a 35k-line file is ~300k tokens). Brackets are matched with a recovery rule for
 * half-typed code: a group still open when a line starts at or left of the indentation of the line that opened
 * it (with anything but a closer or a continuation operator) ends there, unclosed. So an unclosed `(` or `{`
 * never swallows the statements after it, and the construct being typed keeps the properties it has.
 * Strings that cannot span lines end at their line when unterminated.
 *
 * Scanning can resume after any token (`scanFrom`), which is what lets an edit re-tokenize only its own lines
 * (`retokenize.ts`); bracket matching lives in `brackets.ts`.
 */
import type { Position } from '../../model/types';
import { matchBrackets } from './brackets';
import { Source } from './source';

export type CdktfLanguage = 'typescript' | 'python' | 'java' | 'csharp' | 'go';

export { BAD_STRING, IDENT, NUMBER, PUNCT, STRING, TEMPLATE } from './kinds';
import { BAD_STRING, IDENT, NUMBER, PUNCT, STRING, TEMPLATE } from './kinds';

/** Multi-character operators, longest first. */
const OPERATORS = [
  '...', '===', '!==', '**=', '<<=', '??=', '//=',
  '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', ':=', '::', '->', '++', '--',
  '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '**', '<<', '//',
];

/** The operators by their first character, so punctuation costs one lookup. */
const OPERATORS_BY_CHAR = new Map<string, string[]>();
for (const o of OPERATORS) {
  const l = OPERATORS_BY_CHAR.get(o[0]) ?? [];
  l.push(o);
  OPERATORS_BY_CHAR.set(o[0], l);
}

function operatorAt(text: string, i: number): string {
  const candidates = OPERATORS_BY_CHAR.get(text[i]);
  if (candidates) for (const o of candidates) if (text.startsWith(o, i)) return o;
  return '';
}


export class Tokens {
  n = 0;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  line: Int32Array;
  /** 1 when the token is the first on its line. */
  first: Uint8Array;
  /** For an opener: the index of its closer, or -1 when unclosed. */
  closeOf: Int32Array;
  /** For an opener: the index where its contents end (its closer, or the token that ended it unclosed). */
  extent: Int32Array;
  /**
   * The bracket stack as links (see `brackets.ts`): for an opener, the opener below it; for any other token,
   * the innermost group still open after it; -1 for none. It lets matching resume at any token.
   */
  up: Int32Array;
  /**
   * The first token whose scan read to the end of the text (a multi-line string left open): an edit anywhere
   * after it may change it, so re-tokenizing never starts after it. `n` when there is none.
   */
  firstOpenEnded = 0;
  /**
   * Names the file imports cdktf's `Token` as (`import { Token as T }`), besides `Token`: `values.ts` sees through
   * `T.asNumber(...)` too. Set with the file's class names (`constructs.ts`), which an edit to an import reads again.
   */
  tokenAliases: ReadonlySet<string> = new Set();

  constructor(public text: Source, readonly language: CdktfLanguage, public lineStarts: number[], capacity = Math.max(16, text.length >> 2)) {
    this.kind = new Uint8Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.line = new Int32Array(capacity);
    this.first = new Uint8Array(capacity);
    this.closeOf = new Int32Array(capacity);
    this.extent = new Int32Array(capacity);
    this.up = new Int32Array(capacity);
  }

  push(kind: number, start: number, end: number, line: number, first: boolean): void {
    if (this.n === this.kind.length) this.reserve(this.n + 1);
    const i = this.n++;
    this.kind[i] = kind;
    this.start[i] = start;
    this.end[i] = end;
    this.line[i] = line;
    this.first[i] = first ? 1 : 0;
  }

  /** Makes room for `count` tokens (at least doubling, so appending stays amortised O(1)). */
  reserve(count: number): void {
    if (count <= this.kind.length) return;
    const cap = Math.max(count, this.kind.length * 2);
    const grow = <T extends Uint8Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.kind = grow(this.kind, (n) => new Uint8Array(n));
    this.start = grow(this.start, (n) => new Int32Array(n));
    this.end = grow(this.end, (n) => new Int32Array(n));
    this.line = grow(this.line, (n) => new Int32Array(n));
    this.first = grow(this.first, (n) => new Uint8Array(n));
    this.closeOf = grow(this.closeOf, (n) => new Int32Array(n));
    this.extent = grow(this.extent, (n) => new Int32Array(n));
    this.up = grow(this.up, (n) => new Int32Array(n));
  }

  text_(i: number): string {
    return this.text.slice(this.start[i], this.end[i]);
  }

  /** Token `i`'s length and first character as one number, as `wordShape` gives a word's: compared without a substring. */
  shape(i: number): number {
    return (this.end[i] - this.start[i]) * 65536 + this.text.charCodeAt(this.start[i]);
  }

  /** The token is the punctuation `p`. */
  is(i: number, p: string): boolean {
    if (i < 0 || i >= this.n || this.kind[i] !== PUNCT) return false;
    const s = this.start[i];
    if (this.end[i] - s !== p.length) return false;
    return p.length === 1 ? this.text.charCodeAt(s) === p.charCodeAt(0) : this.text.startsWith(p, s);
  }

  isIdent(i: number, name?: string): boolean {
    if (i < 0 || i >= this.n || this.kind[i] !== IDENT) return false;
    if (name === undefined) return true;
    return this.end[i] - this.start[i] === name.length && this.text.startsWith(name, this.start[i]);
  }

  isOpener(i: number): boolean {
    if (this.kind[i] !== PUNCT || this.end[i] - this.start[i] !== 1) return false;
    const c = this.text.charCodeAt(this.start[i]);
    return c === 40 || c === 91 || c === 123;
  }

  /** The index just after a group (after its closer, or where it was cut off). */
  after(open: number): number {
    return this.closeOf[open] >= 0 ? this.closeOf[open] + 1 : this.extent[open];
  }

  column(i: number): number {
    return this.start[i] - this.lineStarts[this.line[i]];
  }

  /** The line of the last `pos` call: lookups walk forward through a construct, so most are O(1). */
  hint = 0;

  /** LSP position (UTF-16 columns) of an offset. */
  pos(offset: number): Position {
    const ls = this.lineStarts;
    const h = this.hint;
    if (ls[h] <= offset) {
      if (h + 1 >= ls.length || offset < ls[h + 1]) return { line: h, character: offset - ls[h] };
      if (h + 2 >= ls.length || offset < ls[h + 2]) {
        this.hint = h + 1;
        return { line: h + 1, character: offset - ls[h + 1] };
      }
    }
    let lo = 0;
    let hi = ls.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ls[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.hint = lo;
    return { line: lo, character: offset - ls[lo] };
  }

  offsetAt(p: Position): number {
    if (p.line < 0) return 0;
    if (p.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[p.line];
    const next = p.line + 1 < this.lineStarts.length ? this.lineStarts[p.line + 1] - 1 : this.text.length;
    return Math.min(start + Math.max(0, p.character), next);
  }

  /** Index of the first token starting at or after `offset` (n when none). */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.start[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  indentOfLine(line: number, t: Chars = this.text): number {
    let i = this.lineStarts[line];
    let n = 0;
    for (;;) {
      const c = t.charCodeAt(i++);
      if (c === 32) n++;
      else if (c === 9) n += 4;
      else return n;
    }
  }

  /** Visual column (tabs as 4) of a token's start, comparable with `indentOfLine`. */
  visualColumn(i: number, t: Chars = this.text): number {
    const ls = this.lineStarts[this.line[i]];
    let n = 0;
    for (let k = ls; k < this.start[i]; k++) n += t.charCodeAt(k) === 9 ? 4 : 1;
    return n;
  }
}

/** A word's length and first character as one number (`Tokens.shape`): a cheap filter before comparing text. */
export function wordShape(w: string): number {
  return w.length * 65536 + w.charCodeAt(0);
}

/** What the column helpers read: the source, or a `SourceReader` of it (a walk reading forward). */
export interface Chars {
  charCodeAt(i: number): number;
}

export function lineStartsOf(text: string): number[] {
  const out = [0];
  let i = text.indexOf('\n');
  while (i !== -1) {
    out.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return out;
}

function isIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c > 127;
}

function isIdPart(c: number): boolean {
  return isIdStart(c) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Tokenizes `text` and matches its brackets. */
export function tokenize(text: string | Source, language: CdktfLanguage, lineStarts?: number[]): Tokens {
  const whole = typeof text === 'string' ? text : text.toString();
  const tk = new Tokens(typeof text === 'string' ? new Source(text) : text, language, lineStarts ?? lineStartsOf(whole));
  scanFrom(tk, whole, 0);
  matchBrackets(tk);
  tk.firstOpenEnded = tk.n;
  for (let i = 0; i < tk.n; i++) {
    if (isOpenEnded(tk, i)) {
      tk.firstOpenEnded = i;
      break;
    }
  }
  return tk;
}

/**
 * Appends the tokens of `window`, the part of the text from offset `base` on, to `tk`, as if the scan had just
 * emitted `tk`'s last token and stopped at `base` (its end). `stop`, called after each token, ends the scan
 * early when it returns true. Scans stop at the window's end (a string or comment still open there is cut).
 */
export function scanFrom(tk: Tokens, window: string, base: number, stop?: (tk: Tokens) => boolean): void {
  const scanner = tk.language === 'python' ? scanPython : scanCFamily;
  scanner(tk, window, emitter(tk, base, stop));
}

/** A scan that read to the end of the text: a multi-line string (template, text block, verbatim, `'''`) left open. */
export function isOpenEnded(tk: Tokens, i: number): boolean {
  return tk.kind[i] === BAD_STRING && /^(?:[A-Za-z]{0,2}(?:'''|""")|`|[@$]+")/.test(tk.text.slice(tk.start[i], tk.start[i] + 5));
}

/** The line holding `offset`. */
export function lineAt(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where the line holding `offset` ends (the `\n` offset or the text length). */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl;
}

/** Scans a quoted string that cannot span lines; returns [end, terminated]. */
function scanLineString(text: string, i: number, quote: number, escapes: boolean): [number, boolean] {
  const n = text.length;
  let j = i + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 10) return [j, false];
    if (c === 13 && text.charCodeAt(j + 1) === 10) return [j, false];
    if (escapes && c === 92) {
      j += 2;
      continue;
    }
    j++;
    if (c === quote) return [j, true];
  }
  return [n, false];
}

class LineTracker {
  constructor(private readonly starts: number[], private l: number) {}
  at(offset: number): number {
    const s = this.starts;
    while (this.l + 1 < s.length && s[this.l + 1] <= offset) this.l++;
    return this.l;
  }
}

interface Emitter {
  emit(kind: number, s: number, e: number): void;
  /** Set when `stop` asked the scan to end. */
  halted: boolean;
}

/**
 * Appends tokens to `tk`, marking the first token of each line (a token spanning lines ends on its last).
 * Scanners give offsets in their window, which starts at `base`.
 */
function emitter(tk: Tokens, base: number, stop?: (tk: Tokens) => boolean): Emitter {
  const lines = new LineTracker(tk.lineStarts, lineAt(tk.lineStarts, base));
  const last = tk.n - 1;
  let lastLine = last >= 0 ? lineAt(tk.lineStarts, Math.max(tk.start[last], tk.end[last] - 1)) : -1;
  const out: Emitter = {
    halted: false,
    emit(kind, s, e) {
      s += base;
      e += base;
      const line = lines.at(s);
      tk.push(kind, s, e, line, line !== lastLine);
      lastLine = lines.at(Math.max(s, e - 1));
      if (stop && stop(tk)) out.halted = true;
    },
  };
  return out;
}

function scanCFamily(tk: Tokens, text: string, out: Emitter): void {
  const n = text.length;
  const lang = tk.language;
  let i = 0;
  const emit = out.emit;
  while (i < n && !out.halted) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xfeff) {
      i++;
      continue;
    }
    // Comments.
    if (c === 47) {
      const d = text.charCodeAt(i + 1);
      if (d === 47) {
        i = lineEnd(text, i);
        continue;
      }
      if (d === 42) {
        const e = text.indexOf('*/', i + 2);
        i = e === -1 ? n : e + 2;
        continue;
      }
      if (lang === 'typescript' && regexAllowed(tk)) {
        const e = scanRegex(text, i);
        if (e > 0) {
          emit(TEMPLATE, i, e);
          i = e;
          continue;
        }
      }
    }
    if (isIdStart(c) || (c === 64 && lang === 'csharp' && isIdStart(text.charCodeAt(i + 1)))) {
      // C#: @"verbatim", $"interpolated", $@"…", @$"…"; Java/C# text blocks handled below.
      if (lang === 'csharp' && (c === 36 || c === 64)) {
        const s = scanCSharpSpecialString(text, i);
        if (s) {
          emit(s[1], i, s[0]);
          i = s[0];
          continue;
        }
      }
      let j = i + 1;
      while (j < n && isIdPart(text.charCodeAt(j))) j++;
      emit(IDENT, i, j);
      i = j;
      continue;
    }
    if (c === 64 && lang === 'csharp') {
      const s = scanCSharpSpecialString(text, i);
      if (s) {
        emit(s[1], i, s[0]);
        i = s[0];
        continue;
      }
    }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      const j = numberEnd(text, i, n);
      emit(NUMBER, i, j);
      i = j;
      continue;
    }
    if (c === 34 || c === 39) {
      // Text blocks / raw strings: """ … """ (Java, C# 11).
      if (c === 34 && (lang === 'java' || lang === 'csharp') && text.startsWith('"""', i)) {
        const e = lang === 'java' ? textBlockEnd(text, i) : rawStringEnd(text, i);
        if (e !== -1) {
          emit(STRING, i, e);
          i = e;
          continue;
        }
        const le = lineEnd(text, i);
        emit(BAD_STRING, i, le);
        i = le;
        continue;
      }
      const [e, ok] = scanLineString(text, i, c, true);
      emit(ok ? STRING : BAD_STRING, i, e);
      i = e;
      continue;
    }
    if (c === 96) {
      if (lang === 'go') {
        const e = text.indexOf('`', i + 1);
        if (e !== -1) {
          emit(STRING, i, e + 1);
          i = e + 1;
        } else {
          const le = lineEnd(text, i);
          emit(BAD_STRING, i, le);
          i = le;
        }
        continue;
      }
      if (lang === 'typescript') {
        const r = scanTemplate(text, i);
        if (r) {
          emit(r[1] ? TEMPLATE : STRING, i, r[0]);
          i = r[0];
        } else {
          const le = lineEnd(text, i);
          emit(BAD_STRING, i, le);
          i = le;
        }
        continue;
      }
    }
    // Punctuation.
    let op = operatorAt(text, i);
    if (op === '//' || (op === '//=' && lang !== 'python')) op = '/';
    const len = op ? op.length : 1;
    emit(PUNCT, i, i + len);
    i += len;
  }
}

/** A TypeScript template literal from its backtick: [end, hasSubstitutions], or undefined when unterminated. */
function scanTemplate(text: string, i: number): [number, boolean] | undefined {
  const n = text.length;
  let j = i + 1;
  let subst = false;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 92) {
      j += 2;
      continue;
    }
    if (c === 96) return [j + 1, subst];
    if (c === 36 && text.charCodeAt(j + 1) === 123) {
      subst = true;
      const e = scanBraces(text, j + 1);
      if (e === undefined) return undefined;
      j = e;
      continue;
    }
    j++;
  }
  return undefined;
}

/** From a `{`, the offset after its matching `}` (skipping strings and nested templates). */
function scanBraces(text: string, i: number): number | undefined {
  const n = text.length;
  let depth = 0;
  let j = i;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 123) depth++;
    else if (c === 125) {
      depth--;
      if (depth === 0) return j + 1;
    } else if (c === 34 || c === 39) {
      j = scanLineString(text, j, c, true)[0];
      continue;
    } else if (c === 96) {
      const r = scanTemplate(text, j);
      if (!r) return undefined;
      j = r[0];
      continue;
    }
    j++;
  }
  return undefined;
}

/** After which tokens a `/` starts a regular expression rather than a division. */
function regexAllowed(tk: Tokens): boolean {
  if (tk.n === 0) return true;
  const k = tk.n - 1;
  if (tk.kind[k] === IDENT) return /^(return|typeof|case|do|else|in|of|new|delete|void|throw|instanceof|yield|await)$/.test(tk.text_(k));
  if (tk.kind[k] !== PUNCT) return false;
  const p = tk.text_(k);
  return p !== ')' && p !== ']' && p !== '}' && p !== '++' && p !== '--';
}

/** A regular expression literal on one line, or -1. */
function scanRegex(text: string, i: number): number {
  const le = lineEnd(text, i);
  let j = i + 1;
  let inClass = false;
  while (j < le) {
    const c = text.charCodeAt(j);
    if (c === 92) {
      j += 2;
      continue;
    }
    if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
    else if (c === 47 && !inClass) {
      j++;
      while (j < le && isIdPart(text.charCodeAt(j))) j++;
      return j;
    }
    j++;
  }
  return -1;
}

/** The end of a Java text block from its `"""` (a `\\"` inside is an escaped quote), or -1 when it is not closed. */
function textBlockEnd(text: string, i: number): number {
  for (let j = i + 3; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 92) j++;
    else if (c === 34 && text.startsWith('"""', j)) return j + 3;
  }
  return -1;
}

/** The end of a C# raw string from its opening quotes: closed by as many quotes as it opened with (three or more), or -1. */
function rawStringEnd(text: string, i: number): number {
  let k = i;
  while (text.charCodeAt(k) === 34) k++;
  const e = text.indexOf(text.slice(i, k), k);
  return e === -1 ? -1 : e + (k - i);
}

/** C# `@"…"`, `$"…"`, `$@"…"`, `@$"…"`: [end, kind] or undefined when not such a string. */
function scanCSharpSpecialString(text: string, i: number): [number, number] | undefined {
  let j = i;
  let verbatim = false;
  let interpolated = false;
  while (text[j] === '@' || text[j] === '$') {
    if (text[j] === '@') verbatim = true;
    else interpolated = true;
    j++;
  }
  if (text[j] !== '"' || j === i) return undefined;
  if (!verbatim && text.startsWith('"""', j)) {
    // An interpolated raw string, `$"""…{x}…"""`.
    const e = rawStringEnd(text, j);
    if (e === -1) return [lineEnd(text, i), BAD_STRING];
    return [e, text.slice(j, e).includes('{') ? TEMPLATE : STRING];
  }
  if (verbatim) {
    let k = j + 1;
    while (k < text.length) {
      if (text[k] === '"') {
        if (text[k + 1] === '"') {
          k += 2;
          continue;
        }
        const body = text.slice(j + 1, k);
        return [k + 1, interpolated && /\{(?!\{)/.test(body.replace(/\{\{/g, '')) ? TEMPLATE : STRING];
      }
      k++;
    }
    return [lineEnd(text, i), BAD_STRING];
  }
  const [e, ok] = scanLineString(text, j, 34, true);
  if (!ok) return [e, BAD_STRING];
  const body = text.slice(j + 1, e - 1).replace(/\{\{/g, '');
  return [e, interpolated && body.includes('{') ? TEMPLATE : STRING];
}

function scanPython(tk: Tokens, text: string, out: Emitter): void {
  const n = text.length;
  let i = 0;
  const emit = out.emit;
  while (i < n && !out.halted) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 92 || c === 0xfeff) {
      i++;
      continue;
    }
    if (c === 35) {
      i = lineEnd(text, i);
      continue;
    }
    if (isIdStart(c) && c !== 36) {
      let j = i + 1;
      while (j < n && isIdPart(text.charCodeAt(j)) && text.charCodeAt(j) !== 36) j++;
      const q = text.charCodeAt(j);
      if ((q === 34 || q === 39) && j - i <= 2 && /^(r|u|b|f|br|rb|fr|rf)$/i.test(text.slice(i, j))) {
        const prefix = text.slice(i, j).toLowerCase();
        const r = scanPythonString(text, j);
        const isF = prefix.includes('f');
        const body = text.slice(j, r[0]);
        emit(!r[1] ? BAD_STRING : isF && /\{(?!\{)/.test(body.replace(/\{\{/g, '')) ? TEMPLATE : STRING, i, r[0]);
        i = r[0];
        continue;
      }
      emit(IDENT, i, j);
      i = j;
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      const j = numberEnd(text, i, n);
      emit(NUMBER, i, j);
      i = j;
      continue;
    }
    if (c === 34 || c === 39) {
      const r = scanPythonString(text, i);
      emit(r[1] ? STRING : BAD_STRING, i, r[0]);
      i = r[0];
      continue;
    }
    let op = operatorAt(text, i);
    const len = op ? op.length : 1;
    emit(PUNCT, i, i + len);
    i += len;
  }
}

/** A Python string from its opening quote: [end, terminated]. Triple-quoted strings may span lines. */
function scanPythonString(text: string, i: number): [number, boolean] {
  const q = text[i];
  const triple = q + q + q;
  if (text.startsWith(triple, i)) {
    const quote = text.charCodeAt(i);
    let j = i + 3;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c === 92) {
        j += 2;
        continue;
      }
      if (c === quote && text.startsWith(triple, j)) return [j + 3, true];
      j++;
    }
    return [lineEnd(text, i), false];
  }
  // A backslash keeps the quote after it even in raw strings.
  return scanLineString(text, i, q.charCodeAt(0), true);
}

/** Decodes a string token's value (quotes, prefixes and escapes removed). */
export function stringValue(tk: Tokens, i: number): string {
  let raw = tk.text_(i);
  const lang = tk.language;
  if (lang === 'python') {
    const m = /^([A-Za-z]{0,2})('''|"""|'|")/.exec(raw)!;
    const prefix = m[1].toLowerCase();
    const q = m[2];
    let body = raw.slice(m[0].length);
    if (body.endsWith(q)) body = body.slice(0, -q.length);
    return prefix.includes('r') ? body : unescape(body);
  }
  if (lang === 'csharp' && /^[@$]/.test(raw)) {
    const verbatim = raw.slice(0, 2).includes('@');
    raw = raw.replace(/^[@$]+/, '');
    if (!verbatim && raw.startsWith('"""')) return rawStringValue(raw);
    const body = raw.slice(1, raw.endsWith('"') && raw.length > 1 ? -1 : undefined);
    return verbatim ? body.replace(/""/g, '"') : unescape(body).replace(/\{\{/g, '{').replace(/\}\}/g, '}');
  }
  if (raw.startsWith('"""')) return lang === 'java' ? textBlockValue(raw) : rawStringValue(raw);
  const q = raw[0];
  const body = raw.slice(1, raw.length > 1 && raw.endsWith(q) ? -1 : undefined);
  if (lang === 'go' && q === '`') return body;
  return unescape(body, lang === 'java');
}

/** Java's white space that a text block's lines lose (`String.stripIndent`). */
const JAVA_SPACE = /^[ \t\f]*/;

/**
 * A Java text block's value (JLS 3.10.6): its lines after the opening line, less the indentation they share
 * with the closing delimiter's line (counted even when blank), trailing white space stripped, then escapes read.
 */
function textBlockValue(raw: string): string {
  const inner = raw.slice(3, raw.length >= 6 && raw.endsWith('"""') ? -3 : undefined);
  const open = /^[ \t\f]*(\r\n|\r|\n)/.exec(inner);
  // Content on the opening line is a compile error; read what is there.
  if (!open) return unescape(inner, true);
  const lines = inner.slice(open[0].length).split(/\r\n|\r|\n/);
  const last = lines.length - 1;
  let indent = Infinity;
  for (let k = 0; k <= last; k++) {
    if (k === last || lines[k].trim() !== '') indent = Math.min(indent, JAVA_SPACE.exec(lines[k])![0].length);
  }
  const stripped = lines.map((l) => (l.trim() === '' ? '' : l.slice(indent).replace(/[ \t\f]+$/, '')));
  return unescape(stripped.join('\n'), true);
}

/**
 * A C# raw string's value: as written on one line; else the lines between the opening and the closing line, each
 * less the white space that precedes the closing quotes. Raw strings have no escapes.
 */
function rawStringValue(raw: string): string {
  const quotes = /^"*/.exec(raw)![0].length;
  const closed = raw.length >= 2 * quotes && raw.endsWith(raw.slice(0, quotes));
  const inner = raw.slice(quotes, closed ? raw.length - quotes : undefined);
  const lines = inner.split(/\r\n|\r|\n/);
  if (lines.length === 1) return inner;
  const indent = /^[ \t]*/.exec(lines[lines.length - 1])![0];
  return lines
    .slice(1, -1)
    .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l.trim() === '' ? '' : l))
    .join('\n');
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0', a: '\x07' };

/** Escapes read; `java`: also `\\s`, a space (Java 15). */
function unescape(s: string, java = false): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|U[0-9a-fA-F]{8}|\r?\n|.)/g, (_, e: string) => {
    if (e[0] === 'u' || e[0] === 'x' || e[0] === 'U') {
      const hex = e[1] === '{' ? e.slice(2, -1) : e.slice(1);
      return String.fromCodePoint(parseInt(hex, 16));
    }
    if (e === '\n' || e === '\r\n') return '';
    if (java && e === 's') return ' ';
    return ESCAPES[e] ?? e;
  });
}

/** End of a number literal in any of the languages: digits, `.`, suffixes (`10L`, `0x1F`), exponents (`1e-3`). */
function numberEnd(text: string, i: number, n: number): number {
  let j = i + 1;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (isIdPart(d) || d === 46) j++;
    else if ((d === 43 || d === 45) && (text.charCodeAt(j - 1) | 32) === 101 && !/^0[xX]/.test(text.slice(i, i + 2))) j++;
    else break;
  }
  return j;
}
