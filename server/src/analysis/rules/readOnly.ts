/** `read-only-argument`: an attribute only the provider sets (`status`, `bgp_peer_name`) written in configuration. */
import type { Attribute, ResourceInstance } from '../../model/types';
import type { ResourceSchema } from '../../schema/types';
import type { Finding } from '../finding';

/** Reported for every complete argument whose schema entry is `readOnly` (the walk in `local.ts` asks). */
export function readOnlyArgument(instance: ResourceInstance, schema: ResourceSchema, a: Attribute): Finding {
  return {
    code: 'read-only-argument',
    severity: 'error',
    range: a.keyRange,
    message: `"${a.name}" is read-only: the provider sets it, so it cannot be written in configuration (read it as ${schema.type}.${instance.name || '<name>'}.${a.name})`,
    fixes: [{ title: `Remove ${a.name}`, edits: [{ kind: 'remove', attribute: a }], preferred: true }],
    instance,
  };
}
