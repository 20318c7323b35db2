/** Walks an instance's body and the nested blocks its schema knows, so rules treat both alike. */
import type { Attribute, Block, Range, ResourceInstance } from '../../model/types';
import type { AttributeSchema, BlockSchema, ResourceSchema } from '../../schema/types';

/** Arguments Terraform accepts on every resource. */
export const META_ARGUMENTS = ['count', 'for_each', 'depends_on', 'provider'];
/** Blocks Terraform accepts on every resource; their contents belong to Terraform, not the provider. */
export const META_BLOCKS = ['lifecycle', 'provisioner', 'connection', 'dynamic'];

export interface BodyView {
  /** `''` for the resource body, `timeouts` for a nested block. */
  path: string;
  attributes: Attribute[];
  blocks: Block[];
  schema: { attributes: Record<string, AttributeSchema>; blocks?: Record<string, BlockSchema> };
  isRoot: boolean;
  /** The nested block itself (absent for the root). */
  block?: Block;
  /** Lists derived from `schema` (`indexOf`), looked up once per view rather than once per rule. */
  index: BodyIndex;
  /** The iterator names the `dynamic` blocks around it bind (`timeouts.value`, or its `iterator = name`). */
  iterators: readonly string[];
  /** Arguments a later write of the same name overwrites (`ResourceInstance.overwritten`), else empty. */
  overwritten: readonly Attribute[];
}

const NO_ITERATORS: readonly string[] = [];
const NONE_OVERWRITTEN: readonly Attribute[] = [];

/**
 * Where to report something missing from `body`: its block's name, or the instance's header. Made when a finding
 * needs it (model nodes make ranges on demand), not with every view.
 */
export function headerRangeOf(body: BodyView, instance: ResourceInstance): Range {
  return body.block ? body.block.nameRange : instance.headerRange;
}

/*
 * The views of the last instance asked for. Rules run one after another on one instance (the local rules,
 * then the module rules of the same block), so one entry serves them all; a WeakMap kept views for every
 * block of every open file (a megabyte for the 100k-line file) and cost a table insertion per block.
 * The view objects and their arrays are re-used from one instance to the next (they were a seventh of what a
 * first analysis allocated): views are read while the instance is checked, never kept.
 */
let lastInstance: ResourceInstance | undefined;
let lastSchema: ResourceSchema | undefined;
let lastViews: BodyView[] = [];
/** Every view object made so far; an instance's views are the first `count` of them. */
const pool: BodyView[] = [];
let count = 0;
/** The array of the first n views of the pool, by n: always the same objects, so made once for each n. */
const firstViews: BodyView[][] = [];

/** The bodies of an instance (every rule walks them), valid until the bodies of another instance are asked for. */
export function bodies(instance: ResourceInstance, schema: ResourceSchema): BodyView[] {
  if (instance !== lastInstance || schema !== lastSchema) {
    count = 0;
    addView('', instance.attributes, instance.blocks, schema, undefined, NO_ITERATORS, instance.overwritten);
    if (instance.blocks.length) visit(instance.blocks, schema, '', NO_ITERATORS);
    lastViews = firstViews[count] ??= pool.slice(0, count);
    lastInstance = instance;
    lastSchema = schema;
  }
  return lastViews;
}

function visit(blocks: Block[], s: BodyView['schema'], prefix: string, iterators: readonly string[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    // `dynamic "timeouts" { for_each = …  content { … } }` makes `timeouts` blocks of its `content`: that body is
    // checked as the block's (what it reads of the iterator, `timeouts.value`, is not judged).
    const content = b.name === 'dynamic' ? dynamicContent(b) : undefined;
    const body = content ?? b;
    const name = content ? b.labels[0].value : b.name;
    const bs = s.blocks?.[name];
    if (!bs) continue;
    const path = prefix + name;
    const bound = content ? iterators.concat(iteratorOf(b)) : iterators;
    addView(path, body.attributes, body.blocks, bs, body, bound, body.overwritten);
    if (body.blocks.length) visit(body.blocks, bs, path + '.', bound);
  }
}

/** The `content` block of a `dynamic` block with one label, which the generated blocks are made of. */
export function dynamicContent(b: Block): Block | undefined {
  if (b.labels.length !== 1) return undefined;
  for (let i = 0; i < b.blocks.length; i++) if (b.blocks[i].name === 'content' && b.blocks[i].labels.length === 0) return b.blocks[i];
  return undefined;
}

/** The name a `dynamic` block's content reads its element by: `iterator = name`, else the block's label. */
function iteratorOf(dynamic: Block): string {
  for (let i = 0; i < dynamic.attributes.length; i++) {
    const v = dynamic.attributes[i].value;
    if (dynamic.attributes[i].name === 'iterator' && v.kind === 'reference' && v.path.length === 1) return v.path[0];
  }
  return dynamic.labels[0].value;
}

function addView(
  path: string,
  attributes: Attribute[],
  blocks: Block[],
  schema: BodyView['schema'],
  block: Block | undefined,
  iterators: readonly string[],
  overwritten = NONE_OVERWRITTEN,
): void {
  let view = pool[count++];
  if (!view) pool.push((view = { path, attributes, blocks, schema, isRoot: true, block, index: EMPTY_INDEX, iterators, overwritten }));
  view.path = path;
  view.attributes = attributes;
  view.blocks = blocks;
  view.schema = schema;
  view.isRoot = block === undefined;
  view.block = block;
  view.index = indexOf(schema);
  view.iterators = iterators;
  view.overwritten = overwritten;
}

/** `bfd_multi_hop` at the root, `timeouts.create` inside a block: how messages name an argument. */
export function qualified(body: BodyView, name: string): string {
  return body.path ? `${body.path}.${name}` : name;
}

export function findAttribute(instance: Pick<ResourceInstance, 'attributes'>, name: string): Attribute | undefined {
  // An indexed loop, no callback (see `rules/index.ts`): rules call this for every rule of every instance.
  const attributes = instance.attributes;
  for (let i = 0; i < attributes.length; i++) if (attributes[i].name === name && !attributes[i].incomplete) return attributes[i];
  return undefined;
}

export interface BodyIndex {
  /** Arguments a user may write (not read-only). */
  settable: string[];
  required: string[];
  blocks: string[];
  /** Blocks with a maximum count. */
  limited: [string, number][];
}

const indexCache = new WeakMap<object, BodyIndex>();

const EMPTY_INDEX: BodyIndex = { settable: [], required: [], blocks: [], limited: [] };

/** Lists derived from a body schema once, instead of on every instance. */
export function indexOf(schema: BodyView['schema']): BodyIndex {
  let i = indexCache.get(schema);
  if (!i) {
    const entries = Object.entries(schema.attributes);
    i = {
      settable: entries.filter(([, a]) => !a.readOnly).map(([n]) => n),
      required: entries.filter(([, a]) => a.required).map(([n]) => n),
      blocks: Object.keys(schema.blocks ?? {}),
      limited: Object.entries(schema.blocks ?? {}).filter(([, b]) => b.maxItems !== undefined).map(([n, b]) => [n, b.maxItems!]),
    };
    indexCache.set(schema, i);
  }
  return i;
}
