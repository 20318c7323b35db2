/**
 * A `.tfvars.json` variable file (`{"variable_name": value}`), which Terraform reads as it reads a `.tfvars`
 * one: judged by the same rules (`tfvars.ts`), with its folder's other auto-loaded files when it is one, and a
 * source of values for them. A text that is not a JSON object is one finding, as Terraform refuses it; a key
 * written twice is kept twice, as a `.tfvars` file's name is, and reported there (`JSON.parse` would keep the
 * last and hide it). No completion; the hover on a key is a `.tfvars` file's (`analysis/variableHover.ts`);
 * findings come without quick fixes (they write HCL), and without the one that writes an ignore comment (JSON has
 * none: `jsonFile.ts`).
 */
import type { AnalysisContext } from '../analysis/context';
import type { Finding } from '../analysis/finding';
import type { Attribute, Position, Range, ResourceInstance, Value } from '../model/types';
import { jsonTree, parseErrorRange, plainValue, type JsonMember, type JsonNode } from '../syntax/jsonTree';
import { rangeContains } from '../model/types';
import type { Placed, SourceFile } from './sourceFile';
import { JsonFile } from './jsonFile';
import { tfvarsFindings } from './tfvars';

export class TfvarsJsonFile extends JsonFile implements SourceFile {
  private assignments: Attribute[] = [];
  private error?: { message: string; range: Range };
  private tree?: JsonNode;

  constructor(text: string) {
    super(text);
    this.read();
  }

  instances(): Iterable<Placed<ResourceInstance>> {
    return [];
  }

  variableAssignments(): Attribute[] {
    return this.assignments;
  }

  assignmentAt(pos: Position): Attribute | undefined {
    return this.assignments.find((a) => rangeContains(a.keyRange, pos));
  }

  valueRangeAt(a: Attribute, keys: readonly (number | string)[]): Range | undefined {
    if (this.error) return undefined;
    // Read again only for a finding on a part of a value (the assignments keep no tree), once per text.
    const top = (this.tree ??= jsonTree(this.text)) as JsonNode & { kind: 'object' };
    let at: JsonNode | undefined = top.members.find((m) => m.keyRange.start.line === a.keyRange.start.line && m.keyRange.start.character === a.keyRange.start.character)?.value;
    for (const k of keys) {
      if (!at) return undefined;
      // A key written twice: the last is the value (as `JSON.parse` keeps it).
      at = typeof k === 'number' ? (at.kind === 'array' ? at.items[k] : undefined) : at.kind === 'object' ? lastMember(at, k)?.value : undefined;
    }
    return at?.range;
  }

  moduleDigest(): string {
    return '0'; // declares nothing
  }

  protected findings(ctx: AnalysisContext): Finding[] {
    if (this.error) return [{ code: 'syntax-error', severity: 'error', range: this.error.range, message: this.error.message, fixes: [] }];
    return tfvarsFindings(this.assignments, ctx, this, true).map((f) => ({ ...f, fixes: [] }));
  }

  protected read(): void {
    this.tree = undefined;
    ({ assignments: this.assignments, error: this.error } = jsonAssignments(this.text));
  }
}

/**
 * The top-level assignments of a `.tfvars.json` text in the order written, a key written twice each time (Terraform
 * refuses the file: `tfvars.ts` reports it), with the ranges of their keys and values; or the reason it is not a
 * variable file Terraform reads. Values are literals: Terraform reads no templates in a variable file. A `"//"` key
 * is a comment, as Terraform reads one (`JustAttributes` skips it).
 */
function jsonAssignments(text: string): { assignments: Attribute[]; error?: { message: string; range: Range } } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { assignments: [], error: { message: `Terraform cannot read this variable file: it is not valid JSON (${(e as Error).message})`, range: parseErrorRange(text, e) } };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { assignments: [], error: { message: 'Terraform cannot read this variable file: a .tfvars.json file holds one JSON object, {"variable_name": value, ...}', range: START } };
  }
  const top = jsonTree(text) as JsonNode & { kind: 'object' };
  const assignments: Attribute[] = [];
  for (const m of top.members) {
    if (m.key === '//') continue;
    const valueRange = m.value.range;
    assignments.push({ name: m.key, sourceName: m.key, keyRange: m.keyRange, value: valueOf(plainValue(m.value)), valueRange, range: { start: m.keyRange.start, end: valueRange.end } });
  }
  return { assignments };
}

function lastMember(o: JsonNode & { kind: 'object' }, key: string): JsonMember | undefined {
  for (let i = o.members.length - 1; i >= 0; i--) if (o.members[i].key === key) return o.members[i];
  return undefined;
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function valueOf(v: unknown): Value {
  if (v === null) return { kind: 'null' };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (typeof v === 'number') return { kind: 'number', value: v, raw: String(v) };
  if (typeof v === 'string') return { kind: 'string', value: v };
  if (Array.isArray(v)) return { kind: 'tuple', items: v.map(valueOf) };
  // An object's values are kept, for the variable's declared type (a key written twice: the last, as JSON.parse keeps).
  const entries = Object.entries(v as Record<string, unknown>);
  return { kind: 'object', keys: entries.map(([k]) => k), values: entries.map(([, x]) => valueOf(x)) };
}
