/**
 * Lookups derived from one argument's schema entry, made once per entry object and kept beside it (a
 * WeakMap keyed by the entry, so a reloaded schema gets its own): the rules read them for every argument of
 * every block, and building them there was an allocation each time.
 */
import type { AttributeSchema } from '../../schema/types';

const enums = new WeakMap<AttributeSchema, Set<string>>();

/** The accepted values (`enum`), lower-cased when compared ignoring case (`enumCaseInsensitive`). */
export function enumSet(s: AttributeSchema): Set<string> {
  let set = enums.get(s);
  if (!set) enums.set(s, (set = accepted(s)));
  return set;
}

/** Is `value` one of the entry's `enum` (ignoring case when `enumCaseInsensitive`)? */
export function isAccepted(s: AttributeSchema, value: string): boolean {
  if (!s.enumCaseInsensitive) return enumSet(s).has(value);
  // Most values are written as the schema writes them: no lower-cased copy is made for those.
  return (s.enum !== undefined && s.enum.includes(value)) || enumSet(s).has(value.toLowerCase());
}

/** Apart from `enumSet`: a callback reading `s` there would cost it a context on every call. */
function accepted(s: AttributeSchema): Set<string> {
  return new Set((s.enum ?? []).map((e) => (s.enumCaseInsensitive ? e.toLowerCase() : e)));
}

const patterns = new WeakMap<AttributeSchema, RegExp>();

/** The entry's `pattern`, compiled once (no `g` flag: `test` keeps no state between calls). */
export function patternOf(s: AttributeSchema, pattern: { regex: string }): RegExp {
  let re = patterns.get(s);
  if (!re) patterns.set(s, (re = new RegExp(pattern.regex, 'u')));
  return re;
}

const referenced = new WeakMap<AttributeSchema, string[] | undefined>();

/** Every resource type the entry's `references` name, in order (undefined when it names none). */
export function referencedTypes(s: AttributeSchema | undefined): string[] | undefined {
  if (!s?.references) return undefined;
  let types = referenced.get(s);
  if (!types) referenced.set(s, (types = s.references.flatMap((r) => r.types)));
  return types;
}
