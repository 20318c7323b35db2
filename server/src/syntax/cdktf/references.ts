/**
 * References to other constructs of the file (`group.id`, `self.group.id`, `group.getId()`) get the path
 * HCL would write (`alicloud_vpc_bgp_group.group.id`), so module-wide rules can follow them. Any other name
 * (a variable, a parameter, a construct from another file) is an unknown expression: it must never be read
 * as an HCL traversal (`bgp_group.id` is not a resource of type `bgp_group`).
 *
 * A name means a construct only where its variable is in scope (`scopes.ts`): `group` in a function that takes
 * a `group` parameter, or in another function than the one that built the group, is not that construct.
 *
 * Resolving depends on every construct's variable, so after an edit the names whose construct changed are
 * compared (`changedNames`) and only the instances that refer to one of them are resolved again, from the
 * values as written (`Resolved.written`); an edit that may change scopes resolves again those it may concern
 * (`parse.ts`), keeping the instances whose references still mean the same.
 */
import type { Attribute, Block, Value } from '../../model/types';
import type { CdktfInstance } from './model';
import { snake } from './names';
import { Scopes } from './scopes';
import type { Tokens } from './tokens';

/**
 * Variable name → the constructs assigned to a variable of that name, in file order. A name given to two
 * constructs (a `group` in each of two stacks or helper functions of one file) means neither: the module knows
 * a construct by its variable's name, so `alicloud_vpc_bgp_group.group` could not say which, and the reference
 * stays an unknown expression rather than point at the other stack's group.
 */
export type Bindings = Map<string, Resolved[]>;

/** An instance with its references resolved, and the values as written when some needed resolving. */
export interface Resolved {
  instance?: CdktfInstance;
  /** The class name's token (`Construct.tok`): the tokens below are counted back from it. */
  tok: number;
  /** How many tokens before `tok` the variable's name is (when the instance has one). */
  declBack?: number;
  /** Attribute values before resolving, in `visit` order; absent when none holds a reference. */
  written?: Value[];
  /** For each of `written`, how many tokens before `tok` its value starts (negative: after). */
  writtenBack?: number[];
  /** The variable names resolving looks up (from `written`, made when first asked for). */
  reads?: string[];
}

export function bindingsOf(list: Iterable<Resolved>): Bindings {
  const byVariable: Bindings = new Map();
  for (const r of list) {
    const name = r.instance?.name;
    if (!name || r.declBack === undefined) continue;
    const same = byVariable.get(name);
    if (same) same.push(r);
    else byVariable.set(name, [r]);
  }
  return byVariable;
}

/** The construct `name` means at token `at`: the only one of that variable, if it is in scope there. */
export function pick(name: string, at: number, bindings: Bindings, scopes: Scopes): CdktfInstance | undefined {
  const list = bindings.get(name);
  if (list?.length !== 1) return undefined;
  const r = list[0];
  return scopes.visible(name, r.tok - r.declBack!, at) ? r.instance : undefined;
}

/** Resolves the references of every instance against all of them (a fresh parse). */
export function resolveAll(list: Resolved[], tk: Tokens): Bindings {
  const bindings = bindingsOf(list);
  const scopes = new Scopes(tk);
  for (const r of list) if (r.instance) resolveBuilt(r, bindings, tk, scopes);
  return bindings;
}

/** Resolves a freshly built instance in place (nothing else holds it yet), keeping the values as written. */
export function resolveBuilt(r: Resolved, bindings: Bindings, tk: Tokens, scopes: Scopes): void {
  const written: Value[] = [];
  const back: number[] = [];
  visit(r.instance!, (a) => {
    written.push(a.value);
    // Where the value is written, from its (fresh) position: the scope it is read in.
    back.push(r.tok - tk.indexAt(tk.offsetAt(a.valueRange.start)));
  });
  if (!written.some(hasReference)) return;
  r.written = written;
  r.writtenBack = back;
  let k = 0;
  visit(r.instance!, (a) => {
    a.value = fix(written[k], r.tok - back[k], bindings, scopes);
    k++;
  });
}

/**
 * `r`'s instance resolved again against `bindings` and the scopes of now, as a copy (the instance is shared and
 * never mutated); undefined when every reference means what it meant.
 */
export function resolveAgain(r: Resolved, bindings: Bindings, scopes: Scopes): CdktfInstance | undefined {
  const written = r.written!;
  const back = r.writtenBack!;
  let k = 0;
  let same = true;
  // Asked of thousands of constructs after an edit that may change scopes: nothing is made unless one changed.
  visit(r.instance!, (a) => {
    same &&= stillMeans(a.value, written[k], r.tok - back[k], bindings, scopes);
    k++;
  });
  if (same) return undefined;
  const values = written.map((v, j) => fix(v, r.tok - back[j], bindings, scopes));
  k = 0;
  const copy = <T extends { attributes: Attribute[]; blocks: Block[] }>(body: T): T => ({
    ...body,
    attributes: body.attributes.map((a) => ({ ...a })),
    blocks: body.blocks.map(copy),
  });
  const instance = copy(r.instance!);
  visit(instance, (a) => (a.value = values[k++]));
  return instance;
}

/** Does `now` (a value as resolved) name the construct `written` (its value as written, at token `at`) names now? */
function stillMeans(now: Value, written: Value, at: number, bindings: Bindings, scopes: Scopes): boolean {
  if (written.kind === 'tuple') return now.kind === 'tuple' && written.items.every((x, i) => stillMeans(now.items[i], x, at, bindings, scopes));
  if (written.kind !== 'reference') return true;
  const target = targetOf(written.path, at, bindings, scopes)?.target;
  if (!target) return now.kind === 'unknown';
  if (now.kind !== 'reference') return false;
  const k = target.kind === 'data' ? 1 : 0;
  return now.path[k] === target.type && now.path[k + 1] === target.name && (k === 0 || now.path[0] === 'data');
}

/** Names whose constructs differ (added, removed, or of another kind or type) between `a` and `b`. */
export function changedNames(a: Bindings, b: Bindings): Set<string> {
  const out = new Set<string>();
  const same = (x: Resolved[], y?: Resolved[]) =>
    !!y && x.length === y.length && x.every((r, i) => r.instance!.kind === y[i].instance!.kind && r.instance!.type === y[i].instance!.type);
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

/** `v` (written at token `at`) with its references to constructs resolved. */
function fix(v: Value, at: number, bindings: Bindings, scopes: Scopes): Value {
  if (v.kind === 'tuple') return { kind: 'tuple', items: v.items.map((x) => fix(x, at, bindings, scopes)) };
  if (v.kind !== 'reference') return v;
  const found = targetOf(v.path, at, bindings, scopes);
  if (!found) return { kind: 'unknown', text: v.text };
  const { target, n } = found;
  const rest = v.path.slice(n).map((p) => (/^\d+$/.test(p) ? `[${p}]` : snake(p)));
  const head = target.kind === 'data' ? ['data', target.type, target.name] : [target.type, target.name];
  return { kind: 'reference', path: [...head, ...rest], text: v.text };
}

/** The construct a reference's path (written at token `at`) starts with, and how many of its steps name it. */
function targetOf(path: string[], at: number, bindings: Bindings, scopes: Scopes): { target: CdktfInstance; n: number } | undefined {
  const target = path.length >= 2 ? pick(path[0], at, bindings, scopes) : undefined;
  if (target) return { target, n: 1 };
  if ((path[0] === 'this' || path[0] === 'self') && path.length > 2) {
    const member = pick(`${path[0]}.${path[1]}`, at, bindings, scopes) ?? pick(path[1], at, bindings, scopes);
    if (member) return { target: member, n: 2 };
  }
  return undefined;
}

function visit(body: { attributes: Attribute[]; blocks: Block[] }, f: (a: Attribute) => void): void {
  for (const a of body.attributes) f(a);
  for (const b of body.blocks) visit(b, f);
}
