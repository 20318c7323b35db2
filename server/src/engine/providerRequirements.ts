/**
 * What a module's files say of the alicloud provider's version and source, read apart per file and merged as
 * Terraform merges a module: the primary files' `required_providers` entries and legacy `provider "alicloud"`
 * versions all together, then each override file in turn replacing the entries of the local names it writes and
 * the versions of the provider blocks it writes. The module's constraint is every version left (Terraform installs
 * only a version that all of them allow), joined (`joinConstraints`).
 */
import type { BlockNode, BodyItem, Expr } from '../syntax/hcl/ast';

/** One `required_providers` entry, of any provider: an override's entry replaces the base's of its local name. */
export interface RequiredEntry {
  name: string;
  source?: string;
  version?: string;
}

/** What one file (or one of its chunks) says. */
export interface ProviderSaid {
  required: readonly RequiredEntry[];
  /** The `version` of each `provider "alicloud"` block (Terraform 0.12's place for it, still obeyed), by alias ('': none). */
  legacy: readonly (readonly [alias: string, version: string])[];
}

/**
 * The provider's address: `aliyun/alicloud`, or `hashicorp/alicloud`, the namespace Terraform gives a module that
 * names `alicloud` without a `required_providers` source (the registry's old home of the same provider, with the
 * same version numbers).
 */
export const ALICLOUD = /(^|\/)(aliyun|hashicorp)\/alicloud$/;

/** Is a `required_providers` entry the alicloud provider: by its `source`, or by its name when it has none? */
export function isAlicloudEntry(name: string, source: string | undefined): boolean {
  return source ? ALICLOUD.test(source) : name === 'alicloud';
}

/** The blocks of `items` of one type (`terraform`, `provider`, `module`). */
export function blocks(items: BodyItem[], name: string): BlockNode[] {
  return items.filter((i): i is BlockNode => i.type === 'Block' && i.name === name);
}

export function stringLiteral(e: Expr | undefined): string | undefined {
  return e?.type === 'Literal' && typeof e.value === 'string' ? e.value : undefined;
}

const trimmed = (s: string | undefined) => s?.trim() || undefined;

/** What HCL items (a file's, a chunk's) say; undefined when nothing. */
export function providerSaidIn(items: BodyItem[]): ProviderSaid | undefined {
  const required: RequiredEntry[] = [];
  for (const t of blocks(items, 'terraform')) {
    for (const rp of blocks(t.body, 'required_providers')) {
      for (const item of rp.body) {
        if (item.type !== 'Attribute') continue;
        // Terraform 0.12's form, still accepted: `alicloud = "~> 1.230"` (a version constraint alone).
        const alone = stringLiteral(item.expr);
        if (alone !== undefined) required.push({ name: item.name, version: trimmed(alone) });
        if (item.expr?.type !== 'Object') continue;
        const fields = new Map(item.expr.items.map((i) => [stringLiteral(i.key) ?? '', i.value]));
        required.push({ name: item.name, source: stringLiteral(fields.get('source')), version: trimmed(stringLiteral(fields.get('version'))) });
      }
    }
  }
  const legacy: [string, string][] = [];
  for (const b of blocks(items, 'provider')) {
    if (b.labels[0]?.value !== 'alicloud') continue;
    let alias = '';
    let version: string | undefined;
    for (const item of b.body) {
      if (item.type !== 'Attribute') continue;
      if (item.name === 'alias') alias = stringLiteral(item.expr) ?? '';
      if (item.name === 'version') version = trimmed(stringLiteral(item.expr));
    }
    if (version) legacy.push([alias, version]);
  }
  return required.length || legacy.length ? { required, legacy } : undefined;
}

export function isJsonObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An object, or each object of a list of them (Terraform's JSON syntax allows both for blocks). */
export function jsonObjects(v: unknown): Record<string, unknown>[] {
  if (isJsonObject(v)) return [v];
  return Array.isArray(v) ? v.filter(isJsonObject) : [];
}

/**
 * What a file in Terraform's JSON syntax says: `{"terraform": {"required_providers": {"alicloud": {"source":
 * "aliyun/alicloud", "version": "~> 1.230"}}}}` (or the version alone), and Terraform 0.12's place for the
 * constraint: `{"provider": {"alicloud": {"version": "~> 1.150"}}}`. Undefined when nothing.
 */
export function providerInJson(top: Record<string, unknown>): ProviderSaid | undefined {
  const required: RequiredEntry[] = [];
  for (const t of jsonObjects(top.terraform)) {
    for (const rp of jsonObjects(t.required_providers)) {
      for (const [name, p] of Object.entries(rp)) {
        if (typeof p === 'string') required.push({ name, version: trimmed(p) });
        else if (isJsonObject(p)) {
          const source = typeof p.source === 'string' ? p.source : undefined;
          required.push({ name, source, version: typeof p.version === 'string' ? trimmed(p.version) : undefined });
        }
      }
    }
  }
  const legacy: [string, string][] = [];
  for (const byName of jsonObjects(top.provider)) {
    for (const p of jsonObjects(byName.alicloud)) {
      const version = typeof p.version === 'string' ? trimmed(p.version) : undefined;
      if (version) legacy.push([typeof p.alias === 'string' ? p.alias : '', version]);
    }
  }
  return required.length || legacy.length ? { required, legacy } : undefined;
}

/** The parts (a file's chunks) as one. */
export function joinSaid(parts: Iterable<ProviderSaid | null | undefined>): ProviderSaid | undefined {
  let out: { required: RequiredEntry[]; legacy: (readonly [string, string])[] } | undefined;
  for (const p of parts) {
    if (!p) continue;
    out ??= { required: [], legacy: [] };
    out.required.push(...p.required);
    out.legacy.push(...p.legacy);
  }
  return out;
}

/**
 * Several constraints for the provider as one: Terraform intersects every constraint a module gives it, which a
 * comma says (`>= 1.200, ~> 1.240`: `analysis/versionConstraint.ts` reads the range every part allows). A
 * constraint said twice is written once.
 */
export function joinConstraints(constraints: Iterable<string | undefined>): string | undefined {
  const parts: string[] = [];
  for (const c of constraints) if (c && !parts.includes(c)) parts.push(c);
  return parts.length ? parts.join(', ') : undefined;
}

/**
 * The module's alicloud constraint and the `source` it gives the local name `alicloud`, from what its files say,
 * merged as Terraform merges them: the primary files first, in order, then each override file, whose entries
 * replace those of the same local name (`required_providers`) or alias (`provider "alicloud"` blocks).
 */
export function moduleProvider(files: Iterable<{ said?: ProviderSaid | null; override: boolean }>): { constraint?: string; source?: string } {
  const required = new Map<string, RequiredEntry[]>();
  const legacy = new Map<string, string[]>();
  const add = <V>(map: Map<string, V[]>, key: string, v: V) => {
    const list = map.get(key);
    if (list) list.push(v);
    else map.set(key, [v]);
  };
  const list = [...files];
  for (const override of [false, true]) {
    for (const f of list) {
      if (f.override !== override || !f.said) continue;
      if (override) {
        for (const e of f.said.required) required.delete(e.name);
        for (const [alias] of f.said.legacy) legacy.delete(alias);
      }
      for (const e of f.said.required) add(required, e.name, e);
      for (const [alias, version] of f.said.legacy) add(legacy, alias, version);
    }
  }
  const constraints: (string | undefined)[] = [];
  let source: string | undefined;
  for (const [name, entries] of required) {
    for (const e of entries) {
      if (name === 'alicloud') source ??= e.source;
      if (isAlicloudEntry(name, e.source)) constraints.push(e.version);
    }
  }
  for (const versions of legacy.values()) constraints.push(...versions);
  return { constraint: joinConstraints(constraints), source };
}
