/**
 * The editor's "fix all" source action (`source.fixAll.alicloudBgp`): what `engine/fixAll.ts` makes of a file,
 * sent as line edits of the document the editor has. VS Code asks for it from the Source Action menu and, when
 * `editor.codeActionsOnSave` names `source.fixAll`, on save.
 */
import { CodeAction, CodeActionKind, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { fixAllSteps, FixAllHost } from '../engine/fixAll';
import { lineEdits } from '../engine/lineDiff';
import type { SourceFile } from '../engine/sourceFile';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.alicloudBgp`;

/** How long the work may hold the server before it lets the messages that came in meanwhile be read. */
const HOLD_MS = 50;

/**
 * Does a request's `only` ask for the fix-all action? Only when it names it or a kind above it (`source`,
 * `source.fixAll`): it is a whole-file job, not for the request VS Code makes at every cursor move.
 */
export function asksFixAll(only: readonly string[] | undefined): boolean {
  return !!only?.some((k) => k !== '' && (k === FIX_ALL_KIND || FIX_ALL_KIND.startsWith(k + '.')));
}

/**
 * The action, or none when no finding of the file has a fix to apply. A large file takes seconds: every `HOLD_MS`
 * the work pauses for the server to read what came in meanwhile, and stops, with no action, once `stale` says the
 * answer is not wanted or would not fit any more (the request cancelled, as VS Code does when the document changes;
 * the document changed or closed). `stale` is asked after each pause, and nothing runs between the last one and
 * the answer: its edits are always of the text the document has when it is sent.
 */
export async function fixAllAction(file: SourceFile, host: FixAllHost, editOf: (edits: TextEdit[]) => WorkspaceEdit, stale: () => boolean): Promise<CodeAction | undefined> {
  const before = file.text;
  const steps = fixAllSteps(file, host);
  let since = performance.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) {
      const { text, fixed } = step.value;
      if (fixed.length === 0) return undefined;
      const count = fixed.length === 1 ? '1 fix' : `${fixed.length} fixes`;
      return { title: `Fix all auto-fixable Alibaba Cloud BGP problems (${count})`, kind: FIX_ALL_KIND, edit: editOf(lineEdits(before, text)) };
    }
    if (performance.now() - since < HOLD_MS) continue;
    await new Promise((resolve) => setImmediate(resolve));
    if (stale()) return undefined;
    since = performance.now();
  }
}
