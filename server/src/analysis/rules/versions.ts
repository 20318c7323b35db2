/**
 * Provider-version awareness: with the module's alicloud version known (pinned in the lock file, or the range
 * its required_providers constraint allows), a resource or argument that no allowed version has yet is an
 * error naming the version that added it, one that every allowed version has removed is an error, and one
 * that every allowed version deprecates a warning. Without a version nothing is said.
 */
import type { Attribute, Range, ResourceInstance } from '../../model/types';
import type { ResourceSchema, VersionInfo } from '../../schema/types';
import { PROJECT_FILE } from '../context';
import type { AnalysisContext } from '../context';
import type { Finding } from '../finding';
import { allowedVersions, compareTriples } from '../versionConstraint';
import { bodies } from './body';

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

type Verdict = 'newer' | 'absent' | 'removed' | 'deprecated' | undefined;

/**
 * Each entry's verdict for the module's version, judged once: the resource's own `since` and its versioned
 * arguments are judged for every block. Kept per version (a new table when the version changes).
 */
let verdictsFor = '';
let verdicts = new WeakMap<VersionInfo, Verdict | null>();

/** What the module's provider `version` (pinned or a constraint) makes of an entry; completion asks too. */
export function verdict(v: VersionInfo, version: string): Verdict {
  if (!v.since && !v.absentUntil && !v.removed && !v.deprecated) return undefined;
  if (version !== verdictsFor) {
    verdicts = new WeakMap();
    verdictsFor = version;
  }
  let r = verdicts.get(v);
  if (r === undefined) verdicts.set(v, (r = judge(v, version) ?? null));
  return r ?? undefined;
}

/** `version`: the module's pinned version or its constraint (see `versionConstraint.ts`). */
function judge(v: VersionInfo, version: string): Verdict {
  const { lowest, below } = allowedVersions(version);
  if (v.since && below && compareTriples(parsed(v.since), below) >= 0) return 'newer';
  if (v.absentUntil && below && compareTriples(below, nextPatch(parsed(v.absentUntil))) <= 0) return 'absent';
  if (v.removed && lowest && compareTriples(parsed(v.removed), lowest) <= 0) return 'removed';
  if (v.deprecated && lowest && compareTriples(parsed(v.deprecated.since), lowest) <= 0) return 'deprecated';
  return undefined;
}

function nextPatch(v: number[]): [number, number, number] {
  return [v[0], v[1], v[2] + 1];
}

/**
 * How a message names the module's version: the one pinned, or the constraint that allows none that would do;
 * and, when they are a calling root module's (`from`, its folder), where that root is, since this module does
 * not say it; a CDKTF program's are its project's cdktf.json's.
 */
function modulesVersion(version: string, from: string | undefined): string {
  const { exact } = allowedVersions(version);
  if (from === PROJECT_FILE) return exact ? `cdktf.json asks for ${exact}` : `cdktf.json's provider constraint is "${version.trim()}"`;
  if (from !== undefined) {
    if (exact) return `this module uses ${exact}, the version of the root module in ${from} that calls it`;
    return `the root module in ${from} that calls this module constrains the provider to "${version.trim()}"`;
  }
  return exact ? `this module uses ${exact}` : `this module's provider constraint is "${version.trim()}"`;
}

const NONE: Finding[] = [];

/** The findings, or a shared empty array (never to be filled): most blocks have none. */
export function versionFindings(instance: ResourceInstance, schema: ResourceSchema, ctx: AnalysisContext): Finding[] {
  const version = ctx.providerVersion;
  if (!version) return NONE;
  const own = verdict(schema, version);
  const found = argumentVersionFindings(instance, schema, ctx);
  if (!own) return found;
  return [versionFinding(own, schema, version, ctx.providerVersionFrom, `${schema.type}`, instance.typeRange, undefined, instance), ...found];
}

/**
 * The findings on the arguments written alone, not on the resource type: also those of an argument a CDKTF program
 * sets after building its construct, reported where it is set. A shared empty array when none.
 */
export function argumentVersionFindings(instance: ResourceInstance, schema: ResourceSchema, ctx: AnalysisContext): Finding[] {
  const version = ctx.providerVersion;
  if (!version) return NONE;
  const from = ctx.providerVersionFrom;
  let findings = NONE;
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
      findings.push(versionFinding(found, s, version, from, `"${body.path ? body.path + '.' : ''}${a.name}"`, a.keyRange, a, instance));
    }
  }
  return findings;
}

function versionFinding(verdict: Verdict, v: VersionInfo, version: string, from: string | undefined, what: string, range: Range, removable: Attribute | undefined, instance: ResourceInstance): Finding {
  // An argument the module's provider does not have yet: removing it is one way out (not preferred: a newer
  // provider is the other), offered unless that adds an error (a required argument: `fixCheck.ts`).
  if (verdict === 'newer') {
    return { code: 'newer-than-provider', severity: 'error', range, message: `${what} needs alicloud provider ${v.since} or newer; ${modulesVersion(version, from)}`, fixes: removeFix(removable), instance };
  }
  if (verdict === 'absent') {
    return { code: 'newer-than-provider', severity: 'error', range, message: `${what} is not in alicloud provider ${v.absentUntil} or older (a later version added it); ${modulesVersion(version, from)}`, fixes: removeFix(removable), instance };
  }
  if (verdict === 'removed') {
    // Still in the provider's published schema (Terraform accepts it), but it does nothing: a warning.
    const ignored = v.acceptedAfterRemoval ? ' (later versions still accept it and ignore it)' : '';
    const severity = v.acceptedAfterRemoval ? 'warning' : 'error';
    // An argument the provider accepts and ignores goes without changing what is applied: "fix all" may remove it.
    return { code: 'removed-in-provider', severity, range, message: `${what} was removed in alicloud provider ${v.removed}${ignored}; ${modulesVersion(version, from)}`, fixes: removeFix(removable, v.acceptedAfterRemoval), instance, tags: ['deprecated'] };
  }
  return { code: 'deprecated-argument', severity: 'warning', range, message: `${what} is deprecated since alicloud provider ${v.deprecated!.since}: ${v.deprecated!.message}`, fixes: [], instance, tags: ['deprecated'] };
}

function removeFix(a: ResourceInstance['attributes'][number] | undefined, auto?: boolean): Finding['fixes'] {
  return a ? [{ title: `Remove ${a.name}`, edits: [{ kind: 'remove', attribute: a }], ...(auto ? { auto } : {}) }] : [];
}
