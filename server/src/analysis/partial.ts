/**
 * Blocks whose body may hold only part of their arguments, the rest written elsewhere: a CDKTF config with a
 * spread (`...base`, `**kwargs`), a block of a Terraform override file (merged into the block of the same
 * address in another file). What seems missing there may not be: a required argument, or one a finding rests on
 * the absence of (`Finding.leftOut`: the argument a `requires` rule wants, one taken at its default).
 */
import type { Range, ResourceInstance } from '../model/types';
import type { Finding } from './finding';

export function withoutMissing<F extends Finding>(instance: ResourceInstance, findings: F[]): F[] {
  if (findings.length === 0) return findings;
  const h = instance.headerRange;
  const onHeader = (r: Range) => r.start.line === h.start.line && r.start.character === h.start.character && r.end.line === h.end.line && r.end.character === h.end.character;
  return findings.filter((x) => !(x.code === 'missing-required' && onHeader(x.range)) && x.leftOut === undefined);
}

/** Without the findings that rest on the absence of one of `names` (arguments given elsewhere). */
export function withoutLeftOut<F extends Finding>(findings: F[], names: readonly string[]): F[] {
  return findings.some((x) => x.leftOut !== undefined && names.includes(x.leftOut)) ? findings.filter((x) => x.leftOut === undefined || !names.includes(x.leftOut)) : findings;
}

/**
 * Terraform's override files (`override.tf`, `*_override.tf`, and their `.tf.json`): their blocks are merged
 * into the blocks of the same address in the module's other files.
 */
export function isOverrideFile(path: string): boolean {
  return /(^|[\\/])(override|[^\\/]*_override)\.tf(\.json)?$/i.test(path);
}
