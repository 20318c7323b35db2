/**
 * The entry points that run the rules over one instance: the local ones as one walk (`local.ts`), the module
 * ones listed here. Rules read only their arguments and return findings. A few keep their last input at
 * module level (the views of the last instance's bodies, the last reference read, the local walk's per-rule
 * buckets), valid only while one instance is checked: rules never call each other, and must not.
 *
 * Rules run on every argument of every block, and most find nothing, so they are written to allocate
 * nothing then: lookups precomputed per schema (`body.ts` `indexOf`, `tables.ts`), conversions without
 * result objects (`literalText`…), and findings made in functions of their own. A callback inside a loop
 * that captures the loop's variables (`a`, `body`) makes V8 allocate a context for every iteration, even
 * when nothing is reported and the callback is never created. Hot loops index their arrays: until V8
 * optimizes a function, which is much of a first analysis, `for…of` allocates an iterator and a result per step.
 */
import type { ResourceInstance } from '../../model/types';
import type { ResourceSchema } from '../../schema/types';
import type { AnalysisContext } from '../context';
import type { Finding } from '../finding';
import { duplicateDeclaration } from './declarations';
import { crossResourceRules } from './crossResource';
import { localFindings } from './local';
import { references } from './references';
import { argumentVersionFindings, versionFindings } from './versions';

const NONE: Finding[] = [];

export type Rule = (instance: ResourceInstance, schema: ResourceSchema, ctx: AnalysisContext) => Finding[];

/** Rules that look beyond the instance (other resources, the provider version): cached per block only while what they read is unchanged (engine/trackedContext.ts). */
export const MODULE_RULES: Rule[] = [duplicateDeclaration, references, crossResourceRules, versionFindings];

/** Findings of the module rules; the array may be a shared empty one: not to be filled. */
export function analyzeInModule(instance: ResourceInstance, ctx: AnalysisContext): Finding[] {
  return run(MODULE_RULES, instance, ctx);
}

/**
 * Of the module rules, those about the arguments written: the provider version's (`newer-than-provider`...). A value
 * a CDKTF program sets after building its construct is judged by them too, where it is set; the other module rules
 * are about the construct as a whole. The array may be a shared empty one: not to be filled.
 */
export function analyzeArgumentVersions(instance: ResourceInstance, ctx: AnalysisContext): Finding[] {
  const schema = ctx.schemas.get(instance.kind, instance.type);
  return schema ? argumentVersionFindings(instance, schema, ctx) : NONE;
}

/**
 * Rules that read only the instance and its schema (required, unknown, duplicate, read-only, type, value and
 * cross-field checks, walked together in `local.ts`): their findings can be cached with the block. The
 * array may be a shared empty one: not to be filled.
 */
export function analyzeInstance(instance: ResourceInstance, ctx: AnalysisContext): Finding[] {
  const schema = ctx.schemas.get(instance.kind, instance.type);
  return schema ? localFindings(instance, schema, ctx) : [];
}

function run(rules: Rule[], instance: ResourceInstance, ctx: AnalysisContext): Finding[] {
  const schema = ctx.schemas.get(instance.kind, instance.type);
  if (!schema) return NONE;
  // Most rules find nothing (and return a shared empty array): copy into a fresh array only what they find.
  let findings: Finding[] = NONE;
  for (let r = 0; r < rules.length; r++) {
    const found = rules[r](instance, schema, ctx);
    for (let i = 0; i < found.length; i++) {
      if (findings === NONE) findings = [];
      findings.push(found[i]);
    }
  }
  return findings;
}
