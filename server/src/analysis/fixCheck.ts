/**
 * A quick fix must not trade its finding for another error. Rules make their fixes from what they read, and two
 * rules can pull one argument opposite ways: a peer with an IPv6 address, `ip_version = "IPv4"` and an IPv4
 * group gets "Set ip_version = IPv6" from one rule, after which the other reports the group mismatch, whose own
 * fix sets it back. So before a fix is offered, its edits are made on a copy of the block's model and the block
 * is analysed again (its own rules and the module's); a fix after which an error code is reported more often
 * than before is withheld.
 */
import type { Attribute, ResourceInstance, Value } from '../model/types';
import { withAttributes, withValue } from '../model/types';
import type { AnalysisContext } from './context';
import type { Finding, FixValue, NeutralEdit, NeutralFix } from './finding';
import { analyzeInModule, analyzeInstance } from './rules';

/**
 * How Terraform sees a block as written, or as a fix's edits leave it (`edited`): merged with the override files'
 * blocks (`override.ts`). Without one, the block alone.
 */
export type TerraformView = (written: ResourceInstance, edited: ResourceInstance) => ResourceInstance;

/**
 * `findings` with every fix that would add an error to its block left out (the findings themselves stay), and the
 * fallback fixes too unless nothing else is left.
 */
export function withoutErrorMakingFixes(findings: Finding[], ctx: AnalysisContext, view: TerraformView = (_, edited) => edited): Finding[] {
  const before = new Map<ResourceInstance, Map<string, number>>();
  return findings.map((f) => {
    const instance = f.instance;
    if (!instance || f.fixes.length === 0) return f;
    let counts = before.get(instance);
    if (!counts) before.set(instance, (counts = errorCounts(view(instance, instance), ctx)));
    let kept = f.fixes.filter((fix) => !addsError(fix, instance, counts!, ctx, view));
    if (kept.some((fix) => !fix.fallback)) kept = kept.filter((fix) => !fix.fallback);
    return kept.length === f.fixes.length ? f : { ...f, fixes: kept };
  });
}

/** Would `fix` make the block's rules report some error code more often than `before` counts? */
function addsError(fix: NeutralFix, instance: ResourceInstance, before: Map<string, number>, ctx: AnalysisContext, view: TerraformView): boolean {
  const after = applied(instance, fix.edits);
  // An edit inside a nested block is not modelled here: such fixes are offered as they are.
  if (!after) return false;
  // A renamed argument can surface its value's own error (`enable_bf = "yes"`, renamed `enable_bfd`): that error
  // was there all along, hidden by the unknown name.
  const renamed = fix.edits.flatMap((e) => (e.kind === 'rename' ? [e.attribute.range.start.line] : []));
  const counts = errorCounts(view(instance, after), ctx, renamed);
  for (const [code, n] of counts) if (n > (before.get(code) ?? 0)) return true;
  return false;
}

/**
 * How many errors of each code the block's rules report, not counting those starting on `exceptLines`. Before and
 * after a fix alike, the rules' own findings, unfiltered: the caller's are filtered for the file (an override
 * file's missing arguments, a CDKTF spread's), and a count made one way must be compared with one made the same.
 */
function errorCounts(instance: ResourceInstance, ctx: AnalysisContext, exceptLines: readonly number[] = []): Map<string, number> {
  const counts = new Map<string, number>();
  for (const list of [analyzeInstance(instance, ctx), analyzeInModule(instance, ctx)]) {
    for (const f of list) {
      if (f.severity !== 'error' || exceptLines.includes(f.range.start.line)) continue;
      counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
    }
  }
  return counts;
}

/** The instance's model as the edits leave it, or undefined when an edit reaches inside a nested block. */
function applied(instance: ResourceInstance, edits: readonly NeutralEdit[]): ResourceInstance | undefined {
  let attributes: Attribute[] = instance.attributes;
  for (const e of edits) {
    switch (e.kind) {
      case 'set': {
        if (e.block) return undefined;
        const value = valueOf(e.value);
        const i = attributes.findIndex((a) => a.name === e.name);
        // A new argument: placed on the block's header line, where nothing else starts.
        const at = instance.headerRange;
        attributes =
          i >= 0
            ? attributes.map((a, k) => (k === i ? withValue(a, value) : a))
            : [...attributes, { name: e.name, sourceName: e.name, keyRange: at, value, valueRange: at, range: at }];
        break;
      }
      case 'replaceValue':
        if (!attributes.includes(e.attribute)) return undefined;
        attributes = attributes.map((a) => (a === e.attribute ? withValue(a, valueOf(e.value)) : a));
        break;
      case 'remove':
        if (!attributes.includes(e.attribute)) return undefined;
        attributes = attributes.filter((a) => a !== e.attribute);
        break;
      case 'rename': {
        if (!attributes.includes(e.attribute)) return undefined;
        const to = e.to;
        attributes = attributes.map((a) => (a === e.attribute ? { ...withValue(a, a.value), name: to, sourceName: to } : a));
        break;
      }
      case 'removeBlock':
        return undefined;
    }
  }
  return withAttributes(instance, attributes);
}

/** A fix's value as the model would read it once written. */
function valueOf(v: FixValue): Value {
  switch (v.kind) {
    case 'bool':
      return { kind: 'bool', value: v.value };
    case 'number':
      return { kind: 'number', value: v.value, raw: String(v.value) };
    case 'string':
      return { kind: 'string', value: v.value };
    case 'reference': {
      // An index the model knows as written (`[0]`, `["a"]`); any other (`[each.key]`) is `[?]`, as in `toModel.ts`.
      const key = v.key === undefined ? [] : [/^\[(\d+|"[^"]*")\]$/.test(v.key) ? v.key : '[?]'];
      const path = [v.resourceType, v.resourceName, ...key, ...v.attribute.split('.')];
      return { kind: 'reference', path, text: `${v.resourceType}.${v.resourceName}${v.key ?? ''}.${v.attribute}` };
    }
  }
}
