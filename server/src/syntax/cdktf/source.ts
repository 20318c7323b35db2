/**
 * The text of a CDKTF file in pieces of a few thousand characters, read through the few string methods the
 * adapter uses. An edit rewrites the piece it falls in: no whole-document string is built per keystroke (for a
 * 1 MB file with non-ASCII characters that copy took 2 ms and left 2 MB of garbage, more than the rest of the
 * keystroke). The whole text is joined only when someone asks for it, and kept until the next edit.
 */

/** Pieces are split when they grow past twice this, so an edit copies at most that much. */
const PIECE = 8192;

export class Source {
  private pieces: string[] = [];
  /** Offset of each piece's first character. */
  private starts: number[] = [];
  private whole: string | undefined;
  /** The piece of the last lookup: reads walk forward through nearby text, so most are O(1). */
  private hint = 0;
  length: number;

  constructor(text: string) {
    this.length = text.length;
    this.whole = text;
    for (let at = 0; at < text.length; at += PIECE) {
      this.starts.push(at);
      this.pieces.push(text.slice(at, at + PIECE));
    }
    if (this.pieces.length === 0) {
      this.starts.push(0);
      this.pieces.push('');
    }
  }

  toString(): string {
    return (this.whole ??= this.pieces.join(''));
  }

  /** The piece holding offset `i` (the last piece for the text's end). */
  private pieceAt(i: number): number {
    const h = this.hint;
    if (this.starts[h] <= i && (h + 1 === this.starts.length || i < this.starts[h + 1])) return h;
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return (this.hint = lo);
  }

  // Until the first edit the whole text is at hand: reads go to it directly (opening a file reads it all).
  charCodeAt(i: number): number {
    if (this.whole !== undefined) return this.whole.charCodeAt(i);
    if (i < 0 || i >= this.length) return NaN;
    const p = this.pieceAt(i);
    return this.pieces[p].charCodeAt(i - this.starts[p]);
  }

  slice(a: number, b = this.length): string {
    if (this.whole !== undefined) return this.whole.slice(Math.max(0, a), b);
    a = Math.max(0, Math.min(a, this.length));
    b = Math.max(a, Math.min(b, this.length));
    const p = this.pieceAt(a);
    const s = this.starts[p];
    const piece = this.pieces[p];
    if (b - s <= piece.length) return piece.slice(a - s, b - s);
    let out = piece.slice(a - s);
    for (let q = p + 1; q < this.pieces.length && this.starts[q] < b; q++) out += this.pieces[q].slice(0, b - this.starts[q]);
    return out;
  }

  startsWith(s: string, at: number): boolean {
    if (at < 0 || at + s.length > this.length) return false;
    if (this.whole !== undefined) return this.whole.startsWith(s, at);
    const p = this.pieceAt(at);
    const local = at - this.starts[p];
    if (local + s.length <= this.pieces[p].length) return this.pieces[p].startsWith(s, local);
    return this.slice(at, at + s.length) === s;
  }

  /** Where `s` first occurs at or after `from` (-1: nowhere). */
  indexOf(s: string, from: number): number {
    if (this.whole !== undefined) return this.whole.indexOf(s, from);
    for (let p = this.pieceAt(Math.max(0, Math.min(from, this.length))); p < this.pieces.length; p++) {
      const start = this.starts[p];
      const at = this.pieces[p].indexOf(s, Math.max(0, from - start));
      if (at !== -1) return start + at;
      // Across the boundary with the next piece.
      if (p + 1 < this.pieces.length && s.length > 1) {
        const edge = Math.max(from, this.starts[p + 1] - s.length + 1);
        const across = this.slice(edge, this.starts[p + 1] + s.length - 1).indexOf(s);
        if (across !== -1) return edge + across;
      }
    }
    return -1;
  }

  includes(s: string): boolean {
    if (this.whole !== undefined) return this.whole.includes(s);
    for (let p = 0; p < this.pieces.length; p++) {
      if (this.pieces[p].includes(s)) return true;
      // Across the boundary with the next piece.
      if (p + 1 < this.pieces.length && s.length > 1 && this.slice(this.starts[p + 1] - s.length + 1, this.starts[p + 1] + s.length - 1).includes(s)) return true;
    }
    return false;
  }

  /**
   * Reads characters near each other without a piece lookup each: the piece of the last read is kept, and most
   * reads of a walk over the tokens fall in it. Valid until the next edit.
   */
  reader(): SourceReader {
    return new SourceReader(this);
  }

  /** The piece holding offset `i` and where it starts (`SourceReader`), or the whole text when at hand. */
  pieceHolding(i: number): [string, number] {
    if (this.whole !== undefined) return [this.whole, 0];
    const p = this.pieceAt(Math.max(0, Math.min(i, this.length - 1)));
    return [this.pieces[p], this.starts[p]];
  }

  /**
   * Is the text, in UTF-8, `bytes`? Compared a piece at a time: neither the whole text nor a whole UTF-8 copy of it
   * is made (a file opened again is compared with the one kept, `lsp/recentlyClosed.ts`). A character split
   * between two pieces (a surrogate pair) is encoded with the next piece.
   */
  hasUtf8(bytes: Uint8Array): boolean {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let scratch = Buffer.allocUnsafe(4 * PIECE);
    let offset = 0;
    let carry = '';
    const compare = (part: string): boolean => {
      const n = Buffer.byteLength(part, 'utf8');
      if (offset + n > buf.length) return false;
      if (n > scratch.length) scratch = Buffer.allocUnsafe(n);
      scratch.write(part, 0, n, 'utf8');
      if (buf.compare(scratch, 0, n, offset, offset + n) !== 0) return false;
      offset += n;
      return true;
    };
    const parts = this.whole !== undefined ? Math.ceil(this.whole.length / PIECE) : this.pieces.length;
    for (let p = 0; p < parts; p++) {
      let part = carry + (this.whole !== undefined ? this.whole.slice(p * PIECE, (p + 1) * PIECE) : this.pieces[p]);
      carry = '';
      const last = part.charCodeAt(part.length - 1);
      if (p + 1 < parts && last >= 0xd800 && last <= 0xdbff) {
        carry = part.slice(-1);
        part = part.slice(0, -1);
      }
      if (!compare(part)) return false;
    }
    return (carry === '' || compare(carry)) && offset === buf.length;
  }

  /** Replaces [start, end) by `text`. */
  edit(start: number, end: number, text: string): void {
    const p = this.pieceAt(start);
    let q = end > start ? this.pieceAt(end - 1) : p;
    const s = this.starts[p];
    const before = this.pieces[p].slice(0, start - s);
    let after = this.pieces[q].slice(end - this.starts[q]);
    // A piece that has shrunk takes in the next one, so that deletions do not leave many tiny pieces.
    if (before.length + text.length + after.length < PIECE / 2 && q + 1 < this.pieces.length) after += this.pieces[++q];
    // A string of its own (flattened), so that it holds no part of the old pieces.
    const joined = flat(before + text + after);
    const replacement: string[] = [];
    if (joined.length > 2 * PIECE) for (let at = 0; at < joined.length; at += PIECE) replacement.push(joined.slice(at, at + PIECE));
    else if (joined.length > 0 || q - p + 1 === this.pieces.length) replacement.push(joined);
    this.pieces.splice(p, q - p + 1, ...replacement);
    this.starts.splice(p, q - p + 1, ...replacement.map(() => 0));
    for (let k = p, at = s; k < this.pieces.length; k++) {
      this.starts[k] = at;
      at += this.pieces[k].length;
    }
    this.length += text.length - (end - start);
    this.whole = undefined;
    this.hint = Math.min(p, this.pieces.length - 1);
  }
}

/** `s` as a flat string of its own (V8 keeps a concatenation as a tree of its parts until it is read). */
function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

/** See `Source.reader`. */
export class SourceReader {
  private piece = '';
  private start = 0;
  private end = 0;

  constructor(private readonly source: Source) {}

  charCodeAt(i: number): number {
    if (i < this.start || i >= this.end) {
      if (i < 0 || i >= this.source.length) return NaN;
      [this.piece, this.start] = this.source.pieceHolding(i);
      this.end = this.start + this.piece.length;
    }
    return this.piece.charCodeAt(i - this.start);
  }
}
