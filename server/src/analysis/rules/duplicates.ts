/** `duplicate-argument` / `duplicate-block`: the same argument written twice, or a single block repeated. */
import type { Attribute, Block, ResourceInstance } from '../../model/types';
import type { ResourceSchema } from '../../schema/types';
import type { Finding } from '../finding';
import { bodies } from './body';

const SCAN_LIMIT = 32;

export function duplicates(instance: ResourceInstance, schema: ResourceSchema): Finding[] {
  const findings: Finding[] = [];
  const views = bodies(instance, schema);
  for (let v = 0; v < views.length; v++) {
    const body = views[v];
    const attributes = body.attributes;
    // Scanning back instead of a Map per body: bodies are short, and most have no duplicate to report.
    // A long body (generated code) gets the Map, so that the scan never turns quadratic.
    const seen = attributes.length > SCAN_LIMIT ? new Map<string, Attribute>() : undefined;
    for (let i = 0; i < attributes.length; i++) {
      const a = attributes[i];
      if (a.incomplete) continue;
      const first = seen ? seen.get(a.name) : earlier(attributes, i);
      if (!first) {
        seen?.set(a.name, a);
        continue;
      }
      findings.push({
        code: 'duplicate-argument',
        severity: 'error',
        range: a.keyRange,
        message: `"${a.name}" is already set on line ${first.keyRange.start.line + 1}: an argument can be written only once`,
        fixes: [{ title: `Remove this duplicate ${a.name}`, edits: [{ kind: 'remove', attribute: a }], preferred: true }],
        tags: ['unnecessary'],
        instance,
      });
    }
    const limited = body.index.limited;
    for (let l = 0; l < limited.length; l++) {
      const name = limited[l][0];
      const maxItems = limited[l][1];
      if (countNamed(body.blocks, name) > maxItems) duplicateBlocks(instance, body.blocks, name, maxItems, findings);
    }
  }
  return findings;
}

// Made apart from the loop above (see `rules/index.ts`).
function duplicateBlocks(instance: ResourceInstance, all: Block[], name: string, maxItems: number, findings: Finding[]): void {
  const blocks = all.filter((b) => b.name === name);
  for (const extra of blocks.slice(maxItems)) {
    findings.push({
      code: 'duplicate-block',
      severity: 'error',
      range: extra.nameRange,
      message: `Only ${maxItems} "${name}" block${maxItems === 1 ? ' is' : 's are'} allowed here; this one repeats line ${blocks[0].nameRange.start.line + 1}`,
      fixes: [{ title: `Remove this ${name} block`, edits: [{ kind: 'removeBlock', block: extra }] }],
      instance,
    });
  }
}

/** The first complete attribute before `i` with the same name. */
function earlier(attributes: Attribute[], i: number): Attribute | undefined {
  const name = attributes[i].name;
  for (let j = 0; j < i; j++) if (attributes[j].name === name && !attributes[j].incomplete) return attributes[j];
  return undefined;
}

function countNamed(blocks: Block[], name: string): number {
  let n = 0;
  for (let i = 0; i < blocks.length; i++) if (blocks[i].name === name) n++;
  return n;
}
