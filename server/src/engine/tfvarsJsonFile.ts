/**
 * A `.tfvars.json` variable file (`{"variable_name": value}`), which Terraform reads as it reads a `.tfvars`
 * one: judged by the same rules (`tfvars.ts`), with its folder's other auto-loaded files when it is one, and a
 * source of values for them. A text that is not a JSON object is one finding, as Terraform refuses it; a key
 * written twice is kept twice, as a `.tfvars` file's name is, and reported there (`JSON.parse` would keep the
 * last and hide it). No
 * completion; the hover on a key is a `.tfvars` file's (`analysis/variableHover.ts`); findings come without quick fixes (they write HCL), and without the one that writes an
 * ignore comment (JSON has none).
 */
import type { AnalysisContext } from '../analysis/context';
import type { Finding } from '../analysis/finding';
import type { Attribute, Position, Range, ResourceInstance, Value } from '../model/types';
import { rangeContains } from '../model/types';
import { hclCompletionWriter, hclWriter } from '../writers/hcl';
import type { Diagnostic } from './diagnostic';
import { toDiagnostic } from './hclFile';
import type { Placed, SourceFile } from './sourceFile';
import { WholeTextFile } from './wholeTextFile';
import { tfvarsFindings } from './tfvars';

export class TfvarsJsonFile extends WholeTextFile implements SourceFile {
  readonly language = 'hcl' as const;
  readonly writer = hclWriter;
  readonly completionWriter = hclCompletionWriter;
  readonly withoutComments = true;
  private assignments: Attribute[] = [];
  private error?: { message: string; range: Range };

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

  diagnostics(ctx: AnalysisContext): Diagnostic[] {
    return this.findings(ctx).map((f) => toDiagnostic(f, 0));
  }

  findingsAt(range: Range, ctx: AnalysisContext): Placed<Finding>[] {
    const meets = (r: Range) => !(r.end.line < range.start.line || r.start.line > range.end.line);
    return this.findings(ctx)
      .filter((f) => meets(f.range))
      .map((value) => ({ value, base: 0 }));
  }

  cursorContext(): undefined {
    return undefined;
  }

  locate(): undefined {
    return undefined;
  }

  moduleDigest(): string {
    return '0'; // declares nothing
  }

  private findings(ctx: AnalysisContext): Finding[] {
    if (this.error) return [{ code: 'syntax-error', severity: 'error', range: this.error.range, message: this.error.message, fixes: [] }];
    return tfvarsFindings(this.assignments, ctx, this, true).map((f) => ({ ...f, fixes: [] }));
  }

  protected read(): void {
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
    // V8 says where: "... in JSON at position 11"; without a position, the file's start.
    const at = /at position (\d+)/.exec((e as Error).message);
    return { assignments: [], error: { message: `Terraform cannot read this variable file: it is not valid JSON (${(e as Error).message})`, range: at ? pointAt(text, Number(at[1])) : START } };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { assignments: [], error: { message: 'Terraform cannot read this variable file: a .tfvars.json file holds one JSON object, {"variable_name": value, ...}', range: START } };
  }
  const position = positionsIn(text);
  const assignments: Attribute[] = [];
  for (const m of topLevelMembers(text)) {
    if (m.name === '//') continue;
    const keyRange = { start: position(m.keyStart), end: position(m.keyEnd) };
    const valueRange = { start: position(m.valueStart), end: position(m.valueEnd) };
    const value = valueOf(JSON.parse(text.slice(m.valueStart, m.valueEnd)));
    assignments.push({ name: m.name, sourceName: m.name, keyRange, value, valueRange, range: { start: keyRange.start, end: valueRange.end } });
  }
  return { assignments };
}

/** The one character at `offset`, as a range. */
function pointAt(text: string, offset: number): Range {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const character = offset - (before.lastIndexOf('\n') + 1);
  return { start: { line, character }, end: { line, character: character + 1 } };
}

/** The position of an offset of `text`, by a halving search over its line starts. */
function positionsIn(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - starts[lo] };
  };
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

interface Member {
  name: string;
  /** Offsets: the key with its quotes, the value. */
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

/** The members of the top-level object, in order: a scan run only on a text `JSON.parse` accepted. */
function topLevelMembers(text: string): Member[] {
  const out: Member[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const skipString = () => {
    i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  /** Skips one value: a string, a bracketed value (its strings skipped whole), or a number or keyword. */
  const skipValue = () => {
    if (text[i] === '"') return skipString();
    if (text[i] === '{' || text[i] === '[') {
      let depth = 0;
      do {
        if (text[i] === '"') {
          skipString();
          continue;
        }
        if (text[i] === '{' || text[i] === '[') depth++;
        else if (text[i] === '}' || text[i] === ']') depth--;
        i++;
      } while (depth > 0);
      return;
    }
    while (i < text.length && !/[\s,}\]]/.test(text[i])) i++;
  };
  skipSpace();
  i++; // {
  for (;;) {
    skipSpace();
    if (text[i] === '}' || i >= text.length) return out;
    const keyStart = i;
    skipString();
    const keyEnd = i;
    skipSpace();
    i++; // :
    skipSpace();
    const valueStart = i;
    skipValue();
    out.push({ name: JSON.parse(text.slice(keyStart, keyEnd)) as string, keyStart, keyEnd, valueStart, valueEnd: i });
    skipSpace();
    if (text[i] === ',') i++;
  }
}
