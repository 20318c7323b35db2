// Shared by the suites that run inside the real VS Code extension host (bundled into each *.test.js).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AlicloudBgpApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'bgp-tooling.alicloud-bgp-peer';
export const SOURCE = 'alicloud-bgp';

/** The extension's API (activating it if needed) once its server runs. */
export async function api(): Promise<AlicloudBgpApi> {
  const ext = vscode.extensions.getExtension<AlicloudBgpApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  const a = ext.isActive ? ext.exports : await ext.activate();
  await a.serverReady;
  return a;
}

export function workspaceRoot(): string {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the tests run with the workspace fixture open');
  return f.uri.fsPath;
}

export const wsPath = (rel: string) => path.join(workspaceRoot(), rel);
export const wsUri = (rel: string) => vscode.Uri.file(wsPath(rel));

export async function open(rel: string): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument(wsUri(rel));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { doc, editor };
}

/** Writes a file into the scratch workspace (folders created). */
export function writeFile(rel: string, text: string): vscode.Uri {
  fs.mkdirSync(path.dirname(wsPath(rel)), { recursive: true });
  fs.writeFileSync(wsPath(rel), text);
  return wsUri(rel);
}

export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await sleep(50);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** This extension's diagnostics on a document. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

/** Waits until a diagnostic with `code` (and matching `test`, if given) is shown on `uri`. */
export function waitForDiagnostic(uri: vscode.Uri, code: string, test: (d: vscode.Diagnostic) => boolean = () => true, timeoutMs?: number): Promise<vscode.Diagnostic> {
  return waitFor(`a ${code} diagnostic on ${path.basename(uri.fsPath)} (now: ${summary(uri)})`, () => ours(uri).find((d) => codeOf(d) === code && test(d)), timeoutMs);
}

export function waitForNoDiagnostic(uri: vscode.Uri, code?: string, timeoutMs?: number): Promise<true> {
  return waitFor(`no ${code ?? ''} diagnostic on ${path.basename(uri.fsPath)} (now: ${summary(uri)})`, () => !ours(uri).some((d) => !code || codeOf(d) === code), timeoutMs);
}

export function summary(uri: vscode.Uri): string {
  return JSON.stringify(ours(uri).map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}/${vscode.DiagnosticSeverity[d.severity]}`));
}

export { codeOf };

/** The position of the `n`th occurrence of `needle` (plus `offset` characters). */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 0, n = 1): vscode.Position {
  let at = -1;
  for (let i = 0; i < n; i++) at = doc.getText().indexOf(needle, at + 1);
  assert.ok(at >= 0, `"${needle}" is in ${path.basename(doc.fileName)}`);
  return doc.positionAt(at + offset);
}

/** Replaces a document's whole text (unsaved) and returns the document. */
export async function setText(doc: vscode.TextDocument, text: string): Promise<vscode.TextDocument> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  return doc;
}

/** Reverts every dirty editor and closes all (no "save?" dialog can block a test). */
export async function closeAll(): Promise<void> {
  for (const d of vscode.workspace.textDocuments) {
    if (d.isDirty && d.uri.scheme === 'file') {
      await vscode.window.showTextDocument(d);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Every child process of this extension host running the bundled language server. */
export function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (/dist[\\/]server\.js/.test(cmd) && !/^Z/.test(stat.slice(stat.lastIndexOf(')') + 2))) pids.push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return pids;
}

/** The hover text at `needle` (+ offset) in a document, '' when there is none. */
export async function hoverAt(uri: vscode.Uri, needle: string, offset = 0): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(doc, needle, offset));
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}
