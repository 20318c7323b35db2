/**
 * The text-keeping half of a `SourceFile` read whole again at each change: Terraform's JSON files (`.tf.json`,
 * `.tfvars.json`), small enough that an edit re-reads them, where an HCL file re-parses only what changed.
 */
import type { TextChange } from '../syntax/hcl/document';
import { applyChanges } from './text';

export abstract class WholeTextFile {
  /** Subclasses call `read()` at the end of their constructor, once their own fields are set. */
  constructor(public text: string) {}

  /** Reads `text` into what the subclass keeps of it. */
  protected abstract read(): void;

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
    return this.text.split('\n')[line]?.replace(/\r$/, '') ?? '';
  }
}
