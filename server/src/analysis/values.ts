/**
 * How Terraform converts literals, so that only values Terraform itself would reject are judged.
 * `"10"` and `"+10"` are valid numbers (go-cty parses the string as a decimal float, sign included, spaces not),
 * `"true"`, `"1"`, `"false"` and `"0"` valid bools (go-cty's string-to-bool conversion); references and
 * expressions are never judged.
 */
import type { Value } from '../model/types';
import type { AttributeType } from '../schema/types';

export type Converted<T> = { ok: true; value: T } | { ok: false } | { unknown: true };

const NUMBER_SYNTAX = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The bool go-cty converts a string to, if any. */
function stringBool(s: string): boolean | undefined {
  if (s === 'true' || s === '1') return true;
  if (s === 'false' || s === '0') return false;
  return undefined;
}

export function isLiteral(v: Value): boolean {
  return v.kind !== 'reference' && v.kind !== 'unknown';
}

export function toNumber(v: Value): Converted<number> {
  if (v.kind === 'number') return { ok: true, value: v.value };
  if (v.kind === 'string') return NUMBER_SYNTAX.test(v.value) ? { ok: true, value: Number(v.value) } : { ok: false };
  if (v.kind === 'reference' || v.kind === 'unknown' || v.kind === 'null') return { unknown: true };
  return { ok: false };
}

export function toBool(v: Value): Converted<boolean> {
  if (v.kind === 'bool') return { ok: true, value: v.value };
  if (v.kind === 'string') {
    const b = stringBool(v.value);
    return b === undefined ? { ok: false } : { ok: true, value: b };
  }
  if (v.kind === 'reference' || v.kind === 'unknown' || v.kind === 'null') return { unknown: true };
  return { ok: false };
}

/** The string Terraform would pass for a literal of a string-typed argument. */
export function toStr(v: Value): Converted<string> {
  if (v.kind === 'string') return { ok: true, value: v.value };
  if (v.kind === 'number') return { ok: true, value: v.raw };
  if (v.kind === 'bool') return { ok: true, value: String(v.value) };
  if (v.kind === 'reference' || v.kind === 'unknown' || v.kind === 'null') return { unknown: true };
  return { ok: false };
}

/*
 * The same conversions without a result object, for rules that run on every argument of every block:
 * the value when the literal converts, undefined when it does not or is not a literal.
 */

export function literalNumber(v: Value): number | undefined {
  if (v.kind === 'number') return v.value;
  if (v.kind === 'string') return NUMBER_SYNTAX.test(v.value) ? Number(v.value) : undefined;
  return undefined;
}

export function literalBool(v: Value): boolean | undefined {
  if (v.kind === 'bool') return v.value;
  return v.kind === 'string' ? stringBool(v.value) : undefined;
}

export function literalText(v: Value): string | undefined {
  if (v.kind === 'string') return v.value;
  if (v.kind === 'number') return v.raw;
  if (v.kind === 'bool') return v.value ? 'true' : 'false';
  return undefined;
}

export function converts<T>(c: Converted<T>): boolean {
  return !('ok' in c) || c.ok;
}

/** Does a literal convert to the argument's type? (Non-literals always might.) */
export function conformsTo(v: Value, type: AttributeType): boolean {
  if (!isLiteral(v) || v.kind === 'null') return true;
  switch (type) {
    case 'number': return v.kind === 'number' || (v.kind === 'string' && NUMBER_SYNTAX.test(v.value));
    case 'bool': return v.kind === 'bool' || (v.kind === 'string' && stringBool(v.value) !== undefined);
    case 'string': return v.kind === 'string' || v.kind === 'number' || v.kind === 'bool';
    case 'list(string)':
    case 'set(string)': return v.kind === 'tuple' && v.items.every((i) => conformsTo(i, 'string'));
    case 'map(string)': return v.kind === 'object';
    case 'list(object)': return v.kind === 'tuple' && v.items.every((i) => i.kind === 'object');
  }
}

/** How a literal reads in a message: `the string "yes"`, `true`, `a list`. */
export function describeLiteral(v: Value): string {
  switch (v.kind) {
    case 'string': return `the string ${JSON.stringify(v.value)}`;
    case 'number': return `the number ${v.raw}`;
    case 'bool': return `the bool ${v.value}`;
    case 'null': return 'null';
    case 'tuple': return 'a list';
    case 'object': return 'an object';
    case 'reference': return v.text;
    case 'unknown': return v.text;
  }
}

export function describeType(type: AttributeType): string {
  switch (type) {
    case 'number': return 'a number';
    case 'bool': return 'a bool (true or false)';
    case 'string': return 'a string';
    case 'list(string)': return 'a list of strings';
    case 'set(string)': return 'a set of strings';
    case 'map(string)': return 'a map of strings';
    case 'list(object)': return 'a list of objects';
  }
}
