/**
 * A module file in Terraform's JSON syntax (`*.tf.json`): read for what it declares, so that the rest of the
 * module sees its resources (a reference to a group declared there is not "undeclared", a peer counted through
 * it is counted), and checked as a `.tf` file is. A primary file's blocks get the local and module rules'
 * findings (less what the module's override files settle, as a `.tf` block does); an override file
 * (`override.tf.json`, `x_override.tf.json`) gets the findings an override `.tf` gets for the blocks it writes
 * (`analysis/override.ts`). Findings are placed on the keys and values written, with quick fixes written in JSON
 * (`writers/json.ts`); no ignore comment (JSON has none).
 * Hover on the keys of a block (`locate`) is a `.tf` file's; no completion.
 *
 * `{"resource": {"TYPE": {"NAME": {…}}}, "data": {…}}` (and the names of variables, locals, outputs and module
 * calls, which an override file may override), a body also as a list of objects; string values that are
 * one `${…}` interpolation of a traversal (`"${alicloud_vpc_bgp_group.g.id}"`) are references, as Terraform
 * reads them. In a body, a key the resource's schema names as a nested block (`timeouts`), or `lifecycle`, is a
 * block, `dynamic` one per label (as HCL's); `provisioner` and `connection`, which JSON writes keyed by their labels,
 * are left out, and so is a `"//"` property, which Terraform reads as a comment in a block's body.
  */
import type { AnalysisContext } from '../analysis/context';
import type { Finding } from '../analysis/finding';
import { withoutErrorMakingFixes } from '../analysis/fixCheck';
import { missingBase, notSettledByOverrides, overrideFindings, terraformView } from '../analysis/override';
import { withoutMissing } from '../analysis/partial';
import { analyzeInModule, analyzeInstance } from '../analysis/rules';
import type { Attribute, Block, Position, Range, ResourceInstance, Value } from '../model/types';
import { rangeContains, rangesOverlap } from '../model/types';
import { jsonWriter } from '../writers/json';
import type { SchemaRegistry } from '../schema/registry';
import { defaultSchemas } from '../schema/registry';
import type { BlockSchema } from '../schema/types';
import { jsonTree, objectNodes, parseErrorRange, plainValue, type JsonNode, type JsonMember } from '../syntax/jsonTree';
import type { Declaration } from './hclSymbols';
import { factsHash, lane1, lane2, overrideDigest } from './factsDigest';
import { fileIdOf } from './moduleContext';
import type { Located, Placed, SourceFile } from './sourceFile';
import { isJsonObject, providerInJson, type ProviderSaid } from './providerRequirements';
import { JsonFile } from './jsonFile';

const KINDS = ['resource', 'data'] as const;
/** Top-level keys that declare one symbol per name, and the prefix of its key. */
const SYMBOL_KINDS = [
  ['variable', 'var'],
  ['locals', 'local'],
  ['output', 'output'],
  ['module', 'module'],
] as const;
type JsonObject = JsonNode & { kind: 'object' };

/** `${a.b[0].c}`, the whole string: a traversal Terraform reads as a reference. */
const INTERPOLATION = /^\$\{\s*([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\]|\["[^"]*"\]|\.\*|\[\*\])*)\s*\}$/;
/** Meta-argument blocks JSON writes keyed by their labels (`"provisioner": {"local-exec": {…}}`): not modelled. */
const LABELLED_META = new Set(['provisioner', 'connection']);
/** The property a JSON block body may write as a comment: Terraform ignores it. */
const COMMENT = '//';

export class TfJsonFile extends JsonFile implements SourceFile {
  override readonly writer = jsonWriter;
  private found: ResourceInstance[] = [];
  /** What it says of the provider's version (a `versions.tf.json`), when it says something. */
  private said?: ProviderSaid;
  /** Its variables, local values, outputs and module calls, keyed as `SourceFile.forEachSymbolKey` says, with where their names are written. */
  private symbols: { key: string; kind: 'variable' | 'local' | 'output' | 'module'; name: string; range: Range }[] = [];
  /** Why Terraform cannot read it. */
  private error?: Finding;
  /** A primary file's local findings, and its module findings with the module signature they were made for, until the text changes. */
  private local?: Finding[];
  private module?: { signature: string; findings: Finding[] };

  /** `isOverride`: `override.tf.json` or `*_override.tf.json` (see `SourceFile.isOverride`). */
  constructor(
    text: string,
    readonly isOverride = false,
    private readonly registry: SchemaRegistry = defaultSchemas(),
  ) {
    super(text);
    this.read();
  }

  *instances(): Iterable<Placed<ResourceInstance>> {
    for (const value of this.found) yield { base: 0, value };
  }

  /**
   * The file's findings. A primary file's blocks: their own and the module's rules, less what override files settle
   * (as for a `.tf` block). An override file's: its blocks checked merged into the blocks they override, less what
   * rests on what they leave out, and what has nothing to override. `fresh`: not from the cache, as code actions
   * ask (fixes made against the current module).
   */
  protected findings(ctx: AnalysisContext, fresh = false): Finding[] {
    if (this.error) return [this.error];
    if (!this.isOverride) {
      const found = [...this.localFindings(ctx, fresh), ...this.moduleFindings(ctx, fresh)];
      return ctx.hasOverrides?.() ? notSettledByOverrides(found, this.found, ctx) : found;
    }
    let found: Finding[] = [];
    for (const instance of this.found) {
      if (!ctx.schemas.get(instance.kind, instance.type)) continue;
      found.push(...withoutMissing(analyzeInstance(instance, ctx)), ...withoutMissing(analyzeInModule(instance, ctx)));
    }
    found = overrideFindings(found, this.found, ctx, fileIdOf(this), this.blocksAt);
    if (ctx.declaresSymbol) for (const s of this.symbols) if (!ctx.declaresSymbol(s.key)) found.push(missingBase(s.kind, s.name, s.range));
    return found;
  }

  /**
   * Findings (fresh) whose range meets `range`, with only the fixes that add no error to their block as Terraform
   * sees it (`analysis/fixCheck.ts`, merged with the module's override files' blocks), as in a `.tf` file.
   */
  override findingsAt(range: Range, ctx: AnalysisContext): Placed<Finding>[] {
    const here = this.freshFindings(ctx).filter((f) => rangesOverlap(f.range, range));
    const view = terraformView(ctx, this.isOverride ? { file: fileIdOf(this), inFile: this.blocksAt } : undefined);
    return withoutErrorMakingFixes(here, ctx, view).map((value) => ({ value, base: 0 }));
  }

  /** What the block's own rules find, kept until the text changes (they read no other file). */
  private localFindings(ctx: AnalysisContext, fresh: boolean): Finding[] {
    if (this.local && !fresh) return this.local;
    const found: Finding[] = [];
    for (const instance of this.found) if (ctx.schemas.get(instance.kind, instance.type)) found.push(...analyzeInstance(instance, ctx));
    return fresh ? found : (this.local = found);
  }

  /** What the module's rules find, kept while the module's signature stays the same. */
  private moduleFindings(ctx: AnalysisContext, fresh: boolean): Finding[] {
    if (this.module?.signature === ctx.signature && !fresh) return this.module.findings;
    const found: Finding[] = [];
    for (const instance of this.found) if (ctx.schemas.get(instance.kind, instance.type)) found.push(...analyzeInModule(instance, ctx));
    if (!fresh) this.module = { signature: ctx.signature, findings: found };
    return found;
  }

  /** This file's blocks of one address, in order (an override file may have two). */
  private readonly blocksAt = (kind: 'resource' | 'data', type: string, name: string): ResourceInstance[] =>
    this.found.filter((i) => i.kind === kind && i.type === type && i.name === name);

  moduleDigest(facts: Set<string>): string {
    if (this.isOverride) return overrideDigest(this.text);
    return factsHash(this.found, facts) ? `${lane1.toString(36)}.${lane2.toString(36)}.1` : '0';
  }

  forEachSymbolKey(visit: (key: string) => void): void {
    for (const s of this.symbols) visit(s.key);
  }

  /** For workspace symbols: what the file writes, named as the outline of a `.tf` names it (`var.asn`). */
  forEachNamedDeclaration(wanted: (name: string) => boolean, visit: (name: string, kind: Declaration['kind'], selectionRange: Range) => void): void {
    for (const i of this.found) {
      const name = `${i.kind === 'data' ? 'data.' : ''}${i.type}.${i.name}`;
      if (wanted(name)) visit(name, i.kind, i.nameRange);
    }
    for (const s of this.symbols) {
      const name = `${s.key.slice(0, s.key.indexOf(':'))}.${s.name}`;
      if (wanted(name)) visit(name, s.kind, s.range);
    }
  }

  /** The block around `pos`, for the hover on its keys (`analysis/hover.ts`, as in a `.tf` file). */
  override locate(pos: Position): Located | undefined {
    const instance = this.found.find((i) => rangeContains(i.range, pos) || rangeContains(i.typeRange, pos));
    return instance && { instance, blocks: [], base: 0, rel: pos };
  }

  providerSaid(): ProviderSaid | undefined {
    return this.said;
  }

  protected read(): void {
    this.found = [];
    this.symbols = [];
    this.said = undefined;
    this.error = undefined;
    this.local = undefined;
    this.module = undefined;
    let json: unknown;
    try {
      json = JSON.parse(this.text);
    } catch (e) {
      // Not JSON (yet): it declares nothing, and says why Terraform cannot read it.
      this.error = { code: 'syntax-error', severity: 'error', range: parseErrorRange(this.text, e), message: `Terraform cannot read this file: it is not valid JSON (${(e as Error).message})`, fixes: [] };
      return;
    }
    if (!isJsonObject(json)) return;
    this.said = providerInJson(json);
    // An object, as JSON.parse said.
    const top = jsonTree(this.text) as JsonNode & { kind: 'object' };
    // `{"variable": {"NAME": {…}}}`, the same for `output` and `module`; `{"locals": {"NAME": value}}`.
    for (const [word, prefix] of SYMBOL_KINDS) {
      for (const m of top.members) {
        if (m.key !== word) continue;
        for (const names of objectNodes(m.value)) for (const n of names.members) this.symbols.push({ key: `${prefix}:${n.key}`, kind: prefix === 'var' ? 'variable' : prefix, name: n.key, range: n.keyRange });
      }
    }
    for (const kind of KINDS) {
      for (const m of top.members) {
        if (m.key !== kind) continue;
        for (const byType of objectNodes(m.value)) {
          for (const t of byType.members) {
            for (const names of objectNodes(t.value)) {
              for (const n of names.members) {
                objectNodes(n.value).forEach((body, i) => this.found.push(this.instance(kind, t, n, body, i > 0)));
              }
            }
          }
        }
      }
    }
  }

  /**
   * `later`: a body past the first of a list (`"p": [{...}, {...}]`), named by its own `{`, so that what is said of it
   * (declared twice, missing an argument) is not said of the first on their one key.
   */
  private instance(kind: 'resource' | 'data', type: JsonMember, name: JsonMember, body: JsonObject, later = false): ResourceInstance {
    const schema = this.registry.get(kind, type.key);
    const { attributes, blocks } = bodyOf(body, schema?.blocks, true);
    const nameRange = later ? openingBrace(body) : name.keyRange;
    const range = { start: nameRange.start, end: body.range.end };
    return { kind, type: type.key, typeRange: type.keyRange, name: name.key, nameRange, range, headerRange: nameRange, bodyRange: body.range, attributes, blocks, closed: true, language: 'hcl' };
  }
}

/**
 * A body's arguments and nested blocks: a key `blocks` (the schema's) names, or `lifecycle` at the top, is a block;
 * `dynamic` is one block per label, `{"dynamic": {"timeouts": {"for_each": …, "content": {…}}}}`, modelled as HCL's
 * `dynamic "timeouts" { … content { … } }` is (its content checked as the block it makes, `rules/body.ts`).
 */
function bodyOf(body: JsonObject, blocks: Record<string, BlockSchema> | undefined, root: boolean): { attributes: Attribute[]; blocks: Block[] } {
  const out = { attributes: [] as Attribute[], blocks: [] as Block[] };
  for (const m of body.members) {
    if (m.key === COMMENT) continue;
    if (m.key === 'dynamic' && !blocks?.dynamic) {
      for (const byLabel of objectNodes(m.value)) {
        for (const l of byLabel.members) {
          // The whole `"dynamic"` member when it holds this one body: what removing the block removes.
          const whole = byLabel === m.value && byLabel.members.length === 1 ? m : undefined;
          for (const [b, range] of bodiesOf(l, whole)) out.blocks.push(dynamicBlock(m, l, b, range, blocks?.[l.key]));
        }
      }
      continue;
    }
    if (root && LABELLED_META.has(m.key)) continue;
    const nested = blocks?.[m.key];
    if ((nested || (root && m.key === 'lifecycle')) && objectNodes(m.value).length) {
      for (const [b, range, nameRange] of bodiesOf(m)) out.blocks.push({ name: m.key, sourceName: m.key, nameRange, labels: [], range, bodyRange: b.range, ...bodyOf(b, nested?.blocks, false), closed: true });
      continue;
    }
    out.attributes.push(attributeOf(m));
  }
  return out;
}

/**
 * The bodies a block's member writes, each with the range that removing it removes: the member (`whole`, else
 * `m`) when it writes one, else the body's object in the list (with its comma, as a writer removes a member); and
 * where its name is: the key, but for a body past the first of a list its own `{`, so that what is said of one
 * (`duplicate-block`: "this one repeats the one above") is not said of all on one key.
 */
function bodiesOf(m: JsonMember, whole: JsonMember = m): [JsonObject, Range, Range][] {
  const bodies = objectNodes(m.value);
  const alone = m.value.kind === 'object' || (m.value.kind === 'array' && m.value.items.length === 1);
  return bodies.map((b, i) => [
    b,
    alone ? { start: whole.keyRange.start, end: whole.value.range.end } : b.range,
    i === 0 ? m.keyRange : openingBrace(b),
  ]);
}

/** Where a body past the first of a list is named: its own `{`. */
function openingBrace(body: JsonObject): Range {
  const { start } = body.range;
  return { start, end: { line: start.line, character: start.character + 1 } };
}

/** A `dynamic` block of one label: `for_each`, `iterator` (a name, as HCL's bare word) and `labels`, and its `content` block. */
function dynamicBlock(m: JsonMember, label: JsonMember, body: JsonObject, range: Range, made: BlockSchema | undefined): Block {
  const attributes: Attribute[] = [];
  const blocks: Block[] = [];
  for (const k of body.members) {
    if (k.key === COMMENT) continue;
    if (k.key === 'content') {
      for (const [c, r] of bodiesOf(k)) blocks.push({ name: 'content', sourceName: 'content', nameRange: k.keyRange, labels: [], range: r, bodyRange: c.range, ...bodyOf(c, made?.blocks, false), closed: true });
      continue;
    }
    const a = attributeOf(k);
    const name = plainValue(k.value);
    // `"iterator": "t"` names the element as HCL's `iterator = t` does: a one-step traversal.
    if (k.key === 'iterator' && typeof name === 'string' && /^[A-Za-z_][\w-]*$/.test(name)) a.value = { kind: 'reference', path: [name], text: name };
    attributes.push(a);
  }
  return { name: 'dynamic', sourceName: 'dynamic', nameRange: m.keyRange, labels: [{ value: label.key, range: label.keyRange }], range, bodyRange: body.range, attributes, blocks, closed: true };
}

/** An argument as written: its value as the analysis can know it (`valueOf`, `forEachValue`). */
function attributeOf(m: JsonMember): Attribute {
  const plain = plainValue(m.value);
  const value = (m.key === 'for_each' ? forEachValue(plain) : valueOf(plain)) ?? { kind: 'unknown', text: '' };
  return { name: m.key, sourceName: m.key, keyRange: m.keyRange, value, valueRange: m.value.range, range: { start: m.keyRange.start, end: m.value.range.end } };
}

/** What the analysis can know of a JSON value: literals, references written as one interpolation, else unknown. */
function valueOf(v: unknown): Value | undefined {
  if (v === null) return { kind: 'null' };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (typeof v === 'number') return { kind: 'number', value: v, raw: String(v) };
  if (typeof v === 'string') {
    const m = INTERPOLATION.exec(v);
    if (m) return { kind: 'reference', path: pathOf(m[1]), text: m[1] };
    return v.includes('${') ? { kind: 'unknown', text: v } : { kind: 'string', value: v };
  }
  if (Array.isArray(v) || isJsonObject(v)) return { kind: 'unknown', text: JSON.stringify(v) };
  return undefined;
}

/**
 * A `for_each` value: an object written out gives its keys (the instance keys, `g["east"]`), as in HCL, unless a
 * key is a template (`"${var.k}"`), whose value is not known here.
 */
function forEachValue(v: unknown): Value | undefined {
  if (!isJsonObject(v)) return valueOf(v);
  const keys = Object.keys(v);
  return keys.some((k) => k.includes('${')) ? valueOf(v) : { kind: 'object', keys };
}

/** `a.b[0].c` → `a`, `b`, `[0]`, `c`: the steps as the HCL model writes them. */
function pathOf(traversal: string): string[] {
  const path: string[] = [];
  for (const m of traversal.matchAll(/([A-Za-z_][\w-]*)|(\[[^\]]*\])|\.\*/g)) path.push(m[1] ?? (m[2] ? m[2] : '[*]'));
  return path;
}
