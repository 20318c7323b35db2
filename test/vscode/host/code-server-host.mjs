#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }):
// desktop VS Code can't be downloaded here, so this accepts VS Code's CLI flags, runs the tests in
// code-server's real Node extension host (opened in headless Chromium), and exits with their code.
// Also handles `--install-extension X.vsix` / `--uninstall-extension` / `--list-extensions` like `code`.
// Env: VSCODE_TEST_TIMEOUT_MS (default 300000), VSCODE_HOST_VERBOSE=1 (all browser console + server log).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  atExit, codeServerCli, consoleForwarder, hostProblem, launchChromium, makeScratch, removeScratch, seedSettings,
  startCodeServer, tail, workbenchUrl,
} from './code-server.mjs';

const VALUED = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir',
  'install-extension', 'uninstall-extension', 'locale', 'folder-uri', 'log', 'profile']);
const REPEATED = new Set(['extensionDevelopmentPath', 'install-extension', 'uninstall-extension']);
const CLI_ONLY = ['install-extension', 'uninstall-extension', 'list-extensions'];
const verbose = process.env.VSCODE_HOST_VERBOSE === '1';
const log = (m) => process.stderr.write(`[vscode-host] ${m}\n`);

/** VS Code-style flags: --a=b, --a b (for valued flags), bare --switches, positional paths. */
function parseArgs(argv) {
  const flags = {}; const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) { positional.push(a); continue; }
    let [name, value] = a.slice(2).split(/=(.*)/s);
    if (value === undefined) value = VALUED.has(name) ? argv[++i] : true;
    if (REPEATED.has(name)) (flags[name] ??= []).push(value);
    else flags[name] = value;
  }
  return { flags, positional };
}

async function runTestsInBrowser(flags, positional, scratch) {
  const userDataDir = path.resolve(flags['user-data-dir'] ?? path.join(scratch, 'ud'));
  const extensionsDir = path.resolve(flags['extensions-dir'] ?? path.join(scratch, 'exts'));
  const folderUri = flags['folder-uri']?.startsWith('file:') && fileURLToPath(flags['folder-uri']);
  const target = positional[0] ? path.resolve(positional[0]) : folderUri || undefined;
  const isWorkspaceFile = target?.endsWith('.code-workspace');
  const timeoutMs = Number(process.env.VSCODE_TEST_TIMEOUT_MS ?? 300000);
  seedSettings(userDataDir);
  const server = await startCodeServer({ folder: target, scratch, userDataDir, extensionsDir });
  let browser;
  let timer;
  try {
    browser = await launchChromium();
    const { page } = browser;
    const consoleLines = consoleForwarder((line) => process.stdout.write(`${line}\n`),
      verbose ? (msg) => process.stderr.write(`[browser ${msg.type()}] ${msg.text()}\n`) : undefined);
    let settle;
    const result = new Promise((resolve, reject) => { settle = { resolve, reject }; });
    result.catch(() => {}); // may fail while goto() is still pending; awaited below
    // The workbench calls window.codeAutomationExit(code) once the tests' run() settles.
    await page.exposeFunction('codeAutomationExit', (code) => settle.resolve(Number(code) || 0));
    page.on('console', consoleLines.forward);
    page.on('pageerror', (e) => verbose && log(`page error: ${e.message}`));
    page.on('crash', () => settle.reject(new Error('the workbench page crashed')));
    server.proc.on('exit', (c) => settle.reject(new Error(`code-server exited (${c}) before the tests finished:\n${tail(server.logFile)}`)));
    timer = setTimeout(() => settle.reject(new Error(`timed out after ${timeoutMs / 1000} s waiting for the tests `
      + 'to finish (no codeAutomationExit call); set VSCODE_TEST_TIMEOUT_MS to allow longer.\n'
      + `code-server log tail:\n${tail(server.logFile)}`)), timeoutMs);
    const url = workbenchUrl(server, {
      folder: isWorkspaceFile ? undefined : target, workspaceFile: isWorkspaceFile ? target : undefined,
      extensionDevelopmentPath: flags.extensionDevelopmentPath ?? [], extensionTestsPath: flags.extensionTestsPath,
    });
    if (verbose) log(`opening ${url}`);
    await page.goto(url);
    try { return await result; } finally { await consoleLines.flushed(); }
  } finally {
    clearTimeout(timer);
    await browser?.browser.close().catch(() => {});
    await server.stop();
    if (verbose) process.stderr.write(`--- code-server log ---\n${tail(server.logFile, 200)}\n`);
  }
}

async function main() {
  const { flags, positional } = parseArgs(process.argv.slice(2));
  const problem = hostProblem();
  if (problem) { log(problem); return 2; }
  const scratch = makeScratch('vsc-host-');
  atExit(() => removeScratch(scratch)); // also on Ctrl+C (runTests forwards it as SIGINT)
  try {
    if (CLI_ONLY.some((f) => flags[f])) { // `code --install-extension x.vsix` and friends
      const args = [];
      for (const f of [...CLI_ONLY, 'force', 'show-versions']) {
        for (const v of [].concat(flags[f] ?? [])) args.push(`--${f}`, ...(v === true ? [] : [path.extname(v) === '.vsix' ? path.resolve(v) : v]));
      }
      const { status, output } = codeServerCli(args, {
        scratch, userDataDir: path.resolve(flags['user-data-dir'] ?? path.join(scratch, 'ud')),
        extensionsDir: path.resolve(flags['extensions-dir'] ?? path.join(scratch, 'exts')),
      });
      process.stdout.write(output);
      return status;
    }
    if (!flags.extensionTestsPath) {
      log('no --extensionTestsPath: this host only runs tests (use `npm start` for an interactive VS Code)');
      return 2;
    }
    if (!flags.extensionDevelopmentPath) { // the workbench would silently never run the tests
      log('--extensionTestsPath needs --extensionDevelopmentPath too (VS Code ignores the tests without it)');
      return 2;
    }
    return await runTestsInBrowser(flags, positional, scratch);
  } catch (e) {
    log(e.message);
    return 1;
  }
}

process.exit(await main());
