/**
 * A fix's edits as text edits of its file, as the server's quick fixes and "fix all" both write them: rendered by
 * the file's writer, with the line break of each line they edit (`withLineBreaks`: a file may mix `\n` and `\r\n`).
 */
import type { NeutralEdit } from '../analysis/finding';
import type { ResourceInstance } from '../model/types';
import type { TextEdit } from '../writers/writer';
import type { SourceFile } from './sourceFile';
import { lineBreakAt, withLineBreaks } from './text';

/** Findings of a variable file have no instance; their fixes only replace values, which needs none. */
export const NO_INSTANCE = { attributes: [], blocks: [] } as unknown as ResourceInstance;

/** `edits` of the instance placed at `base` (its lines count from there) on `file`. */
export function fixEdits(file: SourceFile, edits: NeutralEdit[], instance: ResourceInstance | undefined, base: number): TextEdit[] {
  const rendered = file.writer.render(edits, instance ?? NO_INSTANCE, { base, lineText: (l) => file.lineText(l) });
  return withLineBreaks(rendered, (l) => lineBreakAt(file, l));
}
