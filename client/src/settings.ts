/**
 * The extension's settings (`alicloudBgp.*`, declared in package.json). The server reads `diagnostics`,
 * `codeLens` and `maxFileSizeMB` (initializationOptions, then workspace/didChangeConfiguration on every change, so nothing
 * needs a reload); `trace.server` is read by vscode-languageclient itself; `terraform.path` only by the client.
 */
import * as vscode from 'vscode';

export const SECTION = 'alicloudBgp';
/** Commands the client implements that the server may attach to code actions. */
export const CLIENT_COMMANDS = ['alicloudBgp.importBgpPeer'];

/** What the server is initialized with: its settings plus what this client can do. */
export function initializationOptions(): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration(SECTION);
  return {
    diagnostics: {
      enable: c.get<boolean>('diagnostics.enable', true),
      severity: { ...c.get<Record<string, string>>('diagnostics.severity', {}) },
    },
    maxFileSizeMB: c.get<number>('maxFileSizeMB', 20),
    codeLens: { enable: c.get<boolean>('codeLens.enable', true) },
    clientCommands: CLIENT_COMMANDS,
    // This client sends file events itself (`synchronize.fileEvents`): the server need not register watchers.
    watchesFiles: true,
  };
}

/**
 * The configured terraform executable ('' = look it up on PATH). In an untrusted workspace VS Code
 * withholds the workspace's value (package.json `restrictedConfigurations`), so only the user's own counts.
 */
export function terraformPathSetting(scope?: vscode.Uri): string {
  return vscode.workspace.getConfiguration(SECTION, scope).get<string>('terraform.path', '') ?? '';
}
