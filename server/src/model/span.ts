/**
 * A `Range` stored as four numbers: one object where `{ start: {…}, end: {…} }` takes three. Syntax trees hold
 * hundreds of thousands of ranges (a 100,000-line file: ≈250,000), and their size is what the garbage collector
 * copies while a large file is parsed. `start` and `end` are made on demand; `toJSON` keeps the wire shape.
 */
import type { Position, Range } from './types';

export class Span implements Range {
  constructor(
    readonly startLine: number,
    readonly startCharacter: number,
    readonly endLine: number,
    readonly endCharacter: number,
  ) {}

  get start(): Position {
    return { line: this.startLine, character: this.startCharacter };
  }

  get end(): Position {
    return { line: this.endLine, character: this.endCharacter };
  }

  toJSON(): Range {
    return { start: this.start, end: this.end };
  }
}

/** A compact range between two positions. */
export function span(start: Position, end: Position): Span {
  return new Span(start.line, start.character, end.line, end.character);
}

/** From the start of `a` to the end of `b`, without making the positions in between. */
export function spanning(a: Range, b: Range): Span {
  return a instanceof Span && b instanceof Span
    ? new Span(a.startLine, a.startCharacter, b.endLine, b.endCharacter)
    : new Span(a.start.line, a.start.character, b.end.line, b.end.character);
}

/** The empty range at the end of `r`. */
export function endOfRange(r: Range): Span {
  return r instanceof Span ? new Span(r.endLine, r.endCharacter, r.endLine, r.endCharacter) : span(r.end, r.end);
}

/** A plain-object copy of a range (for values that leave the process: structured clone drops getters). */
export function plainRange(r: Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}
