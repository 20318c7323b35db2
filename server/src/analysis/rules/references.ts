/**
 * `undeclared-reference`: an argument refers to a resource the module does not declare
 * (`alicloud_vpc_bgp_group.nope.id`), with fixes offering the ones that exist.
 * `wrong-reference-type`: `bgp_group_id` (or `router_id`…) refers to a resource of another type.
 */
import type { Attribute, ResourceInstance } from '../../model/types';
import type { ResourceSchema } from '../../schema/types';
import type { AnalysisContext } from '../context';
import type { Finding } from '../finding';
import { ResourceRef, resourceRef } from '../references';
import { bodies } from './body';
import { referencedTypes } from './tables';

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
      if (!ref) continue;
      const prefix = ref.kind === 'data' ? 'data.' : '';
      const allowed = referencedTypes(body.schema.attributes[a.name]);
      // Only `.id` of another type is surely wrong: other attributes may hold the right ID
      // (`alicloud_express_connect_router_vbr_child_instance.x.child_instance_id` is a VBR ID).
      if (allowed && !allowed.includes(ref.type) && ref.attribute === 'id') {
        if (findings === NONE) findings = [];
        findings.push({
          code: 'wrong-reference-type',
          severity: 'warning',
          range: a.valueRange,
          message: `"${a.name}" should refer to ${allowed.map((t) => `a ${t}`).join(' or ')}, not to ${prefix}${ref.type}.${ref.name}`,
          fixes: [],
          instance,
        });
        continue;
      }
      if (ctx.find(ref.kind, ref.type, ref.name)) continue;
      if (findings === NONE) findings = [];
      findings.push(undeclared(instance, a, ref, ctx));
    }
  }
  return findings;
}

// Made apart from the loop above (see `rules/index.ts`).
function undeclared(instance: ResourceInstance, a: Attribute, ref: ResourceRef, ctx: AnalysisContext): Finding {
  const prefix = ref.kind === 'data' ? 'data.' : '';
  // Only names a reference can spell: a block label may hold anything, a traversal may not.
  const candidates = ctx.declared(ref.kind, ref.type).filter((n) => IDENTIFIER.test(n));
  return {
    code: 'undeclared-reference',
    severity: 'error',
    range: a.valueRange,
    message:
      `No ${ref.kind === 'data' ? 'data source' : 'resource'} ${prefix}${ref.type}.${ref.name} is declared in this module` +
      (candidates.length ? ` (declared: ${candidates.map((c) => `${prefix}${ref.type}.${c}`).join(', ')})` : ''),
    fixes: candidates.map((name) => ({
      title: `Refer to ${prefix}${ref.type}.${name}`,
      edits: [{ kind: 'replaceValue', attribute: a, value: { kind: 'reference', resourceType: prefix + ref.type, resourceName: name, attribute: ref.attribute || 'id' } }],
      preferred: candidates.length === 1,
    })),
    instance,
  };
}
