/**
 * The quick fixes of a finding on a value set after its construct is built (`peer.bfdMultiHop = 300`,
 * `peer.putTimeouts({...})`, `syntax/cdktf/laterValues.ts`), kept where they make sense written there: a new value
 * for the one argument set (the main fix), and inside a struct set later (`putTimeouts`) what its own body allows
 * (rename, add or remove an entry, as in the construct's config).
 *
 * Removing the argument set removes its whole statement (`CdktfInstance.removable`, `syntax/cdktf/statements.ts`):
 * offered for setting it at all being the mistake (read-only, not in the provider version), and for an override of a
 * name the resource lacks when no name is close enough to rename it to; not when the statement cannot go alone (the
 * body of an `if` without braces, other code on its line).
 *
 * Not offered: a fix that adds another argument of the construct (`Set enableBfd: true`: it belongs in the
 * construct's config, not in this statement), or renames the argument set (named by its property or setter; an
 * override's path is a string, which a rename rewrites: `"bfd_multihop"` -> `"bfd_multi_hop"`).
 */
import type { Finding, NeutralEdit, NeutralFix } from '../analysis/finding';
import { sameRange } from '../model/types';
import { isTopLevel, type CdktfBlock, type CdktfInstance } from '../syntax/cdktf/model';

function fits(e: NeutralEdit, instance: CdktfInstance): boolean {
  switch (e.kind) {
    case 'replaceValue':
      return true;
    case 'set':
      // Into a struct set later (written as one: not an override's `"timeouts.create"`), or a new value for the argument set.
      return e.block !== undefined ? (e.block as CdktfBlock).body !== undefined : instance.attributes.some((a) => a.name === e.name);
    case 'rename':
      // An override's misspelt path: the rename writes the string (`"bfd_multi_hop"`).
      return !isTopLevel(instance, e.attribute) || instance.terraformNames === true;
    case 'remove':
      return !isTopLevel(instance, e.attribute) || instance.removable !== undefined;
    case 'removeBlock':
      return !isTopLevel(instance, e.block) || instance.removable !== undefined;
  }
}

/** Does the fix remove the argument set, that is, the statement? */
function removesStatement(fix: NeutralFix, instance: CdktfInstance): boolean {
  return fix.edits.some((e) => (e.kind === 'remove' && isTopLevel(instance, e.attribute)) || (e.kind === 'removeBlock' && isTopLevel(instance, e.block)));
}

const REMOVE_TITLE = 'Remove this statement';

export function laterFixes(f: Finding, instance: CdktfInstance): NeutralFix[] {
  const fixes = f.fixes.filter((x) => x.edits.every((e) => fits(e, instance))).map((x) => (removesStatement(x, instance) ? { ...x, title: REMOVE_TITLE } : x));
  // An override of a name the resource lacks, and none close to it: the statement is what can go.
  if (f.code === 'unknown-argument' && !fixes.length && instance.removable && sameRange(f.range, instance.nameRange)) {
    const a = instance.attributes[0];
    const b = instance.blocks[0];
    const edit: NeutralEdit | undefined = a ? { kind: 'remove', attribute: a } : b ? { kind: 'removeBlock', block: b } : undefined;
    if (edit) fixes.push({ title: REMOVE_TITLE, edits: [edit] });
  }
  return fixes;
}
