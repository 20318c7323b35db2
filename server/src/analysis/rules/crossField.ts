/**
 * The schema's cross-field rules (`rules` in a schema file), interpreted generically:
 * - `requires`: `bfd_multi_hop` has no effect unless `enable_bfd = true`;
 * - `ipFamilyMatches`: `peer_ip_address` must be of the family `ip_version` names;
 * - `sameSubnet`: both gateway addresses lie in one subnet of `peering_subnet_mask`.
 * A rule only speaks when every value it needs is a literal (or, for `requires`, plainly absent).
 */
import type { Attribute, ResourceInstance, Value } from '../../model/types';
import type { CrossFieldRule, ResourceSchema } from '../../schema/types';
import type { Finding, FixValue, NeutralFix } from '../finding';
import { ipFamily, ipv4Bits, isIPv4Mapped, netmaskBits } from '../formats';
import { literalBool, literalNumber, literalText } from '../values';
import { findAttribute } from './body';

const NONE: Finding[] = [];

/** The findings, or a shared empty array (never to be filled): most instances have none. */
export function crossFieldRules(instance: ResourceInstance, schema: ResourceSchema): Finding[] {
  let findings = NONE;
  const rules = schema.rules;
  if (!rules) return findings;
  for (let r = 0; r < rules.length; r++) {
    const f = check(rules[r], instance, schema);
    if (!f) continue;
    if (findings === NONE) findings = [];
    findings.push({ ...f, instance });
  }
  return findings;
}

/**
 * Does a literal equal the wanted value after Terraform's conversions? `undefined` when it is not a
 * literal or does not convert at all (the type rule reports that).
 */
export function literalEquals(v: Value, wanted: boolean | string | number): boolean | undefined {
  const c = typeof wanted === 'boolean' ? literalBool(v) : typeof wanted === 'number' ? literalNumber(v) : literalText(v);
  return c === undefined ? undefined : c === wanted;
}

/** `""` for an argument the provider sends nothing for when empty (`emptyMeansUnset`): the argument left out. */
export function leftOutAsEmpty(schema: ResourceSchema, name: string, v: Value): boolean {
  return !!schema.attributes[name]?.emptyMeansUnset && literalText(v) === '';
}

export function fixValueOf(v: boolean | string | number): FixValue {
  return typeof v === 'boolean' ? { kind: 'bool', value: v } : typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'string', value: v };
}

function check(rule: CrossFieldRule, instance: ResourceInstance, schema: ResourceSchema): Omit<Finding, 'instance'> | undefined {
  switch (rule.kind) {
    case 'requires': {
      const trigger = findAttribute(instance, rule.attribute);
      if (!trigger || trigger.value.kind === 'null') return undefined;
      if (leftOutAsEmpty(schema, rule.attribute, trigger.value)) return undefined;
      const other = findAttribute(instance, rule.requires.attribute);
      if (other && other.value.kind !== 'null') {
        const ok = literalEquals(other.value, rule.requires.value);
        if (ok !== false) return undefined;
      }
      // Left out (not written as null), the requirement may be met where the block is written elsewhere.
      return other ? { ...requiresFinding(rule, instance, trigger), restsOn: rule.requires.attribute } : { ...requiresFinding(rule, instance, trigger), leftOut: rule.requires.attribute };
    }
    case 'ipFamilyMatches': {
      const address = findAttribute(instance, rule.address);
      if (!address) return undefined;
      const version = findAttribute(instance, rule.version);
      // Left out (or null), the version is the API's default (`IPv4`), which an IPv6 address contradicts too.
      const unset = !version || version.value.kind === 'null';
      const fallback = schema.attributes[rule.version]?.default;
      const a = literalText(address.value);
      const v = unset ? (typeof fallback === 'string' ? fallback : undefined) : literalText(version.value);
      if (a === undefined || v === undefined) return undefined;
      const family = ipFamily(a.trim());
      // An IPv4-mapped address is of either family: which one the API takes it for is not known.
      if (family === 'IPv6' && isIPv4Mapped(a.trim())) return undefined;
      // The usual case, `ip_version = "IPv4"` for an IPv4 address, without lower-cased copies.
      if (family === v) return undefined;
      const wanted = v.trim().toLowerCase();
      if (!family || (wanted !== 'ipv4' && wanted !== 'ipv6') || family.toLowerCase() === wanted) return undefined;
      return {
        code: rule.code,
        severity: rule.severity,
        range: address.valueRange,
        message: `"${rule.address}" ${JSON.stringify(a)} is an ${family} address, but "${rule.version}" is ${JSON.stringify(v)}${unset ? ' (its default when left out)' : ''}`,
        fixes: [
          {
            title: `Set ${rule.version} = "${family}"`,
            edits: [unset ? { kind: 'set', name: rule.version, value: { kind: 'string', value: family } } : { kind: 'replaceValue', attribute: version!, value: { kind: 'string', value: family } }],
            preferred: true,
          },
        ],
        // Written as null (merged in by an override, `undefined` after a spread), it is the default for sure.
        leftOut: version ? undefined : rule.version,
        restsOn: version ? rule.version : undefined,
      };
    }
    case 'sameSubnet': {
      const mask = findAttribute(instance, rule.mask);
      const m = mask && literalText(mask.value);
      const maskBits = m === undefined ? -1 : netmaskBits(m);
      if (maskBits === -1) return undefined;
      // First only compare (the usual answer: one subnet, nothing to say); the message is made for a finding.
      let first = -1;
      let apart = false;
      let last: Attribute | undefined;
      for (let i = 0; i < rule.addresses.length; i++) {
        last = findAttribute(instance, rule.addresses[i]);
        const text = last && literalText(last.value);
        const ip = text === undefined ? -1 : ipv4Bits(text);
        if (ip === -1) return undefined;
        const subnet = (ip & maskBits) >>> 0;
        if (first === -1) first = subnet;
        else if (subnet !== first) apart = true;
      }
      if (!apart || !last) return undefined;
      return notInOneSubnet(rule, instance, last, m!);
    }
  }
}

// Findings are made apart from the checks (see `rules/index.ts`).

function requiresFinding(rule: CrossFieldRule & { kind: 'requires' }, instance: ResourceInstance, trigger: Attribute): Omit<Finding, 'instance'> {
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

function notInOneSubnet(rule: CrossFieldRule & { kind: 'sameSubnet' }, instance: ResourceInstance, last: Attribute, mask: string): Omit<Finding, 'instance'> {
  const values = rule.addresses.map((n) => `"${n}" ${literalText(findAttribute(instance, n)!.value)}`);
  return {
    code: rule.code,
    severity: rule.severity,
    range: last.valueRange,
    message: `${values.join(' and ')} are not in one subnet of "${rule.mask}" ${mask}`,
    fixes: [],
  };
}
