/**
 * The language server process and the client that talks to it: started over stdio from the bundled
 * `dist/server.js`, restarted when it dies (RestartPolicy decides how often), restartable on demand.
 * Stdio rather than Node's IPC channel: over stdio the server reads messages itself (`lsp/messageReader.ts`),
 * holding a large document twice while it arrives where the IPC channel's parse holds it four times.
 * vscode-languageclient is loaded only when the server starts, so activating the extension stays cheap.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { withCodeArguments } from './codeLens';
import { documentSelector, isTerraformLanguage } from './languages';
import { redactSecrets } from './redact';
import { RestartPolicy } from './restartPolicy';
import { initializationOptions, SECTION } from './settings';

export interface ServerStatus {
  state: 'starting' | 'running' | 'stopped';
  /** Deaths within the restart window. */
  recentDeaths: number;
  /** Set when the client gave up restarting a server that kept dying. */
  gaveUp?: string;
}

/**
 * An output channel that masks secrets (an `auth_key` in document text that a verbose trace shows) and tells
 * `onText` what it wrote (tests count and read the trace).
 */
function safeChannel(inner: vscode.OutputChannel, onText: (text: string) => void): vscode.OutputChannel {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'append' || prop === 'appendLine' || prop === 'replace') {
        return (value: string) => {
          const safe = redactSecrets(String(value));
          onText(safe);
          target[prop](safe);
        };
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

export class ServerManager implements vscode.Disposable {
  private client: LanguageClient | undefined;
  /** The first start (loading vscode-languageclient, creating the client). */
  private created: Promise<LanguageClient> | undefined;
  /** The latest `client.start()`, settled or not. */
  private inFlight: Promise<void> = Promise.resolve();
  private readonly policy: RestartPolicy;
  private gaveUp: string | undefined;
  private state: ServerStatus['state'] = 'stopped';
  private disposed = false;
  /** A death was seen and a restart is scheduled. */
  private restartPending = false;
  private readonly output: vscode.OutputChannel;
  private readonly trace: vscode.OutputChannel;
  /** Writes to the trace channel (`alicloudBgp.trace.server`), and the latest of them (for tests). */
  traceLines = 0;
  recentTrace = '';

  constructor(
    private readonly context: vscode.ExtensionContext,
    policy = new RestartPolicy(),
  ) {
    this.policy = policy;
    this.output = safeChannel(vscode.window.createOutputChannel('Alibaba Cloud BGP'), () => undefined);
    this.trace = safeChannel(vscode.window.createOutputChannel('Alibaba Cloud BGP (trace)'), (text) => {
      this.traceLines++;
      this.recentTrace = (this.recentTrace + text + '\n').slice(-200_000);
    });
    context.subscriptions.push(this.output, this.trace, this);
  }

  status(): ServerStatus {
    return { state: this.state, recentDeaths: this.policy.recentDeaths, gaveUp: this.gaveUp };
  }

  /** Creates the client and starts the server (once; later starts go through restart()). */
  async start(): Promise<void> {
    this.created ??= this.create();
    const client = await this.created;
    await this.run(client);
  }

  private run(client: LanguageClient): Promise<void> {
    this.state = 'starting';
    this.inFlight = client.start();
    return this.inFlight;
  }

  private async create(): Promise<LanguageClient> {
    const { LanguageClient, TransportKind, CloseAction, ErrorAction, State } = await import('vscode-languageclient/node');
    const module = this.context.asAbsolutePath('dist/server.js');
    const client: LanguageClient = new LanguageClient(
      SECTION,
      'Alibaba Cloud BGP',
      {
        run: { module, transport: TransportKind.stdio },
        debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
      },
      {
        documentSelector: documentSelector(),
        initializationOptions, // a function: a restarted server gets the current settings
        outputChannel: this.output,
        traceOutputChannel: this.trace,
        // Settings changes reach the server as workspace/didChangeConfiguration (no reload); the server reads
        // every .tf file of a module, so it hears about files and lock files changing on disk.
        synchronize: {
          configurationSection: SECTION,
          fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.tf,*.tf.json,*.tfvars,*.tfvars.json,.terraform.lock.hcl,cdktf.json}'),
        },
        // Rename and highlights are the server's in Terraform files only. In a CDKTF program the language's own
        // service does them; asked there, the server has nothing, which VS Code would show beside that service's own
        // reason when it cannot rename either ("The element can't be renamed.").
        middleware: {
          prepareRename: (doc, pos, token, next) => (isTerraformLanguage(doc.languageId) ? next(doc, pos, token) : undefined),
          provideRenameEdits: (doc, pos, name, token, next) => (isTerraformLanguage(doc.languageId) ? next(doc, pos, name, token) : undefined),
          provideDocumentHighlights: (doc, pos, token, next) => (isTerraformLanguage(doc.languageId) ? next(doc, pos, token) : undefined),
          // The peers a lens lists, in the types VS Code's showReferences takes (`codeLens.ts`).
          resolveCodeLens: async (lens, token, next): Promise<vscode.CodeLens | null | undefined> => withCodeArguments(await next(lens, token), client.protocol2CodeConverter),
        },
        // A server that dies while starting is handled like any other death (closed() below), without a second popup.
        initializationFailedHandler: (e) => {
          this.output.appendLine(`The language server failed to initialize: ${e instanceof Error ? e.message : String(e)}`);
          return false;
        },
        errorHandler: {
          // A malformed message now and then is survivable; a stream of them means the connection is broken.
          error: (_e, _m, count) => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
          // The client never restarts by itself (its own restart races with a start that is still initializing);
          // this manager does, once that start has settled, as long as the policy allows.
          closed: () => {
            const d = this.policy.serverDied();
            if (d.restart) this.restartAfterDeath(client, () => client.state === State.Starting);
            else this.giveUp(d.message);
            return { action: CloseAction.DoNotRestart, message: d.message, handled: true };
          },
        },
      },
    );
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) this.state = 'running';
      else if (e.newState === State.Starting) this.state = 'starting';
      else this.state = this.restartPending ? 'starting' : 'stopped';
    });
    this.client = client;
    return client;
  }

  private restartAfterDeath(client: LanguageClient, isStarting: () => boolean): void {
    this.restartPending = true;
    this.state = 'starting';
    void this.inFlight
      .catch(() => undefined)
      .then(() => new Promise((r) => setTimeout(r, 250)))
      .then(() => {
        this.restartPending = false;
        if (this.disposed || this.gaveUp || client.isRunning() || isStarting()) return;
        return this.run(client);
      })
      .catch((e) => this.output.appendLine(`Restarting the language server failed: ${e instanceof Error ? e.message : String(e)}`));
  }

  private giveUp(message: string): void {
    this.gaveUp = message;
    this.state = 'stopped';
    this.output.appendLine(message);
    void vscode.window.showErrorMessage(message, 'Restart Language Server', 'Show Output').then((choice) => {
      if (choice === 'Restart Language Server') void this.restart();
      else if (choice === 'Show Output') this.output.show(true);
    });
  }

  /** "Restart Language Server": also after the client gave up on a server that kept dying. */
  async restart(): Promise<void> {
    this.policy.reset();
    this.gaveUp = undefined;
    if (!this.created) return this.start();
    const client = await this.created;
    await this.inFlight.catch(() => undefined);
    if (client.isRunning()) await client.stop();
    await this.run(client);
    this.output.appendLine('The language server was restarted.');
  }

  dispose(): void {
    void this.stop();
  }

  async stop(): Promise<void> {
    this.disposed = true;
    const client = this.client;
    this.client = undefined;
    if (client?.isRunning()) await client.stop();
  }
}
