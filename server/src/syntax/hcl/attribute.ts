/**
 * The model of one HCL argument, with its three ranges kept as numbers in the object itself.
 *
 * A large module keeps the model of every argument (≈49,000 in the 100,000-line benchmark file). As plain
 * objects with three `Span`s each they were a quarter of the heap after an open, and four objects per
 * argument for the garbage collector to copy while parsing. Here an argument is one object; its ranges are
 * made when asked for (diagnostics, completion and hover ask for a few).
 */
import { Span } from '../../model/span';
import type { Attribute, Range, Value } from '../../model/types';

export class HclAttribute implements Attribute {
  private readonly keyLine: number;
  private readonly keyStart: number;
  private readonly keyEnd: number;
  private readonly valueLine: number;
  private readonly valueStart: number;
  private readonly valueEndLine: number;
  private readonly valueEnd: number;
  private readonly endLine: number;
  private readonly end: number;

  constructor(
    readonly name: string,
    readonly value: Value,
    /** A key on one line (names are identifiers). */
    key: Range,
    valueRange: Range,
    /** From the key to the end of the value (or of what was written of it). */
    range: Range,
    readonly incomplete: true | undefined,
  ) {
    this.keyLine = key.start.line;
    this.keyStart = key.start.character;
    this.keyEnd = key.end.character;
    this.valueLine = valueRange.start.line;
    this.valueStart = valueRange.start.character;
    this.valueEndLine = valueRange.end.line;
    this.valueEnd = valueRange.end.character;
    this.endLine = range.end.line;
    this.end = range.end.character;
  }

  /** HCL writes schema names as they are. */
  get sourceName(): string {
    return this.name;
  }

  get keyRange(): Span {
    return new Span(this.keyLine, this.keyStart, this.keyLine, this.keyEnd);
  }

  get valueRange(): Span {
    return new Span(this.valueLine, this.valueStart, this.valueEndLine, this.valueEnd);
  }

  get range(): Span {
    return new Span(this.keyLine, this.keyStart, this.endLine, this.end);
  }

  /** The wire shape of a plain `Attribute` (tests and logs compare models as JSON). */
  toJSON(): Attribute {
    const { name, sourceName, keyRange, value, valueRange, range, incomplete } = this;
    return { name, sourceName, keyRange, value, valueRange, range, ...(incomplete ? { incomplete } : {}) };
  }
}
