/**
 * `undeclared-reference`: an argument refers to a resource the module does not declare
 * (`alicloud_vpc_bgp_group.nope.id`), with fixes offering the ones that exist.
 * `wrong-reference-type`: `bgp_group_id` (or `router_id`…) refers to a resource of another type.
 */
import type { Attribute, ResourceInstance } from '../../model/types';
import type { AnalysisContext } from '../context';
import type { Finding } from '../finding';
import { ResourceRef, resourceRef } from '../references';
import type { BodyView } from './body';
import { referencedTypes } from './tables';

const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_-]*$/u;

/**
 * The finding for a complete argument of `body` whose value refers to a resource (the walk in `module.ts`
 * asks), or undefined.
 */
export function referenceFinding(instance: ResourceInstance, body: BodyView, a: Attribute, ctx: AnalysisContext): Finding | undefined {
  const ref = resourceRef(a.value);
  if (!ref) return undefined;
  const allowed = referencedTypes(body.schema.attributes[a.name]);
  // Only `.id` of another type is surely wrong: other attributes may hold the right ID
  // (`alicloud_express_connect_router_vbr_child_instance.x.child_instance_id` is a VBR ID).
  if (allowed && !allowed.includes(ref.type) && ref.attribute === 'id') return wrongType(instance, a, ref, allowed);
  if (ctx.find(ref.kind, ref.type, ref.name)) return undefined;
  return undeclared(instance, a, ref, ctx);
}

// Made apart from the check above (see `rules/index.ts`).
function wrongType(instance: ResourceInstance, a: Attribute, ref: ResourceRef, allowed: string[]): Finding {
  const prefix = ref.kind === 'data' ? 'data.' : '';
  return {
    code: 'wrong-reference-type',
    severity: 'warning',
    range: a.valueRange,
    message: `"${a.name}" should refer to ${allowed.map((t) => `a ${t}`).join(' or ')}, not to ${prefix}${ref.type}.${ref.name}`,
    fixes: [],
    instance,
  };
}

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
