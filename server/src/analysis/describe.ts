/** Markdown descriptions of schema entries, shared by hover and completion documentation. */
import type { Language } from '../model/types';
import type { AttributeSchema, BlockSchema, ResourceSchema } from '../schema/types';

export function attributeSummary(a: AttributeSchema): string {
  const parts: string[] = [a.type];
  parts.push(a.readOnly ? 'read-only' : a.required ? 'required' : 'optional');
  if (a.computed && !a.readOnly) parts.push('computed');
  if (a.forceNew) parts.push('forces replacement');
  return parts.join(' · ');
}

export function attributeFacts(a: AttributeSchema): string[] {
  const facts: string[] = [];
  if (a.ranges?.length) {
    const r = a.ranges.map((x) => (x.min === x.max ? String(x.min) : `${x.min}–${x.max}`)).join(', ');
    facts.push(`Allowed: ${r}${a.integer ? ' (whole numbers)' : ''}`);
  } else if (a.integer) facts.push('Whole numbers only');
  if (a.reserved?.length) facts.push(`Not allowed: ${a.reserved.map((r) => `${r.value} (${r.reason})`).join(', ')}`);
  if (a.enum) facts.push(`Values: ${a.enum.map((e) => '`' + e + '`').join(', ')}${a.enumCaseInsensitive ? ' (any case)' : ''}`);
  if (a.format) facts.push(`Format: ${FORMAT_NAMES[a.format]}`);
  if (a.minLength !== undefined || a.maxLength !== undefined) facts.push(`Length: ${a.minLength ?? 0}–${a.maxLength ?? '∞'} characters`);
  if (a.emptyMeansUnset) facts.push('`""` is the same as leaving it out: the provider sends nothing for it.');
  if (a.default !== undefined && !a.sensitive) facts.push(`Default: \`${String(a.default)}\``);
  if (a.forceNew) facts.push('Changing it destroys and re-creates the resource (ForceNew).');
  if (a.sensitive) facts.push('Sensitive: keep it out of code and logs (use a variable marked `sensitive`).');
  facts.push(...versionFacts(a));
  return facts;
}

export function versionFacts(v: { since?: string; absentUntil?: string; deprecated?: { since: string; message: string }; removed?: string }): string[] {
  const facts: string[] = [];
  if (v.since) facts.push(`Since provider ${v.since}.`);
  if (v.absentUntil) facts.push(`Not in provider ${v.absentUntil} or older.`);
  if (v.deprecated) facts.push(`Deprecated since ${v.deprecated.since}: ${v.deprecated.message}`);
  if (v.removed) facts.push(`Removed in provider ${v.removed}.`);
  return facts;
}

const FORMAT_NAMES: Record<string, string> = {
  ip: 'IPv4 or IPv6 address',
  ipv4: 'IPv4 address',
  ipv6: 'IPv6 address',
  netmask: 'dotted netmask (255.255.255.252)',
  duration: 'duration (`10m`, `1h30m`, `90s`)',
  regex: 'regular expression',
};

export function attributeMarkdown(name: string, a: AttributeSchema, schema: ResourceSchema, path = ''): string {
  const lines = [`**${path ? path + '.' : ''}${name}** · ${attributeSummary(a)}`, '', a.description];
  const facts = attributeFacts(a);
  if (facts.length) lines.push('', ...facts.map((f) => `- ${f}`));
  lines.push('', `[${schema.type} documentation](${schema.docsUrl}#${name})`);
  return lines.join('\n');
}

export function blockMarkdown(name: string, b: BlockSchema, schema: ResourceSchema): string {
  const keys = Object.entries(b.attributes).map(([k, a]) => `- \`${k}\` · ${a.type}${a.default !== undefined ? ` (default \`${String(a.default)}\`)` : ''}`);
  return [`**${name}** block${b.maxItems === 1 ? ' (at most one)' : ''}`, '', b.description, '', ...keys, '', `[${schema.type} documentation](${schema.docsUrl})`].join('\n');
}

/**
 * The resource type's description. In a CDKTF `language` its import is the construct's (`importFrom`, or the
 * class's `generateConfigForImport`), not Terraform's `import` block.
 */
export function resourceMarkdown(schema: ResourceSchema, language: Language = 'hcl'): string {
  const lines = [`**${schema.kind === 'data' ? 'data source' : 'resource'} ${schema.type}** — ${schema.title}`, '', schema.description];
  const facts = versionFacts(schema);
  if (facts.length) lines.push('', ...facts);
  const required = Object.entries(schema.attributes).filter(([, a]) => a.required).map(([n]) => '`' + n + '`');
  if (required.length) lines.push('', `Required: ${required.join(', ')}`);
  if (schema.import && language !== 'hcl') {
    // The description says what the ID is, then how Terraform's CLI uses it: only the first part holds here.
    const what = schema.import.idDescription.split(/\s+Use it with\b/)[0];
    lines.push('', `**Import**: ${what}`, '', ...cdktfImport(language, schema.type, schema.import.idExample));
  } else if (schema.import) {
    lines.push(
      '',
      `**Import**: ${schema.import.idDescription}`,
      '',
      '```hcl',
      `import {\n  to = ${schema.type}.example\n  id = "${schema.import.idExample}"\n}`,
      '```',
      '',
      `or \`terraform import ${schema.type}.example ${schema.import.idExample}\``,
    );
  }
  lines.push('', `[Documentation](${schema.docsUrl})`);
  return lines.join('\n');
}

/** Terraform meta-arguments, by name (a Map: a name written in a block, such as `toString`, must find nothing). */
export const META_DOCS = new Map<string, string>([
  ['count', '**count** (Terraform meta-argument) · number\n\nCreates that many instances of the resource; `count.index` numbers them.'],
  ['for_each', '**for_each** (Terraform meta-argument) · map or set of strings\n\nCreates one instance per element; `each.key` and `each.value` refer to it.'],
  ['depends_on', '**depends_on** (Terraform meta-argument) · list of references\n\nDependencies Terraform cannot see from references.'],
  ['provider', '**provider** (Terraform meta-argument) · provider reference\n\nSelects a non-default provider configuration, such as `alicloud.hangzhou`.'],
  ['lifecycle', '**lifecycle** (Terraform meta-argument block)\n\n`create_before_destroy`, `prevent_destroy`, `ignore_changes`, `replace_triggered_by`, preconditions and postconditions.'],
]);

/** The CDKTF ways to import an existing resource into a construct, in `language`'s syntax. */
function cdktfImport(language: Exclude<Language, 'hcl'>, type: string, id: string): string[] {
  const cls = type.replace(/^alicloud_/, '').replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
  const q = JSON.stringify(id);
  const [adopt, generate] =
    language === 'python'
      ? [`construct.import_from(${q})`, `${cls}.generate_config_for_import(self, "name", ${q})`]
      : language === 'csharp'
        ? [`construct.ImportFrom(${q});`, `${cls}.GenerateConfigForImport(this, "name", ${q});`]
        : language === 'go'
          ? [`construct.ImportFrom(jsii.String(${q}), nil)`, `${cls.toLowerCase()}.${cls}_GenerateConfigForImport(stack, jsii.String("name"), jsii.String(${q}), nil)`]
          : [`construct.importFrom(${q});`, `${cls}.generateConfigForImport(this, "name", ${q});`];
  const fence = language === 'csharp' ? 'csharp' : language;
  return ['On an existing construct:', '', '```' + fence, adopt, '```', '', `or generate its configuration (\`cdktf plan\` writes it):`, '', '```' + fence, generate, '```'];
}
