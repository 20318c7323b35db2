/**
 * Reading the bodies the generated classes are configured with, in each language, and turning their entries
 * into model attributes and blocks (with schema names, exact ranges and the syntax writers need).
 */
import type { Position } from '../../model/types';
import { endOfRange, Span, span, spanning } from '../../model/span';
import type { BlockSchema, ResourceSchema } from '../../schema/types';
import { META_BLOCK_NAMES, nameTable } from './names';
import type { BodyKind, BodySyntax, CdktfAttribute, CdktfBlock, EntrySyntax } from './model';
import { IDENT, NUMBER, STRING, stringValue, Tokens } from './tokens';
import { classify, splitTopLevel } from './values';

export interface RawEntry {
  /** The key token, or -1 when none was typed yet (a lone `.` in a builder chain). */
  keyTok: number;
  /** The key as written (string keys decoded). */
  key: string;
  /** Value tokens [valueA, valueB); empty while not typed. */
  valueA: number;
  valueB: number;
  /** Token range of the whole entry [start, end). */
  start: number;
  end: number;
  /** The comma after the entry. */
  comma?: number;
  /** The key is typed but not its value. */
  incomplete?: boolean;
  /** The `{` of the dict the entry is written in, when it is unpacked beside keyword arguments (`EntrySyntax.within`). */
  within?: number;
}

export interface RawBody {
  kind: BodyKind;
  /** Offset of the opener (`{`, `(`) or of the chain's first `.`; `openEnd` just after the opener. */
  openStart: number;
  openEnd: number;
  /** Offset of the closer / `.build` dot, when closed; `end` just after the body. */
  close?: number;
  end: number;
  entries: RawEntry[];
  /** Entries a later one of the same key overwrites, where the language keeps the last (`lastWins`). */
  overwritten?: RawEntry[];
  /** A spread (`...x`, `**x`) or other part the adapter cannot see. */
  spread: boolean;
  closed: boolean;
  afterPositional?: number;
  className?: string;
  /** No config is written (`new VpcBgpPeer(this, "p")`, Go's `nil`): `openStart`..`openEnd` is what one replaces. */
  absent?: boolean;
}

/**
 * The config of a construct built without one: after the id argument (token `id`), or in place of Go's `nil` (token
 * `nil`). It holds nothing, and is closed.
 */
export function absentBody(tk: Tokens, kind: BodyKind, id: number, nil?: number): RawBody {
  const from = nil !== undefined ? tk.start[nil] : tk.end[id];
  const to = nil !== undefined ? tk.end[nil] : tk.end[id];
  return { kind, openStart: from, openEnd: to, end: to, entries: [], spread: false, closed: true, absent: true };
}

const pos = (tk: Tokens, offset: number): Position => tk.pos(offset);

function lastTokenEnd(tk: Tokens, from: number, to: number): number {
  return to > from ? tk.end[to - 1] : tk.end[from];
}

/** `{ key: value, … }` (TypeScript object, Python dict, Go composite with `:`) or `{ Key = value }` (C#). */
export function readBraceBody(tk: Tokens, open: number, kind: BodyKind): RawBody {
  const sep = kind === 'initializer' ? '=' : ':';
  const entries: RawEntry[] = [];
  let spread = false;
  for (const [s, e] of splitTopLevel(tk, open)) {
    const comma = tk.is(e, ',') ? e : undefined;
    if (tk.is(s, '...') || tk.is(s, '**') || tk.is(s, '[')) {
      spread = true;
      continue;
    }
    const keyKind = tk.kind[s];
    const isKey = keyKind === IDENT || ((keyKind === STRING || keyKind === NUMBER) && kind === 'object');
    if (!isKey) continue;
    const key = keyKind === STRING ? stringValue(tk, s) : tk.text_(s);
    if (tk.is(s + 1, sep)) {
      entries.push({ keyTok: s, key, valueA: s + 2, valueB: e, start: s, end: e, comma, incomplete: e === s + 2 });
    } else if (e === s + 1 && keyKind === IDENT) {
      // TypeScript shorthand `{ bgpGroupId }` is a property whose value is the variable; elsewhere a name being typed.
      const shorthand = tk.language === 'typescript';
      entries.push({ keyTok: s, key, valueA: s, valueB: shorthand ? e : s, start: s, end: e, comma, incomplete: !shorthand });
    } else if (tk.language === 'typescript' && tk.is(s + 1, '(')) {
      continue; // a method
    }
  }
  const body: RawBody = { kind, ...extentOf(tk, open), entries, spread };
  // A Python dict may write a key twice, legally (unlike a keyword argument given twice): the last value holds.
  return tk.language === 'python' && kind === 'object' ? lastWins(body) : body;
}

/**
 * `raw` with the entries a later complete entry of the same key overwrites moved to `overwritten`: the body is
 * read as the language reads it, the last write holding (a Python dict, a Java builder's setters).
 */
function lastWins(raw: RawBody): RawBody {
  const entries = raw.entries;
  if (entries.length < 2) return raw;
  const last = new Map<string, RawEntry>();
  let complete = 0;
  for (const x of entries) {
    if (x.incomplete || x.keyTok < 0) continue;
    last.set(x.key, x);
    complete++;
  }
  if (last.size === complete) return raw;
  const kept: RawEntry[] = [];
  const overwritten: RawEntry[] = [];
  for (const x of entries) (x.incomplete || x.keyTok < 0 || last.get(x.key) === x ? kept : overwritten).push(x);
  return { ...raw, entries: kept, overwritten };
}

/** Where a bracketed body opens and ends (at its closer, or where an unclosed one stops). */
function extentOf(tk: Tokens, open: number): Pick<RawBody, 'openStart' | 'openEnd' | 'close' | 'end' | 'closed'> {
  const close = tk.closeOf[open];
  return {
    openStart: tk.start[open],
    openEnd: tk.end[open],
    close: close >= 0 ? tk.start[close] : undefined,
    end: close >= 0 ? tk.end[close] : lastTokenEnd(tk, open, tk.extent[open]),
    closed: close >= 0,
  };
}

/**
 * A Go map literal in tokens [a, b), as an override's value names a block's arguments (`&map[string]interface{}{"create":
 * "5m"}`, `map[string]*string{...}`): its string keys are Terraform's names. Undefined when [a, b) is not one.
 */
export function goMapLiteral(tk: Tokens, a: number, b: number): RawBody | undefined {
  let k = tk.is(a, '&') ? a + 1 : a;
  if (!tk.isIdent(k, 'map') || !tk.is(k + 1, '[')) return undefined;
  k = tk.after(k + 1);
  // The element type: `interface{}`, or a name (`any`, `*string`, `cdktf.IResolvable`).
  if (tk.isIdent(k, 'interface') && tk.is(k + 1, '{') && tk.closeOf[k + 1] === k + 2) k += 3;
  else while (k < b && (tk.isIdent(k) || tk.is(k, '.') || tk.is(k, '*'))) k++;
  return tk.is(k, '{') && tk.after(k) === b ? readBraceBody(tk, k, 'object') : undefined;
}

/** Python keyword arguments of a call, after `positional` positional arguments. */
export function readKwargs(tk: Tokens, open: number, positional: number): RawBody {
  const entries: RawEntry[] = [];
  let spread = false;
  const parts = splitTopLevel(tk, open);
  let afterPositional: number | undefined;
  parts.forEach(([s, e], k) => {
    const comma = tk.is(e, ',') ? e : undefined;
    if (k < positional) {
      afterPositional = tk.end[e - 1];
      return;
    }
    if (tk.is(s, '**') || tk.is(s, '*')) {
      spread = true;
      return;
    }
    if (tk.kind[s] !== IDENT) return;
    if (tk.is(s + 1, '=')) entries.push({ keyTok: s, key: tk.text_(s), valueA: s + 2, valueB: e, start: s, end: e, comma, incomplete: e === s + 2 });
    else if (e === s + 1) entries.push({ keyTok: s, key: tk.text_(s), valueA: s, valueB: s, start: s, end: e, comma, incomplete: true });
  });
  return { kind: 'kwargs', ...extentOf(tk, open), entries, spread, afterPositional };
}

/**
 * A Java builder chain from token `i` (just after `create(…)` or `builder()`), up to `.build()` or to `limit`:
 * `.key(value)` calls; a `.key` without parentheses, or a lone `.`, is being typed.
 */
export function readChain(tk: Tokens, i: number, limit: number): RawBody {
  const entries: RawEntry[] = [];
  const openEnd = i > 0 ? tk.end[i - 1] : 0;
  let closed = false;
  let close: number | undefined;
  let end = openEnd;
  while (i < limit && tk.is(i, '.')) {
    const dotLine = tk.line[i];
    if (!tk.isIdent(i + 1) || tk.line[i + 1] !== dotLine) {
      // A lone `.` being typed; the chain goes on when the next link follows (`.` then `.build()`).
      entries.push({ keyTok: -1, key: '', valueA: i + 1, valueB: i + 1, start: i, end: i + 1, incomplete: true });
      end = tk.end[i];
      if (tk.is(i + 1, '.') && i + 1 < limit) {
        i++;
        continue;
      }
      break;
    }
    const name = tk.text_(i + 1);
    if (tk.is(i + 2, '(') && i + 2 < limit) {
      const p = i + 2;
      if (name === 'build' && tk.closeOf[p] === p + 1) {
        closed = true;
        close = tk.start[i];
        end = tk.end[p + 1];
        break;
      }
      const after = Math.min(tk.after(p), limit);
      entries.push({ keyTok: i + 1, key: name, valueA: p + 1, valueB: tk.extent[p], start: i, end: after, incomplete: tk.extent[p] === p + 1 });
      end = tk.end[after - 1];
      if (tk.closeOf[p] < 0) break;
      i = after;
      continue;
    }
    entries.push({ keyTok: i + 1, key: name, valueA: i + 2, valueB: i + 2, start: i, end: i + 2, incomplete: true });
    end = tk.end[i + 1];
    i += 2;
  }
  // A setter called twice is legal Java: the builder keeps the last value.
  return lastWins({ kind: 'chain', openStart: openEnd, openEnd, close, end, entries, spread: false, closed });
}

/** Reads what a language writes for a nested configuration struct (the value of `timeouts`), if it is one. */
export type NestedReader = (tk: Tokens, a: number, b: number) => RawBody | undefined;

export interface BuiltBody {
  attributes: CdktfAttribute[];
  blocks: CdktfBlock[];
  /** The raw body's `overwritten` entries, as attributes (a block among them too: it is only reported and removed). */
  overwritten?: CdktfAttribute[];
}

type BodySchema = ResourceSchema | BlockSchema | undefined;

/** Turns raw entries into attributes and blocks named as the schema names them. */
export function buildBody(tk: Tokens, raw: RawBody, schema: ResourceSchema, body: BodySchema, path: string, nested: NestedReader): BuiltBody {
  const table = nameTable(tk.language, schema, body, path);
  const attributes: CdktfAttribute[] = [];
  const blocks: CdktfBlock[] = [];
  for (const e of raw.entries) {
    const name = e.keyTok < 0 ? '' : table.schemaName(e.key);
    const isBlock = !e.incomplete && (body?.blocks?.[name] !== undefined || (path === '' && META_BLOCK_NAMES.has(name)));
    if (!isBlock) {
      attributes.push(attributeOf(tk, e, name));
      continue;
    }
    const keyRange = keyRangeOf(tk, e);
    const inner = nested(tk, e.valueA, e.valueB);
    const innerSchema = body?.blocks?.[name];
    const built = inner ? buildBody(tk, inner, schema, innerSchema, path ? `${path}.${name}` : name, nested) : { attributes: [], blocks: [] };
    const valueStart = e.valueB > e.valueA ? pos(tk, tk.start[e.valueA]) : keyRange.end;
    const valueEnd = e.valueB > e.valueA ? pos(tk, tk.end[e.valueB - 1]) : keyRange.end;
    const block: CdktfBlock = {
      name,
      sourceName: e.key,
      nameRange: keyRange,
      labels: [],
      range: span(keyRange.start, valueEnd),
      bodyRange: inner ? range(tk, inner.openStart, inner.end) : span(valueStart, valueEnd),
      attributes: built.attributes,
      blocks: built.blocks,
      closed: inner ? inner.closed : true,
      entry: entryOf(tk, e),
      body: inner ? bodySyntax(tk, inner) : undefined,
    };
    if (built.overwritten) block.overwritten = built.overwritten;
    blocks.push(block);
  }
  if (!raw.overwritten) return { attributes, blocks };
  return { attributes, blocks, overwritten: raw.overwritten.map((e) => attributeOf(tk, e, table.schemaName(e.key))) };
}

function keyRangeOf(tk: Tokens, e: RawEntry): Span {
  return e.keyTok < 0 ? range(tk, tk.start[e.start], tk.end[e.start]) : range(tk, tk.start[e.keyTok], tk.end[e.keyTok]);
}

function entryOf(tk: Tokens, e: RawEntry): EntrySyntax {
  const entryEnd = e.end > e.start ? tk.end[e.end - 1] : tk.end[e.start];
  const entry: EntrySyntax = { start: pos(tk, tk.start[e.start]), end: pos(tk, entryEnd), commaEnd: e.comma !== undefined ? pos(tk, tk.end[e.comma]) : undefined };
  if (e.within !== undefined) entry.within = pos(tk, tk.end[e.within]);
  return entry;
}

function attributeOf(tk: Tokens, e: RawEntry, name: string): CdktfAttribute {
  const keyRange = keyRangeOf(tk, e);
  const hasValue = e.valueB > e.valueA && !e.incomplete;
  const valueRange = hasValue ? range(tk, tk.start[e.valueA], tk.end[e.valueB - 1]) : endOfRange(keyRange);
  return {
    name,
    sourceName: e.key,
    keyRange,
    value: hasValue ? classify(tk, e.valueA, e.valueB) : { kind: 'unknown', text: '' },
    valueRange,
    range: spanning(keyRange, valueRange),
    incomplete: e.incomplete || undefined,
    entry: entryOf(tk, e),
  };
}

export function bodySyntax(tk: Tokens, raw: RawBody): BodySyntax {
  return {
    kind: raw.kind,
    open: pos(tk, raw.openEnd),
    close: raw.close !== undefined ? pos(tk, raw.close) : undefined,
    afterPositional: raw.afterPositional !== undefined ? pos(tk, raw.afterPositional) : undefined,
    className: raw.className,
    absent: raw.absent ? { from: pos(tk, raw.openStart), to: pos(tk, raw.openEnd) } : undefined,
  };
}

/**
 * The range between two offsets, as a `Span` (one object, where a range of two positions is three): a
 * 5,000-construct stack keeps about 100,000 ranges.
 */
export function range(tk: Tokens, start: number, end: number): Span {
  const s = tk.pos(start);
  const e = tk.pos(end);
  return new Span(s.line, s.character, e.line, e.character);
}
