/**
 * The VS Code side: starts the bundled language server over IPC for Terraform files and hands it the
 * user's settings. Everything the extension knows lives in the server.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'terraform' },
      { scheme: 'untitled', language: 'terraform' },
    ],
    initializationOptions: vscode.workspace.getConfiguration('alicloudBgp'),
    // The server indexes every .tf file of a module; tell it when files or lock files change on disk.
    synchronize: { configurationSection: 'alicloudBgp', fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.tf,.terraform.lock.hcl}') },
  };
  client = new LanguageClient('alicloudBgp', 'Alibaba Cloud BGP', serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push({ dispose: () => void client?.stop() });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
