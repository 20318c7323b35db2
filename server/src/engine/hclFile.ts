/**
 * Analysis of one HCL file, per chunk: a chunk's findings are computed once and re-used until the chunk is
 * re-parsed, so a keystroke costs one block's analysis plus moving the other chunks' findings by a line delta.
 * What is cached lives on the chunk itself (`CHUNK_MEMO`): a keystroke walks thousands of chunks, and a
 * property read per chunk is what that walk can afford (WeakMap lookups were a third of a keystroke).
 */
import type { Attribute, Position, Range, ResourceInstance, Value } from '../model/types';
import { literalBool } from '../analysis/values';
import { rangeContains, rangesOverlap, shiftRange } from '../model/types';
import type { Finding } from '../analysis/finding';
import type { AnalysisContext } from '../analysis/context';
import { analyzeInModule, analyzeInstance } from '../analysis/rules';
import { withoutMissing } from '../analysis/partial';
import { withoutErrorMakingFixes } from '../analysis/fixCheck';
import { Chunk, CHUNK_MEMO, HclDocument } from '../syntax/hcl/document';
import { instancesOf, scopedInstancesOf, toBody, variableFileAttributes, variableFileValueAt } from '../syntax/hcl/toModel';
import type { Diagnostic } from './diagnostic';
import { refusedInVariableFile, tfvarsFindings } from './tfvars';
import type { Placed, SourceFile, VariableBlock } from './sourceFile';
import { variableReads, type ArgumentReads, type ChunkReads, type LocalReads } from '../syntax/hcl/variableReads';
import { cursorContext, locate, variableNameAt } from './hclCursor';
import { hclCompletionWriter, hclWriter } from '../writers/hcl';
import type { TextChange } from '../syntax/hcl/document';
import { joinSaid, providerSaidIn, type ProviderSaid } from './providerRequirements';
import { factsHash, lane1, lane2, overrideDigest } from './factsDigest';
import { missingBase, notSettledByOverrides, overrideFindings, terraformView } from '../analysis/override';
import { fileIdOf } from './moduleContext';
import { Dependencies, NO_DEPENDENCIES, stillValid, tracked } from './trackedContext';
import { Declaration, forEachDeclaration, forEachNamedDeclaration, forEachOutline, PackedOutline, Reference, referenceAt, references, referencesTo, SymbolHeader, symbolHeaders } from './hclSymbols';

const NO_FINDINGS: Finding[] = [];
const NULL: Value = { kind: 'null' };

const NO_DIAGNOSTICS: Diagnostic[] = [];
const NO_SCOPED: readonly ResourceInstance[] = Object.freeze([]);

/**
 * What this file caches with each chunk: one flat object per chunk (a large module has thousands of chunks,
 * and nested objects per cache were a megabyte of the heap and garbage on every change).
 */
class ChunkMemo {
  /** Findings of the chunk alone (syntax errors included), chunk-relative. */
  local: Finding[] | undefined = undefined;
  /** Findings that read the module, valid for `moduleSignature` (or while `moduleDeps` still hold). */
  module: Finding[] | undefined = undefined;
  moduleSignature = '';
  moduleDeps: Dependencies = NO_DEPENDENCIES;
  /** The chunk's pair of fact hashes for the fact set `factNames` (`factNames` unset: not computed). */
  factNames: Set<string> | undefined = undefined;
  hasFacts = false;
  factsA = 0;
  factsB = 0;
  /** What its `terraform` or `provider "alicloud"` block says of the provider's version (null: nothing). */
  provider: ProviderSaid | null | undefined = undefined;
  /** Its variables, local values, outputs and module calls (`symbolHeaders`). */
  symbols: readonly SymbolHeader[] | undefined = undefined;
  /** The chunk's diagnostics in absolute positions, for the line and findings they were made from. */
  placed: Diagnostic[] | undefined = undefined;
  placedLine = 0;
  placedLocal: Finding[] | undefined = undefined;
  placedModule: Finding[] | undefined = undefined;
  /** The chunk's variables, with their defaults and types (`forEachVariable`). */
  variables: readonly VariableBlock[] | undefined = undefined;
  /** What its resources' arguments and local values read of variables and local values (`forEachVariableRead`). */
  reads: ChunkReads | undefined = undefined;
  /** A `.tfvars` chunk's assignments in absolute positions, for the line they were placed at. */
  assignments: Attribute[] | undefined = undefined;
  assignmentsLine = 0;
}

function memo(chunk: Chunk): ChunkMemo {
  let m = chunk[CHUNK_MEMO] as ChunkMemo | undefined;
  if (!m) chunk[CHUNK_MEMO] = m = new ChunkMemo();
  return m;
}

export class HclFile implements SourceFile {
  readonly language = 'hcl' as const;
  readonly writer = hclWriter;
  readonly completionWriter = hclCompletionWriter;

  /**
   * `isOverride`: a Terraform override file, whose blocks are merged into the blocks of the same address in the
   * module's other files: they may hold only the arguments they change, and declare nothing of their own.
   */
  constructor(readonly doc: HclDocument, readonly isTfvars: boolean, readonly isOverride = false) {}

  get text(): string {
    return this.doc.text;
  }

  textLength(): number {
    return this.doc.length;
  }

  textHead(n: number): string {
    return this.doc.head(n);
  }

  hasUtf8(bytes: Uint8Array): boolean {
    return this.doc.hasUtf8(bytes);
  }

  hasText(text: string): boolean {
    return this.doc.hasText(text);
  }

  update(changes: readonly TextChange[]): void {
    this.doc.update(changes);
  }

  compact(): number {
    return this.doc.narrow();
  }

  forEachNamedDeclaration(wanted: (name: string) => boolean, visit: (name: string, kind: Declaration['kind'], selectionRange: Range) => void): void {
    forEachNamedDeclaration(this.doc, wanted, visit);
  }

  forEachDeclaration(visit: (d: Declaration) => void): void {
    forEachDeclaration(this.doc, visit);
  }

  outline(visit: (outline: PackedOutline, line: number) => void): void {
    forEachOutline(this.doc, visit);
  }

  references(): Reference[] {
    return references(this.doc);
  }

  referencesTo(key: string): Reference[] {
    return referencesTo(this.doc, key);
  }

  brokenBlockMatching(pattern: RegExp): number | undefined {
    for (const chunk of this.doc.chunks) if (chunk.errors.length && pattern.test(chunk.text)) return chunk.startLine;
    return undefined;
  }

  referenceAt(pos: Position): Reference | undefined {
    return referenceAt(this.doc, pos);
  }

  forEachSymbolKey(visit: (key: string) => void): void {
    const chunks = this.doc.chunks;
    for (let c = 0; c < chunks.length; c++) {
      const m = memo(chunks[c]);
      const headers = (m.symbols ??= symbolHeaders(chunks[c]));
      for (let i = 0; i < headers.length; i++) visit(headers[i].key);
    }
  }

  forEachVariable(visit: (v: VariableBlock) => void): void {
    const chunks = this.doc.chunks;
    for (let c = 0; c < chunks.length; c++) {
      const m = memo(chunks[c]);
      if (!m.variables) {
        // Only a chunk whose outline has a variable is read again (its tree may be gone: `Chunk.items` parses it).
        const headers = (m.symbols ??= symbolHeaders(chunks[c]));
        const found: VariableBlock[] = [];
        if (headers.some((h) => h.kind === 'variable')) {
          let lines: string[] | undefined;
          // As written (the model shortens a call's arguments: `list(…)`).
          const written = (range: Range) => {
            // Without the \r of a CRLF file: a type or default over several lines is shown and parsed as written.
            lines ??= chunks[c].text.split(/\r?\n/);
            return range.start.line === range.end.line
              ? lines[range.start.line].slice(range.start.character, range.end.character)
              : [lines[range.start.line].slice(range.start.character), ...lines.slice(range.start.line + 1, range.end.line), lines[range.end.line].slice(0, range.end.character)].join('\n');
          };
          for (const b of toBody(chunks[c].items).blocks) {
            if (b.name !== 'variable' || b.labels.length !== 1) continue;
            const attribute = (name: string) => b.attributes.find((a) => a.name === name);
            const type = attribute('type')?.valueRange;
            const dflt = attribute('default');
            const description = attribute('description')?.value;
            found.push({
              name: b.labels[0].value,
              line: b.nameRange.start.line,
              default: dflt?.value,
              defaultText: dflt && written(dflt.valueRange),
              type: type && written(type),
              description: description?.kind === 'string' ? description.value : undefined,
              sensitive: literalBool(attribute('sensitive')?.value ?? NULL) === true || undefined,
            });
          }
        }
        m.variables = found;
      }
      const line = chunks[c].startLine;
      for (const v of m.variables) visit(line === 0 ? v : { ...v, line: v.line + line });
    }
  }

  forEachVariableRead(argument: (r: ArgumentReads) => void, local: (r: LocalReads) => void): void {
    const chunks = this.doc.chunks;
    for (let c = 0; c < chunks.length; c++) {
      // Read when a variable file's hover first asks, and kept with the chunk (its tree may be gone: `Chunk.items`
      // parses it again).
      const m = memo(chunks[c]);
      const reads = (m.reads ??= variableReads(chunks[c].items));
      const line = chunks[c].startLine;
      for (const r of reads.arguments) argument(line === 0 ? r : { ...r, line: r.line + line });
      for (const r of reads.locals) local(r);
    }
  }

  /** What its chunks say of the provider's version, in order (`Workspace` merges the module's files'): one pass. */
  providerSaid(): ProviderSaid | undefined {
    // Most chunks say nothing: only those that do are gathered, not a list as long as the file's chunks (a module
    // context without a lock file reads this of every file).
    let parts: ProviderSaid[] | undefined;
    const chunks = this.doc.chunks;
    for (let c = 0; c < chunks.length; c++) {
      const said = this.providerOf(chunks[c]);
      if (said) (parts ??= []).push(said);
    }
    return parts && joinSaid(parts);
  }

  /** What one chunk says of the alicloud provider (null: nothing), read once per chunk. */
  private providerOf(chunk: Chunk): ProviderSaid | null {
    const m = memo(chunk);
    // A chunk without its syntax tree holds only resource and data blocks: no `terraform` or `provider` block.
    if (m.provider === undefined) m.provider = (chunk.hasSyntaxTree && providerSaidIn(chunk.items)) || null;
    return m.provider;
  }

  lineText(line: number): string {
    return this.doc.lineText(line);
  }

  lineBreak(line: number): string {
    return this.doc.lineBreak(line);
  }

  /** From the comments the lexer recorded for the chunk of `line`: a `#` in a heredoc or a string is in none. */
  commentAt(line: number, character: number): boolean {
    const chunk = this.doc.chunks[this.doc.chunkIndexAt(line)];
    if (!chunk) return false;
    const rel = line - chunk.startLine;
    for (const c of chunk.comments) {
      const { start, end } = c;
      if ((rel > start.line || (rel === start.line && character >= start.character)) && (rel < end.line || (rel === end.line && character < end.character))) return true;
    }
    return false;
  }

  cursorContext(pos: Position) {
    return cursorContext(this, pos);
  }

  variableNameAt(pos: Position) {
    return variableNameAt(this, pos);
  }

  locate(pos: Position) {
    return locate(this, pos);
  }

  /**
   * A chunk's findings where override files are in play (`analysis/override.ts`): an override file's blocks checked
   * merged into their originals, a block override files are merged into less what they settle. Undefined where
   * nothing is merged. Not cached: such blocks are few.
   */
  private asMerged(chunk: Chunk, local: Finding[], module: Finding[], ctx: AnalysisContext): Finding[] | undefined {
    const instances = instancesOf(chunk);
    if (this.isOverride) return instances.length ? overrideFindings([...local, ...module], instances, ctx, fileIdOf(this), this.blocksAt) : undefined;
    return isOverridden(chunk, ctx) ? notSettledByOverrides([...local, ...module], instances, ctx) : undefined;
  }

  /**
   * `findings` of an override file's chunk with its variables, local values, outputs and module calls that have
   * nothing to override (`findings` itself when there are none). Not cached: it rests on the other files.
   */
  private withMissingBases(chunk: Chunk, findings: Finding[], ctx: AnalysisContext): Finding[] {
    if (!ctx.declaresSymbol) return findings;
    const m = memo(chunk);
    const headers = (m.symbols ??= symbolHeaders(chunk));
    let out = findings;
    for (const h of headers) if (!ctx.declaresSymbol(h.key)) out = [...out, missingBase(h.kind, h.name, h.range)];
    return out;
  }

  /** This file's blocks of one address, in order (an override file may have two). */
  private readonly blocksAt = (kind: 'resource' | 'data', type: string, name: string): ResourceInstance[] =>
    this.instances()
      .map((p) => p.value)
      .filter((i) => i.kind === kind && i.type === type && i.name === name);

  scopedInstances(): readonly ResourceInstance[] {
    let out: ResourceInstance[] | undefined;
    const chunks = this.doc.chunks;
    for (let c = 0; c < chunks.length; c++) {
      const found = scopedInstancesOf(chunks[c]);
      for (let i = 0; i < found.length; i++) (out ??= []).push(found[i]);
    }
    return out ?? NO_SCOPED;
  }

  /** Every resource and data block, with the line its chunk starts at (an array: the module index walks it by index). */
  instances(): Placed<ResourceInstance>[] {
    const out: Placed<ResourceInstance>[] = [];
    const chunks = this.doc.chunks;
    for (let c = 0; c < chunks.length; c++) {
      const found = instancesOf(chunks[c]);
      for (let i = 0; i < found.length; i++) out.push({ value: found[i], base: chunks[c].startLine });
    }
    return out;
  }

  /** Findings of one chunk in chunk-relative positions (syntax errors included). */
  chunkFindings(chunk: Chunk, ctx: AnalysisContext, fresh = false): Finding[] {
    let f = fresh ? undefined : memo(chunk).local;
    if (!f) {
      f = chunk.errors.length ? chunk.errors.map((e) => ({ code: 'syntax-error', severity: 'error' as const, range: e.range, message: e.message, fixes: [] })) : NO_FINDINGS;
      if (this.isTfvars) {
        const refused = refusedInVariableFile(toBody(chunk.items));
        if (refused.length) f = f === NO_FINDINGS ? refused : f.concat(refused);
      } else {
        const instances = checkedInstancesOf(chunk);
        for (let i = 0; i < instances.length; i++) {
          let found = analyzeInstance(instances[i], ctx);
          if (this.isOverride) found = withoutMissing(found);
          if (found.length) f = f === NO_FINDINGS ? found : f.concat(found);
        }
      }
      if (!fresh) memo(chunk).local = f;
    }
    return f;
  }

  /**
   * Findings that depend on the rest of the module (references, other resources, provider version),
   * cached per chunk for as long as the module's signature stays the same.
   */
  moduleFindings(chunk: Chunk, ctx: AnalysisContext, fresh = false): Finding[] {
    if (this.isTfvars) return [];
    const m = fresh ? undefined : memo(chunk);
    if (m?.module) {
      if (m.moduleSignature === ctx.signature) return m.module;
      // The module changed: keep the findings if nothing this block read from it changed.
      if (stillValid(m.moduleDeps, ctx)) {
        m.moduleSignature = ctx.signature;
        return m.module;
      }
    }
    let findings = NO_FINDINGS;
    let deps = NO_DEPENDENCIES;
    const instances = checkedInstancesOf(chunk);
    let t: ReturnType<typeof tracked> | undefined;
    for (let i = 0; i < instances.length; i++) {
      const instance = instances[i];
      if (!ctx.schemas.get(instance.kind, instance.type)) continue;
      t ??= tracked(ctx);
      let found = analyzeInModule(instance, t);
      // An override block may leave out what the block it overrides has (see `chunkFindings`).
      if (this.isOverride) found = withoutMissing(found);
      if (found.length) findings = findings === NO_FINDINGS ? found : findings.concat(found);
    }
    if (t) deps = t.deps;
    if (m) {
      m.module = findings;
      m.moduleSignature = ctx.signature;
      m.moduleDeps = deps;
    }
    return findings;
  }

  /**
   * Digest of every instance's facts (see `moduleContext.ts`, hashed by `factsDigest.ts`): each chunk's pair of hashes is cached with
   * the chunk and the pairs are combined in order, so a keystroke costs one step per chunk, not a rehash. In order,
   * not summed: the context keeps its blocks in the order they are written (the first of a name declared twice is
   * the one other blocks' rules read, completion offers them in that order), so two blocks swapped by a cut and
   * paste make another context, as the same text opened fresh would.
   */
  moduleDigest(facts: Set<string>): string {
    // What an override file writes changes the findings of the blocks it is merged into, whatever it writes.
    if (this.isOverride) return overrideDigest(this.doc.text);
    let a = 0;
    let b = 0;
    let n = 0;
    const chunks = this.doc.chunks;
    for (let i = 0; i < chunks.length; i++) {
      const m = memo(chunks[i]);
      if (m.factNames !== facts) {
        // Scoped data blocks too: their names count among the module's (`scopedDeclarations`).
        m.hasFacts = factsHash(checkedInstancesOf(chunks[i]), facts);
        if (m.hasFacts) {
          m.factsA = lane1;
          m.factsB = lane2;
        }
        m.factNames = facts;
      }
      if (m.hasFacts) {
        a = (Math.imul(a, 31) + m.factsA) & 0x3fffffff;
        b = (Math.imul(b, 37) + m.factsB) & 0x3fffffff;
        n++;
      }
    }
    return `${a.toString(36)}.${b.toString(36)}.${n}`;
  }

  diagnostics(ctx: AnalysisContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    const overrides = ctx.hasOverrides?.() ?? false;
    // Indexed loops (see `analysis/rules/index.ts`): this walks every chunk, on the first analysis too.
    const chunks = this.doc.chunks;
    for (let c = 0; c < chunks.length; c++) {
      const chunk = chunks[c];
      // A chunk that did not move and whose module findings are unchanged keeps its diagnostics.
      let local = this.chunkFindings(chunk, ctx);
      let module = this.moduleFindings(chunk, ctx);
      const merged = overrides ? this.asMerged(chunk, local, module, ctx) : undefined;
      if (merged) {
        local = merged;
        module = NO_FINDINGS;
      }
      if (this.isOverride) local = this.withMissingBases(chunk, local, ctx);
      const m = memo(chunk);
      if (!m.placed || m.placedLine !== chunk.startLine || m.placedLocal !== local || m.placedModule !== module) {
        m.placed = local.length + module.length === 0 ? NO_DIAGNOSTICS : [...local, ...module].map((f) => toDiagnostic(f, chunk.startLine));
        m.placedLine = chunk.startLine;
        m.placedLocal = local;
        m.placedModule = module;
      }
      const placed = m.placed;
      for (let i = 0; i < placed.length; i++) out.push(placed[i]);
    }
    if (this.isTfvars) for (const f of tfvarsFindings(this.variableAssignments(), ctx, this)) out.push(toDiagnostic(f, 0));
    return out;
  }

  /**
   * A `.tfvars` file's top-level assignments, in absolute positions. Kept per chunk (and its line): a keystroke
   * reads the model again of the chunk it changed only, and the folder's other variable files read none.
   */
  variableAssignments(): Attribute[] {
    if (!this.isTfvars) return [];
    const out: Attribute[] = [];
    const chunks = this.doc.chunks;
    for (let c = 0; c < chunks.length; c++) {
      const found = chunkAssignments(chunks[c]);
      for (let i = 0; i < found.length; i++) out.push(found[i]);
    }
    return out;
  }

  valueRangeAt(a: Attribute, keys: readonly (number | string)[]): Range | undefined {
    if (!this.isTfvars) return undefined;
    const chunk = this.doc.chunks[this.doc.chunkIndexAt(a.keyRange.start.line)];
    const line = a.keyRange.start.line - chunk.startLine;
    const item = chunk.items.find((x) => x.type === 'Attribute' && x.name === a.name && x.nameRange.start.line === line && x.nameRange.start.character === a.keyRange.start.character);
    const at = item?.type === 'Attribute' && item.expr ? variableFileValueAt(item.expr, keys) : undefined;
    return at && shiftRange(at.range, chunk.startLine);
  }

  /** The assignment whose name is at `pos`: the chunk at its line is read, not the file. */
  assignmentAt(pos: Position): Attribute | undefined {
    if (!this.isTfvars) return undefined;
    const chunk = this.doc.chunks[this.doc.chunkIndexAt(pos.line)];
    return chunk && chunkAssignments(chunk).find((a) => rangeContains(a.keyRange, pos));
  }

  /** Findings (fresh, with fixes computed against the current context) whose range meets `range`. */
  findingsAt(range: Range, ctx: AnalysisContext): Placed<Finding>[] {
    const out: Placed<Finding>[] = [];
    if (this.isTfvars) {
      for (const finding of tfvarsFindings(this.variableAssignments(), ctx, this)) if (rangesOverlap(finding.range, range)) out.push({ value: finding, base: 0 });
      return out;
    }
    const first = this.doc.chunkIndexAt(range.start.line);
    const last = this.doc.chunkIndexAt(range.end.line);
    for (let i = first; i <= last; i++) {
      const chunk = this.doc.chunks[i];
      const local = this.chunkFindings(chunk, ctx, true);
      const module = this.moduleFindings(chunk, ctx, true);
      let all = (ctx.hasOverrides?.() && this.asMerged(chunk, local, module, ctx)) || [...local, ...module];
      if (this.isOverride) all = this.withMissingBases(chunk, all, ctx);
      const here = all.filter((f) => rangesOverlap(shiftRange(f.range, chunk.startLine), range));
      const view = terraformView(ctx, this.isOverride ? { file: fileIdOf(this), inFile: this.blocksAt } : undefined);
      for (const finding of withoutErrorMakingFixes(here, ctx, view)) out.push({ value: finding, base: chunk.startLine });
    }
    return out;
  }
}

/**
 * The blocks of a chunk that its findings are about: its resource and data blocks, and the data blocks scoped to
 * its `check` blocks, which declare nothing but are checked as data sources all the same.
 */
export function checkedInstancesOf(chunk: Chunk): ResourceInstance[] {
  const scoped = scopedInstancesOf(chunk);
  return scoped.length ? instancesOf(chunk).concat(scoped) : instancesOf(chunk);
}

/** A `.tfvars` chunk's assignments in absolute positions, kept with the chunk for the line they were placed at. */
function chunkAssignments(chunk: Chunk): Attribute[] {
  const m = memo(chunk);
  const d = chunk.startLine;
  if (!m.assignments || m.assignmentsLine !== d) {
    m.assignments = variableFileAttributes(chunk.items).map((a) => {
      // Every field named: model nodes keep their ranges behind getters, which a spread would not copy.
      const { name, sourceName, value, incomplete } = a;
      return { name, sourceName, value, incomplete, keyRange: shiftRange(a.keyRange, d), valueRange: shiftRange(a.valueRange, d), range: shiftRange(a.range, d) };
    });
    m.assignmentsLine = d;
  }
  return m.assignments;
}

/** Is a block of this chunk one that an override file is merged into? */
function isOverridden(chunk: Chunk, ctx: AnalysisContext): boolean {
  if (!ctx.overridesOf) return false;
  const instances = instancesOf(chunk);
  for (let i = 0; i < instances.length; i++) if (instances[i].name && ctx.overridesOf(instances[i].kind, instances[i].type, instances[i].name).length) return true;
  return false;
}

export function toDiagnostic(f: Finding, base: number): Diagnostic {
  const d: Diagnostic = { code: f.code, severity: f.severity, range: shiftRange(f.range, base), message: f.message };
  if (f.tags) d.tags = f.tags;
  return d;
}

