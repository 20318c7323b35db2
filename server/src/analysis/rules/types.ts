/** `type-mismatch`: a literal Terraform cannot convert to the argument's type (`enable_bfd = "yes"`). */
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
    })),
    instance,
  };
}

const TRUTHY = /^(yes|y|on|1|true|enabled?)$/i;
const FALSY = /^(no|n|off|0|false|disabled?)$/i;

/** `"yes"` / `"off"` / `1` for a bool: the bool the user most likely meant. */
function boolFix(v: Value, type: string): boolean[] {
  if (type !== 'bool') return [];
  const text = v.kind === 'string' ? v.value.trim() : v.kind === 'number' ? v.raw : undefined;
  if (text === undefined) return [];
  if (TRUTHY.test(text)) return [true];
  if (FALSY.test(text)) return [false];
  return [];
}
