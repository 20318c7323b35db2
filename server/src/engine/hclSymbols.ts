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

/** Shared between calls (see `OUTLINES`): read, never change. */
export interface Declaration {
  readonly key: string;
  /** What the outline shows: `alicloud_vpc_bgp_peer.main`, `var.region`, `local.peers`. */
  readonly name: string;
  readonly kind: 'resource' | 'data' | 'variable' | 'local' | 'module' | 'output' | 'provider' | 'block';
  readonly range: Readonly<Range>;
  readonly selectionRange: Readonly<Range>;
  readonly children: readonly Declaration[];
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

function blockDeclaration(b: BlockNode, base: number): Declaration | undefined {
  const r = shiftRange(b.range, base);
  const label = (i: number) => b.labels[i];
  const sel = (i: number) => shiftRange(label(i)?.range ?? b.nameRange, base);
  const children: Declaration[] = [];
  switch (b.name) {
    case 'resource':
    case 'data': {
      if (!label(0) || !label(1)) return undefined;
      const key = `${b.name}:${label(0).value}.${label(1).value}`;
      const name = `${b.name === 'data' ? 'data.' : ''}${label(0).value}.${label(1).value}`;
      return { key, name, kind: b.name, range: r, selectionRange: sel(1), children: bodyChildren(b, base) };
    }
    case 'variable':
    case 'module':
    case 'output': {
      if (!label(0)) return undefined;
      const prefix = b.name === 'variable' ? 'var' : b.name;
      return { key: `${prefix}:${label(0).value}`, name: `${prefix === 'output' ? 'output' : prefix}.${label(0).value}`, kind: b.name, range: r, selectionRange: sel(0), children };
    }
    case 'locals':
      for (const item of b.body) {
        if (item.type !== 'Attribute') continue;
        children.push({ key: `local:${item.name}`, name: `local.${item.name}`, kind: 'local', range: shiftRange(item.range, base), selectionRange: shiftRange(item.nameRange, base), children: [] });
      }
      return { key: 'locals', name: 'locals', kind: 'block', range: r, selectionRange: shiftRange(b.nameRange, base), children };
    case 'provider':
      return { key: `provider:${label(0)?.value ?? ''}`, name: `provider ${label(0)?.value ?? ''}`, kind: 'provider', range: r, selectionRange: sel(0), children: [] };
    default:
      return { key: b.name, name: [b.name, ...b.labels.map((l) => l.value)].join(' '), kind: 'block', range: r, selectionRange: shiftRange(b.nameRange, base), children: bodyChildren(b, base) };
  }
}

/** Nested blocks of a resource, for the outline (arguments would drown it). */
function bodyChildren(b: BlockNode, base: number): Declaration[] {
  const out: Declaration[] = [];
  for (const item of b.body) {
    if (item.type !== 'Block') continue;
    const d = blockDeclaration(item, base);
    if (d) out.push({ ...d, key: `${b.name}.${item.name}` });
  }
  return out;
}

/**
 * The outline entry of a resource or data block from its model: what `blockDeclaration` gives for the block,
 * for chunks that let their syntax tree go (complete blocks with both labels and plain nested blocks).
 */
function instanceDeclaration(i: ResourceInstance, base: number): Declaration {
  return {
    key: `${i.kind}:${i.type}.${i.name}`,
    name: `${i.kind === 'data' ? 'data.' : ''}${i.type}.${i.name}`,
    kind: i.kind,
    range: shiftRange(i.range, base),
    selectionRange: shiftRange(i.nameRange, base),
    children: nestedDeclarations(i.kind, i.blocks, base),
  };
}

function nestedDeclarations(parent: string, blocks: Block[], base: number): Declaration[] {
  return blocks.map((b) => ({
    key: `${parent}.${b.name}`,
    name: [b.name, ...b.labels.map((l) => l.value)].join(' '),
    kind: 'block' as const,
    range: shiftRange(b.range, base),
    selectionRange: shiftRange(b.nameRange, base),
    children: nestedDeclarations(b.name, b.blocks, base),
  }));
}

/** A chunk's outline entries at chunk-relative lines: what `blockDeclaration` and `instanceDeclaration` make of it. */
function chunkDeclarations(chunk: Chunk): Declaration[] {
  const out: Declaration[] = [];
  const outline = chunk.outline;
  if (!outline) {
    for (const i of chunk.instances) out.push(instanceDeclaration(i, 0));
    return out;
  }
  for (const item of outline) {
    if (item.type !== 'Block') continue;
    const d = blockDeclaration(item, 0);
    if (d) out.push(d);
  }
  return out;
}

/**
 * The entry with its name stored at one byte per character where it can be (`oneByte`): one Chinese comment
 * made the outline of the 100,000-line file a 6.6 MB JSON string instead of 3.3 MB.
 */
function narrowed(d: Declaration): Declaration {
  return { ...d, name: oneByte(d.name), children: d.children.map(narrowed) };
}

function shifted(d: Declaration, lines: number): Declaration {
  return { ...d, range: shiftRange(d.range, lines), selectionRange: shiftRange(d.selectionRange, lines), children: d.children.map((c) => shifted(c, lines)) };
}

/**
 * Each chunk's outline, kept with the chunk and the line it was placed at. An edit re-parses only the chunks it
 * touched (new objects, so new entries); the others keep theirs, moved when lines were added or removed above
 * them. VS Code asks for the outline after every pause in typing, and a 100,000-line file has 15,000 entries:
 * re-made from every chunk each time, they cost 10-40 ms and as much again in garbage. (One copy per chunk:
 * 7.5 MB for that file.)
 */
const OUTLINES = new WeakMap<Chunk, { line: number; placed: Declaration[] }>();

export function declarations(doc: HclDocument): Declaration[] {
  const out: Declaration[] = [];
  for (const chunk of doc.chunks) {
    let memo = OUTLINES.get(chunk);
    if (!memo) OUTLINES.set(chunk, (memo = { line: 0, placed: chunkDeclarations(chunk).map(narrowed) }));
    if (memo.line !== chunk.startLine) {
      const by = chunk.startLine - memo.line;
      memo.placed = memo.placed.map((d) => shifted(d, by));
      memo.line = chunk.startLine;
    }
    for (const d of memo.placed) out.push(d);
  }
  return out;
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
