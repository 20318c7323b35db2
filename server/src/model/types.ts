/**
 * The language-neutral model every syntax adapter produces and every analysis consumes.
 * Positions are LSP positions: 0-based lines, UTF-16 code-unit columns.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** The source languages the engine reads. */
export type Language = 'hcl' | 'typescript' | 'python' | 'java' | 'csharp' | 'go';

/**
 * What the analysis may know about a value without evaluating Terraform.
 * Only literals are ever judged; references and unknown expressions are trusted.
 */
export type Value =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number; raw: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' }
  | { kind: 'tuple'; items: Value[] }
  /**
   * `keys`: its distinct keys in order, when every key is written out (`{ a = 1, "b" = 2 }`): `for_each` counts
   * them, and each names an instance of a block repeated over it (`g["a"]`).
   */
  /**
   * `values`: each key's value, in the order of `keys`, in a variable file's values only (`variableFileValue`,
   * and a `.tfvars.json` file's), whose objects the variable's declared type is checked against.
   */
  | { kind: 'object'; keys?: readonly string[]; values?: readonly Value[]; refs?: readonly Value[] }
  /**
   * A traversal such as `alicloud_vpc_bgp_group.main.id`, `var.x` or a construct's `.id`. Index steps keep
   * their brackets in `path` (`["x", "[0]", "id"]`; a splat is `[*]`).
   */
  | { kind: 'reference'; path: string[]; text: string }
  /**
   * Any other expression: function calls, conditionals, templates, operators… `refs`: the references to
   * resources and data sources written inside it (`coalesce(alicloud_vpc_bgp_group.a.id, …)`), outside the
   * names its `for` expressions bind; absent when there are none.
   */
  | { kind: 'unknown'; text: string; refs?: readonly Value[] };

export interface Attribute {
  /** The schema name (snake_case), whatever the source language wrote. */
  name: string;
  /** The name as written in the source (`bfdMultiHop`, `BfdMultiHop`, `bfd_multi_hop`). */
  sourceName: string;
  keyRange: Range;
  value: Value;
  valueRange: Range;
  /** From the key to the end of the value. */
  range: Range;
  /** True when the key is written but the value is not yet (`bfd_mu` with no `=`). */
  incomplete?: boolean;
}

export interface Block {
  /** Schema name of the block (`timeouts`, `lifecycle`, `dynamic`…). */
  name: string;
  sourceName: string;
  nameRange: Range;
  labels: { value: string; range: Range }[];
  range: Range;
  /** Range between the braces (or the config object), where completions of its keys belong. */
  bodyRange: Range;
  attributes: Attribute[];
  blocks: Block[];
  /** False when the closing brace is missing (half-typed code). */
  closed: boolean;
  /** See `ResourceInstance.overwritten`. */
  overwritten?: Attribute[];
}

/** A `resource` or `data` block (HCL) or a construct (CDKTF) of a type the engine may know. */
export interface ResourceInstance {
  kind: 'resource' | 'data';
  type: string;
  typeRange: Range;
  name: string;
  nameRange: Range;
  /** The whole block or construct. */
  range: Range;
  /** Where "the block" is reported when no single argument is to blame (the HCL header line). */
  headerRange: Range;
  bodyRange: Range;
  attributes: Attribute[];
  blocks: Block[];
  closed: boolean;
  language: Language;
  /**
   * Arguments written earlier in a body whose language keeps the last of several writes, a Java builder's setter
   * called again or a Python dict's key repeated (`**{"k": 1, "k": 2}`): not part of the config (the later one is),
   * so not judged, only reported as ignored. Absent when there are none (always in HCL, where a repeat is an error).
   */
  overwritten?: Attribute[];
  /**
   * Arguments (schema names) a CDKTF program sets on the construct's variable after building it, by a property,
   * a setter or an override (`peer.enableBfd = true`, `syntax/cdktf/laterSets.ts`): written, but not here, so
   * neither absent nor of a value known here.
   */
  setLater?: string[];
  /**
   * Can the block refer to the declared resource of this kind, type and name? A CDKTF construct can refer only to
   * the constructs whose variables are in scope where it is written (a `group` of another function is not); absent:
   * to every declared resource. Set on the copies completion and quick fixes are computed for.
   */
  refersTo?: (kind: 'resource' | 'data', type: string, name: string) => boolean;
  /**
   * A CDKTF config struct written apart from its construct (`const c: VpcBgpPeerConfig = {…}`): checked where it
   * is written, but no resource of the module (its construct, elsewhere, is).
   */
  config?: boolean;
  /**
   * A data block nested in a `check` block (HCL): checked where it is written, but only its check block may refer
   * to it, so it declares nothing for the rest of the module. Its name still must not repeat one of the module's.
   */
  scoped?: boolean;
}

export function rangeContains(range: Range, pos: Position): boolean {
  return comparePositions(range.start, pos) <= 0 && comparePositions(pos, range.end) <= 0;
}

/** Do the two ranges meet (share a position, ends included)? */
export function rangesOverlap(a: Range, b: Range): boolean {
  return comparePositions(a.end, b.start) >= 0 && comparePositions(b.end, a.start) >= 0;
}

/** Do `a` and `b` start and end at the same positions? */
export function sameRange(a: Readonly<Range>, b: Readonly<Range>): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

/** The range moved down by `lines`, as a plain object (always a copy: ranges from syntax trees are `Span`s). */
export function shiftRange(range: Range, lines: number): Range {
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}

/**
 * `a` with another value. Every field is named: model nodes may keep their ranges behind getters (see
 * `syntax/hcl/nodes.ts`), which a spread would not copy.
 */
export function withValue(a: Attribute, value: Value): Attribute {
  return { name: a.name, sourceName: a.sourceName, keyRange: a.keyRange, value, valueRange: a.valueRange, range: a.range, incomplete: a.incomplete };
}

/** `i` with other attributes (every field named, as in `withValue`). */
export function withAttributes(i: ResourceInstance, attributes: Attribute[]): ResourceInstance {
  const { kind, type, typeRange, name, nameRange, range, headerRange, bodyRange, blocks, closed, language } = i;
  return { kind, type, typeRange, name, nameRange, range, headerRange, bodyRange, attributes, blocks, closed, language };
}
