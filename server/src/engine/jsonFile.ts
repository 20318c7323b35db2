/**
 * The half Terraform's JSON files (`.tf.json`, `.tfvars.json`) share as `SourceFile`s: the text kept whole and read
 * again at each change (they are small, where an HCL file re-parses only what changed); no comments, so no words
 * silence a finding and no quick fix writes an ignore comment; HCL's writers unless the subclass has its own (a
 * `.tf.json` file's write JSON); the findings of the whole file (`findings`, made by the subclass) placed as they
 * are, with no cursor context and no completion (and no hover unless the subclass has instances: `locate`).
 */
import type { AnalysisContext } from '../analysis/context';
import type { Finding } from '../analysis/finding';
import type { Position, Range } from '../model/types';
import { rangesOverlap } from '../model/types';
import type { TextChange } from '../syntax/hcl/document';
import { hclCompletionWriter, hclWriter } from '../writers/hcl';
import type { Diagnostic } from './diagnostic';
import { toDiagnostic } from './hclFile';
import type { Located, Placed } from './sourceFile';
import { applyChanges } from './text';

export abstract class JsonFile {
  readonly language = 'hcl' as const;
  readonly writer = hclWriter;
  readonly completionWriter = hclCompletionWriter;
  readonly withoutComments = true;

  /** Subclasses call `read()` at the end of their constructor, once their own fields are set. */
  constructor(public text: string) {}

  /** Reads `text` into what the subclass keeps of it. */
  protected abstract read(): void;

  /** The file's findings, in absolute positions; `fresh`: none from a cache (code actions ask so). */
  protected abstract findings(ctx: AnalysisContext, fresh?: boolean): Finding[];

  textLength(): number {
    return this.text.length;
  }

  textHead(n: number): string {
    return this.text.slice(0, n);
  }

  update(changes: readonly TextChange[]): void {
    this.text = applyChanges(this.text, changes);
    this.read();
  }

  lineText(line: number): string {
    return this.lines()[line]?.replace(/\r$/, '') ?? '';
  }

  lineBreak(line: number): string {
    const lines = this.lines();
    if (line < 0 || line + 1 >= lines.length) return '';
    return lines[line].endsWith('\r') ? '\r\n' : '\n';
  }

  /**
   * The text's lines (split at `\n`, a `\r` kept), split once per text: a fix's writer reads lines one at a time,
   * and fix all writes thousands of fixes (`text` is public: the lines are of the text they were split from).
   */
  private split?: { text: string; lines: string[] };

  private lines(): string[] {
    if (this.split?.text !== this.text) this.split = { text: this.text, lines: this.text.split('\n') };
    return this.split.lines;
  }

  /** JSON has no comments: no words in it silence a finding. */
  commentAt(): boolean {
    return false;
  }

  diagnostics(ctx: AnalysisContext): Diagnostic[] {
    return this.findings(ctx).map((f) => toDiagnostic(f, 0));
  }

  /**
   * `findings(ctx, true)`, made once per context and text: they are the whole file's, and fix all asks for the
   * findings of a file a slice of lines at a time (`fixAllSteps`).
   */
  private fresh = new WeakMap<AnalysisContext, { text: string; findings: Finding[] }>();

  protected freshFindings(ctx: AnalysisContext): Finding[] {
    let made = this.fresh.get(ctx);
    if (made?.text !== this.text) this.fresh.set(ctx, (made = { text: this.text, findings: this.findings(ctx, true) }));
    return made.findings;
  }

  findingsAt(range: Range, ctx: AnalysisContext): Placed<Finding>[] {
    return this.freshFindings(ctx)
      .filter((f) => rangesOverlap(f.range, range))
      .map((value) => ({ value, base: 0 }));
  }

  cursorContext(): undefined {
    return undefined;
  }

  /** No instance to hover (a `.tf.json` file's blocks have one: `tfJsonFile.ts`). */
  locate(_pos: Position): Located | undefined {
    return undefined;
  }
}
