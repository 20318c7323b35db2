/**
 * `undeclared-reference`: an argument refers to a resource the module does not declare
 * (`alicloud_vpc_bgp_group.nope.id`), with fixes offering the ones that exist.
 * `wrong-reference-type`: `bgp_group_id` (or `router_id`…) refers to a resource of another type.
 * `missing-instance-key`: a reference to a block with `count` or `for_each` names no instance
 * (`alicloud_vpc_bgp_group.g.id` for `g[0]`), which Terraform refuses ("Missing resource instance key").
 * `unsupported-attribute`: a reference reads an attribute the type does not have (`alicloud_vpc_bgp_group.g.idd`).
 */
import type { Attribute, ResourceInstance, Value } from '../../model/types';
import type { ResourceSchema } from '../../schema/types';
import type { AnalysisContext, Declared } from '../context';
import type { Finding, NeutralFix } from '../finding';
import { instanceKey, keyWrittenAsStep, repetition, ResourceRef, resourceRef } from '../references';
import { bodies, BodyView } from './body';
import { referencedTypes } from './tables';
import { closestMatch } from '../suggest';

const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_-]*$/u;

const NONE: Finding[] = [];

/** The findings, or a shared empty array (never to be filled): most blocks have none. */
export function references(instance: ResourceInstance, schema: ResourceSchema, ctx: AnalysisContext): Finding[] {
  let findings = NONE;
  const views = bodies(instance, schema);
  for (let v = 0; v < views.length; v++) {
    const body = views[v];
    for (let i = 0; i < body.attributes.length; i++) {
      const a = body.attributes[i];
      if (a.incomplete) continue;
      const ref = resourceRef(a.value);
      if (!ref) {
        if (hasInnerRefs(a.value)) findings = innerUndeclared(a.value, instance, body, a, ctx, findings, findings.length);
        continue;
      }
      if (namesIterator(body, a.value)) continue;
      const allowed = referencedTypes(body.schema.attributes[a.name]);
      const target = ctx.find(ref.kind, ref.type, ref.name);
      if (!target) {
        if (findings === NONE) findings = [];
        findings.push(undeclared(instance, a, ref, ctx, allowed));
        continue;
      }
      // `alicloud_vpc_bgp_group.g.group_id`: the type has no such attribute (Terraform: "Unsupported attribute").
      if (ref.attribute) {
        const unsupported = unsupportedAttribute(instance, a, ref, target, ctx);
        if (unsupported) {
          if (findings === NONE) findings = [];
          findings.push(unsupported);
          continue;
        }
      }
      // Only `.id` of another type is surely wrong: other attributes may hold the right ID
      // (`alicloud_express_connect_router_vbr_child_instance.x.child_instance_id` is a VBR ID).
      if (allowed && !allowed.includes(ref.type) && ref.attribute === 'id') {
        if (findings === NONE) findings = [];
        findings.push(wrongType(instance, a, ref, allowed));
        continue;
      }
      // `for_each` may iterate over all the instances of a repeated block: no key is wanted there.
      if (ref.key !== undefined || instance.language !== 'hcl' || a.name === 'for_each') continue;
      const repeated = repetition(target);
      // Declared twice (itself an error Terraform reports), the name does not say which block is meant.
      if (!repeated || ctx.declarations(ref.kind, ref.type, ref.name) > 1) continue;
      if (findings === NONE) findings = [];
      findings.push(missingKey(instance, a, ref, target, repeated));
    }
  }
  return findings;
}

/** `dynamic "timeouts" { iterator = my_t … }`: `my_t.value` in its content names the element, not a resource. */
function namesIterator(body: BodyView, v: Value): boolean {
  return body.iterators.length > 0 && v.kind === 'reference' && body.iterators.includes(v.path[0]);
}

/** Does a value hold references inside it (a call's arguments, a template, a list such as `depends_on`'s)? */
function hasInnerRefs(v: Value): boolean {
  if (v.kind === 'tuple') {
    for (let i = 0; i < v.items.length; i++) if (v.items[i].kind === 'reference' || hasInnerRefs(v.items[i])) return true;
    return false;
  }
  return (v.kind === 'unknown' || v.kind === 'object') && v.refs !== undefined;
}

/**
 * References to nothing written inside an argument's value (`coalesce(alicloud_vpc_bgp_group.nope.id, …)`,
 * `depends_on = [alicloud_vpc_bgp_group.nope]`): Terraform refuses them as it does a whole value. Reported on the
 * value, once per name, without fixes (a fix replaces a whole value). Only undeclared names: `length(g)` or
 * `g[*].id` rightly name a repeated block without a key. Indexed loops and no closure: a first analysis runs
 * this for every such argument of the module (see `rules/index.ts`). `first`: where this argument's findings
 * start in `findings`.
 */
function innerUndeclared(v: Value, instance: ResourceInstance, body: BodyView, a: Attribute, ctx: AnalysisContext, findings: Finding[], first: number): Finding[] {
  if (v.kind === 'tuple') {
    for (let i = 0; i < v.items.length; i++) findings = innerUndeclared(v.items[i], instance, body, a, ctx, findings, first);
  } else if (v.kind === 'reference') {
    const ref = resourceRef(v);
    if (!ref || namesIterator(body, v)) return findings;
    const target = ctx.find(ref.kind, ref.type, ref.name);
    // A declared block: an attribute it does not have (`coalesce(alicloud_vpc_bgp_group.g.idd, ...)`), as above.
    const f = !target ? undeclared(instance, a, ref, ctx, undefined, false) : ref.attribute ? unsupportedAttribute(instance, a, ref, target, ctx, false) : undefined;
    if (!f) return findings;
    // Once per name: the findings this value made so far are the ones from `first` on (same name, same message).
    for (let i = first; i < findings.length; i++) if (findings[i].message === f.message) return findings;
    if (findings === NONE) findings = [];
    findings.push(f);
  } else if ((v.kind === 'unknown' || v.kind === 'object') && v.refs) {
    for (let i = 0; i < v.refs.length; i++) findings = innerUndeclared(v.refs[i], instance, body, a, ctx, findings, first);
  }
  return findings;
}

// Made apart from the loop above (see `rules/index.ts`).
function missingKey(instance: ResourceInstance, a: Attribute, ref: ResourceRef, target: Declared, repeated: 'count' | 'for_each'): Finding {
  const prefix = ref.kind === 'data' ? 'data.' : '';
  // `g.east.id` over `{ east = ... }` meant the instance `g["east"]`: its key replaces the step, not added before it.
  const step = keyWrittenAsStep(ref, target);
  const key = step ? step.key : instanceKey(target, instance);
  const attribute = step ? step.attribute : ref.attribute;
  const named = `${prefix}${ref.type}.${ref.name}${key ?? '["key"]'}`;
  const example = named + (attribute ? '.' + attribute : '');
  return {
    code: 'missing-instance-key',
    severity: 'error',
    range: a.valueRange,
    message: `${prefix}${ref.type}.${ref.name} has "${repeated}": refer to one of its instances, such as ${example}`,
    fixes: key
      ? [{ title: `Refer to ${named}.${attribute || 'id'}`, edits: [{ kind: 'replaceValue', attribute: a, value: { kind: 'reference', resourceType: prefix + ref.type, resourceName: ref.name, attribute: attribute || 'id', key } }], preferred: true }]
      : [],
    instance,
  };
}

/**
 * How a reference from `a`, written as `ref`, names the block `type.name` instead: the instance key it needs under
 * the conditions the check above asks for one ('' for none) and the attribute after it; undefined when it needs a
 * key and none can be told. The key written is kept where the block is repeated the same way (`[1]` for `count`,
 * `["east"]` for `for_each`): another would point at another instance.
 */
function keyFor(instance: ResourceInstance, a: Attribute, ctx: AnalysisContext, ref: ResourceRef, type: string, name: string): { key: string; attribute: string } | undefined {
  const plain = { key: '', attribute: ref.attribute || 'id' };
  if (instance.language !== 'hcl') return plain;
  const target = ctx.find(ref.kind, type, name);
  const repeated = target && ctx.declarations(ref.kind, type, name) === 1 ? repetition(target) : undefined;
  if (!target || !repeated) return plain;
  const written = ref.key;
  if (written === '[*]' || (written && (repeated === 'count' ? /^\[\d+\]$/ : /^\["/).test(written))) return { key: written, attribute: plain.attribute };
  if (written === undefined) {
    const step = keyWrittenAsStep(ref, target);
    if (step) return { key: step.key, attribute: step.attribute || 'id' };
    if (a.name === 'for_each') return plain;
  }
  const key = instanceKey(target, instance);
  if (key === undefined) return undefined;
  // A key the model cannot read back (`[var.i]`, kept as `[?]`) is not traded for a literal one, which would
  // point elsewhere unseen; the key a repeated block writes (`[count.index]`, `[each.key]`) is the likely one.
  if (written === '[?]' && !/^\[(count|each)\./.test(key)) return undefined;
  return { key, attribute: plain.attribute };
}

/** How many declared names an undeclared reference's message and fixes offer. */
const MAX_CANDIDATES = 5;

/**
 * The `n` names closest to `name` by edit distance (ties in declaration order). Each name is measured only as
 * far as it could still beat the `n`-th best so far: a module of a thousand groups with thousands of broken
 * references (a Replace All half done) asks this thousands of times.
 */
function nearest(name: string, names: string[], n: number): string[] {
  const wanted = name.toLowerCase();
  const best: { c: string; d: number }[] = [];
  for (const c of names) {
    const bound = best.length < n ? Infinity : best[best.length - 1].d - 1;
    const d = boundedDistance(wanted, c.toLowerCase(), bound);
    if (d > bound) continue;
    let at = best.length;
    while (at > 0 && best[at - 1].d > d) at--;
    best.splice(at, 0, { c, d });
    if (best.length > n) best.pop();
  }
  return best.map((x) => x.c);
}

let row = new Int32Array(64);
let prev = new Int32Array(64);

/** Levenshtein distance, or `bound + 1` as soon as it must exceed `bound` (no allocation per call). */
function boundedDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  if (b.length + 1 > row.length) {
    row = new Int32Array(b.length * 2 + 2);
    prev = new Int32Array(b.length * 2 + 2);
  }
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > bound) return bound + 1;
    const t = prev;
    prev = row;
    row = t;
  }
  return prev[b.length];
}

/**
 * Does `stem` name the resource type itself: a tail of its words (`bgp_group`, `peer` of `alicloud_vpc_bgp_peer`), or
 * their initials (`vbr` of `..._virtual_border_router`)?
 */
function namesOwnType(stem: string, type: string): boolean {
  const words = type.split('_');
  for (let i = 1; i < words.length; i++) {
    const tail = words.slice(i);
    if (stem === tail.join('_') || stem === tail.map((w) => w[0]).join('')) return true;
  }
  return false;
}

/**
 * The finding when the first step after a known type's name (`idd` in `alicloud_vpc_bgp_group.g.idd`) is none of
 * its attributes or blocks, in any provider version the schema knows; with a fix to the closest one when the
 * reference is the whole value (`fixable`: a fix replaces a whole value).
 */
function unsupportedAttribute(instance: ResourceInstance, a: Attribute, ref: ResourceRef, target: Declared, ctx: AnalysisContext, fixable = true): Finding | undefined {
  // Terraform files only; a repeated block named without its key is `missing-instance-key`'s (`g.east.id` may
  // mean `g["east"]`).
  if (instance.language !== 'hcl' || (ref.key === undefined && repetition(target))) return undefined;
  const schema = ctx.schemas.get(ref.kind, ref.type);
  if (!schema) return undefined;
  const step = /^[^.[]*/.exec(ref.attribute)![0];
  if (!step || Object.hasOwn(schema.attributes, step) || (schema.blocks && Object.hasOwn(schema.blocks, step))) return undefined;
  const prefix = ref.kind === 'data' ? 'data.' : '';
  const names = Object.keys(schema.attributes);
  const match = closestMatch(step, names);
  let suggestion = match?.name;
  // Applied unasked only when it is no guess: no other name as close (`v.min_interval`: rx or tx?).
  let auto = !!match?.unique;
  // `g.bgp_group_id`, `v.vbr_id`: the block's own ID, which Terraform calls `id` (not `bgp_group_name`).
  if (step.endsWith('_id') && !suggestion?.endsWith('id') && Object.hasOwn(schema.attributes, 'id')) {
    suggestion = 'id';
    // Another ID (`g.vpc_id`, `v.peer_id`) is not the block's own: which was meant is a guess.
    auto = namesOwnType(step.slice(0, -3), ref.type);
  }
  const fixes: NeutralFix[] = suggestion && fixable
    ? [
        {
          title: `Refer to ${prefix}${ref.type}.${ref.name}${ref.key ?? ''}.${suggestion}${ref.attribute.slice(step.length)}`,
          edits: [{ kind: 'replaceValue', attribute: a, value: { kind: 'reference', resourceType: prefix + ref.type, resourceName: ref.name, attribute: suggestion + ref.attribute.slice(step.length), key: ref.key } }],
          preferred: true,
          auto,
        },
      ]
    : [];
  return {
    code: 'unsupported-attribute',
    severity: 'error',
    range: a.valueRange,
    message: `${prefix}${ref.type} has no attribute "${step}"` + (suggestion ? ` (did you mean "${suggestion}"?)` : ''),
    fixes,
    instance,
  };
}

function wrongType(instance: ResourceInstance, a: Attribute, ref: ResourceRef, allowed: string[]): Finding {
  const prefix = ref.kind === 'data' ? 'data.' : '';
  return {
    code: 'wrong-reference-type',
    severity: 'warning',
    range: a.valueRange,
    message: `"${a.name}" should refer to ${allowed.map((t) => `${article(t)} ${t}`).join(' or ')}, not to ${prefix}${ref.type}.${ref.name}`,
    fixes: [],
    instance,
  };
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/**
 * No such block in the module. The fixes name the blocks of the same type, and a block of the same name of a type
 * the argument takes when the type is not one of those (`alicloud_vpc_bgp_grup.a` → `alicloud_vpc_bgp_group.a`).
 */
function undeclared(instance: ResourceInstance, a: Attribute, ref: ResourceRef, ctx: AnalysisContext, allowed: string[] | undefined, fixable = true): Finding {
  const prefix = ref.kind === 'data' ? 'data.' : '';
  // Only names a reference can spell: a block label may hold anything, a traversal may not. The closest few: a
  // module of a thousand groups must not make each broken reference a thousand fixes and a 40 KB message.
  const spelled = ctx.declared(ref.kind, ref.type).filter((n) => IDENTIFIER.test(n));
  const candidates = spelled.length <= MAX_CANDIDATES ? spelled : nearest(ref.name, spelled, MAX_CANDIDATES);
  const more = spelled.length - candidates.length;
  const fixes: NeutralFix[] = [];
  // A fix names one instance of a repeated block, as `missing-instance-key` would want; none when it cannot say which.
  const referTo = (type: string, name: string, preferred: boolean) => {
    if (!fixable) return;
    const named = keyFor(instance, a, ctx, ref, type, name);
    if (named === undefined) return;
    const { key, attribute } = named;
    fixes.push({
      title: `Refer to ${prefix}${type}.${name}${key}`,
      edits: [{ kind: 'replaceValue', attribute: a, value: { kind: 'reference', resourceType: prefix + type, resourceName: name, attribute, key: key || undefined } }],
      preferred,
    });
  };
  for (const name of candidates) referTo(ref.type, name, candidates.length === 1);
  const sameName = allowed && !allowed.includes(ref.type) ? allowed.filter((t) => ctx.find(ref.kind, t, ref.name)) : [];
  for (const t of sameName) referTo(t, ref.name, fixes.length === 0 && sameName.length === 1);
  const declared = candidates.map((c) => `${prefix}${ref.type}.${c}`).concat(sameName.map((t) => `${prefix}${t}.${ref.name}`));
  return {
    code: 'undeclared-reference',
    severity: 'error',
    range: a.valueRange,
    message:
      `No ${ref.kind === 'data' ? 'data source' : 'resource'} ${prefix}${ref.type}.${ref.name} is declared in this module` +
      (declared.length ? ` (declared: ${declared.join(', ')}${more > 0 ? ` and ${more} more` : ''})` : ''),
    fixes,
    instance,
  };
}
