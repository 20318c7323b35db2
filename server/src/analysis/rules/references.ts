/**
 * `undeclared-reference`: an argument refers to a resource the module does not declare
 * (`alicloud_vpc_bgp_group.nope.id`), with fixes offering the ones that exist.
 * `wrong-reference-type`: `bgp_group_id` (or `router_id`…) refers to a resource of another type.
 * `missing-instance-key`: a reference to a block with `count` or `for_each` names no instance
 * (`alicloud_vpc_bgp_group.g.id` for `g[0]`), which Terraform refuses ("Missing resource instance key").
 */
import type { Attribute, ResourceInstance } from '../../model/types';
import type { ResourceSchema } from '../../schema/types';
import type { AnalysisContext } from '../context';
import type { Finding } from '../finding';
import { instanceKey, repetition, ResourceRef, resourceRef } from '../references';
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
      const target = ctx.find(ref.kind, ref.type, ref.name);
      if (target) {
        if (ref.key !== undefined || instance.language !== 'hcl') continue;
        const repeated = repetition(target);
        // Declared twice (itself an error Terraform reports), the name does not say which block is meant.
        if (!repeated || ctx.declarations(ref.kind, ref.type, ref.name) > 1) continue;
        if (findings === NONE) findings = [];
        findings.push(missingKey(instance, a, ref, repeated));
        continue;
      }
      if (findings === NONE) findings = [];
      findings.push(undeclared(instance, a, ref, ctx));
    }
  }
  return findings;
}

// Made apart from the loop above (see `rules/index.ts`).
function missingKey(instance: ResourceInstance, a: Attribute, ref: ResourceRef, repeated: 'count' | 'for_each'): Finding {
  const prefix = ref.kind === 'data' ? 'data.' : '';
  const key = instanceKey(repeated, instance);
  const example = `${prefix}${ref.type}.${ref.name}${key ?? '["key"]'}${ref.attribute ? '.' + ref.attribute : ''}`;
  return {
    code: 'missing-instance-key',
    severity: 'error',
    range: a.valueRange,
    message: `${prefix}${ref.type}.${ref.name} has "${repeated}": refer to one of its instances, such as ${example}`,
    fixes: key
      ? [{ title: `Refer to ${example}`, edits: [{ kind: 'replaceValue', attribute: a, value: { kind: 'reference', resourceType: prefix + ref.type, resourceName: ref.name, attribute: ref.attribute || 'id', key } }], preferred: true }]
      : [],
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
