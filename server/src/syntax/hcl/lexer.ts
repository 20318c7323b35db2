/**
 * HCL native-syntax lexer. A mode stack handles templates: quoted strings and heredocs contain literal text,
 * `${…}` interpolations and `%{…}` directives, which contain ordinary tokens again.
 *
 * Recovery follows HashiCorp's parser where it can and confines damage where it cannot:
 * - a quoted string ends at the end of its line (HCL forbids newlines in quoted strings), except inside a `${…}`,
 *   which may span lines and, left open, stops before the next line that starts a top-level block;
 * - an unterminated heredoc or block comment stops before the next line that starts a top-level block.
 */
import { T, Token, TOP_LEVEL_KEYWORDS } from './tokens';

export interface LexError {
  message: string;
  line: number;
  char: number;
  endLine: number;
  endChar: number;
}

export interface CommentSpan {
  line: number;
  char: number;
  endLine: number;
  endChar: number;
}

type Frame =
  | { k: 'quoted' }
  | { k: 'heredoc'; marker: string; stop: number }
  | { k: 'interp'; depth: number; quoted: boolean };

const NL = 10;

/**
 * A copy of a string that does not keep the document alive. V8 represents a slice of 13+ characters as a
 * view of its parent, so a name kept in a syntax tree would otherwise retain every past version of the text.
 */
export function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Longer strings are rarely repeated (descriptions, heredocs): not worth a table entry. */
const INTERN_MAX = 48;

/**
 * One copy of each short string a parse reads (`own`ed). A module repeats its argument names, types and values
 * thousands of times (`bgp_group_id`, `alicloud_vpc_bgp_group`, `"IPv4"`); a table per parse keeps 10 % of a
 * large file's heap from being copies of the same words, and goes away with the parse.
 *
 * Looked up by a range of the text (`range`), a name already seen costs a hash of its characters and one
 * comparison: no substring is made. (A `Map<string, string>` needed the substring first, and hashing it was a
 * sixth of the parse.) Open addressing over two arrays; the table doubles at half full.
 */
export class Interner {
  private keys: (string | undefined)[] = new Array(64).fill(undefined);
  private hashes = new Int32Array(64);
  private count = 0;

  /** `text.slice(start, end)`, one copy per distinct value. */
  range(text: string, start: number, end: number): string {
    const n = end - start;
    if (n > INTERN_MAX) return own(text.slice(start, end));
    // `| 0`: the offset basis as an int32 (as a double, above 2^31, it deoptimized the loop: "lost precision").
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const mask = this.keys.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const k = this.keys[i];
      if (k === undefined) return this.add(i, h, own(text.slice(start, end)));
      if (this.hashes[i] === h && k.length === n && text.startsWith(k, start)) return k;
    }
  }

  /** `s`, or the copy of it already in the table. */
  get(s: string): string {
    return this.range(s, 0, s.length);
  }

  private add(at: number, h: number, s: string): string {
    this.keys[at] = s;
    this.hashes[at] = h;
    if (++this.count * 2 > this.keys.length) this.grow();
    return s;
  }

  private grow(): void {
    const keys = this.keys;
    const hashes = this.hashes;
    this.keys = new Array(keys.length * 2).fill(undefined);
    this.hashes = new Int32Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let j = 0; j < keys.length; j++) {
      const k = keys[j];
      if (k === undefined) continue;
      let i = hashes[j] & mask;
      while (this.keys[i] !== undefined) i = (i + 1) & mask;
      this.keys[i] = k;
      this.hashes[i] = hashes[j];
    }
  }
}

/*
 * Identifiers as HCL reads them: `(ID_Start | "_") (ID_Continue | "-")*`, Unicode's identifier properties, over
 * code points. These read one UTF-16 unit (ASCII first, the common case); a character outside the Basic
 * Multilingual Plane (`g𝒜`, U+1D49C) is a surrogate pair, for which no single unit is an identifier character:
 * `identStartAt` / `identEnd` look at the pair only where a unit is a high surrogate.
 */
function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c > 127 && ID_START.test(String.fromCharCode(c)));
}
function isIdentPart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57) || c === 45 || (c > 127 && ID_CONTINUE.test(String.fromCharCode(c)));
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
const ID_START = /\p{ID_Start}/u;
const ID_CONTINUE = /\p{ID_Continue}/u;
/** Sticky, read at a high surrogate of `text` (`lastIndex`): the whole code point is tested, no string made. */
const ID_START_AT = /\p{ID_Start}/uy;
const ID_CONTINUE_AT = /\p{ID_Continue}/uy;

/** How many units of `text` at `i` start an identifier: 1, 2 (a surrogate pair) or 0. */
function identStartAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (isIdentStart(c)) return 1;
  if (!isHighSurrogate(c)) return 0;
  ID_START_AT.lastIndex = i;
  return ID_START_AT.test(text) ? 2 : 0;
}

/** Where the identifier whose rest starts at `i` ends. */
function identEnd(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (isIdentPart(c)) i++;
    else if (isHighSurrogate(c) && ((ID_CONTINUE_AT.lastIndex = i), ID_CONTINUE_AT.test(text))) i += 2;
    else return i;
  }
}

/** A token with every field set, so that the parser's reads of them see one object shape. */
export function blankToken(): Token {
  return { kind: T.EOF, start: 0, end: 0, line: 0, char: 0, endLine: 0, endChar: 0, nl: false, value: undefined, missing: false };
}

export class Lexer {
  pos: number;
  line: number;
  lineStart: number;
  private readonly stack: Frame[] = [];
  private nl = true;
  /** Where `tok` writes the token being read. */
  private out: Token = blankToken();
  /** Shared with the parser, so that names it slices and values the lexer reads are one table. */
  readonly strings = new Interner();
  /**
   * Terminators searched for up to the end of the text and not found (`*\/`, heredoc markers). Where the text
   * is a window of a larger document (see `document.ts`), the rest of the document may hold one, and then the
   * window was too small to lex this the way the whole document lexes.
   */
  readonly unterminated: string[] = [];
  /**
   * Terminators already searched for to the end of the text in vain: per heredoc marker, and for `*\/`, the
   * offset from which there is none. A later search from further on is answered without scanning again: a file of
   * thousands of unterminated heredocs or comments would otherwise be read to its end once for each.
   */
  private readonly noHeredocEnd = new Map<string, number>();
  private noCommentEnd = Infinity;

  constructor(
    readonly text: string,
    start: number,
    line: number,
    private readonly onError: (e: LexError) => void,
    private readonly onComment: (c: CommentSpan) => void,
  ) {
    this.pos = start;
    this.line = line;
    this.lineStart = start;
  }

  /** True when no template or heredoc is open: the lexer is at the top of the grammar. */
  get atTopLevel(): boolean {
    return this.stack.length === 0;
  }

  /**
   * The next token, written into `into` when given: the parser recycles its token objects (see `parser.ts`),
   * so a parse does not allocate an object per token.
   */
  next(into?: Token): Token {
    this.out = into ?? blankToken();
    // Not `stack[length - 1]`: on an empty stack that reads the property "-1", a slow lookup on every token.
    const depth = this.stack.length;
    const top = depth === 0 ? undefined : this.stack[depth - 1];
    if (top?.k === 'quoted') return this.quoted();
    if (top?.k === 'heredoc') return this.heredoc(top);
    return this.normal(top);
  }

  /** `value`: an operator (a constant) or a string the caller interned. */
  private tok(kind: T, start: number, line: number, char: number, value?: string): Token {
    const t = this.out;
    t.kind = kind;
    t.start = start;
    t.end = this.pos;
    t.line = line;
    t.char = char;
    t.endLine = this.line;
    t.endChar = this.pos - this.lineStart;
    t.nl = this.nl;
    t.value = value;
    t.missing = false;
    this.nl = false;
    return t;
  }

  /**
   * Where the quoted string whose text starts at `from` closes, when it is plain: no escape, no `${` or `%{`
   * (nor their `$${` / `%%{` escapes), on this line. -1 otherwise: the string is then read as a template.
   */
  private plainStringEnd(from: number): number {
    const text = this.text;
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) return i;
      if (c === 92 /* \ */ || c === NL || ((c === 36 || c === 37) && text.charCodeAt(i + 1) === 123) || ((c === 36 || c === 37) && text.charCodeAt(i + 1) === c)) return -1;
    }
    return -1;
  }

  /** A literal's value: `prefix` (escapes already decoded) and the text from `litStart` to here. */
  private literal(prefix: string, litStart: number): string {
    return prefix === '' ? this.strings.range(this.text, litStart, this.pos) : this.strings.get(prefix + this.text.slice(litStart, this.pos));
  }

  private newline(): void {
    this.pos++;
    this.line++;
    this.lineStart = this.pos;
    this.nl = true;
  }

  private error(message: string, line: number, char: number, endLine = this.line, endChar = this.pos - this.lineStart): void {
    this.onError({ message: own(message), line, char, endLine, endChar });
  }

  /** Offset of the first line at/after `from` that starts a top-level block, or the text's end. */
  private nextTopLevelLine(from: number): number {
    const text = this.text;
    let i = text.indexOf('\n', from);
    while (i !== -1) {
      if (this.startsTopLevelBlock(i + 1)) return i + 1;
      i = text.indexOf('\n', i + 1);
    }
    return text.length;
  }

  /** Does the line starting at `s` open a top-level block (`resource "x"`, `locals {`)? */
  private startsTopLevelBlock(s: number): boolean {
    const text = this.text;
    // The keywords are ASCII: a line starting otherwise is no block of theirs.
    if (!isIdentStart(text.charCodeAt(s))) return false;
    let e = identEnd(text, s + 1);
    if (!TOP_LEVEL_KEYWORDS.has(text.slice(s, e))) return false;
    while (text.charCodeAt(e) === 32 || text.charCodeAt(e) === 9) e++;
    const c = text.charCodeAt(e);
    return c === 34 /* " */ || c === 123 /* { */;
  }

  private normal(top: Frame | undefined): Token {
    const text = this.text;
    const len = text.length;
    for (;;) {
      if (this.pos >= len) return this.tok(T.EOF, this.pos, this.line, this.pos - this.lineStart);
      const c = text.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 13 || c === 0xfeff) {
        this.pos++;
        continue;
      }
      if (c === NL) {
        // HCL lets a `${…}` of a quoted string span lines (`"to ${\n  upper(var.dc)\n}"`); one left open while
        // typing stops, like an unclosed heredoc, before the next line that starts a top-level block.
        if (top?.k === 'interp' && top.quoted && this.startsTopLevelBlock(this.pos + 1)) {
          this.error('Unterminated string: its "${" is not closed before the next block', this.line, this.pos - this.lineStart);
          this.stack.pop();
          if (this.stack.length > 0 && this.stack[this.stack.length - 1].k === 'quoted') this.stack.pop();
          const t = this.tok(T.CQuote, this.pos, this.line, this.pos - this.lineStart);
          t.missing = true;
          return t;
        }
        this.newline();
        continue;
      }
      if (c === 35 /* # */ || (c === 47 /* / */ && text.charCodeAt(this.pos + 1) === 47)) {
        const s = this.pos;
        let e = text.indexOf('\n', s);
        if (e === -1) e = len;
        this.pos = e;
        this.onComment({ line: this.line, char: s - this.lineStart, endLine: this.line, endChar: e - this.lineStart });
        continue;
      }
      if (c === 47 && text.charCodeAt(this.pos + 1) === 42 /* * */) {
        this.blockComment();
        continue;
      }
      break;
    }
    const start = this.pos;
    const line = this.line;
    const char = start - this.lineStart;
    const c = text.charCodeAt(start);

    const first = isIdentStart(c) ? 1 : isHighSurrogate(c) ? identStartAt(text, start) : 0;
    if (first !== 0) {
      this.pos = identEnd(text, start + first);
      return this.tok(T.Ident, start, line, char);
    }
    if (isDigit(c)) {
      let e = start + 1;
      while (isDigit(text.charCodeAt(e))) e++;
      if (text.charCodeAt(e) === 46 && isDigit(text.charCodeAt(e + 1))) {
        e += 2;
        while (isDigit(text.charCodeAt(e))) e++;
      }
      const x = text.charCodeAt(e);
      if (x === 101 || x === 69) {
        let k = e + 1;
        if (text.charCodeAt(k) === 43 || text.charCodeAt(k) === 45) k++;
        if (isDigit(text.charCodeAt(k))) {
          e = k;
          while (isDigit(text.charCodeAt(e))) e++;
        }
      }
      this.pos = e;
      return this.tok(T.Number, start, line, char);
    }
    this.pos++;
    switch (c) {
      case 34 /* " */: {
        const close = this.plainStringEnd(start + 1);
        if (close !== -1) {
          this.pos = close + 1;
          return this.tok(T.PlainString, start, line, char, this.strings.range(text, start + 1, close));
        }
        this.stack.push({ k: 'quoted' });
        return this.tok(T.OQuote, start, line, char);
      }
      case 123 /* { */:
        if (top?.k === 'interp') top.depth++;
        return this.tok(T.LBrace, start, line, char);
      case 125 /* } */:
        if (top?.k === 'interp') {
          if (top.depth === 0) {
            this.stack.pop();
            return this.tok(T.TemplateSeqEnd, start, line, char);
          }
          top.depth--;
        }
        return this.tok(T.RBrace, start, line, char);
      case 126 /* ~ */:
        // Strip marker before the `}` that closes an interpolation: `${ x ~}`.
        if (top?.k === 'interp' && top.depth === 0 && text.charCodeAt(this.pos) === 125) return this.normal(top);
        return this.tok(T.Invalid, start, line, char);
      case 91: return this.tok(T.LBrack, start, line, char);
      case 93: return this.tok(T.RBrack, start, line, char);
      case 40: return this.tok(T.LParen, start, line, char);
      case 41: return this.tok(T.RParen, start, line, char);
      case 44: return this.tok(T.Comma, start, line, char);
      case 58: return this.tok(T.Colon, start, line, char);
      case 63: return this.tok(T.Question, start, line, char);
      case 46 /* . */:
        if (text.charCodeAt(this.pos) === 46 && text.charCodeAt(this.pos + 1) === 46) {
          this.pos += 2;
          return this.tok(T.Ellipsis, start, line, char);
        }
        return this.tok(T.Dot, start, line, char);
      case 61 /* = */:
        if (text.charCodeAt(this.pos) === 61) { this.pos++; return this.tok(T.Op, start, line, char, '=='); }
        if (text.charCodeAt(this.pos) === 62) { this.pos++; return this.tok(T.FatArrow, start, line, char); }
        return this.tok(T.Equal, start, line, char);
      case 33 /* ! */:
        if (text.charCodeAt(this.pos) === 61) { this.pos++; return this.tok(T.Op, start, line, char, '!='); }
        return this.tok(T.Op, start, line, char, '!');
      case 60 /* < */:
        if (text.charCodeAt(this.pos) === 60) {
          const h = this.heredocStart(start, line, char);
          if (h) return h;
        }
        if (text.charCodeAt(this.pos) === 61) { this.pos++; return this.tok(T.Op, start, line, char, '<='); }
        return this.tok(T.Op, start, line, char, '<');
      case 62 /* > */:
        if (text.charCodeAt(this.pos) === 61) { this.pos++; return this.tok(T.Op, start, line, char, '>='); }
        return this.tok(T.Op, start, line, char, '>');
      case 38 /* & */:
        if (text.charCodeAt(this.pos) === 38) { this.pos++; return this.tok(T.Op, start, line, char, '&&'); }
        break;
      case 124 /* | */:
        if (text.charCodeAt(this.pos) === 124) { this.pos++; return this.tok(T.Op, start, line, char, '||'); }
        break;
      case 43: return this.tok(T.Op, start, line, char, '+');
      case 45: return this.tok(T.Op, start, line, char, '-');
      case 42: return this.tok(T.Op, start, line, char, '*');
      case 47: return this.tok(T.Op, start, line, char, '/');
      case 37: return this.tok(T.Op, start, line, char, '%');
    }
    // One code point, not one UTF-16 unit, so a surrogate pair is never split.
    if (c >= 0xd800 && c <= 0xdbff && this.pos < len) {
      const d = text.charCodeAt(this.pos);
      if (d >= 0xdc00 && d <= 0xdfff) this.pos++;
    }
    return this.tok(T.Invalid, start, line, char);
  }

  private blockComment(): void {
    const text = this.text;
    const s = this.pos;
    const line = this.line;
    const char = s - this.lineStart;
    let end = s + 2 >= this.noCommentEnd ? -1 : text.indexOf('*/', s + 2);
    let stop: number;
    if (end === -1) {
      this.noCommentEnd = Math.min(this.noCommentEnd, s + 2);
      this.unterminated.push('*/');
      stop = this.nextTopLevelLine(s);
      this.error('Unterminated comment: "/*" has no closing "*/"', line, char, line, char + 2);
    } else {
      stop = end + 2;
    }
    this.advanceTo(stop);
    this.onComment({ line, char, endLine: this.line, endChar: this.pos - this.lineStart });
  }

  /** Moves to `stop`, counting the newlines passed. */
  private advanceTo(stop: number): void {
    const text = this.text;
    let i = text.indexOf('\n', this.pos);
    while (i !== -1 && i < stop) {
      this.line++;
      this.lineStart = i + 1;
      this.nl = true;
      i = text.indexOf('\n', i + 1);
    }
    this.pos = stop;
  }

  /**
   * `<<EOF` or `<<-EOF` then a newline (`\r\n` too); anything else is not a heredoc. HCL wants the newline at once:
   * after `<<EOT   ` Terraform reads `<` as an invalid expression and the lines meant as the heredoc's text as
   * arguments (checked with terraform validate). Such an opener is reported here, where Terraform stops, and read
   * as the heredoc it was meant to be, so that the lines below are not taken for arguments and blocks.
   */
  private heredocStart(start: number, line: number, char: number): Token | undefined {
    const text = this.text;
    let i = this.pos + 1;
    if (text.charCodeAt(i) === 45) i++;
    const first = identStartAt(text, i);
    if (first === 0) return undefined;
    const e = identEnd(text, i + first);
    const marker = text.slice(i, e);
    let j = e;
    while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
    const blanks = j;
    if (text.charCodeAt(j) === 13) j++;
    if (j < text.length && text.charCodeAt(j) !== NL) return undefined;
    if (blanks > e) {
      const opener = text.slice(start, e);
      this.error(`Whitespace after "${opener}": a heredoc's opening marker must end its line (Terraform: "Invalid expression", and it reads the lines below as arguments)`, line, char, line, blanks - this.lineStart);
    }
    // Find the closing line now, so that an unterminated heredoc can stop at the next top-level block.
    const stop = this.findHeredocEnd(j + 1, marker);
    this.pos = j;
    const t = this.tok(T.OHeredoc, start, line, char, this.strings.get(marker));
    if (j < text.length) this.newline();
    this.stack.push({ k: 'heredoc', marker, stop });
    return t;
  }

  private findHeredocEnd(from: number, marker: string): number {
    const text = this.text;
    const none = this.noHeredocEnd.get(marker);
    if (none === undefined || from < none) {
      // Up to where an earlier search already found no closing line.
      const to = none ?? text.length;
      let s = from;
      while (s < to) {
        let e = text.indexOf('\n', s);
        if (e === -1) e = text.length;
        if (text.slice(s, e).trim() === marker) return -1; // terminated: no artificial stop
        s = e + 1;
      }
      this.noHeredocEnd.set(marker, from);
    }
    this.unterminated.push(marker);
    return this.nextTopLevelLine(from - 1);
  }

  private heredoc(frame: Frame & { k: 'heredoc' }): Token {
    const text = this.text;
    const start = this.pos;
    const line = this.line;
    const char = start - this.lineStart;
    let value = '';
    let litStart = this.pos;
    for (;;) {
      const atLineStart = this.pos === this.lineStart;
      if (atLineStart) {
        const stopHere = frame.stop !== -1 && this.pos >= frame.stop;
        let e = text.indexOf('\n', this.pos);
        if (e === -1) e = text.length;
        const isMarker = text.slice(this.pos, e).trim() === frame.marker;
        if (isMarker || stopHere || this.pos >= text.length) {
          if (this.pos > start) return this.tok(T.TemplateLit, start, line, char, this.literal(value, litStart));
          this.stack.pop();
          if (isMarker) {
            this.pos = e;
            return this.tok(T.CHeredoc, start, line, char, this.strings.get(frame.marker));
          }
          this.error(`Unterminated heredoc: no line "${frame.marker}" closes it`, line, char, line, char);
          const t = this.tok(T.CHeredoc, start, line, char, this.strings.get(frame.marker));
          t.missing = true;
          return t;
        }
      }
      if (this.pos >= text.length) {
        if (this.pos > start) return this.tok(T.TemplateLit, start, line, char, this.literal(value, litStart));
        this.stack.pop();
        this.error(`Unterminated heredoc: no line "${frame.marker}" closes it`, line, char, line, char);
        const t = this.tok(T.CHeredoc, start, line, char, this.strings.get(frame.marker));
        t.missing = true;
        return t;
      }
      const c = text.charCodeAt(this.pos);
      if (c === NL) {
        this.pos++;
        this.line++;
        this.lineStart = this.pos;
        continue;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(this.pos + 1) === c && text.charCodeAt(this.pos + 2) === 123) {
        // `$${` and `%%{` are escapes for a literal `${` / `%{`.
        value += text.slice(litStart, this.pos) + String.fromCharCode(c) + '{';
        this.pos += 3;
        litStart = this.pos;
        continue;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(this.pos + 1) === 123) {
        if (this.pos > start) return this.tok(T.TemplateLit, start, line, char, this.literal(value, litStart));
        return this.openSequence(c, false);
      }
      this.pos++;
    }
  }

  private openSequence(c: number, quoted: boolean): Token {
    const start = this.pos;
    const line = this.line;
    const char = start - this.lineStart;
    this.pos += 2;
    if (this.text.charCodeAt(this.pos) === 126 /* ~ */) this.pos++;
    this.stack.push({ k: 'interp', depth: 0, quoted });
    return this.tok(c === 36 ? T.TemplateInterp : T.TemplateControl, start, line, char);
  }

  private quoted(): Token {
    const text = this.text;
    const start = this.pos;
    const line = this.line;
    const char = start - this.lineStart;
    let value = '';
    let litStart = this.pos;
    for (;;) {
      if (this.pos >= text.length || text.charCodeAt(this.pos) === NL) {
        if (this.pos > start) return this.tok(T.TemplateLit, start, line, char, this.literal(value, litStart));
        this.stack.pop();
        this.error('Unterminated string: a quoted string must end on the same line', line, char, line, char);
        const t = this.tok(T.CQuote, start, line, char);
        t.missing = true;
        return t;
      }
      const c = text.charCodeAt(this.pos);
      if (c === 34) {
        if (this.pos > start) return this.tok(T.TemplateLit, start, line, char, this.literal(value, litStart));
        this.pos++;
        this.stack.pop();
        return this.tok(T.CQuote, start, line, char);
      }
      if (c === 92 /* \ */) {
        value += text.slice(litStart, this.pos);
        value += this.escape();
        litStart = this.pos;
        continue;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(this.pos + 1) === 123) {
        if (this.pos > start) return this.tok(T.TemplateLit, start, line, char, this.literal(value, litStart));
        return this.openSequence(c, true);
      }
      if ((c === 36 || c === 37) && text.charCodeAt(this.pos + 1) === c && text.charCodeAt(this.pos + 2) === 123) {
        value += text.slice(litStart, this.pos) + String.fromCharCode(c) + '{';
        this.pos += 3;
        litStart = this.pos;
        continue;
      }
      this.pos++;
    }
  }

  private escape(): string {
    const text = this.text;
    const s = this.pos;
    const e = text.charCodeAt(s + 1);
    this.pos += 2;
    switch (e) {
      case 110: return '\n';
      case 114: return '\r';
      case 116: return '\t';
      case 34: return '"';
      case 92: return '\\';
      case 117 /* u */:
      case 85 /* U */: {
        const n = e === 117 ? 4 : 8;
        const hex = text.slice(this.pos, this.pos + n);
        if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === n) {
          this.pos += n;
          const cp = parseInt(hex, 16);
          if (cp <= 0x10ffff) return String.fromCodePoint(cp);
        }
        this.error('Invalid escape sequence: \\' + String.fromCharCode(e) + ' needs ' + n + ' hex digits', this.line, s - this.lineStart, this.line, this.pos - this.lineStart);
        return '';
      }
      default:
        if (Number.isNaN(e) || e === NL) {
          this.pos = s + 1;
          return '\\';
        }
        this.error(`Invalid escape sequence "\\${String.fromCharCode(e)}": use \\n, \\r, \\t, \\", \\\\, \\uNNNN or \\UNNNNNNNN`, this.line, s - this.lineStart, this.line, this.pos - this.lineStart);
        return String.fromCharCode(e);
    }
  }
}
