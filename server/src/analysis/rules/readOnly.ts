/** `read-only-argument`: an attribute only the provider sets (`status`, `bgp_peer_name`) written in configuration. */
import type { ResourceInstance } from '../../model/types';
import type { ResourceSchema } from '../../schema/types';
import type { Finding } from '../finding';
import { bodies } from './body';

export function readOnlyArguments(instance: ResourceInstance, schema: ResourceSchema): Finding[] {
  const findings: Finding[] = [];
  const views = bodies(instance, schema);
  for (let v = 0; v < views.length; v++) {
    const body = views[v];
    for (let i = 0; i < body.attributes.length; i++) {
      const a = body.attributes[i];
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
