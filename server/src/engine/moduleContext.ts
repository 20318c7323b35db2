/**
 * The analysis context for a module (the files of one folder): which resources are declared where.
 *
 * A context is cached by a *signature* of the module: the declared resources and the few attribute values
 * that cross-resource rules read (`ip_version`, `bgp_group_id`, `router_id`, `count`…), plus the provider
 * version. A keystroke that changes none of them (the usual case) re-uses the context and every block's
 * module findings, so its cost stays proportional to the edited block.
 */
import { versionKey } from '../analysis/context';
import type { AnalysisContext, Declared, Override } from '../analysis/context';
import type { Attribute, Range, ResourceInstance } from '../model/types';
import type { SchemaRegistry } from '../schema/registry';
import type { SourceFile } from './sourceFile';
import { mergeOverrides } from '../analysis/override';
import { factsKey, hashPair } from './factsDigest';

/** Attributes whose values other resources' rules read (from the schemas' cross-resource rules). */
export function factAttributes(schemas: SchemaRegistry): Set<string> {
  const names = new Set(['count', 'for_each']);
  for (const s of schemas.all()) {
    for (const r of s.rules ?? []) {
      if (r.kind === 'matchesReferenced') [r.attribute, r.via, r.otherAttribute].forEach((n) => names.add(n));
      if (r.kind === 'maxPerReferenced') r.via.forEach((n) => names.add(n));
      if (r.kind === 'requiresOnReferenced') [r.attribute, r.otherAttribute, ...r.via].forEach((n) => names.add(n));
    }
  }
  return names;
}

/** Both hashes of a string as a short key. */
export function hashString(s: string): string {
  const [a, b] = hashPair(s);
  return a.toString(36) + b.toString(36) + ':' + s.length;
}

/**
 * Contexts by signature and by the files they were made of: a file closed and opened again with the same text,
 * or read again from disk, is a new object, and a context of the old one would be built from it, or would have
 * been, and so keep it alive. (A 5,000-construct CDKTF stack closed and opened again stayed in memory twice,
 * 37 -> 67 MB of live heap.)
 */
const cache = new Map<string, AnalysisContext>();
/** Few: each context indexes its whole module, and edits that change the signature make a new one each. */
const CACHE_SIZE = 4;
let factsCache: { schemas: SchemaRegistry; facts: Set<string> } | undefined;

/** A number per file object, for the cache key (a file keeps its number while it is edited). */
const fileIds = new WeakMap<SourceFile, number>();
let nextFileId = 0;

/** The number a file keeps while it is edited (what `Override.file` says). */
export function fileIdOf(f: SourceFile): number {
  let id = fileIds.get(f);
  if (id === undefined) fileIds.set(f, (id = nextFileId++));
  return id;
}

export function contextFor(files: Iterable<SourceFile>, schemas: SchemaRegistry, providerVersion?: string, providerVersionFrom?: string): AnalysisContext {
  const list = [...files];
  if (factsCache?.schemas !== schemas) factsCache = { schemas, facts: factAttributes(schemas) };
  const version = versionKey(providerVersion, providerVersionFrom);
  const signature = hashString(list.map((f) => f.moduleDigest(factsCache!.facts)).join('\n') + '\n' + version);
  const key = `${signature} ${list.map(fileIdOf).join(',')}`;
  const hit = cache.get(key);
  if (hit && hit.schemas === schemas) return withOriginals(hit, list);
  let newest: AnalysisContext | undefined;
  for (const c of cache.values()) newest = c;
  const ctx = buildContext(list, schemas, signature, providerVersion, providerVersionFrom, newest && indexes.get(newest));
  cache.set(key, ctx);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return withOriginals(ctx, list);
}

/**
 * With override files, the context as `files` are now: its `originalOf` gives the blocks they override as these
 * files hold them, and `declaresSymbol` the variables, locals, outputs and module calls they may override. Those blocks' every argument matters to the override files' findings, and most of them
 * (a description) are no part of the signature, by which the context itself is cached and shared: putting them
 * in made each keystroke in such a block rebuild the module (11 ms instead of 2).
 */
function withOriginals(ctx: AnalysisContext, files: readonly SourceFile[]): AnalysisContext {
  if (!files.some((f) => f.isOverride)) return ctx;
  let originals: Map<string, ResourceInstance> | undefined;
  const originalOf = (kind: 'resource' | 'data', type: string, name: string) => {
    if (!originals) {
      originals = new Map();
      const overrides = ctx.overridesOf?.bind(ctx);
      for (const file of files) {
        if (file.isOverride) continue;
        for (const { value } of file.instances()) {
          const key = addressOf(value.kind, value.type, value.name);
          if (value.name && !originals.has(key) && overrides?.(value.kind, value.type, value.name).length) originals.set(key, value);
        }
      }
    }
    return originals.get(addressOf(kind, type, name));
  };
  let symbols: Set<string> | undefined;
  const declaresSymbol = (key: string) => {
    if (!symbols) {
      const found = (symbols = new Set());
      for (const file of files) if (!file.isOverride) file.forEachSymbolKey?.((k) => found.add(k));
    }
    return symbols.has(key);
  };
  return Object.create(ctx, { originalOf: { value: originalOf }, declaresSymbol: { value: declaresSymbol } }) as AnalysisContext;
}

/**
 * What a context keeps of a block (see `Declared`), with its facts line: made once per block version and
 * shared by every context built while the block is unchanged (a change to the module rebuilds the index, not
 * the records). One object: rules read it as the `Declared`, the context reads `facts` from it.
 * The facts line is made when first read (`factsOf`): only blocks that others refer to are read (a 4,000-peer
 * module reads its few hundred groups and VBRs), and each line kept was a tree of a dozen cons strings.
 */
interface DeclaredRecord extends Declared {
  facts: string | undefined;
  factNames: Set<string>;
}

const records = new WeakMap<ResourceInstance, DeclaredRecord>();

function recordOf(i: ResourceInstance, factNames: Set<string>): DeclaredRecord {
  let r = records.get(i);
  if (!r || r.factNames !== factNames) {
    records.set(i, (r = { kind: i.kind, type: i.type, name: i.name, attributes: factsOnly(i.attributes, factNames, i.setLater), facts: undefined, factNames }));
  }
  return r;
}

const NO_ATTRIBUTES: Attribute[] = [];

/**
 * The fact arguments, in order (most types have none: they share one empty array). Kept by every record, so at
 * their own size: an array grown by pushes leaves room for 17 (6,700 records in the 100k-line file: 1.2 -> 0.4 MB).
 */
function factsOnly(attributes: Attribute[], factNames: Set<string>, setLater?: string[]): Attribute[] {
  let out = NO_ATTRIBUTES;
  for (let i = 0; i < attributes.length; i++) {
    if (!factNames.has(attributes[i].name) || setLater?.includes(attributes[i].name)) continue;
    if (out === NO_ATTRIBUTES) out = [];
    out.push(attributes[i]);
  }
  // A fact a CDKTF program sets after building the construct, written in the config or not: its value is the
  // one set later, which rules cannot know (so a VBR given `vbr.enableIpv6 = true` does not leave IPv6 off).
  if (setLater) {
    for (const name of setLater) {
      if (!factNames.has(name)) continue;
      if (out === NO_ATTRIBUTES) out = [];
      out.push(setLaterAttribute(name));
    }
  }
  return out === NO_ATTRIBUTES ? out : out.slice();
}

const NOWHERE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function setLaterAttribute(name: string): Attribute {
  return { name, sourceName: name, keyRange: NOWHERE, valueRange: NOWHERE, range: NOWHERE, value: { kind: 'unknown', text: 'set after the construct is built' } };
}

/** Declared instances of one kind and type: in declaration order, and by name (the first of each name). */
interface OfType {
  list: DeclaredRecord[];
  byName: Map<string, DeclaredRecord>;
  /** How many blocks declare each name (made when first asked: completion asks it of every declared name). */
  declarations?: Map<string, number>;
  /** How many named blocks repeat a name an earlier one declares (`byName` keeps the first). */
  repeats: number;
}

/**
 * By kind, then type (kinds apart: a key joining kind and type was a string per lookup); and the override files'
 * blocks by address (`kind type name`), which are whole blocks: override files are few and small.
 */
type Index = { resource: Map<string, OfType>; data: Map<string, OfType>; overrides: Map<string, Override[]>; scoped: Map<string, number> };

/** Each context's index, once built. */
const indexes = new WeakMap<AnalysisContext, Index>();

/**
 * The index of a module. It re-uses the by-name map of `previous` (the newest cached context's index) for
 * each type whose records are the same, in the same order: after an edit that changes the module's
 * signature, every type but the edited block's (filling the maps was a quarter of such a keystroke in the
 * 100k-line file).
 */
function indexOf(files: SourceFile[], factNames: Set<string>, previous: Index | undefined): Index {
  const lists = { resource: new Map<string, DeclaredRecord[]>(), data: new Map<string, DeclaredRecord[]>() };
  const overrides = overridesIn(files);
  // What other blocks' rules read of an overridden block is the merged block (a group's ip_version set there).
  const asMerged = (i: ResourceInstance) => {
    const o = i.name ? overrides.get(addressOf(i.kind, i.type, i.name)) : undefined;
    return o ? mergeOverrides(i, o.map((x) => x.instance)) : i;
  };
  for (const file of files) {
    if (file.isOverride) continue;
    const placed = file.instances();
    // An array (an HCL file's) is walked by index: `for…of` costs an iterator result per step in code V8 has not optimized.
    if (Array.isArray(placed)) for (let i = 0; i < placed.length; i++) addRecord(lists, overrides.size ? asMerged(placed[i].value) : placed[i].value, factNames);
    else for (const { value } of placed) addRecord(lists, overrides.size ? asMerged(value) : value, factNames);
  }
  const index: Index = { resource: new Map(), data: new Map(), overrides, scoped: scopedIn(files) };
  for (const kind of KINDS) {
    for (const [type, list] of lists[kind]) {
      const old = previous?.[kind].get(type);
      index[kind].set(type, old && sameRecords(old.list, list) ? old : ofTypeOf(list));
    }
  }
  return index;
}

/** How many data blocks scoped to check blocks have each address (`type name`): few modules have any. */
function scopedIn(files: readonly SourceFile[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of files) {
    if (file.isOverride) continue;
    const scoped = file.scopedInstances?.() ?? [];
    for (let i = 0; i < scoped.length; i++) {
      if (!scoped[i].name) continue;
      const key = `${scoped[i].type} ${scoped[i].name}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

function addRecord(lists: { resource: Map<string, DeclaredRecord[]>; data: Map<string, DeclaredRecord[]> }, instance: ResourceInstance, factNames: Set<string>): void {
  const byType = lists[instance.kind];
  let list = byType.get(instance.type);
  if (!list) byType.set(instance.type, (list = []));
  // Unnamed blocks are listed too (a CDKTF construct kept in no variable is a peer the VBR counts), though
  // nothing can refer to them; config structs are no resource at all.
  if (!instance.config) list.push(recordOf(instance, factNames));
}

const KINDS = ['resource', 'data'] as const;

function addressOf(kind: string, type: string, name: string): string {
  return `${kind} ${type} ${name}`;
}

const NO_OVERRIDES: readonly Override[] = Object.freeze([]);

/**
 * The override files' blocks by address, in the files' order (an override file's blocks are merged into blocks
 * declared elsewhere: they declare nothing of their own).
 */
function overridesIn(files: readonly SourceFile[]): Map<string, Override[]> {
  const overrides = new Map<string, Override[]>();
  for (const file of files) {
    if (!file.isOverride) continue;
    for (const { value } of file.instances()) {
      // A block half-typed without its name overrides nothing.
      if (!value.name) continue;
      const key = addressOf(value.kind, value.type, value.name);
      const entry = { instance: value, file: fileIdOf(file) };
      const list = overrides.get(key);
      if (list) list.push(entry);
      else overrides.set(key, [entry]);
    }
  }
  return overrides;
}


function sameRecords(a: DeclaredRecord[], b: DeclaredRecord[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function ofTypeOf(list: DeclaredRecord[]): OfType {
  const byName = new Map<string, DeclaredRecord>();
  let repeats = 0;
  for (let i = 0; i < list.length; i++) {
    const name = list[i].name;
    if (!name) continue;
    if (byName.has(name)) repeats++;
    else byName.set(name, list[i]);
  }
  return { list, byName, repeats };
}

const NO_RECORDS: OfType = { list: [], byName: new Map(), repeats: 0 };

function buildContext(
  files: SourceFile[],
  schemas: SchemaRegistry,
  signature: string,
  providerVersion: string | undefined,
  providerVersionFrom: string | undefined,
  previous: Index | undefined,
): AnalysisContext {
  let index: Index | undefined;
  // Held only until this context's index is built, so that contexts never keep older ones alive, nor the files
  // (the index keeps only records of their blocks' names and facts).
  let donor = previous;
  let source: SourceFile[] | undefined = files;
  const tallies = new Map<string, Map<string, number>>();
  const factNames = factsCache?.schemas === schemas ? factsCache.facts : factAttributes(schemas);
  const build = () => {
    index = indexOf(source!, factNames, donor);
    donor = undefined;
    source = undefined;
    indexes.set(ctx, index);
    return index;
  };
  const byName = (kind: 'resource' | 'data', type: string) => ((index ?? build())[kind].get(type) ?? NO_RECORDS).byName;
  const ctx: AnalysisContext = {
    schemas,
    providerVersion,
    providerVersionFrom,
    signature,
    declared: (kind, type) => [...byName(kind, type).keys()],
    find: (kind, type, name) => byName(kind, type).get(name),
    declarations(kind, type, name) {
      const of = (index ?? build())[kind].get(type);
      if (!of) return 0;
      if (!of.declarations) {
        of.declarations = new Map();
        for (const r of of.list) of.declarations.set(r.name, (of.declarations.get(r.name) ?? 0) + 1);
      }
      return of.declarations.get(name) ?? 0;
    },
    scopedDeclarations: (type, name) => (index ?? build()).scoped.get(`${type} ${name}`) ?? 0,
    repeatedNames: (kind, type) => ((index ?? build())[kind].get(type) ?? NO_RECORDS).repeats,
    ofType: (kind, type) => ((index ?? build())[kind].get(type) ?? NO_RECORDS).list,
    declaresAny() {
      const i = index ?? build();
      return i.resource.size + i.data.size > 0;
    },
    count(key, target, compute) {
      let t = tallies.get(key);
      if (!t) tallies.set(key, (t = compute(ctx)));
      return t.get(target);
    },
    factsOf: (kind, type, name) => {
      const r = byName(kind, type).get(name);
      return r ? (r.facts ??= factsKey(r, r.factNames)) : '∅';
    },
    hasOverrides: () => (index ?? build()).overrides.size > 0,
    overridesOf(kind, type, name) {
      const overrides = (index ?? build()).overrides;
      return overrides.size === 0 ? NO_OVERRIDES : (overrides.get(addressOf(kind, type, name)) ?? NO_OVERRIDES);
    },
  };
  return ctx;
}
