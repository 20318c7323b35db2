/**
 * "Import existing BGP peer…" (`alicloudBgp.importBgpPeer`), from the command palette or from the light bulb
 * on an `alicloud_vpc_bgp_peer` block or construct (the server attaches the block's name and range).
 * Asks for the BGP peer ID, then the resource name, then what to do:
 *   Terraform  an import block (+ resource skeleton) in this file or in imports.tf, or `terraform import` in a terminal
 *   CDKTF      `VpcBgpPeer.generateConfigForImport(…)`, or `<construct>.importFrom(…)` on the construct under the cursor
 * Cancelling at any step changes nothing; no existing file is overwritten; position-dependent edits are refused
 * if the document changed meanwhile. Returns what happened (tests and automation read it).
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { addToImportsTf, appendTo, exists, insertStatement, moduleTexts } from './importEdits';
import {
  assignedVariable, checkBgpPeerId, checkResourceName, classExpression, classImportLine, constructIds, declaredNames,
  generateConfigStatement, ID_EXAMPLE, importBlock, importFromStatement, onlyGroupReference, RESOURCE_TYPE, resourceSkeleton,
  scopeIn,
} from './importInputs';
import { isCdktfLanguage, isTerraformConfig, type CdktfLanguage } from './languages';
import { Answer, PickItem, Prompter, scriptedPrompter, windowPrompter } from './prompts';
import { planTerraformImport } from './executable';
import { terraformPathSetting } from './settings';
import { runTerraformImport } from './terminal';

export const IMPORT_COMMAND = 'alicloudBgp.importBgpPeer';

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** What the server's code action passes, and what tests or other extensions may add. */
export interface ImportRequest {
  uri?: string;
  /** The block's (or construct's) name: prefilled, and allowed although the module uses it. */
  name?: string;
  /** The whole block or construct. */
  range?: LspRange;
  /** The document version `range` belongs to. */
  version?: number;
  /** Scripted answers by step (`id`, `name`, `choice`; `folder` when several are open): null cancels. */
  answers?: Record<string, Answer>;
}

export type ImportChoice = 'file' | 'importsTf' | 'terminal' | 'generateConfig' | 'importFrom';

export interface ImportResult {
  status: 'done' | 'cancelled' | 'rejected' | 'failed';
  /** The step that was cancelled or rejected. */
  step?: string;
  message?: string;
  choice?: ImportChoice;
  /** The document that was changed or created. */
  uri?: string;
  terminal?: { shellPath: string; shellArgs: string[]; cwd: string };
}

/** The peer block under the cursor, as the server's code action describes it. */
async function blockAt(doc: vscode.TextDocument, pos: vscode.Position): Promise<ImportRequest | undefined> {
  try {
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', doc.uri, new vscode.Range(pos, pos), vscode.CodeActionKind.Refactor.value,
    );
    for (const a of actions ?? []) {
      const cmd = 'command' in a && typeof a.command === 'object' ? a.command : (a as vscode.Command);
      if (cmd?.command === IMPORT_COMMAND && cmd.arguments?.[0]) return cmd.arguments[0] as ImportRequest;
    }
  } catch {
    /* no server yet: no prefill */
  }
  return undefined;
}

function moduleDirOf(doc: vscode.TextDocument | undefined): vscode.Uri | undefined {
  if (doc?.uri.scheme === 'file') return vscode.Uri.file(path.dirname(doc.uri.fsPath));
  return undefined;
}

export async function importBgpPeer(req: ImportRequest = {}): Promise<ImportResult> {
  const prompter: Prompter = req.answers ? scriptedPrompter(req.answers) : windowPrompter;
  const stopped = (step: string): ImportResult =>
    prompter.rejection ? { status: 'rejected', step: prompter.rejection.step, message: prompter.rejection.message } : { status: 'cancelled', step };
  const fail = (message: string, choice?: ImportChoice): ImportResult => {
    void vscode.window.showErrorMessage(message);
    return { status: 'failed', message, choice };
  };

  // The document: the one the code action came from, else the active editor if it is ours.
  let doc: vscode.TextDocument | undefined;
  if (req.uri) doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(req.uri));
  else {
    const d = vscode.window.activeTextEditor?.document;
    if (d && (d.languageId === 'terraform' || d.languageId === 'terraform-vars' || isCdktfLanguage(d.languageId))) doc = d;
  }
  const startVersion = doc?.version;
  const cdktf: CdktfLanguage | undefined = doc && isCdktfLanguage(doc.languageId) ? doc.languageId : undefined;
  const tfConfig = !!doc && isTerraformConfig(doc.languageId, doc.fileName);

  // Started from the palette inside a peer block: the block counts as if its light bulb had been used.
  let block: ImportRequest | undefined = req.name !== undefined ? req : undefined;
  if (!block && doc && (tfConfig || cdktf) && vscode.window.activeTextEditor?.document === doc) {
    block = await blockAt(doc, vscode.window.activeTextEditor.selection.active);
  }

  // The module's folder: the document's, else a workspace folder.
  let dir = moduleDirOf(doc);
  if (!dir && !doc) {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 1) dir = folders[0].uri;
    else if (folders.length > 1) {
      const items = folders.map((f, i): PickItem => ({ key: String(i), label: f.name, description: f.uri.fsPath }));
      const k = await prompter.pick('folder', 'Import existing BGP peer: into which folder?', items);
      if (k === undefined) return stopped('folder');
      dir = folders[Number(k)].uri;
    }
    if (!dir) return fail('Open a Terraform (.tf) or CDKTF file, or a folder, to import a BGP peer into.');
  }

  // 1/3 the ID
  const idText = await prompter.input({
    step: 'id',
    title: 'Import existing BGP peer (1/3)',
    prompt: 'The ID of the existing BGP peer: "bgp-" followed by lower-case letters and digits',
    placeHolder: ID_EXAMPLE,
    validate: (t) => {
      const c = checkBgpPeerId(t);
      return c.ok ? undefined : c.message;
    },
  });
  if (idText === undefined) return stopped('id');
  const id = checkBgpPeerId(idText);
  if (!id.ok) return stopped('id');

  // 2/3 the name
  const texts = cdktf ? [] : dir ? await moduleTexts(dir) : [doc!.getText()];
  const used = cdktf ? constructIds(doc!.getText()) : declaredNames(texts);
  const own = block?.name;
  let suggestion = own ?? 'imported';
  for (let i = 2; !own && used.has(suggestion); i++) suggestion = `imported_${i}`;
  const nameText = await prompter.input({
    step: 'name',
    title: 'Import existing BGP peer (2/3)',
    prompt: cdktf
      ? 'Construct ID for the imported peer (a valid Terraform name not used in this file)'
      : `Resource name: ${RESOURCE_TYPE}.<name> (a valid Terraform name not used in this module)`,
    value: suggestion,
    validate: (t) => {
      const c = checkResourceName(t, used, own);
      return c.ok ? undefined : c.message;
    },
  });
  if (nameText === undefined) return stopped('name');
  const name = checkResourceName(nameText, used, own);
  if (!name.ok) return stopped('name');
  const declared = used.has(name.value); // only true for the block the command started from

  // 3/3 what to do
  const items: PickItem<ImportChoice>[] = [];
  let construct: { range: vscode.Range; variable?: string; cls?: string; scope?: string } | undefined;
  if (cdktf) {
    if (block?.range && block.uri === doc!.uri.toString()) {
      const r = block.range;
      const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
      const prefix = doc!.lineAt(r.start.line).text.slice(0, r.start.character);
      const text = doc!.getText(range);
      construct = { range, variable: assignedVariable(prefix), cls: classExpression(cdktf, text), scope: /\(\s*([A-Za-z_$][\w$]*)\s*,/.exec(text)?.[1] };
    }
    items.push({ key: 'generateConfig', label: 'Generate configuration for the existing peer', description: generateConfigStatement(cdktf, construct?.scope ?? scopeIn(doc!.getText(), cdktf), name.value, id.value, construct?.cls) });
    if (construct?.variable) {
      items.push({ key: 'importFrom', label: `Import it into the construct under the cursor (${construct.variable})`, description: importFromStatement(cdktf, construct.variable, id.value) });
    }
  } else {
    const skeleton = declared ? '' : ' and a resource block';
    if (tfConfig) items.push({ key: 'file', label: `Add an import block${skeleton} to ${path.basename(doc!.fileName)}`, description: 'Terraform 1.5+: `terraform plan` imports it' });
    if (dir) {
      const there = await exists(vscode.Uri.joinPath(dir, 'imports.tf'));
      items.push({ key: 'importsTf', label: `Add an import block${skeleton} to imports.tf`, description: there ? 'appended to the existing imports.tf' : `a new file in ${path.basename(dir.fsPath)}/` });
      items.push({
        key: 'terminal',
        label: `Run terraform import ${RESOURCE_TYPE}.${name.value} ${id.value}`,
        description: vscode.workspace.isTrusted ? `in a terminal in ${path.basename(dir.fsPath)}/` : 'needs a trusted workspace',
        detail: declared ? undefined : `Adds the resource block first (terraform import needs it) and saves the file.`,
      });
    }
  }
  const target = cdktf ? `construct "${name.value}"` : `${RESOURCE_TYPE}.${name.value}`;
  const choice = await prompter.pick('choice', 'Import existing BGP peer (3/3)', items, `How should ${id.value} become ${target}?`);
  if (choice === undefined) return stopped('choice');

  // Edits that depend on positions computed earlier only go into the version they were computed for.
  const changed = () => doc !== undefined && (doc.version !== startVersion || (block?.version !== undefined && block.uri === doc.uri.toString() && doc.version !== block.version));

  switch (choice) {
    case 'file':
    case 'importsTf': {
      const text = importBlock(name.value, id.value) + (declared ? '' : `\n${resourceSkeleton(name.value, onlyGroupReference(texts))}`);
      if (choice === 'file') {
        if (!(await appendTo(doc!, text))) return fail(`Could not edit ${doc!.fileName}; nothing was changed.`, choice);
        return { status: 'done', choice, uri: doc!.uri.toString() };
      }
      const r = await addToImportsTf(dir!, text);
      return r.ok ? { status: 'done', choice, uri: r.uri.toString() } : fail(r.message ?? `Could not edit ${r.uri.fsPath}.`, choice);
    }
    case 'terminal': {
      // Checked before anything is written; runTerraformImport checks trust and terraform again before running.
      const plan = planTerraformImport({ trusted: vscode.workspace.isTrusted, setting: terraformPathSetting(dir), moduleDir: dir!.fsPath, workspaceDir: vscode.workspace.getWorkspaceFolder(dir!)?.uri.fsPath, args: [] });
      if (!plan.ok) return fail(plan.message, choice);
      if (!declared) {
        // terraform import needs the resource block on disk.
        const skeleton = resourceSkeleton(name.value, onlyGroupReference(texts));
        if (tfConfig) {
          if (!(await appendTo(doc!, skeleton)) || !(await doc!.save())) return fail(`Could not add the resource block to ${doc!.fileName}.`, choice);
        } else {
          const r = await addToImportsTf(dir!, skeleton);
          if (!r.ok) return fail(r.message ?? `Could not edit ${r.uri.fsPath}.`, choice);
          const created = vscode.workspace.textDocuments.find((d) => d.uri.toString() === r.uri.toString());
          if (created?.isDirty) await created.save();
        }
      }
      const t = runTerraformImport(dir!, name.value, id.value);
      if (!t.ok) return fail(t.message, choice);
      return { status: 'done', choice, uri: doc?.uri.toString(), terminal: { shellPath: t.shellPath, shellArgs: t.shellArgs, cwd: t.cwd } };
    }
    case 'generateConfig':
    case 'importFrom': {
      const d = doc!;
      if (changed()) return fail(`${path.basename(d.fileName)} changed while the import command was open; nothing was inserted. Run the command again.`, choice);
      const statement =
        choice === 'importFrom'
          ? importFromStatement(cdktf!, construct!.variable!, id.value)
          : generateConfigStatement(cdktf!, construct?.scope ?? scopeIn(d.getText(), cdktf!), name.value, id.value, construct?.cls);
      const importLine = choice === 'generateConfig' ? classImportLine(cdktf!, d.getText()) : undefined;
      if (!(await insertStatement(d, cdktf!, statement, construct?.range, importLine))) return fail(`Could not edit ${d.fileName}; nothing was changed.`, choice);
      return { status: 'done', choice, uri: d.uri.toString() };
    }
  }
}
