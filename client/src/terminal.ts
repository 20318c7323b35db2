/**
 * `terraform import ADDRESS ID` in an integrated terminal, in the module's folder. The terminal's process IS
 * terraform (shellPath + shellArgs): no shell parses the path, the folder or the arguments, whatever they contain.
 * Only in a trusted workspace: running a program the workspace could influence is what trust is for.
 */
import * as vscode from 'vscode';
import { planTerraformImport } from './executable';
import { terraformImportArgs } from './importInputs';
import { terraformPathSetting } from './settings';

export type TerminalResult =
  | { ok: true; terminal: vscode.Terminal; shellPath: string; shellArgs: string[]; cwd: string }
  | { ok: false; message: string };

export function runTerraformImport(moduleDir: vscode.Uri, name: string, id: string): TerminalResult {
  const plan = planTerraformImport({
    trusted: vscode.workspace.isTrusted,
    setting: terraformPathSetting(moduleDir),
    moduleDir: moduleDir.fsPath,
    workspaceDir: vscode.workspace.getWorkspaceFolder(moduleDir)?.uri.fsPath,
    args: terraformImportArgs(name, id),
  });
  if (!plan.ok) return plan;
  const terminal = vscode.window.createTerminal({
    name: `terraform import ${plan.shellArgs[1]}`,
    shellPath: plan.shellPath,
    shellArgs: plan.shellArgs,
    cwd: plan.cwd,
    isTransient: true,
  });
  terminal.show();
  return { ...plan, terminal };
}
