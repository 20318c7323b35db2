/**
 * `.tfvars` files assign variables, not arguments. Modules for these resources conventionally name
 * their variables after the arguments (`bfd_multi_hop`, `enable_bfd`), so a schema's `requires` rules
 * are applied when both variables are assigned literal values in the same file; nothing else is judged. Not in
 * a folder whose resources are all of other types (its variables feed something else); a folder that declares
 * none (a `tfvars/` folder, a root module calling the module) is judged.
 */
import type { Attribute } from '../model/types';
import type { AnalysisContext } from '../analysis/context';
import { fixValueOf, leftOutAsEmpty, literalEquals } from '../analysis/rules/crossField';
import type { Finding } from '../analysis/finding';

export function tfvarsFindings(assignments: Attribute[], ctx: AnalysisContext): Finding[] {
  const schemas = ctx.schemas;
  const byName = new Map<string, Attribute>();
  for (const a of assignments) if (!a.incomplete && !byName.has(a.name)) byName.set(a.name, a);
  const findings: Finding[] = [];
  for (const schema of schemas.all()) {
    if (!schema.rules?.length || (ctx.declared(schema.kind, schema.type).length === 0 && ctx.declaresAny?.())) continue;
    for (const rule of schema.rules) {
      if (rule.kind !== 'requires') continue;
      const trigger = byName.get(rule.attribute);
      const other = byName.get(rule.requires.attribute);
      if (!trigger || !other || trigger.value.kind === 'null') continue;
      if (leftOutAsEmpty(schema, rule.attribute, trigger.value)) continue;
      if (literalEquals(other.value, rule.requires.value) !== false) continue;
      findings.push({
        code: rule.code,
        severity: rule.severity,
        range: trigger.keyRange,
        message:
          rule.message.replace(/\{attribute\}/g, rule.attribute).replace(/\{requires\}/g, `${rule.requires.attribute} = ${JSON.stringify(rule.requires.value)}`) +
          ` (variables feeding ${schema.type})`,
        fixes: [
          { title: `Set ${rule.requires.attribute} = ${JSON.stringify(rule.requires.value)}`, edits: [{ kind: 'replaceValue', attribute: other, value: fixValueOf(rule.requires.value) }], preferred: true },
        ],
        tags: ['unnecessary'],
      });
    }
  }
  return findings;
}
