/**
 * Schema names (snake_case) and the names each CDKTF language generates for them: camelCase properties in
 * TypeScript and Java, PascalCase in C# and Go, snake_case in Python. Names the schema knows are looked up in
 * a table (so `Id`, `localIpv6GatewayIp` round-trip exactly); anything else is converted by rule, so a typo
 * such as `bfdMultihop` becomes `bfd_multihop` and gets its did-you-mean.
 */
import type { BlockSchema, ResourceSchema } from '../../schema/types';
import type { CdktfLanguage } from './tokens';

/** Terraform meta-arguments in a CDKTF config (`TerraformMetaArguments` + `TerraformResourceConfig`). */
export const META_NAMES: Record<string, string> = {
  count: 'count',
  for_each: 'for_each',
  depends_on: 'depends_on',
  provider: 'provider',
  lifecycle: 'lifecycle',
  connection: 'connection',
  provisioners: 'provisioner',
};

/** Meta-arguments whose value is a nested configuration object (a block in HCL). */
export const META_BLOCK_NAMES = new Set(['lifecycle', 'connection', 'provisioner']);

export function camel(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function pascal(snake: string): string {
  const c = camel(snake);
  return c.charAt(0).toUpperCase() + c.slice(1);
}

/** `bfdMultiHop`, `BfdMultiHop`, `bfd_multi_hop`, `@Id` → `bfd_multi_hop`, `id`. */
export function snake(name: string): string {
  if (!/[A-Z@]/.test(name)) return name;
  return name
    .replace(/^@/, '')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** The name a language's generated bindings use for a schema name. */
export function languageName(lang: CdktfLanguage | 'hcl', schemaName: string): string {
  switch (lang) {
    case 'typescript':
    case 'java':
      return camel(schemaName);
    case 'csharp':
    case 'go':
      return pascal(schemaName);
    default:
      return schemaName;
  }
}

/** Maps names as written in one body (the config, or a nested block) to schema names. */
export class NameTable {
  private readonly bySource = new Map<string, string>();

  constructor(lang: CdktfLanguage, body: { attributes: Record<string, unknown>; blocks?: Record<string, unknown> } | undefined, root: boolean) {
    const names = [...Object.keys(body?.attributes ?? {}), ...Object.keys(body?.blocks ?? {})];
    for (const n of names) this.bySource.set(languageName(lang, n), n);
    if (root) for (const [meta, schemaName] of Object.entries(META_NAMES)) this.bySource.set(languageName(lang, meta), schemaName);
  }

  schemaName(source: string): string {
    return this.bySource.get(source) ?? this.bySource.get(source.replace(/^@/, '')) ?? snake(source);
  }
}

const tables = new WeakMap<object, Map<string, NameTable>>();

/** The table for a body of a schema (`path` '' for the root, `timeouts` for the block). */
export function nameTable(lang: CdktfLanguage, schema: ResourceSchema, body: ResourceSchema | BlockSchema | undefined, path: string): NameTable {
  let m = tables.get(schema);
  if (!m) tables.set(schema, (m = new Map()));
  const key = lang + ':' + path;
  let t = m.get(key);
  if (!t) m.set(key, (t = new NameTable(lang, body, path === '')));
  return t;
}
