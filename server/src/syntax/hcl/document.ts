/**
 * An HCL file kept parsed across edits. The text is split into chunks (one per top-level item, see
 * `parser.ts`); an edit re-parses from the chunk before the edited one until the parser reaches a chunk
 * start that existed before the edit, and re-uses every chunk after it, moved by the edit's line delta.
 * The cost of a keystroke is therefore proportional to the edited block, not to the file.
 */
import type { Position, Range } from '../../model/types';
import { parseChunks, ParsedChunk } from './parser';

export interface TextChange {
  /** Absent for a full replacement. */
  range?: Range;
  text: string;
}

export interface Chunk extends ParsedChunk {
  /** True when an unterminated heredoc or comment made the parse depend on text after the chunk. */
  openEnded: boolean;
}

function toChunk(c: ParsedChunk): Chunk {
  const openEnded = c.errors.some((e) => e.message.startsWith('Unterminated heredoc') || e.message.startsWith('Unterminated comment'));
  return Object.assign(c, { openEnded });
}

export class HclDocument {
  private _text = '';
  /** Offsets at which each line starts. */
  private lineStarts: number[] = [0];
  chunks: Chunk[] = [];
  /** Chunks re-parsed by the last update (for measurements and tests). */
  lastReparsed = 0;

  constructor(text: string) {
    this.setText(text);
  }

  get text(): string {
    return this._text;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  setText(text: string): void {
    this._text = text;
    this.lineStarts = computeLineStarts(text, 0, 0);
    this.chunks = parseChunks(text).chunks.map(toChunk);
    this.lastReparsed = this.chunks.length;
  }

  update(changes: readonly TextChange[]): void {
    let reparsed = 0;
    for (const change of changes) {
      if (!change.range) {
        this.setText(change.text);
        reparsed += this.chunks.length;
        continue;
      }
      reparsed += this.applyChange(change.range, change.text);
    }
    this.lastReparsed = reparsed;
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this._text.length;
    const start = this.lineStarts[pos.line];
    const next = pos.line + 1 < this.lineStarts.length ? this.lineStarts[pos.line + 1] : this._text.length;
    return Math.max(start, Math.min(start + Math.max(0, pos.character), next));
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this._text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.lineStarts[lo] };
  }

  /** The text of one line, without its line break. */
  lineText(line: number): string {
    if (line < 0 || line >= this.lineStarts.length) return '';
    const s = this.lineStarts[line];
    let e = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this._text.length;
    while (e > s && (this._text.charCodeAt(e - 1) === 10 || this._text.charCodeAt(e - 1) === 13)) e--;
    return this._text.slice(s, e);
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
    const startLine = this.positionAt(start).line;
    const endLine = this.positionAt(end).line;
    const deltaChars = newText.length - (end - start);

    this._text = this._text.slice(0, start) + newText + this._text.slice(end);

    // Line starts: replace those inside the edit, shift those after it (in place: no copy of the array).
    const inserted = computeLineStarts(newText, start, 1);
    const ls = this.lineStarts;
    if (inserted.length <= 1000) ls.splice(startLine + 1, endLine - startLine, ...inserted);
    else this.lineStarts = ls.slice(0, startLine + 1).concat(inserted, ls.slice(endLine + 1));
    for (let i = startLine + 1 + inserted.length; i < this.lineStarts.length; i++) this.lineStarts[i] += deltaChars;
    const deltaLines = inserted.length - (endLine - startLine);

    // Re-parse from the chunk before the edited one (its end depends on where the edited one starts),
    // or from an earlier chunk whose unterminated heredoc/comment looked past its own end.
    const chunks = this.chunks;
    let first = Math.max(0, this.chunkIndexAt(startLine) - 1);
    for (let i = 0; i < first; i++) {
      if (chunks[i].openEnded) {
        first = i;
        break;
      }
    }
    // Old chunks after the edit, moved to their new place.
    let firstAfter = chunks.length;
    for (let i = first + 1; i < chunks.length; i++) {
      if (chunks[i].startOffset >= end) {
        firstAfter = i;
        break;
      }
    }
    for (let i = firstAfter; i < chunks.length; i++) {
      chunks[i].startOffset += deltaChars;
      chunks[i].startLine += deltaLines;
    }
    const newEditEnd = end + deltaChars;
    let j = firstAfter;
    const result = parseChunks(this._text, chunks[first].startOffset, chunks[first].startLine, (offset) => {
      if (offset < newEditEnd) return false;
      while (j < chunks.length && chunks[j].startOffset < offset) j++;
      return j < chunks.length && chunks[j].startOffset === offset;
    });
    const resume = result.stoppedAt === -1 ? chunks.length : j;
    const fresh = result.chunks.map(toChunk);
    chunks.splice(first, resume - first, ...fresh);
    return fresh.length;
  }
}

function computeLineStarts(text: string, base: number, skipFirst: 0 | 1): number[] {
  const starts: number[] = skipFirst ? [] : [base];
  let i = text.indexOf('\n');
  while (i !== -1) {
    starts.push(base + i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return starts;
}
