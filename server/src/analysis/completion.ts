/**
 * Completion from the schema: argument names not yet written (required first, never read-only ones),
 * values (bools, accepted values, references to declared resources, durations), resource types.
 * The cursor context comes from the syntax adapter; insertion text from the language's CompletionWriter.
 */
import type { Block, Range, ResourceInstance } from '../model/types';
import type { AttributeSchema, BlockSchema, ResourceSchema, VersionInfo } from '../schema/types';
import type { CompletionWriter } from '../writers/writer';
import type { AnalysisContext } from './context';
import { declaredTargets } from './references';
import { attributeMarkdown, attributeSummary, blockMarkdown, META_DOCS, resourceMarkdown } from './describe';
import { dynamicContent, META_ARGUMENTS } from './rules/body';
import { verdict } from './rules/versions';

export type CursorContext =
  /**
   * `nameOnly`: a value already follows the name on its line (`bfd_m|ulti_hop = 3`): only the name is written.
   * `suffix`: written after the item (Java, `….|build()`: the `.` before `build()`).
   * `quote`: the name is written as a string in these quotes, `"create": "5m"` (a Python dict, whose keys must be
   * strings, or a key the user began with a quote); the range then covers the quotes.
   * `oneLine`: between the braces of a body written on one line (HCL `timeouts { | }`), which holds one argument
   * and no block: only arguments are offered.
   */
  | { mode: 'key'; instance: ResourceInstance; blocks: Block[]; prefix: string; range: Range; nameOnly?: boolean; suffix?: string; quote?: string; oneLine?: boolean }
  /**
   * `lead`: written before the value (`enable_bfd =|`: a space, as `terraform fmt` writes).
   * `reference`: what is typed begins a reference (HCL `local.|`, `each.value.|`): only references are offered,
   * no literal would take its place.
   */
  | { mode: 'value'; instance: ResourceInstance; blocks: Block[]; key: string; prefix: string; range: Range; lead?: string; reference?: boolean }
  | { mode: 'resourceType'; kind: 'resource' | 'data'; prefix: string; range: Range }
  /** The label of a `dynamic` block (HCL): the name of a block the body has. */
  | { mode: 'dynamicLabel'; instance: ResourceInstance; blocks: Block[]; prefix: string; range: Range }
  /** A name in `lifecycle { ignore_changes = [...] }` (HCL); `listed`: the names the list already holds. */
  | { mode: 'ignoreChanges'; instance: ResourceInstance; blocks: Block[]; prefix: string; range: Range; listed: string[] };

export interface CompletionItem {
  label: string;
  kind: 'property' | 'block' | 'value' | 'reference' | 'class' | 'keyword';
  detail?: string;
  documentation?: string;
  /**
   * Documented on request: the item's documentation is the hover of this variable (`variableHover`), made when the
   * client resolves the item, not for each of a module's thousands of variables at each request.
   */
  variable?: string;
  insertText: string;
  snippet: boolean;
  range: Range;
  sortText: string;
  filterText?: string;
  preselect?: boolean;
}

type BodySchema = { attributes: Record<string, AttributeSchema>; blocks?: Record<string, BlockSchema> };

/**
 * The blocks around the cursor as the schema names them: inside `dynamic "timeouts" { content { | } }` the cursor
 * is in a `timeouts` block, which the content makes. Undefined in a `dynamic` block's own body (`for_each`,
 * `iterator`, `content`), which is Terraform's, not the provider's.
 */
function schemaPath(blocks: Block[]): string[] | undefined {
  const names: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.name !== 'dynamic') {
      names.push(b.name);
      continue;
    }
    const content = dynamicContent(b);
    if (!content || blocks[i + 1] !== content) return undefined;
    names.push(b.labels[0].value);
    i++;
  }
  return names;
}

/** The schema of the innermost block on the path, or undefined inside a block the schema does not know. */
function bodySchemaAt(schema: ResourceSchema, path: string[]): BodySchema | undefined {
  let s: BodySchema = schema;
  for (const name of path) {
    const next = s.blocks?.[name];
    if (!next) return undefined;
    s = next;
  }
  return s;
}

/** At most this many references are offered at once; typing more of the name narrows the list. */
export const MAX_REFERENCE_ITEMS = 100;

export interface CompletionResult {
  items: CompletionItem[];
  /** True when the list was cut: the editor should ask again as the user types. */
  isIncomplete: boolean;
}

export function complete(cursor: CursorContext, ctx: AnalysisContext, w: CompletionWriter): CompletionItem[] {
  return completeList(cursor, ctx, w).items;
}

export function completeList(cursor: CursorContext, ctx: AnalysisContext, w: CompletionWriter): CompletionResult {
  const cut = { value: false };
  const items = completeItems(cursor, ctx, w, cut);
  return { items, isIncomplete: cut.value };
}

function completeItems(cursor: CursorContext, ctx: AnalysisContext, w: CompletionWriter, cut: { value: boolean }): CompletionItem[] {
  if (cursor.mode === 'resourceType') {
    return ctx.schemas
      .all()
      .filter((s) => s.kind === cursor.kind)
      .map((s, i) => ({
        label: s.type,
        kind: 'class' as const,
        detail: s.title,
        documentation: resourceMarkdown(s),
        insertText: s.type,
        snippet: false,
        range: cursor.range,
        sortText: String(i).padStart(3, '0'),
      }));
  }
  const schema = ctx.schemas.get(cursor.instance.kind, cursor.instance.type);
  if (!schema) return [];
  if (cursor.mode === 'ignoreChanges') {
    // What Terraform may be told to leave alone: the arguments the configuration can set.
    return Object.entries(schema.attributes)
      .filter(([name, a]) => !a.readOnly && available(a, ctx) && !cursor.listed.includes(name))
      .map(([name, a]) => ({ label: name, kind: 'property' as const, detail: attributeSummary(a), documentation: attributeMarkdown(name, a, schema), insertText: name, snippet: false, range: cursor.range, sortText: name }));
  }
  const names = schemaPath(cursor.blocks);
  const body = names && bodySchemaAt(schema, names);
  if (!body) return [];
  const path = names.join('.');
  const written = cursor.blocks.length ? cursor.blocks[cursor.blocks.length - 1] : cursor.instance;
  if (cursor.mode === 'dynamicLabel') {
    return Object.entries(body.blocks ?? {})
      .filter(([, b]) => available(b, ctx))
      .map(([name, b]) => ({ label: name, kind: 'block' as const, detail: 'block', documentation: blockMarkdown(name, b, schema), insertText: name, snippet: false, range: cursor.range, sortText: name }));
  }
  return cursor.mode === 'key'
    ? keyItems(cursor, schema, body, path, written, ctx, w)
    : valueItems(cursor, schema, body, ctx, w, cut);
}

/**
 * Does the module's provider have it? With its version known (pinned, or the range a constraint allows), what
 * no allowed version has yet, or every allowed version has removed, is not offered; without it, what the newest
 * provider has removed is not.
 */
function available(v: VersionInfo, ctx: AnalysisContext): boolean {
  const version = ctx.providerVersion;
  if (!version) return !v.removed;
  const judged = verdict(v, version);
  return judged !== 'newer' && judged !== 'absent' && judged !== 'removed';
}

function keyItems(
  cursor: CursorContext & { mode: 'key' },
  schema: ResourceSchema,
  body: BodySchema,
  path: string,
  written: { attributes: { name: string; incomplete?: boolean; keyRange: Range }[]; blocks: Block[] },
  ctx: AnalysisContext,
  w: CompletionWriter,
): CompletionItem[] {
  // The name being typed (the one starting where the completed range starts) is not "already written";
  // others on the same line are (CDKTF configs are often written on one line).
  const typing = (a: { keyRange: Range }) => a.keyRange.start.line === cursor.range.start.line && a.keyRange.start.character === cursor.range.start.character;
  const present = new Set(written.attributes.filter((a) => !typing(a)).map((a) => a.name));
  // On a name that has its value, the name alone; else the whole item, then what must follow it.
  const q = cursor.quote ?? '';
  const labelOf = (name: string) => w.label?.(name) ?? name;
  const insert = (name: string, whole: () => string) => (cursor.nameOnly ? q + labelOf(name) + q : whole() + (cursor.suffix ?? ''));
  // The editor filters by the text of the range, which begins with the quote when the name is a quoted key.
  const filterText = (name: string) => cursor.quote && q + labelOf(name) + q;
  const items: CompletionItem[] = [];
  for (const [name, a] of Object.entries(body.attributes)) {
    if (a.readOnly || present.has(name) || !available(a, ctx)) continue;
    items.push({
      label: labelOf(name),
      kind: 'property',
      detail: attributeSummary(a),
      documentation: attributeMarkdown(name, a, schema, path),
      insertText: insert(name, () => w.argument(name, valueSnippet(a, ctx, w, cursor.instance), cursor.quote)),
      snippet: !cursor.nameOnly,
      range: cursor.range,
      filterText: filterText(name),
      sortText: (a.required ? '0' : a.deprecated ? '3' : '1') + name,
      preselect: a.required ? true : undefined,
    });
  }
  // A block cannot take the place of a name that has a value after it.
  for (const [name, b] of cursor.nameOnly || cursor.oneLine ? [] : Object.entries(body.blocks ?? {})) {
    if (!available(b, ctx)) continue;
    // A `dynamic "timeouts"` block makes such blocks too.
    const count = written.blocks.filter((x) => x.name === name || (x.name === 'dynamic' && x.labels[0]?.value === name)).length;
    if (b.maxItems !== undefined && count >= b.maxItems) continue;
    // Only keys the module's provider has: a VBR's `timeouts` at 1.211.2 takes `update` alone.
    const keys = Object.entries(b.attributes)
      .filter(([, a]) => !a.readOnly && available(a, ctx))
      .slice(0, 3)
      .map(([k, a], i) => ({ name: k, valueSnippet: valueSnippet(a, ctx, w, cursor.instance).replace(/\$\{1/g, `\${${i + 1}`) }));
    items.push({
      label: labelOf(name),
      kind: 'block',
      detail: 'block',
      documentation: blockMarkdown(name, b, schema),
      insertText: insert(name, () => w.block(name, keys, cursor.instance)),
      snippet: true,
      range: cursor.range,
      filterText: filterText(name),
      sortText: '2' + name,
    });
  }
  if (cursor.blocks.length === 0) {
    for (const name of [...META_ARGUMENTS, 'lifecycle']) {
      if (present.has(name) || written.blocks.some((b) => b.name === name) || ((cursor.nameOnly || cursor.oneLine) && name === 'lifecycle')) continue;
      // Terraform refuses a block with both ("Invalid combination of count and for_each").
      if ((name === 'count' && present.has('for_each')) || (name === 'for_each' && present.has('count'))) continue;
      items.push({
        label: labelOf(name),
        kind: 'keyword',
        detail: 'Terraform meta-argument',
        documentation: META_DOCS.get(name),
        insertText: insert(name, () => (name === 'lifecycle' ? w.block('lifecycle', [], cursor.instance) : w.argument(name, '$1', cursor.quote))),
        snippet: !cursor.nameOnly,
        range: cursor.range,
        filterText: filterText(name),
        sortText: '4' + name,
      });
    }
  }
  return items;
}

/** The value part of an argument completion: choices when the values are a set, else a typed placeholder. */
function valueSnippet(a: AttributeSchema, ctx: AnalysisContext, w: CompletionWriter, from: ResourceInstance): string {
  if (a.type === 'bool') return w.valueSnippet('bool', ['true', 'false']);
  if (a.enum) return w.valueSnippet('string', a.enum);
  const refs = referenceValues(a, ctx, from);
  if (refs.length > 0) return w.valueSnippet('reference', refs);
  const placeholder = a.example !== undefined ? exampleText(a.example) : undefined;
  if (a.type === 'number') return w.valueSnippet('number', [], placeholder ?? '0');
  if (a.type === 'string') return w.valueSnippet('string', [], placeholder);
  return '$1';
}

function exampleText(example: string): string {
  try {
    const v: unknown = JSON.parse(example);
    return typeof v === 'string' ? v : String(v);
  } catch {
    return example;
  }
}

/** `alicloud_vpc_bgp_group.<name>.id` for each declared resource the argument of `from` usually refers to. */
function referenceValues(a: AttributeSchema, ctx: AnalysisContext, from: ResourceInstance): string[] {
  return declaredTargets(a, ctx, from).map((t) => t.text);
}

const DURATIONS = ['5m', '10m', '20m', '30m', '1h'];

function valueItems(
  cursor: CursorContext & { mode: 'value' },
  schema: ResourceSchema,
  body: BodySchema,
  ctx: AnalysisContext,
  w: CompletionWriter,
  cut: { value: boolean },
): CompletionItem[] {
  const a = body.attributes[cursor.key];
  if (!a || a.readOnly) return [];
  const values: { text: string; kind: CompletionItem['kind']; detail: string; preselect?: boolean }[] = [];
  const literals = !cursor.reference;
  if (literals && a.type === 'bool') {
    values.push({ text: w.literal(true), kind: 'value', detail: 'bool' }, { text: w.literal(false), kind: 'value', detail: 'bool' });
  }
  for (const e of literals ? (a.enum ?? []) : []) values.push({ text: w.literal(e), kind: 'value', detail: a.default === e ? 'default' : 'accepted value', preselect: a.default === e });
  // Thousands of declared groups: offer those matching what is typed, at most MAX_REFERENCE_ITEMS.
  let refs = referenceValues(a, ctx, cursor.instance);
  if (refs.length > MAX_REFERENCE_ITEMS) {
    const typed = cursor.prefix.replace(/^"/, '');
    refs = refs.filter((r) => r.startsWith(typed) || r.includes('.' + typed));
    if (refs.length > MAX_REFERENCE_ITEMS) refs = refs.slice(0, MAX_REFERENCE_ITEMS);
    cut.value = true;
  }
  for (const r of refs) values.push({ text: w.reference?.(r) ?? r, kind: 'reference', detail: 'declared in this module' });
  if (literals && a.format === 'duration') for (const d of DURATIONS) values.push({ text: w.literal(d), kind: 'value', detail: 'duration', preselect: a.default === d });
  if (literals && a.type === 'number') {
    const seen = new Set<string>();
    for (const v of [a.default, a.example !== undefined ? exampleText(a.example) : undefined]) {
      if (v === undefined || seen.has(String(v))) continue;
      seen.add(String(v));
      values.push({ text: Number.isFinite(Number(v)) ? w.literal(Number(v)) : String(v), kind: 'value', detail: v === a.default ? 'default' : 'example' });
    }
  }
  // A string begun in the other quotes (`'IPv|`, replaced whole): editors filter by the text from the range's start,
  // quote included, so the filter text starts with that quote too.
  const typedQuote = /^['`]/.exec(cursor.prefix)?.[0];
  const filterOf = (text: string) => (typedQuote ? typedQuote + (text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) + typedQuote : text) : text);
  return values.map((v, i) => ({
    label: v.text,
    kind: v.kind,
    detail: v.detail,
    // One reference per declared resource can mean thousands of items: the detail says enough.
    documentation: v.kind === 'reference' ? undefined : attributeMarkdown(cursor.key, a, schema),
    insertText: (cursor.lead ?? '') + v.text,
    snippet: false,
    range: cursor.range,
    sortText: String(i).padStart(3, '0'),
    filterText: (cursor.lead ?? '') + filterOf(v.text),
    preselect: v.preselect,
  }));
}
