/** `duplicate-argument` / `duplicate-block`: the same argument written twice, or a single block repeated. */
import type { ResourceInstance } from '../../model/types';
import type { ResourceSchema } from '../../schema/types';
import type { Finding } from '../finding';
import { bodies, indexOf } from './body';

export function duplicates(instance: ResourceInstance, schema: ResourceSchema): Finding[] {
  const findings: Finding[] = [];
  for (const body of bodies(instance, schema)) {
    const seen = new Map<string, number>();
    for (const a of body.attributes) {
      if (a.incomplete) continue;
      const first = seen.get(a.name);
      if (first === undefined) {
        seen.set(a.name, a.keyRange.start.line);
        continue;
      }
      findings.push({
        code: 'duplicate-argument',
        severity: 'error',
        range: a.keyRange,
        message: `"${a.name}" is already set on line ${first + 1}: an argument can be written only once`,
        fixes: [{ title: `Remove this duplicate ${a.name}`, edits: [{ kind: 'remove', attribute: a }], preferred: true }],
        tags: ['unnecessary'],
        instance,
      });
    }
    for (const [name, maxItems] of indexOf(body.schema).limited) {
      const bs = { maxItems };
      const blocks = body.blocks.filter((b) => b.name === name);
      if (blocks.length <= maxItems) continue;
      for (const extra of blocks.slice(maxItems)) {
        findings.push({
          code: 'duplicate-block',
          severity: 'error',
          range: extra.nameRange,
          message: `Only ${bs.maxItems} "${name}" block${bs.maxItems === 1 ? ' is' : 's are'} allowed here; this one repeats line ${blocks[0].nameRange.start.line + 1}`,
          fixes: [{ title: `Remove this ${name} block`, edits: [{ kind: 'removeBlock', block: extra }] }],
          instance,
        });
      }
    }
  }
  return findings;
}
