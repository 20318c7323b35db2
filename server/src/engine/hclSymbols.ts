/**
 * What an HCL file declares (resources, data sources, variables, locals, modules, outputs) and what it
 * refers to, keyed the same way (`resource:alicloud_vpc_bgp_group.main`, `var:region`, `local:peers`),
 * for go to definition, find references and the outline.
 */
import type { Block, Position, Range, ResourceInstance } from '../model/types';
import { rangeContains, shiftRange } from '../model/types';
import type { BlockNode, Expr } from '../syntax/hcl/ast';
import { OUTLINE_MEMO, type Chunk, type HclDocument } from '../syntax/hcl/document';
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
  /**
   * A data source scoped to a `check` block: that block's range, the only place Terraform lets a reference name it
   * (`lsp/navigation.ts` keeps references elsewhere to the module's own data source of that key).
   */
  readonly scope?: Readonly<Range>;
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
/** The numbers of one entry in a `PackedOutline`: kind, number of children, range, selection range, name length. */
const NUMBERS = 11;

/**
 * A chunk's outline entries in depth-first order, as one string: per entry `NUMBERS` numbers in decimal, each
 * followed by a comma (the kind's index in `outlineKind`, how many children follow, the range and the selection
 * range as start line, start character, end line, end character with lines counted from the chunk's first line,
 * and the length of the name), then the name. `readOutline` gives them back.
 *
 * One string per chunk because an object per chunk costs more than its entries: the 100,000-line file's 15,000
 * entries in 7,945 chunks took 3.9 MB as an `Int32Array` and a names array per chunk, and 1 MB as strings. It is
 * stored at one byte per character where it can be (`oneByte`: one Chinese comment made the outline of that file
 * a 6.6 MB JSON string instead of 3.3 MB). Keys are not kept: `keyOf` derives them from kind and name.
 */
export type PackedOutline = string;

export function outlineKind(code: number): Declaration['kind'] {
  return KIND_CODES[code];
}

function pack(entries: readonly Entry[]): PackedOutline {
  const parts: string[] = [];
  const put = (d: Entry): void => {
    const r = d.range;
    const s = d.selectionRange;
    const code = KIND_CODES.indexOf(d.kind);
    parts.push(
      `${code},${d.children.length},${r.start.line},${r.start.character},${r.end.line},${r.end.character},${s.start.line},${s.start.character},${s.end.line},${s.end.character},${d.name.length},`,
      d.name,
    );
    for (const c of d.children) put(c);
  };
  for (const e of entries) put(e);
  return oneByte(parts.join(''));
}

/**
 * Each entry of a packed outline, in order: its name and its numbers (`nums`, the same array each time: kind,
 * number of children, range and selection range as start line, start character, end line, end character, and
 * the name's length).
 */
export function readOutline(p: PackedOutline, visit: (name: string, nums: Int32Array) => void): void {
  const nums = READ;
  let at = 0;
  while (at < p.length) {
    for (let k = 0; k < NUMBERS; k++) {
      let v = 0;
      for (let c = p.charCodeAt(at++); c !== COMMA; c = p.charCodeAt(at++)) v = v * 10 + c - ZERO;
      nums[k] = v;
    }
    const end = at + nums[NUMBERS - 1];
    visit(p.slice(at, end), nums);
    at = end;
  }
}

const READ = new Int32Array(NUMBERS);
const COMMA = 44;
const ZERO = 48;

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
  // A data source scoped to a check block is addressed as any data source (`data.type.name`), inside its block.
  if (kind === 'data' && parentWord === 'check') return `data:${name.slice('data.'.length)}`;
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

/** The entries of a packed outline, read in order (`entries`), from `at`, `count` of them and their children, placed at `line`. */
function unpack(entries: readonly [string, Int32Array][], line: number, at: { i: number }, count: number, parent: { word: string; range: Range } | undefined, out: Declaration[]): void {
  for (let k = 0; k < count; k++) {
    const [name, n] = entries[at.i++];
    const kind = KIND_CODES[n[0]];
    const children: Declaration[] = [];
    const range = { start: { line: n[2] + line, character: n[3] }, end: { line: n[4] + line, character: n[5] } };
    const selectionRange = { start: { line: n[6] + line, character: n[7] }, end: { line: n[8] + line, character: n[9] } };
    unpack(entries, line, at, n[1], { word: blockWord(kind, name), range }, children);
    const key = keyOf(kind, name, parent?.word);
    const scoped = kind === 'data' && parent?.word === 'check';
    out.push(scoped ? { key, name, kind, range, selectionRange, children, scope: parent.range } : { key, name, kind, range, selectionRange, children });
  }
}

/**
 * A chunk's outline, packed, kept with the chunk (`OUTLINE_MEMO`). An edit re-parses only the chunks it touched
 * (new objects, so new entries); the others keep theirs, and since their lines count from the chunk's first line,
 * nothing moves when lines are added or removed above them. VS Code asks for the outline after every pause in
 * typing, and a 100,000-line file has 15,000 entries: re-made from every chunk each time, they cost 10-40 ms
 * and as much again in garbage; kept as objects they took 7.5 MB, packed 1 MB.
 */
function packedOutline(chunk: Chunk): PackedOutline {
  let memo = chunk[OUTLINE_MEMO];
  if (memo === undefined) chunk[OUTLINE_MEMO] = memo = pack(chunkEntries(chunk));
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
    const entries: [string, Int32Array][] = [];
    readOutline(p, (name, nums) => entries.push([name, nums.slice()]));
    const out: Declaration[] = [];
    const at = { i: 0 };
    while (at.i < entries.length) unpack(entries, line, at, 1, undefined, out);
    walk(out);
  });
}

/**
 * Each declaration whose name `wanted` accepts, with its kind and selection range (absolute), read straight from
 * the packed outlines: nothing is made for the others. Workspace symbols ask this of every file of the workspace
 * at each key typed.
 */
export function forEachNamedDeclaration(doc: HclDocument, wanted: (name: string) => boolean, visit: (name: string, kind: Declaration['kind'], selectionRange: Range) => void): void {
  forEachOutline(doc, (p, line) =>
    readOutline(p, (name, n) => {
      if (!wanted(name)) return;
      visit(name, KIND_CODES[n[0]], { start: { line: n[6] + line, character: n[7] }, end: { line: n[8] + line, character: n[9] } });
    }),
  );
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

/** A variable, local value, output or module call a chunk declares: its key (`var:x`) and where Terraform reports it. */
export interface SymbolHeader {
  readonly key: string;
  readonly kind: 'variable' | 'local' | 'output' | 'module';
  readonly name: string;
  /** Chunk-relative: a block's type and label (`variable "x"`), a local value's whole `name = value`. */
  readonly range: Range;
}

const NO_HEADERS: readonly SymbolHeader[] = Object.freeze([]);

/** The variables, local values, outputs and module calls of a chunk, from its outline (none in a chunk of resources). */
export function symbolHeaders(chunk: Chunk): readonly SymbolHeader[] {
  const outline = chunk.outline;
  if (!outline) return NO_HEADERS;
  let out: SymbolHeader[] | undefined;
  for (const item of outline) {
    if (item.type !== 'Block') continue;
    if (item.name === 'locals') {
      for (const a of item.body) if (a.type === 'Attribute') (out ??= []).push({ key: `local:${a.name}`, kind: 'local', name: a.name, range: a.range });
    } else if ((item.name === 'variable' || item.name === 'output' || item.name === 'module') && item.labels[0]?.value) {
      const label = item.labels[0];
      (out ??= []).push({ key: `${item.name === 'variable' ? 'var' : item.name}:${label.value}`, kind: item.name, name: label.value, range: { start: item.range.start, end: label.range.end } });
    }
  }
  return out ?? NO_HEADERS;
}
