/**
 * `type-mismatch`: a literal Terraform cannot convert to the argument's type (`enable_bfd = "yes"`);
 * `invalid-reference`: a bare word that alone names no value (`enable_bfd = True`, `ip_version = IPv6`), which Terraform
 * reads as a reference and refuses.
 */
import type { Attribute, ResourceInstance, Value } from '../../model/types';
import type { AttributeSchema } from '../../schema/types';
import type { Finding } from '../finding';
import { describeLiteral, describeType } from '../values';
import { BodyView, qualified } from './body';

/** For a complete, settable argument whose literal does not convert (`conformsTo`; the walk in `local.ts` asks). */
export function typeMismatch(instance: ResourceInstance, body: BodyView, a: Attribute, s: AttributeSchema): Finding {
  return {
    code: 'type-mismatch',
    severity: 'error',
    range: a.valueRange,
    message: `"${qualified(body, a.name)}" expects ${describeType(s.type)}, not ${describeLiteral(a.value)}`,
    fixes: boolFix(a.value, s.type).map((value) => ({
      title: `Use ${value}`,
      edits: [{ kind: 'replaceValue', attribute: a, value: { kind: 'bool', value } }],
      preferred: true,
      auto: true,
    })),
    instance,
  };
}

const TRUTHY = /^(yes|y|on|1|true|enabled?)$/i;
const FALSY = /^(no|n|off|0|false|disabled?)$/i;

/** `"yes"` / `"off"` / `1` for a bool: the bool the user most likely meant. */
export function boolFix(v: Value, type: string): boolean[] {
  if (type !== 'bool') return [];
  const text = v.kind === 'string' ? v.value.trim() : v.kind === 'number' ? v.raw : undefined;
  if (text === undefined) return [];
  if (TRUTHY.test(text)) return [true];
  if (FALSY.test(text)) return [false];
  return [];
}

/** Roots a reference may start with besides a resource type; alone, each is another error of Terraform's. */
const ROOTS = new Set(['var', 'local', 'module', 'data', 'path', 'terraform', 'count', 'each', 'self']);

/** The word, when a value is one bare word that is no keyword (`True`, `IPv6`): Terraform reads it as a reference. */
export function bareWord(v: Value): string | undefined {
  return v.kind === 'reference' && v.path.length === 1 && !ROOTS.has(v.path[0]) ? v.path[0] : undefined;
}

/** For a complete, settable argument whose value is the bare `word` (`bareWord`; the walk in `local.ts` asks). */
export function invalidReference(instance: ResourceInstance, body: BodyView, a: Attribute, s: AttributeSchema, word: string): Finding {
  const meant = meantLiteral(word, s);
  // A bool word or an accepted value (`True`, `IPv6`) is evidently that literal. Any other word may as well be
  // a reference written short (`router_id = edge`, the VBR named edge): quoting it is a guess, never made unasked.
  const auto = !!meant && (meant.value.kind === 'bool' || !!s.enum);
  // A secret (`auth_key = Zq7x…` unquoted) is named neither in the message nor in the fix's title.
  if (s.sensitive) {
    return {
      code: 'invalid-reference',
      severity: 'error',
      range: a.valueRange,
      message: `"${qualified(body, a.name)}" cannot be a bare word: it is read as a reference, and a word alone names no value; write the value as a quoted string`,
      fixes: meant ? [{ title: 'Quote the value', edits: [{ kind: 'replaceValue', attribute: a, value: meant.value }], preferred: true, auto }] : [],
      instance,
    };
  }
  return {
    code: 'invalid-reference',
    severity: 'error',
    range: a.valueRange,
    message: `"${qualified(body, a.name)}" cannot be ${word}: a bare word is read as a reference, and ${word} alone names no value${meant ? `; write ${meant.text}` : ''}`,
    fixes: meant ? [{ title: `Use ${meant.text}`, edits: [{ kind: 'replaceValue', attribute: a, value: meant.value }], preferred: true, auto }] : [],
    instance,
  };
}

/** What a bare word most likely meant: a bool (`True`), an accepted value (`IPv6`), else text, as a literal. */
function meantLiteral(word: string, s: AttributeSchema): { text: string; value: { kind: 'bool'; value: boolean } | { kind: 'string'; value: string } } | undefined {
  if (s.type === 'bool') {
    if (TRUTHY.test(word)) return { text: 'true', value: { kind: 'bool', value: true } };
    if (FALSY.test(word)) return { text: 'false', value: { kind: 'bool', value: false } };
    return undefined;
  }
  if (s.type !== 'string') return undefined;
  const accepted = s.enum?.find((e) => e.toLowerCase() === word.toLowerCase());
  const text = accepted ?? (s.enum ? undefined : word);
  return text === undefined ? undefined : { text: JSON.stringify(text), value: { kind: 'string', value: text } };
}
