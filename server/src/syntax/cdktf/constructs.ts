/**
 * Finds the constructions of the generated classes in one file and turns each into a ResourceInstance:
 *   TypeScript  new VpcBgpPeer(scope, id, { … })           (also `new alicloud.vpcBgpPeer.VpcBgpPeer`, renamed imports)
 *   Python      VpcBgpPeer(self, id, key=value, …)          (also `alicloud.vpc_bgp_peer.VpcBgpPeer`, `as` imports)
 *   Java        VpcBgpPeer.Builder.create(this, id).key(v)….build()
 *               new VpcBgpPeer(this, id, VpcBgpPeerConfig.builder().key(v)….build())
 *   C#          new VpcBgpPeer(this, id, new VpcBgpPeerConfig { Key = v, … })
 *               VpcBgpPeer p = new(this, id, new VpcBgpPeerConfig { Key = v, … })   (target-typed)
 *   Go          vpcbgppeer.NewVpcBgpPeer(stack, jsii.String(id), &vpcbgppeer.VpcBgpPeerConfig{ Key: v, … })
 * A construct whose config the adapter cannot see (a variable, a helper's result) yields no instance:
 * only what is written is judged. A config struct written apart from its construct is judged where it is written
 * (`configMatcher`): `const c: VpcBgpPeerConfig = {…}`, `const l: Array<VpcBgpPeerConfig> = [{…}]`, `<VpcBgpPeerConfig>{…}`, `(): VpcBgpPeerConfig => ({…})`, `f(): VpcBgpPeerConfig { …; return {…} }`, `VpcBgpPeerConfig(key=…)`, `VpcBgpPeerConfig.builder()…`,
 * `new VpcBgpPeerConfig {…}`, `&vpcbgppeer.VpcBgpPeerConfig{…}`.
 */
import type { Range, Value } from '../../model/types';
import type { SchemaRegistry } from '../../schema/registry';
import type { ResourceSchema } from '../../schema/types';
import { absentBody, bodySyntax, buildBody, NestedReader, RawBody, RawEntry, range, readBraceBody, readChain, readKwargs } from './bodies';
import type { CdktfInstance } from './model';
import { foreignNames } from './foreign';
import { headerOf, isClassHeader, pyStatementStart } from './scopes';
import { resolveAll } from './references';
import type { Source } from './source';
import { CdktfLanguage, IDENT, STRING, tokenize, Tokens, wordShape } from './tokens';
import { classify, splitTopLevel } from './values';

export interface Match {
  exprStart: number;
  classTok: number;
  /** Last token of the header (`VpcBgpPeer`, `…Builder.create`). */
  headerEnd: number;
  /** The constructor call's `(`, when the construct is a call (all but the Java builder). */
  callOpen?: number;
  idArg?: [number, number];
  raw: RawBody;
  /**
   * The first token the match read when before the usual reach: a config struct's, the call it might be an argument
   * of; Python's `**config`, the statements above it.
   */
  readFrom?: number;
  /**
   * Other bodies the class name types, each an instance of its own, in order: a typed list's other elements, a
   * function's other returns (config structs only).
   */
  more?: { exprStart: number; raw: RawBody }[];
  /** The token after the last one read, when past the bodies (a list's `]`). */
  readTo?: number;
  /** The match asked which bracket group holds a token before it (`Construct.asksGroups`). */
  asksGroups?: boolean;
}

export type Matcher = (tk: Tokens, i: number) => Match | undefined;

/** Class names of every schema with CDKTF names, and the names of their config structs (`VpcBgpPeerConfig`). */
function classIndex(registry: SchemaRegistry): Map<string, ResourceSchema> {
  const m = new Map<string, ResourceSchema>();
  const configs = new Set<string>();
  for (const s of registry.all()) {
    if (!s.cdktf) continue;
    m.set(s.cdktf.className, s);
    m.set(s.cdktf.configName, s);
    configs.add(s.cdktf.configName);
  }
  configNames.set(m, configs);
  return m;
}

const indexes = new WeakMap<SchemaRegistry, Map<string, ResourceSchema>>();
/** Which names of a class index are config structs. */
const configNames = new WeakMap<Map<string, ResourceSchema>, Set<string>>();

/** The quick check: does the text mention any generated class at all? (No tokenizing when it does not.) */
export function mentionsConstructs(text: { includes(s: string): boolean }, registry: SchemaRegistry): boolean {
  let idx = indexes.get(registry);
  if (!idx) indexes.set(registry, (idx = classIndex(registry)));
  for (const name of idx.keys()) if (text.includes(name)) return true;
  return false;
}

/**
 * What matching needs besides the tokens, the same for the whole file: the class names (with renamed imports),
 * the matcher of the language and the quote the file's strings use.
 */
export interface Matching {
  classes: Map<string, ResourceSchema>;
  /** A cheap filter before slicing identifiers: length and first letter of some class name. */
  shapes: Set<number>;
  matcher: Matcher;
  /** The names in `classes` that are config structs (after renamed imports), matched by `configMatcher`. */
  configs: Set<string>;
  /**
   * Names in `classes` that, written alone, mean the file's own class (`foreign.ts`); written qualified
   * (`alicloud.vpcBgpPeer.VpcBgpPeer`, Go's `vpcbgppeer.NewVpcBgpPeer`) they are still the provider's.
   */
  foreign: Set<string>;
  /** Every name written alone is the file's own (Go, where the bindings are another package: `foreign.ts`). */
  foreignAlone: boolean;
  /** Token index pairs [lo, hi) of the import and definition statements `foreign` was read from, kept current. */
  statements: number[];
  nested: NestedReader;
  quote: string;
  /** The last token the quote style was read from: an edit after it cannot change the style. */
  quoteReadTo: number;
}

/**
 * One use of a class name in the file, and what it became. Matching it read only tokens [lo, hi) (their text,
 * kinds and brackets), so while those are unchanged, so is the result.
 */
export interface Construct {
  /** The class name's token. */
  tok: number;
  /** Which of the instances the class name types, after the first (`Match.more`): 1, 2, ... */
  part?: number;
  lo: number;
  hi: number;
  /** Absent when the name is not constructed here (a type annotation, a config the adapter cannot see). */
  instance?: CdktfInstance;
  /** Lines the instance has moved since it was built: its positions plus `shift` are where it is now. */
  shift: number;
  /** How many tokens before `tok` the construct's variable name is, when it is assigned to one. */
  declBack?: number;
  /**
   * A TypeScript variable named where a statement starts, a field when the group it is in is a class's body: from
   * the token before the group's header to its opener (token indices, kept current; the opener -1 at the top), which
   * the name was read with. An edit touching them, or moving the name into another group, matches it again.
   */
  group?: [number, number];
  /**
   * Attribute values as written, before references were resolved, where each is written (tokens before `tok`),
   * and the names they look up (`references.ts`).
   */
  written?: Value[];
  writtenBack?: number[];
  reads?: string[];
  /**
   * Its match read the statements above it, as the brackets group them (Python's `**config`, looked up): an edit
   * that regroups brackets around them matches it again.
   */
  asksGroups?: boolean;
  /**
   * What the engine caches for this construct (`cdktfFile.ts`), here so that a keystroke's walk over thousands
   * of constructs is a property read each; cleared whenever `instance` changes.
   */
  memo?: unknown;
}

export function matchingFor(tk: Tokens, registry: SchemaRegistry): Matching {
  const names = classesOf(tk, registry);
  tk.tokenAliases = names.tokenAliases;
  const { quote, readTo } = quoteStyle(tk);
  return { ...withClasses(names), matcher: MATCHERS[tk.language], nested: NESTED[tk.language], quote, quoteReadTo: readTo };
}

/** The parts of a `Matching` that `classesOf` gives. */
export function withClasses({ classes, configs, foreign, foreignAlone, statements }: ClassNames): Pick<Matching, 'classes' | 'shapes' | 'configs' | 'foreign' | 'foreignAlone' | 'statements'> {
  return { classes, shapes: new Set([...classes.keys()].map(wordShape)), configs, foreign, foreignAlone, statements };
}

/**
 * The tokens whose reading differs between two matchings of the same tokens (another schema, or none; a config
 * or not): what an edit of an import or a definition changed, when it changed which names are classes but not
 * how values are read. A cheap pass: only tokens shaped like a class name of either are looked at.
 */
export function reclassified(tk: Tokens, was: Matching, now: Matching): number[] {
  const out: number[] = [];
  for (let i = 0; i < tk.n; i++) {
    if (tk.kind[i] !== IDENT) continue;
    const shape = tk.shape(i);
    if (!was.shapes.has(shape) && !now.shapes.has(shape)) continue;
    const a = schemaAt(tk, i, was);
    const b = schemaAt(tk, i, now);
    if (a !== b || (a && was.configs.has(tk.text_(i)) !== now.configs.has(tk.text_(i)))) out.push(i);
  }
  return out;
}

/** What `classesOf` reads of a file: the parts of `Matching` that depend on its imports and definitions. */
export interface ClassNames {
  classes: Map<string, ResourceSchema>;
  /** What cdktf's `Token` is imported as besides itself (`Tokens.tokenAliases`). */
  tokenAliases: Set<string>;
  configs: Set<string>;
  foreign: Set<string>;
  foreignAlone: boolean;
  statements: number[];
}

/**
 * Class names (`New…` in Go) and config struct names and, in TypeScript and Python, names they are imported as;
 * which of them are config structs; and which, written alone, are the file's own classes (`foreign.ts`).
 */
export function classesOf(tk: Tokens, registry: SchemaRegistry): ClassNames {
  const configs = new Set<string>();
  let idx = indexes.get(registry);
  if (!idx) indexes.set(registry, (idx = classIndex(registry)));
  const isConfig = configNames.get(idx)!;
  const language = tk.language;
  const classes = new Map<string, ResourceSchema>();
  for (const [name, s] of idx) {
    const key = classKey(name, isConfig.has(name), language);
    classes.set(key, s);
    if (isConfig.has(name)) configs.add(key);
  }
  const tokenAliases = new Set<string>();
  // Renamed imports: `import { VpcBgpPeer as Peer }`, `from … import VpcBgpPeer as Peer`, and cdktf's
  // `import { Token as T }` (not `import * as Token`, whose `Token.asNumber` is no wrapper of a value).
  if (language === 'typescript' || language === 'python') {
    for (let i = 1; i + 1 < tk.n; i++) {
      if (tk.isIdent(i, 'as') && tk.isIdent(i - 1) && tk.isIdent(i + 1)) {
        const imported = tk.text_(i - 1);
        if (imported === 'Token' && tk.text_(i + 1) !== 'Token') tokenAliases.add(tk.text_(i + 1));
        const s = idx.get(imported);
        if (!s) continue;
        classes.set(tk.text_(i + 1), s);
        if (isConfig.has(imported)) configs.add(tk.text_(i + 1));
      }
    }
  }
  const foreign = foreignNames(tk, goPackagesOf(idx, isConfig));
  return { classes, tokenAliases, configs, foreign: foreign.names, foreignAlone: foreign.alone, statements: foreign.statements };
}

const goPackages = new WeakMap<Map<string, ResourceSchema>, Set<string>>();

/** The Go packages of the bindings: a construct class's name in lower case (`vpcbgppeer`). */
function goPackagesOf(idx: Map<string, ResourceSchema>, isConfig: Set<string>): Set<string> {
  let set = goPackages.get(idx);
  if (!set) goPackages.set(idx, (set = new Set([...idx.keys()].filter((k) => !isConfig.has(k)).map((k) => k.toLowerCase()))));
  return set;
}

/** Keywords whose edit may change `classesOf`: renamed imports, imports, and class definitions, per language. */
const KEYWORDS: Record<CdktfLanguage, Set<string>> = {
  typescript: new Set(['as', 'import', 'from', 'class']),
  python: new Set(['as', 'import', 'from', 'class']),
  java: new Set(['import', 'class']),
  csharp: new Set(['class']),
  go: new Set(['import', 'func']),
};

/**
 * Words that define a type of the program's own (`interface VpcBgpPeerConfig`), but are also common names
 * (`type: "ingress"`, a `record` field): an edit counts only when a class name of the bindings is re-read with them.
 */
const DEFINITION_WORDS: Record<CdktfLanguage, Set<string>> = {
  typescript: new Set(['interface', 'type']),
  python: new Set(),
  java: new Set(['interface', 'record', 'enum']),
  csharp: new Set(['interface', 'struct', 'record']),
  go: new Set(),
};

export function classKeywords(language: CdktfLanguage): Set<string> {
  return KEYWORDS[language];
}

export function definitionWords(language: CdktfLanguage): Set<string> {
  return DEFINITION_WORDS[language];
}

/** Every class name as the language writes it (`New…` in Go): an edit to one inside an import may change `classesOf`. */
export function classNames(registry: SchemaRegistry, language: CdktfLanguage): Set<string> {
  let idx = indexes.get(registry);
  if (!idx) indexes.set(registry, (idx = classIndex(registry)));
  const isConfig = configNames.get(idx)!;
  return new Set([...idx.keys()].map((name) => classKey(name, isConfig.has(name), language)));
}

/** A class as the program writes it: Go constructs through their `New…` function. */
function classKey(name: string, config: boolean, language: CdktfLanguage): string {
  return language === 'go' && !config ? 'New' + name : name;
}

/** The schema token `i` names, when it is a class name (a construct or not) of the provider's. */
export function schemaAt(tk: Tokens, i: number, m: Matching): ResourceSchema | undefined {
  if (tk.kind[i] !== IDENT || !m.shapes.has(tk.shape(i))) return undefined;
  const name = tk.text_(i);
  if (m.foreign.size || m.foreignAlone) {
    // Alone, the name is the file's own class; qualified, it is whatever its namespace holds.
    const qualified = tk.is(i - 1, '.');
    if (qualified ? tk.isIdent(i - 2) && m.foreign.has(tk.text_(i - 2) + '.') : m.foreignAlone || m.foreign.has(name)) return undefined;
  }
  return m.classes.get(name);
}

/** The class names in tokens [from, to), matched. */
export function findConstructs(tk: Tokens, m: Matching, from = 0, to = tk.n): Construct[] {
  const out: Construct[] = [];
  for (let i = from; i < to; i++) {
    const schema = schemaAt(tk, i, m);
    if (schema) out.push(...matchConstructs(tk, i, schema, m));
  }
  return out;
}

/**
 * Set by a matcher that read past what `matchConstructs` counts on its own before giving up: the token after the
 * last one it read (a Java config's builder chain with no `.build()` yet), the first one it read (a config
 * struct that is a construct's argument reads the construct's call). Reset before each match.
 */
let gaveUpAfter = 0;
let gaveUpFrom = Number.MAX_SAFE_INTEGER;

/**
 * Matches the class name at token `i`, recording the tokens matching read: one entry, or one per instance when
 * the name types several bodies (`Match.more`), all reading the same tokens (an edit matches them again together).
 */
export function matchConstructs(tk: Tokens, i: number, schema: ResourceSchema, m: Matching): Construct[] {
  const config = m.configs.has(tk.text_(i));
  gaveUpAfter = 0;
  gaveUpFrom = Number.MAX_SAFE_INTEGER;
  const found = config ? configMatcher(tk, i, m) : m.matcher(tk, i);
  // Matchers read back over a dotted name and up to 7 tokens before it (`this . p : Type = new`), forward to
  // the end of the call's `(` (or Java's `create(`), and, for a builder chain, one token past its end. A config
  // struct's match also read the call it may be an argument of (`readFrom`).
  let lo = Math.max(0, chainStart(tk, i) - 8);
  if (found?.readFrom !== undefined) lo = Math.min(lo, found.readFrom);
  lo = Math.min(lo, gaveUpFrom);
  // C#'s target-typed `VpcBgpPeer p = new(` reads its call four tokens on.
  let hi = Math.max(i + 6, reach(tk, i + 1), tk.language === 'java' ? reach(tk, i + 5) : 0, tk.language === 'csharp' ? reach(tk, i + 4) : 0);
  if (found && found.callOpen === undefined) hi = Math.max(hi, tk.indexAt(found.raw.end) + 3, found.readTo ?? 0);
  hi = Math.min(Math.max(hi, gaveUpAfter), tk.n + 1);
  // A config struct declares no resource: unnamed, it is neither indexed nor referred to as one.
  const variable = found && !config ? variableBefore(tk, found.exprStart) : undefined;
  const instance = found ? toInstance(tk, found, schema, m.nested, m.quote, config, variable) : undefined;
  const c: Construct = { tok: i, lo, hi, instance, shift: 0, declBack: variable && i - variable.tok };
  if (variable?.group) c.group = variable.group;
  if (found?.asksGroups) c.asksGroups = true;
  if (!found?.more) return [c];
  const out = [c];
  for (const { exprStart, raw } of found.more) {
    const part = { ...found, exprStart, headerEnd: exprStart, raw, more: undefined };
    out.push({ tok: i, part: out.length, lo, hi, instance: toInstance(tk, part, schema, m.nested, m.quote, config, undefined), shift: 0 });
  }
  return out;
}

/** Constructs in file order: by class name, then by part. */
export function compareConstructs(a: Construct, b: Construct): number {
  return a.tok - b.tok || (a.part ?? 0) - (b.part ?? 0);
}

/** Just past the last token read in a call's `(` at `i`: its end (closer or cut), included. */
function reach(tk: Tokens, i: number): number {
  return tk.is(i, '(') ? tk.extent[i] + 1 : 0;
}

export interface ParsedFile {
  tokens: Tokens;
  matching: Matching;
  constructs: Construct[];
}

export function parseConstructs(text: string | Source, language: CdktfLanguage, registry: SchemaRegistry, lineStarts?: number[]): ParsedFile {
  const tk = tokenize(text, language, lineStarts);
  const matching = matchingFor(tk, registry);
  const constructs = findConstructs(tk, matching);
  resolveAll(constructs, tk);
  return { tokens: tk, matching, constructs };
}

function toInstance(tk: Tokens, m: Match, schema: ResourceSchema, nested: NestedReader, quote: string, config: boolean, variable: Variable | undefined): CdktfInstance {
  const built = buildBody(tk, m.raw, schema, schema, '', nested);
  const callClosed = m.callOpen === undefined || tk.closeOf[m.callOpen] >= 0;
  const closed = callClosed && m.raw.closed;
  const start = tk.start[m.exprStart];
  let end: number;
  let extentEnd: number;
  if (m.callOpen !== undefined && callClosed) {
    end = tk.end[tk.closeOf[m.callOpen]];
    extentEnd = end;
  } else if (m.callOpen !== undefined) {
    const ext = tk.extent[m.callOpen];
    end = tk.end[Math.max(m.callOpen, ext - 1)];
    extentEnd = ext < tk.n ? tk.start[ext] : tk.text.length;
  } else {
    end = m.raw.end;
    if (m.raw.closed) extentEnd = end;
    else {
      const next = tk.indexAt(end);
      extentEnd = next < tk.n ? tk.start[next] : tk.text.length;
    }
  }
  const typeRange = range(tk, tk.start[m.classTok], tk.end[m.classTok]);
  let constructId: string | undefined;
  let idRange: Range | undefined;
  if (m.idArg) {
    const v = classify(tk, m.idArg[0], m.idArg[1]);
    if (v.kind === 'string') constructId = v.value;
    idRange = range(tk, tk.start[m.idArg[0]], tk.end[m.idArg[1] - 1]);
  }
  const instance: CdktfInstance = {
    kind: schema.kind,
    type: schema.type,
    typeRange,
    name: variable?.name ?? '',
    nameRange: variable?.range ?? idRange ?? typeRange,
    range: range(tk, start, end),
    headerRange: range(tk, start, tk.end[m.headerEnd]),
    bodyRange: range(tk, m.raw.openStart, m.raw.end),
    attributes: built.attributes,
    blocks: built.blocks,
    closed,
    language: tk.language,
    schema,
    body: bodySyntax(tk, m.raw),
    // A config struct written apart from its construct may hold more than it shows, in every language: Go's
    // struct fields and C#'s `{ get; set; }` properties are filled in afterwards (`cfg.BgpGroupId = x`), and the
    // construct may get more beside it (`{ ...common, enableBfd: true }`) or after it is built. So it is judged
    // for what it holds, not for what it lacks. (`spread`: a spread, `**kwargs`, or a Java builder continued.)
    open: m.raw.spread || config,
    config,
    constructId,
    extentEnd: tk.pos(extentEnd),
    quote,
    qualifier: tk.text.slice(tk.start[chainStart(tk, m.classTok)], tk.start[m.classTok]),
  };
  if (built.overwritten) instance.overwritten = built.overwritten;
  return instance;
}

/** The start of a dotted name ending at token `i` (`alicloud.vpcBgpPeer.VpcBgpPeer` → `alicloud`). */
function chainStart(tk: Tokens, i: number): number {
  let j = i;
  while (tk.is(j - 1, '.') && tk.isIdent(j - 2)) j -= 2;
  return j;
}

/** A construct's variable: its name, the range of its last word and that word's token. */
interface Variable {
  name: string;
  range: Range;
  tok: number;
  /** What the name was read with besides the match's tokens (`Construct.group`). */
  group?: [number, number];
}

/** TypeScript modifiers that make the name after them an instance field (`static` makes a class's own). */
const FIELD_MODIFIERS = new Set(['private', 'public', 'protected', 'readonly', 'override', 'accessor']);

/** The variable a construct is assigned to: `const p = …`, `p: VpcBgpPeer = …`, `self.p = …`, `p := …`. */
function variableBefore(tk: Tokens, exprStart: number): Variable | undefined {
  let k = exprStart - 1;
  if (!(tk.is(k, '=') || tk.is(k, ':='))) return undefined;
  k--;
  if (!tk.isIdent(k)) return undefined;
  // A type annotation: `name: Type = …` (TypeScript, Python).
  if ((tk.language === 'typescript' || tk.language === 'python') && tk.is(k - 1, ':') && tk.isIdent(k - 2)) k -= 2;
  let s = k;
  if (tk.is(k - 1, '.') && (tk.isIdent(k - 2, 'this') || tk.isIdent(k - 2, 'self'))) s = k - 2;
  // A TypeScript field initialized where it is declared (`private readonly group = new VpcBgpGroup(…)`) is read as
  // `this.group`, as one assigned in the constructor is: the bare name is no variable in the methods. Told by its
  // modifier, a token the match reads (which brace group a name is in is not).
  if (s === k && tk.language === 'typescript' && tk.isIdent(k - 1) && FIELD_MODIFIERS.has(tk.text_(k - 1))) {
    return { name: `this.${tk.text_(k)}`, range: range(tk, tk.start[k], tk.end[k]), tok: k };
  }
  // Without a modifier (`group = new VpcBgpGroup(…)` starting a statement), it is a field when the brace group it
  // is in is a class's body, which its header says: the group and its header, outside the match, are recorded
  // (`Construct.group`), also when the name is in no brace group (an edit may put it in one).
  const g = tk.up[k];
  if (s === k && tk.language === 'typescript' && (tk.first[k] || tk.is(k - 1, '{') || tk.is(k - 1, ';') || tk.is(k - 1, '}'))) {
    const header = g >= 0 && tk.is(g, '{') ? headerOf(tk, g) : [];
    const group: [number, number] = [(header.length ? header[header.length - 1] : g) - 1, g];
    const name = isClassHeader(tk, header) ? `this.${tk.text_(k)}` : tk.text_(k);
    return { name, range: range(tk, tk.start[k], tk.end[k]), tok: k, group };
  }
  // From the tokens: comments and line breaks between them are not part of the name.
  return { name: s === k ? tk.text_(k) : `${tk.text_(s)}.${tk.text_(k)}`, range: range(tk, tk.start[k], tk.end[k]), tok: k };
}

/** Index of the first top-level token `p` in [a, b), or -1. */
function topLevel(tk: Tokens, a: number, b: number, p: string): number {
  for (let i = a; i < b; i++) {
    if (tk.is(i, p)) return i;
    if (tk.isOpener(i)) i = tk.after(i) - 1;
  }
  return -1;
}

/** `X.builder()` in [a, b): the index after `()`, and the class name. */
function builderCall(tk: Tokens, a: number, b: number): { after: number; className: string } | undefined {
  for (let k = a; k + 2 < b + 1; k++) {
    if (tk.isIdent(k, 'builder') && tk.is(k - 1, '.') && tk.is(k + 1, '(') && tk.closeOf[k + 1] === k + 2) {
      return { after: k + 3, className: tk.isIdent(k - 2) ? tk.text_(k - 2) : '' };
    }
    if (tk.isOpener(k) && !tk.is(k, '(')) return undefined;
  }
  return undefined;
}

const matchTypescript: Matcher = (tk, i) => {
  if (!tk.is(i + 1, '(')) return undefined;
  const j = chainStart(tk, i);
  if (!tk.isIdent(j - 1, 'new')) return undefined;
  const args = splitTopLevel(tk, i + 1);
  if (args.length === 2 && tk.closeOf[i + 1] >= 0) {
    // Built without a config: a required argument is missing, and the quick fix writes the config.
    return { exprStart: j - 1, classTok: i, headerEnd: i, callOpen: i + 1, idArg: args[1], raw: absentBody(tk, 'object', args[1][1] - 1) };
  }
  if (args.length < 3) return undefined;
  let a = args[2][0];
  while (tk.is(a, '(')) a++;
  // A type assertion before the config: `<VpcBgpPeerConfig>{ ... }`.
  if (tk.is(a, '<')) {
    let k = a + 1;
    while (k < a + 16 && (tk.isIdent(k) || tk.is(k, '.'))) k++;
    if (tk.is(k, '>') && k > a + 1) a = k + 1;
  }
  if (!tk.is(a, '{')) return undefined;
  return { exprStart: j - 1, classTok: i, headerEnd: i, callOpen: i + 1, idArg: args[1], raw: readBraceBody(tk, a, 'object') };
};

const matchPython: Matcher = (tk, i) => {
  if (!tk.is(i + 1, '(')) return undefined;
  const j = chainStart(tk, i);
  if (tk.isIdent(j - 1, 'def') || tk.isIdent(j - 1, 'class') || tk.isIdent(j - 1, 'import') || tk.is(j - 1, '.')) return undefined;
  const args = splitTopLevel(tk, i + 1);
  let positional = 0;
  while (positional < Math.min(2, args.length) && !tk.is(args[positional][0] + 1, '=')) positional++;
  const raw = readKwargs(tk, i + 1, positional);
  let idArg = positional >= 2 ? args[1] : undefined;
  // `scope=` and `id_=` (or `id=` when no id was given positionally) are the constructor's own parameters;
  // with `scope, id_` given positionally, `id=` is the resource's `id` argument.
  const own = (key: string) => key === 'scope' || key === 'id_' || (key === 'id' && positional < 2);
  let ownCount = 0;
  raw.entries = raw.entries.filter((e) => {
    if (!own(e.key)) return true;
    if (e.key !== 'scope') idArg = [e.valueA, e.valueB];
    ownCount++;
    return false;
  });
  if (positional + ownCount < 2) return undefined;
  const match: Match = { exprStart: j, classTok: i, headerEnd: i, callOpen: i + 1, idArg, raw };
  return unpack(tk, args, match);
};

/**
 * A dict unpacked as keyword arguments (`**{"bfd_multi_hop": 300}`, or `**config` after `config = {...}`) read as
 * part of the config, when each of its keys is a string (a name as a key is a variable, whose value is not in
 * sight) and it is the call's only unpacking. Alone, a dict literal is the config, read (and edited) as the dict it
 * is; beside keyword arguments, or through a variable, its entries join the call's (`EntrySyntax.within`). A
 * variable's dict is read only where `assignedDict` is sure of it; otherwise the call keeps its unpacking as a
 * spread, as does one it cannot read.
 */
function unpack(tk: Tokens, args: [number, number][], m: Match): Match {
  const raw = m.raw;
  if (!raw.spread) return m;
  const unpacked = args.filter(([s]) => tk.is(s, '**') || tk.is(s, '*'));
  if (unpacked.length !== 1 || !tk.is(unpacked[0][0], '**')) return m;
  const [s, e] = unpacked[0];
  let open = -1;
  if (tk.is(s + 1, '{') && tk.closeOf[s + 1] === e - 1) open = s + 1;
  else if (tk.isIdent(s + 1) && e === s + 2) {
    const found = assignedDict(tk, tk.text_(s + 1), m.exprStart);
    m.readFrom = found.readFrom;
    m.asksGroups = true;
    open = found.open;
  }
  if (open < 0) return m;
  const dict = readBraceBody(tk, open, 'object');
  if (dict.spread || !splitTopLevel(tk, open).every(([ps]) => tk.kind[ps] === STRING && tk.is(ps + 1, ':'))) return m;
  if (raw.entries.length === 0 && open === s + 1) m.raw = dict;
  else {
    // The dict's own earlier writes of a key go with it (`bodies.ts`, `overwritten`): reported, and removed in the dict.
    const inDict = (x: RawEntry): RawEntry => ({ ...x, within: open });
    const overwritten = [...(raw.overwritten ?? []), ...(dict.overwritten ?? []).map(inDict)];
    m.raw = { ...raw, spread: false, entries: [...raw.entries, ...dict.entries.map(inDict)], overwritten: overwritten.length ? overwritten : undefined };
  }
  return m;
}

/** How many tokens above a call `assignedDict` looks for the dict a variable holds. */
const LOOK_BACK = 400;

/**
 * The `{` of the dict literal Python variable `name` holds at the statement of token `at`, or -1 when unsure; and
 * the first token read. Sure only of `name = {...}` written as a statement of the same block (as indented, no line
 * indented less between them), within `LOOK_BACK` tokens above, with `name` written nowhere between (a change to the
 * dict, another assignment, a function that may change it).
 */
function assignedDict(tk: Tokens, name: string, at: number): { open: number; readFrom: number } {
  const statement = pyStatementStart(tk, at);
  const indent = tk.indentOfLine(tk.line[statement]);
  let s = statement;
  while (s > 0 && statement - s < LOOK_BACK) {
    const p = pyStatementStart(tk, s - 1);
    const ind = tk.indentOfLine(tk.line[p]);
    if (ind < indent) return { open: -1, readFrom: p };
    if (ind === indent && tk.isIdent(p, name) && tk.is(p + 1, '=') && tk.is(p + 2, '{') && tk.closeOf[p + 2] === s - 1) return { open: p + 2, readFrom: p };
    for (let t = p; t < s; t++) if (tk.isIdent(t, name) && !tk.is(t - 1, '.')) return { open: -1, readFrom: p };
    s = p;
  }
  return { open: -1, readFrom: s };
}

const matchJava: Matcher = (tk, i) => {
  if (tk.is(i + 1, '.') && tk.isIdent(i + 2, 'Builder') && tk.is(i + 3, '.') && tk.isIdent(i + 4, 'create') && tk.is(i + 5, '(')) {
    const open = i + 5;
    if (tk.closeOf[open] < 0) return undefined;
    const args = splitTopLevel(tk, open);
    if (args.length < 2) return undefined;
    const raw = readChain(tk, tk.closeOf[open] + 1, tk.n);
    // A statement that ends before `.build()`: the builder is kept in a variable and given more on later lines
    // (`b.bgpGroupId(…); if (bfd) b.enableBfd(true);`), which this reading does not follow.
    if (!raw.closed && tk.is(tk.indexAt(raw.end), ';')) raw.spread = true;
    return { exprStart: chainStart(tk, i), classTok: i, headerEnd: i + 4, idArg: args[1], raw };
  }
  if (!tk.is(i + 1, '(')) return undefined;
  const j = chainStart(tk, i);
  if (!tk.isIdent(j - 1, 'new')) return undefined;
  const args = splitTopLevel(tk, i + 1);
  if (args.length === 2 && tk.closeOf[i + 1] >= 0) {
    return { exprStart: j - 1, classTok: i, headerEnd: i, callOpen: i + 1, idArg: args[1], raw: absentBody(tk, 'chain', args[1][1] - 1) };
  }
  if (args.length < 3) return undefined;
  const [a, b] = args[2];
  const builder = builderCall(tk, a, b);
  if (!builder) return undefined;
  const raw = readChain(tk, builder.after, b);
  raw.className = builder.className;
  return { exprStart: j - 1, classTok: i, headerEnd: i, callOpen: i + 1, idArg: args[1], raw };
};

const matchCSharp: Matcher = (tk, i) => {
  let open = i + 1;
  let exprStart: number;
  if (tk.is(i + 1, '(')) {
    exprStart = chainStart(tk, i) - 1;
    if (!tk.isIdent(exprStart, 'new')) return undefined;
  } else if (targetTyped(tk, i)) {
    // `VpcBgpPeer peer = new(this, "id", …)`: the class is the declared type; the construct is the `new(…)`.
    open = i + 4;
    exprStart = i + 3;
  } else return undefined;
  const args = splitTopLevel(tk, open);
  if (args.length === 2 && tk.closeOf[open] >= 0) {
    return { exprStart, classTok: i, headerEnd: Math.max(i, exprStart), callOpen: open, idArg: args[1], raw: absentBody(tk, 'initializer', args[1][1] - 1) };
  }
  if (args.length < 3) return undefined;
  let [a, b] = args[2];
  if (tk.isIdent(a) && tk.is(a + 1, ':')) a += 2; // a named argument `config: new …`
  const raw = csharpInitializer(tk, a, b);
  if (!raw) return undefined;
  return { exprStart, classTok: i, headerEnd: Math.max(i, exprStart), callOpen: open, idArg: args[1], raw };
};

/** C#'s target-typed construction of the class at token `i`: `VpcBgpPeer name = new(`. */
function targetTyped(tk: Tokens, i: number): boolean {
  return tk.language === 'csharp' && tk.isIdent(i + 1) && tk.is(i + 2, '=') && tk.isIdent(i + 3, 'new') && tk.is(i + 4, '(');
}

function csharpInitializer(tk: Tokens, a: number, b: number): RawBody | undefined {
  if (!tk.isIdent(a, 'new')) return undefined;
  const brace = topLevel(tk, a, b, '{');
  if (brace < 0) return undefined;
  const raw = readBraceBody(tk, brace, 'initializer');
  let k = brace - 1;
  if (tk.is(k, ')')) {
    let o = k - 1;
    while (o > a && tk.closeOf[o] !== k) o--;
    k = o - 1;
  }
  if (tk.isIdent(k) && k > a) raw.className = tk.text_(k);
  return raw;
}

const matchGo: Matcher = (tk, i) => {
  if (!tk.is(i + 1, '(')) return undefined;
  const j = chainStart(tk, i);
  if (tk.isIdent(j - 1, 'func')) return undefined;
  const args = splitTopLevel(tk, i + 1);
  if (args.length < 3) return undefined;
  // `nil` for the config: a required argument is missing, and the quick fix writes the config in its place.
  if (args.length === 3 && args[2][1] === args[2][0] + 1 && tk.isIdent(args[2][0], 'nil')) {
    return { exprStart: j, classTok: i, headerEnd: i, callOpen: i + 1, idArg: args[1], raw: absentBody(tk, 'composite', args[1][1] - 1, args[2][0]) };
  }
  const raw = goComposite(tk, args[2][0], args[2][1]);
  if (!raw) return undefined;
  return { exprStart: j, classTok: i, headerEnd: i, callOpen: i + 1, idArg: args[1], raw };
};

function goComposite(tk: Tokens, a: number, b: number): RawBody | undefined {
  if (tk.is(a, '&')) a++;
  if (!tk.isIdent(a)) return undefined;
  const brace = topLevel(tk, a, b, '{');
  if (brace < 0) return undefined;
  for (let k = a; k < brace; k++) if (!tk.isIdent(k) && !tk.is(k, '.')) return undefined;
  const raw = readBraceBody(tk, brace, 'composite');
  raw.className = tk.text_(brace - 1);
  return raw;
}

/**
 * A config struct written apart from its construct (`configs` names it), or undefined when it is not written
 * that way or is the construct's own argument (the construct's match reads it then).
 */
function configMatcher(tk: Tokens, i: number, m: Matching): Match | undefined {
  const found = CONFIG_MATCHERS[tk.language](tk, i);
  if (!found) return undefined;
  // The group the struct is written in: a construct's call when it is its config argument.
  const group = tk.up[found.exprStart];
  if (group > 0 && tk.is(group, '(')) {
    // The construct's class: before the call, or the declared type of C#'s `VpcBgpPeer p = new(`.
    const callee = group >= 4 && targetTyped(tk, group - 4) ? group - 4 : group - 1;
    found.readFrom = Math.min(found.readFrom ?? found.exprStart, Math.max(0, chainStart(tk, callee) - 1));
    if (schemaAt(tk, callee, m) && !m.configs.has(tk.text_(callee))) {
      gaveUpFrom = found.readFrom;
      return undefined;
    }
  }
  return found;
}

/** TypeScript utility types whose object holds some of the struct's own properties. */
const PARTIAL_TYPES = new Set(['Partial', 'Readonly', 'Required', 'Omit', 'Pick']);

/** The `>` closing a type's arguments, from the `,` after its first (`Omit<C, "a" | "b">`), or -1. */
function typeArgumentsEnd(tk: Tokens, comma: number): number {
  for (let k = comma + 1; k < tk.n && k < comma + 64; k++) {
    if (tk.is(k, '>') || tk.is(k, '>=')) return k;
    // Only names, strings and `|` between: anything else is no such type.
    if (!(tk.kind[k] === STRING || tk.isIdent(k) || tk.is(k, '|'))) return -1;
  }
  return -1;
}

/**
 * The objects a TypeScript function body opened at `open` returns (`return { ... }`, `return ({ ... })`), each a
 * config of the class name at `i`: its own returns, in its statements and the blocks they nest (`if`, `for`,
 * `switch`, `try`), not those of a function or lambda written inside it. Undefined when it returns none.
 */
function returnsOf(tk: Tokens, i: number, open: number): Match | undefined {
  const bodies: { exprStart: number; raw: RawBody }[] = [];
  const walk = (g: number) => {
    const end = tk.closeOf[g] >= 0 ? tk.closeOf[g] : tk.extent[g];
    for (let t = g + 1; t < end; t++) {
      if (tk.isIdent(t, 'return') && !tk.is(t - 1, '.')) {
        const body = tk.is(t + 1, '(') ? t + 2 : t + 1;
        if (tk.is(body, '{')) {
          bodies.push({ exprStart: body, raw: readBraceBody(tk, body, 'object') });
          t = Math.min(tk.after(body), end) - 1;
        }
      } else if (tk.isOpener(t)) {
        if (tk.is(t, '{') && statementBlock(tk, t)) walk(t);
        t = Math.min(tk.after(t), end) - 1;
      }
    }
  };
  walk(open);
  // Read to the body's end (also when it returns no object yet): an edit anywhere in it may add or remove a return.
  return typedBodies(i, bodies, tk.after(open) + 2);
}

/**
 * The match of the class name at `i` typing `bodies` (the first, then `Match.more`), read to `readTo`; the first's
 * `exprStart` unless given. With no body yet the match gives up, having read to `readTo` (an edit there may add one).
 */
function typedBodies(i: number, bodies: { exprStart: number; raw: RawBody }[], readTo: number, exprStart?: number): Match | undefined {
  if (!bodies.length) {
    gaveUpAfter = readTo;
    return undefined;
  }
  const [first, ...more] = bodies;
  return { exprStart: exprStart ?? first.exprStart, classTok: i, headerEnd: i, raw: first.raw, more: more.length ? more : undefined, readTo };
}

/** Words whose parenthesized header makes the brace group after it a block of statements. */
const BLOCK_HEADERS = new Set(['if', 'for', 'while', 'switch', 'catch', 'with']);
/** Words the brace group of a block of statements follows. */
const BLOCK_WORDS = new Set(['else', 'try', 'catch', 'finally', 'do']);

/** Is the brace group at `g`, inside a function's body, a block of its statements (not a function's, nor an object)? */
function statementBlock(tk: Tokens, g: number): boolean {
  const p = g - 1;
  if (tk.is(p, ';') || tk.is(p, '{') || tk.is(p, '}')) return true;
  if (tk.isIdent(p)) return BLOCK_WORDS.has(tk.text_(p));
  if (!tk.is(p, ')')) return false;
  let o = p - 1;
  while (o >= 0 && tk.closeOf[o] !== p) o--;
  return o > 0 && tk.isIdent(o - 1) && BLOCK_HEADERS.has(tk.text_(o - 1));
}

/** Is the brace group after an arrow at `g` a block body (`=> { ...; return x; }`), not an object (`=> { a: 1 }`)? */
function isBlock(tk: Tokens, g: number): boolean {
  const end = tk.closeOf[g] >= 0 ? tk.closeOf[g] : tk.extent[g];
  for (let t = g + 1; t < end; t++) {
    if (tk.is(t, ';') || (tk.isIdent(t, 'return') && !tk.is(t + 1, ':') && !tk.is(t + 1, ',') && !tk.is(t + 1, '}'))) return true;
    if (tk.isOpener(t)) t = Math.min(tk.after(t), end) - 1;
  }
  return false;
}

/** TypeScript's generic list types (`Array<VpcBgpPeerConfig>`). */
const LIST_TYPES = new Set(['Array', 'ReadonlyArray']);

/**
 * The `[` of the list a TypeScript variable of a list of the type written in tokens [j, k) is given:
 * `f: VpcBgpPeerConfig[] = [`, `f: Array<VpcBgpPeerConfig> = [`; or -1.
 */
function listOf(tk: Tokens, j: number, k: number): number {
  if (tk.is(j - 1, ':') && tk.is(k, '[') && tk.closeOf[k] === k + 1 && tk.is(k + 2, '=') && tk.is(k + 3, '[')) return k + 3;
  if (tk.is(j - 1, '<') && tk.isIdent(j - 2) && LIST_TYPES.has(tk.text_(j - 2)) && tk.is(j - 3, ':')) {
    if (tk.is(k, '>') && tk.is(k + 1, '=') && tk.is(k + 2, '[')) return k + 2;
    if (tk.is(k, '>=') && tk.is(k + 1, '[')) return k + 1;
  }
  return -1;
}

/** Tokens after which a Go composite literal is a value. */
const GO_VALUE_BEFORE = new Set(['=', ':=', '(', ',', ':', '{', 'return']);

const CONFIG_MATCHERS: Record<CdktfLanguage, (tk: Tokens, i: number) => Match | undefined> = {
  // `name: VpcBgpPeerConfig = { ... }`, or `{ ... } satisfies VpcBgpPeerConfig` / `as VpcBgpPeerConfig`.
  typescript: (tk, i) => {
    let j = chainStart(tk, i);
    let k = i + 1;
    // In a utility type that keeps the struct's properties, some of them (`Partial<VpcBgpPeerConfig>`, the shared
    // defaults a program spreads into its constructs; `Omit<VpcBgpPeerConfig, "bgpGroupId">`): the written ones.
    if (tk.is(j - 1, '<') && tk.isIdent(j - 2) && PARTIAL_TYPES.has(tk.text_(j - 2))) {
      k = tk.is(k, ',') ? typeArgumentsEnd(tk, k) : k;
      if (!tk.is(k, '>') && !tk.is(k, '>=')) return undefined;
      if (tk.is(k, '>=')) return tk.is(k + 1, '{') && tk.is(j - 3, ':') ? { exprStart: j - 2, classTok: i, headerEnd: i, raw: readBraceBody(tk, k + 1, 'object') } : undefined;
      j -= 2;
      k++;
    }
    if (tk.is(j - 1, ':') && tk.is(k, '=') && tk.is(k + 1, '{')) {
      return { exprStart: j, classTok: i, headerEnd: i, raw: readBraceBody(tk, k + 1, 'object') };
    }
    // A list of them, `f: VpcBgpPeerConfig[] = [{ ... }, ...]`: each object written in it.
    const list = listOf(tk, j, k);
    if (list >= 0) {
      // Read to the list's end (also when it holds no object yet): an edit anywhere in it may make an element one.
      const bodies = splitTopLevel(tk, list).filter(([a]) => tk.is(a, '{')).map(([a]) => ({ exprStart: a, raw: readBraceBody(tk, a, 'object') }));
      return typedBodies(i, bodies, tk.after(list) + 2, j);
    }
    // A function's result, `h(): VpcBgpPeerConfig { ...; return { ... } }` or `(): VpcBgpPeerConfig => ({ ... })`.
    if (tk.is(j - 1, ':') && tk.is(j - 2, ')')) {
      if (tk.is(k, '{') || (tk.is(k, '=>') && tk.is(k + 1, '{') && isBlock(tk, k + 1))) return returnsOf(tk, i, tk.is(k, '{') ? k : k + 1);
      const body = tk.is(k, '=>') ? (tk.is(k + 1, '(') ? k + 2 : k + 1) : -1;
      if (tk.is(body, '{')) return { exprStart: body, classTok: i, headerEnd: i, raw: readBraceBody(tk, body, 'object') };
    }
    // A type assertion, `<VpcBgpPeerConfig>{ ... }` (not a generic type before a body: `implements B<C> {`).
    if (tk.is(j - 1, '<') && tk.is(k, '>') && tk.is(k + 1, '{') && (!tk.isIdent(j - 2) || tk.isIdent(j - 2, 'return'))) {
      return { exprStart: j - 1, classTok: i, headerEnd: i, raw: readBraceBody(tk, k + 1, 'object') };
    }
    if ((tk.isIdent(j - 1, 'satisfies') || tk.isIdent(j - 1, 'as')) && tk.is(j - 2, '}')) {
      let open = j - 3;
      while (open >= 0 && tk.closeOf[open] !== j - 2) open--;
      if (open < 0) return undefined;
      return { exprStart: open, classTok: i, headerEnd: i, raw: readBraceBody(tk, open, 'object'), readFrom: open };
    }
    return undefined;
  },
  // `VpcBgpPeerConfig(key=..., ...)`.
  python: (tk, i) => {
    const j = chainStart(tk, i);
    if (!tk.is(i + 1, '(') || tk.isIdent(j - 1, 'class') || tk.isIdent(j - 1, 'import') || tk.is(j - 1, '.')) return undefined;
    return { exprStart: j, classTok: i, headerEnd: i, callOpen: i + 1, raw: readKwargs(tk, i + 1, 0) };
  },
  // `VpcBgpPeerConfig.builder().key(...)...build()`; a builder kept in a variable and filled later is not seen.
  java: (tk, i) => {
    const builder = builderCall(tk, i + 1, i + 5);
    if (!builder || builder.after !== i + 5) return undefined;
    const raw = readChain(tk, builder.after, tk.n);
    if (!raw.closed) {
      // Read up to the chain's last link and the three tokens after it: an edit there may close it.
      gaveUpAfter = tk.indexAt(raw.end) + 3;
      return undefined;
    }
    raw.className = builder.className;
    return { exprStart: chainStart(tk, i), classTok: i, headerEnd: i + 4, raw };
  },
  // `new VpcBgpPeerConfig { Key = ..., ... }` (or `new VpcBgpPeerConfig() { ... }`).
  csharp: (tk, i) => {
    const j = chainStart(tk, i);
    if (!tk.isIdent(j - 1, 'new') || !(tk.is(i + 1, '{') || (tk.is(i + 1, '(') && tk.closeOf[i + 1] === i + 2 && tk.is(i + 3, '{')))) return undefined;
    const raw = csharpInitializer(tk, j - 1, Math.min(tk.n, i + 4));
    return raw && { exprStart: j - 1, classTok: i, headerEnd: i, raw };
  },
  // `&vpcbgppeer.VpcBgpPeerConfig{ Key: ..., ... }` where a value goes (not a result type before a function's
  // body, `*T {`, nor the element type of a slice or map literal, `[]T{{...}}`).
  go: (tk, i) => {
    if (!tk.is(i + 1, '{')) return undefined;
    const j = chainStart(tk, i);
    const start = tk.is(j - 1, '&') ? j - 1 : j;
    if (start === 0 || !GO_VALUE_BEFORE.has(tk.text_(start - 1))) return undefined;
    const raw = goComposite(tk, start, i + 2);
    return raw && { exprStart: start, classTok: i, headerEnd: i, raw };
  },
};

const MATCHERS: Record<CdktfLanguage, Matcher> = {
  typescript: matchTypescript,
  python: matchPython,
  java: matchJava,
  csharp: matchCSharp,
  go: matchGo,
};

/** Nested config structs (`timeouts`, `lifecycle`) in each language. */
const NESTED: Record<CdktfLanguage, NestedReader> = {
  typescript: (tk, a) => (tk.is(a, '{') ? readBraceBody(tk, a, 'object') : undefined),
  python: (tk, a, b) => {
    if (tk.is(a, '{')) return readBraceBody(tk, a, 'object');
    const j = topLevel(tk, a, b, '(');
    if (j < 0 || !tk.isIdent(j - 1)) return undefined;
    for (let k = a; k < j; k++) if (!tk.isIdent(k) && !tk.is(k, '.')) return undefined;
    const raw = readKwargs(tk, j, 0);
    raw.className = tk.text_(j - 1);
    return raw;
  },
  java: (tk, a, b) => {
    const builder = builderCall(tk, a, b);
    if (!builder) return undefined;
    const raw = readChain(tk, builder.after, b);
    raw.className = builder.className;
    return raw;
  },
  csharp: csharpInitializer,
  go: goComposite,
};

/** `'` when most of the file's first 200 strings use it, else `"`; and the last token read. */
export function quoteStyle(tk: Tokens): { quote: string; readTo: number } {
  let single = 0;
  let double = 0;
  let i = 0;
  for (; i < tk.n && single + double < 200; i++) {
    if (tk.kind[i] !== STRING) continue;
    const c = tk.text.charCodeAt(tk.start[i]);
    if (c === 39) single++;
    else if (c === 34) double++;
  }
  return { quote: single > double ? "'" : '"', readTo: i };
}
