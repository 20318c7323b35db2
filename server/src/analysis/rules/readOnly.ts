/** `read-only-argument`: an attribute only the provider sets (`status`, `bgp_peer_name`) written in configuration. */
import type { Attribute, ResourceInstance } from '../../model/types';
import type { ResourceSchema } from '../../schema/types';
import type { Finding } from '../finding';

/** Reported for every complete argument whose schema entry is `readOnly` (the walk in `local.ts` asks). */
export function readOnlyArgument(instance: ResourceInstance, schema: ResourceSchema, a: Attribute): Finding {
  const read = `read it as ${schema.kind === 'data' ? 'data.' : ''}${schema.type}.${instance.name || '<name>'}.${a.name}`;
  // Terraform accepts an `id` (optional+computed in every legacy-SDK schema); the provider ignores the value.
  const ignored = schema.attributes[a.name]?.ignoredIfWritten;
  return {
    code: 'read-only-argument',
    severity: ignored ? 'warning' : 'error',
    range: a.keyRange,
    message: ignored
      ? `"${a.name}" is set by the provider: a value written here is ignored (${read})`
      : `"${a.name}" is read-only: the provider sets it, so it cannot be written in configuration (${read})`,
    fixes: [{ title: `Remove ${a.name}`, edits: [{ kind: 'remove', attribute: a }], preferred: true, auto: true }],
    instance,
  };
}
