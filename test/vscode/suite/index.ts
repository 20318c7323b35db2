// Test entry that VS Code's extension host loads (extensionTestsPath) and calls run() on:
// runs the compiled *.test.js next to it with mocha (vsix/ only when VSCODE_TEST_SUITE=vsix), and hands the counts back to runTest.mjs
// through the file named in VSCODE_TEST_RESULTS (the host only passes an exit code through).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30000 });
  if (process.env.MOCHA_GREP) mocha.grep(process.env.MOCHA_GREP);
  // VSCODE_TEST_SUITE=vsix runs only vsix/ (the packaged extension, installed); otherwise everything else.
  const vsix = process.env.VSCODE_TEST_SUITE === 'vsix';
  const files = (fs.readdirSync(__dirname, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.test.js') && f.startsWith(`vsix${path.sep}`) === vsix)
    .sort();
  if (files.length === 0) throw new Error(`no *.test.js files in ${__dirname}`);
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? ({} as Mocha.Stats)));
  });
  const counts = { passed: stats.passes ?? 0, failed: stats.failures ?? 0, skipped: stats.pending ?? 0 };
  if (process.env.VSCODE_TEST_RESULTS) fs.writeFileSync(process.env.VSCODE_TEST_RESULTS, JSON.stringify(counts));
  if (counts.failed > 0) throw new Error(`${counts.failed} of ${counts.passed + counts.failed} tests failed`);
  if (counts.passed === 0) throw new Error('no test ran');
}
