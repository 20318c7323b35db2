/**
 * Checks the data files in `schemas/` that drive the engine:
 *   - each validates against `schemas/resource.schema.json` (ajv, strict, all errors);
 *   - each file is named after its `type` and `kind`;
 *   - each agrees with the provider's published schema (`terraform providers schema -json`) in
 *     /work/shared/facts/provider-schema: same attributes, types and required/optional/computed flags
 *     in the newest dump, and `since`/`removed` consistent with the older dumps;
 *   - references, rules, examples, defaults, ranges, patterns, versions and CDKTF names are coherent.
 *
 * Run: cd /work/main && npx tsx --test test/unit/schemas.test.ts
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import Ajv from 'ajv';
import type {
  AttributeSchema,
  BlockSchema,
  CrossFieldRule,
  ResourceSchema,
} from '../../server/src/schema/types';

const SCHEMA_DIR = path.resolve(__dirname, '../../schemas');
const META_SCHEMA_FILE = 'resource.schema.json';
/** Real provider schema dumps; read in place, never copied into the repo. */
const DUMP_DIR = path.resolve(__dirname, '../../../shared/facts/provider-schema');

// ---------------------------------------------------------------------------------------------
// Known, documented differences between our schema shape and the provider's published schema.
// Each entry is checked to be still needed, so a stale exception fails too.
// ---------------------------------------------------------------------------------------------

/**
 * Every SDK-based resource and data source gets an implicit `id` that the published schema lists
 * as optional+computed. Its configured value is never used, so our schemas call it read-only.
 */
const IMPLICIT_ID = 'id';

/**
 * Attributes our facts call removed that a dump at or after the removal version still lists
 * (the provider kept the key in its schema). Allowed only when listed here.
 */
const REMOVED_BUT_STILL_PUBLISHED: Record<string, Record<string, string>> = {
  'resource.alicloud_express_connect_virtual_border_router': {
    include_cross_account_vbr: 'alicloud.md: removed in 1.263.0; the 1.283.0 dump still lists it as an optional bool',
  },
};

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

interface LoadedSchema {
  file: string;
  key: string; // `resource.<type>` or `data.<type>`
  schema: ResourceSchema;
}

function readJson(file: string): unknown {
  const text = fs.readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${(e as Error).message}`);
  }
}

const schemaFiles = fs
  .readdirSync(SCHEMA_DIR)
  .filter((f) => f.endsWith('.json') && f !== META_SCHEMA_FILE)
  .sort();

const loaded: LoadedSchema[] = schemaFiles.map((file) => {
  const schema = readJson(path.join(SCHEMA_DIR, file)) as ResourceSchema;
  return { file, key: `${schema.kind}.${schema.type}`, schema };
});
const byKey = new Map(loaded.map((l) => [l.key, l] as const));

interface DumpAttribute {
  type: unknown;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  deprecated?: boolean;
  sensitive?: boolean;
}
interface DumpBlock {
  attributes?: Record<string, DumpAttribute>;
  block_types?: Record<string, { nesting_mode: string; block: DumpBlock; min_items?: number; max_items?: number }>;
}
interface Dump {
  key: string;
  version: string;
  file: string;
  block: DumpBlock;
}

function loadDumps(): Dump[] {
  if (!fs.existsSync(DUMP_DIR)) {
    throw new Error(`provider schema dumps not found at ${DUMP_DIR} (expected shared/ beside the repo)`);
  }
  const dumps: Dump[] = [];
  for (const file of fs.readdirSync(DUMP_DIR).sort()) {
    const m = /^(resource|data)__([a-z0-9_]+)@(\d+\.\d+\.\d+)\.json$/.exec(file);
    if (!m) continue;
    const json = readJson(path.join(DUMP_DIR, file)) as { block: DumpBlock };
    dumps.push({ key: `${m[1]}.${m[2]}`, version: m[3], file, block: json.block });
  }
  return dumps;
}
const dumps = loadDumps();

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

function dumpsFor(key: string): Dump[] {
  return dumps.filter((d) => d.key === key).sort((a, b) => compareVersions(a.version, b.version));
}

/** `["list","string"]` → `list(string)`; object types → `list(object({...}))`. */
function dumpTypeName(t: unknown): string {
  if (typeof t === 'string') return t;
  if (Array.isArray(t) && t.length === 2) {
    const [kind, elem] = t as [string, unknown];
    if (kind === 'object' && elem && typeof elem === 'object') {
      const fields = Object.entries(elem as Record<string, unknown>).map(([k, v]) => `${k}=${dumpTypeName(v)}`);
      return `object({${fields.join(',')}})`;
    }
    return `${kind}(${dumpTypeName(elem)})`;
  }
  return JSON.stringify(t);
}

/** Fails with every problem listed, one per line. */
function assertNoProblems(problems: string[], what: string): void {
  if (problems.length > 0) {
    assert.fail(`${what}: ${problems.length} problem(s)\n  - ${problems.join('\n  - ')}`);
  }
}

// ---------------------------------------------------------------------------------------------
// A tiny HCL literal parser and value checker for `example` and `default`
// ---------------------------------------------------------------------------------------------

type HclValue = string | number | boolean | HclValue[] | { [key: string]: HclValue };

/** Parses an HCL literal: string, number, bool, tuple or object of literals. Throws on anything else. */
function parseHclLiteral(text: string): HclValue {
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`${msg} at offset ${i} in ${JSON.stringify(text)}`);
  };
  const skip = (newlines = true): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || (newlines && (text[i] === '\n' || text[i] === '\r')))) i++;
  };
  const parseString = (): string => {
    i++; // opening quote
    let out = '';
    while (i < text.length && text[i] !== '"') {
      const c = text[i];
      if (c === '\n') fail('newline in string');
      if ((c === '$' || c === '%') && text[i + 1] === '{') fail('template sequence in string (not a literal)');
      if (c === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
        if (e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          fail(`bad escape \\${e}`);
        }
      } else {
        out += c;
        i++;
      }
    }
    if (text[i] !== '"') fail('unterminated string');
    i++;
    return out;
  };
  const parseValue = (): HclValue => {
    skip();
    const c = text[i];
    if (c === '"') return parseString();
    if (c === '[') {
      i++;
      const items: HclValue[] = [];
      skip();
      while (text[i] !== ']') {
        items.push(parseValue());
        skip();
        if (text[i] === ',') {
          i++;
          skip();
        } else if (text[i] !== ']') fail('expected , or ]');
      }
      i++;
      return items;
    }
    if (c === '{') {
      i++;
      const obj: Record<string, HclValue> = {};
      skip();
      while (text[i] !== '}') {
        let key: string;
        if (text[i] === '"') key = parseString();
        else {
          const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i));
          if (!m) return fail('expected an object key');
          key = m[0];
          i += key.length;
        }
        skip(false);
        if (text[i] !== '=' && text[i] !== ':') fail('expected = or :');
        i++;
        if (key in obj) fail(`duplicate key ${key}`);
        obj[key] = parseValue();
        skip(false);
        if (text[i] === ',' || text[i] === '\n' || text[i] === '\r') i++;
        else if (text[i] !== '}') fail('expected , newline or }');
        skip();
      }
      i++;
      return obj;
    }
    const num = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i));
    if (num) {
      i += num[0].length;
      return Number(num[0]);
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (word && (word[0] === 'true' || word[0] === 'false')) {
      i += word[0].length;
      return word[0] === 'true';
    }
    return fail(word ? `'${word[0]}' is not a literal` : 'expected a literal');
  };
  const value = parseValue();
  skip();
  if (i !== text.length) fail('trailing text');
  return value;
}

const GO_DURATION = /^((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/;

function isNetmask(s: string): boolean {
  if (!net.isIPv4(s)) return false;
  const bits = s
    .split('.')
    .map((o) => Number(o).toString(2).padStart(8, '0'))
    .join('');
  return /^1*0*$/.test(bits);
}

function formatProblem(format: AttributeSchema['format'], s: string): string | undefined {
  switch (format) {
    case undefined:
      return undefined;
    case 'ip':
      return net.isIP(s) ? undefined : `${JSON.stringify(s)} is not an IP address`;
    case 'ipv4':
      return net.isIPv4(s) ? undefined : `${JSON.stringify(s)} is not an IPv4 address`;
    case 'ipv6':
      return net.isIPv6(s) ? undefined : `${JSON.stringify(s)} is not an IPv6 address`;
    case 'netmask':
      return isNetmask(s) ? undefined : `${JSON.stringify(s)} is not a dotted IPv4 netmask`;
    case 'duration':
      return GO_DURATION.test(s) ? undefined : `${JSON.stringify(s)} is not a duration such as "10m"`;
    case 'regex':
      try {
        new RegExp(s);
        return undefined;
      } catch (e) {
        return `${JSON.stringify(s)} is not a regular expression: ${(e as Error).message}`;
      }
    default:
      return `unknown format ${String(format)}`;
  }
}

/**
 * Problems with `value` as a value of `attr`. Values must be canonical: a quoted "10" for a number
 * would be converted by Terraform, but an example or default should show the real type.
 */
function valueProblems(attr: AttributeSchema, value: HclValue): string[] {
  const p: string[] = [];
  const show = JSON.stringify(value);
  switch (attr.type) {
    case 'string': {
      if (typeof value !== 'string') return [`${show} is not a string`];
      if (attr.enum) {
        const ok = attr.enumCaseInsensitive
          ? attr.enum.some((e) => e.toLowerCase() === value.toLowerCase())
          : attr.enum.includes(value);
        if (!ok) p.push(`${show} is not one of ${attr.enum.join(', ')}`);
      }
      const f = formatProblem(attr.format, value);
      if (f) p.push(f);
      if (attr.pattern && !new RegExp(attr.pattern.regex).test(value)) {
        p.push(`${show} does not match /${attr.pattern.regex}/ (${attr.pattern.message})`);
      }
      if (attr.minLength !== undefined && value.length < attr.minLength) p.push(`${show} is shorter than ${attr.minLength}`);
      if (attr.maxLength !== undefined && value.length > attr.maxLength) p.push(`${show} is longer than ${attr.maxLength}`);
      if (attr.nonEmpty && value === '') p.push('empty string');
      return p;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return [`${show} is not a number`];
      if (attr.integer && !Number.isInteger(value)) p.push(`${show} is not a whole number`);
      if (attr.ranges && !attr.ranges.some((r) => value >= r.min && value <= r.max)) {
        p.push(`${show} is outside ${attr.ranges.map((r) => (r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`)).join(', ')}`);
      }
      const reserved = attr.reserved?.find((r) => r.value === value);
      if (reserved) p.push(`${show} is reserved: ${reserved.reason}`);
      return p;
    }
    case 'bool':
      return typeof value === 'boolean' ? [] : [`${show} is not a bool`];
    case 'list(string)':
    case 'set(string)': {
      if (!Array.isArray(value)) return [`${show} is not a list`];
      if (value.some((v) => typeof v !== 'string')) p.push(`${show} has a non-string element`);
      if (attr.type === 'set(string)' && new Set(value).size !== value.length) p.push(`${show} has duplicate elements`);
      return p;
    }
    case 'map(string)': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${show} is not a map`];
      if (Object.values(value).some((v) => typeof v !== 'string')) p.push(`${show} has a non-string value`);
      return p;
    }
    case 'list(object)':
      if (!Array.isArray(value)) return [`${show} is not a list`];
      return value.some((v) => v === null || typeof v !== 'object' || Array.isArray(v)) ? [`${show} has an element that is not an object`] : [];
    default:
      return [`unknown type ${String((attr as AttributeSchema).type)}`];
  }
}

function exampleProblems(attr: AttributeSchema): string[] {
  if (attr.example === undefined) return [];
  let value: HclValue;
  try {
    value = parseHclLiteral(attr.example);
  } catch (e) {
    return [`example ${attr.example} is not an HCL literal: ${(e as Error).message}`];
  }
  return valueProblems(attr, value).map((m) => `example ${attr.example}: ${m}`);
}

// ---------------------------------------------------------------------------------------------
// Helpers over our schemas
// ---------------------------------------------------------------------------------------------

/** All attributes, top-level and in blocks, keyed by dotted path (`timeouts.create`). */
function allAttributes(s: { attributes: Record<string, AttributeSchema>; blocks?: Record<string, BlockSchema> }, prefix = ''): [string, AttributeSchema][] {
  const out: [string, AttributeSchema][] = Object.entries(s.attributes).map(([k, a]) => [prefix + k, a]);
  for (const [name, b] of Object.entries(s.blocks ?? {})) out.push(...allAttributes(b, `${prefix}${name}.`));
  return out;
}

function pascal(parts: string[]): string {
  return parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
}

function ruleAttributeNames(rule: CrossFieldRule): string[] {
  switch (rule.kind) {
    case 'requires':
      return [rule.attribute, rule.requires.attribute];
    case 'ipFamilyMatches':
      return [rule.address, rule.version];
    case 'sameSubnet':
      return [...rule.addresses, rule.mask];
    case 'matchesReferenced':
      // `otherAttribute` belongs to the referenced resource type, not to this one.
      return [rule.attribute, rule.via];
    case 'maxPerReferenced':
      // Only the first hop is an attribute of this type; the rest belong to the types it reaches.
      return [rule.via[0]];
    case 'requiresOnReferenced':
      return [rule.attribute, rule.via[0]];
  }
}

/** One check written for several resource types: the same condition on the resource each reaches (an IPv6 group's or peer's VBR). */
function sameCheckAcrossTypes(a: CrossFieldRule, b: CrossFieldRule): boolean {
  if (a.kind !== 'requiresOnReferenced' || b.kind !== 'requiresOnReferenced') return false;
  const { via: _a, ...restA } = a;
  const { via: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB) && a.via[a.via.length - 1] === b.via[b.via.length - 1];
}

/** The flags the published schema would show for one of our attributes. */
function ourFlags(name: string, a: AttributeSchema): { required: boolean; optional: boolean; computed: boolean } {
  if (name === IMPLICIT_ID && a.readOnly) return { required: false, optional: true, computed: true };
  return { required: !!a.required, optional: !a.required && !a.readOnly, computed: !!a.computed };
}

function flagString(f: { required?: boolean; optional?: boolean; computed?: boolean }): string {
  return [f.required && 'required', f.optional && 'optional', f.computed && 'computed'].filter(Boolean).join('+') || '(none)';
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

/**
 * Provider types we have no schema for but that legitimately hold a referenced ID
 * (a physical connection created as a resource instead of read with the data source).
 */
const OTHER_PROVIDER_TYPES = new Set(['alicloud_express_connect_physical_connection']);

describe('schemas/', () => {
  it('has the meta-schema and at least the four BGP data files', () => {
    assert.ok(fs.existsSync(path.join(SCHEMA_DIR, META_SCHEMA_FILE)), `missing schemas/${META_SCHEMA_FILE}`);
    for (const f of [
      'alicloud_vpc_bgp_peer.json',
      'alicloud_vpc_bgp_group.json',
      'alicloud_express_connect_virtual_border_router.json',
      'data.alicloud_express_connect_physical_connections.json',
    ]) {
      assert.ok(schemaFiles.includes(f), `missing schemas/${f}`);
    }
  });

  describe('validate against resource.schema.json (ajv, strict, allErrors)', () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    const validate = ajv.compile(readJson(path.join(SCHEMA_DIR, META_SCHEMA_FILE)) as object);
    for (const { file, schema } of loaded) {
      it(file, () => {
        const ok = validate(schema);
        assert.ok(ok, `schemas/${file} does not fit resource.schema.json:\n  ${ajv.errorsText(validate.errors, { separator: '\n  ', dataVar: file })}`);
      });
    }
  });

  describe('the meta-schema rejects what types.ts forbids', () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    const validate = ajv.compile(readJson(path.join(SCHEMA_DIR, META_SCHEMA_FILE)) as object);
    const base = (): ResourceSchema => JSON.parse(JSON.stringify(byKey.get('resource.alicloud_vpc_bgp_peer')!.schema));
    const cases: [string, (s: Record<string, any>) => void][] = [
      ['an unknown top-level key', (s) => (s.extra = 1)],
      ['an unknown attribute key', (s) => (s.attributes.enable_bfd.optional = true)],
      ['an unknown type', (s) => (s.attributes.enable_bfd.type = 'boolean')],
      ['an unknown format', (s) => (s.attributes.peer_ip_address.format = 'cidr')],
      ['an unknown severity', (s) => (s.rules[0].severity = 'fatal')],
      ['a bad version', (s) => (s.since = '1.153')],
      ['a bad rule code', (s) => (s.rules[0].code = 'Bad_Code')],
      ['a rule of unknown kind', (s) => (s.rules[0].kind = 'conflicts')],
      ['a requires rule without message', (s) => delete s.rules[0].message],
      ['a requires rule with a sameSubnet field', (s) => (s.rules[0].mask = 'x')],
      ['readOnly without computed', (s) => delete s.attributes.status.computed],
      ['readOnly and required', (s) => (s.attributes.status.required = true)],
      ['ranges on a string', (s) => (s.attributes.ip_version.ranges = [{ min: 1, max: 2 }])],
      ['enum on a number', (s) => (s.attributes.bfd_multi_hop.enum = ['1'])],
      ['a default of the wrong type', (s) => (s.attributes.bfd_multi_hop.default = '255')],
      ['enumSeverity without enum', (s) => (s.attributes.peer_ip_address.enumSeverity = 'warning')],
      ['a missing description', (s) => delete s.attributes.enable_bfd.description],
      ['a block without attributes', (s) => delete s.blocks.timeouts.attributes],
    ];
    for (const [what, mutate] of cases) {
      it(`rejects ${what}`, () => {
        const s = base() as unknown as Record<string, any>;
        mutate(s);
        assert.equal(validate(s), false, `the meta-schema accepted ${what}`);
      });
    }
  });

  describe('file names match type and kind', () => {
    for (const { file, schema } of loaded) {
      it(file, () => {
        const expected = schema.kind === 'data' ? `data.${schema.type}.json` : `${schema.type}.json`;
        assert.equal(file, expected, `schemas/${file} declares kind "${schema.kind}" and type "${schema.type}", so it should be named ${expected}`);
        const slug = schema.type.replace(/^alicloud_/, '');
        const section = schema.kind === 'data' ? 'data-sources' : 'resources';
        assert.ok(
          schema.docsUrl.endsWith(`/docs/${section}/${slug}`),
          `${file}: docsUrl ${schema.docsUrl} should end with /docs/${section}/${slug}`,
        );
      });
    }
  });

  describe('agrees with the newest provider schema dump', () => {
    for (const { file, key, schema } of loaded) {
      it(file, () => {
        const versions = dumpsFor(key);
        assert.ok(versions.length > 0, `${file}: no provider schema dump for ${key} in ${DUMP_DIR}`);
        const newest = versions[versions.length - 1];
        const problems: string[] = [];

        const compare = (
          ours: { attributes: Record<string, AttributeSchema>; blocks?: Record<string, BlockSchema> },
          dump: DumpBlock,
          prefix: string,
        ): void => {
          const dumpAttrs = dump.attributes ?? {};
          for (const [name, d] of Object.entries(dumpAttrs)) {
            const where = `${prefix}${name}`;
            const a = ours.attributes[name];
            if (!a) {
              problems.push(`${where}: in ${newest.file} (${dumpTypeName(d.type)}, ${flagString(d)}) but missing from our schema`);
              continue;
            }
            // `AttributeType` names an object type without its fields: list(object({id=string,…})) is list(object).
            const dumpType = dumpTypeName(d.type).replace(/object\(\{[^()]*\}\)/g, 'object');
            if (a.type !== dumpType) problems.push(`${where}: type ${a.type} but the dump says ${dumpType}`);
            const mine = ourFlags(name, a);
            const theirs = { required: !!d.required, optional: !!d.optional, computed: !!d.computed };
            if (mine.required !== theirs.required || mine.optional !== theirs.optional || mine.computed !== theirs.computed) {
              problems.push(
                `${where}: ours is ${flagString(mine)}${a.readOnly ? ' (readOnly)' : ''} but the dump says ${flagString(theirs)}` +
                  (theirs.computed && !theirs.optional && !theirs.required ? ' — computed-only means readOnly: true, computed: true' : ''),
              );
            }
            if (name === IMPLICIT_ID && prefix === '' && !a.readOnly) {
              problems.push(`${where}: the implicit id should be readOnly (its configured value is never used)`);
            }
            if (!!d.deprecated !== !!a.deprecated) {
              problems.push(`${where}: dump deprecated=${!!d.deprecated} but ours ${a.deprecated ? 'has' : 'lacks'} "deprecated"`);
            }
            if (d.sensitive && !a.sensitive) problems.push(`${where}: the provider marks it sensitive; ours does not`);
          }
          for (const [name, a] of Object.entries(ours.attributes)) {
            if (!(name in dumpAttrs) && !a.removed) {
              problems.push(`${prefix}${name}: not in ${newest.file}; mark it "removed" with the version that dropped it`);
            }
          }
          const dumpBlocks = dump.block_types ?? {};
          for (const [name, db] of Object.entries(dumpBlocks)) {
            const b = ours.blocks?.[name];
            if (!b) {
              problems.push(`${prefix}${name}: block in ${newest.file} but missing from our schema`);
              continue;
            }
            const max = db.nesting_mode === 'single' ? 1 : db.max_items;
            if (max !== undefined && b.maxItems !== max) problems.push(`${prefix}${name}: maxItems ${b.maxItems} but the dump allows ${max}`);
            compare(b, db.block, `${prefix}${name}.`);
          }
          for (const [name, b] of Object.entries(ours.blocks ?? {})) {
            if (!(name in dumpBlocks) && !b.removed) problems.push(`${prefix}${name}: block not in ${newest.file}; mark it "removed"`);
          }
        };
        compare(schema, newest.block, '');
        assertNoProblems(problems, `schemas/${file} vs ${newest.file}`);
      });
    }
  });

  describe('since / removed agree with older provider schema dumps', () => {
    for (const { file, key, schema } of loaded) {
      it(file, () => {
        const versions = dumpsFor(key);
        const problems: string[] = [];
        const removedButPublished = REMOVED_BUT_STILL_PUBLISHED[key] ?? {};
        const usedRemovedAllowances = new Set<string>();
        if (versions.length === 0) problems.push(`no dump for ${key}`);
        for (const dump of versions) {
          if (schema.since && compareVersions(schema.since, dump.version) > 0) {
            problems.push(`${key} has since ${schema.since}, but ${dump.file} already has it`);
          }
          const dumpPaths = new Map<string, DumpAttribute>();
          const walk = (b: DumpBlock, prefix: string): void => {
            for (const [n, a] of Object.entries(b.attributes ?? {})) dumpPaths.set(prefix + n, a);
            for (const [n, bt] of Object.entries(b.block_types ?? {})) walk(bt.block, `${prefix}${n}.`);
          };
          walk(dump.block, '');
          const ours = new Map(allAttributes(schema));
          for (const p of dumpPaths.keys()) {
            const a = ours.get(p);
            if (!a) {
              problems.push(`${p}: in ${dump.file} but missing from our schema (add it with "removed")`);
              continue;
            }
            if (a.since && compareVersions(a.since, dump.version) > 0) problems.push(`${p}: since ${a.since}, but ${dump.file} already has it`);
            if (a.absentUntil && compareVersions(a.absentUntil, dump.version) >= 0) problems.push(`${p}: absent until ${a.absentUntil}, but ${dump.file} has it`);
            if (a.removed && compareVersions(a.removed, dump.version) <= 0) {
              if (removedButPublished[p]) usedRemovedAllowances.add(p);
              else problems.push(`${p}: removed ${a.removed}, but ${dump.file} still has it`);
            }
          }
          for (const [p, a] of ours) {
            if (dumpPaths.has(p)) continue;
            const explained =
              (a.since && compareVersions(a.since, dump.version) > 0) ||
              (a.absentUntil && compareVersions(a.absentUntil, dump.version) >= 0) ||
              (a.removed && compareVersions(a.removed, dump.version) <= 0);
            if (explained) continue;
            problems.push(`${p}: not in ${dump.file}; give it a "since" later than ${dump.version} ("absentUntil": "${dump.version}" if the version that added it is not known, or "removed")`);
          }
        }
        for (const p of Object.keys(removedButPublished)) {
          if (!usedRemovedAllowances.has(p)) problems.push(`${p}: REMOVED_BUT_STILL_PUBLISHED entry is stale`);
        }
        assertNoProblems(problems, `schemas/${file} vs older dumps`);
      });
    }
  });

  describe('references and rules name real attributes', () => {
    for (const { file, schema } of loaded) {
      it(file, () => {
        const problems: string[] = [];
        for (const [p, a] of allAttributes(schema)) {
          for (const ref of a.references ?? []) {
            for (const t of ref.types) {
              const target = byKey.get(`resource.${t}`) ?? byKey.get(`data.${t}`);
              if (!target && OTHER_PROVIDER_TYPES.has(t)) continue;
              if (!target) {
                problems.push(`${p}: references unknown type ${t} (no schemas/${t}.json or schemas/data.${t}.json)`);
                continue;
              }
              if (ref.path) {
                const segments = ref.path.split('.');
                if (!(segments[0] in target.schema.attributes)) problems.push(`${p}: path ${ref.path} starts with ${segments[0]}, which ${t} lacks`);
                if (segments[segments.length - 1] !== ref.attribute) problems.push(`${p}: path ${ref.path} should end with .${ref.attribute}`);
              } else if (!(ref.attribute in target.schema.attributes)) {
                problems.push(`${p}: references ${t}.${ref.attribute}, which does not exist`);
              } else if (target.schema.attributes[ref.attribute].type !== a.type) {
                problems.push(`${p}: type ${a.type} but ${t}.${ref.attribute} is ${target.schema.attributes[ref.attribute].type}`);
              }
            }
          }
        }
        for (const [n, rule] of (schema.rules ?? []).entries()) {
          const where = `rules[${n}] (${rule.code})`;
          for (const name of ruleAttributeNames(rule)) {
            const a = schema.attributes[name];
            if (!a) problems.push(`${where}: attribute ${name} does not exist`);
            else if (a.readOnly) problems.push(`${where}: attribute ${name} is read-only, a rule on it can never fire`);
          }
          if (rule.kind === 'requires') {
            if (rule.attribute === rule.requires.attribute) problems.push(`${where}: an attribute cannot require itself`);
            const target = schema.attributes[rule.requires.attribute];
            if (target) {
              const v = rule.requires.value;
              const vp = valueProblems(target, v);
              if (vp.length) problems.push(`${where}: requires ${rule.requires.attribute} = ${JSON.stringify(v)}: ${vp.join('; ')}`);
            }
            if (!rule.message.includes('{attribute}')) problems.push(`${where}: message should name {attribute}`);
          }
          if (rule.kind === 'ipFamilyMatches') {
            const addr = schema.attributes[rule.address];
            const ver = schema.attributes[rule.version];
            if (addr && !['ip', 'ipv4', 'ipv6'].includes(addr.format ?? '')) problems.push(`${where}: ${rule.address} should have an IP format`);
            if (ver && !(ver.enum ?? []).some((e) => /^ipv[46]$/i.test(e))) problems.push(`${where}: ${rule.version} should enumerate IPv4/IPv6`);
          }
          if (rule.kind === 'sameSubnet') {
            for (const x of rule.addresses) {
              const a = schema.attributes[x];
              if (a && a.format !== 'ipv4') problems.push(`${where}: ${x} should have format ipv4`);
            }
            const m = schema.attributes[rule.mask];
            if (m && m.format !== 'netmask') problems.push(`${where}: ${rule.mask} should have format netmask`);
          }
        }
        assertNoProblems(problems, `schemas/${file}`);
      });
    }
  });

  it('rule codes are unique across files (a code repeats only for the same check on other attributes)', () => {
    const seen = new Map<string, { file: string; rule: CrossFieldRule }>();
    const problems: string[] = [];
    for (const { file, schema } of loaded) {
      const inFile = new Set<string>();
      for (const rule of schema.rules ?? []) {
        const prev = seen.get(rule.code);
        if (!prev) {
          seen.set(rule.code, { file, rule });
          inFile.add(`${rule.code}/${ruleAttributeNames(rule)[0]}`);
          continue;
        }
        if (prev.file !== file) {
          if (!sameCheckAcrossTypes(prev.rule, rule)) problems.push(`code ${rule.code} is used in both ${prev.file} and ${file}`);
          continue;
        }
        const r0 = prev.rule;
        const sameCheck =
          r0.kind === 'requires' &&
          rule.kind === 'requires' &&
          r0.severity === rule.severity &&
          r0.message === rule.message &&
          JSON.stringify(r0.requires) === JSON.stringify(rule.requires);
        const subject = `${rule.code}/${ruleAttributeNames(rule)[0]}`;
        if (!sameCheck) problems.push(`${file}: code ${rule.code} is reused for a different check`);
        else if (inFile.has(subject)) problems.push(`${file}: rule ${rule.code} is listed twice for ${ruleAttributeNames(rule)[0]}`);
        inFile.add(subject);
      }
    }
    assertNoProblems(problems, 'rule codes');
  });

  describe('examples and defaults are valid values', () => {
    for (const { file, schema } of loaded) {
      it(file, () => {
        const problems: string[] = [];
        for (const [p, a] of allAttributes(schema)) {
          if (a.example === undefined && !a.sensitive) problems.push(`${p}: has no example (only sensitive attributes may omit it)`);
          problems.push(...exampleProblems(a).map((m) => `${p}: ${m}`));
          if (a.default !== undefined) {
            problems.push(...valueProblems(a, a.default).map((m) => `${p}: default ${m}`));
          }
        }
        assertNoProblems(problems, `schemas/${file}`);
      });
    }
  });

  describe('attribute facts are internally consistent', () => {
    for (const { file, schema } of loaded) {
      it(file, () => {
        const problems: string[] = [];
        const checkVersions = (where: string, v: { since?: string; absentUntil?: string; deprecated?: { since: string }; removed?: string }): void => {
          const own = v === schema;
          if (v.since && v.absentUntil) problems.push(`${where}: since and absentUntil at once (absentUntil is for an unknown since)`);
          if (v.absentUntil && schema.since && compareVersions(v.absentUntil, schema.since) < 0) {
            problems.push(`${where}: absent until ${v.absentUntil}, before the ${schema.kind} itself (${schema.since}): say nothing`);
          }
          if (!own && v.since && schema.since && compareVersions(v.since, schema.since) < 0) {
            problems.push(`${where}: since ${v.since} is before the ${schema.kind} itself (${schema.since})`);
          }
          if (!own && v.since && schema.since && compareVersions(v.since, schema.since) === 0) {
            problems.push(`${where}: since ${v.since} equals the ${schema.kind}'s own since; leave it out`);
          }
          const start = v.since ?? schema.since;
          if (v.deprecated && start && compareVersions(v.deprecated.since, start) < 0) problems.push(`${where}: deprecated before it was added`);
          if (v.removed && start && compareVersions(v.removed, start) <= 0) problems.push(`${where}: removed before it was added`);
          if (v.removed && v.deprecated && compareVersions(v.removed, v.deprecated.since) < 0) problems.push(`${where}: removed before deprecated`);
        };
        checkVersions('(resource)', schema);
        for (const [name, b] of Object.entries(schema.blocks ?? {})) checkVersions(name, b);
        for (const [p, a] of allAttributes(schema)) {
          checkVersions(p, a);
          if (a.required && a.computed) problems.push(`${p}: required and computed at once`);
          if (a.readOnly && !a.computed) problems.push(`${p}: readOnly must also be computed`);
          if (a.readOnly && a.required) problems.push(`${p}: readOnly and required at once`);
          if (a.ranges) {
            const sorted = [...a.ranges].sort((x, y) => x.min - y.min);
            for (const [i, r] of sorted.entries()) {
              if (r.min > r.max) problems.push(`${p}: range ${r.min}–${r.max} is empty`);
              if (a.integer && (!Number.isInteger(r.min) || !Number.isInteger(r.max))) problems.push(`${p}: integer range with fractional bounds`);
              if (i > 0 && r.min <= sorted[i - 1].max) problems.push(`${p}: ranges overlap`);
            }
            if (JSON.stringify(sorted) !== JSON.stringify(a.ranges)) problems.push(`${p}: list ranges in ascending order`);
          }
          for (const r of a.reserved ?? []) {
            if (!(a.ranges ?? []).some((x) => r.value >= x.min && r.value <= x.max)) {
              problems.push(`${p}: reserved ${r.value} lies outside every range, so reserving it says nothing`);
            }
          }
          if (a.minLength !== undefined && a.maxLength !== undefined && a.minLength > a.maxLength) problems.push(`${p}: minLength > maxLength`);
          if (a.pattern) {
            try {
              new RegExp(a.pattern.regex);
            } catch (e) {
              problems.push(`${p}: pattern ${a.pattern.regex} does not compile: ${(e as Error).message}`);
            }
          }
          if (a.enum && a.enumCaseInsensitive) {
            const lower = a.enum.map((e) => e.toLowerCase());
            if (new Set(lower).size !== lower.length) problems.push(`${p}: enum values collide ignoring case`);
          }
          if (a.description.length > 600) problems.push(`${p}: description is ${a.description.length} characters; keep hover text to 1–3 sentences`);
        }
        if (schema.description.length > 600) problems.push(`(resource): description is too long for a hover`);
        assertNoProblems(problems, `schemas/${file}`);
      });
    }
  });

  describe('import IDs and CDKTF names follow the type name', () => {
    for (const { file, schema } of loaded) {
      it(file, () => {
        const problems: string[] = [];
        if (schema.import) {
          const re = new RegExp(schema.import.idPattern);
          if (!re.test(schema.import.idExample)) problems.push(`import.idExample ${schema.import.idExample} does not match ${schema.import.idPattern}`);
          const id = schema.attributes.id;
          if (id?.example !== undefined) {
            const v = parseHclLiteral(id.example);
            if (typeof v !== 'string' || !re.test(v)) problems.push(`attributes.id.example ${id.example} does not match the import pattern`);
          }
        } else if (schema.kind === 'resource') {
          problems.push('a resource should describe its import ID');
        }
        if (schema.cdktf) {
          const parts = schema.type.split('_');
          const own = schema.kind === 'data' ? ['data', ...parts] : parts.slice(1);
          const className = pascal(own);
          const expected = {
            className,
            configName: `${className}Config`,
            typescriptModule: own.join('-'),
            pythonModule: own.join('_'),
            goPackage: own.join(''),
          };
          for (const [k, v] of Object.entries(expected)) {
            const actual = (schema.cdktf as unknown as Record<string, string>)[k];
            if (actual !== v) problems.push(`cdktf.${k} is ${actual}; CDKTF generates ${v}`);
          }
          const hasTimeouts = !!schema.blocks?.timeouts;
          if (hasTimeouts && schema.cdktf.timeoutsName !== `${className}Timeouts`) problems.push(`cdktf.timeoutsName should be ${className}Timeouts`);
          if (!hasTimeouts && schema.cdktf.timeoutsName) problems.push('cdktf.timeoutsName set but there is no timeouts block');
        } else {
          problems.push('missing cdktf names');
        }
        assertNoProblems(problems, `schemas/${file}`);
      });
    }
  });
});

describe('the example checker itself', () => {
  const peer = byKey.get('resource.alicloud_vpc_bgp_peer')!.schema;
  const group = byKey.get('resource.alicloud_vpc_bgp_group')!.schema;
  const vbr = byKey.get('resource.alicloud_express_connect_virtual_border_router')!.schema;
  const check = (a: AttributeSchema, example: string): string[] => exampleProblems({ ...a, example });

  it('parses HCL literals', () => {
    assert.deepEqual(parseHclLiteral('"a\\"b"'), 'a"b');
    assert.deepEqual(parseHclLiteral('[ "a", "b", ]'), ['a', 'b']);
    assert.deepEqual(parseHclLiteral('{ Environment = "prod", "x-y" : "z" }'), { Environment: 'prod', 'x-y': 'z' });
    assert.deepEqual(parseHclLiteral('{\n  a = "1"\n  b = "2"\n}'), { a: '1', b: '2' });
    assert.equal(parseHclLiteral('-1.5e3'), -1500);
    assert.equal(parseHclLiteral('false'), false);
    assert.throws(() => parseHclLiteral('var.x'), /not a literal/);
    assert.throws(() => parseHclLiteral('"${var.x}"'), /template/);
    assert.throws(() => parseHclLiteral('"open'), /unterminated/);
    assert.throws(() => parseHclLiteral('1 2'), /trailing/);
  });

  it('checks numbers: type, integer, ranges, reserved', () => {
    assert.deepEqual(check(peer.attributes.bfd_multi_hop, '1'), []);
    assert.deepEqual(check(peer.attributes.bfd_multi_hop, '255'), []);
    assert.notDeepEqual(check(peer.attributes.bfd_multi_hop, '0'), []);
    assert.notDeepEqual(check(peer.attributes.bfd_multi_hop, '256'), []);
    assert.notDeepEqual(check(peer.attributes.bfd_multi_hop, '1.5'), []);
    assert.notDeepEqual(check(peer.attributes.bfd_multi_hop, '"10"'), [], 'examples must be canonical numbers');
    assert.deepEqual(check(group.attributes.local_asn, '4200000000'), []);
    assert.notDeepEqual(check(group.attributes.local_asn, '65025'), [], '65025 is reserved');
    assert.notDeepEqual(check(group.attributes.local_asn, '64511'), []);
    assert.notDeepEqual(check(vbr.attributes.mtu, '9000'), []);
  });

  it('checks strings: enum (with case), format, pattern, length', () => {
    assert.deepEqual(check(peer.attributes.ip_version, '"IPV4"'), [], 'ip_version is case-insensitive');
    assert.notDeepEqual(check(peer.attributes.ip_version, '"IPv5"'), []);
    assert.notDeepEqual(check(vbr.attributes.status, '"Active"'), [], 'VBR status is case-sensitive');
    assert.deepEqual(check(peer.attributes.peer_ip_address, '"2408:4004:cc::2"'), []);
    assert.notDeepEqual(check(peer.attributes.peer_ip_address, '"10.0.0.256"'), []);
    assert.notDeepEqual(check(vbr.attributes.local_gateway_ip, '"2408:4004:cc::1"'), [], 'ipv4 only');
    assert.notDeepEqual(check(vbr.attributes.peering_subnet_mask, '"255.0.255.0"'), [], 'non-contiguous mask');
    assert.notDeepEqual(check(peer.blocks!.timeouts.attributes.create, '"5 minutes"'), []);
    assert.deepEqual(check(peer.blocks!.timeouts.attributes.create, '"1h30m"'), []);
    assert.notDeepEqual(check(group.attributes.bgp_group_name, '"1abc"'), []);
    assert.notDeepEqual(check(group.attributes.bgp_group_name, '"http://x"'), []);
    assert.notDeepEqual(check(group.attributes.bgp_group_name, '"a"'), [], 'too short');
    assert.notDeepEqual(check(group.attributes.description, '"https://example.com"'), []);
    assert.notDeepEqual(check(peer.attributes.bgp_group_id, '""'), [], 'nonEmpty');
  });

  it('checks bools, lists and maps', () => {
    assert.notDeepEqual(check(peer.attributes.enable_bfd, '"true"'), []);
    assert.deepEqual(check(vbr.attributes.tags, '{ a = "b" }'), []);
    assert.notDeepEqual(check(vbr.attributes.tags, '{ a = 1 }'), []);
    assert.notDeepEqual(check(vbr.attributes.tags, '["a"]'), []);
  });
});
