/**
 * An HCL file kept parsed across edits. The text is split into chunks (one per top-level item, see
 * `parser.ts`), and each chunk keeps its own piece of the text: there is no whole-document string to copy on
 * every keystroke (for a 2 MB file that copy, and the garbage it leaves, dominated a keystroke's cost).
 *
 * An edit re-parses a *window*: the text of the chunks from the edited one (from the one before it when the edit
 * touches the edited chunk's first line) to the first chunk that starts after the edit, with the edit applied,
 * and one chunk more. The parser stops as soon as it starts a chunk where an
 * old chunk started; the chunks after it are re-used, moved by the edit's offset and line deltas. When the
 * edit changed more than that (an opened brace or heredoc), the window grows until the parser meets an old
 * chunk start or the end of the file. A keystroke therefore costs the edited block, not the file.
 */
import type { Position, Range, ResourceInstance } from '../../model/types';
import type { BlockNode, BodyItem, SyntaxError } from './ast';
import { fit, NONE, parseChunks, ParsedChunk } from './parser';
import { narrowTexts } from './narrow';
import { parseFailureMessage } from '../parseFailure';
import { escapeRegExp } from '../regexp';
import { instancesOfItems } from './toModel';

export interface TextChange {
  /** Absent for a full replacement. */
  range?: Range;
  text: string;
}

/** Where a chunk caches the offsets of its line starts (symbol-keyed: a cache, not part of the chunk's value). */
const LINES = Symbol('line starts');

/** Per-chunk results a consumer caches with the chunk (see `engine/hclFile.ts`); a re-parsed chunk is a new object, so they go with it. */
export const CHUNK_MEMO = Symbol('chunk memo');

/** The chunk's outline entries, packed (`engine/hclSymbols.ts`), kept the same way as `CHUNK_MEMO`. */
export const OUTLINE_MEMO = Symbol('outline memo');

/**
 * One top-level item of the file (with the comments after it), parsed. A chunk keeps its model (`instances`)
 * and, only where the model does not say everything, its syntax tree: a chunk of well-formed `resource` and
 * `data` blocks lets its tree go as soon as it is parsed (most of a large module, and most of its memory: the
 * tree dies young instead of being copied by the garbage collector), and `items` re-parses the chunk's text
 * for the rare reader that needs the tree (find references). A chunk of `variable`, `output`, `locals` and
 * `module` blocks keeps only what the outline reads of them (`outline`: no values).
 */
export class Chunk implements ParsedChunk {
  [LINES]: number[] | undefined = undefined;
  [CHUNK_MEMO]: unknown = undefined;
  [OUTLINE_MEMO]: string | undefined = undefined;

  constructor(
    /** Absolute line and offset where the chunk starts (always a line start). */
    public startLine: number,
    public startOffset: number,
    readonly errors: SyntaxError[],
    readonly comments: Range[],
    /** True when an unterminated heredoc or comment made the parse depend on text after the chunk. */
    readonly openEnded: boolean,
    /**
     * The chunk's text: from its start to the next chunk's start (or the end of the file). Only `narrow` replaces
     * it, with the same characters stored at one byte each.
     */
    public text: string,
    /** The chunk's `resource` and `data` blocks as the model (chunk-relative positions). */
    readonly instances: ResourceInstance[],
    private readonly tree: BodyItem[] | undefined,
    private readonly shallow: BodyItem[] | undefined,
  ) {}

  /**
   * What would end what this chunk left open (`openEnded`): the marker of each unterminated heredoc, `*\/` for an
   * unterminated comment. Read from its errors, which say so.
   */
  terminators(): string[] {
    const out: string[] = [];
    for (const e of this.errors) {
      const heredoc = /^Unterminated heredoc: no line "(.*)" closes it$/.exec(e.message);
      if (heredoc) out.push(heredoc[1]);
      else if (e.message.startsWith('Unterminated comment')) out.push('*/');
    }
    return out;
  }

  /** The top-level items' syntax tree. */
  get items(): BodyItem[] {
    return this.tree ?? parseChunks(this.text).chunks.flatMap((c) => c.items);
  }

  /** False when the syntax tree was let go because the model, or the outline, holds all of it that the engine reads. */
  get hasSyntaxTree(): boolean {
    return this.tree !== undefined;
  }

  /**
   * The top-level items as the outline (`engine/hclSymbols.ts`) reads them: the syntax tree, or its outline
   * (`outlineOf`: blocks, their labels and ranges, `locals` names; no values). Undefined when the model says it all.
   */
  get outline(): BodyItem[] | undefined {
    return this.tree ?? this.shallow;
  }

  toJSON(): object {
    const { startLine, startOffset, items, errors, comments, openEnded, text } = this;
    return { startLine, startOffset, items, errors, comments, openEnded, text };
  }
}

/** How far past the edit the first window reaches: chunks after the first one that starts after the edit. */
const FIRST_WINDOW_EXTRA = 1;

export class HclDocument {
  chunks: Chunk[] = [];
  private _length = 0;
  private _text: string | undefined;
  /** Set by `setText`, cleared by `narrow`: the chunks may be slices of a text stored at two bytes per character. */
  private narrowable = false;
  /** Chunks re-parsed by the last update (for measurements and tests). */
  lastReparsed = 0;

  constructor(text: string) {
    this.setText(text);
  }

  /**
   * The whole text: the one given while no edit has been made since, else joined from the chunks. The join is not
   * kept: a document kept as a module's disk copy would otherwise hold its text twice.
   */
  get text(): string {
    return this._text ?? this.chunks.map((c) => c.text).join('');
  }

  /** Length of the text in UTF-16 code units. */
  get length(): number {
    return this._length;
  }

  /**
   * Is the text exactly `text`? Compared piece by piece, without joining the chunks. (A slice and `===` compare
   * a one-byte chunk with a two-byte text 5× faster than `startsWith`: 1.5 against 8 ms on 2.3 MB.)
   */
  hasText(text: string): boolean {
    if (text.length !== this._length) return false;
    if (this._text !== undefined) return this._text === text;
    let offset = 0;
    for (const c of this.chunks) {
      const n = c.text.length;
      if (text.slice(offset, offset + n) !== c.text) return false;
      offset += n;
    }
    return true;
  }

  /**
   * Is `bytes` the UTF-8 encoding of the text? Each chunk is encoded into one reused buffer and compared bytewise:
   * no copy of the whole text is made, and no string either (decoding the file to compare strings left
   * megabytes of them behind on every close, there when the file was opened again).
   */
  hasUtf8(bytes: Uint8Array): boolean {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let scratch = Buffer.allocUnsafe(4096);
    let offset = 0;
    for (const c of this.chunks) {
      const n = Buffer.byteLength(c.text);
      if (offset + n > buf.length) return false;
      if (n > scratch.length) scratch = Buffer.allocUnsafe(Math.max(n, scratch.length * 2));
      scratch.write(c.text, 0, n, 'utf8');
      if (buf.compare(scratch, 0, n, offset, offset + n) !== 0) return false;
      offset += n;
    }
    return offset === buf.length;
  }

  /** The first `n` characters of the text. */
  head(n: number): string {
    let s = '';
    for (let i = 0; i < this.chunks.length && s.length < n; i++) s += this.chunks[i].text;
    return s.slice(0, n);
  }

  get lineCount(): number {
    const last = this.chunks[this.chunks.length - 1];
    return last.startLine + lineStarts(last).length + 1;
  }

  setText(text: string): void {
    this.narrowable = true;
    this._length = text.length;
    this._text = text;
    try {
      this.chunks = this.parseWhole(text);
    } catch (e) {
      // A parser bug must not lose the text: the file is kept, unanalysed, with the failure as its one finding.
      this.chunks = [unparsed(text, e)];
    }
    this.lastReparsed = this.chunks.length;
  }

  private parseWhole(text: string): Chunk[] {
    const settled: Settled[] = [];
    return withTexts(parseChunks(text, 0, 0, undefined, settler(settled)).chunks, settled, text, 0, text.length);
  }

  /**
   * Stores the chunk texts at one byte per character where they can be (`narrowTexts`), once after the whole
   * text was set, when it has a character past U+00FF: the text itself is then let go (joined when asked for).
   * Not part of `setText`: it costs about 6 ms on 2.3 MB, which the server spends after its first answer.
   * Returns how many chunk texts it stored anew (0: nothing to do).
   */
  narrow(): number {
    if (!this.narrowable) return 0;
    this.narrowable = false;
    // Edited since: the chunks not re-parsed are still slices of the text once set, which they keep alive.
    const texts = narrowTexts(this._text ?? this.text, this.chunks.map((c) => c.startOffset));
    if (!texts) return 0;
    this.chunks.forEach((c, i) => (c.text = texts[i]));
    this._text = undefined;
    return texts.length;
  }

  update(changes: readonly TextChange[]): void {
    let reparsed = 0;
    for (const change of changes) {
      if (!change.range) {
        this.setText(change.text);
        reparsed += this.chunks.length;
        continue;
      }
      try {
        reparsed += this.applyChange(change.range, change.text);
      } catch (e) {
        // `applyChange` replaces chunks only once its window is parsed: they still hold the text before this
        // change. Rather than fall behind the editor's text, parse the whole text with the change made.
        const start = this.offsetAt(change.range.start);
        const end = Math.max(start, this.offsetAt(change.range.end));
        const text = this.text;
        this.setText(text.slice(0, start) + change.text + text.slice(end));
        reparsed += this.chunks.length;
      }
    }
    this.lastReparsed = reparsed;
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineCount) return this._length;
    const chunk = this.chunks[this.chunkIndexAt(pos.line)];
    const ls = lineStarts(chunk);
    const k = pos.line - chunk.startLine;
    const start = k === 0 ? 0 : ls[k - 1];
    // A column past the end of the line is the line's end, before its line break (as the LSP says).
    let end = k < ls.length ? ls[k] - 1 : chunk.text.length;
    if (k < ls.length && end > start && chunk.text.charCodeAt(end - 1) === 13) end--;
    return chunk.startOffset + Math.max(start, Math.min(start + Math.max(0, pos.character), end));
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this._length));
    const chunks = this.chunks;
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (chunks[mid].startOffset <= offset) lo = mid;
      else hi = mid - 1;
    }
    const chunk = chunks[lo];
    const local = offset - chunk.startOffset;
    const ls = lineStarts(chunk);
    // Lines of the chunk whose start is at or before `local`.
    let a = 0;
    let b = ls.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (ls[mid] <= local) a = mid + 1;
      else b = mid;
    }
    return { line: chunk.startLine + a, character: local - (a === 0 ? 0 : ls[a - 1]) };
  }

  /** The text of one line, without its line break. */
  lineText(line: number): string {
    if (line < 0 || line >= this.lineCount) return '';
    const chunk = this.chunks[this.chunkIndexAt(line)];
    const ls = lineStarts(chunk);
    const k = line - chunk.startLine;
    const s = k === 0 ? 0 : ls[k - 1];
    let e = k < ls.length ? ls[k] : chunk.text.length;
    const t = chunk.text;
    while (e > s && (t.charCodeAt(e - 1) === 10 || t.charCodeAt(e - 1) === 13)) e--;
    return t.slice(s, e);
  }

  /** The line break that ends one line: `\r\n` or `\n`, '' for the last line. */
  lineBreak(line: number): string {
    if (line < 0 || line >= this.lineCount) return '';
    const chunk = this.chunks[this.chunkIndexAt(line)];
    const ls = lineStarts(chunk);
    const k = line - chunk.startLine;
    if (k >= ls.length) return '';
    const nl = ls[k] - 1;
    return nl > (k === 0 ? 0 : ls[k - 1]) && chunk.text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
  }

  /** Index of the chunk that holds `line`. */
  chunkIndexAt(line: number): number {
    const chunks = this.chunks;
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (chunks[mid].startLine <= line) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private applyChange(range: Range, newText: string): number {
    const start = this.offsetAt(range.start);
    const end = Math.max(start, this.offsetAt(range.end));
    const chunks = this.chunks;

    // Re-parse from the edited chunk; from the one before it when the edit touches the edited chunk's first
    // line (where the parser decided that the chunk before ends), or from an earlier chunk whose unterminated
    // heredoc/comment looked past its own end.
    const startLine = this.positionAt(start).line;
    const edited = this.chunkIndexAt(startLine);
    let first = startLine > chunks[edited].startLine ? edited : Math.max(0, edited - 1);
    // An earlier chunk whose heredoc or comment found no end anywhere after it reads differently only if the edit
    // writes that end: its marker line, or `*\/`, on the lines the edit leaves. Else each keystroke below a stray
    // `/*` re-parsed everything from it.
    let editedLines: string | undefined;
    for (let i = 0; i < first; i++) {
      if (!chunks[i].openEnded) continue;
      editedLines ??= this.lineText(range.start.line).slice(0, range.start.character) + newText + this.lineText(range.end.line).slice(range.end.character);
      if (chunks[i].terminators().some((t) => editedLines!.includes(t))) {
        first = i;
        break;
      }
    }
    // The first old chunk that starts after the edit: where the parser may stop.
    let firstAfter = chunks.length;
    for (let i = first + 1; i < chunks.length; i++) {
      if (chunks[i].startOffset >= end) {
        firstAfter = i;
        break;
      }
    }
    const base = chunks[first].startOffset;
    const deltaChars = newText.length - (end - start);

    for (let extra = FIRST_WINDOW_EXTRA; ; extra *= 4) {
      // The window: chunks first..last (inclusive) as they will read after the edit.
      const last = Math.min(chunks.length - 1, firstAfter + extra);
      const toEnd = last === chunks.length - 1;
      let old = '';
      for (let i = first; i <= last; i++) old += chunks[i].text;
      const window = old.slice(0, start - base) + newText + old.slice(end - base);
      const editEnd = start - base + newText.length;

      let j = firstAfter;
      const settled: Settled[] = [];
      const stopAt = (offset: number) => {
        if (offset < editEnd) return false;
        while (j <= last && chunks[j].startOffset - base + deltaChars < offset) j++;
        return j <= last && chunks[j].startOffset - base + deltaChars === offset;
      };
      const result = parseChunks(window, 0, chunks[first].startLine, stopAt, settler(settled));
      // Reaching the window's end is only an answer when the window reaches the file's end; and a comment or
      // heredoc left open in the window may close in the text after it.
      if (!toEnd && (result.stoppedAt === -1 || closesLater(result.unterminated, chunks, last + 1))) continue;

      const resume = result.stoppedAt === -1 ? chunks.length : j;
      const fresh = withTexts(result.chunks, settled, window, base, result.stoppedAt === -1 ? window.length : result.stoppedAt);
      const deltaLines = countLines(newText) - countLines(old.slice(start - base, end - base));
      for (let i = resume; i < chunks.length; i++) {
        chunks[i].startOffset += deltaChars;
        chunks[i].startLine += deltaLines;
      }
      chunks.splice(first, resume - first, ...fresh);
      this._length += deltaChars;
      this._text = undefined;
      return fresh.length;
    }
  }
}

/** What `settler` keeps of a chunk just parsed: its model, and its syntax tree (or outline) when the model is not enough. */
interface Settled {
  instances: ResourceInstance[];
  tree: BodyItem[] | undefined;
  outline: BodyItem[] | undefined;
}

/** An `onChunk` for the parser: builds each chunk's model while its tree is young, and lets the tree go if it can. */
function settler(out: Settled[]): (c: ParsedChunk) => void {
  return (c) => {
    const instances = instancesOfItems(c.items);
    if (modelSuffices(c)) out.push({ instances, tree: undefined, outline: undefined });
    else if (outlineSuffices(c)) out.push({ instances, tree: undefined, outline: c.items.map(outlineOf) });
    else {
      out.push({ instances, tree: c.items, outline: undefined });
      return;
    }
    c.items = NONE as unknown as BodyItem[]; // the parser's list of chunks must not keep the tree alive either
  };
}

/** Top-level and nested block names that the outline (`engine/hclSymbols.ts`) reads from the syntax tree. */
const DECLARING_BLOCKS = new Set(['resource', 'data', 'variable', 'module', 'output', 'locals', 'provider', 'terraform']);

/**
 * Does the model say all that is read of this chunk without re-parsing it? True for error-free chunks of
 * complete `resource "type" "name"` / `data` blocks whose nested blocks are plain (`timeouts`, `dynamic`…): the
 * outline and the rules then read the model; only find-references re-parses.
 */
function modelSuffices(c: ParsedChunk): boolean {
  if (c.errors.length > 0 || c.items.length === 0) return false;
  for (const item of c.items) {
    if (item.type !== 'Block' || (item.name !== 'resource' && item.name !== 'data') || !item.closed) return false;
    if (item.labels.length !== 2 || !item.labels[0].value || !item.labels[1].value) return false;
    if (!plainNested(item)) return false;
  }
  return true;
}

/** Blocks whose outline entry reads only their header, and for `locals` the names and ranges of their arguments. */
const OUTLINED_BLOCKS = new Set(['variable', 'output', 'locals', 'module']);

/**
 * Does the outline say all that is read of this chunk without re-parsing it? True for error-free chunks of
 * complete `variable`, `output`, `locals` and `module` blocks: the engine reads them for the outline only
 * (references and `.tfvars` assignments re-parse, as for resource blocks).
 */
function outlineSuffices(c: ParsedChunk): boolean {
  if (c.errors.length > 0 || c.items.length === 0) return false;
  for (const item of c.items) if (item.type !== 'Block' || !OUTLINED_BLOCKS.has(item.name) || !item.closed) return false;
  return true;
}

/** A top-level block without its values: the arguments of `locals` keep their names and ranges, other bodies go. */
function outlineOf(item: BodyItem): BodyItem {
  if (item.type !== 'Block') return item;
  if (item.name !== 'locals') return { ...item, body: NONE as unknown as BodyItem[] };
  const body: BodyItem[] = [];
  for (const a of item.body) if (a.type === 'Attribute') body.push({ type: 'Attribute', name: a.name, nameRange: a.nameRange, range: a.range });
  return { ...item, body: fit(body) };
}

function plainNested(b: BlockNode): boolean {
  for (const item of b.body) {
    if (item.type !== 'Block') continue;
    if (DECLARING_BLOCKS.has(item.name) || !plainNested(item)) return false;
  }
  return true;
}

/** Completes parsed chunks of `text` (whose offset 0 is `base` in the file) with their texts, up to `end`. */
function withTexts(parsed: ParsedChunk[], settled: Settled[], text: string, base: number, end: number): Chunk[] {
  const out: Chunk[] = [];
  for (let i = 0; i < parsed.length; i++) {
    const c = parsed[i];
    const from = c.startOffset;
    const to = i + 1 < parsed.length ? parsed[i + 1].startOffset : end;
    const openEnded = c.errors.some((e) => e.message.startsWith('Unterminated heredoc') || e.message.startsWith('Unterminated comment'));
    const { instances, tree, outline } = settled[i];
    out.push(
      new Chunk(
        c.startLine,
        base + from,
        // Exact-size copies of the arrays the parser pushed to (see `fit` in parser.ts).
        fit(c.errors),
        fit(c.comments),
        openEnded,
        text.slice(from, to),
        instances,
        tree, // the parser makes its lists at their exact size
        outline,
      ),
    );
  }
  return out;
}

/** The whole text as one chunk that was not parsed, its one error saying why (no block of it is analysed). */
function unparsed(text: string, cause: unknown): Chunk {
  const error = { message: parseFailureMessage(cause), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  return new Chunk(0, 0, [error], [], false, text, [], [], undefined);
}

/** Does the text of `chunks[from…]` hold one of these terminators (`*\/`, or a heredoc marker alone on a line)? */
function closesLater(terminators: string[], chunks: Chunk[], from: number): boolean {
  if (terminators.length === 0) return false;
  const tests = terminators.map((t) => (t === '*/' ? (s: string) => s.includes('*/') : (s: string) => markerLine(t).test(s)));
  for (let i = from; i < chunks.length; i++) for (const test of tests) if (test(chunks[i].text)) return true;
  return false;
}

/** A line that is the marker once trimmed (as the lexer's heredoc end test reads it). */
function markerLine(marker: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(marker)}\\s*$`, 'm');
}

function lineStarts(chunk: Chunk): number[] {
  let ls = chunk[LINES];
  if (!ls) {
    ls = [];
    const t = chunk.text;
    for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) ls.push(i + 1);
    chunk[LINES] = ls;
  }
  return ls;
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
