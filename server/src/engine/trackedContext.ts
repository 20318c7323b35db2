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

/** Do the recorded dependencies read the same in `ctx`? */
export function stillValid(deps: Dependencies, ctx: AnalysisContext): boolean {
  for (const [k, v] of deps) {
    const [kind, a, b, c] = k.split(':');
    let now: string;
    if (kind === 'v') now = ctx.providerVersion ?? '';
    else if (kind === 'f') now = ctx.factsOf(a as 'resource', b, c);
    else if (kind === 'd') now = ctx.declared(a as 'resource', b).join(',');
    else if (kind === 'o') now = ctx.ofType(a as 'resource', b).map((i) => ctx.factsOf(a as 'resource', b, i.name)).join('\n');
    else {
      // `c:<tally key>:<target>`: the tally key itself contains colons; the target is after the last one.
      const rest = k.slice(2);
      const cut = rest.lastIndexOf(':');
      const compute = tallies.get(rest.slice(0, cut));
      if (!compute) return false;
      now = String(ctx.count(rest.slice(0, cut), rest.slice(cut + 1), compute));
    }
    if (now !== v) return false;
  }
  return true;
}
