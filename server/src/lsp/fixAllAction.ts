/**
 * The editor's "fix all" source action (`source.fixAll.alicloudBgp`): what `engine/fixAll.ts` makes of a file,
 * sent as line edits of the document the editor has. VS Code asks for it from the Source Action menu and, when
 * `editor.codeActionsOnSave` names `source.fixAll`, on save.
 */
import { CodeAction, CodeActionKind, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { fixAll, FixAllHost } from '../engine/fixAll';
import { lineEdits } from '../engine/lineDiff';
import type { SourceFile } from '../engine/sourceFile';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.alicloudBgp`;

/**
 * Does a request's `only` ask for the fix-all action? Only when it names it or a kind above it (`source`,
 * `source.fixAll`): it is a whole-file job, not for the request VS Code makes at every cursor move.
 */
export function asksFixAll(only: readonly string[] | undefined): boolean {
  return !!only?.some((k) => k !== '' && (k === FIX_ALL_KIND || FIX_ALL_KIND.startsWith(k + '.')));
}

/** The action, or none when no finding of the file has a fix to apply. */
export function fixAllAction(file: SourceFile, host: FixAllHost, editOf: (edits: TextEdit[]) => WorkspaceEdit): CodeAction | undefined {
  const before = file.text;
  const { text, fixed } = fixAll(file, host);
  if (fixed.length === 0) return undefined;
  const count = fixed.length === 1 ? '1 fix' : `${fixed.length} fixes`;
  return { title: `Fix all auto-fixable Alibaba Cloud BGP problems (${count})`, kind: FIX_ALL_KIND, edit: editOf(lineEdits(before, text)) };
}
