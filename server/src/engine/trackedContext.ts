/**
 * Records what a block's module findings read from the module (which instances, which names, which
 * tallies), so that after an edit elsewhere they are recomputed only when something they read changed.
 */
import type { AnalysisContext } from '../analysis/context';

export type Dependencies = Map<string, string>;

/** How each tally is computed, by key, so that a dependency on it can be re-checked in a new context. */
const tallies = new Map<string, (ctx: AnalysisContext) => Map<string, number>>();

export function tracked(ctx: AnalysisContext): { ctx: AnalysisContext; deps: Dependencies } {
  const deps: Dependencies = new Map();
  const wrapped: AnalysisContext = {
    ...ctx,
    get providerVersion() {
      deps.set('v:', ctx.providerVersion ?? '');
      return ctx.providerVersion;
    },
    declared(kind, type) {
      const names = ctx.declared(kind, type);
      deps.set(`d:${kind}:${type}`, names.join(','));
      return names;
    },
    find(kind, type, name) {
      deps.set(`f:${kind}:${type}:${name}`, ctx.factsOf(kind, type, name));
      return ctx.find(kind, type, name);
    },
    ofType(kind, type) {
      // Reading every instance of a type depends on all of them: only tallies should do it (see count).
      deps.set(`o:${kind}:${type}`, ctx.ofType(kind, type).map((i) => ctx.factsOf(kind, type, i.name)).join('\n'));
      return ctx.ofType(kind, type);
    },
    count(key, target, compute) {
      tallies.set(key, compute);
      const n = ctx.count(key, target, compute);
      deps.set(`c:${key}:${target}`, String(n));
      return n;
    },
  };
  return { ctx: wrapped, deps };
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
  for (const [k, v] of deps) {
    let now = read.get(k);
    if (now === undefined && !read.has(k)) read.set(k, (now = reading(k, ctx)));
    if (now !== v) return false;
  }
  return true;
}

/** What the dependency `k` reads in `ctx` (undefined: it cannot be read again). */
function reading(k: string, ctx: AnalysisContext): string | undefined {
  const [kind, a, b, c] = k.split(':');
  if (kind === 'v') return ctx.providerVersion ?? '';
  if (kind === 'f') return ctx.factsOf(a as 'resource', b, c);
  if (kind === 'd') return ctx.declared(a as 'resource', b).join(',');
  if (kind === 'o') return ctx.ofType(a as 'resource', b).map((i) => ctx.factsOf(a as 'resource', b, i.name)).join('\n');
  // `c:<tally key>:<target>`: the tally key itself contains colons; the target is after the last one.
  const rest = k.slice(2);
  const cut = rest.lastIndexOf(':');
  const compute = tallies.get(rest.slice(0, cut));
  return compute ? String(ctx.count(rest.slice(0, cut), rest.slice(cut + 1), compute)) : undefined;
}
