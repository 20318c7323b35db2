/**
 * A module file in Terraform's JSON syntax (`*.tf.json`): read for what it declares, so that the rest of the
 * module sees its resources (a reference to a group declared there is not "undeclared", a peer counted through
 * it is counted). Its own content is not checked: no diagnostics, completion or hover in it.
 *
 * `{"resource": {"TYPE": {"NAME": {…}}}, "data": {…}}` (and the names of variables, locals, outputs and module
 * calls, which an override file may override), a body also as a list of objects; string values that are
 * one `${…}` interpolation of a traversal (`"${alicloud_vpc_bgp_group.g.id}"`) are references, as Terraform
 * reads them.
 */
import type { AnalysisContext } from '../analysis/context';
import type { Attribute, Range, ResourceInstance, Value } from '../model/types';
import { hclCompletionWriter, hclWriter } from '../writers/hcl';
import type { Diagnostic } from './diagnostic';
import { factsHash, lane1, lane2, overrideDigest } from './factsDigest';
import type { Placed, SourceFile } from './sourceFile';
import { isJsonObject, jsonObjects, providerInJson, type ProviderSaid } from './providerRequirements';
import { WholeTextFile } from './wholeTextFile';

const KINDS = ['resource', 'data'] as const;
/** Top-level keys that declare one symbol per name, and the prefix of its key. */
const SYMBOL_KINDS = [
  ['variable', 'var'],
  ['locals', 'local'],
  ['output', 'output'],
  ['module', 'module'],
] as const;
const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
/** `${a.b[0].c}`, the whole string: a traversal Terraform reads as a reference. */
const INTERPOLATION = /^\$\{\s*([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\]|\["[^"]*"\]|\.\*|\[\*\])*)\s*\}$/;

export class TfJsonFile extends WholeTextFile implements SourceFile {
  readonly language = 'hcl' as const;
  readonly writer = hclWriter;
  readonly completionWriter = hclCompletionWriter;
  private found: ResourceInstance[] = [];
  /** What it says of the provider's version (a `versions.tf.json`), when it says something. */
  private said?: ProviderSaid;
  /** Its variables, local values, outputs and module calls, keyed as `SourceFile.forEachSymbolKey` says. */
  private symbols: string[] = [];

  /** `isOverride`: `override.tf.json` or `*_override.tf.json` (see `SourceFile.isOverride`). */
  constructor(text: string, readonly isOverride = false) {
    super(text);
    this.read();
  }

  *instances(): Iterable<Placed<ResourceInstance>> {
    for (const value of this.found) yield { base: 0, value };
  }

  diagnostics(_ctx: AnalysisContext): Diagnostic[] {
    return [];
  }

  findingsAt(): [] {
    return [];
  }

  cursorContext(): undefined {
    return undefined;
  }

  locate(): undefined {
    return undefined;
  }

  moduleDigest(facts: Set<string>): string {
    if (this.isOverride) return overrideDigest(this.text);
    return factsHash(this.found, facts) ? `${lane1.toString(36)}.${lane2.toString(36)}.1` : '0';
  }

  forEachSymbolKey(visit: (key: string) => void): void {
    for (const key of this.symbols) visit(key);
  }

  providerSaid(): ProviderSaid | undefined {
    return this.said;
  }

  protected read(): void {
    this.found = [];
    this.symbols = [];
    this.said = undefined;
    let json: unknown;
    try {
      json = JSON.parse(this.text);
    } catch {
      return; // not JSON (yet): it declares nothing
    }
    if (!isJsonObject(json)) return;
    this.said = providerInJson(json);
    // `{"variable": {"NAME": {…}}}`, the same for `output` and `module`; `{"locals": {"NAME": value}}`.
    for (const [word, prefix] of SYMBOL_KINDS) for (const names of jsonObjects(json[word])) for (const name of Object.keys(names)) this.symbols.push(`${prefix}:${name}`);
    for (const kind of KINDS) {
      for (const byType of jsonObjects(json[kind])) {
        for (const [type, byName] of Object.entries(byType)) {
          for (const names of jsonObjects(byName)) {
            for (const [name, body] of Object.entries(names)) {
              for (const b of jsonObjects(body)) this.found.push(this.instance(kind, type, name, b));
            }
          }
        }
      }
    }
  }

  private instance(kind: 'resource' | 'data', type: string, name: string, body: Record<string, unknown>): ResourceInstance {
    // Nothing reports a place in this file (no diagnostics, no declarations for go to definition): one empty range.
    const range = START;
    const attributes: Attribute[] = [];
    for (const [key, v] of Object.entries(body)) {
      const value = key === 'for_each' ? forEachValue(v) : valueOf(v);
      if (value) attributes.push({ name: key, sourceName: key, keyRange: range, value, valueRange: range, range });
    }
    return { kind, type, typeRange: range, name, nameRange: range, range, headerRange: range, bodyRange: range, attributes, blocks: [], closed: true, language: 'hcl' };
  }
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
