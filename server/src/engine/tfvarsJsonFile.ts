/**
 * A `.tfvars.json` variable file (`{"variable_name": value}`), which Terraform reads as it reads a `.tfvars`
 * one: judged by the same rules (`tfvars.ts`), with its folder's other auto-loaded files when it is one, and a
 * source of values for them. A text that is not a JSON object is one finding, as Terraform refuses it. No
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
    return tfvarsFindings(this.assignments, ctx, this).map((f) => ({ ...f, fixes: [] }));
  }

  protected read(): void {
    ({ assignments: this.assignments, error: this.error } = jsonAssignments(this.text));
  }
}

/**
 * The top-level assignments of a `.tfvars.json` text, with the ranges of their keys, or the reason it is not a
 * variable file Terraform reads. Values are literals: Terraform reads no templates in a variable file.
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
  const keys = topLevelKeys(text);
  const assignments: Attribute[] = [];
  for (const [name, v] of Object.entries(json as Record<string, unknown>)) {
    const range = keys.get(name) ?? START;
    assignments.push({ name, sourceName: name, keyRange: range, value: valueOf(v), valueRange: range, range });
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

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function valueOf(v: unknown): Value {
  if (v === null) return { kind: 'null' };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (typeof v === 'number') return { kind: 'number', value: v, raw: String(v) };
  if (typeof v === 'string') return { kind: 'string', value: v };
  return { kind: 'unknown', text: JSON.stringify(v) };
}

/**
 * Where each key of the top-level object is written (the last time, as `JSON.parse` keeps the last value): a scan
 * that skips strings and counts brackets, run only on a text `JSON.parse` accepted.
 */
function topLevelKeys(text: string): Map<string, Range> {
  const out = new Map<string, Range>();
  let depth = 0;
  let line = 0;
  let lineStart = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') (line++, (lineStart = i + 1));
    else if (c === '{' || c === '[') {
      depth++;
      expectKey = depth === 1 && c === '{';
    } else if (c === '}' || c === ']') depth--;
    else if (c === ',') expectKey = depth === 1;
    else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (expectKey) {
        // The key's own characters never hold a line break (JSON forbids one in a string).
        out.set(JSON.parse(text.slice(i, j + 1)) as string, { start: { line, character: i - lineStart }, end: { line, character: j + 1 - lineStart } });
        expectKey = false;
      }
      i = j;
    }
  }
  return out;
}
