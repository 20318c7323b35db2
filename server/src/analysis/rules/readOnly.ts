/** `read-only-argument`: an attribute only the provider sets (`status`, `bgp_peer_name`) written in configuration. */
import type { ResourceInstance } from '../../model/types';
import type { ResourceSchema } from '../../schema/types';
import type { Finding } from '../finding';
import { bodies } from './body';

export function readOnlyArguments(instance: ResourceInstance, schema: ResourceSchema): Finding[] {
  const findings: Finding[] = [];
  for (const body of bodies(instance, schema)) {
    for (const a of body.attributes) {
      if (a.incomplete || !body.schema.attributes[a.name]?.readOnly) continue;
      findings.push({
        code: 'read-only-argument',
        severity: 'error',
        range: a.keyRange,
        message: `"${a.name}" is read-only: the provider sets it, so it cannot be written in configuration (read it as ${schema.type}.${instance.name || '<name>'}.${a.name})`,
        fixes: [{ title: `Remove ${a.name}`, edits: [{ kind: 'remove', attribute: a }], preferred: true }],
        instance,
      });
    }
  }
  return findings;
}
