/**
 * Checks on literal values against the schema: whole numbers and ranges (`not-whole-number`,
 * `value-out-of-range`, `reserved-value`), accepted values (`invalid-value`), formats (`invalid-ip-address`,
 * `invalid-netmask`, `invalid-duration`, `invalid-regex`), patterns (`invalid-format`) and lengths (`invalid-length`).
 * Every argument of every block passes here, so a valid value costs no allocation: names, nearest values and
 * fixes are made only for a finding.
 */
import type { Attribute, ResourceInstance, Value } from '../../model/types';
import { withAttributes, withValue } from '../../model/types';
import { crossFieldRules } from './crossField';
import type { AttributeSchema, NumberRange, ResourceSchema } from '../../schema/types';
import type { Finding, NeutralFix } from '../finding';
import { FORMATS } from '../formats';
import { literalNumber, literalText } from '../values';
import { BodyView, qualified } from './body';
import { isAccepted, patternOf } from './tables';

const NO_RANGES: NumberRange[] = [];

/**
 * The finding for a complete, settable argument whose literal converts to its type (the walk in `local.ts`
 * asks; type errors are the type rule's), or undefined.
 */
export function literalValue(instance: ResourceInstance, schema: ResourceSchema, body: BodyView, a: Attribute, s: AttributeSchema): Finding | undefined {
  const f = s.type === 'number' ? checkNumber(body, a, s) : s.type === 'string' ? checkString(body, a, s, instance, schema) : undefined;
  return f && { ...f, instance };
}

function describeRanges(s: AttributeSchema): string {
  const parts = (s.ranges ?? []).map((r) => (r.min === r.max ? String(r.min) : `${r.min}–${r.max}`));
  return parts.length <= 1 ? parts.join('') : parts.slice(0, -1).join(', ') + ' or ' + parts[parts.length - 1];
}

function checkNumber(body: BodyView, a: Attribute, s: AttributeSchema): Finding | undefined {
  const value = literalNumber(a.value);
  if (value === undefined) return undefined;
  const ranges = s.ranges ?? NO_RANGES;
  let inRange = ranges.length === 0;
  for (let i = 0; !inRange && i < ranges.length; i++) inRange = value >= ranges[i].min && value <= ranges[i].max;
  // Past what a double holds (`1e400`, a hundred digits): a whole number, Terraform's numbers being exact.
  const whole = !s.integer || Number.isInteger(value) || !Number.isFinite(value);
  if (whole && inRange && !reservedEntry(s, value)) return undefined;
  return numberFinding(body, a, s, value, whole, inRange);
}

/** How a message shows the value: as written when a double cannot (`1e400`, not `Infinity`). */
function shown(a: Attribute, value: number): string {
  if (Number.isFinite(value)) return String(value);
  const raw = a.value.kind === 'number' ? a.value.raw : a.value.kind === 'string' ? a.value.value.trim() : '';
  // HCL's model keeps the number, not its text.
  if (!raw || /^-?Infinity$/.test(raw)) return value > 0 ? 'a number that large' : 'a number that small';
  return raw.length > 40 ? `${raw.slice(0, 20)}... (${raw.length} characters)` : raw;
}

// Findings are made apart from the checks (see `rules/index.ts`).
function numberFinding(body: BodyView, a: Attribute, s: AttributeSchema, value: number, whole: boolean, inRange: boolean): Finding {
  const name = qualified(body, a.name);
  const ranges = s.ranges ?? NO_RANGES;
  const fix = (title: string): NeutralFix[] => {
    const nearest = nearestAllowed(value, s);
    return nearest === undefined ? [] : [{ title: `${title} ${nearest}`, edits: [{ kind: 'replaceValue', attribute: a, value: { kind: 'number', value: nearest } }], preferred: true }];
  };
  if (!whole) {
    return { code: 'not-whole-number', severity: 'error', range: a.valueRange, message: `"${name}" must be a whole number, not ${value}`, fixes: fix('Change to') };
  }
  if (!inRange) {
    const allowed = describeRanges(s);
    const single = ranges.length === 1 && ranges[0].min !== ranges[0].max;
    return {
      code: 'value-out-of-range',
      severity: 'error',
      range: a.valueRange,
      message: single ? `"${name}" must be between ${ranges[0].min} and ${ranges[0].max}, not ${shown(a, value)}` : `"${name}" must be ${allowed}, not ${shown(a, value)}`,
      fixes: fix(single ? 'Clamp to' : 'Change to'),
    };
  }
  return { code: 'reserved-value', severity: 'error', range: a.valueRange, message: `"${name}" cannot be ${value}: ${reservedEntry(s, value)!.reason}`, fixes: [] };
}

function reservedEntry(s: AttributeSchema, value: number): { value: number; reason: string } | undefined {
  if (s.reserved) for (let i = 0; i < s.reserved.length; i++) if (s.reserved[i].value === value) return s.reserved[i];
  return undefined;
}

/** The allowed whole number closest to `value` (clamping into the nearest range). */
function nearestAllowed(value: number, s: AttributeSchema): number | undefined {
  const ranges = s.ranges ?? [];
  if (ranges.length === 0) return s.integer ? Math.round(value) : undefined;
  let best: number | undefined;
  for (const r of ranges) {
    let v = Math.min(r.max, Math.max(r.min, value));
    if (s.integer) v = Math.min(r.max, Math.max(r.min, Math.round(v)));
    if (s.reserved?.some((x) => x.value === v)) continue;
    if (best === undefined || Math.abs(v - value) < Math.abs(best - value)) best = v;
  }
  return best;
}

/**
 * The accepted values that keep the instance consistent with its cross-field rules: replacing an invalid
 * `ip_version` must not offer `"IPv6"` for an IPv4 `peer_ip_address`.
 */
function consistentValues(values: string[], a: Attribute, body: BodyView, instance: ResourceInstance, schema: ResourceSchema): string[] {
  if (!body.isRoot || !schema.rules?.length) return values;
  const ok = values.filter((v) => {
    const value: Value = { kind: 'string', value: v };
    const trial = withAttributes(instance, instance.attributes.map((x) => (x === a ? withValue(x, value) : x)));
    return crossFieldRules(trial, schema).length === 0 || crossFieldRules(instance, schema).length > 0;
  });
  return ok.length ? ok : values;
}

function invalidValue(body: BodyView, a: Attribute, s: AttributeSchema, accepted: string[], value: string, instance: ResourceInstance, schema: ResourceSchema): Finding {
  return {
    code: 'invalid-value',
    severity: s.enumSeverity ?? 'error',
    range: a.valueRange,
    message: `"${qualified(body, a.name)}" should be ${accepted.map((e) => JSON.stringify(e)).join(' or ')}, not ${JSON.stringify(value)}`,
    fixes: consistentValues(accepted, a, body, instance, schema).map((e, i, all) => ({
      title: `Change to "${e}"`,
      edits: [{ kind: 'replaceValue', attribute: a, value: { kind: 'string', value: e } }],
      preferred: i === 0 && all.length === 1,
      // Only the value's case was wrong (`"ipv4"`): there is nothing to guess.
      auto: e.toLowerCase() === value.toLowerCase(),
    })),
  };
}

/**
 * A text's length in characters (code points), as the API counts a name's or description's: an emoji is one
 * character, though two UTF-16 units (`.length`).
 */
function characterCount(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

function checkString(body: BodyView, a: Attribute, s: AttributeSchema, instance: ResourceInstance, schema: ResourceSchema): Finding | undefined {
  const value = literalText(a.value);
  if (value === undefined) return undefined;
  if (s.nonEmpty && value.trim() === '') return undefined; // the required rule reports empty IDs
  if (s.emptyMeansUnset && value === '') return undefined;
  if (s.enum) {
    if (isAccepted(s, value)) return undefined;
    return invalidValue(body, a, s, s.enum, value, instance, schema);
  }
  if (s.format) {
    const f = FORMATS[s.format];
    if (!f.test(f.asWritten ? value : value.trim())) {
      return { code: f.code, severity: 'error', range: a.valueRange, message: `"${qualified(body, a.name)}" must be ${f.expected}, not ${JSON.stringify(value)}`, fixes: [] };
    }
  }
  const length = s.minLength !== undefined || s.maxLength !== undefined ? characterCount(value) : 0;
  if ((s.minLength !== undefined && length < s.minLength) || (s.maxLength !== undefined && length > s.maxLength)) {
    return {
      code: 'invalid-length',
      severity: 'error',
      range: a.valueRange,
      message: `"${qualified(body, a.name)}" must be ${s.minLength ?? 0}–${s.maxLength ?? '∞'} characters long, not ${length}`,
      fixes: [],
    };
  }
  if (s.pattern && !patternOf(s, s.pattern).test(value)) {
    return { code: 'invalid-format', severity: 'error', range: a.valueRange, message: `"${qualified(body, a.name)}": ${s.pattern.message}`, fixes: [] };
  }
  return undefined;
}
