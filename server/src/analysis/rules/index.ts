/**
 * The entry points that run the rules over one instance: the local ones (`local.ts`) and the module ones
 * (`module.ts`), each set as one walk over the instance's arguments. Rules are pure functions.
 *
 * Rules run on every argument of every block, and most find nothing, so they are written to allocate
 * nothing then: lookups precomputed per schema (`body.ts` `indexOf`, `tables.ts`), conversions without
 * result objects (`literalText`…), and findings made in functions of their own. A callback inside a loop
 * that captures the loop's variables (`a`, `body`) makes V8 allocate a context for every iteration, even
 * when nothing is reported and the callback is never created. Hot loops index their arrays: until V8
 * optimizes a function, which is much of a first analysis, `for…of` allocates an iterator and a result per step.
 */
import type { ResourceInstance } from '../../model/types';
import type { AnalysisContext } from '../context';
import type { Finding } from '../finding';
import { localFindings } from './local';
import { moduleFindings } from './module';

const NONE: Finding[] = [];

/**
 * Rules that look beyond the instance (references, cross-resource rules, provider versions; `module.ts`):
 * cached per block only while what they read is unchanged (engine/trackedContext.ts). The array may be a
 * shared empty one: not to be filled.
 */
export function analyzeInModule(instance: ResourceInstance, ctx: AnalysisContext): Finding[] {
  const schema = ctx.schemas.get(instance.kind, instance.type);
  return schema ? moduleFindings(instance, schema, ctx) : NONE;
}

/**
 * Rules that read only the instance and its schema (required, unknown, duplicate, read-only, type, value and
 * cross-field checks, walked together in `local.ts`): their findings can be cached with the block. The
 * array may be a shared empty one: not to be filled.
 */
export function analyzeInstance(instance: ResourceInstance, ctx: AnalysisContext): Finding[] {
  const schema = ctx.schemas.get(instance.kind, instance.type);
  return schema ? localFindings(instance, schema, ctx) : NONE;
}
