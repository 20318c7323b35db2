/**
 * Error-tolerant recursive-descent parser for HCL's native syntax.
 *
 * The file is parsed as a sequence of *chunks*: each top-level item (block or attribute) with the comments
 * after it. Every chunk starts on a fresh line in the lexer's top-level state, so a chunk can be re-parsed
 * alone after an edit (see `document.ts`), and its node positions are relative to its first line.
 *
 * Recovery confines damage to the item being typed:
 * - a name alone on its line (`bfd_mu`) is an Incomplete item; it never takes the next line's value;
 * - an unclosed `{` ends before the next line that starts a top-level block at column 0;
 * - an unclosed `[` or `(` ends before a line that looks like the next argument (`name =`);
 * - anything else unexpected is reported once and skipped to the end of its line.
 */
import type { Range } from '../../model/types';
import type { AttributeNode, BlockNode, BodyItem, Expr, IncompleteNode, ObjectItem, SyntaxError, TraversalPart } from './ast';
import { blankToken, Lexer, own } from './lexer';
import { endOfRange, Span, span, spanning } from '../../model/span';
import { T, Token, TOKEN_NAMES, TOP_LEVEL_KEYWORDS } from './tokens';

export interface ParsedChunk {
  /** Absolute line and offset where the chunk starts (always a line start). */
  startLine: number;
  startOffset: number;
  /** The top-level items of the chunk: one, or none for a chunk of comments or garbage. */
  items: BodyItem[];
  errors: SyntaxError[];
  comments: Range[];
}

export interface ParseResult {
  chunks: ParsedChunk[];
  /** Offset at which `stopAt` asked the parser to stop, or -1 when it reached the end of the text. */
  stoppedAt: number;
  /** Comment ends (`*\/`) and heredoc markers the lexer looked for to the end of the text in vain. */
  unterminated: string[];
}

/**
 * Parses `text` from `startOffset` (a line start in top-level state, at absolute line `startLine`).
 * Before starting each new chunk the parser asks `stopAt(offset, line)`; when it answers true the parser
 * stops there, so an incremental update can re-use the chunks that follow unchanged. `onChunk` sees each
 * chunk as soon as it is complete (its syntax tree can then be turned into something smaller while it is
 * still young, before the garbage collector has copied it).
 */
export function parseChunks(
  text: string,
  startOffset = 0,
  startLine = 0,
  stopAt?: (offset: number, line: number) => boolean,
  onChunk?: (chunk: ParsedChunk) => void,
): ParseResult {
  return new Parser(text, startOffset, startLine).run(stopAt, onChunk);
}

/**
 * The array with no spare capacity. An array grown by `push` keeps room for 16 or more elements, and a syntax
 * tree has tens of thousands of short ones (labels, arguments, traversal steps): copying each finished one
 * to its exact size takes ≈ 9 MB off a 100,000-line file's tree.
 */
export function fit<T>(a: T[]): T[] {
  return a.length === 0 ? (NONE as unknown as T[]) : a.slice();
}

/**
 * The one empty list every empty list of a kept tree or model shares (most blocks have no nested blocks,
 * most chunks no errors): frozen, so that a writer that forgot it is shared fails loudly.
 */
export const NONE: readonly never[] = Object.freeze([]);

/** Maximum nesting of brackets and blocks; deeper input is reported instead of overflowing the stack. */
const MAX_DEPTH = 200;

const BINARY_PRECEDENCE: Record<string, number> = {
  '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '>': 4, '<=': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6,
};

class Parser {
  private readonly lex: Lexer;
  /**
   * The tokens of the current chunk: `pool[head]` is the next one, `pool[head..filled)` are read ahead. Token
   * objects are recycled from one chunk to the next (`recycle`), so a parse allocates a chunk's worth of them
   * instead of one per token (a 100,000-line file has 276,000). Within a chunk none is reused, so the parser may
   * hold a token (`open`, `name`) across the nested parses that read the tokens after it.
   */
  private readonly pool: Token[] = [];
  private head = 0;
  private filled = 0;
  /**
   * One stack for every list being built (a block's labels and items, a traversal's steps, a call's
   * arguments...). A nested list is built above its parent's items and taken off (`listFrom`) before the parent
   * goes on, so each list is allocated once, at its exact size: pushing to a fresh array allocates room for 16
   * elements or more, and a tree has tens of thousands of short lists.
   */
  private readonly list: unknown[] = [];
  private listTop = 0;
  /** Where the last consumed token ends (chunk ranges end there). */
  private prevEndLine: number;
  private prevEndChar = 0;
  private chunk!: ParsedChunk;
  private base = 0;
  /** Inside `(`, `[`, `for` expressions and template sequences newlines do not end an expression (in an object's `{` they separate items). */
  private ignoreNl = 0;
  private depth = 0;
  /** Parsing the one argument of a single-line block (`timeouts { create = "10m" }`): it may end with `}`. */
  private singleLine = false;
  /** Inside an argument's value: messages name tokens by kind, not text (the value may be a secret, `auth_key`). */
  private inValue = 0;

  constructor(private readonly text: string, startOffset: number, startLine: number) {
    this.lex = new Lexer(
      text,
      startOffset,
      startLine,
      (e) => this.chunk.errors.push({ message: e.message, range: this.absRange(e.line, e.char, e.endLine, e.endChar) }),
      (c) => this.chunk.comments.push(this.absRange(c.line, c.char, c.endLine, c.endChar)),
    );
    this.prevEndLine = startLine;
    this.newChunk(startOffset, startLine);
  }

  run(stopAt?: (offset: number, line: number) => boolean, onChunk?: (chunk: ParsedChunk) => void): ParseResult {
    const chunks: ParsedChunk[] = [this.chunk];
    for (;;) {
      const t = this.peek();
      if (t.kind === T.EOF) {
        this.endChunk();
        onChunk?.(this.chunk);
        return { chunks, stoppedAt: -1, unterminated: this.lex.unterminated };
      }
      const lineStart = t.start - t.char;
      // A chunk starts only at a real token in a clean lexer state, so that re-parsing from its
      // first line (after an edit) reads exactly what a full parse read.
      if (t.nl && !t.missing && t.kind === T.Ident && this.chunkHasContent() && this.lex.atTopLevel && this.onlySpaceBefore(lineStart, t.start)) {
        this.endChunk();
        onChunk?.(this.chunk);
        if (stopAt?.(lineStart, t.line)) return { chunks, stoppedAt: lineStart, unterminated: this.lex.unterminated };
        this.newChunk(lineStart, t.line);
        chunks.push(this.chunk);
        this.recycle();
      }
      const item = this.parseItem(0);
      // A chunk's top-level items are the bottom of the list stack.
      if (item) this.add(item);
    }
  }

  private endChunk(): void {
    this.chunk.items = this.listFrom<BodyItem>(0);
  }

  // ---------------------------------------------------------------- tokens and positions

  private newChunk(offset: number, line: number): void {
    this.chunk = { startLine: line, startOffset: offset, items: NONE as unknown as BodyItem[], errors: [], comments: [] };
    this.base = line;
  }

  private chunkHasContent(): boolean {
    return this.listTop > 0 || this.chunk.errors.length > 0;
  }

  private onlySpaceBefore(from: number, to: number): boolean {
    for (let i = from; i < to; i++) {
      const c = this.text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 0xfeff) return false;
    }
    return true;
  }

  /** Text of the document, as a string of its own (see `own`), one copy per distinct value. */
  private slice(start: number, end: number): string {
    return this.lex.strings.range(this.text, start, end);
  }

  private add(item: unknown): void {
    this.list[this.listTop++] = item;
  }

  /** The items added since `start`, as an array of their own; the stack forgets them. */
  private listFrom<I>(start: number): I[] {
    const top = this.listTop;
    if (top === start) return NONE as unknown as I[];
    const items = this.list.slice(start, top) as I[];
    // Cleared, not truncated: the stack keeps its room, and keeps no finished tree alive.
    for (let i = start; i < top; i++) this.list[i] = undefined;
    this.listTop = start;
    return items;
  }

  private peek(i = 0): Token {
    const at = this.head + i;
    while (this.filled <= at) {
      if (this.filled === this.pool.length) this.pool.push(blankToken());
      this.lex.next(this.pool[this.filled++]);
    }
    return this.pool[at];
  }

  private take(): Token {
    const t = this.peek();
    this.head++;
    this.prevEndLine = t.endLine;
    this.prevEndChar = t.endChar;
    return t;
  }

  /**
   * At a chunk start (nothing of the chunk before is held any more): moves the tokens read ahead to the front
   * of the pool, and makes the consumed ones free to be read into again.
   */
  private recycle(): void {
    const pool = this.pool;
    const ahead = this.filled - this.head;
    for (let i = 0; i < ahead; i++) {
      const t = pool[i];
      pool[i] = pool[this.head + i];
      pool[this.head + i] = t;
    }
    this.head = 0;
    this.filled = ahead;
  }

  private absRange(line: number, char: number, endLine: number, endChar: number): Range {
    return new Span(line - this.base, char, endLine - this.base, endChar);
  }

  private range(t: Token): Span {
    return new Span(t.line - this.base, t.char, t.endLine - this.base, t.endChar);
  }

  /** From the start of `t` to the end of the last consumed token. */
  private sinceStart(t: Token): Span {
    return new Span(t.line - this.base, t.char, this.prevEndLine - this.base, this.prevEndChar);
  }

  /** From the start of `r` to the end of the last consumed token. */
  private fromRange(r: Range): Span {
    const s = r instanceof Span ? r : span(r.start, r.end);
    return new Span(s.startLine, s.startCharacter, this.prevEndLine - this.base, this.prevEndChar);
  }

  /** The empty range at the end of the last consumed token. */
  private atEndOfPrevious(): Span {
    return new Span(this.prevEndLine - this.base, this.prevEndChar, this.prevEndLine - this.base, this.prevEndChar);
  }

  /** The empty range at the end of `t`. */
  private atEnd(t: Token): Span {
    return new Span(t.endLine - this.base, t.endChar, t.endLine - this.base, t.endChar);
  }

  /**
   * `Unexpected "x"`, `Unexpected string` (not "Unexpected a string"). `quoting` false names the token by its kind
   * only: what follows an argument on its line may be the rest of a secret (`auth_key = "Pa55"w0rd"`).
   */
  private unexpected(t: Token, quoting = this.inValue === 0): string {
    return `Unexpected ${this.describe(t, quoting).replace(/^(a|an|the) /, '')}`;
  }

  private describe(t: Token, quoting = this.inValue === 0): string {
    if (quoting && (t.kind === T.Ident || t.kind === T.Number || t.kind === T.Invalid)) return `"${this.slice(t.start, t.end)}"`;
    if (t.kind === T.Op) return `"${t.value}"`;
    return TOKEN_NAMES[t.kind].length <= 3 ? `"${TOKEN_NAMES[t.kind]}"` : TOKEN_NAMES[t.kind];
  }

  private error(message: string, range: Range): void {
    // One error per position is enough; recovery can otherwise repeat it.
    const last = this.chunk.errors[this.chunk.errors.length - 1];
    if (last && last.range.start.line === range.start.line && last.range.start.character === range.start.character) return;
    this.chunk.errors.push({ message: own(message), range });
  }

  /** The next token can continue the current expression: same line, or newlines do not count here. */
  private continues(t: Token): boolean {
    return this.ignoreNl > 0 || !t.nl;
  }

  /** A line that starts a top-level block at column 0: unclosed constructs stop before it. */
  private atTopLevelBlockStart(): boolean {
    const t = this.peek();
    if (!(t.nl && t.char === 0 && t.kind === T.Ident)) return false;
    if (!TOP_LEVEL_KEYWORDS.has(this.slice(t.start, t.end))) return false;
    const n = this.peek(1);
    return !n.nl && (n.kind === T.OQuote || n.kind === T.PlainString || n.kind === T.LBrace);
  }

  /** A line that starts with `name =`: an unclosed `[` or `(` stops before it. */
  private atArgumentLine(): boolean {
    const t = this.peek();
    return t.nl && t.kind === T.Ident && this.peek(1).kind === T.Equal;
  }

  /** Skips to the end of the current line (stopping before a `}` that may close the enclosing block). */
  private skipLine(stopAtBrace: boolean): void {
    for (;;) {
      const t = this.peek();
      if (t.kind === T.EOF || t.nl) return;
      if (stopAtBrace && t.kind === T.RBrace) return;
      this.take();
    }
  }

  // ---------------------------------------------------------------- bodies

  private parseItem(depth: number): BodyItem | undefined {
    const t = this.peek();
    if (t.missing) {
      // A token the lexer invented to close an unterminated string or heredoc: already reported.
      this.take();
      return undefined;
    }
    if (t.kind !== T.Ident) {
      if (t.kind === T.RBrace && depth === 0) {
        this.take();
        this.error('Unexpected "}": there is no open block to close', this.range(t));
        return undefined;
      }
      this.error(`${this.unexpected(t)}: expected an argument name or a block`, this.range(t));
      this.take();
      this.skipLine(depth > 0);
      return undefined;
    }
    const name = this.take();
    const next = this.peek();
    if (next.kind === T.Equal && !next.nl) {
      this.take();
      return this.parseAttribute(name, depth);
    }
    if (!next.nl && (next.kind === T.OQuote || next.kind === T.PlainString || next.kind === T.Ident || next.kind === T.LBrace)) {
      return this.parseBlock(name, depth);
    }
    const nameRange = this.range(name);
    const text = this.slice(name.start, name.end);
    if (next.nl || next.kind === T.EOF || next.kind === T.RBrace) {
      this.error(`Incomplete argument: "${text}" needs "= value" (or "{" to open a block)`, nameRange);
      return { type: 'Incomplete', name: text, nameRange, range: nameRange } satisfies IncompleteNode;
    }
    this.error(`${this.unexpected(next, false)} after "${text}": expected "=" or a block`, this.range(next));
    this.skipLine(depth > 0);
    return { type: 'Incomplete', name: text, nameRange, range: nameRange };
  }

  private parseAttribute(name: Token, depth: number): AttributeNode {
    const nameRange = this.range(name);
    const text = this.slice(name.start, name.end);
    const v = this.peek();
    let expr: Expr | undefined;
    if (v.nl || v.kind === T.EOF || (v.kind === T.RBrace && depth > 0)) {
      this.error(`Missing value: "${text} =" needs a value`, this.fromRange(nameRange));
    } else {
      this.inValue++;
      try {
        expr = this.parseExpr();
      } finally {
        this.inValue--;
      }
      const after = this.peek();
      if (after.kind === T.RBrace && depth > 0 && !after.nl) {
        // HCL: only a single-line block may close on the line of an argument; the brace still closes the block.
        if (!this.singleLine) this.error(`Missing newline after the value of "${text}": "}" must start a new line`, this.range(after));
      } else if (!(after.nl || after.kind === T.EOF)) {
        this.error(
          `${this.unexpected(after, false)} after the value of "${text}": an argument ends at the end of its line`,
          this.range(after),
        );
        this.skipLine(depth > 0);
      }
    }
    return { type: 'Attribute', name: text, nameRange, expr, range: expr ? spanning(nameRange, expr.range) : this.fromRange(nameRange) };
  }

  private parseBlock(name: Token, depth: number): BlockNode | undefined {
    const nameRange = this.range(name);
    const blockName = this.slice(name.start, name.end);
    const labelsStart = this.listTop;
    for (;;) {
      const t = this.peek();
      if (t.nl) break;
      if (t.kind === T.Ident) {
        this.take();
        this.add({ value: this.slice(t.start, t.end), range: this.range(t) });
      } else if (t.kind === T.PlainString) {
        this.take();
        this.add({ value: t.value ?? '', range: this.range(t) });
      } else if (t.kind === T.OQuote) {
        const e = this.parseTemplate(false);
        const value = e.type === 'Literal' ? String(e.value) : '';
        if (e.type !== 'Literal') this.error('A block label must be a plain string without "${"', e.range);
        this.add({ value, range: e.range });
      } else break;
    }
    const labels = this.listFrom<BlockNode['labels'][number]>(labelsStart);
    const open = this.peek();
    if (open.kind !== T.LBrace || open.nl) {
      this.error(
        open.nl || open.kind === T.EOF
          ? `Missing "{": the block "${blockName}" must open its body on the same line`
          : `${this.unexpected(open)} in the header of block "${blockName}": expected a label or "{"`,
        open.nl || open.kind === T.EOF ? this.fromRange(nameRange) : this.range(open),
      );
      this.skipLine(depth > 0);
      return undefined;
    }
    this.take();
    if (this.depth >= MAX_DEPTH) {
      this.error('Blocks nested too deeply to analyse', this.range(open));
      this.skipBalanced();
      return undefined;
    }
    this.depth++;
    const bodyStart = this.listTop;
    let closed = false;
    // Something on the line of `{` makes a single-line block: one argument, then `}` on the same line.
    const first = this.peek();
    let oneLine = !first.nl && first.kind !== T.RBrace && first.kind !== T.EOF;
    for (;;) {
      const t = this.peek();
      if (t.kind === T.RBrace) {
        this.take();
        closed = true;
        const after = this.peek();
        if (!after.nl && after.kind !== T.EOF && !(after.kind === T.RBrace && this.singleLine)) {
          this.error(`Missing newline after the block "${blockName}": what follows "}" must start a new line`, this.range(after));
        }
        break;
      }
      if (t.kind === T.EOF || this.atTopLevelBlockStart()) break;
      const outer = this.singleLine;
      this.singleLine = oneLine;
      const item = this.parseItem(depth + 1);
      this.singleLine = outer;
      if (item) this.add(item);
      if (oneLine) {
        oneLine = false;
        const end = this.peek();
        if (item?.type === 'Block') {
          this.error(`A single-line block can hold only one argument, not the block "${item.name}": put it on its own line`, item.nameRange);
        } else if (item && !(end.kind === T.RBrace && !end.nl)) {
          this.error(`Single-line block "${blockName}": after the argument on the line of "{", "}" must close the block on that line`, endOfRange(item.range));
        }
      }
    }
    this.depth--;
    const body = this.listFrom<BodyItem>(bodyStart);
    if (!closed) {
      this.error(`Unclosed block: "${blockName}" opened here has no closing "}"`, this.range(open));
    }
    const bodyRange = this.sinceStart(open);
    return { type: 'Block', name: blockName, nameRange, labels, body, bodyRange, range: spanning(nameRange, bodyRange), closed };
  }

  /** Skips a deeply nested construct by counting brackets. */
  private skipBalanced(): void {
    let depth = 1;
    for (;;) {
      const t = this.peek();
      if (t.kind === T.EOF) return;
      if (t.kind === T.LBrace || t.kind === T.LBrack || t.kind === T.LParen) depth++;
      if (t.kind === T.RBrace || t.kind === T.RBrack || t.kind === T.RParen) depth--;
      this.take();
      if (depth === 0) return;
    }
  }

  // ---------------------------------------------------------------- expressions

  parseExpr(): Expr {
    if (this.depth >= MAX_DEPTH) {
      const t = this.peek();
      this.error('Expression nested too deeply to analyse', this.range(t));
      this.take();
      this.skipBalanced();
      return { type: 'Invalid', range: this.sinceStart(t) };
    }
    this.depth++;
    try {
      return this.parseConditional();
    } finally {
      this.depth--;
    }
  }

  private parseConditional(): Expr {
    const cond = this.parseBinary(1);
    const q = this.peek();
    if (q.kind !== T.Question || !this.continues(q)) return cond;
    this.take();
    // As everywhere outside brackets, the parts of a conditional must stay on one line.
    const then = this.parseExpr();
    const colon = this.peek();
    let otherwise: Expr;
    if (colon.kind === T.Colon && this.continues(colon)) {
      this.take();
      otherwise = this.parseExpr();
    } else {
      const where = this.continues(colon) ? this.range(colon) : this.atEndOfPrevious();
      this.error(`Expected ":" in the conditional, found ${this.continues(colon) ? this.describe(colon) : 'the end of the line'}`, where);
      otherwise = { type: 'Invalid', range: where };
    }
    return { type: 'Conditional', condition: cond, then, otherwise, range: spanning(cond.range, otherwise.range) };
  }

  private parseBinary(minPrec: number): Expr {
    let left = this.parseUnary();
    for (;;) {
      const t = this.peek();
      if (t.kind !== T.Op || !this.continues(t)) return left;
      const prec = BINARY_PRECEDENCE[t.value!];
      if (prec === undefined || prec < minPrec) return left;
      this.take();
      const right = this.parseBinary(prec + 1);
      left = { type: 'Binary', op: t.value!, left, right, range: spanning(left.range, right.range) };
    }
  }

  private parseUnary(): Expr {
    const t = this.peek();
    if (t.kind === T.Op && (t.value === '-' || t.value === '!')) {
      if (this.depth >= MAX_DEPTH) {
        // `!!!!…x` thousands deep: reported and read through without recursing, as over-deep brackets are.
        const at = this.range(t);
        this.error('Expression nested too deeply to analyse', at);
        for (let u = this.peek(); u.kind === T.Op && (u.value === '-' || u.value === '!') && this.continues(u); u = this.peek()) this.take();
        const rest = this.parsePostfix(this.parsePrimary());
        return { type: 'Invalid', range: spanning(at, rest.range) };
      }
      this.take();
      this.depth++;
      let operand: Expr;
      try {
        operand = this.parseUnary();
      } finally {
        this.depth--;
      }
      if (t.value === '-' && operand.type === 'Literal' && typeof operand.value === 'number') {
        return { type: 'Literal', value: -operand.value, range: spanning(this.range(t), operand.range) };
      }
      return { type: 'Unary', op: t.value, operand, range: spanning(this.range(t), operand.range) };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parsePostfix(target: Expr): Expr {
    if (target.type === 'Invalid') return target;
    const start = this.listTop;
    for (;;) {
      const t = this.peek();
      if (!this.continues(t)) break;
      if (t.kind === T.Dot) {
        this.take();
        const n = this.peek();
        if (n.kind === T.Ident && this.continues(n)) {
          this.take();
          this.add({ type: 'Attr', name: this.slice(n.start, n.end), range: this.range(n) });
        } else if (n.kind === T.Number && this.continues(n)) {
          this.take();
          const key: Expr = { type: 'Literal', value: Number(this.slice(n.start, n.end)), range: this.range(n) };
          this.add({ type: 'Index', key, range: this.range(n) });
        } else if (n.kind === T.Op && n.value === '*' && this.continues(n)) {
          this.take();
          this.add({ type: 'Splat', range: this.range(n) });
        } else {
          // `alicloud_vpc_bgp_group.` while typing: keep what we have, report the dangling dot.
          this.error(`Expected an attribute name after "."`, this.range(t));
          this.add({ type: 'Attr', name: '', range: this.atEnd(t) });
          break;
        }
      } else if (t.kind === T.LBrack) {
        const open = this.take();
        this.ignoreNl++;
        const s = this.peek();
        if (s.kind === T.Op && s.value === '*' && this.peek(1).kind === T.RBrack) {
          this.take();
          this.take();
          this.add({ type: 'Splat', range: this.sinceStart(open) });
        } else {
          const key = this.parseExpr();
          this.expectClose(T.RBrack, open);
          this.add({ type: 'Index', key, range: this.sinceStart(open) });
        }
        this.ignoreNl--;
      } else break;
    }
    if (this.listTop === start) return target;
    const range = spanning(target.range, (this.list[this.listTop - 1] as TraversalPart).range);
    const parts = this.listFrom<TraversalPart>(start);
    if (target.type === 'Traversal') return { type: 'Traversal', root: target.root, parts: target.parts.length === 0 ? parts : target.parts.concat(parts), range };
    return { type: 'Postfix', target, parts, range };
  }

  /** Consumes the closer of a bracketed construct, recovering when it is missing. */
  private expectClose(closer: T, open: Token): boolean {
    const t = this.peek();
    if (t.kind === closer) {
      this.take();
      return true;
    }
    this.error(`Expected ${TOKEN_NAMES[closer] === '}' ? '"}"' : `"${TOKEN_NAMES[closer]}"`}, found ${this.describe(t)}`, this.range(t));
    return this.recover(closer, open);
  }

  /**
   * After an error inside brackets: skips to this construct's closer, but not past the start of the next
   * argument or top-level block, so an unclosed bracket damages only its own line(s).
   */
  private recover(closer: T, open: Token): boolean {
    let depth = 0;
    for (;;) {
      const t = this.peek();
      if (t.kind === T.EOF || t.kind === T.TemplateSeqEnd || t.kind === T.CQuote || t.kind === T.CHeredoc) break;
      if (this.atTopLevelBlockStart() || (closer !== T.RBrace && this.atArgumentLine())) break;
      if (t.kind === T.LBrace || t.kind === T.LBrack || t.kind === T.LParen) depth++;
      else if (t.kind === T.RBrace || t.kind === T.RBrack || t.kind === T.RParen) {
        if (depth === 0) {
          if (t.kind === closer) {
            this.take();
            return true;
          }
          break;
        }
        depth--;
      }
      this.take();
    }
    this.error(`Unclosed "${this.slice(open.start, open.end)}": no matching "${TOKEN_NAMES[closer]}"`, this.range(open));
    return false;
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    // `a = 1 +` / `a = x ?` / `a = -` at the end of a line: the value is missing (the next line is another item).
    switch (this.continues(t) ? t.kind : T.EOF) {
      case T.Number: {
        this.take();
        const raw = this.slice(t.start, t.end);
        return { type: 'Literal', value: Number(raw), range: this.range(t) };
      }
      case T.Ident: {
        this.take();
        const name = this.slice(t.start, t.end);
        if (name === 'true' || name === 'false') return { type: 'Literal', value: name === 'true', range: this.range(t) };
        if (name === 'null') return { type: 'Literal', value: null, range: this.range(t) };
        const n = this.peek();
        if (n.kind === T.LParen && !n.nl) return this.parseCall(t, name);
        // Provider-defined functions: `provider::name::fn(…)`.
        if (n.kind === T.Colon && this.peek(1).kind === T.Colon) return this.parseNamespacedCall(t);
        return { type: 'Traversal', root: name, parts: NONE as unknown as TraversalPart[], range: this.range(t) };
      }
      case T.PlainString:
        this.take();
        return { type: 'Literal', value: t.value ?? '', range: this.range(t) };
      case T.OQuote:
        return this.parseTemplate(false);
      case T.OHeredoc:
        return this.parseTemplate(true);
      case T.LBrack:
        return this.parseTuple();
      case T.LBrace:
        return this.parseObject();
      case T.LParen: {
        const open = this.take();
        this.ignoreNl++;
        const expr = this.parseExpr();
        this.ignoreNl--;
        this.expectClose(T.RParen, open);
        return { type: 'Paren', expr, range: this.sinceStart(open) };
      }
      default: {
        const where = t.nl || t.kind === T.EOF ? this.atEndOfPrevious() : this.range(t);
        this.error(`Expected a value, found ${t.nl ? 'the end of the line' : this.describe(t)}`, where);
        return { type: 'Invalid', range: where };
      }
    }
  }

  private parseNamespacedCall(first: Token): Expr {
    let name = this.slice(first.start, first.end);
    while (this.peek().kind === T.Colon && this.peek(1).kind === T.Colon && this.peek(2).kind === T.Ident) {
      this.take();
      this.take();
      const part = this.take();
      name += '::' + this.slice(part.start, part.end);
    }
    if (this.peek().kind === T.LParen) return this.parseCall(first, name);
    this.error(`Expected "(" after the function name "${name}"`, this.range(this.peek()));
    return { type: 'Invalid', range: this.sinceStart(first) };
  }

  private parseCall(nameTok: Token, name: string): Expr {
    const open = this.take();
    this.ignoreNl++;
    const argsStart = this.listTop;
    let expandFinal = false;
    for (;;) {
      const t = this.peek();
      if (t.kind === T.RParen) {
        this.take();
        break;
      }
      if (t.kind === T.EOF || this.atTopLevelBlockStart() || this.atArgumentLine()) {
        this.error(`Unclosed "(": the call to ${name} has no matching ")"`, this.range(open));
        break;
      }
      this.add(this.parseExpr());
      const sep = this.peek();
      if (sep.kind === T.Ellipsis) {
        this.take();
        expandFinal = true;
      }
      const s2 = this.peek();
      if (s2.kind === T.Comma) this.take();
      else if (s2.kind !== T.RParen) {
        this.error(`Expected "," or ")" in the call to ${name}, found ${this.describe(s2)}`, this.range(s2));
        this.recover(T.RParen, open);
        break;
      }
    }
    this.ignoreNl--;
    return { type: 'Call', name, nameRange: this.range(nameTok), args: this.listFrom<Expr>(argsStart), expandFinal, range: this.sinceStart(nameTok) };
  }

  private isForStart(): boolean {
    const t = this.peek();
    return t.kind === T.Ident && this.slice(t.start, t.end) === 'for' && this.peek(1).kind === T.Ident;
  }

  private parseTuple(): Expr {
    const open = this.take();
    this.ignoreNl++;
    try {
      if (this.isForStart()) return this.parseFor(open, T.RBrack);
      const start = this.listTop;
      for (;;) {
        const t = this.peek();
        if (t.kind === T.RBrack) {
          this.take();
          break;
        }
        if (t.kind === T.EOF || this.atTopLevelBlockStart() || this.atArgumentLine()) {
          this.error('Unclosed "[": no matching "]"', this.range(open));
          break;
        }
        const item = this.parseExpr();
        this.add(item);
        if (item.type === 'Invalid') {
          this.recover(T.RBrack, open);
          break;
        }
        const sep = this.peek();
        if (sep.kind === T.Comma) this.take();
        else if (sep.kind !== T.RBrack) {
          if (sep.nl && (this.atArgumentLine() || this.atTopLevelBlockStart() || sep.kind === T.RBrace)) {
            this.error('Unclosed "[": no matching "]"', this.range(open));
            break;
          }
          this.error(`Expected "," or "]", found ${this.describe(sep)}`, this.range(sep));
          this.recover(T.RBrack, open);
          break;
        }
      }
      return { type: 'Tuple', items: this.listFrom<Expr>(start), range: this.sinceStart(open) };
    } finally {
      this.ignoreNl--;
    }
  }

  private parseObject(): Expr {
    const open = this.take();
    // HCL: inside `{ }` of an object newlines separate items, so they count again (unlike `[ ]` and `( )`);
    // a `for` expression ignores them.
    const outerNl = this.ignoreNl;
    this.ignoreNl = 0;
    try {
      if (this.isForStart()) {
        this.ignoreNl = outerNl + 1;
        return this.parseFor(open, T.RBrace);
      }
      const start = this.listTop;
      for (;;) {
        const t = this.peek();
        if (t.kind === T.RBrace) {
          this.take();
          break;
        }
        if (t.kind === T.EOF || this.atTopLevelBlockStart()) {
          this.error('Unclosed "{": no matching "}"', this.range(open));
          break;
        }
        let key: Expr;
        const n = this.peek(1);
        if (t.kind === T.Ident && (n.kind === T.Equal || n.kind === T.Colon) && !n.nl) {
          this.take();
          key = { type: 'Literal', value: this.slice(t.start, t.end), range: this.range(t) };
        } else {
          // The key starts an item, so it may start a line.
          this.ignoreNl++;
          key = this.parseExpr();
          this.ignoreNl--;
        }
        const eq = this.peek();
        if ((eq.kind !== T.Equal && eq.kind !== T.Colon) || !this.continues(eq)) {
          const found = this.continues(eq) ? this.describe(eq) : 'the end of the line';
          this.error(`Expected "=" after the object key, found ${found}`, this.continues(eq) ? this.range(eq) : this.atEndOfPrevious());
          this.recover(T.RBrace, open);
          break;
        }
        this.take();
        const value = this.parseExpr();
        this.add({ key, value });
        if (value.type === 'Invalid') {
          this.recover(T.RBrace, open);
          break;
        }
        const sep = this.peek();
        if (sep.kind === T.Comma && this.continues(sep)) this.take();
        else if (sep.kind !== T.RBrace && this.continues(sep)) {
          this.error(`Expected "," or a new line between object items, found ${this.describe(sep)}`, this.range(sep));
          this.recover(T.RBrace, open);
          break;
        }
      }
      return { type: 'Object', items: this.listFrom<ObjectItem>(start), range: this.sinceStart(open) };
    } finally {
      this.ignoreNl = outerNl;
    }
  }

  /** `[for k, v in coll : expr if cond]` and `{for k, v in coll : key => value... if cond}`. */
  private parseFor(open: Token, closer: T): Expr {
    this.take(); // for
    // The variables it binds, which its body may name like resources (`for my_group in …: my_group.id`).
    const first = this.take();
    const vars = first.kind === T.Ident ? [this.slice(first.start, first.end)] : [];
    if (this.peek().kind === T.Comma) {
      this.take();
      const second = this.peek();
      if (second.kind === T.Ident) {
        this.take();
        vars.push(this.slice(second.start, second.end));
      }
    }
    const kw = this.peek();
    if (!(kw.kind === T.Ident && this.slice(kw.start, kw.end) === 'in')) {
      this.error(`Expected "in" in the for expression, found ${this.describe(kw)}`, this.range(kw));
      this.recover(closer, open);
      return { type: 'Invalid', range: this.sinceStart(open) };
    }
    this.take();
    const collection = this.parseExpr();
    const body: Expr[] = [];
    if (this.peek().kind === T.Colon) {
      this.take();
      body.push(this.parseExpr());
      if (this.peek().kind === T.FatArrow) {
        this.take();
        body.push(this.parseExpr());
      }
      if (this.peek().kind === T.Ellipsis) this.take();
      const cond = this.peek();
      if (cond.kind === T.Ident && this.slice(cond.start, cond.end) === 'if') {
        this.take();
        body.push(this.parseExpr());
      }
    } else {
      this.error(`Expected ":" in the for expression, found ${this.describe(this.peek())}`, this.range(this.peek()));
    }
    this.expectClose(closer, open);
    return { type: 'For', vars, collection, body: fit(body), range: this.sinceStart(open) };
  }

  private parseTemplate(heredoc: boolean): Expr {
    const open = this.take();
    const close = heredoc ? T.CHeredoc : T.CQuote;
    const parts: (string | Expr)[] = [];
    let directives = false;
    for (;;) {
      const t = this.peek();
      if (t.kind === close) {
        this.take();
        break;
      }
      if (t.kind === T.TemplateLit) {
        this.take();
        parts.push(t.value ?? '');
      } else if (t.kind === T.TemplateInterp || t.kind === T.TemplateControl) {
        this.take();
        this.ignoreNl++;
        if (t.kind === T.TemplateControl) {
          directives = true;
          // `%{ if c }`, `%{ for x in xs }`, `%{ else }`, `%{ endif }`: keep the expressions for references.
          const kw = this.peek();
          if (kw.kind === T.Ident) {
            const word = this.slice(kw.start, kw.end);
            this.take();
            if (word === 'for') {
              while (this.peek().kind === T.Ident || this.peek().kind === T.Comma) {
                const w = this.take();
                if (w.kind === T.Ident && this.slice(w.start, w.end) === 'in') break;
              }
            }
            if (word === 'if' || word === 'for') parts.push(this.parseExpr());
          }
        } else if (this.peek().kind !== T.TemplateSeqEnd) {
          parts.push(this.parseExpr());
        }
        this.ignoreNl--;
        const end = this.peek();
        if (end.kind === T.TemplateSeqEnd) this.take();
        else {
          if (!end.missing) this.error(`Expected "}" to close "${t.kind === T.TemplateInterp ? '${' : '%{'}", found ${this.describe(end)}`, this.range(end));
          // Skip to the sequence end or the end of the template.
          while (![T.TemplateSeqEnd, close, T.EOF].includes(this.peek().kind)) {
            if (!heredoc && this.peek().nl) break;
            this.take();
          }
          if (this.peek().kind === T.TemplateSeqEnd) this.take();
          if (this.peek().kind !== close) break;
        }
      } else {
        // EOF or a recovery token: the lexer has already reported the unterminated string.
        if (t.kind === T.EOF) break;
        this.take();
        if (t.kind === T.CQuote || t.kind === T.CHeredoc) break;
      }
    }
    const range = this.sinceStart(open);
    if (!directives && parts.length <= 1 && (parts.length === 0 || typeof parts[0] === 'string')) {
      const value = (parts[0] as string | undefined) ?? '';
      // `<<-EOT`: Terraform's value is the text without the indentation its lines share.
      const flush = heredoc && this.text.charCodeAt(open.start + 2) === 45; /* - */
      return { type: 'Literal', value: flush ? flushHeredoc(value) : value, range };
    }
    return { type: 'Template', parts: fit(parts), directives, heredoc, range };
  }
}

/**
 * The text of a `<<-` heredoc as HCL reads it: the indentation of the least-indented line removed from every
 * line. As in HCL (`flushHeredocTemplateParts`), a line of blanks only neither counts nor changes, and a tab is
 * one character like a space.
 */
export function flushHeredoc(text: string): string {
  const lines = text.split(/(?<=\n)/);
  let least = Infinity;
  for (const line of lines) {
    const lead = /^\s*/.exec(line)![0].length;
    if (lead < line.length || !line.endsWith('\n')) least = Math.min(least, lead);
  }
  if (least === 0 || least === Infinity) return text;
  let out = '';
  for (const line of lines) out += /^\s*$/.test(line) && line.endsWith('\n') ? line : line.slice(least);
  return out;
}
