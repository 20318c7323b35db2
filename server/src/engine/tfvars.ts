/**
 * `.tfvars` files assign variables, not arguments. Modules for these resources conventionally name
 * their variables after the arguments (`bfd_multi_hop`, `enable_bfd`), so a schema's `requires` rules
 * are applied when both variables are assigned literal values; nothing else is judged. Not in a folder whose
 * resources are all of other types (its variables feed something else); a folder that declares none (a `tfvars/`
 * folder, a root module calling the module) is judged.
 *
 * A file Terraform loads by itself (`variableFiles.ts`) is judged with the folder's other such files, as
 * Terraform merges them: each variable has the value of the last file in load order that assigns it. A finding
 * is made in the file whose value of the triggering variable is used, and names the file the other value comes
 * from when it is another. Any other file (given with `-var-file`) is judged as loaded after those, its own values
 * replacing theirs. A variable no file sets has
 * the `default` its module declares (`ctx.variable`). A literal value that the variable's declared type cannot take is
 * an error, as Terraform refuses it (`analysis/typeConstraint.ts`: nested collections, objects and tuples too), on the
 * part that does not convert, named in the message (`element 1`, `attribute "asn"`).
 */
import type { Attribute, Block, Value } from '../model/types';
import type { AnalysisContext } from '../analysis/context';
import { fixValueOf, leftOutAsEmpty, literalEquals } from '../analysis/rules/crossField';
import { boolFix } from '../analysis/rules/types';
import type { Finding } from '../analysis/finding';
import { describeLiteral } from '../analysis/values';
import { describeConstraint, describePath, mismatch, pathKeys } from '../analysis/typeConstraint';
import type { SourceFile } from './sourceFile';

/** A variable's value as Terraform gets it, and where it comes from (undefined: the file judged): `in x.tfvars`. */
interface Used {
  attribute: Attribute;
  from?: string;
}

const NOWHERE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * `json`: the file is a `.tfvars.json` one, whose duplicate keys Terraform reports in its JSON reader's words.
 */
export function tfvarsFindings(assignments: Attribute[], ctx: AnalysisContext, self?: SourceFile, json = false): Finding[] {
  const schemas = ctx.schemas;
  const used = usedValues(assignments, ctx, self, ruleVariables(schemas));
  const findings: Finding[] = ctx.variable ? typeMismatches(assignments, ctx.variable.bind(ctx), self) : [];
  const refused = new Set<string>();
  for (const [first, again] of assignedTwice(assignments)) {
    refused.add(again.name);
    findings.push({
      code: 'duplicate-argument',
      severity: 'error',
      range: again.keyRange,
      message: `${again.name} is assigned twice in this file (first on line ${first.keyRange.start.line + 1}): Terraform refuses the file, so neither value is used (${json ? '"Duplicate attribute definition"' : '"Attribute redefined"'})`,
      fixes: [],
    });
  }
  for (const schema of schemas.all()) {
    if (!schema.rules?.length || (ctx.declared(schema.kind, schema.type).length === 0 && ctx.declaresAny?.())) continue;
    for (const rule of schema.rules) {
      // A variable assigned twice leaves the file refused: no value of it to judge.
      if (rule.kind !== 'requires' || refused.has(rule.attribute) || refused.has(rule.requires.attribute)) continue;
      const trigger = used.get(rule.attribute);
      const other = used.get(rule.requires.attribute);
      // The trigger's value must be this file's: a later file's value replaces it, and is judged there.
      if (!trigger || trigger.from !== undefined || !other || trigger.attribute.value.kind === 'null') continue;
      if (leftOutAsEmpty(schema, rule.attribute, trigger.attribute.value)) continue;
      if (literalEquals(other.attribute.value, rule.requires.value) !== false) continue;
      const from = other.from === undefined ? '' : `; ${rule.requires.attribute} is set ${other.from}`;
      findings.push({
        code: rule.code,
        severity: rule.severity,
        range: trigger.attribute.keyRange,
        message:
          rule.message.replace(/\{attribute\}/g, rule.attribute).replace(/\{requires\}/g, `${rule.requires.attribute} = ${JSON.stringify(rule.requires.value)}`) +
          ` (variables feeding ${schema.type}${from})`,
        // The fix edits this file only: a value in another file is changed there.
        fixes:
          other.from === undefined
            ? [{ title: `Set ${rule.requires.attribute} = ${JSON.stringify(rule.requires.value)}`, edits: [{ kind: 'replaceValue', attribute: other.attribute, value: fixValueOf(rule.requires.value) }], preferred: true }]
            : [],
        tags: ['unnecessary'],
      });
    }
  }
  return findings;
}

/**
 * The literal values of `assignments` their variable's declared type cannot take, each on the part that does not
 * convert (an element, a key's value, an attribute, or the object lacking one) where `self` finds it in its text.
 */
function typeMismatches(assignments: readonly Attribute[], variable: NonNullable<AnalysisContext['variable']>, self: SourceFile | undefined): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < assignments.length; i++) {
    const a = assignments[i];
    const declared = a.incomplete ? undefined : variable(a.name);
    const found = declared?.type && mismatch(a.value, declared.type);
    if (!found) continue;
    const where = describePath(found.path);
    const why =
      'missing' in found
        ? `${where || 'the object'} lacks the attribute "${found.missing}", which the type requires`
        : `Terraform cannot convert ${where ? `${where}, ${describeLiteral(found.value)},` : describeLiteral(found.value)} to ${describeConstraint(found.expected)}`;
    out.push({
      code: 'type-mismatch',
      severity: 'error',
      range: (found.path.length && self?.valueRangeAt?.(a, pathKeys(found.path))) || a.valueRange,
      message: `variable "${a.name}" is declared ${declared.typeText} in ${declared.file}, and ${why} ("Invalid value for input variable")`,
      // `"yes"` for a bool: the bool it evidently means, as in a resource's argument (`rules/types.ts`).
      fixes: (declared.typeText === 'bool' ? boolFix(a.value, 'bool') : []).map((value) => ({
        title: `Use ${value}`,
        edits: [{ kind: 'replaceValue', attribute: a, value: { kind: 'bool', value } }],
        preferred: true,
        auto: true,
      })),
    });
  }
  return out;
}

/** The variables the `requires` rules read, once per registry: only theirs are looked at in a keystroke's merge. */
const RULE_VARIABLES = new WeakMap<AnalysisContext['schemas'], Set<string>>();
function ruleVariables(schemas: AnalysisContext['schemas']): Set<string> {
  let names = RULE_VARIABLES.get(schemas);
  if (!names) {
    names = new Set();
    for (const schema of schemas.all()) for (const rule of schema.rules ?? []) if (rule.kind === 'requires') names.add(rule.attribute).add(rule.requires.attribute);
    RULE_VARIABLES.set(schemas, names);
  }
  return names;
}

/** Each assignment of a name assigned before in the file, with the first: Terraform refuses such a file. */
function assignedTwice(assignments: readonly Attribute[]): [Attribute, Attribute][] {
  let seen: Map<string, Attribute> | undefined;
  let twice: [Attribute, Attribute][] | undefined;
  for (let i = 0; i < assignments.length; i++) {
    const a = assignments[i];
    if (a.incomplete) continue;
    const first = (seen ??= new Map()).get(a.name);
    if (first) (twice ??= []).push([first, a]);
    else seen.set(a.name, a);
  }
  return twice ?? [];
}

/** The values of `names`: this file's, merged in load order with the folder's other auto-loaded files when it is one. */
function usedValues(assignments: Attribute[], ctx: AnalysisContext, self: SourceFile | undefined, names: Set<string>): Map<string, Used> {
  const files = (self && ctx.variableFiles?.()) || [];
  const at = files.findIndex((f) => f.file === self);
  const used = new Map<string, Used>();
  const assign = (list: readonly Attribute[], from: string | undefined) => {
    // Terraform refuses a variable assigned twice in one file (reported in that file); until it is fixed, the
    // first one counts.
    const seen = new Set<string>();
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      if (!names.has(a.name) || a.incomplete || seen.has(a.name)) continue;
      seen.add(a.name);
      used.set(a.name, { attribute: a, from });
    }
  };
  // A variable no file sets has its default, when the module declares one.
  for (const name of names) {
    const d = ctx.variable?.(name);
    if (d?.default) used.set(name, { attribute: { name, sourceName: name, value: d.default, keyRange: NOWHERE, valueRange: NOWHERE, range: NOWHERE }, from: `by its default in ${d.defaultFile ?? d.file}` });
  }
  // In load order, this file's own assignments in its place (`from` undefined).
  const order = files.map((f, i): [readonly Attribute[], string | undefined] => (i === at ? [assignments, undefined] : [f.file.variableAssignments?.() ?? [], `in ${f.name}`]));
  // A file given with -var-file is loaded after those Terraform loads by itself: their values stand where it
  // sets none (not a default).
  if (at < 0) order.push([assignments, undefined]);
  for (const [list, from] of order) assign(list, from);
  return used;
}

/**
 * What Terraform refuses in a `.tfvars` file, in one chunk's items (chunk-relative, cached with the chunk): a block
 * (a variable file is `name = value` lines), and a value that is a reference (`var.x`, `True`), or holds one in a
 * list, or names a resource inside an expression (it is evaluated with no variables: "Variables not allowed"). A
 * variable or local value inside a template or function call is not seen: the model keeps only resources' there.
 */
export function refusedInVariableFile(body: { attributes: readonly Attribute[]; blocks: readonly Block[] }): Finding[] {
  const out: Finding[] = [];
  for (const b of body.blocks) {
    out.push({ code: 'syntax-error', severity: 'error', range: b.nameRange, message: `Blocks are not allowed in a variable file: Terraform refuses this "${b.sourceName}" block (a .tfvars file holds name = value lines)`, fixes: [] });
  }
  for (const a of body.attributes) {
    const ref = referenceIn(a.value);
    if (ref) {
      out.push({ code: 'invalid-reference', severity: 'error', range: a.valueRange, message: `A variable file holds values only: Terraform refuses the reference ${ref} in it ("Variables not allowed")`, fixes: [] });
    }
  }
  return out;
}

/** The text of the first reference a value holds, if any. */
function referenceIn(v: Value): string | undefined {
  if (v.kind === 'reference') return v.text;
  const inner = v.kind === 'tuple' ? v.items : v.kind === 'object' || v.kind === 'unknown' ? v.refs : undefined;
  for (const x of inner ?? []) {
    const found = referenceIn(x);
    if (found) return found;
  }
  return undefined;
}
