/**
 * Blocks whose body may hold only part of their arguments, the rest written elsewhere: a CDKTF config with a
 * spread (`...base`, `**kwargs`), a block of a Terraform override file (merged into the block of the same
 * address in another file), an argument a CDKTF program sets after building the construct. What seems missing
 * there may not be: a finding that rests on an argument's absence names it (`Finding.leftOut`: a required
 * argument, the argument a `requires` rule wants, one taken at its default).
 */
import type { Finding } from './finding';

/** Without the findings that rest on the absence of any argument. */
export function withoutMissing<F extends Finding>(findings: F[]): F[] {
  return findings.some((x) => x.leftOut !== undefined) ? findings.filter((x) => x.leftOut === undefined) : findings;
}

/** Without the findings that rest on the absence of one of `names` (arguments given elsewhere). */
export function withoutLeftOut<F extends Finding>(findings: F[], names: readonly string[]): F[] {
  const rests = (x: F) => (x.leftOut !== undefined && names.includes(x.leftOut)) || (x.restsOn !== undefined && names.includes(x.restsOn));
  return findings.some(rests) ? findings.filter((x) => !rests(x)) : findings;
}

/**
 * Terraform's override files (`override.tf`, `*_override.tf`, and their `.tf.json`): their blocks are merged
 * into the blocks of the same address in the module's other files.
 */
export function isOverrideFile(path: string): boolean {
  // As Terraform reads names: with this case only (`Override.tf` is a normal file).
  return /(^|[\\/])(override|[^\\/]*_override)\.tf(\.json)?$/.test(path);
}
