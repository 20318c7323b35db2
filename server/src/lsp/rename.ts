/**
 * Rename across the module: a resource's, a data source's or a local value's name, at its declaration and at
 * every reference to it in every `.tf` file of the folder, open or not.
 *
 * Renaming a resource also adds a `moved` block at the end of the file that declares it. Without one, Terraform
 * plans to destroy the object at the old address and create one at the new: for a BGP group or peer, a session
 * torn down. References in `moved` and `removed` blocks keep the old address: they are the state's history.
 * Variables, modules and outputs are not renamed: names outside the module (a parent's `module` block, `.tfvars`
 * files, whoever reads the outputs) would still use the old name.
 */
import type { Position, Range } from '../model/types';
import { rangeContains } from '../model/types';
import type { Reference } from '../engine/hclSymbols';
import { lineBreakRefusal } from '../engine/guards';
import { lineBreakAt } from '../engine/text';
import type { SourceFile } from '../engine/sourceFile';
import { escapeRegExp } from '../syntax/regexp';
import { keyAt, ModuleView } from './navigation';

export interface TextEdit {
  range: Range;
  newText: string;
}

/** Why a rename is not made, said to the user as it is. */
export class Refusal {
  constructor(readonly message: string) {}
}

/** A Terraform name: a letter or `_`, then letters, digits, `_` and `-`; letters and digits as HCL reads identifiers (Unicode ID_Start, ID_Continue). */
const IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}-]*$/u;

/** What can be renamed: the key's kind, and the name its last part is. */
function parse(key: string): { kind: 'resource' | 'data' | 'local'; type?: string; name: string } | undefined {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const rest = key.slice(colon + 1);
  if (kind === 'local') return { kind, name: rest };
  if (kind !== 'resource' && kind !== 'data') return undefined;
  const dot = rest.indexOf('.');
  return { kind, type: rest.slice(0, dot), name: rest.slice(dot + 1) };
}

/**
 * The name under the cursor that can be renamed, and where it is written there (the range the editor lets the user
 * type over); undefined where nothing declared in the module is named (a `for` iterator's `item.value` reads like
 * a resource's address, but declares nothing).
 */
export function renameTarget(file: SourceFile, pos: Position, module: ModuleView): { key: string; range: Range } | Refusal | undefined {
  const key = keyAt(file, pos);
  if (!key) return undefined;
  const target = parse(key);
  if (!target) return new Refusal(`${key.replace(':', ' ')} is named outside this module too (a parent module, .tfvars files, readers of its outputs): rename it by hand`);
  if (!module.files().some(([, f]) => declares(f, key))) return undefined;
  const places = namesIn(file, key, target.name);
  if (places instanceof Refusal) return places;
  // On the name itself; or on the type before it (`alicloud_vpc_bgp_group` of `alicloud_vpc_bgp_group.g.id`): the
  // name that follows on the line.
  const on = places.find((r) => rangeContains(r, pos));
  const after = places.filter((r) => r.start.line === pos.line && r.start.character > pos.character).sort((a, b) => a.start.character - b.start.character)[0];
  const range = on ?? after;
  return range && { key, range };
}

/**
 * The edits, by file, that rename what is under the cursor to `newName`; a `Refusal` when the name is not one
 * Terraform accepts, is taken in the module, is named where rename cannot follow (a `.tf.json` file, a `moved`
 * or `removed` block naming the new address), or some place naming it is not written as expected.
 */
export function renameEdits(file: SourceFile, pos: Position, newName: string, module: ModuleView): Map<string, TextEdit[]> | Refusal | undefined {
  const at = renameTarget(file, pos, module);
  if (!at || at instanceof Refusal) return at;
  const target = parse(at.key)!;
  if (!IDENTIFIER.test(newName)) return new Refusal(`"${newName}" is not a Terraform name: a letter or _, then letters, digits, _ or -`);
  if (newName === target.name) return new Map();
  const newKey = target.kind === 'local' ? `local:${newName}` : `${target.kind}:${target.type}.${newName}`;
  const files = module.files();
  for (const [uri, f] of files) {
    if (declares(f, newKey)) return new Refusal(`${address(newKey)} is already declared in this module`);
    // A file read only for what it declares (`.tf.json`): rename would not edit it.
    if (!f.references && !f.referencesTo) {
      const named = namesInJson(f, at.key) ? at.key : namesInJson(f, newKey) ? newKey : undefined;
      if (named) return new Refusal(`${address(named)} is named in ${uri.slice(uri.lastIndexOf('/') + 1)}, which rename does not edit: rename it by hand`);
    }
    // A moved or removed block naming the new address: a move there too would make a cycle or a conflict.
    if (inHistory(f, newKey)) return new Refusal(`${address(newKey)} is named in a moved or removed block: edit those by hand`);
    // A block that does not parse may name it where no reference is seen: rename would leave that one behind.
    const broken = f.brokenBlockMatching?.(namePattern(target));
    if (broken !== undefined) return new Refusal(`the block on line ${broken + 1} of ${uri.slice(uri.lastIndexOf('/') + 1)} does not parse and may name ${target.name}: fix it first, or rename by hand`);
  }
  const out = new Map<string, TextEdit[]>();
  for (const [uri, f] of files) {
    const places = namesIn(f, at.key, target.name);
    if (places instanceof Refusal) return places;
    const edits = places.map((range) => ({ range, newText: newName }));
    // Terraform takes moved blocks in normal files only, not in override files.
    if (target.kind === 'resource' && !f.isOverride && declares(f, at.key)) edits.push(movedBlock(f, address(at.key), address(newKey)));
    // A file on disk with a lone carriage return (an open one is refused, `guards.ts`): the editor counts its lines
    // apart from the server, and would make the edits in the wrong places.
    if (edits.length && lineBreakRefusal(f.text)) return new Refusal(`${uri.slice(uri.lastIndexOf('/') + 1)} has a line break that is a lone carriage return, which editors and Terraform count apart: save it with LF or CRLF line breaks, then rename`);
    if (edits.length) out.set(uri, edits);
  }
  return out;
}

/** The name as a reference writes it after its type (`alicloud_vpc_bgp_group.g`, `local.g`), or as a label (`"g"`). */
function namePattern(target: { kind: string; type?: string; name: string }): RegExp {
  const before = target.kind === 'local' ? 'local' : escapeRegExp(target.type ?? '');
  return new RegExp(`${before}\\s*\\.\\s*${escapeRegExp(target.name)}(?![\\p{ID_Continue}-])|"${escapeRegExp(target.name)}"`, 'u');
}

/** `resource:alicloud_vpc_bgp_group.g` → `alicloud_vpc_bgp_group.g`, as Terraform writes an address. */
function address(key: string): string {
  const rest = key.slice(key.indexOf(':') + 1);
  return key.startsWith('data:') ? `data.${rest}` : key.startsWith('local:') ? `local.${rest}` : rest;
}

/** Does `f` declare `key`? (A `.tf.json` file: the resources and data sources it reads.) */
function declares(f: SourceFile, key: string): boolean {
  let found = false;
  if (f.forEachDeclaration) {
    f.forEachDeclaration((d) => (found ||= d.key === key));
    return found;
  }
  const target = parse(key);
  if (!target || target.kind === 'local') return false;
  for (const { value } of f.instances?.() ?? []) found ||= value.kind === target.kind && value.type === target.type && value.name === target.name;
  return found;
}

/**
 * Does a `.tf.json` file name `key`: declare it, refer to it (`${alicloud_vpc_bgp_group.g.id}`), or, for a local,
 * have a `locals` object and that key?
 */
function namesInJson(f: SourceFile, key: string): boolean {
  const target = parse(key);
  if (!target) return false;
  if (declares(f, key)) return true;
  const text = f.text;
  // The whole name: not the end of `data.alicloud_vpc_bgp_group.g` nor the start of `local.group_id`.
  const word = (s: string) => new RegExp(`(?<![\\p{ID_Continue}.-])${escapeRegExp(s)}(?![\\p{ID_Continue}-])`, 'u').test(text);
  if (target.kind === 'local') return word(`local.${target.name}`) || jsonLocals(text).has(target.name);
  return word(address(key));
}

/** The names a `.tf.json` file's `locals` declare (an object, or a list of objects). */
function jsonLocals(text: string): Set<string> {
  const out = new Set<string>();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return out;
  }
  const locals = json && typeof json === 'object' ? (json as { locals?: unknown }).locals : undefined;
  for (const o of Array.isArray(locals) ? locals : [locals]) if (o && typeof o === 'object') for (const k of Object.keys(o)) out.add(k);
  return out;
}

/** Is `key` named inside a `moved` or `removed` block of `f`? */
function inHistory(f: SourceFile, key: string): boolean {
  const history = historyOf(f);
  return history.length > 0 && referencesIn(f, key).some((r) => history.some((h) => rangeContains(h, r.range.start)));
}

/** Where `f`'s `moved` and `removed` blocks are: the state's history, which keeps the names it was written with. */
function historyOf(f: SourceFile): Range[] {
  const history: Range[] = [];
  f.forEachDeclaration?.((d) => {
    if (d.kind === 'block' && /^(moved|removed)$/.test(d.name)) history.push(d.range);
  });
  return history;
}

function referencesIn(f: SourceFile, key: string): Reference[] {
  return f.referencesTo ? f.referencesTo(key) : (f.references?.() ?? []).filter((r) => r.key === key);
}

/**
 * Where `f` writes the name of `key`: in its declarations (inside the label's quotes) and its references (the
 * name after the type), leaving out those in `moved` and `removed` blocks.
 */
function namesIn(f: SourceFile, key: string, name: string): Range[] | Refusal {
  const out: Range[] = [];
  const history = historyOf(f);
  let unreadable: number | undefined;
  f.forEachDeclaration?.((d) => {
    if (d.key !== key) return;
    const r = d.selectionRange;
    const text = f.lineText(r.start.line).slice(r.start.character, r.end.character);
    if (r.start.line === r.end.line && text === `"${name}"`) out.push({ start: { line: r.start.line, character: r.start.character + 1 }, end: { line: r.end.line, character: r.end.character - 1 } });
    else if (r.start.line === r.end.line && text === name) out.push(r);
    else unreadable ??= r.start.line;
  });
  // Written some other way (an escape in the label?): renaming the rest would leave it behind.
  if (unreadable !== undefined) return new Refusal(`the declaration of ${address(key)} on line ${unreadable + 1} is written in a way rename does not handle: rename it by hand`);
  for (const ref of referencesIn(f, key)) {
    if (history.some((h) => rangeContains(h, ref.range.start))) continue;
    // A reference's range ends with the name (`alicloud_vpc_bgp_group.g` in `alicloud_vpc_bgp_group.g.id`).
    const end = ref.range.end;
    const start = { line: end.line, character: end.character - name.length };
    // Written some other way (split over lines?): renaming the rest would leave it broken.
    if (f.lineText(end.line).slice(start.character, end.character) !== name) return new Refusal(`a reference to ${address(key)} on line ${end.line + 1} is written in a way rename does not handle: rename it by hand`);
    out.push({ start, end });
  }
  return out;
}

/** A `moved` block at the end of `f`, from the old address to the new, with the line break its last lines have. */
function movedBlock(f: SourceFile, from: string, to: string): TextEdit {
  const length = f.textLength();
  const text = f.text;
  const lines = text.split(/\r?\n|\r/);
  const eol = lineBreakAt(f, lines.length - 1);
  const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
  const before = length === 0 ? '' : lines[lines.length - 1] === '' ? eol : eol + eol;
  // Indented as the file indents (its first indented line): with a tab, or two spaces.
  const indent = /^([ \t]+)\S/m.exec(text)?.[1].startsWith('\t') ? '\t' : '  ';
  const block = ['moved {', `${indent}from = ${from}`, `${indent}to   = ${to}`, '}', ''].join(eol);
  return { range: { start: end, end }, newText: before + block };
}
