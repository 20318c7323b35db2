/**
 * References to other constructs of the file (`group.id`, `self.group.id`, `group.getId()`) get the path
 * HCL would write (`alicloud_vpc_bgp_group.group.id`), so module-wide rules can follow them. Any other name
 * (a variable, a parameter, a construct from another file) is an unknown expression: it must never be read
 * as an HCL traversal (`bgp_group.id` is not a resource of type `bgp_group`).
 *
 * Resolving depends on every construct's variable, so after an edit the names whose construct changed are
 * compared (`changedNames`) and only the instances that refer to one of them are resolved again, from the
 * values as written (`Resolved.written`).
 */
import type { Attribute, Block, Value } from '../../model/types';
import type { CdktfInstance } from './model';
import { snake } from './names';

/**
 * Variable name → the construct assigned to it. A name given to two constructs (a `group` in each of two
 * stacks or helper functions of one file) is left out: which one a `group.id` means depends on scopes this
 * reading does not follow, so it stays an unknown expression rather than point at the other stack's group.
 */
export type Bindings = Map<string, CdktfInstance>;

/** An instance with its references resolved, and the values as written when some needed resolving. */
export interface Resolved {
  instance?: CdktfInstance;
  /** Attribute values before resolving, in `visit` order; absent when none holds a reference. */
  written?: Value[];
  /** The variable names resolving looks up (from `written`, made when first asked for). */
  reads?: string[];
}

export function bindingsOf(list: Iterable<Resolved>): Bindings {
  const byVariable: Bindings = new Map();
  let twice: Set<string> | undefined;
  for (const { instance } of list) {
    if (!instance?.name) continue;
    if (byVariable.has(instance.name)) (twice ??= new Set()).add(instance.name);
    byVariable.set(instance.name, instance);
  }
  if (twice) for (const name of twice) byVariable.delete(name);
  return byVariable;
}

/** Resolves the references of every instance against all of them (a fresh parse). */
export function resolveAll(list: Resolved[]): Bindings {
  const bindings = bindingsOf(list);
  for (const r of list) if (r.instance) resolveBuilt(r, bindings);
  return bindings;
}

/** Resolves a freshly built instance in place (nothing else holds it yet), keeping the values as written. */
export function resolveBuilt(r: Resolved, bindings: Bindings): void {
  const written: Value[] = [];
  visit(r.instance!, (a) => written.push(a.value));
  if (!written.some(hasReference)) return;
  r.written = written;
  let k = 0;
  visit(r.instance!, (a) => (a.value = fix(written[k++], bindings)));
}

/** A copy of `r`'s instance resolved again against `bindings` (the instance is shared and never mutated). */
export function resolveAgain(r: Resolved, bindings: Bindings): CdktfInstance {
  const written = r.written!;
  let k = 0;
  const copy = <T extends { attributes: Attribute[]; blocks: Block[] }>(body: T): T => ({
    ...body,
    attributes: body.attributes.map((a) => ({ ...a })),
    blocks: body.blocks.map(copy),
  });
  const instance = copy(r.instance!);
  visit(instance, (a) => (a.value = fix(written[k++], bindings)));
  return instance;
}

/** Names whose construct differs (added, removed, or of another kind or type) between `a` and `b`. */
export function changedNames(a: Bindings, b: Bindings): Set<string> {
  const out = new Set<string>();
  const same = (x?: CdktfInstance, y?: CdktfInstance) => !!x && !!y && x.kind === y.kind && x.type === y.type;
  for (const [name, x] of a) if (!same(x, b.get(name))) out.add(name);
  for (const name of b.keys()) if (!a.has(name)) out.add(name);
  return out;
}

/** Does resolving `r` read one of `names`? */
export function readsAny(r: Resolved, names: Set<string>): boolean {
  if (!r.written) return false;
  if (!r.reads) {
    const out: string[] = [];
    const collect = (v: Value): void => {
      if (v.kind === 'tuple') v.items.forEach(collect);
      else if (v.kind === 'reference') out.push(...lookups(v.path));
    };
    r.written.forEach(collect);
    r.reads = out;
  }
  return r.reads.some((n) => names.has(n));
}

/** The names a reference's path is looked up by, in order. */
function lookups(path: string[]): string[] {
  const out = path.length >= 2 ? [path[0]] : [];
  if ((path[0] === 'this' || path[0] === 'self') && path.length > 2) out.push(`${path[0]}.${path[1]}`, path[1]);
  return out;
}

function hasReference(v: Value): boolean {
  return v.kind === 'reference' || (v.kind === 'tuple' && v.items.some(hasReference));
}

function fix(v: Value, bindings: Bindings): Value {
  if (v.kind === 'tuple') return { kind: 'tuple', items: v.items.map((x) => fix(x, bindings)) };
  if (v.kind !== 'reference') return v;
  let n = 1;
  let target = v.path.length >= 2 ? bindings.get(v.path[0]) : undefined;
  if (!target && (v.path[0] === 'this' || v.path[0] === 'self') && v.path.length > 2) {
    target = bindings.get(`${v.path[0]}.${v.path[1]}`) ?? bindings.get(v.path[1]);
    n = 2;
  }
  if (!target) return { kind: 'unknown', text: v.text };
  const rest = v.path.slice(n).map((p) => (/^\d+$/.test(p) ? `[${p}]` : snake(p)));
  const head = target.kind === 'data' ? ['data', target.type, target.name] : [target.type, target.name];
  return { kind: 'reference', path: [...head, ...rest], text: v.text };
}

function visit(body: { attributes: Attribute[]; blocks: Block[] }, f: (a: Attribute) => void): void {
  for (const a of body.attributes) f(a);
  for (const b of body.blocks) visit(b, f);
}
