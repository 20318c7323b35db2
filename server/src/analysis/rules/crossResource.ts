/**
 * Schema rules that look across resources of the module:
 * - `matchesReferenced`: a peer's `ip_version` equals its group's;
 * - `maxPerReferenced`: at most 8 peers reach one VBR through their groups (counted where `count` is known, or
 *   `for_each` is an object written out); the code lens on VBRs and groups reads the same chain and numbers
 *   (`forEachReaching`, `analysis/peerReach.ts`).
 */
import type { ResourceInstance, Value } from '../../model/types';
import type { CrossFieldRule, ResourceSchema } from '../../schema/types';
import type { AnalysisContext, Declared } from '../context';
import type { Finding } from '../finding';
import { resourceRef } from '../references';
import { literalNumber, literalText } from '../values';
import { findAttribute } from './body';
import { literalEquals } from './crossField';

const NONE: Finding[] = [];

/** The findings, or a shared empty array (never to be filled): most blocks have none. */
export function crossResourceRules(instance: ResourceInstance, schema: ResourceSchema, ctx: AnalysisContext): Finding[] {
  let findings = NONE;
  const rules = schema.rules;
  if (!rules) return findings;
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r];
    const f =
      rule.kind === 'matchesReferenced'
        ? matchesReferenced(rule, instance, schema, ctx)
        : rule.kind === 'maxPerReferenced'
          ? maxPerReferenced(rule, instance, schema, ctx)
          : rule.kind === 'requiresOnReferenced'
            ? requiresOnReferenced(rule, instance, ctx)
            : undefined;
    if (!f) continue;
    if (findings === NONE) findings = [];
    findings.push(f);
  }
  return findings;
}

/** The declared instance a reference-valued attribute points at. */
function follow(instance: Declared, attribute: string, ctx: AnalysisContext): Declared | undefined {
  const a = findAttribute(instance, attribute);
  const ref = a && resourceRef(a.value);
  return ref ? ctx.find(ref.kind, ref.type, ref.name) : undefined;
}

function literalString(v: Value | undefined): string | undefined {
  return v ? literalText(v) : undefined;
}

function matchesReferenced(
  rule: CrossFieldRule & { kind: 'matchesReferenced' },
  instance: ResourceInstance,
  schema: ResourceSchema,
  ctx: AnalysisContext,
): Finding | undefined {
  const written = findAttribute(instance, rule.attribute);
  const mine = written && written.value.kind !== 'null' ? written : undefined;
  // Left out, the attribute is its default (a peer's `ip_version` is `IPv4`), which the other may contradict.
  const fallback = schema.attributes[rule.attribute]?.default;
  const a = mine ? literalString(mine.value) : typeof fallback === 'string' ? fallback : undefined;
  if (a === undefined) return undefined;
  const target = follow(instance, rule.via, ctx);
  const theirs = target && findAttribute(target, rule.otherAttribute);
  const b = literalString(theirs?.value);
  if (!target || b === undefined) return undefined;
  // Equal as written is the usual case: no lower-cased copies for it.
  if (a === b || (rule.caseInsensitive && a.toLowerCase() === b.toLowerCase())) return undefined;
  const fix = { title: `Set ${rule.attribute} = ${JSON.stringify(b)}`, preferred: true };
  const their = `${target.type}.${target.name} (its ${rule.via}) has ${rule.otherAttribute} = ${JSON.stringify(b)}`;
  if (!mine) {
    // Reported where the other is named: nothing is written to put it on.
    return {
      code: rule.code,
      severity: rule.severity,
      range: findAttribute(instance, rule.via)!.valueRange,
      message: `"${rule.attribute}" is left out, so it is ${JSON.stringify(a)}, but ${their}`,
      fixes: [{ ...fix, edits: [{ kind: 'set', name: rule.attribute, value: { kind: 'string', value: b } }] }],
      instance,
      // Written as null, it is the default for sure (see `Finding.leftOut`).
      leftOut: written ? undefined : rule.attribute,
    };
  }
  return {
    code: rule.code,
    severity: rule.severity,
    range: mine.valueRange,
    message: `"${rule.attribute}" is ${JSON.stringify(a)} but ${their}`,
    fixes: [{ ...fix, edits: [{ kind: 'replaceValue', attribute: mine, value: { kind: 'string', value: b } }] }],
    instance,
  };
}

/** The declared resource reached by following the references in `via` (each step one declared block). */
function reached(instance: Declared, via: string[], ctx: AnalysisContext): Declared | undefined {
  let current: Declared | undefined = instance;
  for (let i = 0; i < via.length && current; i++) current = follow(current, via[i], ctx);
  return current;
}

function requiresOnReferenced(rule: CrossFieldRule & { kind: 'requiresOnReferenced' }, instance: ResourceInstance, ctx: AnalysisContext): Finding | undefined {
  const mine = findAttribute(instance, rule.attribute);
  const a = literalString(mine?.value);
  if (!mine || a === undefined || a.toLowerCase() !== rule.equals.toLowerCase()) return undefined;
  const target = reached(instance, rule.via, ctx);
  if (!target) return undefined;
  const theirs = findAttribute(target, rule.otherAttribute);
  // Written there but not as a literal (a variable): not judged. Left out or null: not set.
  if (theirs && theirs.value.kind !== 'null' && literalEquals(theirs.value, rule.otherValue) !== false) return undefined;
  return {
    code: rule.code,
    severity: rule.severity,
    range: mine.valueRange,
    message: rule.message.replace('{target}', `${target.type}.${target.name}`),
    fixes: [],
    instance,
  };
}

/** How many instances a block stands for, when statically known: a literal `count`, or a `for_each` over an object written out. */
export function multiplicity(instance: Declared): number | undefined {
  const forEach = findAttribute(instance, 'for_each');
  if (forEach) return forEach.value.kind === 'object' ? forEach.value.keys?.length : undefined;
  const count = findAttribute(instance, 'count');
  if (!count) return 1;
  return literalNumber(count.value);
}

/** The end of the `via` chain: a reference text or a literal ID, or undefined when unknown. */
function chainTarget(instance: Declared, via: string[], ctx: AnalysisContext): string | undefined {
  const end = chainEnd(instance, via, ctx);
  return end && targetOf(end);
}

/** The value the `via` chain ends on (its last argument's), or undefined when a step is missing or names no declared block. */
function chainEnd(instance: Declared, via: string[], ctx: AnalysisContext): Value | undefined {
  let current: Declared | undefined = instance;
  for (let i = 0; i < via.length; i++) {
    const a = findAttribute(current, via[i]);
    if (!a) return undefined;
    if (i === via.length - 1) return a.value;
    const ref = resourceRef(a.value);
    if (!ref) return undefined;
    current = ctx.find(ref.kind, ref.type, ref.name);
    if (!current) return undefined;
  }
  return undefined;
}

/**
 * Each block of `all` whose `via` chain ends on a value, with that value and how many instances the block stands
 * for (undefined: not known). What the rule counts, and what the code lens shows (`analysis/peerReach.ts`): one
 * reading of the chain for both, so the lens's numbers are the rule's.
 */
export function forEachReaching(
  all: readonly Declared[],
  via: string[],
  ctx: AnalysisContext,
  visit: (block: Declared, end: Value, n: number | undefined) => void,
): void {
  for (let i = 0; i < all.length; i++) {
    const end = chainEnd(all[i], via, ctx);
    if (end) visit(all[i], end, multiplicity(all[i]));
  }
}

/**
 * What a chain ending on this value names, made once per value: the peers of a group all end on the group's
 * `router_id`, checked and tallied with every context, and each time made the same string anew. The same
 * string each time also lets the count's dependency key be found instead of built (`trackedContext.ts`).
 */
const targets = new WeakMap<Value, string | undefined>();

export function targetOf(v: Value): string | undefined {
  let t = targets.get(v);
  if (t === undefined && !targets.has(v)) targets.set(v, (t = targetText(v)));
  return t;
}

function targetText(v: Value): string | undefined {
  const ref = resourceRef(v);
  // `v[count.index]`, `v[each.key]`, `v[*]`: which instance depends on the referring one's own key, unknown here.
  if (ref?.key === '[?]' || ref?.key === '[*]') return undefined;
  if (ref) return `${ref.kind === 'data' ? 'data.' : ''}${ref.type}.${ref.name}${ref.key ?? ''}`;
  const s = v.kind === 'string' ? v.value : undefined;
  return s ? JSON.stringify(s) : undefined;
}

/**
 * One tally per module and rule, shared by every instance checked with a context: its key and how it is
 * computed, made once per rule (not a key string and a closure for every instance checked).
 */
const tallies = new WeakMap<CrossFieldRule, { key: string; compute: (ctx: AnalysisContext) => Map<string, number> }>();

function tallyOf(rule: CrossFieldRule & { kind: 'maxPerReferenced' }, schema: ResourceSchema) {
  let t = tallies.get(rule);
  if (!t) tallies.set(rule, (t = { key: `maxPerReferenced:${schema.type}:${rule.via.join('.')}`, compute: tallyFor(rule, schema) }));
  return t;
}

/** Apart from `tallyOf`: a closure over its parameters would cost that function a context on every call. */
function tallyFor(rule: CrossFieldRule & { kind: 'maxPerReferenced' }, schema: ResourceSchema) {
  return (module: AnalysisContext) => {
    const counts = new Map<string, number>();
    forEachReaching(module.ofType(schema.kind, schema.type), rule.via, module, (_, end, n) => {
      const t = targetOf(end);
      if (t !== undefined && n !== undefined) counts.set(t, (counts.get(t) ?? 0) + n);
    });
    return counts;
  };
}

function maxPerReferenced(
  rule: CrossFieldRule & { kind: 'maxPerReferenced' },
  instance: ResourceInstance,
  schema: ResourceSchema,
  ctx: AnalysisContext,
): Finding | undefined {
  const target = chainTarget(instance, rule.via, ctx);
  if (target === undefined) return undefined;
  // A block that makes no instance (`count = 0`, `for_each = {}`) adds none and is not where the excess is; nor
  // is a CDKTF config struct written apart (its construct, which counts, is).
  if (instance.config || multiplicity(instance) === 0) return undefined;
  const tally = tallyOf(rule, schema);
  const count = ctx.count(tally.key, target, tally.compute);
  if (count === undefined || count <= rule.max) return undefined;
  return {
    code: rule.code,
    severity: rule.severity,
    range: instance.headerRange,
    message: rule.message.replace('{max}', String(rule.max)).replace('{count}', String(count)).replace('{target}', target),
    fixes: [],
    instance,
  };
}
