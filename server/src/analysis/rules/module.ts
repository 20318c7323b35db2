/**
 * The rules that read the module (references, cross-resource rules, provider versions), run like the local
 * ones (`local.ts`): one walk over the instance's arguments serves the references and the version checks,
 * and the findings come out as if each rule had run alone, references first, then the cross-resource
 * rules, then versions.
 */
import type { ResourceInstance } from '../../model/types';
import type { ResourceSchema } from '../../schema/types';
import type { AnalysisContext } from '../context';
import type { Finding } from '../finding';
import { bodies } from './body';
import { crossResourceRules } from './crossResource';
import { referenceFinding } from './references';
import { argumentVersionFinding, typeVersionFinding } from './versions';

const NONE: Finding[] = [];

/** References and versions found for the instance being walked (emptied at the start of each walk). */
const refs: Finding[] = [];
const versions: Finding[] = [];

/** Every finding of the module rules for one instance: a fresh array, or a shared empty one (never to be filled). */
export function moduleFindings(instance: ResourceInstance, schema: ResourceSchema, ctx: AnalysisContext): Finding[] {
  refs.length = 0;
  versions.length = 0;
  const version = ctx.providerVersion;
  if (version) {
    const f = typeVersionFinding(instance, schema, version);
    if (f) versions.push(f);
  }
  const views = bodies(instance, schema);
  for (let v = 0; v < views.length; v++) {
    const body = views[v];
    const attributes = body.attributes;
    for (let i = 0; i < attributes.length; i++) {
      const a = attributes[i];
      if (a.incomplete) continue;
      const r = referenceFinding(instance, body, a, ctx);
      if (r) refs.push(r);
      if (!version) continue;
      const s = body.schema.attributes[a.name];
      const f = s && argumentVersionFinding(instance, body, a, s, version);
      if (f) versions.push(f);
    }
  }
  const cross = crossResourceRules(instance, schema, ctx);
  let out = NONE;
  for (let r = 0; r < 3; r++) {
    const found = r === 0 ? refs : r === 1 ? cross : versions;
    for (let i = 0; i < found.length; i++) {
      if (out === NONE) out = [];
      out.push(found[i]);
    }
  }
  return out;
}
