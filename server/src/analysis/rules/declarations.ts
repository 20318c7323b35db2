/**
 * `duplicate-declaration`: two Terraform blocks of one type and name in a module (a block copied and not renamed).
 * Terraform refuses the module ("Duplicate resource configuration": names are unique per type in a module), and
 * other blocks' references to the name read only the first. Each copy is reported, in whatever file it is: the
 * user decides which to rename. A CDKTF construct's name is its variable, which other scopes may reuse: not judged.
 */
import type { ResourceInstance } from '../../model/types';
import type { ResourceSchema } from '../../schema/types';
import type { AnalysisContext } from '../context';
import type { Finding } from '../finding';

const NONE: Finding[] = [];

export function duplicateDeclaration(instance: ResourceInstance, schema: ResourceSchema, ctx: AnalysisContext): Finding[] {
  if (instance.scoped) return scopedDuplicate(instance, ctx);
  if (instance.language !== 'hcl' || !instance.name || ctx.repeatedNames(instance.kind, instance.type) === 0) return NONE;
  const n = ctx.declarations(instance.kind, instance.type, instance.name);
  if (n < 2) return NONE;
  const what = instance.kind === 'data' ? 'data source' : 'resource';
  const address = `${instance.kind === 'data' ? 'data.' : ''}${instance.type}.${instance.name}`;
  return [
    {
      code: 'duplicate-declaration',
      severity: 'error',
      range: instance.nameRange,
      message: `${address} is declared ${n} times in this module: a ${what}'s name must be unique among the ${what}s of its type, and Terraform refuses the module ("Duplicate ${what} configuration"); rename all but one`,
      fixes: [],
      instance,
    },
  ];
}

/**
 * A data block of a `check` block whose name a data block of the module, or another check block's, already has:
 * Terraform keeps scoped data sources among the module's ("Resource names must be unique per type in each module,
 * including within check blocks", `configs/module.go`) and refuses the module ("Duplicate data configuration").
 * Reported on the scoped block, which declares nothing the module's index counts: against the module's data
 * block, the scoped one is the copy; between check blocks, each copy, as for other duplicates.
 */
function scopedDuplicate(instance: ResourceInstance, ctx: AnalysisContext): Finding[] {
  if (!instance.name) return NONE;
  if (ctx.declarations(instance.kind, instance.type, instance.name) === 0) {
    const n = ctx.scopedDeclarations?.(instance.type, instance.name) ?? 0;
    if (n < 2) return NONE;
    return [
      {
        code: 'duplicate-declaration',
        severity: 'error',
        range: instance.nameRange,
        message: `data.${instance.type}.${instance.name} is declared ${n} times in this module's check blocks: a data source's name must be unique among the data sources of its type in a module, check blocks included, and Terraform refuses the module ("Duplicate data \"${instance.type}\" configuration"); rename all but one`,
        fixes: [],
        instance,
      },
    ];
  }
  return [
    {
      code: 'duplicate-declaration',
      severity: 'error',
      range: instance.nameRange,
      message: `data.${instance.type}.${instance.name} is declared outside this check block too: a data source's name must be unique among the data sources of its type in a module, check blocks included, and Terraform refuses the module ("Duplicate data \"${instance.type}\" configuration"); rename one`,
      fixes: [],
      instance,
    },
  ];
}
