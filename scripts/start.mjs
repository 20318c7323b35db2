// `npm start`: opens examples/ in a real VS Code with the extension under development loaded.
// Desktop `code` on PATH → `code --extensionDevelopmentPath=<repo> <repo>/examples`.
// Otherwise (these machines) → code-server on 127.0.0.1 (PORT or a free port); open the printed URL
// in a browser. Ctrl+C stops it and its whole process group (see atExit in code-server.mjs). START_WEB=1 forces code-server.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO, hostProblem, seedSettings, startCodeServer, workbenchUrl } from '../test/vscode/host/code-server.mjs';

const examples = path.join(REPO, 'examples');
// git keeps no empty folders: without examples/ (fresh clone), open the repo itself.
const folder = fs.existsSync(examples) ? examples : REPO;
const run = (cmd, args) => spawnSync(cmd, args, { cwd: REPO, stdio: 'inherit' }).status === 0;

if (!fs.existsSync(path.join(REPO, 'dist/extension.js'))) {
  console.log('start: dist/ is missing, building it first (npm run build)');
  if (!run('npm', ['run', 'build'])) process.exit(1);
}

const desktop = process.env.START_WEB !== '1' && spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).stdout.trim();
if (desktop) {
  console.log(`start: opening ${folder} in ${desktop}`);
  const child = spawn(desktop, [`--extensionDevelopmentPath=${REPO}`, folder], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (hostProblem()) {
    console.log('start: installing the code-server host first (scripts/install-test-host.sh)');
    if (!run('bash', [path.join(REPO, 'scripts/install-test-host.sh')])) process.exit(1);
  }
  // Settings, state and installed extensions persist between `npm start` runs (git-ignored).
  const state = path.join(REPO, '.vscode-test', 'start');
  fs.mkdirSync(state, { recursive: true });
  seedSettings(path.join(state, 'ud')); // first run only: no welcome walkthrough, no update/telemetry chatter
  const server = await startCodeServer({ folder, scratch: state, port: process.env.PORT ? Number(process.env.PORT) : undefined });
  const url = workbenchUrl(server, { folder, extensionDevelopmentPath: REPO });
  console.log(`\nVS Code (code-server) with the extension under development, on ${path.relative(REPO, folder) || '.'}/:\n\n  ${url}\n`);
  console.log(`Open that URL in a browser (the query carries the extension). Log: ${server.logFile}. Ctrl+C to stop.`);
  // Ctrl+C / SIGTERM: code-server.mjs's exit hooks kill code-server's whole process group.
  server.proc.on('exit', (code) => {
    console.error(`start: code-server exited (${code}); see ${server.logFile}`);
    process.exit(code || 1);
  });
}
