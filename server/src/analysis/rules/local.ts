/**
 * The rules that read one instance and its schema, run as one walk over its bodies: every argument's schema
 * entry is looked up once and passed from check to check (required, unknown, duplicate, read-only, type,
 * value), instead of each rule walking every argument of every body again. A first analysis runs mostly as
 * code V8 has not optimized, where each walk, lookup and call costs its full price.
 *
 * Findings come out as if each rule had run alone, one after another (required, unknown, duplicates,
 * read-only, types, values, then the cross-field rules), each rule's in body order: they are gathered per rule
 * and joined at the end.
 */
import type { Attribute, ResourceInstance } from '../../model/types';
import type { ResourceSchema } from '../../schema/types';
import type { AnalysisContext } from '../context';
import type { Finding } from '../finding';
import { conformsTo } from '../values';
import { bodies } from './body';
import { crossFieldRules } from './crossField';
import { copiesOf, duplicateArgument, duplicateBlocks, firstCopy, repeatedArgument } from './duplicates';
import { readOnlyArgument } from './readOnly';
import { isNullOrEmpty, missingArguments } from './required';
import { bareWord, invalidReference, typeMismatch } from './types';
import { isUnknownArgument, unknownArgument, unknownBlocks } from './unknown';
import { countAndForEach } from './meta';
import { literalValue } from './values';

const REQUIRED = 0;
const UNKNOWN = 1;
const DUPLICATES = 2;
const READ_ONLY = 3;
const TYPES = 4;
const VALUES = 5;

/** Findings per rule for the instance being walked, by the indexes above (emptied at the start of each walk). */
const byRule: Finding[][] = [[], [], [], [], [], []];

const NONE: Finding[] = [];

/** Every finding of the local rules for one instance: a fresh array, or a shared empty one (never to be filled). */
export function localFindings(instance: ResourceInstance, schema: ResourceSchema, ctx: AnalysisContext): Finding[] {
  // Emptied first, not last, so that a walk cut short by an exception leaves nothing behind for the next one.
  // (Only the non-empty: setting `length` is a call, six per block.)
  for (let r = 0; r < byRule.length; r++) if (byRule[r].length) byRule[r].length = 0;
  const views = bodies(instance, schema);
  for (let v = 0; v < views.length; v++) {
    const body = views[v];
    const attributes = body.attributes;
    const copies = copiesOf(attributes);
    // Required arguments written (first copies) and well (no copy null or a forbidden ""): when all are, the
    // usual case, the required rule has nothing to say and need not look for each one.
    let required = 0;
    let requiredWell = true;
    // The block's own `count` and `for_each` (meta-arguments: no schema entry), which exclude each other.
    let count: Attribute | undefined;
    let forEach: Attribute | undefined;
    for (let i = 0; i < attributes.length; i++) {
      const a = attributes[i];
      // A name still being typed is a syntax error already, and completion's business.
      if (a.incomplete) continue;
      const first = firstCopy(attributes, i, copies);
      if (first) byRule[DUPLICATES].push(duplicateArgument(instance, a, first));
      const s = body.schema.attributes[a.name];
      let word: string | undefined;
      if (s?.required) {
        if (!first) required++;
        if (isNullOrEmpty(a.value, s)) requiredWell = false;
      }
      if (!s) {
        if (body.isRoot && !first) {
          if (a.name === 'count') count = a;
          else if (a.name === 'for_each') forEach = a;
        }
        if (isUnknownArgument(body, a)) byRule[UNKNOWN].push(unknownArgument(instance, schema, body, a));
      } else if (s.readOnly) {
        byRule[READ_ONLY].push(readOnlyArgument(instance, schema, a));
      } else if ((word = bareWord(a.value)) !== undefined) {
        byRule[TYPES].push(invalidReference(instance, body, a, s, word));
      } else if (!conformsTo(a.value, s.type)) {
        // Type errors are reported once, by the type rule: the value checks below assume the type.
        byRule[TYPES].push(typeMismatch(instance, body, a, s));
      } else {
        const f = literalValue(instance, schema, body, a, s);
        if (f) byRule[VALUES].push(f);
      }
    }
    for (let i = 0; i < body.overwritten.length; i++) byRule[DUPLICATES].push(repeatedArgument(instance, body.overwritten[i]));
    if (count && forEach) byRule[DUPLICATES].push(countAndForEach(instance, count, forEach));
    if (!requiredWell || required !== body.index.required.length) missingArguments(instance, body, ctx, byRule[REQUIRED]);
    if (body.blocks.length) {
      unknownBlocks(instance, schema, body, byRule[UNKNOWN]);
      duplicateBlocks(instance, body, byRule[DUPLICATES]);
    }
  }
  let out = NONE;
  for (let r = 0; r <= byRule.length; r++) {
    const found = r < byRule.length ? byRule[r] : crossFieldRules(instance, schema);
    for (let i = 0; i < found.length; i++) {
      if (out === NONE) out = [];
      out.push(found[i]);
    }
  }
  return out;
}
