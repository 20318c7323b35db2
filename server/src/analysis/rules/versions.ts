/**
 * Provider-version awareness: with the module's alicloud version known (lock file or required_providers),
 * a resource or argument newer than it is an error naming the version that added it, a removed one is an
 * error, and a deprecated one a warning. Without a version nothing is said.
 */
import type { ResourceInstance } from '../../model/types';
import type { ResourceSchema, VersionInfo } from '../../schema/types';
import type { AnalysisContext } from '../context';
import type { Finding } from '../finding';
import { bodies } from './body';

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function versionFindings(instance: ResourceInstance, schema: ResourceSchema, ctx: AnalysisContext): Finding[] {
  const version = ctx.providerVersion;
  if (!version) return [];
  const findings: Finding[] = [];
  const check = (v: VersionInfo, what: string, range: Finding['range'], removable?: Parameters<typeof removeFix>[0]) => {
    if (v.since && compareVersions(v.since, version) > 0) {
      findings.push({ code: 'newer-than-provider', severity: 'error', range, message: `${what} needs alicloud provider ${v.since} or newer; this module uses ${version}`, fixes: [], instance });
    } else if (v.removed && compareVersions(v.removed, version) <= 0) {
      findings.push({ code: 'removed-in-provider', severity: 'error', range, message: `${what} was removed in alicloud provider ${v.removed}; this module uses ${version}`, fixes: removeFix(removable), instance, tags: ['deprecated'] });
    } else if (v.deprecated && compareVersions(v.deprecated.since, version) <= 0) {
      findings.push({ code: 'deprecated-argument', severity: 'warning', range, message: `${what} is deprecated since alicloud provider ${v.deprecated.since}: ${v.deprecated.message}`, fixes: [], instance, tags: ['deprecated'] });
    }
  };
  check(schema, `${schema.type}`, instance.typeRange);
  for (const body of bodies(instance, schema)) {
    for (const a of body.attributes) {
      const s = body.schema.attributes[a.name];
      if (s && !a.incomplete) check(s, `"${body.path ? body.path + '.' : ''}${a.name}"`, a.keyRange, a);
    }
  }
  return findings;
}

function removeFix(a: ResourceInstance['attributes'][number] | undefined): Finding['fixes'] {
  return a ? [{ title: `Remove ${a.name}`, edits: [{ kind: 'remove', attribute: a }] }] : [];
}
