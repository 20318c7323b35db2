/**
 * One open or checked file, whatever its language: what the server and the CLI need from a syntax adapter.
 * `HclFile` implements it for Terraform; the CDKTF adapters implement it for TypeScript, Python, Java, C#, Go.
 */
import type { CursorContext } from '../analysis/completion';
import type { AnalysisContext } from '../analysis/context';
import type { Finding } from '../analysis/finding';
import type { Attribute, Block, Language, Value, Position, Range, ResourceInstance } from '../model/types';
import type { TextChange } from '../syntax/hcl/document';
import type { ArgumentReads, LocalReads } from '../syntax/hcl/variableReads';
import type { CompletionWriter, TextEdit, Writer } from '../writers/writer';
import type { Diagnostic } from './diagnostic';
import type { Declaration, PackedOutline, Reference } from './hclSymbols';
import type { ProviderSaid } from './providerRequirements';

export interface Placed<T> {
  /** Absolute line that the value's (relative) positions count from. */
  base: number;
  value: T;
}

/** A `variable` block as a variable file's checks and hovers read it. */
export interface VariableBlock {
  name: string;
  /** The absolute line of its header. */
  line: number;
  default?: Value;
  /** The default as written, when it is (for a hover). */
  defaultText?: string;
  /** The type as written, comments and line breaks included (the model shortens a call's arguments: `list(…)`). */
  type?: string;
  description?: string;
  /** `sensitive = true`: its default is not shown. */
  sensitive?: boolean;
}

export interface Located {
  instance: ResourceInstance;
  /** Nested blocks (or nested config objects) from the instance down to the cursor. */
  blocks: Block[];
  base: number;
  /** The position relative to `base`. */
  rel: Position;
}

export interface SourceFile {
  readonly language: Language;
  readonly text: string;
  /** The text's length, and its first `n` characters, without joining a text kept in pieces. */
  textLength(): number;
  textHead(n: number): string;
  /** Is `bytes` the text in UTF-8? (Optional: without it, callers decode and compare `text`.) */
  hasUtf8?(bytes: Uint8Array): boolean;
  /** Is `text` the text? (Optional: without it, callers compare `text`.) */
  hasText?(text: string): boolean;
  update(changes: readonly TextChange[]): void;
  /**
   * Makes what the file keeps smaller where that costs time but not answers (optional; after a first answer).
   * Returns how many pieces of the text it stored anew (0: nothing to make smaller).
   */
  compact?(): number;
  lineText(line: number): string;
  /** The line break that ends `line`: `\r\n` or `\n`, '' for the last line (or one past it). */
  lineBreak(line: number): string;
  /**
   * Is the character at this position in a comment, as the file's lexer read it? Asked only where the line shows
   * a comment opener (`#`, `//`, `/*`) followed by `alicloud-bgp-ignore`: there, not a comment means inside a
   * string, perhaps one opened on an earlier line (a heredoc, a template literal, a triple-quoted string), which
   * the line alone does not show. Optional, and undefined where the file cannot tell: the line is read alone.
   */
  commentAt?(line: number, character: number): boolean | undefined;
  /**
   * Does `line` begin inside a token begun on an earlier line (a triple-quoted string, a template literal)?
   * Optional: a file without it has none that matter (an HCL heredoc's value starts on its `<<` line).
   */
  continuesToken?(line: number): boolean;
  /** Every resource/data instance (positions relative to `base`). */
  instances(): Iterable<Placed<ResourceInstance>>;
  /** JSON (a `.tf.json` or `.tfvars.json` file, `jsonFile.ts`): it has no comments, so no quick fix writes an ignore comment in it. */
  readonly withoutComments?: boolean;
  /** A Terraform override file: its blocks change blocks declared elsewhere and declare nothing themselves. */
  readonly isOverride?: boolean;
  /**
   * The keys of the variables, local values, outputs and module calls the file declares (`var:x`, `local:x`,
   * `output:x`, `module:x`), for an override file's blocks of those kinds, which need one to override (optional:
   * none).
   */
  forEachSymbolKey?(visit: (key: string) => void): void;
  /** All findings of the file, in absolute positions. */
  diagnostics(ctx: AnalysisContext): Diagnostic[];
  /** Fresh findings (fixes computed against `ctx`) whose range meets `range`. */
  findingsAt(range: Range, ctx: AnalysisContext): Placed<Finding>[];
  /** What is being typed at `pos`, for completion. */
  cursorContext(pos: Position): { cursor: CursorContext; base: number } | undefined;
  /** The instance around `pos`, for hover. */
  locate(pos: Position): Located | undefined;
  /** Edits adding the imports a completion's text needs (optional: none needed in the language). */
  importEdits?(insertText: string): TextEdit[];
  /** A hover's Markdown about `instance` with names as this file's language writes them (optional: schema names). */
  localizeHover?(markdown: string, instance: ResourceInstance): string;
  /** What the file declares (absolute ranges), nested declarations after their parent, for definitions and references. */
  forEachDeclaration?(visit: (d: Declaration) => void): void;
  /**
   * The declarations whose name `wanted` accepts, with only their kind and selection range (optional: workspace
   * symbols then read none of the file).
   */
  forEachNamedDeclaration?(wanted: (name: string) => boolean, visit: (name: string, kind: Declaration['kind'], selectionRange: Range) => void): void;
  /** The outline, packed per chunk, each with the line its lines count from (optional: `declarations` serves). */
  outline?(visit: (outline: PackedOutline, line: number) => void): void;
  /** What the file refers to (absolute ranges), for definitions and references. */
  references?(): Reference[];
  /**
   * The first line of a block that does not parse and whose text matches `pattern` (optional): a reference in it
   * may be one the syntax tree does not show, which rename must not miss.
   */
  brokenBlockMatching?(pattern: RegExp): number | undefined;
  /** The references to one key (optional: without it, callers filter `references()`). */
  referencesTo?(key: string): Reference[];
  /** The reference at `pos`, without listing the whole file's (optional). */
  referenceAt?(pos: Position): Reference | undefined;
  /** The data blocks scoped to `check` blocks, which `instances` leaves out (optional: a language without them). */
  scopedInstances?(): readonly ResourceInstance[];
  /** A short digest of the facts other blocks' rules read (`factsHash` in `factsDigest.ts`), for the module's signature. */
  moduleDigest(facts: Set<string>): string;
  /** Each `variable` block the file declares (optional: none). */
  forEachVariable?(visit: (v: VariableBlock) => void): void;
  /**
   * What its resources' arguments and its local values read of the module's variables and local values (absolute
   * lines; optional: a file without it is read from `instances`, its arguments that are `var.<name>` alone).
   */
  forEachVariableRead?(argument: (r: ArgumentReads) => void, local: (r: LocalReads) => void): void;
  /** A variable file's top-level assignments, in absolute positions (optional: none). */
  variableAssignments?(): Attribute[];
  /**
   * In a variable file, the range of a part of an assignment's value (absolute): `keys` are the indices of list
   * elements and the keys of objects from the value down (optional: findings go on the whole value).
   */
  valueRangeAt?(a: Attribute, keys: readonly (number | string)[]): Range | undefined;
  /** A variable file's assignment whose name is at `pos` (absolute positions; optional: none). */
  assignmentAt?(pos: Position): Attribute | undefined;
  /** In a `.tfvars` file, the variable name being typed at the start of a line, for completion (absolute; optional). */
  variableNameAt?(pos: Position): { prefix: string; range: Range; nameOnly?: boolean } | undefined;
  /**
   * What this file says of the alicloud provider's version and source: its `required_providers` entries and legacy
   * `provider "alicloud"` versions, which the module index merges with the module's other files (`moduleProvider`).
   */
  providerSaid?(): ProviderSaid | undefined;
  readonly writer: Writer;
  readonly completionWriter: CompletionWriter;
}
