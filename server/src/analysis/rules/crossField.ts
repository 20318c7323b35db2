/**
 * The schema's cross-field rules (`rules` in a schema file), interpreted generically:
 * - `requires`: `bfd_multi_hop` has no effect unless `enable_bfd = true`;
 * - `ipFamilyMatches`: `peer_ip_address` must be of the family `ip_version` names;
 * - `sameSubnet`: both gateway addresses lie in one subnet of `peering_subnet_mask`.
 * A rule only speaks when every value it needs is a literal (or, for `requires`, plainly absent).
 */
import type { ResourceInstance, Value } from '../../model/types';
import type { CrossFieldRule, ResourceSchema } from '../../schema/types';
import type { Finding, FixValue, NeutralFix } from '../finding';
import { ipFamily, ipv4ToInt, isIPv4, isNetmask } from '../formats';
import { toBool, toNumber, toStr } from '../values';
import { findAttribute } from './body';

export function crossFieldRules(instance: ResourceInstance, schema: ResourceSchema): Finding[] {
  const findings: Finding[] = [];
  for (const rule of schema.rules ?? []) {
    const f = check(rule, instance);
    if (f) findings.push({ ...f, instance });
  }
  return findings;
}

/**
 * Does a literal equal the wanted value after Terraform's conversions? `undefined` when it is not a
 * literal or does not convert at all (the type rule reports that).
 */
export function literalEquals(v: Value, wanted: boolean | string | number): boolean | undefined {
  const c = typeof wanted === 'boolean' ? toBool(v) : typeof wanted === 'number' ? toNumber(v) : toStr(v);
  if (!('ok' in c) || !c.ok) return undefined;
  return c.value === wanted;
}

export function fixValueOf(v: boolean | string | number): FixValue {
  return typeof v === 'boolean' ? { kind: 'bool', value: v } : typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'string', value: v };
}

function check(rule: CrossFieldRule, instance: ResourceInstance): Omit<Finding, 'instance'> | undefined {
  switch (rule.kind) {
    case 'requires': {
      const trigger = findAttribute(instance, rule.attribute);
      if (!trigger || trigger.value.kind === 'null') return undefined;
      const other = findAttribute(instance, rule.requires.attribute);
      if (other && other.value.kind !== 'null') {
        const ok = literalEquals(other.value, rule.requires.value);
        if (ok !== false) return undefined;
      }
      const wanted = fixValueOf(rule.requires.value);
      const fixes: NeutralFix[] = [
        { title: `Set ${rule.requires.attribute} = ${JSON.stringify(rule.requires.value)}`, edits: [{ kind: 'set', name: rule.requires.attribute, value: wanted }], preferred: true },
        // Every copy: a duplicated line would otherwise bring the same warning back.
        { title: `Remove ${rule.attribute}`, edits: instance.attributes.filter((x) => x.name === rule.attribute && !x.incomplete).map((attribute) => ({ kind: 'remove' as const, attribute })) },
      ];
      return {
        code: rule.code,
        severity: rule.severity,
        range: trigger.keyRange,
        message: rule.message.replace(/\{attribute\}/g, rule.attribute).replace(/\{requires\}/g, `${rule.requires.attribute} = ${JSON.stringify(rule.requires.value)}`),
        fixes,
        tags: ['unnecessary'],
      };
    }
    case 'ipFamilyMatches': {
      const address = findAttribute(instance, rule.address);
      const version = findAttribute(instance, rule.version);
      if (!address || !version) return undefined;
      const a = toStr(address.value);
      const v = toStr(version.value);
      if (!('ok' in a) || !a.ok || !('ok' in v) || !v.ok) return undefined;
      const family = ipFamily(a.value.trim());
      const wanted = v.value.trim().toLowerCase();
      if (!family || (wanted !== 'ipv4' && wanted !== 'ipv6') || family.toLowerCase() === wanted) return undefined;
      return {
        code: rule.code,
        severity: rule.severity,
        range: address.valueRange,
        message: `"${rule.address}" ${JSON.stringify(a.value)} is an ${family} address, but "${rule.version}" is ${JSON.stringify(v.value)}`,
        fixes: [{ title: `Set ${rule.version} = "${family}"`, edits: [{ kind: 'replaceValue', attribute: version, value: { kind: 'string', value: family } }], preferred: true }],
      };
    }
    case 'sameSubnet': {
      const mask = findAttribute(instance, rule.mask);
      const m = mask && toStr(mask.value);
      if (!mask || !m || !('ok' in m) || !m.ok || !isNetmask(m.value)) return undefined;
      const maskBits = ipv4ToInt(m.value);
      const addresses = rule.addresses.map((n) => findAttribute(instance, n));
      const values: { name: string; ip: number; text: string }[] = [];
      for (const [i, attr] of addresses.entries()) {
        if (!attr) return undefined;
        const s = toStr(attr.value);
        if (!('ok' in s) || !s.ok || !isIPv4(s.value)) return undefined;
        values.push({ name: rule.addresses[i], ip: ipv4ToInt(s.value), text: s.value });
      }
      const subnet = (ip: number) => (ip & maskBits) >>> 0;
      if (values.every((v) => subnet(v.ip) === subnet(values[0].ip))) return undefined;
      const last = addresses[addresses.length - 1]!;
      return {
        code: rule.code,
        severity: rule.severity,
        range: last.valueRange,
        message: `${values.map((v) => `"${v.name}" ${v.text}`).join(' and ')} are not in one subnet of "${rule.mask}" ${m.value}`,
        fixes: [],
      };
    }
  }
}
