// A stdio LSP client for the benchmark: spawns `node dist/server.js --stdio` and drives it as an editor would,
// through vscode-languageserver-protocol (the same library VS Code's client is built on).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

/** The system-wide monotonic clock in ms: comparable between processes of one machine. */
function monotonicMs() {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** VmRSS (current) and VmHWM (peak) of a process, in MB (from /proc/<pid>/status). */
export function procMemory(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return { rss: NaN, hwm: NaN };
  }
}

/**
 * Starts the server and completes the initialize handshake.
 * Returns a session with helpers that time each exchange from the client's side (send → receive).
 */
export async function startSession({ serverPath, execArgv = [], cwd, initializationOptions, workspaceFolders = null } = {}) {
  const child = spawn(process.execPath, [...execArgv, serverPath, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => {
    if (stderr.length < 20000) stderr += d;
  });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  /** uri -> [{ version, resolve }] */
  const waiters = new Map();
  const latest = new Map();
  const logs = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const at = performance.now();
    const atMono = monotonicMs();
    latest.set(p.uri, p);
    const list = waiters.get(p.uri);
    if (!list) return;
    for (let i = list.length - 1; i >= 0; i--) {
      const w = list[i];
      // Waiting for a version: only a publish for that version or a later one (not the empty one a close sends).
      if (w.version === undefined ? p.version === undefined : p.version !== undefined && p.version >= w.version) {
        list.splice(i, 1);
        w.resolve({ at, atMono, params: p });
      }
    }
  });
  conn.onNotification('window/logMessage', (p) => {
    if (logs.length < 200) logs.push(p.message);
  });
  conn.onNotification('window/showMessage', (p) => {
    if (logs.length < 200) logs.push(p.message);
  });
  conn.onRequest('workspace/configuration', (p) => (p.items ?? []).map(() => null));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  let exited = false;
  const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => {
    exited = true;
    resolve({ code, signal });
  }));

  const init = await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: workspaceFolders?.[0]?.uri ?? null,
    workspaceFolders,
    initializationOptions,
    capabilities: {
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: false },
        publishDiagnostics: { versionSupport: true, relatedInformation: true },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
      },
      workspace: { workspaceEdit: { documentChanges: true }, configuration: false },
    },
  });
  await conn.sendNotification('initialized', {});

  /**
   * Resolves with { at, params } when diagnostics for `uri` with at least `version` arrive (with `version`
   * undefined: an unversioned publish, as after a close); rejects after `timeoutMs`.
   */
  const waitDiagnostics = (uri, version, timeoutMs = 60000) =>
    new Promise((resolve, reject) => {
      const list = waiters.get(uri) ?? [];
      waiters.set(uri, list);
      const w = { version, resolve: (v) => { clearTimeout(timer); resolve(v); } };
      list.push(w);
      const timer = setTimeout(() => {
        const i = list.indexOf(w);
        if (i >= 0) list.splice(i, 1);
        reject(new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms${exited ? ' (server exited)' : ''}`));
      }, timeoutMs);
    });

  const session = {
    child,
    pid: child.pid,
    init,
    conn,
    logs,
    stderr: () => stderr,
    memory: () => procMemory(child.pid),
    latestDiagnostics: (uri) => latest.get(uri),

    /** didOpen → the first publishDiagnostics for that version. Returns { ms, count }. */
    async open(uri, languageId, text, version = 1, timeoutMs = 60000) {
      const wait = waitDiagnostics(uri, version, timeoutMs);
      const t0 = performance.now();
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
      const { at, params } = await wait;
      return { ms: at - t0, count: params.diagnostics.length, diagnostics: params.diagnostics };
    },

    /** didClose, then (when `waitMs` is given) the unversioned publish that clears the document's diagnostics. */
    async close(uri, waitMs) {
      const wait = waitMs ? waitDiagnostics(uri, undefined, waitMs) : undefined;
      await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      if (wait) await wait;
    },

    /** didChange (incremental) → publishDiagnostics with that version. Returns { ms, count }. */
    /**
     * didChange → the publishDiagnostics of that version. Returns { ms, count, sentMono, receivedMono }: the last
     * two on the system-wide monotonic clock (ms), which server-times.cjs reads inside the server too.
     */
    async change(uri, version, contentChanges, timeoutMs = 30000) {
      const wait = waitDiagnostics(uri, version, timeoutMs);
      const t0 = performance.now();
      const sentMono = monotonicMs();
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
      const { at, atMono, params } = await wait;
      return { ms: at - t0, count: params.diagnostics.length, sentMono, receivedMono: atMono };
    },

    /** A request timed from send to response. Returns { ms, result }. */
    async request(method, params) {
      const t0 = performance.now();
      const result = await conn.sendRequest(method, params);
      return { ms: performance.now() - t0, result };
    },

    async stop() {
      if (exited) return;
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]);
        await conn.sendNotification('exit');
      } catch {
        // already gone
      }
      const killer = setTimeout(() => child.kill('SIGKILL'), 10000);
      await exitPromise;
      clearTimeout(killer);
      conn.dispose();
    },
  };
  return session;
}

/** p-th percentile (nearest rank) of an array of numbers. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length, Math.max(1, rank)) - 1];
}

export function median(values) {
  return percentile(values, 50);
}
