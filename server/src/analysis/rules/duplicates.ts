/**
 * `duplicate-argument` / `duplicate-block`: the same argument written twice, or a single block repeated.
 * `repeated-argument`: an argument written again where the language keeps the last write (a CDKTF Java builder's
 * setter, a Python dict's key): legal, but the earlier value is ignored.
 */
import type { Attribute, Block, ResourceInstance, Value } from '../../model/types';
import type { Finding } from '../finding';
import type { BodyView } from './body';

/**
 * Bodies up to this long are scanned back for an earlier copy instead of keeping a Map per body: bodies are
 * short, and most have no duplicate to report. A longer body (generated code) gets the Map (`copiesOf`), so
 * that the scan never turns quadratic.
 */
const SCAN_LIMIT = 32;

/** The Map a long body's walk keeps of first copies, else undefined. */
export function copiesOf(attributes: Attribute[]): Map<string, Attribute> | undefined {
  return attributes.length > SCAN_LIMIT ? new Map<string, Attribute>() : undefined;
}

/** The first complete copy of the complete argument `attributes[i]` before it (the walk in `local.ts` asks). */
export function firstCopy(attributes: Attribute[], i: number, seen: Map<string, Attribute> | undefined): Attribute | undefined {
  const name = attributes[i].name;
  if (seen) {
    const first = seen.get(name);
    if (!first) seen.set(name, attributes[i]);
    return first;
  }
  for (let j = 0; j < i; j++) if (attributes[j].name === name && !attributes[j].incomplete) return attributes[j];
  return undefined;
}

export function duplicateArgument(instance: ResourceInstance, a: Attribute, first: Attribute): Finding {
  return {
    code: 'duplicate-argument',
    severity: 'error',
    range: a.keyRange,
    // No line number: positions here count from the block's chunk, and cached findings move with it.
    message: `"${a.name}" is already set above in this block: an argument can be written only once`,
    // Removing a copy that writes the first's value again changes nothing, so "fix all" may; another value is a choice.
    fixes: [{ title: `Remove this duplicate ${a.name}`, edits: [{ kind: 'remove', attribute: a }], preferred: true, auto: sameValue(a.value, first.value) }],
    tags: ['unnecessary'],
    instance,
  };
}

/** `a`, which a later write of its name overwrites (`ResourceInstance.overwritten`): its value counts for nothing. */
export function repeatedArgument(instance: ResourceInstance, a: Attribute): Finding {
  return {
    code: 'repeated-argument',
    severity: 'warning',
    range: a.keyRange,
    message: `"${a.name}" is set again further on, which replaces this value: only the last one counts`,
    // The value removed counts for nothing: the program means the same without it, unless computing it does
    // something (`.bgpGroupId(next())`): only a literal or a reference goes unasked.
    fixes: [{ title: `Remove this ignored ${a.name}`, edits: [{ kind: 'remove', attribute: a }], preferred: true, auto: inert(a.value) }],
    tags: ['unnecessary'],
    instance,
  };
}

/** Blocks of `body` beyond their schema's `maxItems` (once per body, after its arguments). */
export function duplicateBlocks(instance: ResourceInstance, body: BodyView, findings: Finding[]): void {
  const limited = body.index.limited;
  for (let l = 0; l < limited.length; l++) {
    const name = limited[l][0];
    const maxItems = limited[l][1];
    if (countNamed(body.blocks, name) > maxItems) extraBlocks(instance, body.blocks, name, maxItems, findings);
  }
}

// Made apart from the loop above (see `rules/index.ts`).
function extraBlocks(instance: ResourceInstance, all: Block[], name: string, maxItems: number, findings: Finding[]): void {
  const blocks = all.filter((b) => b.name === name);
  for (const extra of blocks.slice(maxItems)) {
    findings.push({
      code: 'duplicate-block',
      severity: 'error',
      range: extra.nameRange,
      message: `Only ${maxItems} "${name}" block${maxItems === 1 ? ' is' : 's are'} allowed here; this one repeats the one above`,
      fixes: [{ title: `Remove this ${name} block`, edits: [{ kind: 'removeBlock', block: extra }] }],
      instance,
    });
  }
}

function countNamed(blocks: Block[], name: string): number {
  let n = 0;
  for (let i = 0; i < blocks.length; i++) if (blocks[i].name === name) n++;
  return n;
}

/**
 * Is computing the value without effect: a literal or a reference, not a call, which may do something (CDKTF
 * reads a call chain such as `next()` or `group.getId()` as a reference too: its text shows the call).
 */
function inert(v: Value): boolean {
  return v.kind === 'string' || v.kind === 'number' || v.kind === 'bool' || v.kind === 'null' || (v.kind === 'reference' && !v.text.includes('('));
}

/** Do two values write the same literal, or the same reference? (Any other expression is not compared.) */
function sameValue(a: Value, b: Value): boolean {
  switch (a.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return b.kind === a.kind && b.value === a.value;
    case 'null':
      return b.kind === 'null';
    case 'reference':
      return b.kind === 'reference' && b.text === a.text && inert(a);
    default:
      return false;
  }
}
