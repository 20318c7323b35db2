/**
 * The alicloud provider version a module uses: pinned in `.terraform.lock.hcl`, or else the module's constraints
 * as written (`~> 1.230`, `>= 1.200.0`, `1.230.0`; read from its files and merged in `providerRequirements.ts`;
 * the rules read them as the range of versions they allow, `analysis/versionConstraint.ts`). Undefined when
 * nothing says. Also what a calling root's files on disk say, and a CDKTF project's `cdktf.json`.
 */
import { parseChunks } from '../syntax/hcl/parser';
import { ALICLOUD, blocks, jsonObjects, joinSaid, providerInJson, providerSaidIn, stringLiteral, type ProviderSaid } from './providerRequirements';

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

/**
 * What a module file says to the modules below it: the folders its `module` blocks call by a local path
 * (`./modules/bgp`, `../net`; Terraform reads a source as a local path only when it starts with `./` or `../`,
 * `.\` and `..\` on Windows), as written, and what it says of the alicloud provider (`providerRequirements.ts`,
 * merged with the module's other files by `moduleProvider`). `json`: the file is
 * in Terraform's JSON syntax (`"module": { "bgp": { "source": "./modules/bgp" } }`). `wants`: only what is asked
 * for is looked for (a walk of the workspace for module calls needs no constraint).
 */
export function moduleCallsAndProvider(
  text: string,
  json = false,
  wants: { calls: boolean; constraint: boolean } = { calls: true, constraint: true },
): { calls: string[]; said?: ProviderSaid } {
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
    return { calls, said: mayConstrain ? providerInJson(top) : undefined };
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
  return { calls, said: joinSaid(chunks.map((chunk) => providerSaidIn(chunk.items))) };
}

/** A line that may open a `module` block (`module "bgp" {`; HCL also takes a bare label). */
const MODULE_BLOCK = /^[ \t]*module[ \t]*["\w]/m;
/** A `required_providers` block, or a legacy `provider "alicloud"` block, which may give the constraint. */
const MAY_CONSTRAIN = /required_providers|^[ \t]*provider[ \t]*"?alicloud/m;

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
