/**
 * The VS Code side, wiring only: start the bundled language server (languageClient.ts) and register the
 * commands. Activation does nothing else, so it stays cheap; everything the extension knows lives in the server.
 * `activate` returns a small API (status, timings) that the tests in a real VS Code read.
 */
import * as vscode from 'vscode';
import { IMPORT_COMMAND, importBgpPeer, ImportRequest, ImportResult } from './importCommand';
import { ServerManager, ServerStatus } from './languageClient';

export interface AlicloudBgpApi {
  /** Milliseconds spent in activate() (it returns before the server is up). */
  readonly activationMs: number;
  /** Resolves once the language server answered `initialize`. */
  readonly serverReady: Promise<void>;
  /** Milliseconds from activation to a running server (NaN until then). */
  serverReadyMs(): number;
  status(): ServerStatus;
  /** Writes to the trace output channel so far (`alicloudBgp.trace.server`). */
  traceLines(): number;
  /** The latest trace output, as shown (secrets masked). */
  recentTrace(): string;
}

let manager: ServerManager | undefined;

export function activate(context: vscode.ExtensionContext): AlicloudBgpApi {
  const started = performance.now();
  const server = (manager = new ServerManager(context));
  let readyMs = NaN;
  const serverReady = server.start().then(() => {
    readyMs = performance.now() - started;
  });
  serverReady.catch(() => undefined); // reported in the output channel; the API's promise still rejects

  context.subscriptions.push(
    vscode.commands.registerCommand(IMPORT_COMMAND, (req?: ImportRequest | vscode.Uri): Promise<ImportResult> =>
      importBgpPeer(req instanceof vscode.Uri ? { uri: req.toString() } : (req ?? {})),),
    vscode.commands.registerCommand('alicloudBgp.restartServer', () => server.restart()),
  );

  return {
    activationMs: performance.now() - started,
    serverReady,
    serverReadyMs: () => readyMs,
    status: () => server.status(),
    traceLines: () => server.traceLines,
    recentTrace: () => server.recentTrace,
  };
}

export async function deactivate(): Promise<void> {
  await manager?.stop();
  manager = undefined;
}
