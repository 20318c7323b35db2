// `npm test`: every test layer (DESIGN.md "Tests, by layer"), then one closing line with the totals.
//   1. build the bundles the protocol, CLI and VS Code layers run
//   2. unit, protocol, CLI and corpus tests with Node's test runner (TypeScript through tsx)
//   3. the real-VS-Code layer (code-server extension host), when its host is installed
//   4. the benchmark on its small workloads, as a smoke check that it still runs (no timing thresholds)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const only = process.argv.slice(2); // e.g. `npm test -- unit protocol`
const want = (layer) => only.length === 0 || only.includes(layer);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return r.status ?? 1;
}

let passed = 0;
let failed = 0;

if (run(process.execPath, ['scripts/build.mjs']) !== 0) {
  console.error('build failed');
  process.exit(1);
}

const nodeLayers = ['unit', 'protocol', 'cli', 'corpus'].filter(want);
const files = nodeLayers.flatMap((layer) => {
  const dir = path.join('test', layer);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort().map((f) => path.join(dir, f)) : [];
});
if (files.length > 0) {
  const tap = path.join(os.tmpdir(), `alicloud-bgp-tap-${process.pid}.txt`);
  const status = run(process.execPath, [
    '--import', 'tsx', '--test',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  const out = fs.existsSync(tap) ? fs.readFileSync(tap, 'utf8') : '';
  fs.rmSync(tap, { force: true });
  const p = Number(/^# pass (\d+)/m.exec(out)?.[1] ?? 0);
  const f = Number(/^# fail (\d+)/m.exec(out)?.[1] ?? 0);
  passed += p;
  failed += f + (status !== 0 && f === 0 ? 1 : 0);
  console.log(`node layers (${nodeLayers.join(', ')}): ${p} passed, ${f} failed`);
}

if (want('vscode') && fs.existsSync('test/vscode/runTest.mjs')) {
  const r = spawnSync(process.execPath, ['test/vscode/runTest.mjs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(r.stdout ?? '');
  const m = /vscode: (\d+) passed, (\d+) failed/.exec(r.stdout ?? '');
  passed += Number(m?.[1] ?? 0);
  failed += Number(m?.[2] ?? 0) + (r.status !== 0 && !(Number(m?.[2] ?? 0) > 0) ? 1 : 0);
}

if (want('bench') && fs.existsSync('scripts/bench/run.mjs')) {
  const status = run(process.execPath, ['scripts/bench/run.mjs', '--quick']);
  console.log(`bench smoke (npm run bench -- --quick): ${status === 0 ? '1 passed, 0 failed' : '0 passed, 1 failed'}`);
  if (status === 0) passed++;
  else failed++;
}

console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
