/**
 * Variable definition files (`.tfvars`, `.tfvars.json`): which of a folder's Terraform loads by itself and in
 * what order (Terraform's "Variable Definition Precedence": `terraform.tfvars`, `terraform.tfvars.json`, then
 * every `*.auto.tfvars` and `*.auto.tfvars.json` in the order of their names, a later file's value replacing an
 * earlier one's), and what a JSON one assigns (`{"name": value}`).
 */
import * as path from 'path';
import type { Attribute, Range, Value } from '../model/types';
import type { SourceFile } from './sourceFile';

/** A file of variable values: `.tfvars` or `.tfvars.json`. */
export function isVariableFile(p: string): boolean {
  return /\.tfvars(\.json)?$/i.test(p);
}

/** A `.tfvars.json` file (JSON syntax). */
export function isVariableJsonFile(p: string): boolean {
  return /\.tfvars\.json$/i.test(p);
}

/** Terraform loads it without being asked (`-var-file` names the others). Its names are case-sensitive. */
export function isAutoLoaded(p: string): boolean {
  const name = path.basename(p);
  return name === 'terraform.tfvars' || name === 'terraform.tfvars.json' || /\.auto\.tfvars(\.json)?$/.test(name);
}

/** Terraform's load order of auto-loaded files (later wins): the two `terraform.tfvars` first, then by name, bytewise. */
export function compareLoadOrder(a: string, b: string): number {
  const rank = (n: string) => (n === 'terraform.tfvars' ? 0 : n === 'terraform.tfvars.json' ? 1 : 2);
  const x = path.basename(a);
  const y = path.basename(b);
  return rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0);
}

/** One auto-loaded variable file of a folder, as the module index holds it (open or on disk). */
export interface VariableSource {
  /** Its file name, for messages. */
  name: string;
  file: SourceFile;
}

/**
 * The top-level assignments of a `.tfvars.json` text, with the ranges of their keys, or the reason it is not a
 * variable file Terraform reads. Values are literals: Terraform reads no templates in a variable file.
 */
export function jsonAssignments(text: string): { assignments: Attribute[]; error?: { message: string; range: Range } } {
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
