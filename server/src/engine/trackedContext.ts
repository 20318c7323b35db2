/**
 * Records what a block's module findings read from the module (which instances, which names, which
 * tallies), so that after an edit elsewhere they are recomputed only when something they read changed.
 */
import { versionKey } from '../analysis/context';
import type { AnalysisContext, Declared } from '../analysis/context';
import type { SchemaRegistry } from '../schema/registry';

/**
 * What a block's module findings read: each key and the reading it had, alternating (`[k0, v0, k1, v1, …]`).
 * A flat array rather than a Map: every block that reads the module keeps one, and blocks read one to three
 * things (a Map was ten times the size, made and kept per block).
 */
export type Dependencies = readonly string[];

/** How each tally is computed, by key, so that a dependency on it can be re-checked in a new context. */
const tallies = new Map<string, (ctx: AnalysisContext) => Map<string, number>>();

/** No dependencies: shared, never to be filled. */
export const NO_DEPENDENCIES: Dependencies = Object.freeze([]);

/** A context over `ctx` that notes what is read through it; its `deps` are read after the analysis. */
export function tracked(ctx: AnalysisContext): TrackedContext {
  return new TrackedContext(ctx);
}

/**
 * A context that notes each read in `deps`. A class rather than an object literal of closures: one is made
 * per analysed chunk, and a literal spreading the context and adding a getter was a slow-mode object and six
 * closures each time. The list is made at the first read: many blocks read nothing of the module.
 */
export class TrackedContext implements AnalysisContext {
  private list: string[] | undefined = undefined;
  readonly schemas: SchemaRegistry;
  readonly signature: string;
  private readonly keys: Keys;
  /** The last `find` and its answer. */
  private lastKind = '';
  private lastType = '';
  private lastName: string | undefined = undefined;
  private lastFound: Declared | undefined = undefined;

  constructor(private readonly inner: AnalysisContext) {
    this.schemas = inner.schemas;
    this.signature = inner.signature;
    this.keys = keysOf(inner);
  }

  /**
   * What was read so far (`NO_DEPENDENCIES` when nothing), as an array of its own size: the list grew by pushes,
   * which leave room for 17 entries, and the chunk keeps it (6,400 of them in the 100k-line file: 1.3 -> 0.5 MB).
   */
  get deps(): Dependencies {
    return this.list ? this.list.slice() : NO_DEPENDENCIES;
  }

  /** Notes a reading; a key noted before keeps its place and takes the new reading. */
  private note(key: string, reading: string): void {
    const list = this.list;
    if (!list) {
      this.list = [key, reading];
      return;
    }
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === key) {
        list[i + 1] = reading;
        return;
      }
    }
    list.push(key, reading);
  }

  get providerVersion(): string | undefined {
    this.note('v:', versionReading(this.inner));
    return this.inner.providerVersion;
  }

  get providerVersionFrom(): string | undefined {
    this.note('v:', versionReading(this.inner));
    return this.inner.providerVersionFrom;
  }

  declared(kind: 'resource' | 'data', type: string): string[] {
    const names = this.inner.declared(kind, type);
    this.note(`d:${kind}:${type}`, names.join(','));
    return names;
  }

  find(kind: 'resource' | 'data', type: string, name: string): Declared | undefined {
    // A block's rules find the same instance in turn (a peer's group: its reference, then each cross-resource
    // rule following it); the dependency is noted already.
    if (name === this.lastName && type === this.lastType && kind === this.lastKind) return this.lastFound;
    this.note(findKey(this.keys, kind, type, name), this.inner.factsOf(kind, type, name));
    this.lastKind = kind;
    this.lastType = type;
    this.lastName = name;
    return (this.lastFound = this.inner.find(kind, type, name));
  }

  declarations(kind: 'resource' | 'data', type: string, name: string): number {
    const n = this.inner.declarations(kind, type, name);
    this.note(`n:${kind}:${type}:${name}`, String(n));
    return n;
  }

  scopedDeclarations(type: string, name: string): number {
    const n = this.inner.scopedDeclarations?.(type, name) ?? 0;
    this.note(`s:${type}:${name}`, String(n));
    return n;
  }

  repeatedNames(kind: 'resource' | 'data', type: string): number {
    const n = this.inner.repeatedNames(kind, type);
    this.note(repeatsKey(kind, type), String(n));
    return n;
  }

  ofType(kind: 'resource' | 'data', type: string): Declared[] {
    // Reading every instance of a type depends on all of them: only tallies should do it (see count).
    this.note(`o:${kind}:${type}`, allFacts(this.inner, kind, type));
    return this.inner.ofType(kind, type);
  }

  count(key: string, target: string, compute: (ctx: AnalysisContext) => Map<string, number>): number | undefined {
    tallies.set(key, compute);
    const n = this.inner.count(key, target, compute);
    this.note(countKey(this.keys, key, target), String(n));
    return n;
  }

  factsOf(kind: 'resource' | 'data', type: string, name: string): string {
    return this.inner.factsOf(kind, type, name);
  }
}

/**
 * Dependency keys made once per context: thousands of blocks find the same few instances (their group, its
 * VBR) and count the same few targets, and a key built each time was a string to allocate, flatten and hash,
 * and to keep in every block's dependencies. `find`: by kind, type and name; `count`: by tally and target.
 */
interface Keys {
  resource: Map<string, Map<string, string>>;
  data: Map<string, Map<string, string>>;
  count: Map<string, Map<string, string>>;
}

const keyCaches = new WeakMap<AnalysisContext, Keys>();

function keysOf(ctx: AnalysisContext): Keys {
  let keys = keyCaches.get(ctx);
  if (!keys) keyCaches.set(ctx, (keys = { resource: new Map(), data: new Map(), count: new Map() }));
  return keys;
}

/*
 * The last key each function gave, and what for: consecutive blocks (the peers of one group) find the same
 * group and count the same target, so most keys are the last one again, without the two Map lookups.
 */
let lastFindKeys: Keys | undefined;
let lastFindType = '';
let lastFindName = '';
let lastFindKind = '';
let lastFindKey = '';
let lastCountKeys: Keys | undefined;
let lastCountTally = '';
let lastCountTarget = '';
let lastCountKey = '';

/** `f:<kind>:<type>:<name>`. */
function findKey(keys: Keys, kind: 'resource' | 'data', type: string, name: string): string {
  if (keys === lastFindKeys && name === lastFindName && type === lastFindType && kind === lastFindKind) return lastFindKey;
  let byName = keys[kind].get(type);
  if (!byName) keys[kind].set(type, (byName = new Map()));
  let key = byName.get(name);
  if (key === undefined) byName.set(name, (key = `f:${kind}:${type}:${name}`));
  lastFindKeys = keys;
  lastFindKind = kind;
  lastFindType = type;
  lastFindName = name;
  return (lastFindKey = key);
}

/** `r:<kind>:<type>`, one string per type: every block of the type keeps it. */
const repeatsKeys = new Map<string, string>();
function repeatsKey(kind: 'resource' | 'data', type: string): string {
  const id = kind === 'data' ? `data.${type}` : type;
  let key = repeatsKeys.get(id);
  if (key === undefined) repeatsKeys.set(id, (key = `r:${kind}:${type}`));
  return key;
}

/** `c:<tally key>:<target>`. */
function countKey(keys: Keys, key: string, target: string): string {
  if (keys === lastCountKeys && target === lastCountTarget && key === lastCountTally) return lastCountKey;
  let byTarget = keys.count.get(key);
  if (!byTarget) keys.count.set(key, (byTarget = new Map()));
  let k = byTarget.get(target);
  if (k === undefined) byTarget.set(target, (k = `c:${key}:${target}`));
  lastCountKeys = keys;
  lastCountTally = key;
  lastCountTarget = target;
  return (lastCountKey = k);
}

/**
 * What each dependency reads in a context, computed once per context: after a change to the module every
 * block is re-validated, and thousands of blocks read the same few things (their group's facts, one tally).
 */
const readings = new WeakMap<AnalysisContext, Map<string, string | undefined>>();

/** Do the recorded dependencies read the same in `ctx`? */
export function stillValid(deps: Dependencies, ctx: AnalysisContext): boolean {
  let read = readings.get(ctx);
  if (!read) readings.set(ctx, (read = new Map()));
  for (let i = 0; i < deps.length; i += 2) {
    const k = deps[i];
    let now = read.get(k);
    if (now === undefined && !read.has(k)) read.set(k, (now = reading(k, ctx)));
    if (now !== deps[i + 1]) return false;
  }
  return true;
}

/** The dependencies as one string, equal for equal dependencies (to share one check among blocks). */
export function dependenciesKey(deps: Dependencies): string {
  let s = '';
  for (let i = 0; i < deps.length; i += 2) s += (i ? '\u0002' : '') + deps[i] + '\u0001' + deps[i + 1];
  return s;
}

/** What the dependency `k` reads in `ctx` (undefined: it cannot be read again). */
function reading(k: string, ctx: AnalysisContext): string | undefined {
  // Keys are `<letter>:` and colon-separated parts (see TrackedContext); read the parts where they lie
  // instead of splitting every key of every block into an array.
  const kind = k.charCodeAt(0);
  if (kind === V) return versionReading(ctx);
  if (kind === F) return ctx.factsOf(part(k, 1) as 'resource', part(k, 2), part(k, 3));
  if (kind === D) return ctx.declared(part(k, 1) as 'resource', part(k, 2)).join(',');
  if (kind === O) return allFacts(ctx, part(k, 1) as 'resource', part(k, 2));
  if (kind === N) return String(ctx.declarations(part(k, 1) as 'resource', part(k, 2), part(k, 3)));
  if (kind === R) return String(ctx.repeatedNames(part(k, 1) as 'resource', part(k, 2)));
  if (kind === S) return String(ctx.scopedDeclarations?.(part(k, 1), part(k, 2)) ?? 0);
  // `c:<tally key>:<target>`: the tally key itself contains colons; the target is after the last one.
  const rest = k.slice(2);
  const cut = rest.lastIndexOf(':');
  const compute = tallies.get(rest.slice(0, cut));
  return compute ? String(ctx.count(rest.slice(0, cut), rest.slice(cut + 1), compute)) : undefined;
}

/** The provider version and where it comes from, which messages name: one reading (`versionKey`). */
function versionReading(ctx: AnalysisContext): string {
  return versionKey(ctx.providerVersion, ctx.providerVersionFrom);
}

/** Apart from `reading`, whose every call a callback capturing `ctx` would cost a context. */
function allFacts(ctx: AnalysisContext, kind: 'resource' | 'data', type: string): string {
  return ctx.ofType(kind, type).map((i) => ctx.factsOf(kind, type, i.name)).join('\n');
}

const V = 'v'.charCodeAt(0);
const F = 'f'.charCodeAt(0);
const D = 'd'.charCodeAt(0);
const O = 'o'.charCodeAt(0);
const N = 'n'.charCodeAt(0);
const R = 'r'.charCodeAt(0);
const S = 's'.charCodeAt(0);

/** The `n`th colon-separated part of a key, as `k.split(':')[n]` (with `''` for a missing part, read as such). */
function part(k: string, n: number): string {
  let start = 0;
  for (let i = 0; i < n; i++) {
    const colon = k.indexOf(':', start);
    if (colon === -1) return '';
    start = colon + 1;
  }
  const end = k.indexOf(':', start);
  return end === -1 ? k.slice(start) : k.slice(start, end);
}
