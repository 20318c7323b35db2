/**
 * Blocks whose body may hold only part of their arguments, the rest written elsewhere: a CDKTF config with a
 * spread (`...base`, `**kwargs`), a block of a Terraform override file (merged into the block of the same
 * address in another file). What seems missing there may not be: a required argument, the argument a
 * `requires` rule wants, or one a finding takes at its default (`Finding.leftOut`).
 */
import type { Range, ResourceInstance } from '../model/types';
import type { ResourceSchema } from '../schema/types';
import type { Finding } from './finding';

export function withoutMissing<F extends Finding>(instance: ResourceInstance, schema: ResourceSchema | undefined, findings: F[]): F[] {
  if (findings.length === 0) return findings;
  const written = new Set(instance.attributes.map((a) => a.name));
  const wantsAbsent = new Set((schema?.rules ?? []).filter((r) => r.kind === 'requires' && !written.has(r.requires.attribute)).map((r) => r.code));
  const h = instance.headerRange;
  const onHeader = (r: Range) => r.start.line === h.start.line && r.start.character === h.start.character && r.end.line === h.end.line && r.end.character === h.end.character;
  return findings.filter((x) => !(x.code === 'missing-required' && onHeader(x.range)) && !wantsAbsent.has(x.code) && x.leftOut === undefined);
}

/**
 * Terraform's override files (`override.tf`, `*_override.tf`, and their `.tf.json`): their blocks are merged
 * into the blocks of the same address in the module's other files.
 */
export function isOverrideFile(path: string): boolean {
  return /(^|[\\/])(override|[^\\/]*_override)\.tf(\.json)?$/i.test(path);
}
