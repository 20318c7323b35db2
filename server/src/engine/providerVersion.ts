/**
 * The alicloud provider version a module uses: pinned in `.terraform.lock.hcl`, or else the module's constraints
 * (`required_providers`, and legacy `provider` blocks' `version`), every one as written, joined (`~> 1.230`, `>= 1.200.0`, `1.230.0`; the rules read it as the range of versions it
 * allows, `analysis/versionConstraint.ts`). Undefined when nothing says.
 */
import type { Expr } from '../syntax/hcl/ast';
import type { BlockNode, BodyItem } from '../syntax/hcl/ast';
import { parseChunks } from '../syntax/hcl/parser';

/**
 * The provider's address: `aliyun/alicloud`, or `hashicorp/alicloud`, the namespace Terraform gives a module that
 * names `alicloud` without a `required_providers` source (the registry's old home of the same provider, with the
 * same version numbers).
 */
const ALICLOUD = /(^|\/)(aliyun|hashicorp)\/alicloud$/;

/** Is a `required_providers` entry the alicloud provider: by its `source`, or by its name when it has none? */
export function isAlicloudEntry(name: string, source: string | undefined): boolean {
  return source ? ALICLOUD.test(source) : name === 'alicloud';
}

function blocks(items: BodyItem[], name: string): BlockNode[] {
  return items.filter((i): i is BlockNode => i.type === 'Block' && i.name === name);
}

function stringLiteral(e: Expr | undefined): string | undefined {
  return e?.type === 'Literal' && typeof e.value === 'string' ? e.value : undefined;
}

/** The versions a lock file pins for the alicloud provider, by namespace (`aliyun`, `hashicorp`). */
export type LockedVersions = Partial<Record<'aliyun' | 'hashicorp', string>>;

/** The versions pinned for the alicloud provider in a lock file's text (undefined: none). */
export function versionsFromLockFile(text: string): LockedVersions | undefined {
  let out: LockedVersions | undefined;
  for (const chunk of parseChunks(text).chunks) {
    for (const b of blocks(chunk.items, 'provider')) {
      const namespace = ALICLOUD.exec(b.labels[0]?.value ?? '')?.[2] as keyof LockedVersions | undefined;
      if (!namespace) continue;
      for (const item of b.body) {
        const version = item.type === 'Attribute' && item.name === 'version' ? normalise(stringLiteral(item.expr)) : undefined;
        if (version) (out ??= {})[namespace] ??= version;
      }
    }
  }
  return out;
}

/**
 * The locked version the module's resources use. A lock file holds both namespaces when a root module without
 * `required_providers` (so `hashicorp/alicloud`) calls a module that requires `aliyun/alicloud`: the module's
 * own source for the name `alicloud` decides (`hashicorp/alicloud` when it gives none). One entry alone is
 * taken whatever the module says.
 */
export function lockedVersionFor(locked: LockedVersions, moduleSource: string | undefined): string | undefined {
  if (!(locked.aliyun && locked.hashicorp)) return locked.aliyun ?? locked.hashicorp;
  return ALICLOUD.exec(moduleSource ?? '')?.[2] === 'aliyun' ? locked.aliyun : locked.hashicorp;
}

/** The `source` a module file's `required_providers` gives the local name `alicloud`, which `alicloud_*` resources use. */
export function sourceFromRequiredProviders(items: BodyItem[]): string | undefined {
  for (const t of blocks(items, 'terraform')) {
    for (const rp of blocks(t.body, 'required_providers')) {
      for (const item of rp.body) {
        if (item.type !== 'Attribute' || item.name !== 'alicloud' || item.expr?.type !== 'Object') continue;
        for (const field of item.expr.items) if (stringLiteral(field.key) === 'source') return stringLiteral(field.value);
      }
    }
  }
  return undefined;
}

/**
 * The alicloud constraint in a module file's `terraform { required_providers { … } }`, as written: every entry for
 * the provider (a second local name with its source, `ali = { source = "aliyun/alicloud" }`, is the same
 * provider), joined as Terraform combines them (`joinConstraints`).
 */
export function versionFromRequiredProviders(items: BodyItem[]): string | undefined {
  const found: string[] = [];
  for (const t of blocks(items, 'terraform')) {
    for (const rp of blocks(t.body, 'required_providers')) {
      for (const item of rp.body) {
        if (item.type !== 'Attribute') continue;
        // Terraform 0.12's form, still accepted: `alicloud = "~> 1.230"` (a version constraint alone).
        const legacy = item.name === 'alicloud' ? stringLiteral(item.expr) : undefined;
        if (legacy?.trim()) found.push(legacy.trim());
        if (item.expr?.type !== 'Object') continue;
        const fields = new Map(item.expr.items.map((i) => [stringLiteral(i.key) ?? '', i.value]));
        const source = stringLiteral(fields.get('source'));
        if (!isAlicloudEntry(item.name, source)) continue;
        const constraint = stringLiteral(fields.get('version'));
        if (constraint?.trim()) found.push(constraint.trim());
      }
    }
  }
  return joinConstraints(found);
}

/**
 * Several constraints for the provider as one: Terraform intersects every constraint a module gives it (each
 * `required_providers` entry and each legacy `provider` block's `version`), which a comma says (`>= 1.200, ~> 1.240`:
 * `analysis/versionConstraint.ts` reads the range every part allows). A constraint said twice is written once.
 */
export function joinConstraints(constraints: Iterable<string | undefined>): string | undefined {
  const parts: string[] = [];
  for (const c of constraints) if (c && !parts.includes(c)) parts.push(c);
  return parts.length ? parts.join(', ') : undefined;
}

/**
 * What a module file says to the modules below it: the folders its `module` blocks call by a local path
 * (`./modules/bgp`, `../net`; Terraform reads a source as a local path only when it starts with `./` or `../`,
 * `.\` and `..\` on Windows), as written, and its alicloud `required_providers` constraint. `json`: the file is
 * in Terraform's JSON syntax (`"module": { "bgp": { "source": "./modules/bgp" } }`). `wants`: only what is asked
 * for is looked for (a walk of the workspace for module calls needs no constraint).
 */
export function moduleCallsAndConstraint(
  text: string,
  json = false,
  wants: { calls: boolean; constraint: boolean } = { calls: true, constraint: true },
): { calls: string[]; constraint?: string } {
  const calls: string[] = [];
  const take = (source: unknown) => {
    if (typeof source === 'string' && /^\.\.?[\\/]/.test(source)) calls.push(source.replace(/\\/g, '/'));
  };
  // Most files call no module and state no provider: no parse for them. (Not a test for `version`: nearly every
  // BGP file has an `ip_version`, and a workspace's walk for module calls would parse each of them again.)
  const mayCall = wants.calls && (json ? text.includes('"module"') : MODULE_BLOCK.test(text));
  const mayConstrain = wants.constraint && (json ? text.includes('required_providers') || text.includes('"provider"') : MAY_CONSTRAIN.test(text));
  if (!mayCall && !mayConstrain) return { calls };
  if (json) {
    let config: unknown;
    try {
      config = JSON.parse(text);
    } catch {
      return { calls };
    }
    const top = jsonObjects(config)[0] ?? {};
    for (const modules of jsonObjects(top.module)) for (const call of Object.values(modules)) for (const body of jsonObjects(call)) take(body.source);
    return { calls, constraint: mayConstrain ? providerInJson(top).constraint : undefined };
  }
  const chunks = parseChunks(text).chunks;
  if (mayCall) {
    for (const chunk of chunks) {
      for (const b of blocks(chunk.items, 'module')) {
        for (const item of b.body) if (item.type === 'Attribute' && item.name === 'source') take(stringLiteral(item.expr));
      }
    }
  }
  if (!mayConstrain) return { calls };
  return { calls, constraint: moduleConstraint(chunks, (chunk) => ({ constraint: versionFromRequiredProviders(chunk.items), legacy: versionFromProviderBlocks(chunk.items) })) };
}

/** A line that may open a `module` block (`module "bgp" {`; HCL also takes a bare label). */
const MODULE_BLOCK = /^[ \t]*module[ \t]*["\w]/m;
/** A `required_providers` block, or a legacy `provider "alicloud"` block, which may give the constraint. */
const MAY_CONSTRAIN = /required_providers|^[ \t]*provider[ \t]*"?alicloud/m;

/** What one part of a module (a chunk, a block) says of the alicloud constraint, in both of its places. */
export interface ConstraintSaid {
  /** Its `required_providers` constraint. */
  constraint?: string;
  /** Its `provider "alicloud" { version = ... }` (Terraform 0.12's place, `versionFromProviderBlocks`). */
  legacy?: string;
}

/**
 * The module's alicloud constraint from what each of its parts says: every `required_providers` constraint and
 * every legacy `provider "alicloud"` version, in order, joined (`joinConstraints`): Terraform installs only a
 * version that all of them allow, the legacy place included. One rule for a file read from disk
 * (`moduleCallsAndConstraint`), an open file's per-chunk memos (`HclFile.providerConstraint`) and the files of a
 * module (`Workspace`).
 */
export function moduleConstraint<P>(parts: Iterable<P>, said: (part: P) => ConstraintSaid | null | undefined): string | undefined {
  const found: (string | undefined)[] = [];
  for (const part of parts) {
    const s = said(part);
    if (s) found.push(s.constraint, s.legacy);
  }
  return joinConstraints(found);
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
 * What a file in Terraform's JSON syntax says of the alicloud provider: `{"terraform": {"required_providers":
 * {"alicloud": {"source": "aliyun/alicloud", "version": "~> 1.230"}}}}` (or the version alone), and Terraform
 * 0.12's place for the constraint, still obeyed: `{"provider": {"alicloud": {"version": "~> 1.150"}}}`; all of them
 * joined (`joinConstraints`).
 */
export function providerInJson(top: Record<string, unknown>): { constraint?: string; source?: string } {
  const constraints: string[] = [];
  let source: string | undefined;
  for (const t of jsonObjects(top.terraform)) {
    for (const rp of jsonObjects(t.required_providers)) {
      for (const [name, p] of Object.entries(rp)) {
        const from = isJsonObject(p) && typeof p.source === 'string' ? p.source : undefined;
        if (name === 'alicloud' && from && source === undefined) source = from;
        if (!isAlicloudEntry(name, from)) continue;
        const version = typeof p === 'string' ? p : isJsonObject(p) && typeof p.version === 'string' ? p.version : undefined;
        if (version?.trim()) constraints.push(version.trim());
      }
    }
  }
  // Both places count: Terraform intersects them (`joinConstraints`).
  for (const byName of jsonObjects(top.provider)) {
    for (const p of jsonObjects(byName.alicloud)) if (typeof p.version === 'string' && p.version.trim()) constraints.push(p.version.trim());
  }
  return { constraint: joinConstraints(constraints), source };
}

/**
 * The constraint a `provider "alicloud" { version = "..." }` block states: Terraform 0.12's place for it, deprecated
 * since 0.13 but still obeyed (with a warning) when it installs the provider, so older configurations rely on it.
 */
export function versionFromProviderBlocks(items: BodyItem[]): string | undefined {
  const found: string[] = [];
  for (const b of blocks(items, 'provider')) {
    if (b.labels[0]?.value !== 'alicloud') continue;
    for (const item of b.body) {
      const version = item.type === 'Attribute' && item.name === 'version' ? stringLiteral(item.expr)?.trim() : undefined;
      if (version) found.push(version);
    }
  }
  return joinConstraints(found);
}

/**
 * The alicloud constraint in a CDKTF project's `cdktf.json`: a `terraformProviders` entry `"aliyun/alicloud@~> 1.230"`
 * (or `alicloud@…`), or `{ "name": "alicloud", "source": "aliyun/alicloud", "version": "~> 1.230" }`.
 */
export function versionFromCdktfJson(text: string): string | undefined {
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    return undefined;
  }
  const providers = (config as { terraformProviders?: unknown } | null)?.terraformProviders;
  if (!Array.isArray(providers)) return undefined;
  for (const p of providers) {
    let source: string | undefined;
    let constraint: string | undefined;
    if (typeof p === 'string') {
      const at = p.indexOf('@');
      source = (at < 0 ? p : p.slice(0, at)).trim();
      constraint = at < 0 ? undefined : p.slice(at + 1);
    } else if (p && typeof p === 'object') {
      const { name, source: src, version } = p as Record<string, unknown>;
      source = typeof src === 'string' ? src : typeof name === 'string' ? name : undefined;
      constraint = typeof version === 'string' ? version : undefined;
    }
    if (!source || !(source === 'alicloud' || ALICLOUD.test(source))) continue;
    if (constraint?.trim()) return constraint.trim();
  }
  return undefined;
}

function normalise(v: string | undefined): string | undefined {
  if (!v || !/^\d+(\.\d+){0,2}/.test(v)) return undefined;
  const parts = v.split(/[.-]/).slice(0, 3).map((x) => String(Number(x) || 0));
  while (parts.length < 3) parts.push('0');
  return parts.join('.');
}
