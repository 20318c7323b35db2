// Layer 3 entry (`npm run test:vscode`): bundles the mocha suites in test/vscode/suite, copies the
// workspace fixture to a scratch folder, and runs the suites in a real VS Code extension host through
// @vscode/test-electron's runTests, with code-server + Chromium standing in for the desktop executable
// (see test/vscode/host/). Ends with the line `vscode: N passed, M failed`.
// Env: MOCHA_GREP (filter tests), VSCODE_TEST_TIMEOUT_MS, VSCODE_HOST_VERBOSE=1, VSCODE_HOST_KEEP=1.
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

// Typed text is saved to disk, so the host gets a throwaway copy of the workspace fixture.
const scratch = makeScratch('vsc-run-');
const workspace = path.join(scratch, 'workspace');
fs.cpSync(path.join(REPO, 'test/vscode/workspace'), workspace, { recursive: true });
const resultsFile = path.join(scratch, 'results.json');

let exitCode = 1;
try {
  // node + script rather than the `code` wrapper: no reliance on exec bits or PATH.
  exitCode = await runTests({
    vscodeExecutablePath: process.execPath,
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(OUT, 'index.js'),
    launchArgs: [HOST_SCRIPT, workspace, `--user-data-dir=${scratch}/ud`, `--extensions-dir=${scratch}/exts`],
    extensionTestsEnv: { VSCODE_TEST_RESULTS: resultsFile },
  });
} catch (e) {
  exitCode = e.code ?? 1;
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (fs.existsSync(resultsFile)) {
  const { passed, failed, skipped } = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  if (exitCode === 0 && failed > 0) exitCode = 1;
  console.log(`(real VS Code run took ${seconds} s)`);
  console.log(`vscode: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
} else {
  console.error(`test:vscode: the suites did not report results (host exit code ${exitCode}, ${seconds} s); see the output above`);
  exitCode ||= 1;
}
if (process.env.VSCODE_HOST_KEEP !== '1') fs.rmSync(scratch, { recursive: true, force: true });
process.exit(exitCode);
