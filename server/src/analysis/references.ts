/** Reading references: what `alicloud_vpc_bgp_group.main.id` or `data.x.y.connections.0.id` points at. */
import type { ResourceInstance, Value } from '../model/types';
import type { AttributeSchema } from '../schema/types';
import type { AnalysisContext, Declared } from './context';

/** Roots that are not resources: `var.x`, `local.y`, `module.z`, `each.key`… */
const NOT_RESOURCES = new Set(['var', 'local', 'module', 'each', 'count', 'path', 'terraform', 'self', 'data']);

export interface ResourceRef {
  readonly kind: 'resource' | 'data';
  readonly type: string;
  readonly name: string;
  /** What follows the name: `id`, `connections.0.id`; index keys after the name (`[0]`) are skipped. */
  readonly attribute: string;
  /** The instance key after the name, as the model writes it: `[0]`, `["a"]`, `[*]`, `[?]` (not a literal). */
  readonly key: string | undefined;
}

const RESOURCE_TYPE = /^[a-z0-9]+_[a-z0-9_]+$/;

/**
 * The value last read and what it refers to: the rules of a block read the same reference in turn (its
 * references rule, then each cross-resource rule following it), and each reading was an object and a regex
 * test. Refs are shared, hence read-only.
 */
let lastValue: Value | undefined;
let lastRef: ResourceRef | undefined;

export function resourceRef(v: Value): ResourceRef | undefined {
  if (v.kind !== 'reference') return undefined;
  if (v !== lastValue) {
    lastRef = readRef(v.path);
    lastValue = v;
  }
  return lastRef;
}

function readRef(p: string[]): ResourceRef | undefined {
  let kind: 'resource' | 'data' = 'resource';
  let i = 0;
  if (p[0] === 'data') {
    kind = 'data';
    i = 1;
  } else if (!isResourceType(p[0])) {
    return undefined;
  }
  const type = p[i];
  const name = p[i + 1];
  if (!type || !name || name.startsWith('[')) return undefined;
  let rest = i + 2;
  // `this[0].id`, `this["a"].id`, `this[*].id`: an instance key right after the name is not an attribute.
  const key = rest < p.length && p[rest].startsWith('[') ? p[rest] : undefined;
  if (key) rest++;
  return { kind, type, name, attribute: attributePath(p, rest), key };
}

/** The last root `isResourceType` judged, and its verdict: consecutive blocks refer to the same types. */
let lastRoot: string | undefined;
let lastIsType = false;

/** Can a traversal starting with `root` name a resource (`alicloud_vpc_bgp_group`, not `var` or `local`)? */
function isResourceType(root: string): boolean {
  if (root !== lastRoot) {
    lastIsType = !NOT_RESOURCES.has(root) && RESOURCE_TYPE.test(root);
    lastRoot = root;
  }
  return lastIsType;
}

/**
 * `connections.0.id`, `[1].id`: the steps from `from` on, index steps kept as written and the others joined
 * with dots. Built step by step: the usual attribute is one step (`id`), which is then the step itself.
 */
function attributePath(p: string[], from: number): string {
  if (from >= p.length) return '';
  let s = p[from];
  for (let j = from + 1; j < p.length; j++) s += p[j].startsWith('[') ? p[j] : '.' + p[j];
  return s;
}

export interface DeclaredTarget {
  /** `data.alicloud_x` for a data source, else the resource type. */
  resourceType: string;
  resourceName: string;
  /** `id`, or a path such as `connections.0.id`. */
  attribute: string;
  /** The instance key of a block with `count` or `for_each`: `[0]`, `[count.index]`, `[each.key]`. */
  key?: string;
  /** The reference as written in HCL: `alicloud_vpc_bgp_group.main.id`, `alicloud_vpc_bgp_group.g[0].id`. */
  text: string;
}

/**
 * What an argument of `from` can refer to in this module: each declared resource (or data source) of the types
 * its schema names, with the attribute to read. Completion offers them; the missing-required fix writes one.
 * In HCL, a block with `count` or `for_each` is referred to through an instance key (Terraform refuses it
 * without one, see `instanceKey`); a block with `for_each` whose keys are not known is not offered.
 */
export function declaredTargets(a: Pick<AttributeSchema, 'references'>, ctx: AnalysisContext, from?: Pick<ResourceInstance, 'attributes' | 'language' | 'refersTo'>): DeclaredTarget[] {
  const out: DeclaredTarget[] = [];
  const keyed = !from || from.language === 'hcl';
  for (const ref of a.references ?? []) {
    for (const type of ref.types) {
      const isData = !!ctx.schemas.get('data', type) && !ctx.schemas.get('resource', type);
      const kind = isData ? 'data' : 'resource';
      const resourceType = (isData ? 'data.' : '') + type;
      const attribute = ref.path ?? ref.attribute;
      for (const resourceName of ctx.declared(kind, type)) {
        if (from?.refersTo && !from.refersTo(kind, type, resourceName)) continue;
        let key: string | undefined;
        // A name declared twice does not say which block is meant (see `missing-instance-key`): written as is.
        const target = keyed && ctx.declarations(kind, type, resourceName) === 1 ? ctx.find(kind, type, resourceName) : undefined;
        if (target && repetition(target)) {
          key = instanceKey(target, from);
          if (key === undefined) continue;
        }
        out.push({ resourceType, resourceName, attribute, key, text: `${resourceType}.${resourceName}${key ?? ''}.${attribute}` });
      }
    }
  }
  return out;
}

/** `count` or `for_each` when the block has one (written: an incomplete name is not yet either). */
export function repetition(d: Pick<ResourceInstance, 'attributes'>): 'count' | 'for_each' | undefined {
  for (let i = 0; i < d.attributes.length; i++) {
    const a = d.attributes[i];
    if (!a.incomplete && (a.name === 'count' || a.name === 'for_each')) return a.name;
  }
  return undefined;
}

/**
 * The instance key that surely names an instance of `target` (a block with `count` or `for_each`) when it is
 * referred to from `from`: `count.index` when `from` repeats by the same `count`, else the first instance;
 * `each.key` when `from` iterates over `target` itself or over the same collection, else the first key of an
 * object written out (`["east"]`), else none is known.
 */
export function instanceKey(target: Declared, from: Pick<ResourceInstance, 'attributes'> | undefined): string | undefined {
  const repeated = repetition(target);
  const own = from && repetition(from);
  if (repeated === 'count') return own === 'count' && sameValue(argument(target, 'count'), argument(from, 'count')) ? '[count.index]' : '[0]';
  if (repeated !== 'for_each') return undefined;
  const over = argument(target, 'for_each');
  if (own === 'for_each') {
    const each = argument(from, 'for_each');
    const path = each?.kind === 'reference' ? each.path : undefined;
    const self = target.kind === 'data' ? ['data', target.type, target.name] : [target.type, target.name];
    if (path && path.length === self.length && path.every((p, i) => p === self[i])) return '[each.key]';
    if (sameValue(over, each)) return '[each.key]';
  }
  return over?.kind === 'object' && over.keys?.length ? `[${JSON.stringify(over.keys[0])}]` : undefined;
}

/**
 * A key of `target`'s `for_each` object written as an attribute step (`g.east.id` for `g["east"].id`, `g.east`):
 * the key, and what follows it ('' when nothing does); undefined when the first step names no key written out.
 */
export function keyWrittenAsStep(ref: ResourceRef, target: Declared): { key: string; attribute: string } | undefined {
  if (repetition(target) !== 'for_each') return undefined;
  const over = argument(target, 'for_each');
  if (over?.kind !== 'object' || !over.keys) return undefined;
  // Only a step followed by nothing or by `.attribute`: `g.east[0]` is no reference to rewrite as a key.
  const m = /^([^.[]+)(?:\.(.+))?$/.exec(ref.attribute);
  if (!m || !over.keys.includes(m[1])) return undefined;
  return { key: `[${JSON.stringify(m[1])}]`, attribute: m[2] ?? '' };
}

function argument(d: Pick<ResourceInstance, 'attributes'> | undefined, name: string): Value | undefined {
  return d?.attributes.find((a) => a.name === name && !a.incomplete)?.value;
}

/** Are two values surely the same: literals, references and tuples of them written alike? */
function sameValue(a: Value | undefined, b: Value | undefined): boolean {
  const x = a && valueText(a);
  return x !== undefined && x === (b && valueText(b));
}

function valueText(v: Value): string | undefined {
  switch (v.kind) {
    case 'string':
      return JSON.stringify(v.value);
    case 'number':
      return String(v.value);
    case 'bool':
      return String(v.value);
    case 'null':
      return 'null';
    case 'tuple': {
      const items = v.items.map(valueText);
      return items.every((i) => i !== undefined) ? `[${items.join(',')}]` : undefined;
    }
    case 'reference':
      return v.text;
    // An object's items are not kept, and an unknown value's text only says what kind of expression it is.
    case 'object':
    case 'unknown':
      return undefined;
  }
}
