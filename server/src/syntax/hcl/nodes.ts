/**
 * The HCL model's nodes (arguments, nested blocks, resource and data blocks), with their ranges kept as
 * numbers in the object itself.
 *
 * A large module keeps the model of every block (≈49,000 arguments and 13,000 blocks in the 100,000-line
 * benchmark file). As plain objects with a `Span` per range they were a third of the heap after an open, and
 * several objects per node for the garbage collector to copy while parsing. Here a node is one object; its
 * ranges are made when asked for (diagnostics, completion and hover ask for a few). Ranges that the parser
 * always makes equal are stored once: a block's range ends where its body does, an argument's where its value
 * does, a resource's header where its name label does.
 */
import { Span } from '../../model/span';
import type { Attribute, Block, Language, Range, ResourceInstance, Value } from '../../model/types';

export class HclAttribute implements Attribute {
  // Two positions are not stored, because HCL fixes them: a key ends `name.length` after it starts (names are
  // identifiers, written as they are), and a value starts on its key's line (the parser reports `name =` at
  // the end of a line as a missing value).
  private readonly keyLine: number;
  private readonly keyStart: number;
  private readonly valueStart: number;
  private readonly valueEndLine: number;
  private readonly valueEnd: number;

  constructor(
    readonly name: string,
    readonly value: Value,
    /** A key on one line (names are identifiers). */
    key: Range,
    /** Where the value is; the argument's range is from the key to its end (the parser makes them end together). */
    valueRange: Range,
    readonly incomplete: true | undefined,
  ) {
    this.keyLine = key.start.line;
    this.keyStart = key.start.character;
    this.valueStart = valueRange.start.character;
    this.valueEndLine = valueRange.end.line;
    this.valueEnd = valueRange.end.character;
  }

  /** HCL writes schema names as they are. */
  get sourceName(): string {
    return this.name;
  }

  get keyRange(): Span {
    return new Span(this.keyLine, this.keyStart, this.keyLine, this.keyStart + this.name.length);
  }

  get valueRange(): Span {
    return new Span(this.keyLine, this.valueStart, this.valueEndLine, this.valueEnd);
  }

  get range(): Span {
    return new Span(this.keyLine, this.keyStart, this.valueEndLine, this.valueEnd);
  }

  /** The wire shape of a plain `Attribute` (tests and logs compare models as JSON). */
  toJSON(): Attribute {
    const { name, sourceName, keyRange, value, valueRange, range, incomplete } = this;
    return { name, sourceName, keyRange, value, valueRange, range, ...(incomplete ? { incomplete } : {}) };
  }
}

/** What nested blocks and resource blocks share: a name on one line, and a body between braces. */
abstract class BodiedNode {
  protected readonly nameLine: number;
  protected readonly nameStart: number;
  protected readonly nameEnd: number;
  private readonly bodyLine: number;
  private readonly bodyStart: number;
  private readonly bodyEndLine: number;
  private readonly bodyEnd: number;

  constructor(nameRange: Range, bodyRange: Range) {
    this.nameLine = nameRange.start.line;
    this.nameStart = nameRange.start.character;
    this.nameEnd = nameRange.end.character;
    this.bodyLine = bodyRange.start.line;
    this.bodyStart = bodyRange.start.character;
    this.bodyEndLine = bodyRange.end.line;
    this.bodyEnd = bodyRange.end.character;
  }

  get nameRange(): Span {
    return new Span(this.nameLine, this.nameStart, this.nameLine, this.nameEnd);
  }

  get bodyRange(): Span {
    return new Span(this.bodyLine, this.bodyStart, this.bodyEndLine, this.bodyEnd);
  }

  /** From `line:character` to the end of the body. */
  protected toBodyEnd(line: number, character: number): Span {
    return new Span(line, character, this.bodyEndLine, this.bodyEnd);
  }
}

/** A nested block (`timeouts`, `dynamic`…): its range runs from its name to the end of its body. */
export class HclBlock extends BodiedNode implements Block {
  constructor(
    readonly name: string,
    /** A block name on one line (an identifier). */
    nameRange: Range,
    readonly labels: { value: string; range: Range }[],
    bodyRange: Range,
    readonly attributes: Attribute[],
    readonly blocks: Block[],
    readonly closed: boolean,
  ) {
    super(nameRange, bodyRange);
  }

  get sourceName(): string {
    return this.name;
  }

  get range(): Span {
    return this.toBodyEnd(this.nameLine, this.nameStart);
  }

  toJSON(): Block {
    const { name, sourceName, nameRange, labels, range, bodyRange, attributes, blocks, closed } = this;
    return { name, sourceName, nameRange, labels, range, bodyRange, attributes, blocks, closed };
  }
}

/**
 * A `resource` or `data` block. Its range runs from the keyword to the end of its body; its header from the
 * keyword to the end of its name label (of its type label when the name is missing, which is then `nameRange`).
 */
export class HclInstance extends BodiedNode implements ResourceInstance {
  readonly language: Language = 'hcl';
  private readonly line: number;
  private readonly start: number;
  private readonly typeLine: number;
  private readonly typeStart: number;
  private readonly typeEnd: number;

  constructor(
    readonly kind: 'resource' | 'data',
    readonly type: string,
    readonly name: string,
    /** Where the keyword starts. */
    start: Range['start'],
    /** Labels are on one line (a quoted string cannot span lines). */
    typeRange: Range,
    nameRange: Range,
    bodyRange: Range,
    readonly attributes: Attribute[],
    readonly blocks: Block[],
    readonly closed: boolean,
  ) {
    super(nameRange, bodyRange);
    this.line = start.line;
    this.start = start.character;
    this.typeLine = typeRange.start.line;
    this.typeStart = typeRange.start.character;
    this.typeEnd = typeRange.end.character;
  }

  get typeRange(): Span {
    return new Span(this.typeLine, this.typeStart, this.typeLine, this.typeEnd);
  }

  get headerRange(): Span {
    return new Span(this.line, this.start, this.nameLine, this.nameEnd);
  }

  get range(): Span {
    return this.toBodyEnd(this.line, this.start);
  }

  toJSON(): ResourceInstance {
    const { kind, type, typeRange, name, nameRange, range, headerRange, bodyRange, attributes, blocks, closed, language } = this;
    return { kind, type, typeRange, name, nameRange, range, headerRange, bodyRange, attributes, blocks, closed, language };
  }
}
