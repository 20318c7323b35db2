/**
 * One table of cases, written once per language: test/fixtures/cdktf/cases.{tf,ts,py,go}, Cases.{java,cs}.
 * Each construct's id (HCL: its name) is a case id. Every language must yield exactly the findings the table
 * expects for each case (rule code and the argument it is on, by schema name), which is also what HCL yields:
 * the rules are language-neutral, the adapters are what is tested here.
 *
 * Run: npx tsx --test test/unit/cdktf-cases.test.ts
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createSourceFile } from '../../server/src/engine/files';
import { contextFor } from '../../server/src/engine/moduleContext';
import type { Attribute, Block, Range, ResourceInstance } from '../../server/src/model/types';
import { comparePositions, shiftRange } from '../../server/src/model/types';
import { defaultSchemas } from '../../server/src/schema/registry';
import type { CdktfInstance } from '../../server/src/syntax/cdktf/model';

const DIR = path.resolve(__dirname, '../fixtures/cdktf');
const FILES: Record<string, string> = {
  hcl: 'cases.tf',
  typescript: 'cases.ts',
  python: 'cases.py',
  java: 'Cases.java',
  csharp: 'Cases.cs',
  go: 'cases.go',
};

/** Case id → expected findings, `code @ argument` (`(header)`: the construct itself). */
const EXPECTED: Record<string, string[]> = {
  vbr: [],
  group: [],
  group6: ['ipv6-not-enabled @ ip_version'], // its VBR does not enable IPv6
  c01: [], // a complete, valid peer with a timeouts block
  c02: [], // the seed: Token.asNumber("10"), Token.asString(group.id), "IPV4"
  c03: ['missing-required @ (header)'],
  c04: ['empty-value @ bgp_group_id'],
  c05: ['unknown-argument @ bfd_multihop'],
  c06: ['read-only-argument @ status'],
  c07: ['duplicate-argument @ enable_bfd'],
  c08: ['type-mismatch @ enable_bfd'],
  c09: ['type-mismatch @ bfd_multi_hop'],
  c10: ['value-out-of-range @ bfd_multi_hop'],
  c11: ['value-out-of-range @ bfd_multi_hop'],
  c12: ['not-whole-number @ bfd_multi_hop'],
  c13: ['bfd-multi-hop-without-bfd @ bfd_multi_hop'],
  c14: ['bfd-multi-hop-without-bfd @ bfd_multi_hop'],
  c15: ['invalid-value @ ip_version'],
  c16: ['invalid-ip-address @ peer_ip_address'],
  c17: ['ip-version-mismatch @ peer_ip_address'],
  c18: ['invalid-duration @ timeouts.create'],
  c19: ['unknown-argument @ timeouts.creat'],
  c20: [], // variables and Fn.* are unknown: never judged
  c21: ['value-out-of-range @ bfd_multi_hop'], // Token.asNumber("300") is seen through
  c22: [], // "true" converts to a bool
  c23: ['missing-required @ bgp_group_id'], // null / None / nil
  c24: ['reserved-value @ local_asn'],
  c25: ['missing-required @ (header)'],
  c26: ['value-out-of-range @ mtu', 'value-out-of-range @ vlan_id'],
  c27: ['invalid-regex @ name_regex'],
  c28: [], // depends_on is a meta-argument
  c29: ['wrong-reference-type @ bgp_group_id'], // another construct's id, of the wrong type
  c30: [], // lifecycle is a meta-argument block
  c31: ['gateways-not-in-subnet @ peer_gateway_ip'],
  c32: ['group-ip-version-mismatch @ ip_version'], // follows group6.id to the group's ip_version
  c33: [], // BFD enabled after the construct is built (`c33.enableBfd = true`)
};

/**
 * Where a language reads a case otherwise, as it must: a Java builder's setter called twice is legal Java (the last
 * call wins), so the earlier value is ignored, a warning, where the other languages refuse the repeat.
 */
const EXPECTED_IN: Record<string, Record<string, string[]>> = {
  java: { c07: ['repeated-argument @ enable_bfd'] },
};

const within = (inner: Range, outer: Range) => comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;

/** The schema path of the argument a range is on, or `(header)`. */
function argumentAt(instance: ResourceInstance, r: Range): string {
  const visit = (body: { attributes: Attribute[]; blocks: Block[]; overwritten?: Attribute[] }, prefix: string): string | undefined => {
    for (const a of [...body.attributes, ...(body.overwritten ?? [])]) if (within(r, a.keyRange) || within(r, a.valueRange)) return prefix + a.name;
    for (const b of body.blocks) {
      if (within(r, b.nameRange)) return prefix + b.name;
      const inner = visit(b, `${prefix}${b.name}.`);
      if (inner) return inner;
    }
    return undefined;
  };
  return visit(instance, '') ?? (within(r, instance.headerRange) ? '(header)' : `? ${JSON.stringify(r)}`);
}

function findingsByCase(language: string): Map<string, string[]> {
  const file = path.join(DIR, FILES[language]);
  const source = createSourceFile(file, undefined, fs.readFileSync(file, 'utf8'));
  assert.ok(source, `an adapter reads ${file}`);
  assert.equal(source.language, language);
  const ctx = contextFor([source], defaultSchemas());
  const instances = [...source.instances()].map(({ value, base }) => ({
    id: (value as CdktfInstance).constructId ?? value.name,
    abs: { ...value, range: shiftRange(value.range, base) },
    value,
    base,
  }));
  const out = new Map<string, string[]>();
  for (const i of instances) out.set(i.id, []);
  for (const d of source.diagnostics(ctx)) {
    const owner = instances.find((i) => within(d.range, i.abs.range));
    assert.ok(owner, `${language}: ${d.code} at ${JSON.stringify(d.range)} belongs to a construct`);
    const rel = shiftRange(d.range, -owner.base);
    out.get(owner.id)!.push(`${d.code} @ ${argumentAt(owner.value, rel)}`);
  }
  for (const v of out.values()) v.sort();
  return out;
}

describe('CDKTF: one case table, the same findings in every language', () => {
  it('has at least 20 cases, valid and invalid', () => {
    const ids = Object.keys(EXPECTED).filter((k) => /^c\d+$/.test(k));
    assert.ok(ids.length >= 20);
    assert.ok(ids.some((k) => EXPECTED[k].length === 0) && ids.some((k) => EXPECTED[k].length > 0));
  });
  for (const language of Object.keys(FILES)) {
    it(`${language} (${FILES[language]})`, () => {
      const got = findingsByCase(language);
      assert.deepEqual([...got.keys()].sort(), Object.keys(EXPECTED).sort(), 'every case is recognised, and nothing else');
      for (const [id, expected] of Object.entries({ ...EXPECTED, ...EXPECTED_IN[language] })) {
        assert.deepEqual(got.get(id), [...expected].sort(), `${language} ${id}`);
      }
    });
  }
});
