// Runs the UI tests (test/vscode/ui/*.ui.test.mjs) with mocha in plain Node: each drives a real workbench
// (code-server + headless Chromium) through workbench.mjs. Ends with `ui: N passed, M failed`.
// Usage: node test/vscode/ui/run.mjs [--screenshots DIR]   (env MOCHA_GREP filters tests)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Mocha from 'mocha';
import { hostProblem } from '../host/code-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const i = process.argv.indexOf('--screenshots');
if (i > 0) process.env.UI_SCREENSHOTS_DIR = path.resolve(process.argv[i + 1]);
const problem = hostProblem();
if (problem) {
  console.error(`ui: ${problem}`);
  console.log('ui: 0 passed, 1 failed');
  process.exit(1);
}
const started = Date.now();
const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 120000 });
if (process.env.MOCHA_GREP) mocha.grep(process.env.MOCHA_GREP);
for (const f of fs.readdirSync(here).filter((f) => f.endsWith('.ui.test.mjs')).sort()) mocha.addFile(path.join(here, f));
await mocha.loadFilesAsync();
const stats = await new Promise((resolve) => {
  const runner = mocha.run(() => resolve(runner.stats));
});
console.log(`(ui tests took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log(`ui: ${stats.passes} passed, ${stats.failures} failed`);
process.exit(stats.failures > 0 || stats.passes === 0 ? 1 : 0);
