/**
 * The language server: LSP wiring only. Documents are kept parsed incrementally; diagnostics are pushed
 * (`textDocument/publishDiagnostics`) once a burst of changes has been applied; every handler answers
 * even on nonsense input (unknown documents, positions past the end) and never lets an exception escape.
 */
import {
  CodeAction,
  CodeActionKind,
  CancellationToken,
  CodeActionParams,
  CodeLens,
  CodeLensParams,
  CodeLensRefreshRequest,
  CompletionItem,
  CompletionItemKind,
  CompletionList,
  CompletionParams,
  Connection,
  Diagnostic as LspDiagnostic,
  DidChangeWatchedFilesNotification,
  DiagnosticSeverity,
  DiagnosticTag,
  DocumentHighlight,
  DocumentSymbol,
  ErrorCodes,
  Location,
  Hover,
  HoverParams,
  InitializeError,
  InitializeParams,
  InitializeResult,
  InsertTextFormat,
  MarkupKind,
  PrepareRenameParams,
  RenameParams,
  SymbolInformation,
  ResponseError,
  TextDocumentSyncKind,
  TextEdit,
  WorkspaceEdit,
  WorkspaceSymbolParams,
} from 'vscode-languageserver/node';
import { completeList } from '../analysis/completion';
import type { CompletionResult } from '../analysis/completion';
import type { AnalysisContext } from '../analysis/context';
import { hover } from '../analysis/hover';
import { variableHover } from '../analysis/variableHover';
import { variableCompletions } from '../analysis/variableCompletion';
import { comparePositions, rangeContains, sameRange, shiftRange } from '../model/types';
import type { Position, Range } from '../model/types';
import { defaultSchemas, SchemaRegistry } from '../schema/registry';
import type { Severity } from '../schema/types';
import type { Diagnostic } from '../engine/diagnostic';
import { BINARY_SNIFF, capSyntaxErrors, lineBreakRefusal, refusal, refusalOf } from '../engine/guards';
import { createSourceFile, isSupported, keptSourceFile, sourceFileFor } from '../engine/files';
import { contextFor } from '../engine/moduleContext';
import { applySettings, parseSettings, Settings } from '../engine/settings';
import { ignoreEdit, isIgnored, withoutIgnored } from '../engine/ignoreComments';
import type { SourceFile } from '../engine/sourceFile';
import { applyChanges, lineBreakAt, withLineBreaks, writesLoneCarriageReturn } from '../engine/text';
import { isModuleFile, Workspace } from '../engine/workspace';
import { isAutoLoaded, isVariableFile } from '../engine/variableFiles';
import { isOverrideFile } from '../analysis/partial';
import { fileURLToPath, pathToFileURL } from 'url';
import { utf8Of } from './decodeBody';
import { beforeLargeText, isLargeText, largeTextHandled } from './heap';
import { RecentlyClosed } from './recentlyClosed';
import { definition, highlights, ModuleView, references } from './navigation';
import { Refusal, renameEdits, renameTarget } from './rename';
import { documentSymbols } from './outline';
import { workspaceSymbols } from './workspaceSymbols';
import { asksFixAll, FIX_ALL_KIND, fixAllAction } from './fixAllAction';
import { fixEdits } from '../engine/fixEdits';
import { indentUnit, plainSnippetText } from './snippetText';
import { codeLensesOf, resolveCodeLens } from './codeLens';
import { placesOf, type Places } from '../engine/peerLenses';
import * as path from 'path';

interface OpenFile {
  uri: string;
  languageId?: string;
  version: number;
  /** Undefined while the file is refused (too large, binary): nothing but the refusal is reported. */
  file?: SourceFile;
  text?: string;
  refusal?: Diagnostic;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const KIND: Record<string, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  block: CompletionItemKind.Struct,
  value: CompletionItemKind.Value,
  reference: CompletionItemKind.Reference,
  class: CompletionItemKind.Class,
  keyword: CompletionItemKind.Keyword,
};

/** `edits`, or undefined when there are none (so that the item carries no empty list). */
function nonEmpty<T>(edits: T[] | undefined): T[] | undefined {
  return edits?.length ? edits : undefined;
}

export function startServer(connection: Connection, schemas: SchemaRegistry = defaultSchemas()): void {
  const files = new Map<string, OpenFile>();
  const pending = new Set<string>();
  let flushScheduled = false;
  let settings: Settings = parseSettings(undefined);
  let versionedEdits = false;
  /** Commands the client runs itself (VS Code's `alicloudBgp.importBgpPeer`), announced in initializationOptions. */
  let clientCommands = new Set<string>();
  /** Whether to ask the client for file events (`initialize` decides). */
  let registerWatchers = false;
  /** What the client can show: snippets in completions, Markdown in documentation and hovers. */
  let snippets = true;
  let markdownDocs = true;
  let markdownHover = true;
  /** Can the client be told to ask for code lenses again (`workspace/codeLens/refresh`)? */
  let lensRefresh = false;

  const log = (msg: string) => connection.console.log(msg);
  /**
   * Where the session is in LSP's lifecycle. Before `initialize` a request is refused with
   * ServerNotInitialized and a notification dropped, as the specification asks; so after `shutdown` (a client
   * that goes on talking to a server it stopped has a bug, and we have no settings or roots to answer with).
   */
  let phase: 'new' | 'serving' | 'shutDown' = 'new';
  const refusedNow = (): ResponseError<void> | undefined =>
    phase === 'new'
      ? new ResponseError(ErrorCodes.ServerNotInitialized, 'The server is not initialized yet: send initialize first.')
      : phase === 'shutDown'
        ? new ResponseError(ErrorCodes.InvalidRequest, 'The server has been shut down.')
        : undefined;
  const guarded = <P, R>(name: string, fallback: R, fn: (p: P) => R, p: P): R => {
    try {
      return fn(p);
    } catch (e) {
      connection.console.error(`${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return fallback;
    }
  };
  /** A request handler that never throws (`fallback` on a bug) and is refused outside the session. */
  const request = <P, R>(name: string, fallback: R, fn: (p: P, token?: CancellationToken) => R) => (p: P, token?: CancellationToken): R | ResponseError<void> =>
    refusedNow() ?? guarded(name, fallback, (q: P) => fn(q, token), p);
  /** A notification handler that never throws, and ignores what comes outside the session. */
  const notification = <P>(name: string, fn: (p: P) => void) => (p: P): void => {
    if (phase === 'serving') guarded(name, undefined, fn, p);
  };

  const workspace = new Workspace(schemas);
  let roots: string[] = [];
  const pathOf = (uri: string): string | undefined => {
    try {
      return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    } catch {
      return undefined;
    }
  };
  const uriOf = new Map<string, string>();
  // The module around a file: every .tf file of its folder, open or on disk.
  // Bumped by every change to any document or file: a context stays valid until the next one.
  let generation = 0;
  // By folder for the files the module index holds (they all see the same module: opening K files of a folder
  // then computes it once per change, not once per file), else by document.
  const contexts = new Map<string, { generation: number; ctx: AnalysisContext }>();
  const moduleKey = (f: SourceFile, uri?: string) => {
    const p = uri ? pathOf(uri) : undefined;
    return p && workspace.holds(p, f) ? 'module:' + path.dirname(p) : 'file:' + (uri ?? '');
  };
  const ctxFor = (f: SourceFile, uri?: string) => {
    const key = moduleKey(f, uri);
    const hit = contexts.get(key);
    if (hit && hit.generation === generation) return hit.ctx;
    const p = uri ? pathOf(uri) : undefined;
    const ctx = p ? workspace.contextFor(p, f) : contextFor([f], schemas);
    contexts.set(key, { generation, ctx });
    return ctx;
  };
  /** Re-publish the other open files of a module after one of its files changed. */
  const scheduleModule = (p: string | undefined) => {
    if (!p) return;
    for (const other of workspace.openInModule(p)) {
      const u = uriOf.get(other);
      if (u) schedule(u);
    }
  };

  /**
   * Files opened (or given a whole new text) since the last flush, with their URI and when their text was read:
   * made smaller (`compact`) once their diagnostics are out. A large one gets a line in the log.
   */
  const toCompact = new Map<SourceFile, { uri: string; readAt: number }>();
  /** A large closed file the module does not keep, kept a while in case it is opened again (`recentlyClosed.ts`). */
  const recentlyClosed = new RecentlyClosed();
  const compactAll = () => {
    for (const [f, { uri, readAt }] of toCompact) {
      const published = performance.now() - readAt;
      const stored = f.compact?.() ?? 0;
      if (!isLargeText(f.textLength())) continue;
      const chars = (f.textLength() / 1e6).toFixed(1);
      log(`${path.basename(pathOf(uri) ?? uri)} (${chars} M characters): diagnostics published ${published.toFixed(0)} ms after its text was read; ${stored ? `${stored} pieces of its text now stored at one byte per character` : 'its text is stored as it came'}`);
    }
    toCompact.clear();
  };
  let refreshLenses = false;
  const askForLenses = () => {
    refreshLenses = false;
    if (lensRefresh) connection.sendRequest(CodeLensRefreshRequest.type).catch((e) => log(`code lens refresh refused: ${String(e)}`));
  };
  const schedule = (uri: string) => {
    pending.add(uri);
    if (flushScheduled) return;
    flushScheduled = true;
    // After the queued messages: a burst of changes is analysed once.
    setImmediate(() => {
      flushScheduled = false;
      for (const u of pending) publish(u);
      pending.clear();
      compactAll();
      if (refreshLenses && settings.codeLens) askForLenses();
    });
  };

  /** The last module signature seen per folder, to know when other open files must be re-checked. */
  const signatures = new Map<string, string>();
  const publish = (uri: string) => {
    const f = files.get(uri);
    if (!f) return;
    let diagnostics: Diagnostic[];
    try {
      if (f.file) {
        const ctx = ctxFor(f.file, uri);
        diagnostics = capSyntaxErrors(f.file.diagnostics(ctx));
        // The other open files of the module need re-checking only when what they can see of it changed.
        const p = pathOf(uri);
        const dir = p && path.dirname(p);
        if (dir) {
          const before = signatures.get(dir);
          signatures.set(dir, ctx.signature);
          if (before !== undefined && before !== ctx.signature) {
            scheduleModule(p);
            // A lens of another file may count what changed: the editor asks for them again (once per burst).
            refreshLenses = true;
          }
          // An open override file is checked merged into the blocks it overrides, whose every argument counts,
          // not only what the signature covers, and an open variable file reads its variables' defaults: they are
          // checked again after any change to the module's other files.
          else if (!f.file.isOverride && !isVariableFile(p)) {
            for (const other of workspace.openInModule(p)) {
              const u = (isOverrideFile(other) || isVariableFile(other)) && other !== p ? uriOf.get(other) : undefined;
              if (u) schedule(u);
            }
          }
        }
      } else diagnostics = f.refusal ? [f.refusal] : [];
    } catch (e) {
      connection.console.error(`analysis of ${uri} failed: ${e instanceof Error ? e.stack : String(e)}`);
      diagnostics = [];
    }
    if (f.file) diagnostics = withoutIgnored(diagnostics, f.file);
    void connection.sendDiagnostics({ uri, version: f.version, diagnostics: applySettings(diagnostics, settings).map(toLsp) });
  };

  /**
   * `doc.text` is the document's text. When the message decoder left it to be read when needed (`utf8Of`), the
   * bytes it would be read from are compared with the kept parse first, and are not held on to: a large body
   * kept alive through a parse raised the peak of opening the benchmark module by 4 MB.
   */
  const open = (uri: string, languageId: string | undefined, version: number, doc: { text?: unknown }) => {
    const readAt = performance.now();
    generation++;
    const p = pathOf(uri);
    // The open version replaces the disk one in the module. The disk copy is taken out before parsing, so that
    // a large file is never held twice, and is itself the open version when it has the same text (a file
    // closed and opened again: the disk copy is the closed version, parsed and analysed). Compared with the
    // message's bytes when there are any, the text is then never made. A file the module does not keep (a CDKTF
    // program) may have been kept a while after it was closed (`recentlyClosed.ts`).
    const onDisk = p && isModuleFile(p) ? workspace.take(p) : undefined;
    const earlier = onDisk ?? recentlyClosed.take(uri);
    const kept = earlier ? keptSourceFile(uri, languageId, utf8Of(doc, 'text'), earlier) : undefined;
    const text = () => (typeof doc.text === 'string' ? doc.text : '');
    // (A kept parse is the message's text: its bytes are read for a lone carriage return, as `refusal` reads a text.)
    const refused = kept ? (refusalOf(kept.textLength(), kept.textHead(BINARY_SNIFF), settings.maxFileSizeMB) ?? lineBreakRefusal(utf8Of(doc, 'text')!)) : refusal(text(), settings.maxFileSizeMB);
    // A file with no parse kept in the module index (one that opening it again would take back) is parsed anew:
    // an earlier large text's leftovers go first.
    if (!refused && !onDisk && !kept) beforeLargeText(text().length);
    const file = refused ? undefined : kept ?? sourceFileFor(uri, languageId, text(), earlier);
    largeTextHandled(kept ? kept.textLength() : text().length);
    if (!refused && !file) return;
    if (file) toCompact.set(file, { uri, readAt });
    files.set(uri, refused ? { uri, languageId, version, refusal: refused, text: kept ? kept.text : text() } : { uri, languageId, version, file });
    if (p) {
      uriOf.set(p, uri);
      // Open first, so that reading the folder does not parse this file a second time from disk.
      // Variable files too: the module's changes reach them (`openInModule`), and the auto-loaded ones each other.
      if (isModuleFile(p) || isVariableFile(p)) {
        if (file) workspace.setOpen(p, file);
        else workspace.refresh(p); // refused: the module keeps seeing the disk version
      }
      workspace.indexDir(path.dirname(p));
      // The module changed (a new text in place of the disk copy): its other open files are checked again. The
      // disk copy taken back as it was changes nothing for them.
      if (file !== onDisk) scheduleModule(p);
    }
    schedule(uri);
  };

  /**
   * An open file analysed so far that is now too large (or binary) to analyse: it keeps only its refusal. `text` and
   * `refused`: the text the file now has, and why it is refused, when the caller knows (a lone carriage return).
   */
  const refuseIfNeeded = (f: OpenFile, file: SourceFile, text?: string, refused = refusalOf(file.textLength(), file.textHead(BINARY_SNIFF), settings.maxFileSizeMB)) => {
    if (!refused) return;
    files.set(f.uri, { uri: f.uri, languageId: f.languageId, version: f.version, refusal: refused, text: text ?? file.text });
    const p = pathOf(f.uri);
    if (p) {
      // The module sees the disk version again while this one is not analysed, and so do its other open files.
      workspace.setOpen(p, undefined);
      workspace.refresh(p);
      scheduleModule(p);
    }
  };

  connection.onInitialize((params: InitializeParams): InitializeResult | ResponseError<InitializeError> => {
    if (phase !== 'new') return new ResponseError(ErrorCodes.InvalidRequest, 'initialize may only be sent once.', { retry: false });
    phase = 'serving';
    settings = parseSettings(params.initializationOptions);
    roots = (params.workspaceFolders ?? []).map((w) => pathOf(w.uri)).filter((p): p is string => !!p);
    if (roots.length === 0 && params.rootUri) roots = [pathOf(params.rootUri)].filter((p): p is string => !!p);
    versionedEdits = !!params.capabilities.workspace?.workspaceEdit?.documentChanges;
    const announced = (params.initializationOptions as { clientCommands?: unknown } | undefined)?.clientCommands;
    clientCommands = new Set(Array.isArray(announced) ? announced.filter((c): c is string => typeof c === 'string') : []);
    // A client that says nothing of snippets or Markdown gets neither (the specification's defaults).
    const completion = params.capabilities.textDocument?.completion?.completionItem;
    snippets = completion?.snippetSupport === true;
    markdownDocs = completion?.documentationFormat?.includes(MarkupKind.Markdown) === true;
    markdownHover = params.capabilities.textDocument?.hover?.contentFormat?.includes(MarkupKind.Markdown) === true;
    lensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    // Other editors (Neovim, Helix, Emacs) send file events only for the watchers a server registers.
    registerWatchers =
      !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration &&
      (params.initializationOptions as { watchesFiles?: unknown } | undefined)?.watchesFiles !== true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        // `:` and `(` for CDKTF (`bgpGroupId: `, `.enableBfd(`).
        completionProvider: { triggerCharacters: ['"', '.', '=', ' ', ':', '('], resolveProvider: true },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor, FIX_ALL_KIND] },
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        renameProvider: { prepareProvider: true },
        documentHighlightProvider: true,
        workspaceSymbolProvider: true,
        codeLensProvider: { resolveProvider: true },
      },
      serverInfo: { name: 'alicloud-bgp-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (phase !== 'serving') return;
    if (registerWatchers) {
      // The module's files, lock files and CDKTF projects, as the VS Code client watches them.
      const watchers = ['**/*.tf', '**/*.tf.json', '**/*.tfvars', '**/*.tfvars.json', '**/.terraform.lock.hcl', '**/cdktf.json'].map((globPattern) => ({ globPattern }));
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((e) => log(`file watchers not registered: ${String(e)}`));
    }
    // Read the workspace's modules in the background; the server answers meanwhile.
    void (async () => {
      const started = Date.now();
      let n = 0;
      for (const root of roots) n += await workspace.indexTree(root);
      log(`indexed ${n} .tf files in ${Date.now() - started} ms`);
      // A module's provider version may come from a root module anywhere in the workspace that calls it. Looked
      // for only from now on, once who calls whom is read, in slices: the search reads every module file of the
      // workspace, which must not hold up an analysis (until now, roots in the folders above a module are found).
      // The open files are checked again just below.
      for (const root of roots) await workspace.prepareCallers(root);
      workspace.setSearchRoots(roots);
      generation++;
      for (const uri of files.keys()) schedule(uri);
    })().catch((e) => connection.console.error(`indexing failed: ${String(e)}`));
  });

  connection.onDidChangeWatchedFiles(
    notification('didChangeWatchedFiles', (p) => {
      generation++;
      for (const change of p.changes ?? []) {
        const file = pathOf(change.uri);
        if (!file) continue;
        const rootFile = path.basename(file) === '.terraform.lock.hcl' || isModuleFile(file);
        // The modules the folder called before the change, which may no longer be called after it.
        const calledBefore = rootFile ? workspace.calledFrom(path.dirname(file)) : undefined;
        if (change.type === 3 /* Deleted */) workspace.forget(file);
        else workspace.refresh(file);
        scheduleModule(file);
        // A CDKTF project's provider version: its programs may be in any folder below.
        if (path.basename(file) === 'cdktf.json') for (const uri of files.keys()) schedule(uri);
        // A root module's lock file, constraint and module calls give the provider version of the modules it
        // calls, below it or anywhere in the workspace (`Workspace.providerVersion`): the open files of the folders
        // below it, and of the modules it calls (or called before the change), are checked again.
        else if (rootFile) {
          const below = path.dirname(file) + path.sep;
          const called = workspace.calledFrom(path.dirname(file));
          for (const dir of calledBefore ?? []) called.add(dir);
          for (const uri of files.keys()) {
            const p = pathOf(uri);
            if (p && (p.startsWith(below) || called.has(path.resolve(path.dirname(p))))) schedule(uri);
          }
        }
      }
    }),
  );

  connection.onDidChangeConfiguration(
    notification('didChangeConfiguration', (p: { settings?: unknown }) => {
      const raw = p.settings && typeof p.settings === 'object' ? ((p.settings as Record<string, unknown>).alicloudBgp ?? p.settings) : undefined;
      const limit = settings.maxFileSizeMB;
      const lenses = settings.codeLens;
      settings = parseSettings(raw);
      // Turned on or off: the editor asks again, and gets the lenses or none.
      if (settings.codeLens !== lenses) askForLenses();
      log(`settings: diagnostics ${settings.enable ? 'on' : 'off'}, ${Object.keys(settings.severity).length} severity overrides`);
      // A new size limit applies to the open files at once: each refused one is opened again (and analysed if
      // it is small enough now), each analysed one refused if it is too large now.
      if (settings.maxFileSizeMB !== limit) {
        for (const f of [...files.values()]) {
          if (f.file) refuseIfNeeded(f, f.file);
          else {
            files.delete(f.uri);
            open(f.uri, f.languageId, f.version, { text: f.text ?? '' });
          }
        }
      }
      for (const uri of files.keys()) schedule(uri);
    }),
  );

  connection.onDidOpenTextDocument(
    notification('didOpen', (p) => {
      const d = p.textDocument;
      if (!isSupported(d.uri, d.languageId)) return;
      open(d.uri, d.languageId, d.version, d);
    }),
  );

  connection.onDidChangeTextDocument(
    notification('didChange', (p) => {
      const readAt = performance.now();
      const f = files.get(p.textDocument.uri);
      if (!f) return;
      if (typeof p.textDocument.version === 'number' && p.textDocument.version < f.version) {
        log(`ignored out-of-order change to ${f.uri} (version ${p.textDocument.version} < ${f.version})`);
        return;
      }
      f.version = p.textDocument.version ?? f.version;
      generation++;
      const changes = (p.contentChanges ?? [])
        .filter((c) => c && typeof c.text === 'string')
        .map((c) => ('range' in c && c.range ? { range: c.range, text: c.text } : { text: c.text }));
      const file = f.file;
      if (file) {
        // A change writing a line break that is a lone carriage return (`lineBreakRefusal`): the lines after it are
        // counted apart by the editor and the parser, so from that change on the text is kept plain, its lines counted
        // as the editor counts them, and the file refused. (Only a change holding a `\r` is looked at.)
        let made = changes.length;
        if (changes.some((c) => c.text.includes('\r'))) {
          made = 0;
          while (made < changes.length && !writesLoneCarriageReturn(file, changes[made])) file.update([changes[made++]]);
        } else file.update(changes);
        if (made < changes.length) refuseIfNeeded(f, file, applyChanges(file.text, changes.slice(made)), lineBreakRefusal('\r'));
        else {
          // A whole new text is made as small as an opened one, once it has been answered.
          if (changes.some((c) => !('range' in c))) toCompact.set(file, { uri: f.uri, readAt });
          refuseIfNeeded(f, file);
        }
      } else {
        // A refused file: keep its text current so that it is analysed again once it becomes acceptable.
        const text = applyChanges(f.text ?? '', changes);
        files.delete(f.uri);
        open(f.uri, f.languageId, f.version, { text });
        return;
      }
      schedule(f.uri);
      // The folder's other variable files are judged with this one's values (`engine/tfvars.ts`): the auto-loaded
      // ones, and those given with -var-file, loaded after them.
      const changed = pathOf(f.uri);
      if (changed && isAutoLoaded(changed)) {
        for (const other of workspace.openInModule(changed)) {
          const u = other !== changed && isVariableFile(other) ? uriOf.get(other) : undefined;
          if (u) schedule(u);
        }
      }
    }),
  );

  connection.onDidCloseTextDocument(
    notification('didClose', (p) => {
      generation++;
      // What a context kept of the closed file goes with it (the folder's is made again when next asked for).
      contexts.delete('file:' + p.textDocument.uri);
      const closedPath = pathOf(p.textDocument.uri);
      if (closedPath) contexts.delete('module:' + path.dirname(closedPath));
      const closed = files.get(p.textDocument.uri)?.file;
      // A large file the module index does not keep is kept a while, in case it is opened again; else its memory
      // is collected soon.
      if (closed && isLargeText(closed.textLength()) && !(closedPath && (isModuleFile(closedPath) || isAutoLoaded(closedPath)))) recentlyClosed.keep(p.textDocument.uri, closed);
      else largeTextHandled(closed?.textLength() ?? 0);
      if (files.delete(p.textDocument.uri)) void connection.sendDiagnostics({ uri: p.textDocument.uri, diagnostics: [] });
      const file = pathOf(p.textDocument.uri);
      if (file) {
        workspace.close(file, closed);
        uriOf.delete(file);
        scheduleModule(file);
      }
    }),
  );

  connection.onCompletion(
    request('completion', [] as CompletionItem[] | CompletionList, (p: CompletionParams) => {
      const f = files.get(p.textDocument.uri)?.file;
      if (!f || !validPosition(p.position)) return [];
      const at = f.cursorContext(p.position) ?? variableFileCursor(f, p.textDocument.uri, p.position);
      if (!at) return [];
      const result = 'items' in at ? at : completeList(at.cursor, ctxFor(f, p.textDocument.uri), f.completionWriter);
      const base = 'items' in at ? 0 : at.base;
      // Written as the cursor's line ends (a file may mix `\n` and `\r\n`).
      const eol = () => lineBreakAt(f, p.position.line);
      const breakAt = (l: number) => lineBreakAt(f, l);
      const indent = () => /^[ \t]*/.exec(f.lineText(p.position.line))![0];
      const plainText = (item: { insertText: string }) => plainSnippetText(item.insertText, indent(), indentUnit(f.language), eol());
      // The documentation names arguments as the hover does: as the file's language writes them (`enableBfd: true`).
      const instance = 'items' in at || at.cursor.mode === 'resourceType' ? undefined : at.cursor.instance;
      const docs = (md: string) => (instance && f.localizeHover ? f.localizeHover(md, instance) : md);
      const items = result.items.map((item): CompletionItem => ({
        label: item.label,
        kind: KIND[item.kind],
        detail: item.detail,
        documentation: item.documentation ? { kind: markdownDocs ? MarkupKind.Markdown : MarkupKind.PlainText, value: docs(item.documentation) } : undefined,
        // Documented when resolved (`completionItem/resolve`).
        data: item.variable !== undefined ? { uri: p.textDocument.uri, variable: item.variable } : undefined,
        textEdit: { range: shiftRange(item.range, base), newText: item.snippet && !snippets ? plainText(item) : item.insertText },
        additionalTextEdits: nonEmpty(f.importEdits && withLineBreaks(f.importEdits(item.insertText), breakAt)),
        insertTextFormat: item.snippet && snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        sortText: item.sortText,
        filterText: item.filterText,
        preselect: item.preselect,
      }));
      return result.isIncomplete ? { isIncomplete: true, items } : items;
    }),
  );

  // A variable's item gets its documentation when the client shows it: its hover, in the context the completion
  // was made in while nothing has changed since (`ctxFor` keeps it, with the module's uses it read).
  const resolveItem = (item: CompletionItem): CompletionItem => {
    const data = item?.data as { uri?: unknown; variable?: unknown } | undefined;
    if (typeof data?.uri !== 'string' || typeof data.variable !== 'string') return item;
    const f = files.get(data.uri)?.file;
    if (!f) return item;
    return { ...item, documentation: { kind: markdownDocs ? MarkupKind.Markdown : MarkupKind.PlainText, value: variableHover(data.variable, ctxFor(f, data.uri)) } };
  };
  // On a bug, the item as it came.
  connection.onCompletionResolve((item: CompletionItem) => refusedNow() ?? guarded('completionItem/resolve', item, resolveItem, item));

  /** In a `.tfvars` file, a variable's name at the start of a line: the module's variables not assigned yet. */
  const variableFileCursor = (f: SourceFile, uri: string, pos: Position): CompletionResult | undefined => {
    const typing = f.variableNameAt?.(pos);
    if (!typing) return undefined;
    const assigned = new Set((f.variableAssignments?.() ?? []).filter((a) => a.keyRange.start.line !== typing.range.start.line).map((a) => a.name));
    return { items: variableCompletions(ctxFor(f, uri), typing, assigned), isIncomplete: false };
  };

  connection.onHover(
    request('hover', null as Hover | null, (p: HoverParams) => {
      const f = files.get(p.textDocument.uri)?.file;
      if (!f || !validPosition(p.position)) return null;
      const loc = f.locate(p.position);
      if (!loc) {
        // A variable file's name: what the module declares of it and passes it to.
        const assigned = f.assignmentAt?.(p.position);
        if (!assigned) return null;
        const value = variableHover(assigned.name, ctxFor(f, p.textDocument.uri));
        return { contents: { kind: markdownHover ? MarkupKind.Markdown : MarkupKind.PlainText, value }, range: assigned.keyRange };
      }
      const h = hover(loc.instance, loc.rel, schemas);
      if (!h) return null;
      const value = f.localizeHover ? f.localizeHover(h.markdown, loc.instance) : h.markdown;
      return { contents: { kind: markdownHover ? MarkupKind.Markdown : MarkupKind.PlainText, value }, range: shiftRange(h.range, loc.base) };
    }),
  );

  /** Where a code action's edits go: the open document, of its version when the client checks versions. */
  const editOf = (open: OpenFile) => (edits: TextEdit[]): WorkspaceEdit =>
    versionedEdits
      ? { documentChanges: [{ textDocument: { uri: open.uri, version: open.version }, edits }] }
      : { changes: { [open.uri]: edits } };
  const reported = (code: string) => settings.enable && settings.severity[code] !== 'off';

  connection.onCodeAction(
    request('codeAction', [] as CodeAction[] | Promise<CodeAction[]>, (p: CodeActionParams, token?: CancellationToken) => {
      const open = files.get(p.textDocument.uri);
      const f = open?.file;
      if (!open || !f || !validRange(p.range)) return [];
      if (!asksFixAll(p.context?.only)) return codeActions(p, open, f);
      // Fix all first. On a large file it pauses for the server to read what came in meanwhile (`fixAllAction`),
      // and stops as soon as the answer is not wanted (the request cancelled, as VS Code does when the document
      // changes) or would be of another text: the document changed or closed. The other actions are made after it,
      // of the text it was made of.
      const version = open.version;
      const stale = () => !!token?.isCancellationRequested || files.get(open.uri) !== open || open.file !== f || open.version !== version;
      const ctx = ctxFor(f, open.uri);
      const file = pathOf(open.uri);
      const reread = (text: string) => createSourceFile(open.uri, open.languageId, text) ?? f;
      const contextOf = (g: SourceFile) => (g === f ? ctx : file ? workspace.contextFor(file, g) : contextFor([g], schemas));
      return fixAllAction(f, { reread, contextOf, reported }, editOf(open), stale).then(
        (action) => (stale() ? [] : [...(action ? [action] : []), ...codeActions(p, open, f)]),
        (e: unknown) => {
          connection.console.error(`codeAction failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
          return [];
        },
      );
    }),
  );

  /** The code actions other than fix all: the quick fixes of the findings in the range, ignore comments, the import. */
  const codeActions = (p: CodeActionParams, open: OpenFile, f: SourceFile): CodeAction[] => {
    const actions: CodeAction[] = [];
    const ctx = ctxFor(f, open.uri);
    // A fix writes the line break of the line it edits: a file may mix `\n` and `\r\n`.
    const breakAt = (l: number) => lineBreakAt(f, l);
    const edit = editOf(open);
    const only = p.context?.only;
    const silencers = new Map<string, CodeAction>();
    const quickFixes = !only || only.some((k) => k === '' || k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.'));
    for (const { value: finding, base } of quickFixes ? f.findingsAt(asWritten(p.range, f), ctx) : []) {
      if (!reported(finding.code)) continue;
      const absRange = shiftRange(finding.range, base);
      if (isIgnored(finding.code, absRange.start.line, f)) continue;
      const diagnostic = (p.context?.diagnostics ?? []).find((d) => d.code === finding.code && sameRange(d.range, absRange)) ?? toLsp({ ...finding, range: absRange });
      for (const fix of finding.fixes) {
        const edits = fixEdits(f, fix.edits, finding.instance, base);
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred,
          edit: edit(edits),
        });
      }
      // Last, after the fixes: silencing a finding where it is written, one action per code and line.
      const key = `${finding.code}@${absRange.start.line}`;
      const ignore = silencers.has(key) || f.withoutComments ? undefined : ignoreEdit(f, finding.code, absRange.start.line, breakAt(absRange.start.line));
      if (ignore) {
        silencers.set(key, {
          title: `Ignore "${finding.code}" on this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: edit([ignore]),
        });
      }
    }
    actions.push(...silencers.values());
    // On a BGP peer block or construct: the client's "Import existing BGP peer…", told which block it is. Not on
    // a CDKTF config struct written apart from its construct: it declares no resource to import into.
    if (clientCommands.has(IMPORT_COMMAND) && (!only || only.some((k) => k === '' || k === CodeActionKind.Refactor))) {
      // The block at the cursor (not a walk over every block of the file).
      const at = f.locate(p.range.start);
      const inst = at?.instance;
      const r = inst && shiftRange(inst.range, at.base);
      const config = inst && 'config' in inst && inst.config === true;
      if (inst && r && !config && inst.kind === 'resource' && inst.type === 'alicloud_vpc_bgp_peer' && rangeContains(r, p.range.start)) {
        const title = 'Import existing BGP peer…';
        const args = { uri: open.uri, name: inst.name, range: r, version: open.version };
        actions.push({ title, kind: CodeActionKind.Refactor, command: { title, command: IMPORT_COMMAND, arguments: [args] } });
      }
    }
    return actions;
  };

  /** The module of an open file as [uri, file] pairs (disk files get file:// URIs). */
  const moduleOf = (uri: string, f: SourceFile): ModuleView => ({
    files: () => {
      const p = pathOf(uri);
      if (!p) return [[uri, f]];
      return workspace.moduleEntries(p).map(([file, source]) => [uriOf.get(file) ?? pathToFileURL(file).toString(), source]);
    },
  });

  /**
   * Not a place in a file on disk whose lines an editor counts apart from the index (a lone carriage return:
   * `Workspace.linesMiscounted`): sent, it would point at the wrong line. Rename refuses to edit such a file.
   */
  const countedAsEditors = (location: Location): boolean => {
    const p = pathOf(location.uri);
    return !p || !workspace.linesMiscounted(p);
  };

  connection.onWorkspaceSymbol(
    request('workspaceSymbol', [] as SymbolInformation[], (p: WorkspaceSymbolParams) =>
      typeof p?.query === 'string'
        ? workspaceSymbols(p.query, workspace.allModuleFiles(), (file) => uriOf.get(file) ?? pathToFileURL(file).toString(), roots).filter((x) => countedAsEditors(x.location))
        : [],
    ),
  );

  connection.onDefinition(
    request('definition', [] as Location[], (p) => {
      const f = files.get(p.textDocument.uri)?.file;
      if (!f || !validPosition(p.position)) return [];
      return definition(f, p.position, moduleOf(p.textDocument.uri, f)).filter(countedAsEditors);
    }),
  );

  connection.onReferences(
    request('references', [] as Location[], (p) => {
      const f = files.get(p.textDocument.uri)?.file;
      if (!f || !validPosition(p.position)) return [];
      return references(f, p.position, moduleOf(p.textDocument.uri, f), !!p.context?.includeDeclaration).filter(countedAsEditors);
    }),
  );

  connection.onDocumentHighlight(
    request('documentHighlight', [] as DocumentHighlight[], (p) => {
      const f = files.get(p.textDocument.uri)?.file;
      // Terraform only: in a CDKTF program the language's own service highlights its variables.
      if (!f || f.language !== 'hcl' || !validPosition(p.position)) return [];
      return highlights(f, p.position);
    }),
  );

  // A refusal is an error answer: the editor shows its message where the user typed the new name.
  const refused = (r: Refusal) => new ResponseError<void>(-32803 /* RequestFailed */, r.message);

  connection.onPrepareRename(
    request('prepareRename', null as Range | null | ResponseError<void>, (p: PrepareRenameParams) => {
      const f = files.get(p.textDocument.uri)?.file;
      if (!f || f.language !== 'hcl' || !validPosition(p.position)) return null;
      const t = renameTarget(f, p.position, moduleOf(p.textDocument.uri, f));
      return t instanceof Refusal ? refused(t) : (t?.range ?? null);
    }),
  );

  connection.onRenameRequest(
    request('rename', null as WorkspaceEdit | null | ResponseError<void>, (p: RenameParams) => {
      const f = files.get(p.textDocument.uri)?.file;
      if (!f || f.language !== 'hcl' || !validPosition(p.position) || typeof p.newName !== 'string') return null;
      const edits = renameEdits(f, p.position, p.newName, moduleOf(p.textDocument.uri, f));
      if (!edits) return null;
      if (edits instanceof Refusal) return refused(edits);
      if (!versionedEdits) return { changes: Object.fromEntries(edits) };
      // An open document's edits are for its current version; a file on disk has none.
      return { documentChanges: [...edits].map(([uri, e]) => ({ textDocument: { uri, version: files.get(uri)?.version ?? null }, edits: e })) };
    }),
  );

  connection.onDocumentSymbol(
    request('documentSymbol', [] as DocumentSymbol[], (p) => {
      const f = files.get(p.textDocument.uri)?.file;
      // A packed outline comes as `RawJson`, which our writer sends as it is (see `rawJson.ts`).
      return (f ? documentSymbols(f) : []) as DocumentSymbol[];
    }),
  );

  connection.onCodeLens(
    request('codeLens', [] as CodeLens[], (p: CodeLensParams) => {
      const f = files.get(p.textDocument.uri)?.file;
      if (!f || !settings.codeLens) return [];
      return codeLensesOf(p.textDocument.uri, f, ctxFor(f, p.textDocument.uri));
    }),
  );

  // Where a module's peers are declared, for the lenses resolved until the next change (the editor resolves the
  // few it shows, each in its own request).
  let places: { generation: number; key: string; type: string; places: Places } | undefined;
  const placesIn = (uri: string, f: SourceFile, type: string): Places => {
    const key = moduleKey(f, uri);
    if (places?.generation !== generation || places.key !== key || places.type !== type) {
      places = { generation, key, type, places: placesOf(type, moduleOf(uri, f).files()) };
    }
    return places.places;
  };
  connection.onCodeLensResolve((lens: CodeLens) =>
    refusedNow() ??
    guarded(
      'codeLens/resolve',
      lens,
      (l: CodeLens) =>
        resolveCodeLens(l, (uri) => {
          const f = files.get(uri)?.file;
          return f && { ctx: ctxFor(f, uri), places: (type: string) => placesIn(uri, f, type) };
        }),
      lens,
    ),
  );

  connection.onShutdown(() => {
    const refused = refusedNow();
    if (refused) return refused;
    phase = 'shutDown';
    files.clear();
    recentlyClosed.drop();
  });
}

function toLsp(d: Diagnostic): LspDiagnostic {
  const out: LspDiagnostic = { range: d.range, severity: SEVERITY[d.severity], code: d.code, source: 'alicloud-bgp', message: d.message };
  if (d.tags) out.tags = d.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  return out;
}

function validPosition(p: Position | undefined): p is Position {
  return !!p && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0;
}

/**
 * A range as the document holds it: its ends in order, and a character past the end of its line at the line's
 * end (the specification's rule: an editor's selection may run past the text).
 */
function asWritten(r: Range, f: SourceFile): Range {
  const [start, end] = comparePositions(r.start, r.end) <= 0 ? [r.start, r.end] : [r.end, r.start];
  const clamp = (p: Position): Position => {
    const length = f.lineText(p.line).length;
    return p.character > length ? { line: p.line, character: length } : p;
  };
  return { start: clamp(start), end: clamp(end) };
}

function validRange(r: Range | undefined): r is Range {
  return !!r && validPosition(r.start) && validPosition(r.end);
}

const IMPORT_COMMAND = 'alicloudBgp.importBgpPeer';

