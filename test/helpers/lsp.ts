/**
 * A real LSP client for the protocol tests: spawns `node dist/server.js --stdio` and talks to it with
 * vscode-languageserver-protocol, the library editors' LSP clients are built on. No mocks.
 */
import * as fs from 'node:fs';
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import {
  CodeAction,
  CodeActionRequest,
  Command,
  CompletionItem,
  CompletionList,
  CompletionRequest,
  createProtocolConnection,
  Diagnostic,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  Hover,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  InitializeResult,
  LogMessageNotification,
  Position,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  Range,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const REPO = path.resolve(__dirname, '../..');
export const SERVER = path.join(REPO, 'dist/server.js');

export interface StartOptions {
  initializationOptions?: unknown;
  /** Advertise `workspace.workspaceEdit.documentChanges` (default true, like VS Code). */
  documentChanges?: boolean;
  /** The client's `textDocument` capabilities, in place of VS Code-like ones (snippets, Markdown). */
  textDocument?: Record<string, unknown>;
  /** The workspace folder the server is started in (default none). */
  rootUri?: string;
  /** More `workspace` capabilities (`codeLens: { refreshSupport: true }`). */
  workspace?: Record<string, unknown>;
}

interface Waiter {
  uri: string;
  version: number | undefined;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export class LspClient {
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** window/logMessage texts (the server logs handler failures there). */
  readonly logs: string[] = [];
  stderr = '';
  exitCode: number | null | undefined;
  initializeResult!: InitializeResult;
  private waiters: Waiter[] = [];
  private versions = new Map<string, number>();

  private constructor(readonly proc: ChildProcessWithoutNullStreams, readonly conn: ProtocolConnection) {}

  static async start(opts: StartOptions = {}): Promise<LspClient> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const client = new LspClient(proc, conn);
    proc.stderr.on('data', (d) => (client.stderr += String(d)));
    proc.on('exit', (code) => (client.exitCode = code));
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      client.published.push(p);
      client.waiters = client.waiters.filter((w) => {
        if (w.uri !== p.uri || (w.version !== undefined && w.version !== p.version)) return true;
        w.resolve(p);
        return false;
      });
    });
    conn.onNotification(LogMessageNotification.type, (p) => client.logs.push(p.message));
    conn.listen();
    client.initializeResult = await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: opts.rootUri ?? null,
      capabilities: {
        workspace: { workspaceEdit: { documentChanges: opts.documentChanges ?? true }, ...opts.workspace },
        textDocument: opts.textDocument ?? {
          publishDiagnostics: { versionSupport: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        },
      },
      initializationOptions: opts.initializationOptions,
    });
    await conn.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** Sends didOpen and resolves with the diagnostics published for that version. */
  open(uri: string, text: string, languageId = 'terraform', version = 1): Promise<Diagnostic[]> {
    const wait = this.diagnostics(uri, version);
    this.versions.set(uri, version);
    void this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    return wait;
  }

  /** Sends didChange with the next version and resolves with the diagnostics published for it. */
  change(uri: string, changes: TextDocumentContentChangeEvent[], version = (this.versions.get(uri) ?? 0) + 1): Promise<Diagnostic[]> {
    const wait = this.diagnostics(uri, version);
    this.notifyChange(uri, changes, version);
    return wait;
  }

  /** didChange without waiting (for bursts and out-of-order versions). */
  notifyChange(uri: string, changes: TextDocumentContentChangeEvent[], version: number): void {
    this.versions.set(uri, Math.max(version, this.versions.get(uri) ?? 0));
    void this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<Diagnostic[]> {
    const wait = this.nextPublish(uri, undefined).then((p) => p.diagnostics);
    void this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return wait;
  }

  /** The diagnostics published for `uri` at `version` (already received or the next one). */
  diagnostics(uri: string, version: number, timeoutMs = 20000): Promise<Diagnostic[]> {
    const seen = [...this.published].reverse().find((p) => p.uri === uri && p.version === version);
    if (seen) return Promise.resolve(seen.diagnostics);
    return this.nextPublish(uri, version, timeoutMs).then((p) => p.diagnostics);
  }

  /**
   * The diagnostics last published for `uri` once they satisfy `want`: those already received count, so a publish
   * the server makes on its own (after its background index) cannot be missed by starting to wait too late.
   */
  async publishedUntil(uri: string, want: (d: Diagnostic[]) => boolean, timeoutMs = 20000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const last = [...this.published].reverse().find((p) => p.uri === uri);
      if (last && want(last.diagnostics)) return last.diagnostics;
      await this.nextPublish(uri, undefined, Math.max(1, deadline - Date.now()));
    }
  }

  nextPublish(uri: string, version: number | undefined, timeoutMs = 20000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no publishDiagnostics for ${uri} version ${version} within ${timeoutMs} ms; stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      const waiter: Waiter = { uri, version, resolve: (p) => (clearTimeout(timer), resolve(p)) };
      this.waiters.push(waiter);
    });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const r = await this.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    if (!r) return [];
    return Array.isArray(r) ? r : (r as CompletionList).items;
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  /** Code actions for one diagnostic, as an editor asks when the user opens the light bulb on it. */
  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[]): Promise<CodeAction[]> {
    const r = (await this.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } })) ?? [];
    return r.filter((a): a is CodeAction => !Command.is(a));
  }

  request<R = unknown>(method: string, params?: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  /** shutdown + exit; resolves once the process is gone. */
  /** Peak resident memory of the server process (VmHWM), in MB (Linux /proc). */
  peakMB(): number {
    const status = fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024;
  }

  async stop(): Promise<void> {
    if (this.exitCode !== undefined) return;
    const gone = new Promise<void>((r) => (this.exitCode !== undefined ? r() : this.proc.once('exit', () => r())));
    try {
      await Promise.race([this.conn.sendRequest(ShutdownRequest.type), delay(3000)]);
      await this.conn.sendNotification(ExitNotification.type);
    } catch {
      /* the process may already be gone */
    }
    await Promise.race([gone, delay(3000)]);
    if (this.exitCode === undefined) this.proc.kill();
    this.conn.dispose();
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** A fixture with one `|` marking the cursor: the text without it, and the position it marked. */
export function at(fixture: string): { text: string; position: Position } {
  const i = fixture.indexOf('|');
  if (i === -1 || fixture.indexOf('|', i + 1) !== -1) throw new Error('a cursor fixture needs exactly one |');
  const text = fixture.slice(0, i) + fixture.slice(i + 1);
  const before = fixture.slice(0, i).split('\n');
  return { text, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'terraform', 0, text), edits);
}

/** The text edits a WorkspaceEdit makes to `uri` (checking the version when it is a versioned edit). */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string, version?: number): TextEdit[] {
  if (!edit) throw new Error('code action without an edit');
  if (edit.documentChanges) {
    const out: TextEdit[] = [];
    for (const dc of edit.documentChanges) {
      if (!('textDocument' in dc)) throw new Error(`unexpected resource operation ${JSON.stringify(dc)}`);
      if (dc.textDocument.uri !== uri) throw new Error(`edit for another document: ${dc.textDocument.uri}`);
      if (version !== undefined && dc.textDocument.version !== version) throw new Error(`edit for version ${dc.textDocument.version}, document is at ${version}`);
      out.push(...(dc.edits as TextEdit[]));
    }
    return out;
  }
  return edit.changes?.[uri] ?? [];
}

/**
 * Edits as the contentChanges an editor sends after applying them: last edit first, so each range
 * still refers to the text the server has.
 */
export function asContentChanges(edits: TextEdit[]): TextDocumentContentChangeEvent[] {
  const cmp = (a: Position, b: Position) => a.line - b.line || a.character - b.character;
  return [...edits].sort((a, b) => cmp(b.range.start, a.range.start)).map((e) => ({ range: e.range, text: e.newText }));
}

export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let i = -1;
  for (let k = 0; k <= occurrence; k++) {
    i = text.indexOf(needle, i + 1);
    if (i === -1) throw new Error(`${JSON.stringify(needle)} not found`);
  }
  const doc = TextDocument.create('file:///x', 'terraform', 0, text);
  return { start: doc.positionAt(i), end: doc.positionAt(i + needle.length) };
}

export function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}

/**
 * The titles of the code actions that fix something, without the "Ignore "code" on this line" that the server
 * offers last for every finding (test/protocol/ignore.test.ts tests that one).
 */
export function fixTitles(actions: { title: string }[]): string[] {
  return actions.map((a) => a.title).filter((t) => !/^Ignore "[a-z0-9-]+" on this line$/.test(t));
}

export function errors(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 1);
}

let counter = 0;
/** A fresh document URI per test, so tests sharing a server never see each other's documents. */
export function uri(name = 'main.tf'): string {
  return `file:///work/lsp-test/${process.pid}-${++counter}/${name}`;
}
