// Shared plumbing for running a real VS Code here: code-server 4.100.3 (VS Code's server build,
// installed by scripts/install-test-host.sh) plus Debian's Chromium driven by playwright-core.
// Used by the fake `code` executable (tests), the UI helper and scripts/start.mjs.
// Why this shape: shared/facts/real-vscode.md.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const VERSION = '4.100.3';
export const HOST_DIR = path.join(REPO, '.vscode-test', 'code-server');
export const ENTRY = path.join(HOST_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const INSTALL_HINT = 'run `npm run install-test-host` (scripts/install-test-host.sh)';

/** Why the host can't run, or null when it is installed. */
export function hostProblem() {
  if (!fs.existsSync(path.join(HOST_DIR, `.installed-${VERSION}`)) || !fs.existsSync(ENTRY)) {
    return `code-server ${VERSION} is not installed in ${HOST_DIR}: ${INSTALL_HINT}`;
  }
  if (!fs.existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}: ${INSTALL_HINT}`;
  return null;
}

// code-server runs in its own process group (detached), so a Ctrl+C or kill of this process would
// orphan it: whoever starts one gets exit/signal hooks that kill the group and delete scratch dirs.
const exitCleanups = new Set();
let hooksInstalled = false;
/** Runs fn (synchronously) when this process ends, even by Ctrl+C/SIGTERM/SIGHUP. Returns an unregister function. */
export function atExit(fn) {
  if (!hooksInstalled) {
    hooksInstalled = true;
    process.on('exit', () => { for (const f of exitCleanups) { try { f(); } catch { /* best effort */ } } });
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => process.exit(130));
  }
  exitCleanups.add(fn);
  return () => exitCleanups.delete(fn);
}

/** A free loopback TCP port (asks the kernel for one, then releases it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A scratch dir under a short path: code-server puts a unix socket in the user-data dir (108-char limit). */
export function makeScratch(prefix = 'vsc-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Deletes a scratch dir (kept when VSCODE_HOST_KEEP=1, for post-mortems). */
export function removeScratch(dir) {
  if (process.env.VSCODE_HOST_KEEP !== '1') fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

// code-server writes config/state under $HOME unless XDG dirs point elsewhere.
function hostEnv(scratch, extra = {}) {
  const config = path.join(scratch, 'xdg-config', 'code-server', 'config.yaml');
  if (!fs.existsSync(config)) { // pre-seeded so code-server doesn't announce writing a default one
    fs.mkdirSync(path.dirname(config), { recursive: true });
    fs.writeFileSync(config, 'auth: none\n');
  }
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(scratch, 'xdg-config'),
    XDG_DATA_HOME: path.join(scratch, 'xdg-data'),
    XDG_CACHE_HOME: path.join(scratch, 'xdg-cache'),
    // No marketplace (open-vsx is unreachable here; its lookups only log ENOTFOUND errors). .vsix installs still work.
    EXTENSIONS_GALLERY: process.env.EXTENSIONS_GALLERY ?? '{}',
    ...extra,
  };
}

/** Runs code-server's CLI to completion (e.g. --install-extension); returns { status, output }. */
export function codeServerCli(args, { scratch, userDataDir, extensionsDir }) {
  for (const d of [userDataDir, extensionsDir]) fs.mkdirSync(d, { recursive: true }); // its own mkdir isn't -p
  const res = spawnSync(process.execPath, [ENTRY, '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir, ...args], { env: hostEnv(scratch), encoding: 'utf8' });
  return { status: res.status ?? 1, output: `${res.stdout ?? ''}${res.stderr ?? ''}` };
}

/**
 * Starts code-server on 127.0.0.1 in its own process group and waits for /healthz.
 * Returns { port, origin, proc, logFile, stop() }. `stop()` kills the whole group (it spawns
 * extension hosts, file watchers, pty hosts) and is also run if this Node process exits.
 */
export async function startCodeServer({ folder, scratch, port, userDataDir, extensionsDir, env = {}, timeoutMs = 30000 }) {
  port ??= await freePort();
  userDataDir ??= path.join(scratch, 'ud');
  extensionsDir ??= path.join(scratch, 'exts');
  for (const d of [userDataDir, extensionsDir]) fs.mkdirSync(d, { recursive: true }); // its own mkdir isn't -p
  const logFile = path.join(scratch, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const args = [ENTRY, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  if (folder) args.push(folder);
  const proc = spawn(process.execPath, args, { env: hostEnv(scratch, env), detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const killGroup = (sig) => { try { process.kill(-proc.pid, sig); } catch { /* already gone */ } };
  const unregister = atExit(() => killGroup('SIGKILL'));
  let exited = false;
  proc.on('exit', () => { exited = true; });
  const stop = async () => {
    unregister();
    killGroup('SIGTERM');
    for (let i = 0; i < 30 && !exited; i++) await sleep(100);
    killGroup('SIGKILL'); // children that ignored SIGTERM
  };
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`code-server exited at startup:\n${tail(logFile)}`);
    try { if ((await fetch(`${origin}/healthz`)).ok) break; } catch { /* not listening yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error(`code-server did not answer /healthz in ${timeoutMs} ms:\n${tail(logFile)}`); }
    await sleep(100);
  }
  return { port, origin, proc, logFile, userDataDir, extensionsDir, stop, isRunning: () => !exited };
}

/**
 * The workbench URL. Extension development/test paths only work here, in the `payload`
 * (code-server rejects them on its command line), as vscode-remote URIs on this server's authority.
 */
export function workbenchUrl(server, { folder, workspaceFile, extensionDevelopmentPath = [], extensionTestsPath } = {}) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${path.resolve(p)}`;
  const payload = [].concat(extensionDevelopmentPath).map((p) => ['extensionDevelopmentPath', remote(p)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const q = new URLSearchParams();
  if (workspaceFile) q.set('workspace', path.resolve(workspaceFile));
  else if (folder) q.set('folder', path.resolve(folder));
  else q.set('ew', 'true');
  if (payload.length) q.set('payload', JSON.stringify(payload));
  return `${server.origin}/?${q}`;
}

/**
 * Headless Debian Chromium through playwright-core (no browser download). Returns { browser, context, page };
 * browser.close() ends it. Playwright owns the throwaway profile and kills the browser if this process exits.
 */
export async function launchChromium({ viewport = { width: 1280, height: 800 } } = {}) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport });
  return { browser, context, page: await context.newPage() };
}

/** Quiet defaults for a fresh profile (no welcome page, no update or telemetry chatter); keeps existing settings. */
export function seedSettings(userDataDir, extra = {}) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({
    'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'telemetry.telemetryLevel': 'off',
    'update.mode': 'none', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false,
    'security.workspace.trust.enabled': false, ...extra,
  }, null, 2));
}

// The extension host's console/stdout reaches the page through the workbench log service:
// console.log('%c INFO', 'color: #33f', format, ...args) (also WARN/ERR). The workbench's own chatter
// uses the same path, so pass on every such line except known workbench noise (losing test output is
// worse), applying the printf-style format (mocha's reporter uses '%s') that Chromium leaves alone.
const LEVEL = /^%c\s*(TRACE|DEBUG|INFO|WARN|ERR)$/;
const NOISE = /^(Resolv(ing|ed) connection token|Creating a socket|\[Service Worker\]|ChatSessionStore|Updating additional builtin extensions cache|Ignoring fetching additional builtin extensions)/;
async function formatConsole(msg) {
  const args = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => String(a))));
  if (args.length < 3 || !LEVEL.test(String(args[0]))) return null;
  const text = format(...args.slice(2));
  return NOISE.test(text) ? null : text;
}

/** page.on('console', fwd.forward): calls onLine(text) per extension-host line, in order; onOther(msg) for the rest. */
export function consoleForwarder(onLine, onOther = () => {}) {
  let chain = Promise.resolve(); // keeps lines in order although formatting is async
  const forward = (msg) => {
    chain = chain.then(() => formatConsole(msg)).catch(() => null)
      .then((text) => (text !== null ? onLine(text) : onOther(msg)));
  };
  return { forward, flushed: () => chain };
}

/** Last lines of a log file, for error messages. */
export function tail(file, lines = 40) {
  try { return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n'); } catch { return '(no log)'; }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
