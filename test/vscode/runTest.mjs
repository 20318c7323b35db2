// Layer 3 entry (`npm run test:vscode`): bundles the mocha suites in test/vscode/suite, copies the
// workspace fixture to a scratch folder, and runs the suites in a real VS Code extension host through
// @vscode/test-electron's runTests, with code-server + Chromium standing in for the desktop executable
// (see test/vscode/host/). Then two more parts of the same layer:
//   ui    the workbench UI driven in Chromium (test/vscode/ui/run.mjs)
//   vsix  `npm run package`, the .vsix installed with --install-extension, suite/vsix/ run against it
// Ends with the line `vscode: N passed, M failed` (all three parts).
// Env: MOCHA_GREP (filter tests; skips ui and vsix), VSCODE_SKIP_UI=1, VSCODE_SKIP_VSIX=1,
//      VSCODE_TEST_TIMEOUT_MS, VSCODE_HOST_VERBOSE=1, VSCODE_HOST_KEEP=1.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { runTests } from '@vscode/test-electron';
import { REPO, hostProblem, makeScratch } from './host/code-server.mjs';

const SUITE = path.join(REPO, 'test/vscode/suite');
const OUT = path.join(REPO, 'out/test/vscode/suite');
const HOST_SCRIPT = path.join(REPO, 'test/vscode/host/code-server-host.mjs');
const fail = (msg) => { console.error(`test:vscode: ${msg}`); process.exit(1); };

const started = Date.now();
const problem = hostProblem();
if (problem) fail(problem);
if (!fs.existsSync(path.join(REPO, 'dist/extension.js'))) fail('dist/extension.js is missing: run `npm run build` first');

// Each *.test.ts is its own bundle so index.js can find and load them one by one;
// npm packages (vscode, mocha, ...) stay external and resolve from the repo's node_modules.
const entryPoints = fs.readdirSync(SUITE, { recursive: true })
  .filter((f) => f.endsWith('.test.ts') || f === 'index.ts')
  .map((f) => path.join(SUITE, f));
fs.rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints, outdir: OUT, outbase: SUITE, bundle: true, packages: 'external',
  format: 'cjs', platform: 'node', target: 'node20', sourcemap: 'inline', logLevel: 'warning',
});

// Typed text is saved to disk, so each host run gets a throwaway copy of the workspace fixture.
const scratch = makeScratch('vsc-run-');

/** Runs the bundled suites in the host; returns { code, counts } (counts from the results file). */
let runNo = 0;
async function runSuites({ extensionDevelopmentPath, extensionsDir, env = {} }) {
  const n = runNo++;
  const ws = path.join(scratch, `workspace-${n}`);
  fs.cpSync(path.join(REPO, 'test/vscode/workspace'), ws, { recursive: true });
  // The multi-file fixture modules of the unit and protocol tests, as folders of the same workspace.
  fs.cpSync(path.join(REPO, 'test/fixtures/modules'), path.join(ws, 'module'), { recursive: true });
  const results = path.join(scratch, `results-${n}.json`);
  let code = 1;
  try {
    // node + script rather than the `code` wrapper: no reliance on exec bits or PATH.
    code = await runTests({
      vscodeExecutablePath: process.execPath,
      extensionDevelopmentPath,
      extensionTestsPath: path.join(OUT, 'index.js'),
      launchArgs: [HOST_SCRIPT, ws, `--user-data-dir=${scratch}/ud-${n}`, `--extensions-dir=${extensionsDir}`],
      extensionTestsEnv: { VSCODE_TEST_RESULTS: results, ...env },
    });
  } catch (e) {
    code = e.code ?? 1;
  }
  const counts = fs.existsSync(results) ? JSON.parse(fs.readFileSync(results, 'utf8')) : undefined;
  return { code, counts };
}
const total = { passed: 0, failed: 0, skipped: 0 };
const add = (what, counts, code) => {
  if (!counts) {
    console.error(`test:vscode: ${what} did not report results (exit code ${code}); see the output above`);
    total.failed += 1;
    return;
  }
  total.passed += counts.passed; total.failed += counts.failed + (code !== 0 && counts.failed === 0 ? 1 : 0); total.skipped += counts.skipped ?? 0;
  console.log(`${what}: ${counts.passed} passed, ${counts.failed} failed`);
};

// 1. The suites, against the extension under development.
const dev = await runSuites({
  extensionDevelopmentPath: REPO, extensionsDir: `${scratch}/exts`,
  env: { VSCODE_ACTIVATION_OUT: path.join(REPO, 'out/test/vscode/activation.json') },
});
add('part suites', dev.counts, dev.code);

const extras = !process.env.MOCHA_GREP;
if (!extras) console.log('(MOCHA_GREP is set: the ui and vsix parts are skipped)');

// 2. The workbench UI in Chromium.
if (extras && process.env.VSCODE_SKIP_UI !== '1') {
  const r = spawnSync(process.execPath, [path.join(REPO, 'test/vscode/ui/run.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(r.stdout ?? '');
  const m = /^ui: (\d+) passed, (\d+) failed/m.exec(r.stdout ?? '');
  add('part ui', m ? { passed: Number(m[1]), failed: Number(m[2]) } : undefined, r.status ?? 1);
}

// 3. The packaged extension: build the .vsix, check its size, install it, run suite/vsix/ against the
//    installed copy (a dummy development extension keeps the repository copy out of the way).
if (extras && process.env.VSCODE_SKIP_VSIX !== '1') {
  const pkgDir = path.join(scratch, 'pkg');
  fs.mkdirSync(pkgDir, { recursive: true });
  const vsix = path.join(pkgDir, 'alicloud-bgp-peer.vsix');
  try {
    const pack = spawnSync('npm', ['run', 'package', '--', '--out', vsix], { cwd: REPO, encoding: 'utf8' });
    if (pack.status !== 0 || !fs.existsSync(vsix)) throw new Error(`npm run package failed:\n${pack.stdout}${pack.stderr}`);
    const size = fs.statSync(vsix).size;
    const ok = size <= 2 * 1024 * 1024;
    console.log(`vsix: ${(size / 1024).toFixed(0)} KB (limit 2048 KB) ${ok ? '✔' : '✘'}`);
    add('part vsix size', { passed: ok ? 1 : 0, failed: ok ? 0 : 1 }, 0);
    const exts = path.join(scratch, 'vsix-exts');
    const install = spawnSync(process.execPath, [HOST_SCRIPT, '--install-extension', vsix, `--extensions-dir=${exts}`, `--user-data-dir=${scratch}/vsix-ud`], { encoding: 'utf8' });
    if (install.status !== 0) throw new Error(`--install-extension failed:\n${install.stdout}${install.stderr}`);
    const dummy = path.join(scratch, 'dummy-extension');
    fs.mkdirSync(dummy, { recursive: true });
    fs.writeFileSync(path.join(dummy, 'package.json'), JSON.stringify({ name: 'vsix-test-runner', publisher: 'test', version: '0.0.0', engines: { vscode: '^1.100.0' } }));
    const r = await runSuites({ extensionDevelopmentPath: dummy, extensionsDir: exts, env: { VSCODE_TEST_SUITE: 'vsix', VSCODE_REPO: REPO } });
    add('part vsix installed', r.counts, r.code);
  } catch (e) {
    console.error(`test:vscode: vsix: ${e.message}`);
    total.failed += 1;
  } finally {
    // `npm run package` left minified bundles in dist/: put the development build back.
    spawnSync(process.execPath, [path.join(REPO, 'scripts/build.mjs')], { cwd: REPO, stdio: 'ignore' });
  }
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`(real VS Code run took ${seconds} s)`);
console.log(`vscode: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
if (process.env.VSCODE_HOST_KEEP !== '1') fs.rmSync(scratch, { recursive: true, force: true });
process.exit(total.failed > 0 ? 1 : 0);
