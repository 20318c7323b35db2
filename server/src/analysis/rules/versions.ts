/**
 * Provider-version awareness: with the module's alicloud version known (lock file or required_providers),
 * a resource or argument newer than it is an error naming the version that added it, a removed one is an
 * error, and a deprecated one a warning. Without a version nothing is said.
 */
import type { Attribute, Range, ResourceInstance } from '../../model/types';
import type { ResourceSchema, VersionInfo } from '../../schema/types';
import type { AnalysisContext } from '../context';
import type { Finding } from '../finding';
import { bodies } from './body';

export function compareVersions(a: string, b: string): number {
  const pa = parsed(a);
  const pb = parsed(b);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Version strings split once: the same few (the schemas' `since`, the module's version) are compared for
 * every argument of every block. Dropped when large, in case versions typed one keystroke at a time pile up.
 */
const versions = new Map<string, number[]>();

function parsed(v: string): number[] {
  let p = versions.get(v);
  if (!p) {
    if (versions.size >= 1000) versions.clear();
    versions.set(v, (p = v.split('.').map(Number)));
  }
  return p;
}

type Verdict = 'newer' | 'removed' | 'deprecated' | undefined;

/**
 * Each entry's verdict for the module's version, judged once: the resource's own `since` and its versioned
 * arguments are judged for every block. Kept per version (a new table when the version changes).
 */
let verdictsFor = '';
let verdicts = new WeakMap<VersionInfo, Verdict | null>();

function verdict(v: VersionInfo, version: string): Verdict {
  if (!v.since && !v.removed && !v.deprecated) return undefined;
  if (version !== verdictsFor) {
    verdicts = new WeakMap();
    verdictsFor = version;
  }
  let r = verdicts.get(v);
  if (r === undefined) verdicts.set(v, (r = judge(v, version) ?? null));
  return r ?? undefined;
}

function judge(v: VersionInfo, version: string): Verdict {
  if (v.since && compareVersions(v.since, version) > 0) return 'newer';
  if (v.removed && compareVersions(v.removed, version) <= 0) return 'removed';
  if (v.deprecated && compareVersions(v.deprecated.since, version) <= 0) return 'deprecated';
  return undefined;
}

const NONE: Finding[] = [];

/** The findings, or a shared empty array (never to be filled): most blocks have none. */
export function versionFindings(instance: ResourceInstance, schema: ResourceSchema, ctx: AnalysisContext): Finding[] {
  const version = ctx.providerVersion;
  if (!version) return NONE;
  let findings = NONE;
  const own = verdict(schema, version);
  if (own) findings = [versionFinding(own, schema, version, `${schema.type}`, instance.typeRange, undefined, instance)];
  const views = bodies(instance, schema);
  for (let v = 0; v < views.length; v++) {
    const body = views[v];
    for (let i = 0; i < body.attributes.length; i++) {
      const a = body.attributes[i];
      const s = body.schema.attributes[a.name];
      if (!s || a.incomplete) continue;
      const found = verdict(s, version);
      // The name and range are made for a finding only (see `rules/index.ts`).
      if (!found) continue;
      if (findings === NONE) findings = [];
      findings.push(versionFinding(found, s, version, `"${body.path ? body.path + '.' : ''}${a.name}"`, a.keyRange, a, instance));
    }
  }
  return findings;
}

function versionFinding(verdict: Verdict, v: VersionInfo, version: string, what: string, range: Range, removable: Attribute | undefined, instance: ResourceInstance): Finding {
  if (verdict === 'newer') {
    return { code: 'newer-than-provider', severity: 'error', range, message: `${what} needs alicloud provider ${v.since} or newer; this module uses ${version}`, fixes: [], instance };
  }
  if (verdict === 'removed') {
    return { code: 'removed-in-provider', severity: 'error', range, message: `${what} was removed in alicloud provider ${v.removed}; this module uses ${version}`, fixes: removeFix(removable), instance, tags: ['deprecated'] };
  }
  return { code: 'deprecated-argument', severity: 'warning', range, message: `${what} is deprecated since alicloud provider ${v.deprecated!.since}: ${v.deprecated!.message}`, fixes: [], instance, tags: ['deprecated'] };
}

function removeFix(a: ResourceInstance['attributes'][number] | undefined): Finding['fixes'] {
  return a ? [{ title: `Remove ${a.name}`, edits: [{ kind: 'remove', attribute: a }] }] : [];
}
