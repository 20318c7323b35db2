/**
 * A `.tfvars.json` variable file (`{"variable_name": value}`), which Terraform reads as it reads a `.tfvars`
 * one: judged by the same rules (`tfvars.ts`), with its folder's other auto-loaded files when it is one, and a
 * source of values for them. A text that is not a JSON object is one finding, as Terraform refuses it. No
 * completion or hover; findings come without quick fixes (they write HCL), and without the one that writes an
 * ignore comment (JSON has none).
 */
import type { AnalysisContext } from '../analysis/context';
import type { Finding } from '../analysis/finding';
import type { Attribute, Range, ResourceInstance } from '../model/types';
import { hclCompletionWriter, hclWriter } from '../writers/hcl';
import type { Diagnostic } from './diagnostic';
import { toDiagnostic } from './hclFile';
import type { Placed, SourceFile } from './sourceFile';
import { WholeTextFile } from './wholeTextFile';
import { tfvarsFindings } from './tfvars';
import { jsonAssignments } from './variableFiles';

export class TfvarsJsonFile extends WholeTextFile implements SourceFile {
  readonly language = 'hcl' as const;
  readonly writer = hclWriter;
  readonly completionWriter = hclCompletionWriter;
  readonly withoutComments = true;
  private assignments: Attribute[] = [];
  private error?: { message: string; range: Range };

  constructor(text: string) {
    super(text);
    this.read();
  }

  instances(): Iterable<Placed<ResourceInstance>> {
    return [];
  }

  variableAssignments(): Attribute[] {
    return this.assignments;
  }

  diagnostics(ctx: AnalysisContext): Diagnostic[] {
    return this.findings(ctx).map((f) => toDiagnostic(f, 0));
  }

  findingsAt(range: Range, ctx: AnalysisContext): Placed<Finding>[] {
    const meets = (r: Range) => !(r.end.line < range.start.line || r.start.line > range.end.line);
    return this.findings(ctx)
      .filter((f) => meets(f.range))
      .map((value) => ({ value, base: 0 }));
  }

  cursorContext(): undefined {
    return undefined;
  }

  locate(): undefined {
    return undefined;
  }

  moduleDigest(): string {
    return '0'; // declares nothing
  }

  private findings(ctx: AnalysisContext): Finding[] {
    if (this.error) return [{ code: 'syntax-error', severity: 'error', range: this.error.range, message: this.error.message, fixes: [] }];
    return tfvarsFindings(this.assignments, ctx, this).map((f) => ({ ...f, fixes: [] }));
  }

  protected read(): void {
    ({ assignments: this.assignments, error: this.error } = jsonAssignments(this.text));
  }
}
