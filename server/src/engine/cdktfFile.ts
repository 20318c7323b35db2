/**
 * A CDKTF source file (TypeScript, Python, Java, C#, Go). Before any parsing a plain text check asks whether the
 * file names a generated class at all; an ordinary file costs that and nothing more. Otherwise its constructs
 * become ResourceInstances, analysed by the same rules as HCL, and kept current edit by edit (`CdktfParse`):
 * a keystroke re-tokenizes its lines and re-matches the construct it touched.
 *
 * What is computed for a construct is cached on it, for its current instance (instances are never mutated; a
 * changed construct gets a new one): its own findings for as long as the instance lives, its module findings for
 * as long as the module's signature (or what they read of it) is unchanged, as in `HclFile`, and the hashes of
 * its facts. A construct that moved (lines added above it) keeps its findings, moved the same way. The module
 * digest and the list of constructs with findings follow the constructs an edit removed and added, so that a
 * keystroke costs what it changed. Names in messages are shown as the user wrote them.
 */
import type { AnalysisContext } from '../analysis/context';
import type { Finding } from '../analysis/finding';
import { analyzeArgumentVersions, analyzeInModule, analyzeInstance } from '../analysis/rules';
import { withoutLeftOut, withoutMissing } from '../analysis/partial';
import { withoutErrorMakingFixes } from '../analysis/fixCheck';
import type { Position, Range, ResourceInstance } from '../model/types';
import { rangeContains, rangesOverlap, sameRange, shiftRange } from '../model/types';
import type { SchemaRegistry } from '../schema/registry';
import { defaultSchemas } from '../schema/registry';
import type { Construct } from '../syntax/cdktf/constructs';
import { compareConstructs, mentionsConstructs } from '../syntax/cdktf/constructs';
import { moved } from '../syntax/cdktf/copies';
import { offsetAt, patchLineStarts } from '../syntax/cdktf/lines';
import type { CdktfInstance } from '../syntax/cdktf/model';
import { CdktfParse, type ConstructChanges } from '../syntax/cdktf/parse';
import { inComment, insideToken } from '../syntax/cdktf/comments';
import { Source } from '../syntax/cdktf/source';
import { removableStatement } from '../syntax/cdktf/statements';
import { parseFailureMessage } from '../syntax/parseFailure';
import { lineStartsOf, type CdktfLanguage } from '../syntax/cdktf/tokens';
import type { TextChange } from '../syntax/hcl/document';
import type { Dialect } from '../writers/cdktf/render';
import { csharpCompletionWriter, csharpDialect, csharpWriter } from '../writers/csharp';
import { goCompletionWriter, goDialect, goWriter } from '../writers/go';
import { javaCompletionWriter, javaDialect, javaWriter } from '../writers/java';
import { pythonCompletionWriter, pythonDialect, pythonWriter } from '../writers/python';
import { typescriptCompletionWriter, typescriptDialect, typescriptWriter } from '../writers/typescript';
import type { CompletionWriter, TextEdit, Writer } from '../writers/writer';
import { cursorContext, locate } from './cdktfCursor';
import { importEditsFor, needsImports } from './cdktfImports';
import { laterFixes } from './laterFixes';
import { localizeFinding, localizeText, namerFor } from './cdktfMessages';
import type { Diagnostic } from './diagnostic';
import { toDiagnostic } from './hclFile';
import { factsHash, lane1, lane2 } from './factsDigest';
import type { Placed, SourceFile } from './sourceFile';
import { Dependencies, dependenciesKey, stillValid, tracked } from './trackedContext';

const LANGUAGES: Record<CdktfLanguage, { dialect: Dialect; writer: Writer; completion: CompletionWriter }> = {
  typescript: { dialect: typescriptDialect, writer: typescriptWriter, completion: typescriptCompletionWriter },
  python: { dialect: pythonDialect, writer: pythonWriter, completion: pythonCompletionWriter },
  java: { dialect: javaDialect, writer: javaWriter, completion: javaCompletionWriter },
  csharp: { dialect: csharpDialect, writer: csharpWriter, completion: csharpCompletionWriter },
  go: { dialect: goDialect, writer: goWriter, completion: goCompletionWriter },
};

/** Findings placed where the construct was when they were computed (`shift` lines below its instance's positions). */
interface Placement {
  shift: number;
  findings: Finding[];
}

/** What is cached for a construct's instance, on the construct (`Construct.memo`). */
interface Memo {
  instance: CdktfInstance;
  local?: Placement;
  module?: ModulePlacement;
  /** The hashes of the instance's facts, for the names in `factNames`. */
  facts?: [number, number];
  factNames?: Set<string>;
  /** The instance moved to where it is now. */
  absolute?: { shift: number; instance: CdktfInstance };
  /** Its place among the constructs when the module digest last weighed it. */
  rank?: number;
}

/**
 * What is cached for a value set later (`Found.memo`): its findings, placed where its variable's line was, for its
 * construct's schema and the provider version (and where the version comes from, which the messages name).
 */
interface LaterMemo {
  schema: unknown;
  version?: string;
  from?: string;
  placement: Placement;
}

/** The bases of the module digest's two polynomials (odd: every power is odd, so no construct weighs nothing). */
const DIGEST_BASE = [0x01000193, 0x5bd1e995] as const;

/** `base` to the power `n`, modulo 2^32. */
function power(base: number, n: number): number {
  let r = 1;
  for (let b = base; n > 0; n >>>= 1, b = Math.imul(b, b)) if (n & 1) r = Math.imul(r, b);
  return r;
}

function memo(c: Construct): Memo {
  let m = c.memo as Memo | undefined;
  if (!m || m.instance !== c.instance) c.memo = m = { instance: c.instance! };
  return m;
}

interface ModulePlacement extends Placement {
  signature: string;
  deps: Dependencies;
  /** `deps` as one string (made when first needed): constructs that read the same facts are re-checked once. */
  depsKey?: string;
  /** Read by the version rules directly, so not among `deps`. */
  providerVersion?: string;
}

export class CdktfFile implements SourceFile {
  readonly writer: Writer;
  readonly completionWriter: CompletionWriter;
  private readonly dialect: Dialect;
  private source: Source;
  private lineStarts: number[];
  /** `null`: the quick check found no generated class; `undefined`: not looked at since the text was replaced. */
  private parsed?: CdktfParse | null;
  /**
   * The module digest and the constructs with findings (for a signature), kept current from the parse's
   * changes, so that a keystroke costs the constructs it changed, not all of them. `pending...` holds the
   * changes each has not seen yet; undefined state means "start again from all constructs".
   */
  /** `list`: the constructs in the order the digest weighed them (a construct's `rank` is its index). */
  private digest?: { factNames: Set<string>; a: number; b: number; list: Construct[] };
  private pendingDigest: ConstructChanges[] = [];
  private withFindings?: { signature: string; constructs: Construct[] };
  private validity?: { signature: string; byDeps: Map<string, boolean> };
  private pendingFindings: ConstructChanges[] = [];
  /** Why the last whole-file parse failed (a parser bug), until the text changes. */
  private failure?: string;
  /** Whole-file parses since creation (for tests and measurements); edits after the first are incremental. */
  parses = 0;
  /** How many times the module digest weighed every construct (for tests and measurements). */
  digestWeighings = 0;

  /** How many class names the last edit matched again (for tests and measurements). */
  get rematched(): number {
    return this.parsed?.lastRematched ?? 0;
  }

  /** How many times the last edit looked whether a construct's variable is in scope at a set (for tests and measurements). */
  get scopeLookups(): number {
    return this.parsed?.lastScopeLookups ?? 0;
  }

  /** How many references the last edit resolved again, of constructs it did not touch (for tests and measurements). */
  get resolvedAgain(): number {
    return this.parsed?.lastResolvedAgain ?? 0;
  }

  /** How many edits read the file's imports and definitions again (for tests and measurements). */
  get classScans(): number {
    return this.parsed?.classScans ?? 0;
  }

  constructor(readonly language: CdktfLanguage, text: string, private readonly registry: SchemaRegistry = defaultSchemas()) {
    this.source = new Source(text);
    this.lineStarts = lineStartsOf(text);
    const l = LANGUAGES[language];
    this.dialect = l.dialect;
    this.writer = l.writer;
    this.completionWriter = l.completion;
  }

  /** The whole text, joined from its pieces (kept until the next edit). */
  get text(): string {
    return this.source.toString();
  }

  textLength(): number {
    return this.source.length;
  }

  hasText(text: string): boolean {
    return text.length === this.source.length && text === this.text;
  }

  hasUtf8(bytes: Uint8Array): boolean {
    return this.source.hasUtf8(bytes);
  }

  textHead(n: number): string {
    return this.source.slice(0, n);
  }

  update(changes: readonly TextChange[]): void {
    for (const c of changes) {
      if (!c.range) {
        this.source = new Source(c.text);
        this.lineStarts = lineStartsOf(c.text);
        this.parsed = undefined;
        this.forgetAll();
        continue;
      }
      const start = offsetAt(this.source, this.lineStarts, c.range.start);
      const end = Math.max(start, offsetAt(this.source, this.lineStarts, c.range.end));
      const edit = { start, end, text: c.text, removed: this.source.slice(start, end) };
      this.source.edit(start, end, c.text);
      const lineDelta = patchLineStarts(this.lineStarts, edit);
      if (!this.parsed) {
        // Not parsed, or no generated class named: look again when asked.
        this.parsed = undefined;
        this.forgetAll();
        continue;
      }
      const before = this.parsed.fullParses;
      let changes: ConstructChanges | undefined;
      try {
        changes = this.parsed.update(this.lineStarts, edit, lineDelta);
      } catch {
        // The text is edited already; the parse may be half updated: parse it all again when next asked.
        this.parsed = undefined;
        this.forgetAll();
        continue;
      }
      this.parses += this.parsed.fullParses - before;
      if (changes && this.pendingDigest.length + this.pendingFindings.length < 128) {
        // (Not asked for during many edits: starting again from all constructs is as cheap as catching up.)
        this.pendingDigest.push(changes);
        this.pendingFindings.push(changes);
      } else this.forgetAll();
      // As a fresh open would: a file that no longer names a generated class is not parsed at all.
      if (this.parsed.entries.length === 0 && !mentionsConstructs(this.source, this.registry)) this.parsed = null;
    }
  }

  /** The digest and the constructs with findings start again from all constructs. */
  private forgetAll(): void {
    this.digest = undefined;
    this.pendingDigest = [];
    this.withFindings = undefined;
    this.pendingFindings = [];
  }

  lineText(line: number): string {
    const ls = this.lineStarts;
    if (line < 0 || line >= ls.length) return '';
    const end = line + 1 < ls.length ? ls[line + 1] - 1 : this.source.length;
    return this.source.slice(ls[line], end).replace(/\r$/, '');
  }

  lineBreak(line: number): string {
    const ls = this.lineStarts;
    if (line < 0 || line + 1 >= ls.length) return '';
    const nl = ls[line + 1] - 1;
    return nl > ls[line] && this.source.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
  }

  /** From the tokens (`inComment`); undefined for a file not parsed, which names no construct to find anything in. */
  continuesToken(line: number): boolean {
    const tk = this.parse()?.tokens;
    return !!tk && line > 0 && line < this.lineStarts.length && insideToken(tk, this.lineStarts[line]);
  }

  commentAt(line: number, character: number): boolean | undefined {
    const tk = this.parse()?.tokens;
    if (!tk || line < 0 || line >= this.lineStarts.length) return undefined;
    return inComment(tk, this.lineStarts[line] + character);
  }

  /** The file's parse; made on first use after the text was replaced, and only when the quick check passes. */
  private parse(): CdktfParse | null {
    if (this.parsed === undefined) {
      this.failure = undefined;
      try {
        this.parsed = mentionsConstructs(this.source, this.registry) ? this.parseWhole() : null;
      } catch (e) {
        // A parser bug: the text stays current, unanalysed, and says so (`diagnostics`); the next edit tries again.
        this.parsed = null;
        this.failure = parseFailureMessage(e);
      }
      if (this.parsed) this.parses++;
      this.forgetAll();
    }
    return this.parsed;
  }

  private parseWhole(): CdktfParse {
    return new CdktfParse(this.source, this.language, this.registry, this.lineStarts);
  }

  /** The constructs, each with how far it moved since its instance was built. */
  constructs(): readonly Construct[] {
    return this.parse()?.constructs() ?? [];
  }

  /** A construct's instance with its positions where it is now. */
  absoluteOf(c: Construct): CdktfInstance {
    const instance = c.instance!;
    if (c.shift === 0) return instance;
    const m = memo(c);
    if (m.absolute?.shift !== c.shift) m.absolute = { shift: c.shift, instance: moved(instance, c.shift) };
    return m.absolute.instance;
  }

  tokens() {
    return this.parse()?.tokens;
  }

  *instances(): Generator<Placed<ResourceInstance>> {
    for (const c of this.constructs()) yield { value: c.instance!, base: c.shift };
  }

  cursorContext(pos: Position) {
    const at = cursorContext(this, pos);
    if (at && at.cursor.mode !== 'resourceType') {
      const shown = at.cursor.instance;
      const c = this.constructs().find((x) => x.instance === shown || this.absoluteOf(x) === shown);
      if (c) at.cursor.instance = this.seeing(c, shown as CdktfInstance);
    }
    return at;
  }

  /** A construct's instance as it sees the module: the constructs it can refer to are those in scope where it is written. */
  private seeing(c: Construct, instance: CdktfInstance): CdktfInstance {
    const parse = this.parsed!;
    return { ...instance, refersTo: (kind, type, name) => parse.refersTo(c, kind, type, name) };
  }

  locate(pos: Position) {
    return locate(this, pos);
  }

  laterAt(pos: Position): CdktfInstance | undefined {
    const parse = this.parse();
    if (!parse) return undefined;
    const tk = parse.tokens;
    return parse.laterAround(tk.indexAt(tk.offsetAt(pos)));
  }

  importEdits(insertText: string): TextEdit[] {
    // The whole text is joined only for the languages whose completions may need an import.
    return needsImports(this.language) ? importEditsFor(this.language, this.text, insertText) : [];
  }

  /** Names in prose as the construct writes them; links and code blocks stay as they are. */
  localizeHover(markdown: string, instance: ResourceInstance): string {
    const c = instance as CdktfInstance;
    const name = namerFor(c, this.registry);
    let code = false;
    return markdown
      .split('\n')
      .map((line) => {
        if (line.startsWith('```')) code = !code;
        if (code || line.startsWith('```') || line.startsWith('[')) return line;
        // The heading names the argument by its path (`**timeouts.create**`).
        line = line.replace(/^\*\*([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+)\*\*/, (all, path: string) => {
          const shown = name(path);
          return shown === undefined ? all : `**${shown}**`;
        });
        // A name alone in backticks (`Required: \`bgp_group_id\``) too.
        return localizeText(line, c, this.dialect, name, false, this.registry).replace(/`([a-z][a-z0-9]*(?:_[a-z0-9]+)+)`/g, (all, n: string) => {
          const shown = name(n);
          return shown === undefined ? all : '`' + shown + '`';
        });
      })
      .join('\n');
  }

  /** The instance's own findings (absolute positions, names as the user wrote them). */
  private own(instance: CdktfInstance, ctx: AnalysisContext): Finding[] {
    return this.shown(instance, analyzeInstance(instance, ctx));
  }

  /** Findings that read the rest of the module (references, other resources, provider version). */
  private inModule(instance: CdktfInstance, ctx: AnalysisContext): Finding[] {
    return this.shown(instance, analyzeInModule(instance, ctx));
  }

  /**
   * Findings as shown: without those resting on an argument a spread (`...base`, `**kwargs`) may hold or a
   * later set (`peer.enableBfd = true`) gives, with names as the user wrote them.
   */
  private shown(instance: CdktfInstance, findings: Finding[]): Finding[] {
    let f = findings;
    if (instance.open) f = withoutMissing(f);
    // Both: a spread drops what rests on an absence, a later set also what rests on a value written here.
    if (instance.setLater) f = withoutLeftOut(f, instance.setLater);
    return f.map((x) => localizeFinding(x, instance, this.dialect, this.registry));
  }

  /** Cached findings moved to where the construct is now, or undefined when they must be computed again. */
  private placed(p: Placement | undefined, shift: number): Finding[] | undefined {
    if (!p) return undefined;
    if (p.shift === shift) return p.findings;
    const d = shift - p.shift;
    p.findings = p.findings.map((f) => ({ ...f, range: shiftRange(f.range, d) }));
    p.shift = shift;
    return p.findings;
  }

  private localFindings(c: Construct, ctx: AnalysisContext): Finding[] {
    const m = memo(c);
    const cached = this.placed(m.local, c.shift);
    if (cached) return cached;
    const findings = this.own(this.absoluteOf(c), ctx).map(bare);
    m.local = { shift: c.shift, findings };
    return findings;
  }

  private moduleFindings(c: Construct, ctx: AnalysisContext): Finding[] {
    const m = memo(c);
    let p = m.module;
    // The module changed: keep the findings if nothing this construct read from it changed.
    if (p && p.signature !== ctx.signature) {
      if (p.providerVersion === ctx.providerVersion && this.stillValidIn(ctx, p)) p.signature = ctx.signature;
      else p = undefined;
    }
    const cached = this.placed(p, c.shift);
    if (cached) return cached;
    const t = tracked(ctx);
    const findings = this.inModule(this.absoluteOf(c), t).map(bare);
    m.module = { shift: c.shift, findings, signature: ctx.signature, deps: t.deps, providerVersion: ctx.providerVersion };
    return findings;
  }

  /** Does what `p`'s findings read read the same in `ctx`? Answered once per set of dependencies and signature. */
  private stillValidIn(ctx: AnalysisContext, p: ModulePlacement): boolean {
    if (this.validity?.signature !== ctx.signature) this.validity = { signature: ctx.signature, byDeps: new Map() };
    const key = (p.depsKey ??= dependenciesKey(p.deps));
    let ok = this.validity.byDeps.get(key);
    if (ok === undefined) this.validity.byDeps.set(key, (ok = stillValid(p.deps, ctx)));
    return ok;
  }

  diagnostics(ctx: AnalysisContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    if (this.parse() === null && this.failure) {
      const at = { line: 0, character: 0 };
      out.push(toDiagnostic({ code: 'syntax-error', severity: 'error', range: { start: at, end: at }, message: this.failure, fixes: [] }, 0));
    }
    for (const c of this.constructsWithFindings(ctx)) {
      for (const f of this.localFindings(c, ctx)) out.push(toDiagnostic(f, 0));
      for (const f of this.moduleFindings(c, ctx)) out.push(toDiagnostic(f, 0));
    }
    for (const f of this.laterFindings(ctx)) out.push(toDiagnostic(f, 0));
    return out;
  }

  /**
   * The findings on values set after a construct is built (`p.bfdMultiHop = 0`): those its own rules make on the
   * value, where it is written. Cached on each set (a set read again by an edit is a new one) for its
   * construct's schema and the provider version (`LaterMemo`), and moved by the lines its variable moved.
   */
  private laterFindings(ctx: AnalysisContext): Finding[] {
    const parse = this.parse();
    if (!parse) return [];
    const out: Finding[] = [];
    for (const set of parse.laterValues()) {
      const { schema } = set;
      const line = parse.tokens.line[set.at];
      let m = set.memo as LaterMemo | undefined;
      if (!m || m.schema !== schema || m.version !== ctx.providerVersion || m.from !== ctx.providerVersionFrom) {
        const instance = parse.laterInstance(set);
        const findings = instance ? this.onValue(instance, ctx).map(bare) : [];
        set.memo = m = { schema, version: ctx.providerVersion, from: ctx.providerVersionFrom, placement: { shift: line, findings } };
      }
      out.push(...this.placed(m.placement, line)!);
    }
    return out;
  }

  /** The constructs that have findings in `ctx`, in file order. */
  private constructsWithFindings(ctx: AnalysisContext): Construct[] {
    const has = (c: Construct) => this.localFindings(c, ctx).length > 0 || this.moduleFindings(c, ctx).length > 0;
    let w = this.withFindings;
    // Another module signature: every construct's module findings are checked again.
    if (!w || w.signature !== ctx.signature) {
      this.withFindings = w = { signature: ctx.signature, constructs: this.constructs().filter(has) };
      this.pendingFindings = [];
      return w.constructs;
    }
    if (this.pendingFindings.length === 0) return w.constructs;
    let list = w.constructs;
    for (const { removed, added } of this.pendingFindings) {
      if (removed.length) {
        const gone = new Set(removed);
        list = list.filter((c) => !gone.has(c));
      }
      for (const c of added) if (has(c)) list = [...list, c];
    }
    // Constructs keep their order; `tok` is where each is now.
    w.constructs = list.sort(compareConstructs);
    this.pendingFindings = [];
    return list;
  }

  /**
   * Digest of every instance's facts (`factsHash`, as for HCL files), in the constructs' order: the context keeps
   * them in that order (completion offers them so, a fix names the first), so constructs swapped by a cut and
   * paste must make another signature, as the same text opened fresh would. Each instance's pair of hashes is
   * cached with it and weighed by its rank (a polynomial in `DIGEST_BASE`). An edit that replaced constructs in
   * place (each new one at the rank of one it removed: a keystroke re-matches its construct) costs what it
   * changed; one that added or removed constructs, or moved one, weighs them all again.
   */
  moduleDigest(facts: Set<string>): string {
    let d = this.digest;
    if (d && d.factNames === facts && this.pendingDigest.length > 0 && !this.inPlace(d, facts)) d = undefined;
    if (!d || d.factNames !== facts) {
      const list = this.constructs().slice();
      this.digestWeighings++;
      d = { factNames: facts, a: 0, b: 0, list };
      let wa = 1;
      let wb = 1;
      for (let i = 0; i < list.length; i++) {
        const f = this.factsOf(list[i], facts);
        memo(list[i]).rank = i;
        d.a = (d.a + Math.imul(f[0], wa)) >>> 0;
        d.b = (d.b + Math.imul(f[1], wb)) >>> 0;
        wa = Math.imul(wa, DIGEST_BASE[0]);
        wb = Math.imul(wb, DIGEST_BASE[1]);
      }
      this.digest = d;
    }
    this.pendingDigest = [];
    return `${d.a.toString(36)}.${d.b.toString(36)}.${d.list.length}`;
  }

  /**
   * Applies the pending changes to `d` when each only replaced constructs in place; false (and `d` untouched)
   * when one did more. In place: each new construct takes the rank of the one it replaces, between the same two
   * neighbours or their replacements (the parts of one class name are replaced together). Read from the weighed
   * list, not from `constructs()`, which is a new array after every edit (a pass over every construct per keystroke).
   */
  private inPlace(d: NonNullable<CdktfFile['digest']>, facts: Set<string>): boolean {
    const list = d.list;
    /** Each construct of the list a change replaced, and what replaced it. */
    const replaced = new Map<Construct, Construct>();
    const steps: [number, Construct, Construct][] = [];
    for (const { removed, added } of this.pendingDigest) {
      if (removed.length !== added.length) return false;
      for (let i = 0; i < removed.length; i++) {
        const was = memo(removed[i]).rank;
        if (was === undefined || list[was] !== removed[i] || replaced.has(removed[i])) return false;
        replaced.set(removed[i], added[i]);
        steps.push([was, removed[i], added[i]]);
      }
    }
    const now = (c: Construct | undefined) => (c && replaced.get(c)) ?? c;
    for (const [was, , c] of steps) {
      const before = now(was > 0 ? list[was - 1] : undefined);
      const after = now(was + 1 < list.length ? list[was + 1] : undefined);
      if ((before && compareConstructs(before, c) >= 0) || (after && compareConstructs(after, c) <= 0)) return false;
    }
    for (const [rank, old, now] of steps) {
      const f = this.factsOf(old, facts);
      const g = this.factsOf(now, facts);
      memo(now).rank = rank;
      list[rank] = now;
      d.a = (d.a + Math.imul((g[0] - f[0]) | 0, power(DIGEST_BASE[0], rank))) >>> 0;
      d.b = (d.b + Math.imul((g[1] - f[1]) | 0, power(DIGEST_BASE[1], rank))) >>> 0;
    }
    return true;
  }

  private factsOf(c: Construct, facts: Set<string>): [number, number] {
    const m = memo(c);
    if (m.factNames !== facts) {
      factsHash([c.instance!], facts);
      m.facts = [lane1, lane2];
      m.factNames = facts;
    }
    return m.facts!;
  }

  /** Fresh findings (fixes computed against `ctx`) of the constructs meeting `range`, in absolute positions. */
  findingsAt(range: Range, ctx: AnalysisContext): Placed<Finding>[] {
    const out: Placed<Finding>[] = [];
    for (const c of this.constructs()) {
      const r = c.instance!.range;
      // A dict the call unpacks (`**config`) may be written lines above it: its entries count as the construct's.
      let first = r.start.line;
      for (const a of c.instance!.attributes) if (a.range.start.line < first) first = a.range.start.line;
      if (r.end.line + c.shift < range.start.line || first + c.shift > range.end.line) continue;
      const instance = this.seeing(c, this.absoluteOf(c));
      const here = [...this.own(instance, ctx), ...this.inModule(instance, ctx)].filter((f) => rangesOverlap(f.range, range));
      for (const f of withoutErrorMakingFixes(here, ctx)) out.push({ value: f, base: 0 });
    }
    const parse = this.parse();
    if (!parse) return out;
    const tk = parse.tokens;
    for (const set of parse.laterValues()) {
      // (`laterValues` gives only sets with a value.)
      if (tk.line[set.at + set.value![1] - 1] < range.start.line || tk.line[set.at] > range.end.line) continue;
      const instance = parse.laterInstance(set);
      if (!instance) continue;
      instance.removable = removableStatement(tk, set);
      const here = this.onValue(instance, ctx)
        .filter((f) => rangesOverlap(f.range, range))
        .map((f) => ({ ...f, fixes: laterFixes(f, instance) }));
      for (const f of withoutErrorMakingFixes(here, ctx)) out.push({ value: f, base: 0 });
    }
    return out;
  }

  /**
   * The findings of a value set later that rest on the value itself, or on the argument set (`ON_THE_NAME`, on the
   * property, setter or override path naming it): its own rules' and the provider version's of what it sets; a rule
   * about the construct as a whole is the construct's.
   */
  private onValue(instance: CdktfInstance, ctx: AnalysisContext): Finding[] {
    const on = (f: Finding) =>
      (rangeContains(instance.range, f.range.start) && rangeContains(instance.range, f.range.end)) || (ON_THE_NAME.has(f.code) && sameRange(f.range, instance.nameRange));
    const versions = analyzeArgumentVersions(instance, ctx);
    return [...this.own(instance, ctx), ...(versions.length ? this.shown(instance, versions) : versions)].filter(on);
  }
}

/** What is said of an argument set later where it is named: setting it at all is the mistake. */
const ON_THE_NAME: ReadonlySet<string> = new Set(['read-only-argument', 'unknown-argument', 'newer-than-provider', 'removed-in-provider', 'deprecated-argument']);

/** Only what a diagnostic shows: no fixes, no model objects. */
function bare(f: Finding): Finding {
  return { code: f.code, severity: f.severity, message: f.message, tags: f.tags, fixes: [], range: f.range };
}

