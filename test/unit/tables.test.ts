/**
 * The allocation-free shortcuts the rules take agree with the definitions they replace: the one-pass IPv4
 * parser with the split-and-regex definition, the literal conversions with `toStr`/`toNumber`/`toBool`, and
 * the per-entry tables (`rules/tables.ts`) with the schema entries they are made from.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Value } from '../../server/src/model/types';
import { ipv4Bits, ipv4ToInt, isIPv4, isNetmask, netmaskBits } from '../../server/src/analysis/formats';
import { literalBool, literalNumber, literalText, toBool, toNumber, toStr } from '../../server/src/analysis/values';
import { enumSet, isAccepted, patternOf, referencedTypes } from '../../server/src/analysis/rules/tables';
import { resourceRef } from '../../server/src/analysis/references';
import { defaultSchemas } from '../../server/src/schema/registry';
import type { AttributeSchema, BlockSchema } from '../../server/src/schema/types';

/** The definition `isIPv4` had before it became one pass over the characters. */
function splitIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

describe('IPv4 in one pass', () => {
  const samples = [
    '10.0.0.1', '0.0.0.0', '255.255.255.255', '255.255.255.252', '256.0.0.1', '1.2.3', '1.2.3.4.5', '1.2.3.4.',
    '.1.2.3', '01.2.3.4', '00.0.0.0', '1.2.3.04', '1000.1.1.1', '1..2.3', '', '.', '...', '1.2.3.a', ' 1.2.3.4',
    '1.2.3.4 ', '1.2.3.4\n', '١.٢.٣.٤', '+1.2.3.4', '-1.2.3.4', '1e2.1.1.1', '999.1.1.1', '199.1.1.1', '0x1.1.1.1',
  ];
  // And every short string over the characters that matter.
  const alphabet = ['0', '1', '2', '5', '.', 'a'];
  let level = [''];
  for (let n = 1; n <= 7; n++) {
    level = level.flatMap((s) => alphabet.map((c) => s + c));
    for (const s of level) samples.push(s);
  }

  it('agrees with split and regex on every sample', () => {
    for (const s of samples) assert.equal(isIPv4(s), splitIPv4(s), JSON.stringify(s));
  });
  it('gives the bits ipv4ToInt gives for an address, -1 otherwise', () => {
    for (const s of samples) assert.equal(ipv4Bits(s), splitIPv4(s) ? ipv4ToInt(s) : -1, JSON.stringify(s));
  });
  it('answers the same when it reads a recent string again', () => {
    // ipv4Bits remembers the last string it read: read strings again, in turns and interleaved.
    const some = samples.slice(0, 40);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < some.length; i++) {
        for (const s of [some[i], some[(i * 7) % some.length], some[i], some[Math.max(0, i - 3)]]) {
          assert.equal(ipv4Bits(s), splitIPv4(s) ? ipv4ToInt(s) : -1, JSON.stringify(s));
        }
      }
    }
  });
  it('still tells netmasks, and gives their bits', () => {
    assert.equal(netmaskBits('255.255.255.252'), 0xfffffffc);
    assert.equal(netmaskBits('255.255.0.255'), -1);
    assert.equal(netmaskBits('1.2.3'), -1);
    assert.equal(netmaskBits('0.0.0.0'), 0);
    assert.equal(isNetmask('255.255.255.252'), true);
    assert.equal(isNetmask('255.255.0.255'), false);
    assert.equal(isNetmask('255.255.255.256'), false);
  });
});

describe('literal conversions without a result object', () => {
  const values: Value[] = [
    { kind: 'string', value: '10' }, { kind: 'string', value: ' 1.5e3 ' }, { kind: 'string', value: 'true' }, { kind: 'string', value: 'yes' },
    { kind: 'string', value: '' }, { kind: 'number', value: 7, raw: '7.0' }, { kind: 'bool', value: false }, { kind: 'bool', value: true },
    { kind: 'null' }, { kind: 'tuple', items: [] }, { kind: 'object' }, { kind: 'reference', path: ['var', 'x'], text: 'var.x' }, { kind: 'unknown', text: 'f()' },
  ];
  const old = <T>(c: { ok: true; value: T } | { ok: false } | { unknown: true }): T | undefined => ('ok' in c && c.ok ? c.value : undefined);
  it('agree with toStr, toNumber and toBool', () => {
    for (const v of values) {
      assert.equal(literalText(v), old(toStr(v)), JSON.stringify(v));
      assert.equal(literalNumber(v), old(toNumber(v)), JSON.stringify(v));
      assert.equal(literalBool(v), old(toBool(v)), JSON.stringify(v));
    }
  });
});

describe('reference attributes', () => {
  /** The definition of `attribute` before it was built step by step. */
  const joined = (rest: string[]) => rest.map((x) => (x.startsWith('[') ? x : '.' + x)).join('').replace(/^\./, '');
  const paths = [
    ['alicloud_vpc_bgp_group', 'g', 'id'], ['alicloud_vpc_bgp_group', 'g', '[0]', 'id'], ['alicloud_vpc_bgp_group', 'g', '[0]', '[1]', 'id'],
    ['data', 'alicloud_x_y', 'pc', 'connections', '0', 'id'], ['data', 'alicloud_x_y', 'pc', 'connections', '[0]', 'id'], ['alicloud_a_b', 'n'],
    ['alicloud_a_b', 'n', '[*]'], ['alicloud_a_b', 'n', '', 'x'], ['alicloud_a_b', 'n', '.x'], ['alicloud_a_b', 'n', '[*]', '', '[2]'],
  ];
  it('are the steps after the name joined as before', () => {
    for (const p of paths) {
      const ref = resourceRef({ kind: 'reference', path: p, text: p.join('.') })!;
      const from = p[0] === 'data' ? 3 : 2;
      const rest = p.slice(from);
      assert.equal(ref.attribute, joined(rest.length && rest[0].startsWith('[') ? rest.slice(1) : rest), JSON.stringify(p));
    }
  });
});

describe('per-entry tables agree with the schemas', () => {
  const entries: AttributeSchema[] = [];
  const visit = (b: { attributes: Record<string, AttributeSchema>; blocks?: Record<string, BlockSchema> }) => {
    entries.push(...Object.values(b.attributes));
    for (const nested of Object.values(b.blocks ?? {})) visit(nested);
  };
  for (const s of defaultSchemas().all()) visit(s);

  it('enumSet holds each accepted value, lower-cased when case does not matter', () => {
    for (const s of entries.filter((e) => e.enum)) {
      for (const e of s.enum!) assert.ok(enumSet(s).has(s.enumCaseInsensitive ? e.toLowerCase() : e));
      assert.equal(enumSet(s).size, new Set(s.enum!.map((e) => (s.enumCaseInsensitive ? e.toLowerCase() : e))).size);
      assert.equal(enumSet(s), enumSet(s), 'made once');
    }
  });
  it('isAccepted is enumSet ignoring case where the entry says so', () => {
    for (const s of entries.filter((e) => e.enum)) {
      const samples = s.enum!.flatMap((e) => [e, e.toLowerCase(), e.toUpperCase(), ` ${e}`, e + 'x', '']);
      for (const v of samples) assert.equal(isAccepted(s, v), enumSet(s).has(s.enumCaseInsensitive ? v.toLowerCase() : v), `${v} for ${s.enum}`);
    }
  });
  it('patternOf is the entry pattern with the u flag', () => {
    for (const s of entries.filter((e) => e.pattern)) {
      assert.equal(patternOf(s, s.pattern!).source, new RegExp(s.pattern!.regex, 'u').source);
      assert.equal(patternOf(s, s.pattern!).flags, 'u');
    }
  });
  it('referencedTypes lists the types of every reference, in order', () => {
    for (const s of entries) assert.deepEqual(referencedTypes(s), s.references?.flatMap((r) => r.types));
  });
});
