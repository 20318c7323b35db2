/**
 * What the CDKTF adapters add to the language-neutral model: the syntax around each entry and body, so that
 * writers can insert, remove and rename in the file's own style (commas, indentation, builder chains).
 * The extra fields ride on the model objects; rules never look at them.
 */
import type { Attribute, Block, Position, Range, ResourceInstance } from '../../model/types';
import type { ResourceSchema } from '../../schema/types';
import type { CdktfLanguage } from './tokens';

/** How a body is written. */
export type BodyKind =
  /** TypeScript object literal `{ key: value, … }`, Python dict `{"key": value}`. */
  | 'object'
  /** Python keyword arguments `Cls(self, "id", key=value, …)` / `Cls(key=value)`. */
  | 'kwargs'
  /** Java builder chain `.key(value)…` up to `.build()`. */
  | 'chain'
  /** C# object initializer `new Cls { Key = value, … }`. */
  | 'initializer'
  /** Go composite literal `&pkg.Cls{ Key: value, … }`. */
  | 'composite';

export interface BodySyntax {
  kind: BodyKind;
  /** Just after the opener (`{`, `(`), or for a chain just after `create(…)` / `builder()`. */
  open: Position;
  /** At the closer (`}`, `)`), or for a chain at the `.` of `.build()`; absent while unclosed. */
  close?: Position;
  /** Python kwargs: the end of the last positional argument (where the first keyword argument goes). */
  afterPositional?: Position;
  /** The class a nested struct is written with (`VpcBgpPeerTimeouts`), when the language names one. */
  className?: string;
  /**
   * No config is written (`new VpcBgpPeer(this, "p")`, Go's `nil`): the text a written one replaces (empty, after
   * the id argument; Go's `nil`). Nothing is typed into it.
   */
  absent?: { from: Position; to: Position };
}

export interface EntrySyntax {
  /** Start of the entry: its key (or the `.` of a builder call). */
  start: Position;
  /** End of the entry: the end of its value (or the `)` of a builder call). */
  end: Position;
  /** Just after the comma that follows the entry, if any. */
  commaEnd?: Position;
  /**
   * Python: just after the `{` of the dict the entry is written in, when that dict is unpacked beside the call's own
   * keyword arguments (`bgp_group_id="g", **{"bfd_multi_hop": 300}`, `**config`): its siblings are the dict's.
   */
  within?: Position;
}

export interface CdktfAttribute extends Attribute {
  entry: EntrySyntax;
}

export interface CdktfBlock extends Block {
  entry: EntrySyntax;
  body?: BodySyntax;
}

export interface CdktfInstance extends ResourceInstance {
  language: CdktfLanguage;
  schema: ResourceSchema;
  body: BodySyntax;
  /**
   * The config has parts the adapter cannot see (a spread, `**kwargs`, or a config struct written apart, whose
   * construct may get more beside it or after it is built): what seems missing is not reported.
   */
  open: boolean;
  /** The construct id (second argument) when it is a literal. */
  constructId?: string;
  /** Where the construct's text ends for the cursor: after its closer, or where an unclosed one was cut off. */
  extentEnd: Position;
  /** The quote the file's strings use (`"` unless most are `'`). */
  quote: string;
  /**
   * What the class name is qualified with as written (`vpc_bgp_group.`, `alicloud.vpcBgpPeer.`, Go's `peer.`), so
   * that a struct class written into the construct (`VpcBgpPeerTimeouts`) resolves the same way; '' when bare.
   */
  qualifier: string;
  /**
   * Names are written as Terraform writes them, not as the bindings do: a construct's `addOverride("bfd_multi_hop",
   * ...)` (`laterValues.ts`). Messages keep them, and a rename writes one.
   */
  terraformNames?: boolean;
  /**
   * A value set after the construct is built: the text its whole statement takes, which a fix removing the argument
   * set removes (`statements.ts`); absent when the statement cannot go alone, and until a quick fix is asked for.
   */
  removable?: Range;
}

/**
 * Is `x` one of the instance's own arguments or blocks, not one inside a block? For a value set later
 * (`laterValues.ts`), the argument set, whose removal is its statement's (`removable`).
 */
export function isTopLevel(instance: ResourceInstance, x: Attribute | Block): boolean {
  return instance.attributes.includes(x as Attribute) || instance.blocks.includes(x as Block);
}

export function entryOf(x: Attribute | Block): EntrySyntax | undefined {
  return (x as CdktfAttribute).entry;
}
