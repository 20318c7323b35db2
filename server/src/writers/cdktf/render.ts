/**
 * Renders neutral fixes and completions in CDKTF code. What differs between languages is a `Dialect` (how a
 * name, a value and a property are written: `enableBfd: true`, `enable_bfd=True`, `.enableBfd(true)`,
 * `EnableBfd = true`, `EnableBfd: jsii.Bool(true)`); where text goes follows the syntax the adapter recorded
 * (commas, one entry per line or all on one, trailing-comma style, indentation, builder chains).
 */
import type { FixValue, NeutralEdit } from '../../analysis/finding';
import { comparePositions, type Attribute, type Block, type Position, type Range, type ResourceInstance } from '../../model/types';
import { bodyHolding } from '../../model/bodies';
import type { BodySyntax, CdktfBlock, CdktfInstance, EntrySyntax } from '../../syntax/cdktf/model';
import { entryOf, isTopLevel } from '../../syntax/cdktf/model';
import { languageName } from '../../syntax/cdktf/names';
import type { CdktfLanguage } from '../../syntax/cdktf/tokens';
import { ownCommentFrom, type CommentSyntax } from '../ownComments';
import type { CompletionWriter, LineSource, TextEdit, Writer } from '../writer';

export interface Dialect {
  language: CdktfLanguage;
  /** A literal: `true` / `True` / `jsii.Bool(true)`, `"IPv4"` / `jsii.String("IPv4")`. */
  literal(v: boolean | number | string, quote?: string): string;
  /** Reading an attribute of a construct held in `variable`: `group.id`, `group.getId()`, `group.Id`, `group.Id()`. */
  reference(variable: string, path: string[]): string;
  /** One property with its value, without separator: `enableBfd: true`, `.enableBfd(true)`. */
  property(name: string, value: string): string;
  /** Snippet forms: the value wrapper for a kind (`jsii.Bool($)` in Go), and whether entries end with `,`. */
  wrap(kind: 'bool' | 'string' | 'number' | 'reference', snippet: string): string;
  /** The statement a nested struct is written with, for completion (`timeouts: {…}`, `.timeouts(X.builder()…build())`). */
  nested(name: string, className: string | undefined, goPackage: string | undefined, keys: { name: string; valueSnippet: string }[]): string;
  /** Entries are separated by commas (all but Java's builder chains). */
  commas: boolean;
  /** A multi-line body needs a comma after its last entry (Go). */
  trailingCommaRequired?: boolean;
  /** Values of consecutive entries are aligned in one column, as `gofmt` leaves them (Go). */
  alignValues?: boolean;
  /** Braces on one line hold their entries without inner spaces (`gofmt`: `{Key: v}`). */
  tightBraces?: boolean;
  /**
   * Removals leave what gofmt leaves: never two blank lines in a row nor one before the `}`, a literal left with no
   * field below its `{` line closed on it (`{}`, `{A: 1}`), one blank between a `{` and a comment.
   */
  gofmtLayout?: boolean;
  /** A construct's config holding one entry, written where none was (`{ k: v }`, `X.builder().k(v).build()`); `cls` is the qualified config class. */
  configObject?(cls: string, entry: string): string;
  /** A property as completion inserts it where it differs (Java: after the `.` the user typed). */
  completionProperty?(name: string, value: string): string;
}

function abs(p: Position, base: number): Position {
  return { line: p.line + base, character: p.character };
}

function absRange(r: Range, base: number): Range {
  return { start: abs(r.start, base), end: abs(r.end, base) };
}

function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

/** The indentation unit around the construct: a tab, or the smallest step between consecutive lines' indents. */
function unitOf(lines: string[], fallback: string): string {
  if (lines.some((l) => l.startsWith('\t'))) return '\t';
  let unit = 0;
  let prev: number | undefined;
  for (const l of lines) {
    if (l.trim() === '') continue;
    const n = indentOf(l).length;
    if (prev !== undefined && n > prev && (unit === 0 || n - prev < unit)) unit = n - prev;
    prev = n;
  }
  return unit === 0 ? fallback : ' '.repeat(unit);
}

/** Conventional indentation per language when the file shows none. */
const DEFAULT_UNIT: Record<CdktfLanguage, string> = { typescript: '  ', python: '    ', java: '    ', csharp: '    ', go: '\t' };

export function renderValue(d: Dialect, v: FixValue, quote = '"'): string {
  switch (v.kind) {
    case 'bool':
    case 'number':
    case 'string':
      return d.literal(v.value, quote);
    case 'reference':
      return d.reference(v.resourceName, v.attribute.split('.'));
  }
}

/** A reference as HCL writes it (`alicloud_vpc_bgp_group.main.id`, `data.x.y.connections.0.id`) in the dialect. */
export function renderHclReference(d: Dialect, text: string): string {
  const parts = text.split('.');
  let i = parts[0] === 'data' ? 2 : 1;
  const nameParts = parts[i] === 'this' || parts[i] === 'self' ? 2 : 1;
  const name = parts.slice(i, i + nameParts).join('.');
  i += nameParts;
  return d.reference(name, parts.slice(i));
}

/**
 * The text of `v` written over `old`'s value. A number keeps the type suffix of the literal it replaces (Java's
 * and C#'s `L`, `UL`, `u`, `f`, `d`, `m`): without it Java reads `4294967294` as an int literal, which is too large,
 * and a suffix the user chose says the type the code wants.
 */
function replacement(d: Dialect, old: Attribute, v: FixValue, quote: string, src: LineSource): string {
  const text = renderValue(d, v, quote);
  const r = old.valueRange;
  if (v.kind !== 'number' || old.value.kind !== 'number' || r.start.line !== r.end.line) return text;
  const suffix = numberSuffix(d.language, src.lineText(r.start.line + src.base).slice(r.start.character, r.end.character), v.value);
  return suffix ? text.replace(/[lL]$/, '') + suffix : text;
}

/** The suffix of a Java or C# number literal that still fits `value` (none in the other languages). */
function numberSuffix(language: CdktfLanguage, literal: string, value: number): string {
  if (language !== 'java' && language !== 'csharp') return '';
  // A hexadecimal literal's F and D are digits.
  const m = (/^[-+]?\s*0[xX]/.test(literal) ? /[lLuU]+$/ : /[lLuUfFdDmM]+$/).exec(literal.trim());
  if (!m) return '';
  const s = m[0];
  // A float cannot hold every integer a range allows (4294967294f is 4294967296): double then.
  if (/^[fF]$/.test(s)) return Math.fround(value) === value ? s : 'd';
  if (/[dDmM]/.test(s)) return s;
  // Integer suffixes fit integers only, and unsigned ones (C#'s u, UL) no negative value.
  return Number.isInteger(value) && !(/[uU]/.test(s) && value < 0) ? s : '';
}

type Body = (CdktfInstance | CdktfBlock) & { body?: BodySyntax };

/**
 * One entry of a body with its value: the dialect's property, except in a Python dict (a construct's
 * `**{"bgp_group_id": ...}`, a nested `{"create": ...}`), whose keys are strings.
 */
export function propertyIn(d: Dialect, body: BodySyntax | undefined, name: string, value: string, quote = '"'): string {
  return d.language === 'python' && body?.kind === 'object' ? `${quote}${name}${quote}: ${value}` : d.property(name, value);
}

export function cdktfWriter(d: Dialect): Writer {
  return {
    value: (v) => renderValue(d, v),
    render(edits, instance, src) {
      const inst = instance as CdktfInstance;
      const quote = inst.quote ?? '"';
      const out: TextEdit[] = [];
      for (const e of edits) out.push(...renderOne(d, e, inst, src, quote));
      return out;
    },
  };
}

function renderOne(d: Dialect, e: NeutralEdit, instance: CdktfInstance, src: LineSource, quote: string): TextEdit[] {
  switch (e.kind) {
    case 'replaceValue':
      return [{ range: absRange(e.attribute.valueRange, src.base), newText: replacement(d, e.attribute, e.value, quote, src) }];
    case 'rename': {
      // A key written as a string (a Python dict's `"creat"`, a quoted TypeScript key) stays one.
      const k = e.attribute.keyRange;
      const line = src.lineText(k.start.line + src.base);
      const q = /^["']/.exec(line.slice(k.start.character))?.[0] ?? '';
      const renamed = q + languageName(d.language, e.to) + q;
      // TypeScript's shorthand `{ enableBdf }` is also the value, the variable of that name: it keeps it.
      const v = e.attribute.valueRange;
      if (!q && v.start.line === k.start.line && v.start.character === k.start.character && v.end.character === k.end.character && v.end.line === k.end.line) {
        return [{ range: absRange(k, src.base), newText: `${renamed}: ${line.slice(k.start.character, k.end.character)}` }];
      }
      if (!instance.terraformNames) return [{ range: absRange(k, src.base), newText: renamed }];
      // An override's path names it as Terraform does, after the blocks it is in (`"timeouts.creat"`): the segment
      // renamed is the argument's own, the first for one of the construct (`"timeout.create"`), else the second.
      const segments = line.slice(k.start.character + q.length, k.end.character - q.length).split('.');
      segments[isTopLevel(instance, e.attribute) ? 0 : segments.length - 1] = e.to;
      return [{ range: absRange(k, src.base), newText: q + segments.join('.') + q }];
    }
    case 'remove':
      return removeStatement(e.attribute, instance, src) ?? removeEntry(d, e.attribute, instance, src);
    case 'removeBlock':
      return removeStatement(e.block, instance, src) ?? removeEntry(d, e.block, instance, src);
    case 'set': {
      const body: Body = (e.block as CdktfBlock | undefined) ?? instance;
      const existing = body.attributes.find((a) => a.name === e.name && !a.incomplete);
      const value = renderValue(d, e.value, quote);
      if (existing) return [{ range: absRange(existing.valueRange, src.base), newText: replacement(d, existing, e.value, quote, src) }];
      return insertEntry(d, body, languageName(d.language, e.name), value, src, quote);
    }
  }
}

/** What a body writes: its arguments and blocks, and the arguments a later write overwrites. */
type Entries = Pick<Block, 'attributes' | 'blocks' | 'overwritten'>;

/** The written entries of a body, in source order. */
function entriesOf(body: Entries): { x: Attribute | Block; entry: EntrySyntax }[] {
  const out: { x: Attribute | Block; entry: EntrySyntax }[] = [];
  // The overwritten too: they are written between the others, whose commas a removal may have to mend.
  for (const x of [...body.attributes, ...body.blocks, ...(body.overwritten ?? [])]) {
    const entry = entryOf(x);
    if (entry && !(x as Attribute).incomplete) out.push({ x, entry });
  }
  return out.sort((a, b) => a.entry.start.line - b.entry.start.line || a.entry.start.character - b.entry.start.character);
}

function insertEntry(d: Dialect, body: Body, name: string, value: string, src: LineSource, quote: string): TextEdit[] {
  const syntax = body.body;
  let text = propertyIn(d, syntax, name, value, quote);
  if (!syntax) return [];
  if (syntax.absent) {
    // No config written: one holding the entry, after the id argument (`, { ... }`) or in place of Go's `nil`.
    const inst = body as CdktfInstance;
    const configName = inst.schema?.cdktf?.configName;
    if (!d.configObject || !configName) return [];
    const config = d.configObject(inst.qualifier + configName, text);
    const { from, to } = syntax.absent;
    const empty = from.line === to.line && from.character === to.character;
    return [{ range: { start: abs(from, src.base), end: abs(to, src.base) }, newText: empty ? `, ${config}` : config }];
  }
  const line = (l: number) => src.lineText(l + src.base);
  const at = (p: Position, newText: string): TextEdit[] => [{ range: { start: abs(p, src.base), end: abs(p, src.base) }, newText }];
  // (A Python dict unpacked beside the keyword arguments is not where one goes: `EntrySyntax.within`.)
  const entries = entriesOf(body).filter((s) => !s.entry.within);
  const nearby: string[] = [];
  for (let l = Math.max(0, syntax.open.line - 30); l <= (syntax.close?.line ?? syntax.open.line); l++) nearby.push(line(l));
  const unit = unitOf(nearby, DEFAULT_UNIT[d.language]);

  if (!d.commas) {
    // A builder chain: `.name(value)` after the last call, on its own line when the calls are.
    const last = entries[entries.length - 1];
    if (last) {
      const ownLine = line(last.entry.start.line).slice(0, last.entry.start.character).trim() === '';
      return at(last.entry.end, ownLine ? `\n${indentOf(line(last.entry.start.line))}${text}` : text);
    }
    if (syntax.close && syntax.close.line > syntax.open.line) {
      return at(syntax.open, `\n${indentOf(line(syntax.close.line))}${text}`);
    }
    return at(syntax.open, text);
  }

  const last = entries[entries.length - 1];
  if (last) {
    const onOwnLine = line(last.entry.start.line).slice(0, last.entry.start.character).trim() === '';
    // Go wants the comma only before a line break: gofmt drops it from `Key: v,})` (the brace on the entry's line).
    const closesOnLine = syntax.close !== undefined && syntax.close.line === (last.entry.commaEnd ?? last.entry.end).line;
    const trailing = d.trailingCommaRequired && !closesOnLine ? ',' : '';
    if (onOwnLine) {
      const lastLine = line(last.entry.start.line);
      const indent = indentOf(lastLine);
      if (d.alignValues) {
        // `Key:   value` aligned with the entry above.
        const m = /^(\s*)([A-Za-z_][A-Za-z0-9_]*):(\s+)\S/.exec(lastLine);
        if (m) text = `${name}:${' '.repeat(Math.max(1, m[1].length + m[2].length + 1 + m[3].length - (indent.length + name.length + 1)))}${value}`;
      }
      // A comment after the last entry stays on its line: the new entry goes on the line after it.
      const afterEntry = last.entry.commaEnd ?? last.entry.end;
      const rest = line(afterEntry.line).slice(afterEntry.character);
      if (afterEntry.line === last.entry.end.line && endsInLineComment(rest, d.language)) {
        const lineEnd = { line: afterEntry.line, character: line(afterEntry.line).length };
        const comma = last.entry.commaEnd ? [] : at(last.entry.end, ',');
        return [...comma, ...at(lineEnd, `\n${indent}${text}${last.entry.commaEnd ? ',' : trailing}`)];
      }
      if (last.entry.commaEnd) return at(last.entry.commaEnd, `\n${indent}${text}${d.trailingCommaRequired ? trailing : ','}`);
      return at(last.entry.end, `,\n${indent}${text}${trailing}`);
    }
    if (last.entry.commaEnd) return at(last.entry.commaEnd, ` ${text},`);
    return at(last.entry.end, `, ${text}`);
  }
  const openLine = line(syntax.open.line);
  if (syntax.kind === 'kwargs' && syntax.afterPositional) {
    const p = syntax.afterPositional;
    if (syntax.close && syntax.close.line > p.line) {
      // `Cls(\n    self,\n    "id",\n)`: one argument per line.
      const argIndent = p.line > syntax.open.line ? indentOf(line(p.line)) : indentOf(openLine) + unit;
      const after = line(p.line).slice(p.character);
      const comma = after.trimStart().startsWith(',');
      // A comment after the id (`"p",  # the peer`) stays on its line, about the id.
      const commented = endsInLineComment(after.slice(comma ? after.indexOf(',') + 1 : 0), d.language);
      if (comma) {
        const commaPos = { line: p.line, character: commented ? line(p.line).length : p.character + after.indexOf(',') + 1 };
        return at(commaPos, `\n${argIndent}${text},`);
      }
      if (commented) return [...at(p, ','), ...at({ line: p.line, character: line(p.line).length }, `\n${argIndent}${text},`)];
      return at(p, `,\n${argIndent}${text},`);
    }
    return at(p, `, ${text}`);
  }
  if (syntax.close && syntax.close.line === syntax.open.line) {
    // `{}` on one line (a Python dict is written `{"k": v}`, as black writes it).
    const pad = d.tightBraces || d.language === 'python' ? '' : ' ';
    // A comment between the braces (`{ /* todo */ }`) stays, after the new entry.
    const inside = openLine.slice(syntax.open.character, syntax.close.character);
    if (inside.trim() !== '') {
      const lead = /^\s*/.exec(inside)![0].length;
      return at({ line: syntax.open.line, character: syntax.open.character + lead }, `${lead ? '' : pad}${text}, `);
    }
    return [{ range: { start: abs(syntax.open, src.base), end: abs(syntax.close, src.base) }, newText: `${pad}${text}${pad}` }];
  }
  return at(syntax.open, `\n${indentOf(openLine)}${unit}${text},`);
}

function samePosition(a: Position | undefined, b: Position | undefined): boolean {
  return a === b || (!!a && !!b && comparePositions(a, b) === 0);
}

/** Is `rest` (the text after an entry on its line) only a comment that ends with the line? */
function endsInLineComment(rest: string, language: CdktfInstance['language']): boolean {
  const t = rest.trim();
  if (language === 'python') return t.startsWith('#');
  return t.startsWith('//') || (t.startsWith('/*') && t.endsWith('*/') && t.indexOf('*/') === t.length - 2);
}

/** The argument a value set later sets (`peer.status = "x";`) goes with its statement (`CdktfInstance.removable`). */
function removeStatement(x: Attribute | Block, instance: CdktfInstance, src: LineSource): TextEdit[] | undefined {
  if (!instance.removable || !isTopLevel(instance, x)) return undefined;
  return [{ range: absRange(instance.removable, src.base), newText: '' }];
}

function removeEntry(d: Dialect, x: Attribute | Block, instance: CdktfInstance, src: LineSource): TextEdit[] {
  const entry = entryOf(x);
  const line = (l: number) => src.lineText(l + src.base);
  if (!entry) return [{ range: absRange(x.range, src.base), newText: '' }];
  const end = entry.commaEnd ?? entry.end;
  const before = line(entry.start.line).slice(0, entry.start.character);
  const after = line(end.line).slice(end.character);
  const aloneBefore = before.trim() === '';
  const aloneAfter = after.trim() === '' || /^\s*(\/\/|#)/.test(after);
  const edits: TextEdit[] = [];
  // The entry's comma style: dropping the last entry of `a: 1,\n b: 2` also drops the comma before it.
  const body = bodyHolding(instance, x);
  // An entry of a Python dict unpacked beside keyword arguments has the dict's entries as its siblings.
  const siblings = body ? entriesOf(body).filter((s) => samePosition(s.entry.within, entry.within)) : [];
  const k = siblings.findIndex((s) => s.x === x);
  const prev = k > 0 ? siblings[k - 1] : undefined;
  const isLast = k === siblings.length - 1;
  const syntax = (body as Body | undefined)?.body;
  // The comment lines above the entry that are about it go with it; what stays is from `keepTo` up.
  const next = k >= 0 && k + 1 < siblings.length ? siblings[k + 1] : undefined;
  const own = aloneBefore ? ownCommentFrom(commentsOf(d.language), entry.start.line, end.line, (entry.within ?? syntax?.open)?.line ?? -1, next?.entry.start.line, line) : entry.start.line;
  const ownStart = { line: own, character: 0 };
  if (d.gofmtLayout && syntax?.close && isLast) {
    const closing = closeOnBraceLine(x, aloneBefore ? ownStart : entry.start, siblings, syntax.open, syntax.close, line);
    if (closing) return [{ range: absRange(closing, src.base), newText: '' }];
  }
  if (aloneBefore && aloneAfter) {
    // The lines `from` up to `to` go.
    let from = own;
    let to = end.line + 1;
    if (d.gofmtLayout && syntax?.close) {
      const { open, close } = syntax;
      const blank = (l: number) => line(l).trim() === '';
      const closeNext = to === close.line && line(close.line).slice(0, close.character).trim() === '';
      if (closeNext) while (from - 1 > open.line && blank(from - 1)) from--;
      else if (from - 1 > open.line && blank(from - 1) && blank(to) && to < close.line) to++;
    }
    edits.push({ range: { start: abs({ line: from, character: 0 }, src.base), end: abs({ line: to, character: 0 }, src.base) }, newText: '' });
    if (d.commas && !entry.commaEnd && isLast && prev?.entry.commaEnd && !d.trailingCommaRequired) {
      edits.push({ range: { start: abs(prev.entry.end, src.base), end: abs(prev.entry.commaEnd, src.base) }, newText: '' });
    }
    return edits;
  }
  if (!d.commas) return [{ range: { start: abs(entry.start, src.base), end: abs(entry.end, src.base) }, newText: '' }];
  if (entry.commaEnd) {
    // `a: 1, b: 2, c: 3` → drop `b: 2, ` (and the space after the comma).
    const spaces = /^[ \t]*/.exec(after)![0].length;
    // gofmt keeps one blank before a comment that comes to follow the `{`: `{ // c`.
    const keep = after.trim() === '' || (d.gofmtLayout && before.trim().endsWith('{') && /^\s*\/[/*]/.test(after));
    const stop = keep ? end : { line: end.line, character: end.character + spaces };
    return [{ range: { start: abs(entry.start, src.base), end: abs(stop, src.base) }, newText: '' }];
  }
  // The last entry of `a: 1, b: 2`: drop `, b: 2`.
  if (prev) {
    const gap = between(prev.entry.commaEnd ?? prev.entry.end, aloneBefore ? ownStart : entry.start, line);
    if (gap.trim() === '') return [{ range: { start: abs(prev.entry.end, src.base), end: abs(entry.end, src.base) }, newText: '' }];
    // A comment between them that is not the entry's (the one before's, after it on its line, or one standing
    // alone) stays: only the comma and the entry (with its own comment lines) go, the closer after it keeping the
    // line the entry was on, at the indentation of the line that opens the body.
    const comma = prev.entry.commaEnd ? [{ range: { start: abs(prev.entry.end, src.base), end: abs(prev.entry.commaEnd, src.base) }, newText: '' }] : [];
    const spaces = /^[ \t]*/.exec(after)![0].length;
    const indent = syntax ? indentOf(line(syntax.open.line)) : '';
    const start = aloneBefore ? ownStart : entry.start;
    return [...comma, { range: { start: abs(start, src.base), end: abs({ line: end.line, character: end.character + spaces }, src.base) }, newText: aloneBefore ? indent : '' }];
  }
  return [{ range: { start: abs(entry.start, src.base), end: abs(entry.end, src.base) }, newText: '' }];
}

/**
 * gofmt closes a literal on its `{` line when no field is left below it (`{}`, `{A: 1}`): the text to remove for
 * that when `x`, the last field, goes (a comment after it on its line goes with it), if so.
 */
function closeOnBraceLine(x: Attribute | Block, from: Position, siblings: { x: Attribute | Block; entry: EntrySyntax }[], open: Position, close: Position, line: (l: number) => string): Range | undefined {
  const entry = entryOf(x)!;
  const left = siblings.filter((s) => s.x !== x);
  if (!left.every((s) => s.entry.end.line === open.line)) return undefined;
  const kept = left[left.length - 1]?.entry;
  if (between(kept?.commaEnd ?? kept?.end ?? open, from, line).trim() !== '') return undefined;
  const [rest, ...below] = between(entry.commaEnd ?? entry.end, close, line).split('\n');
  if (!(rest.trim() === '' || rest.trim().startsWith('//')) || below.some((l) => l.trim() !== '')) return undefined;
  return { start: kept?.end ?? open, end: close };
}

/** The text from `a` to `b`. */
function between(a: Position, b: Position, line: (l: number) => string): string {
  if (a.line === b.line) return line(a.line).slice(a.character, b.character);
  const parts = [line(a.line).slice(a.character)];
  for (let l = a.line + 1; l < b.line; l++) parts.push(line(l));
  return [...parts, line(b.line).slice(0, b.character)].join('\n');
}

/** How the language writes comments. */
const PYTHON_COMMENTS: CommentSyntax = { line: ['#'], block: false };
const C_FAMILY_COMMENTS: CommentSyntax = { line: ['//'], block: true };
function commentsOf(language: CdktfLanguage): CommentSyntax {
  return language === 'python' ? PYTHON_COMMENTS : C_FAMILY_COMMENTS;
}

function escapeSnippet(s: string): string {
  return s.replace(/[$}\\|,]/g, (c) => '\\' + c);
}

/** Completion insertion text for one dialect. */
export function cdktfCompletionWriter(d: Dialect): CompletionWriter {
  const sep = d.commas ? ',' : '';
  return {
    label: (name) => languageName(d.language, name),
    argument: (name, valueSnippet, quote) =>
      (quote ? `${quote}${languageName(d.language, name)}${quote}: ${valueSnippet}` : (d.completionProperty ?? d.property)(languageName(d.language, name), valueSnippet)) + sep,
    block(name, keys, instance) {
      const c = instance as CdktfInstance | undefined;
      const schema = c?.schema;
      // The struct class is qualified as the construct's class is (`vpc_bgp_group.VpcBgpGroupTimeouts`, Go's `peer.`).
      const qualifier = c?.qualifier ?? '';
      const timeouts = schema?.cdktf?.timeoutsName;
      const className = name === 'timeouts' ? timeouts && (d.language === 'go' ? timeouts : qualifier + timeouts) : name === 'lifecycle' ? 'TerraformResourceLifecycle' : undefined;
      const goPackage = name === 'timeouts' ? (d.language === 'go' && qualifier ? qualifier.replace(/\.$/, '') : schema?.cdktf?.goPackage) : 'cdktf';
      return d.nested(languageName(d.language, name), className, goPackage, keys.map((k) => ({ name: languageName(d.language, k.name), valueSnippet: k.valueSnippet }))) + sep;
    },
    valueSnippet(kind, choices, placeholder) {
      let inner: string;
      if (kind === 'reference') {
        inner = `\${1|${choices.map((c) => escapeSnippet(renderHclReference(d, c))).join(',')}|}`;
        return inner;
      }
      if (kind === 'bool') {
        const bools = choices.map((c) => d.literal(c === 'true'));
        // Go wraps the choice: jsii.Bool(${1|true,false|}).
        if (d.language === 'go') return `jsii.Bool(\${1|true,false|})`;
        return `\${1|${bools.join(',')}|}`;
      }
      if (choices.length > 0) inner = `"\${1|${choices.map(escapeSnippet).join(',')}|}"`;
      else if (kind === 'string') inner = `"\${1${placeholder ? ':' + escapeSnippet(placeholder) : ''}}"`;
      else inner = `\${1${placeholder ? ':' + escapeSnippet(placeholder) : ''}}`;
      return d.wrap(kind, inner);
    },
    literal: (v) => d.literal(v),
    reference: (text) => renderHclReference(d, text),
  };
}
