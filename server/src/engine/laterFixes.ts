/**
 * The quick fixes of a finding on a value set after its construct is built (`peer.bfdMultiHop = 300`,
 * `peer.putTimeouts({...})`, `syntax/cdktf/laterValues.ts`), kept where they make sense written there: a new value
 * for the one argument set (the main fix), and inside a struct set later (`putTimeouts`) what its own body allows
 * (rename, add or remove an entry, as in the construct's config).
 *
 * Not offered: a fix that adds another argument of the construct (`Set enableBfd: true`: it belongs in the
 * construct's config, not in this statement), renames the argument set (named by its property or setter; an
 * override's path is a string, which a rename rewrites: `"bfd_multihop"` -> `"bfd_multi_hop"`) or removes it. Removing the set argument would mean removing its statement, which may be the body of an
 * `if` or share its line with other code: a finding on the argument set itself (read-only, not in the provider version) keeps no fix.
 */
import type { NeutralEdit, NeutralFix } from '../analysis/finding';
import type { CdktfBlock, CdktfInstance } from '../syntax/cdktf/model';

function fits(e: NeutralEdit, instance: CdktfInstance): boolean {
  const top = (x: unknown) => instance.attributes.includes(x as never) || instance.blocks.includes(x as never);
  switch (e.kind) {
    case 'replaceValue':
      return true;
    case 'set':
      // Into a struct set later (written as one: not an override's `"timeouts.create"`), or a new value for the argument set.
      return e.block !== undefined ? (e.block as CdktfBlock).body !== undefined : instance.attributes.some((a) => a.name === e.name);
    case 'rename':
      // An override's misspelt path: the rename writes the string (`"bfd_multi_hop"`).
      return !top(e.attribute) || instance.terraformNames === true;
    case 'remove':
      return !top(e.attribute);
    case 'removeBlock':
      return !top(e.block);
  }
}

export function laterFixes(fixes: NeutralFix[], instance: CdktfInstance): NeutralFix[] {
  return fixes.filter((f) => f.edits.every((e) => fits(e, instance)));
}
