/**
 * A CDKTF source file (TypeScript, Python, Java, C#, Go). Before any parsing a plain text check asks whether the
 * file names a generated class at all; an ordinary file costs that and nothing more. Otherwise the file is
 * tokenized and its constructs become ResourceInstances (positions absolute, so `base` is always 0), analysed
 * by the same rules as HCL. Findings are cached per construct text, so a keystroke re-analyses only the
 * construct it touched; names in messages are shown as the user wrote them.
 */
import type { AnalysisContext } from '../analysis/context';
import type { Finding } from '../analysis/finding';
import { analyzeInModule, analyzeInstance } from '../analysis/rules';
import type { Position, Range, ResourceInstance } from '../model/types';
import { shiftRange } from '../model/types';
import type { SchemaRegistry } from '../schema/registry';
import { defaultSchemas } from '../schema/registry';
import { mentionsConstructs, parseConstructs, ParsedFile } from '../syntax/cdktf/constructs';
import type { CdktfInstance } from '../syntax/cdktf/model';
import { lineStartsOf, type CdktfLanguage } from '../syntax/cdktf/tokens';
import type { TextChange } from '../syntax/hcl/document';
import type { Dialect } from '../writers/cdktf/render';
import { csharpCompletionWriter, csharpDialect, csharpWriter } from '../writers/csharp';
import { goCompletionWriter, goDialect, goWriter } from '../writers/go';
import { javaCompletionWriter, javaDialect, javaWriter } from '../writers/java';
import { pythonCompletionWriter, pythonDialect, pythonWriter } from '../writers/python';
import { typescriptCompletionWriter, typescriptDialect, typescriptWriter } from '../writers/typescript';
import type { CompletionWriter, Writer } from '../writers/writer';
import { cursorContext, locate } from './cdktfCursor';
import { localizeFinding } from './cdktfMessages';
import type { Diagnostic } from './diagnostic';
import { toDiagnostic } from './hclFile';
import type { Placed, SourceFile } from './sourceFile';
import { applyChanges } from './text';

const LANGUAGES: Record<CdktfLanguage, { dialect: Dialect; writer: Writer; completion: CompletionWriter }> = {
  typescript: { dialect: typescriptDialect, writer: typescriptWriter, completion: typescriptCompletionWriter },
  python: { dialect: pythonDialect, writer: pythonWriter, completion: pythonCompletionWriter },
  java: { dialect: javaDialect, writer: javaWriter, completion: javaCompletionWriter },
  csharp: { dialect: csharpDialect, writer: csharpWriter, completion: csharpCompletionWriter },
  go: { dialect: goDialect, writer: goWriter, completion: goCompletionWriter },
};

export class CdktfFile implements SourceFile {
  readonly writer: Writer;
  readonly completionWriter: CompletionWriter;
  private readonly dialect: Dialect;
  private _text: string;
  private lines?: number[];
  /** `null`: the quick check found no generated class; `undefined`: not looked at since the last change. */
  private parsed?: ParsedFile | null;
  /** Instance-only findings by construct text (lines relative to its first line): re-used while the text is unchanged. */
  private cache = new Map<string, { line: number; findings: Finding[] }>();
  /** Parses since creation (for tests and measurements). */
  parses = 0;

  constructor(readonly language: CdktfLanguage, text: string, private readonly registry: SchemaRegistry = defaultSchemas()) {
    this._text = text;
    const l = LANGUAGES[language];
    this.dialect = l.dialect;
    this.writer = l.writer;
    this.completionWriter = l.completion;
  }

  get text(): string {
    return this._text;
  }

  update(changes: readonly TextChange[]): void {
    if (changes.length === 0) return;
    this._text = applyChanges(this._text, changes);
    this.lines = undefined;
    this.parsed = undefined;
  }

  lineText(line: number): string {
    const ls = (this.lines ??= lineStartsOf(this._text));
    if (line < 0 || line >= ls.length) return '';
    const end = line + 1 < ls.length ? ls[line + 1] - 1 : this._text.length;
    return this._text.slice(ls[line], end).replace(/\r$/, '');
  }

  /** The file's constructs; parses on first use after a change, and only when the quick check passes. */
  private parse(): ParsedFile | null {
    if (this.parsed === undefined) {
      this.parsed = mentionsConstructs(this._text, this.registry) ? parseConstructs(this._text, this.language, this.registry) : null;
      if (this.parsed) this.parses++;
    }
    return this.parsed;
  }

  instancesList(): CdktfInstance[] {
    return this.parse()?.instances ?? [];
  }

  tokens() {
    return this.parse()?.tokens;
  }

  *instances(): Generator<Placed<ResourceInstance>> {
    for (const value of this.instancesList()) yield { value, base: 0 };
  }

  cursorContext(pos: Position) {
    return cursorContext(this, pos);
  }

  locate(pos: Position) {
    return locate(this, pos);
  }

  /** Findings of one construct, in absolute positions, names as the user wrote them. */
  private findingsOf(instance: CdktfInstance, ctx: AnalysisContext, fresh: boolean, key?: string): Finding[] {
    const localize = (f: Finding[]) => f.map((x) => localizeFinding(x, instance, this.dialect));
    const own = () => {
      let f = analyzeInstance(instance, ctx);
      // A spread (`...base`, `**kwargs`) may hold what seems missing: a required argument, or the one a
      // `requires` rule wants.
      if (instance.open) {
        const written = new Set(instance.attributes.map((a) => a.name));
        const wantsAbsent = new Set(
          (instance.schema.rules ?? []).filter((r) => r.kind === 'requires' && !written.has(r.requires.attribute)).map((r) => r.code),
        );
        const h = instance.headerRange;
        const onHeader = (r: Range) => r.start.line === h.start.line && r.start.character === h.start.character && r.end.line === h.end.line && r.end.character === h.end.character;
        f = f.filter((x) => !(x.code === 'missing-required' && onHeader(x.range)) && !wantsAbsent.has(x.code));
      }
      return localize(f);
    };
    // Rules that look beyond the construct (references, other resources, provider version) are never cached.
    const module = localize(analyzeInModule(instance, ctx));
    if (fresh) return [...own(), ...module];
    const line = instance.range.start.line;
    let cached = this.cache.get(key!);
    // A message that quotes a line number (`already set on line 12`) is only valid where it was computed.
    if (cached && cached.line !== line && cached.findings.some((f) => /\bline \d/.test(f.message))) cached = undefined;
    if (!cached) {
      // Only what a diagnostic shows is kept: no fixes, no model objects.
      const findings = own().map((f) => ({ code: f.code, severity: f.severity, message: f.message, tags: f.tags, fixes: [], range: shiftRange(f.range, -line) }));
      this.cache.set(key!, (cached = { line, findings }));
    }
    return [...cached.findings.map((f) => ({ ...f, range: shiftRange(f.range, line) })), ...module];
  }

  private constructKey(instance: CdktfInstance): string {
    const startLine = instance.range.start.line;
    const tk = this.tokens()!;
    const from = tk.lineStarts[startLine];
    const to = tk.offsetAt(instance.extentEnd);
    // The variable is part of what messages say (`read it as peer.status`), even on an earlier line.
    return this.language + '\u0000' + instance.name + '\u0000' + this._text.slice(from, to);
  }

  diagnostics(ctx: AnalysisContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    const live = new Map<string, { line: number; findings: Finding[] }>();
    for (const instance of this.instancesList()) {
      const key = this.constructKey(instance);
      for (const f of this.findingsOf(instance, ctx, false, key)) out.push(toDiagnostic(f, 0));
      live.set(key, this.cache.get(key)!);
    }
    // Forget constructs that are gone, so the cache never outgrows the file.
    this.cache = live;
    return out;
  }

  findingsAt(range: Range, ctx: AnalysisContext): Placed<Finding>[] {
    const out: Placed<Finding>[] = [];
    for (const instance of this.instancesList()) {
      if (instance.range.end.line < range.start.line || instance.range.start.line > range.end.line) continue;
      for (const f of this.findingsOf(instance, ctx, true)) {
        if (overlaps(f.range, range)) out.push({ value: f, base: 0 });
      }
    }
    return out;
  }
}

function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function before(p: Position, q: Position): boolean {
  return p.line < q.line || (p.line === q.line && p.character < q.character);
}
