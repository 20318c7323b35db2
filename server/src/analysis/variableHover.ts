/**
 * Hover on a variable's name in a variable file (`.tfvars`, `.tfvars.json`): what the module's `variable` block
 * says of it (type, default, description, where), and the hover text of each argument of our resources that the
 * module sets to `var.<name>` (directly, through a local value or a type conversion: `engine/variableUses.ts`),
 * which is what the value ends up being checked as; and the arguments that use it in an expression, by name. A name no `variable` block
 * declares is said to be one: Terraform warns of its value and uses it nowhere.
 */
import type { AnalysisContext, DeclaredVariable, VariableUse } from './context';
import type { AttributeSchema, ResourceSchema } from '../schema/types';
import { attributeMarkdown } from './describe';

/** More lines of a default than this are cut in the hover. */
const MAX_DEFAULT_LINES = 12;
/** The blocks named per argument a variable is passed to (a module may have thousands of peers). */
const MAX_BLOCKS_NAMED = 5;

export function variableHover(name: string, ctx: AnalysisContext): string {
  const declared = ctx.variable?.(name);
  if (!declared) return undeclared(name, ctx);
  const lines = [`**variable "${name}"** · ${declared.typeText ?? (declared.declaredAt.line === undefined ? 'declared' : 'any type (no `type` given)')}`];
  if (declared.description) lines.push('', declared.description);
  const uses = ctx.variableUses?.(name) ?? [];
  lines.push('', ...facts(declared, isSecret(declared, uses, ctx)).map((f) => `- ${f}`));
  lines.push(...usesMarkdown(uses, ctx));
  return lines.join('\n');
}

/**
 * A variable whose value is a secret: declared `sensitive`, or passed to a sensitive argument (`auth_key`). Its
 * default is not shown (nor inserted by completion): secrets are never shown.
 */
export function isSecret(d: DeclaredVariable, uses: readonly VariableUse[], ctx: AnalysisContext): boolean {
  if (d.sensitive) return true;
  for (const u of uses) {
    const schema = ctx.schemas.get(u.kind, u.type);
    if (schema && attributeAt(schema, u.path)?.sensitive) return true;
  }
  return false;
}

function facts(d: DeclaredVariable, secret: boolean): string[] {
  if (d.declaredAt.line === undefined) return [`Declared in \`${d.declaredAt.file}\` (its type and default are not read from a JSON file)`];
  const out = [`Declared in \`${d.declaredAt.file}\` (line ${d.declaredAt.line + 1})`];
  if (d.typeText !== undefined && d.file !== d.declaredAt.file) out.push(`Type from \`${d.file}\``);
  if (d.defaultText === undefined) out.push('No default: a value must be given');
  else if (secret) out.push('Has a default (not shown: the value is a secret)');
  else {
    const from = d.defaultFile && d.defaultFile !== d.declaredAt.file ? ` (from \`${d.defaultFile}\`)` : '';
    // The lines after the first keep the indentation of the block they are written in: it goes.
    const text = d.defaultText.split('\n');
    const indent = Math.min(...text.slice(1).filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length));
    for (let i = 1; i < text.length; i++) text[i] = text[i].slice(Math.min(indent, /^[ \t]*/.exec(text[i])![0].length));
    if (text.length === 1) out.push(`Default${from}: \`${d.defaultText}\``);
    else {
      const shown = text.length > MAX_DEFAULT_LINES ? [...text.slice(0, MAX_DEFAULT_LINES), '  # ...'] : text;
      out.push(`Default${from}:\n\n  \`\`\`hcl\n${shown.map((l) => '  ' + l).join('\n')}\n  \`\`\``);
    }
  }
  return out;
}

function undeclared(name: string, ctx: AnalysisContext): string {
  const why =
    ctx.hasModuleFiles?.() === false
      ? 'This folder has no `.tf` files: the module that loads this file (with `-var-file`) declares its variables, and is not known here.'
      : `No \`variable "${name}"\` block in this folder's \`.tf\` files declares it: Terraform warns ("Value for undeclared variable") and uses the value nowhere.`;
  return [`**variable "${name}"** · not declared`, '', why].join('\n');
}

/**
 * Per argument (of a type, at a path) the module sets to the variable, with our schema's entry for it: the blocks
 * that do, then its hover text, which is what the value is checked as. Then the arguments that only use it in an
 * expression (or are set to it with no entry of ours, `count`), named and no more: their value is not the variable's.
 */
function usesMarkdown(uses: readonly VariableUse[], ctx: AnalysisContext): string[] {
  const passed = new Map<string, { schema: ResourceSchema; attribute: AttributeSchema; uses: VariableUse[] }>();
  const other = new Map<string, VariableUse[]>();
  for (const u of uses) {
    const schema = ctx.schemas.get(u.kind, u.type);
    // Not one of our resources: nothing of ours to say.
    if (!schema) continue;
    const key = `${u.kind} ${u.type} ${u.path} ${u.via ?? ''}`;
    const attribute = u.set ? attributeAt(schema, u.path) : undefined;
    if (!attribute) {
      const otherKey = key + (u.set ? ' set' : '');
      const group = other.get(otherKey);
      if (group) group.push(u);
      else other.set(otherKey, [u]);
      continue;
    }
    const group = passed.get(key);
    if (group) group.uses.push(u);
    else passed.set(key, { schema, attribute, uses: [u] });
  }
  const out: string[] = [];
  for (const { schema, attribute, uses: list } of passed.values()) {
    const dot = list[0].path.lastIndexOf('.');
    out.push('', '---', '', `Passed to \`${list[0].path}\`${through(list[0])} of ${blocksNamed(list)}:`, '', attributeMarkdown(list[0].path.slice(dot + 1), attribute, schema, list[0].path.slice(0, Math.max(dot, 0))));
  }
  if (other.size) {
    out.push('', '---', '');
    for (const list of other.values()) out.push(`- ${list[0].set ? 'Sets' : 'Used in'} \`${list[0].path}\`${through(list[0])} of ${blocksNamed(list)}`);
  }
  return out;
}

/** `(through local.asn)` when the argument reads the variable through a local value. */
function through(u: VariableUse): string {
  return u.via ? ` (through \`${u.via}\`)` : '';
}

/** The blocks of `list`, the first few by name and line. */
function blocksNamed(list: readonly VariableUse[]): string {
  const named = list.slice(0, MAX_BLOCKS_NAMED).map((u) => `\`${u.kind === 'data' ? 'data.' : ''}${u.type}.${u.name}\` (${u.file} line ${u.line + 1})`);
  return named.join(', ') + (list.length > MAX_BLOCKS_NAMED ? ` and ${list.length - MAX_BLOCKS_NAMED} more` : '');
}

/** The schema entry of an argument at `path` (`timeouts.create`), through nested blocks. */
function attributeAt(schema: ResourceSchema, path: string): AttributeSchema | undefined {
  const steps = path.split('.');
  let body: { attributes: Record<string, AttributeSchema>; blocks?: ResourceSchema['blocks'] } | undefined = schema;
  for (let i = 0; i < steps.length - 1 && body; i++) body = body.blocks && Object.hasOwn(body.blocks, steps[i]) ? body.blocks[steps[i]] : undefined;
  return body && Object.hasOwn(body.attributes, steps[steps.length - 1]) ? body.attributes[steps[steps.length - 1]] : undefined;
}
