/**
 * What an HCL file declares (resources, data sources, variables, locals, modules, outputs) and what it
 * refers to, keyed the same way (`resource:alicloud_vpc_bgp_group.main`, `var:region`, `local:peers`),
 * for go to definition, find references and the outline.
 */
import type { Block, Position, Range, ResourceInstance } from '../model/types';
import { rangeContains, shiftRange } from '../model/types';
import type { BlockNode, Expr } from '../syntax/hcl/ast';
import type { Chunk, HclDocument } from '../syntax/hcl/document';
import { oneByte } from '../syntax/hcl/narrow';
import { forEachTraversal } from '../syntax/hcl/walk';

/** An outline entry at absolute lines: what `forEachDeclaration` makes from the packed outline (`PackedOutline`). */
export interface Declaration {
  readonly key: string;
  /** What the outline shows: `alicloud_vpc_bgp_peer.main`, `var.region`, `local.peers`. */
  readonly name: string;
  readonly kind: 'resource' | 'data' | 'variable' | 'local' | 'module' | 'output' | 'provider' | 'block';
  readonly range: Readonly<Range>;
  readonly selectionRange: Readonly<Range>;
  readonly children: readonly Declaration[];
}

/** An outline entry as the chunk's blocks give it, before it is packed: keys are derived when unpacked (`keyOf`). */
interface Entry {
  readonly name: string;
  readonly kind: Declaration['kind'];
  readonly range: Readonly<Range>;
  readonly selectionRange: Readonly<Range>;
  readonly children: readonly Entry[];
}

export interface Reference {
  key: string;
  range: Range;
}

/** The symbol a traversal refers to, or undefined (`each.key`, `path.module`, functions…). */
export function keyOfTraversal(t: Expr & { type: 'Traversal' }): { key: string; range: Range } | undefined {
  const names = [t.root, ...t.parts.map((p) => (p.type === 'Attr' ? p.name : undefined))];
  const rangeTo = (i: number): Range => ({ start: t.range.start, end: (i === 0 ? t.range : t.parts[i - 1].range).end });
  if (t.root === 'var' || t.root === 'local' || t.root === 'module') {
    if (!names[1]) return undefined;
    return { key: `${t.root === 'var' ? 'var' : t.root}:${names[1]}`, range: rangeTo(1) };
  }
  if (t.root === 'data') {
    if (!names[1] || !names[2]) return undefined;
    return { key: `data:${names[1]}.${names[2]}`, range: rangeTo(2) };
  }
  if (/^[a-z0-9]+_[a-z0-9_]+$/.test(t.root) && names[1]) return { key: `resource:${t.root}.${names[1]}`, range: rangeTo(1) };
  return undefined;
}

function blockEntry(b: BlockNode, base: number): Entry | undefined {
  const r = shiftRange(b.range, base);
  const label = (i: number) => b.labels[i];
  const sel = (i: number) => shiftRange(label(i)?.range ?? b.nameRange, base);
  const children: Entry[] = [];
  switch (b.name) {
    case 'resource':
    case 'data': {
      if (!label(0) || !label(1)) return undefined;
      const name = `${b.name === 'data' ? 'data.' : ''}${label(0).value}.${label(1).value}`;
      return { name, kind: b.name, range: r, selectionRange: sel(1), children: bodyChildren(b, base) };
    }
    case 'variable':
    case 'module':
    case 'output': {
      if (!label(0)) return undefined;
      const prefix = b.name === 'variable' ? 'var' : b.name;
      return { name: `${prefix}.${label(0).value}`, kind: b.name, range: r, selectionRange: sel(0), children };
    }
    case 'locals':
      for (const item of b.body) {
        if (item.type !== 'Attribute') continue;
        children.push({ name: `local.${item.name}`, kind: 'local', range: shiftRange(item.range, base), selectionRange: shiftRange(item.nameRange, base), children: [] });
      }
      return { name: 'locals', kind: 'block', range: r, selectionRange: shiftRange(b.nameRange, base), children };
    case 'provider':
      return { name: `provider ${label(0)?.value ?? ''}`, kind: 'provider', range: r, selectionRange: sel(0), children: [] };
    default:
      return { name: [b.name, ...b.labels.map((l) => l.value)].join(' '), kind: 'block', range: r, selectionRange: shiftRange(b.nameRange, base), children: bodyChildren(b, base) };
  }
}

/** Nested blocks of a resource, for the outline (arguments would drown it). */
function bodyChildren(b: BlockNode, base: number): Entry[] {
  const out: Entry[] = [];
  for (const item of b.body) {
    if (item.type !== 'Block') continue;
    const e = blockEntry(item, base);
    if (e) out.push(e);
  }
  return out;
}

/**
 * The outline entry of a resource or data block from its model: what `blockEntry` gives for the block,
 * for chunks that let their syntax tree go (complete blocks with both labels and plain nested blocks).
 */
function instanceEntry(i: ResourceInstance, base: number): Entry {
  return {
    name: `${i.kind === 'data' ? 'data.' : ''}${i.type}.${i.name}`,
    kind: i.kind,
    range: shiftRange(i.range, base),
    selectionRange: shiftRange(i.nameRange, base),
    children: nestedEntries(i.blocks, base),
  };
}

function nestedEntries(blocks: Block[], base: number): Entry[] {
  return blocks.map((b) => ({
    name: [b.name, ...b.labels.map((l) => l.value)].join(' '),
    kind: 'block' as const,
    range: shiftRange(b.range, base),
    selectionRange: shiftRange(b.nameRange, base),
    children: nestedEntries(b.blocks, base),
  }));
}

/** A chunk's outline entries at chunk-relative lines: what `blockEntry` and `instanceEntry` make of it. */
function chunkEntries(chunk: Chunk): Entry[] {
  const out: Entry[] = [];
  const outline = chunk.outline;
  if (!outline) {
    for (const i of chunk.instances) out.push(instanceEntry(i, 0));
    return out;
  }
  for (const item of outline) {
    if (item.type !== 'Block') continue;
    const e = blockEntry(item, 0);
    if (e) out.push(e);
  }
  return out;
}

const KIND_CODES: readonly Declaration['kind'][] = ['resource', 'data', 'variable', 'local', 'module', 'output', 'provider', 'block'];
/** The numbers of one entry in `PackedOutline.nums`: kind, number of children, range, selection range. */
export const OUTLINE_STRIDE = 10;

/**
 * A chunk's outline entries in depth-first order, as numbers and names: per entry `OUTLINE_STRIDE` numbers (the
 * kind's index in `outlineKind`, how many children follow, then the range and the selection range as start line,
 * start character, end line, end character, lines counted from the chunk's first line) and its name, stored at
 * one byte per character where it can be (`oneByte`: one Chinese comment made the outline of the 100,000-line
 * file a 6.6 MB JSON string instead of 3.3 MB). Keys are not kept: `keyOf` derives them from kind and name.
 */
export interface PackedOutline {
  readonly names: readonly string[];
  readonly nums: Int32Array;
}

export function outlineKind(code: number): Declaration['kind'] {
  return KIND_CODES[code];
}

function pack(entries: readonly Entry[]): PackedOutline {
  const names: string[] = [];
  const rows: number[] = [];
  const put = (d: Entry): void => {
    names.push(oneByte(d.name));
    const r = d.range;
    const s = d.selectionRange;
    rows.push(KIND_CODES.indexOf(d.kind), d.children.length, r.start.line, r.start.character, r.end.line, r.end.character, s.start.line, s.start.character, s.end.line, s.end.character);
    for (const c of d.children) put(c);
  };
  for (const e of entries) put(e);
  return { names, nums: Int32Array.from(rows) };
}

/** The block type an entry was written as: what a nested entry's key is made of (`resource.timeouts`). */
function blockWord(kind: Declaration['kind'], name: string): string {
  if (kind !== 'block') return kind;
  const space = name.indexOf(' ');
  return space < 0 ? name : name.slice(0, space);
}

/**
 * An entry's key, from its kind, its name and (nested) its parent's block type: `resource:type.name`,
 * `data:type.name`, `var:x`, `local:x`, `module:x`, `output:x`, `provider:x`; a nested block's is
 * `parent.block` (`resource.timeouts`), other blocks' their type (`terraform`, `locals`).
 */
function keyOf(kind: Declaration['kind'], name: string, parentWord: string | undefined): string {
  if (kind === 'local') return `local:${name.slice('local.'.length)}`;
  if (parentWord !== undefined) return `${parentWord}.${blockWord(kind, name)}`;
  switch (kind) {
    case 'resource':
      return `resource:${name}`;
    case 'data':
      return `data:${name.slice('data.'.length)}`;
    case 'variable':
      return `var:${name.slice('var.'.length)}`;
    case 'module':
    case 'output':
    case 'provider':
      return `${kind}:${name.slice(kind.length + 1)}`;
    default:
      return blockWord(kind, name);
  }
}

/** The entries of a packed outline from `at`, `count` of them and their children, placed at `line`. */
function unpack(p: PackedOutline, line: number, at: { i: number }, count: number, parentWord: string | undefined, out: Declaration[]): void {
  const n = p.nums;
  for (let k = 0; k < count; k++) {
    const i = at.i++;
    const o = i * OUTLINE_STRIDE;
    const kind = KIND_CODES[n[o]];
    const name = p.names[i];
    const children: Declaration[] = [];
    unpack(p, line, at, n[o + 1], blockWord(kind, name), children);
    out.push({
      key: keyOf(kind, name, parentWord),
      name,
      kind,
      range: { start: { line: n[o + 2] + line, character: n[o + 3] }, end: { line: n[o + 4] + line, character: n[o + 5] } },
      selectionRange: { start: { line: n[o + 6] + line, character: n[o + 7] }, end: { line: n[o + 8] + line, character: n[o + 9] } },
      children,
    });
  }
}

/**
 * Each chunk's outline, packed, kept with the chunk. An edit re-parses only the chunks it touched (new
 * objects, so new entries); the others keep theirs, and since their lines count from the chunk's first line,
 * nothing moves when lines are added or removed above them. VS Code asks for the outline after every pause in
 * typing, and a 100,000-line file has 15,000 entries: re-made from every chunk each time, they cost 10-40 ms
 * and as much again in garbage; kept as objects they took 7.5 MB, packed 1.2 MB.
 */
const OUTLINES = new WeakMap<Chunk, PackedOutline>();

function packedOutline(chunk: Chunk): PackedOutline {
  let memo = OUTLINES.get(chunk);
  if (!memo) OUTLINES.set(chunk, (memo = pack(chunkEntries(chunk))));
  return memo;
}

/** Each chunk's packed outline with the line its lines count from, in the order of the file. */
export function forEachOutline(doc: HclDocument, visit: (outline: PackedOutline, line: number) => void): void {
  for (const chunk of doc.chunks) visit(packedOutline(chunk), chunk.startLine);
}

/**
 * Each declaration, nested ones after their parent, made one chunk at a time and kept by nobody: go to
 * definition and find references look through all of them, and 15,000 objects made at once for the 100,000-line
 * file outlived young collections (+10 MB at each go to definition).
 */
export function forEachDeclaration(doc: HclDocument, visit: (d: Declaration) => void): void {
  const walk = (ds: readonly Declaration[]) => {
    for (const d of ds) {
      visit(d);
      walk(d.children);
    }
  };
  forEachOutline(doc, (p, line) => {
    const out: Declaration[] = [];
    const at = { i: 0 };
    while (at.i < p.names.length) unpack(p, line, at, 1, undefined, out);
    walk(out);
  });
}

function chunkReferences(chunk: Chunk, out: Reference[]): void {
  forEachTraversal(chunk.items, (t) => {
    const k = keyOfTraversal(t);
    if (k) out.push({ key: k.key, range: shiftRange(k.range, chunk.startLine) });
  });
}

export function references(doc: HclDocument): Reference[] {
  const out: Reference[] = [];
  for (const chunk of doc.chunks) chunkReferences(chunk, out);
  return out;
}

/**
 * The references to `key`. Every name in a key is an identifier the reference writes out, so a chunk whose text
 * lacks one of them cannot hold one, and is not re-parsed (most chunks keep only their model, see `Chunk`).
 */
export function referencesTo(doc: HclDocument, key: string): Reference[] {
  const names = key.slice(key.indexOf(':') + 1).split('.');
  const out: Reference[] = [];
  const found: Reference[] = [];
  for (const chunk of doc.chunks) {
    if (!names.every((n) => chunk.text.includes(n))) continue;
    found.length = 0;
    chunkReferences(chunk, found);
    for (const r of found) if (r.key === key) out.push(r);
  }
  return out;
}

/** The reference at `pos`: only the chunk holding it is read. */
export function referenceAt(doc: HclDocument, pos: Position): Reference | undefined {
  if (doc.chunks.length === 0) return undefined;
  const out: Reference[] = [];
  chunkReferences(doc.chunks[doc.chunkIndexAt(pos.line)], out);
  return out.find((r) => rangeContains(r.range, pos));
}
