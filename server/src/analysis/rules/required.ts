/** `missing-required`: a required argument is absent (or null); `empty-value`: a required ID is "". */
import type { Attribute, ResourceInstance, Value } from '../../model/types';
import type { AttributeSchema } from '../../schema/types';
import type { AnalysisContext } from '../context';
import { declaredTargets } from '../references';
import type { Finding, FixValue, NeutralFix } from '../finding';
import { BodyView, headerRangeOf } from './body';

/** The required arguments `body` lacks (once per body, by the walk in `local.ts`). */
export function missingArguments(instance: ResourceInstance, body: BodyView, ctx: AnalysisContext, findings: Finding[]): void {
  const required = body.index.required;
  for (let r = 0; r < required.length; r++) {
    const name = required[r];
    const attr = body.schema.attributes[name];
    if (isWrittenWell(body.attributes, name, attr)) continue;
    missing(instance, body, name, attr, ctx, findings);
  }
}

// Made apart from the loop above (see `rules/index.ts`).
function missing(instance: ResourceInstance, body: BodyView, name: string, attr: AttributeSchema, ctx: AnalysisContext, findings: Finding[]): void {
  const written = body.attributes.filter((a) => a.name === name);
  const what = attr.references?.length ? ` (the ${attr.references[0].types[0]} it belongs to)` : '';
  if (written.length === 0) {
    findings.push({
      code: 'missing-required',
      severity: 'error',
      range: headerRangeOf(body, instance),
      message: `Missing required argument "${name}"${what}`,
      // An argument of the resource itself may be given elsewhere (`partial.ts`); a nested block's is named in it.
      leftOut: body.block ? undefined : name,
      fixes: valueFixes(attr.references, attr.example, ctx, instance).map((f) => ({
        title: `Add ${name} = ${f.label}`,
        edits: [{ kind: 'set', name, value: f.value, block: body.block }],
        preferred: f.preferred,
        fallback: f.fallback,
      })),
      instance,
    });
    return;
  }
  for (const a of written) {
    if (a.incomplete) continue;
    const isNull = a.value.kind === 'null';
    const isEmpty = a.value.kind === 'string' && a.value.value.trim() === '' && attr.nonEmpty;
    if (!isNull && !isEmpty) continue;
    findings.push({
      code: isNull ? 'missing-required' : 'empty-value',
      severity: 'error',
      range: a.valueRange,
      message: isNull
        ? `"${name}" is required and cannot be null${what}`
        : `"${name}" cannot be empty: it must name the ${attr.references?.[0]?.types[0] ?? 'value'} to use`,
      fixes: valueFixes(attr.references, attr.example, ctx, instance)
        .filter((f) => f.value.kind === 'reference')
        .map<NeutralFix>((f) => ({ title: `Set ${name} = ${f.label}`, edits: [{ kind: 'replaceValue', attribute: a, value: f.value }], preferred: f.preferred })),
      instance,
    });
  }
}

/** Is the argument written, and no complete copy of it null or a forbidden empty string? (The usual case.) */
function isWrittenWell(attributes: Attribute[], name: string, attr: AttributeSchema): boolean {
  let written = false;
  for (let i = 0; i < attributes.length; i++) {
    const a = attributes[i];
    if (a.name !== name) continue;
    written = true;
    if (!a.incomplete && isNullOrEmpty(a.value, attr)) return false;
  }
  return written;
}

/** A value that does not count as writing a required argument: null, or "" where the entry is `nonEmpty`. */
export function isNullOrEmpty(v: Value, attr: AttributeSchema): boolean {
  return v.kind === 'null' || (v.kind === 'string' && v.value.trim() === '' && !!attr.nonEmpty);
}

interface ValueChoice {
  label: string;
  value: FixValue;
  preferred?: boolean;
  fallback?: boolean;
}

/**
 * Values a fix can write for a required argument: a reference to each declared resource it usually
 * points at (preferred when there is exactly one), otherwise the schema's example as a placeholder.
 */
/** How many declared targets the missing-argument fixes offer. */
const MAX_VALUE_FIXES = 8;

function valueFixes(
  references: { types: string[]; attribute: string; path?: string }[] | undefined,
  example: string | undefined,
  ctx: AnalysisContext,
  instance: ResourceInstance,
): ValueChoice[] {
  // A few declared targets at most: the fixes are made on every keystroke in the block (completion offers them all).
  const choices: ValueChoice[] = declaredTargets({ references }, ctx, instance).slice(0, MAX_VALUE_FIXES).map((t) => ({
    label: t.text,
    value: { kind: 'reference', resourceType: t.resourceType, resourceName: t.resourceName, attribute: t.attribute, key: t.key },
  }));
  if (choices.length === 1) choices[0].preferred = true;
  const parsed = example === undefined ? undefined : parseExample(example);
  // Beside the one target, the placeholder stays in reserve: the target may be withheld (an IPv6 group for a
  // peer that is IPv4), and a missing argument should still get a fix.
  if (parsed) choices.push({ label: `${example} (placeholder)`, value: parsed, fallback: choices.length === 1 || undefined });
  return choices;
}

export function parseExample(example: string): FixValue | undefined {
  try {
    const v: unknown = JSON.parse(example);
    if (typeof v === 'string') return { kind: 'string', value: v };
    if (typeof v === 'number') return { kind: 'number', value: v };
    if (typeof v === 'boolean') return { kind: 'bool', value: v };
  } catch {
    /* not a JSON literal: no placeholder */
  }
  return undefined;
}
