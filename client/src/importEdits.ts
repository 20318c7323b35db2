/**
 * The edits "Import existing BGP peer…" makes, each computed against the document as it is when applied:
 * append to a .tf file, create or append to imports.tf (never overwriting it), insert a CDKTF statement.
 */
import * as vscode from 'vscode';
import { appendSeparated, importInsertLine, indentOf } from './importInputs';
import type { CdktfLanguage } from './languages';

/** Texts of the module's `.tf` files (open documents as edited, others from disk). */
export async function moduleTexts(dir: vscode.Uri): Promise<string[]> {
  let entries: [string, vscode.FileType][] = [];
  try {
    entries = await vscode.workspace.fs.readDirectory(dir);
  } catch {
    return [];
  }
  const texts: string[] = [];
  for (const [name, type] of entries) {
    // `.tf.json` files declare resources too (`declaredNames` reads both).
    if (type !== vscode.FileType.File || !(name.endsWith('.tf') || name.endsWith('.tf.json'))) continue;
    const uri = vscode.Uri.joinPath(dir, name);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    try {
      texts.push(open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    } catch {
      /* unreadable: skip */
    }
  }
  return texts;
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Appends `block` at the end of `doc` (computed now, so it lands in the current version) and shows it. */
export async function appendTo(doc: vscode.TextDocument, block: string): Promise<boolean> {
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  const text = appendSeparated(doc.getText(), block);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, end, text);
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const start = doc.positionAt(doc.offsetAt(end) + text.length - block.length);
  editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

/** Adds `block` to `imports.tf` in `dir`: a new file, or appended to the one there (never overwritten). */
export async function addToImportsTf(dir: vscode.Uri, block: string): Promise<{ ok: boolean; uri: vscode.Uri; message?: string }> {
  const uri = vscode.Uri.joinPath(dir, 'imports.tf');
  if (await exists(uri)) {
    const doc = await vscode.workspace.openTextDocument(uri);
    return { ok: await appendTo(doc, block), uri };
  }
  const edit = new vscode.WorkspaceEdit();
  // overwrite: false and no ignoreIfExists: if imports.tf appears meanwhile, the edit fails instead of replacing it.
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(block) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    return { ok: false, uri, message: `Could not create ${uri.fsPath} (did it appear meanwhile?). Nothing was changed; run the command again.` };
  }
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  return { ok: true, uri };
}

/**
 * Inserts `statement` on its own line after the construct (`after`, its whole range) or else after the cursor's
 * line, indented like the construct (or the nearest line above with text); plus the class's import line if given.
 */
export async function insertStatement(d: vscode.TextDocument, language: CdktfLanguage, statement: string, after: vscode.Range | undefined, importLine?: string): Promise<boolean> {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === d);
  const anchorLine = after ? after.end.line : (editor?.selection.active.line ?? d.lineCount - 1);
  let indentLine = after ? after.start.line : anchorLine;
  while (indentLine > 0 && d.lineAt(indentLine).isEmptyOrWhitespace) indentLine--;
  const line = `${indentOf(d.lineAt(indentLine).text)}${statement}`;
  const edit = new vscode.WorkspaceEdit();
  const insertAt = anchorLine + 1 < d.lineCount ? new vscode.Position(anchorLine + 1, 0) : d.lineAt(anchorLine).range.end;
  edit.insert(d.uri, insertAt, insertAt.character === 0 ? `${line}\n` : `\n${line}`);
  if (importLine) edit.insert(d.uri, new vscode.Position(importInsertLine(language, d.getText().split(/\r?\n/)), 0), `${importLine}\n`);
  return vscode.workspace.applyEdit(edit);
}
