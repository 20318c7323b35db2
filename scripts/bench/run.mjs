// `npm run bench`: measures the language server over stdio as an editor drives it, next to peer parsers on the
// same files, and writes BENCHMARKS.md. Not a test: it prints figures and never fails on a timing.
//
//   node scripts/bench/run.mjs            full run (≈ 3–5 min): workloads of 200 / 1k / 5k / 10k / 100k lines,
//                                         CDKTF TS + Python (5,000 constructs), 1,000-file CLI folder; writes
//                                         BENCHMARKS.md and .bench/results.json
//   node scripts/bench/run.mjs --quick    smoke check for CI (< 30 s): small workloads only, no .vsix, writes
//                                         .bench/results-quick.json, leaves BENCHMARKS.md alone; exits 1 only
//                                         when a measurement could not be taken (server down, no diagnostics)
//   --profile     also records CPU profiles of the server on the 100k-line file (open; keystrokes) into
//                 .bench/prof/ and prints where the time goes
//   --profile-only   only those profiles (no other measurement, BENCHMARKS.md untouched)
//   --no-build    use the existing dist/ bundles
//   --server-times   also time each keystroke inside the server on the Terraform modules (server-times.cjs:
//                 stdin in → publish written, and how long its main thread waited for a core), to tell the
//                 server's share of the keystroke latency from the transport's and the machine's; the slowest
//                 1 % are split into the way to the server, the server's time and the way back
//   --wait-quiet[=SECONDS]   first wait (default at most 600 s) until the 1-minute load average is below 1
//                 (or --quiet-load=X): on a shared 2-core machine other work inflates every figure
//
// Generated workloads live in .bench/ (git-ignored).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { startSession, percentile, median } from './lsp.mjs';
import { measurePeer } from './peers.mjs';
import { hclModule, cdktfTypeScript, cdktfPython, cliFolder, writeIfChanged } from './workloads.mjs';
import { workspaceBench } from './workspace.mjs';
import { summarizeProfile } from './profile.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));
process.chdir(root);
const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const PROFILE_ONLY = argv.includes('--profile-only');
const PROFILE = argv.includes('--profile') || PROFILE_ONLY;
const BUILD = !argv.includes('--no-build');
const SERVER_TIMES = argv.includes('--server-times');
const BENCH = path.join(root, '.bench');
const WL = path.join(BENCH, 'workloads');
// The bench runs a snapshot of dist/ (plus the schemas the server reads beside it), taken right after its
// build: other work on this machine may rebuild dist/ (e.g. --production) while the bench runs.
const SNAPSHOT = path.join(BENCH, 'snapshot');
const SERVER = path.join(SNAPSHOT, 'dist/server.js');
const CLI = path.join(SNAPSHOT, 'dist/cli.js');
const PARSER_BUNDLE = path.join(BENCH, 'parser.cjs');
let started = performance.now();

const CONFIG = QUICK
  ? { sizes: [200, 1000], coldOpens: 1, warmupKeystrokes: 20, keystrokes: 120, completions: 80, hovers: 80, outlines: 5, reopen: 2, cdktf: 50, cdktfRequests: 40, cliFiles: 20, workspaceFiles: 40, steadyWarmup: 200, cdktfWaitMs: 3000, peerRepeats: 2, bigPeerRepeats: 2 }
  : { sizes: [200, 1000, 5000, 10000, 100000], coldOpens: 5, warmupKeystrokes: 40, keystrokes: 400, completions: 300, hovers: 300, outlines: 30, reopen: 3, cdktf: 5000, cdktfRequests: 100, cliFiles: 1000, workspaceFiles: 2000, steadyWarmup: 1200, cdktfWaitMs: 10000, peerRepeats: 3, bigPeerRepeats: 2 };
const BIG = CONFIG.sizes[CONFIG.sizes.length - 1];
const SMALL = 200;
const SCALING = QUICK ? CONFIG.sizes : [1000, 10000, 100000];

const problems = []; // measurements that could not be taken (quick mode exits 1 on these)
const log = (s) => process.stdout.write(s + '\n');
const fmt = (x, d = 1) => (x === undefined || x === null || Number.isNaN(x) ? 'n/a' : x >= 100 ? x.toFixed(0) : x.toFixed(d));
const ms = (x) => (Number.isFinite(x) ? `${fmt(x, x < 10 ? 2 : 1)} ms` : 'n/a');
const mb = (x) => (Number.isFinite(x) ? `${fmt(x)} MB` : 'n/a');

// ------------------------------------------------------------------------------------------ setup

function build() {
  log('building dist/ (node scripts/build.mjs)…');
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('bench: the build failed');
    process.exit(1);
  }
}

async function bundleParser() {
  const esbuild = require('esbuild');
  await esbuild.build({
    entryPoints: [path.join(root, 'server/src/syntax/hcl/document.ts')],
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: PARSER_BUNDLE, logLevel: 'warning',
  });
}

function machine() {
  const cpus = os.cpus();
  const git = (args) => spawnSync('git', args, { encoding: 'utf8' }).stdout?.trim() ?? '';
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    commit: `${git(['rev-parse', '--short', 'HEAD'])}${git(['status', '--porcelain', '--', 'server', 'client']) ? ' + uncommitted changes in server/ or client/' : ''}`,
  };
}

function versionOf(pkg) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

// ------------------------------------------------------------------------------------------ workload positions

/** The keystrokes typed: per sampled peer, a letter typed at the end of `bfd_multi_hop` and deleted, then a digit typed after its value and deleted. */
function keystrokeEdits(peers, count) {
  const sample = spread(peers, Math.max(1, Math.ceil(count / 4)));
  const edits = [];
  for (let i = 0; edits.length < count; i++) {
    const p = sample[i % sample.length];
    edits.push(
      { line: p.editLine, character: p.keyCol, deleteCount: 0, text: 'p' },
      { line: p.editLine, character: p.keyCol, deleteCount: 1, text: '' },
      { line: p.editLine, character: p.valueCol, deleteCount: 0, text: '0' },
      { line: p.editLine, character: p.valueCol, deleteCount: 1, text: '' },
    );
  }
  return edits.slice(0, count);
}

/** `n` items spread evenly over `arr` (deterministic). */
function spread(arr, n) {
  if (arr.length <= n) return arr.slice();
  const out = [];
  for (let i = 0; i < n; i++) out.push(arr[Math.floor(((i + 0.5) * arr.length) / n)]);
  return out;
}

/**
 * Completion and hover positions inside peer blocks/constructs: argument names (a prefix being typed), values
 * (`tr|ue`), references (`alicloud_vpc_bgp_group.|g12.id`), the resource type in the header, blank lines.
 */
function positions(lines, peers, nCompletion, nHover) {
  const completion = [];
  const hover = [];
  const ATTR = /^(\s*)([A-Za-z_][\w-]*)(\s*[:=]\s*)(.*?),?$/;
  for (const p of peers) {
    for (let l = p.line; l < p.end; l++) {
      const text = lines[l];
      if (l === p.line) {
        const hcl = text.indexOf('"alicloud_');
        const col = hcl >= 0 ? hcl + 1 + 'alicloud_vpc_bgp'.length : text.indexOf('VpcBgpPeer') + 3;
        completion.push({ kind: 'resourceType', line: l, character: col });
        hover.push({ kind: 'resourceType', line: l, character: col });
        continue;
      }
      if (text.trim() === '') {
        completion.push({ kind: 'newLine', line: l, character: 0 });
        continue;
      }
      const m = ATTR.exec(text);
      if (!m) {
        const block = /^(\s*)(\w+) \{$/.exec(text);
        if (block) hover.push({ kind: 'block', line: l, character: block[1].length + 2 });
        continue;
      }
      const keyStart = m[1].length;
      const valueStart = keyStart + m[2].length + m[3].length;
      const value = m[4];
      hover.push({ kind: 'argument', line: l, character: keyStart + Math.min(2, m[2].length - 1) });
      completion.push({ kind: 'argumentName', line: l, character: keyStart + Math.min(3, m[2].length) });
      if (/^(true|false|True|False)$/.test(value)) completion.push({ kind: 'value', line: l, character: valueStart + 2 });
      if (value.startsWith('alicloud_')) completion.push({ kind: 'reference', line: l, character: valueStart + value.indexOf('.') + 1 });
    }
  }
  // Interleave the kinds so every kind is sampled along the whole file.
  const pick = (list, n) => {
    const kinds = [...new Set(list.map((x) => x.kind))];
    const per = kinds.map((k) => spread(list.filter((x) => x.kind === k), Math.ceil(n / kinds.length)));
    const out = [];
    for (let i = 0; out.length < n && per.some((a) => i < a.length); i++) for (const a of per) if (i < a.length && out.length < n) out.push(a[i]);
    return out;
  };
  return { completion: pick(completion, nCompletion), hover: pick(hover, nHover) };
}

function stats(values) {
  return { n: values.length, p50: percentile(values, 50), p90: percentile(values, 90), p99: percentile(values, 99), max: Math.max(...values) };
}

// ------------------------------------------------------------------------------------------ server sessions

/**
 * One fresh server per workload: open (cold), close and open again (warm), type, complete, hover.
 * Memory from /proc/<pid>/status: RSS after the first open, peak (VmHWM) over the whole session.
 */
async function serverSession({ name, file, text, peers, languageId, execArgv = [], phases = ['open', 'reopen', 'floor', 'keys', 'completion', 'hover', 'outline'], waitMs = 120000, counts = CONFIG, steadyWarmup = 0 }) {
  const result = { name, lines: text.split('\n').length - 1, bytes: Buffer.byteLength(text) };
  const s = await startSession({ serverPath: SERVER, execArgv });
  try {
    result.rssIdleMB = s.memory().rss;
    // The real file on disk (its folder is a module of its own), as an editor would open it.
    const current = pathToFileURL(file).href;
    let first;
    try {
      first = await s.open(current, languageId, text, 1, waitMs);
    } catch (e) {
      result.unavailable = String(e.message ?? e);
      return result;
    }
    result.openMs = first.ms;
    result.diagnostics = first.count;
    result.syntaxErrors = first.diagnostics.filter((d) => d.code === 'syntax-error').length;
    const m = s.memory();
    result.rssAfterOpenMB = m.rss;
    result.peakAfterOpenMB = m.hwm;
    if (phases.includes('reopen')) {
      const times = [];
      for (let k = 1; k <= CONFIG.reopen; k++) {
        await s.close(current, waitMs);
        times.push((await s.open(current, languageId, text, 1, waitMs)).ms);
      }
      result.reopenMs = times;
    }
    if (phases.includes('floor')) {
      // The noise floor: a request that does no work (hover on the first line, a comment). Its p99 is what the
      // machine's scheduling and the pipe add to any figure; on a busy machine it dominates small-file p99s.
      const times = [];
      for (let i = 0; i < 200; i++) times.push((await s.request('textDocument/hover', { textDocument: { uri: current }, position: { line: 0, character: 1 } })).ms);
      result.floor = stats(times);
    }
    let version = 1;
    if (phases.includes('keys')) {
      // Unmeasured warm-up keystrokes first (an editor's server has been typed into before): they also go
      // to the peers, which drop them the same way.
      const warmup = CONFIG.warmupKeystrokes;
      const edits = keystrokeEdits(peers, warmup + counts.keystrokes);
      const times = [];
      const diagCounts = [];
      const trips = [];
      for (const [i, e] of edits.entries()) {
        const range = { start: { line: e.line, character: e.character }, end: { line: e.line, character: e.character + e.deleteCount } };
        const r = await s.change(current, ++version, [{ range, text: e.text }]);
        if (i < warmup) continue;
        times.push(r.ms);
        diagCounts.push(r.count);
        trips.push({ version, ms: r.ms, sentMono: r.sentMono, receivedMono: r.receivedMono });
      }
      result.keys = stats(times);
      result.keyTimes = times;
      result.keyTrips = trips;
      // Sanity: typing into the name must add a finding (unknown argument) and deleting it must remove it.
      result.keysChangedDiagnostics = diagCounts.filter((c, i) => i % 4 === 0 && c !== diagCounts[i + 1]).length;
      result.keysTyped = Math.ceil(diagCounts.length / 4);
      result.edits = edits;
    }
    const lines = text.split('\n');
    const pos = positions(lines, peers, counts.completions, counts.hovers);
    if (phases.includes('completion')) {
      const times = [];
      const byKind = {};
      let items = 0;
      let empty = 0;
      for (const p of pos.completion) {
        const r = await s.request('textDocument/completion', { textDocument: { uri: current }, position: { line: p.line, character: p.character } });
        const n = Array.isArray(r.result) ? r.result.length : (r.result?.items?.length ?? 0);
        items += n;
        if (n === 0) empty++;
        times.push(r.ms);
        (byKind[p.kind] ??= []).push(r.ms);
      }
      result.completion = { ...stats(times), meanItems: items / Math.max(1, times.length), empty, byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, stats(v)])) };
    }
    if (phases.includes('hover')) {
      const times = [];
      let empty = 0;
      for (const p of pos.hover) {
        const r = await s.request('textDocument/hover', { textDocument: { uri: current }, position: { line: p.line, character: p.character } });
        if (!r.result) empty++;
        times.push(r.ms);
      }
      result.hover = { ...stats(times), empty };
    }
    if (phases.includes('outline') && languageId === 'terraform' && counts.outlines) {
      // As VS Code's outline, breadcrumbs and sticky scroll do: the outline asked for again after each edit (a
      // letter typed and deleted, each waited for), so that the session's peak memory includes it.
      result.peakBeforeOutlineMB = s.memory().hwm;
      const edits = keystrokeEdits(peers, 2 * counts.outlines);
      const times = [];
      let entries = 0;
      for (let i = 0; i < counts.outlines; i++) {
        for (const e of edits.slice(2 * i, 2 * i + 2)) {
          await s.change(current, ++version, [{ range: { start: { line: e.line, character: e.character }, end: { line: e.line, character: e.character + e.deleteCount } }, text: e.text }]);
        }
        const r = await s.request('textDocument/documentSymbol', { textDocument: { uri: current } });
        const count = (list) => (list ?? []).reduce((n, d) => n + 1 + count(d.children), 0);
        entries = count(r.result);
        times.push(r.ms);
      }
      result.outline = { ...stats(times), entries };
    }
    const end = s.memory();
    result.rssEndMB = end.rss;
    result.peakMB = end.hwm;
    if (steadyWarmup && phases.includes('keys')) {
      // The same keystrokes once the server has been typed into for a while: `steadyWarmup` more unmeasured ones
      // first. Probes found part of the first figure's tail is V8 still compiling the engine's code (its optimizing
      // compiler runs on helper threads that take one of the machine's two cores); the rest is the machine.
      // Last in the session, so that no other figure of it depends on it.
      const edits = keystrokeEdits(peers, steadyWarmup + counts.keystrokes);
      const times = [];
      for (const [i, e] of edits.entries()) {
        const range = { start: { line: e.line, character: e.character }, end: { line: e.line, character: e.character + e.deleteCount } };
        const r = await s.change(current, ++version, [{ range, text: e.text }]);
        if (i >= steadyWarmup) times.push(r.ms);
      }
      result.steadyKeys = { ...stats(times), after: CONFIG.warmupKeystrokes + counts.keystrokes + steadyWarmup };
    }
  } finally {
    result.serverLog = s.logs.filter((l) => /fail|error|uncaught/i.test(l)).slice(0, 5);
    await s.stop();
  }
  return result;
}

/**
 * Per-keystroke times recorded inside the server by server-times.cjs (the measured keystrokes only), and each
 * measured keystroke (`trips`, from the client) split in three on the shared monotonic clock: to the server (sent →
 * the stdin chunk that carries it), inside the server (→ its publish written), and back (→ the client has it).
 * `slowest` is that split for each keystroke at or above the p99 of the client's times: where the tail is.
 */
function serverSide(file, warmup, trips = []) {
  let t;
  try {
    t = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const first = new Map();
  for (const c of t.changes) if (!first.has(c[0])) first.set(c[0], c);
  const rows = [];
  const published = new Map();
  for (const [version, at, waited, mono] of t.publishes) {
    const c = first.get(version);
    // Version 1 is the open; the keystrokes are versions 2… after the re-opens, the warm-up ones first.
    if (c && version > 1 + warmup) rows.push({ ms: at - c[1], wait: waited - c[2] });
    if (c && !published.has(version)) published.set(version, { inMono: c[3], outMono: mono });
  }
  if (rows.length === 0) return undefined;
  const times = rows.map((r) => r.ms);
  const slow = rows.filter((r) => r.ms > 1);
  const split = trips
    .map((k) => ({ k, p: published.get(k.version) }))
    .filter(({ k, p }) => p && Number.isFinite(k.sentMono) && Number.isFinite(p.inMono))
    .map(({ k, p }) => ({ ms: k.ms, to: p.inMono - k.sentMono, inside: p.outMono - p.inMono, back: k.receivedMono - p.outMono }));
  const cut = percentile(split.map((x) => x.ms), 99);
  const tail = split.filter((x) => x.ms >= cut);
  const part = (rows, key) => ({ p50: percentile(rows.map((x) => x[key]), 50), p99: percentile(rows.map((x) => x[key]), 99) });
  return {
    ...stats(times),
    waitP99: percentile(rows.map((r) => r.wait), 99),
    slow: slow.length,
    slowMostlyWaiting: slow.filter((r) => r.wait > r.ms / 2).length,
    ...(split.length
      ? {
          split: { count: split.length, to: part(split, 'to'), inside: part(split, 'inside'), back: part(split, 'back') },
          slowest: { from: cut, items: tail.sort((a, b) => b.ms - a.ms) },
        }
      : {}),
  };
}

// ------------------------------------------------------------------------------------------ CLI, vsix, activation

function timeCommand(args, repeats) {
  const devnull = fs.openSync('/dev/null', 'w');
  const times = [];
  let status;
  let stderr = '';
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', devnull, 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    times.push(performance.now() - t0);
    status = r.status;
    stderr = r.stderr ?? '';
  }
  fs.closeSync(devnull);
  return { times, median: median(times), status, stderr: stderr.slice(0, 500) };
}

function cliBench(folder, folderBytes, bigFile, bigBytes) {
  const repeats = QUICK ? 1 : 3;
  const startup = timeCommand([CLI, '--version'], repeats);
  const dir = timeCommand([CLI, '--format', 'json', folder], repeats);
  const out = { startupMs: startup.median, folder: { ...dir, bytes: folderBytes, mbPerS: folderBytes / 1e6 / (dir.median / 1000) } };
  if (![0, 1].includes(dir.status)) problems.push(`CLI on the folder exited ${dir.status}: ${dir.stderr}`);
  if (bigFile) {
    const big = timeCommand([CLI, '--format', 'json', bigFile], repeats);
    out.big = { ...big, bytes: bigBytes, mbPerS: bigBytes / 1e6 / (big.median / 1000) };
  }
  return out;
}

/**
 * Packages the extension with vsce as it stands: the project's own `npm run package` flags when it has that
 * script (else `vsce package --no-dependencies`), its .vscodeignore, plus our .bench/ left out. vsce runs the
 * project's `vscode:prepublish` (which may rebuild dist/); the bench itself runs its snapshot of dist/.
 */
function vsix() {
  const existing = fs.readdirSync(root).filter((f) => f.endsWith('.vsix')).map((f) => ({ file: f, bytes: fs.statSync(path.join(root, f)).size }));
  const out = path.join(BENCH, 'bench.vsix');
  fs.rmSync(out, { force: true });
  const ignore = path.join(BENCH, 'vscodeignore');
  const own = fs.existsSync(path.join(root, '.vscodeignore')) ? fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8') : '';
  fs.writeFileSync(ignore, `${own}\n.bench/**\n`);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const script = /^vsce package(\s|$)/.test(pkg.scripts?.package ?? '') ? pkg.scripts.package : 'vsce package --no-dependencies';
  const flags = script.split(/\s+/).slice(2).filter((a) => a && !/^(-o|--out)$/.test(a));
  const t0 = performance.now();
  const r = spawnSync('npx', ['--no-install', 'vsce', 'package', ...flags, '--ignoreFile', ignore, '-o', out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180000 });
  const text = `${r.stdout ?? ''}\n${r.stderr ?? ''}`;
  const result = {
    existing,
    command: `npx ${script.trim()} -o .bench/bench.vsix (with .bench/ ignored)`,
    status: r.status,
    seconds: (performance.now() - t0) / 1000,
    hasVscodeignore: !!own,
    warnings: [...text.matchAll(/WARNING\s+(.*)/g)].map((m) => m[1].trim()),
    files: Number(/\((\d+) files?, [\d.]+ [KMG]?B\)/.exec(text)?.[1] ?? NaN),
  };
  if (r.status === 0 && fs.existsSync(out)) result.bytes = fs.statSync(out).size;
  else result.error = (/ERROR\s+(.*)/.exec(text)?.[1] ?? text.trim().split('\n').slice(-3).join(' ')).slice(0, 300);
  return result;
}

/**
 * What can be measured here of activation: loading dist/extension.js with a stub `vscode` module. activate()
 * itself needs VS Code (it starts a LanguageClient over IPC), so the real figure comes from the VS Code test layer.
 */
function extensionLoad() {
  const stub = path.join(BENCH, 'vscode-stub.cjs');
  fs.writeFileSync(stub, `const handler = { get: (t, k) => (k === '__esModule' ? false : k in t ? t[k] : (t[k] = new Proxy(function () {}, handler))), construct: () => new Proxy({}, handler), apply: () => new Proxy({}, handler) };\nmodule.exports = new Proxy({}, handler);\n`);
  const code = `
    const Module = require('module');
    const orig = Module._resolveFilename;
    Module._resolveFilename = function (req, ...rest) { return req === 'vscode' ? ${JSON.stringify(stub)} : orig.call(this, req, ...rest); };
    const t0 = performance.now();
    const ext = require(${JSON.stringify(path.join(SNAPSHOT, 'dist/extension.js'))});
    const ms = performance.now() - t0;
    console.log(JSON.stringify({ ms, exportsActivate: typeof ext.activate === 'function' }));`;
  const times = [];
  let info = {};
  for (let i = 0; i < (QUICK ? 1 : 5); i++) {
    const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
    try {
      info = JSON.parse(r.stdout.trim().split('\n').pop());
      times.push(info.ms);
    } catch {
      return { error: (r.stderr || r.stdout).slice(0, 300) };
    }
  }
  return { loadMs: median(times), bytes: fs.statSync(path.join(SNAPSHOT, 'dist/extension.js')).size, exportsActivate: info.exportsActivate };
}

// ------------------------------------------------------------------------------------------ main

const results = { quick: QUICK, config: CONFIG, machine: machine(), versions: {}, sessions: {}, peers: {}, cdktf: {} };
results.versions = {
  '@cdktf/hcl2json': versionOf('@cdktf/hcl2json'),
  'web-tree-sitter': versionOf('web-tree-sitter'),
  '@tree-sitter-grammars/tree-sitter-hcl': versionOf('@tree-sitter-grammars/tree-sitter-hcl'),
  typescript: versionOf('typescript'),
  'vscode-languageserver-protocol': versionOf('vscode-languageserver-protocol'),
  '@vscode/vsce': versionOf('@vscode/vsce'),
};

const waitArg = argv.find((a) => a.startsWith('--wait-quiet'));
if (waitArg) {
  const limit = Number(waitArg.split('=')[1] ?? 600) * 1000;
  const quiet = Number(argv.find((a) => a.startsWith('--quiet-load='))?.split('=')[1] ?? 1);
  const t0 = Date.now();
  while (os.loadavg()[0] >= quiet && Date.now() - t0 < limit) {
    log(`waiting for a quiet machine: load average ${os.loadavg()[0].toFixed(2)}…`);
    await new Promise((r) => setTimeout(r, 15000));
  }
  results.machine.waitedSeconds = Math.round((performance.now() - started) / 1000);
  started = performance.now();
}
results.machine.loadBefore = os.loadavg().map((x) => x.toFixed(2)).join(' ');
if (BUILD) build();
fs.rmSync(SNAPSHOT, { recursive: true, force: true });
for (const d of ['dist', 'schemas', 'snippets']) if (fs.existsSync(path.join(root, d))) fs.cpSync(path.join(root, d), path.join(SNAPSHOT, d), { recursive: true });
fs.mkdirSync(WL, { recursive: true });
await bundleParser();

log('generating workloads…');
const hcl = {};
for (const n of CONFIG.sizes) {
  const w = hclModule(n, 1);
  // One folder per workload: the CLI and the server treat a folder as one module.
  const file = path.join(WL, `module-${n}`, 'main.tf');
  writeIfChanged(file, w.text);
  hcl[n] = { ...w, file };
}
const ts = cdktfTypeScript(CONFIG.cdktf, 2);
const py = cdktfPython(CONFIG.cdktf, 3);
const tsFile = path.join(WL, `cdktf-ts-${CONFIG.cdktf}`, 'main.ts');
const pyFile = path.join(WL, `cdktf-py-${CONFIG.cdktf}`, 'main.py');
writeIfChanged(tsFile, ts.text);
writeIfChanged(pyFile, py.text);

if (PROFILE_ONLY) {
  results.profiles = await profiles(hcl[BIG], { ...ts, file: tsFile });
  fs.writeFileSync(path.join(BENCH, 'profiles.json'), JSON.stringify(results.profiles, null, 1));
  process.exit(0);
}

// The .vsix (vsce packs what is on disk; .bench/ is left out). Not in --quick: vsce runs the project's
// `vscode:prepublish`, which rebuilds dist/ for production in the middle of `npm test`.
if (QUICK) results.vsix = { skipped: true, existing: [], warnings: [] };
else {
  log('packaging the .vsix…');
  results.vsix = vsix();
}

const folderDir = path.join(WL, `cli-${CONFIG.cliFiles}`);
const folder = cliFolder(folderDir, CONFIG.cliFiles, 4);
const listFile = path.join(BENCH, 'cli-files.txt');
fs.writeFileSync(listFile, folder.paths.join('\n'));

{
  log(`server: a workspace of ${CONFIG.workspaceFiles} .tf files…`);
  const wsFolder = cliFolder(path.join(WL, `workspace-${CONFIG.workspaceFiles}`), CONFIG.workspaceFiles, 5);
  results.workspace = { bytes: wsFolder.bytes, ...(await workspaceBench(SERVER, path.join(WL, `workspace-${CONFIG.workspaceFiles}`), wsFolder.paths)) };
  const w = results.workspace;
  if (w.error) problems.push(`workspace indexing: ${w.error}`);
  else log(`  indexed ${w.files} files (${(w.bytes / 1e6).toFixed(1)} MB) in ${ms(w.indexMs)}; RSS ${mb(w.rssMB)}; then a file's first diagnostics in ${ms(w.openMs)}`);
}

/**
 * A cold open is one sample per server, and on a shared machine one sample moves by half (307 and 497 ms in two
 * runs an hour apart): the largest module's cold open is the median of `coldOpens` fresh servers, the
 * session's own first open among them.
 */
async function coldOpens(r, w) {
  const samples = [r.openMs];
  for (let i = 1; i < CONFIG.coldOpens; i++) {
    const s = await serverSession({ name: `${r.name}-cold-${i}`, file: w.file, text: w.text, peers: w.peers, languageId: 'terraform', phases: ['open'] });
    if (Number.isFinite(s.openMs)) samples.push(s.openMs);
  }
  r.coldOpenSamplesMs = samples;
  r.firstOpenMs = r.openMs;
  r.openMs = median(samples);
  log(`  cold open over ${samples.length} fresh servers: ${samples.map(ms).join(', ')} (median ${ms(r.openMs)})`);
}

for (const n of CONFIG.sizes) {
  log(`server: ${n}-line module (${(Buffer.byteLength(hcl[n].text) / 1e6).toFixed(2)} MB)…`);
  const timesFile = path.join(BENCH, `server-times-${n}.json`);
  fs.rmSync(timesFile, { force: true }); // never an earlier run's
  if (SERVER_TIMES) process.env.BENCH_SERVER_TIMES = timesFile;
  const r = await serverSession({ name: `module-${n}`, file: hcl[n].file, text: hcl[n].text, peers: hcl[n].peers, languageId: 'terraform', execArgv: SERVER_TIMES ? ['--require', path.join(root, 'scripts/bench/server-times.cjs')] : [], steadyWarmup: n === SMALL ? CONFIG.steadyWarmup : 0 });
  delete process.env.BENCH_SERVER_TIMES;
  if (SERVER_TIMES) {
    r.serverSide = serverSide(timesFile, CONFIG.warmupKeystrokes, r.keyTrips);
    const t = r.serverSide;
    log(t ? `  inside the server (stdin → publish written): p50/p90/p99/max ${ms(t.p50)}/${ms(t.p90)}/${ms(t.p99)}/${ms(t.max)}; main thread waiting for a core p99 ${ms(t.waitP99)}; of the ${t.slow} keystrokes over 1 ms, ${t.slowMostlyWaiting} waited for a core most of the time` : '  inside the server: no timings');
    if (t?.slowest) log(`  the slowest keystrokes (p99 and above), each as to the server + inside it + back to the client: ${t.slowest.items.map((x) => `${ms(x.ms)} = ${ms(x.to)} + ${ms(x.inside)} + ${ms(x.back)}`).join('; ')}`);
  }
  delete r.keyTrips; // only for the split above: 400 rows per size in results.json otherwise
  if (r.unavailable) problems.push(`no diagnostics for the ${n}-line module: ${r.unavailable}`);
  else if (r.keysChangedDiagnostics === 0) problems.push(`the ${n}-line module's diagnostics never changed while typing`);
  if (n === BIG && !r.unavailable && CONFIG.coldOpens > 1) await coldOpens(r, hcl[n]);
  results.sessions[n] = r;
  if (r.steadyKeys) log(`  keystroke p50/p99 after ${r.steadyKeys.after} edits: ${ms(r.steadyKeys.p50)}/${ms(r.steadyKeys.p99)}`);
  log(`  open ${ms(r.openMs)}, keystroke p50/p99 ${ms(r.keys?.p50)}/${ms(r.keys?.p99)}, completion p99 ${ms(r.completion?.p99)}, hover p99 ${ms(r.hover?.p99)}, no-op p99 ${ms(r.floor?.p99)}, peak ${mb(r.peakMB)}`);
}

for (const [label, w, file, languageId] of [['typescript', ts, tsFile, 'typescript'], ['python', py, pyFile, 'python']]) {
  log(`server: CDKTF ${label}, ${CONFIG.cdktf} constructs…`);
  const n = CONFIG.cdktfRequests;
  const r = await serverSession({ name: path.basename(path.dirname(file)), file, text: w.text, peers: w.peers, languageId, waitMs: CONFIG.cdktfWaitMs, counts: { keystrokes: n, completions: n, hovers: n } });
  results.cdktf[label] = r;
  log(r.unavailable ? `  not available yet (${r.unavailable})` : `  open ${ms(r.openMs)}, keystroke p99 ${ms(r.keys?.p99)}`);
}

log('peers…');
const bigFile = hcl[BIG].file;
const bigEdits = results.sessions[BIG]?.edits ?? keystrokeEdits(hcl[BIG].peers, CONFIG.warmupKeystrokes + CONFIG.keystrokes);
const smallEdits = results.sessions[SMALL]?.edits ?? keystrokeEdits(hcl[SMALL].peers, CONFIG.warmupKeystrokes + CONFIG.keystrokes);
for (const n of CONFIG.sizes) {
  const edits = n === BIG ? bigEdits : n === SMALL ? smallEdits : results.sessions[n]?.edits ?? [];
  const repeats = n === BIG ? CONFIG.bigPeerRepeats : CONFIG.peerRepeats;
  results.peers[n] = {
    hcl2json: await measurePeer('hcl2json', { file: hcl[n].file, repeats }),
    treesitter: await measurePeer('treesitter', { file: hcl[n].file, repeats, edits }),
    ours: await measurePeer('ours', { file: hcl[n].file, repeats, edits, parserBundle: PARSER_BUNDLE }),
  };
  const p = results.peers[n];
  if (p.ours.error) problems.push(`our parser alone failed on the ${n}-line module: ${p.ours.error}`);
  for (const peer of [p.treesitter, p.ours]) if (peer.editTimes) peer.editTimes = peer.editTimes.slice(CONFIG.warmupKeystrokes);
  log(`  ${n} lines: hcl2json ${ms(p.hcl2json.times?.[0])}${p.hcl2json.error ? ` (${p.hcl2json.error.slice(0, 80)})` : ''}, tree-sitter ${ms(p.treesitter.times?.[0])}, our parser alone ${ms(p.ours.times?.[0])}`);
}
results.peers.typescript = await measurePeer('typescript', { file: tsFile, repeats: CONFIG.peerRepeats });
results.peers.folder = {
  hcl2json: await measurePeer('hcl2json-folder', { listFile }),
  treesitter: await measurePeer('treesitter-folder', { listFile }),
};

log('CLI…');
results.cli = cliBench(folderDir, folder.bytes, QUICK ? undefined : bigFile, Buffer.byteLength(hcl[BIG].text));
results.cli.files = folder.paths.length;
log(`  ${folder.paths.length} files, ${(folder.bytes / 1e6).toFixed(1)} MB: ${ms(results.cli.folder.median)} → ${fmt(results.cli.folder.mbPerS)} MB/s`);

log('extension bundle load…');
results.extension = extensionLoad();

if (PROFILE) {
  log('profiling the server on the big file…');
  results.profiles = await profiles(hcl[BIG], { ...ts, file: tsFile });
}

results.totalSeconds = (performance.now() - started) / 1000;
results.machine.loadAfter = os.loadavg().map((x) => x.toFixed(2)).join(' ');
for (const s of Object.values(results.sessions)) delete s.edits;
for (const s of Object.values(results.cdktf)) delete s.edits;

const report = renderReport(results);
log('\n' + report.table);
fs.writeFileSync(path.join(BENCH, QUICK ? 'results-quick.json' : 'results.json'), JSON.stringify(results, null, 1));
if (!QUICK) {
  fs.writeFileSync(path.join(root, 'BENCHMARKS.md'), report.markdown);
  log(`\nwrote BENCHMARKS.md and .bench/results.json (${results.totalSeconds.toFixed(0)} s)`);
} else {
  log(`\nquick run: ${results.totalSeconds.toFixed(1)} s; BENCHMARKS.md left unchanged (full run: npm run bench)`);
}
if (problems.length) {
  console.error(`\nbench: ${problems.length} measurement(s) could not be taken:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}

// ------------------------------------------------------------------------------------------ profiles

async function profiles(w, tsw) {
  const dir = path.join(BENCH, 'prof');
  fs.rmSync(dir, { recursive: true, force: true });
  const out = {};
  const runs = [
    ['open', { file: w.file, text: w.text, peers: w.peers, languageId: 'terraform', phases: ['open', 'reopen'] }],
    ['keystrokes', { file: w.file, text: w.text, peers: w.peers, languageId: 'terraform', phases: ['keys'] }],
  ];
  if (tsw) runs.push(['cdktf-ts-keystrokes', { file: tsw.file, text: tsw.text, peers: tsw.peers, languageId: 'typescript', phases: ['keys'], counts: { keystrokes: 60 }, waitMs: CONFIG.cdktfWaitMs }]);
  for (const [phase, opts] of runs) {
    const pdir = path.join(dir, phase);
    fs.mkdirSync(pdir, { recursive: true });
    const r = await serverSession({ name: `prof-${phase}`, ...opts, execArgv: ['--cpu-prof', `--cpu-prof-dir=${pdir}`] });
    log(`${phase} (under the profiler): open ${ms(r.openMs)}, re-open ${(r.reopenMs ?? []).map(ms).join(', ')}, keystroke p50/p99 ${ms(r.keys?.p50)}/${ms(r.keys?.p99)}, peak ${mb(r.peakMB)}`);
    const file = fs.readdirSync(pdir).find((f) => f.endsWith('.cpuprofile'));
    out[phase] = file ? summarizeProfile(path.join(pdir, file), 15) : { error: 'no profile written' };
    if (file) log(`\n${phase} profile (${path.relative(root, path.join(pdir, file))}):\n${out[phase].text}`);
  }
  return out;
}

// ------------------------------------------------------------------------------------------ report

/** The activation figures the real-VS-Code layer's activation test writes (out/test/vscode/activation.json). */
function activation() {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'out/test/vscode/activation.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

function renderReport(r) {
  const big = r.sessions[BIG] ?? {};
  const small = r.sessions[SMALL] ?? {};
  const pb = r.peers[BIG] ?? {};
  const first = (p) => p?.times?.[0];
  const warm = (p) => (p?.times?.length > 1 ? median(p.times.slice(1)) : p?.times?.[0]);
  const ratio = (theirs, ours) => (Number.isFinite(theirs) && Number.isFinite(ours) && ours > 0 ? `${(theirs / ours).toFixed(1)}×` : 'n/a');
  const status = (ok) => (ok === undefined ? '—' : ok ? 'met' : '**missed**');
  const statusPlain = (ok) => (ok === undefined ? '-' : ok ? 'met' : 'MISSED');
  const bigLabel = `${BIG.toLocaleString('en-US')}-line`;
  const hclName = `HashiCorp HCL (hcl2json ${r.versions['@cdktf/hcl2json']}, WASM)`;
  const tsName = `tree-sitter-hcl ${r.versions['@tree-sitter-grammars/tree-sitter-hcl']} (web-tree-sitter ${r.versions['web-tree-sitter']})`;

  // Headline rows: figure, workload, ours, peer, peer figure, ratio (peer / ours: > 1 means we are faster/smaller), target, status.
  const rows = [];
  const row = (figure, workload, ours, peer = '', theirs = '', rat = '', target = '', met) => rows.push({ figure, workload, ours, peer, theirs, rat, target, met });
  const openMet = Number.isFinite(big.openMs) && Number.isFinite(first(pb.hcl2json)) ? big.openMs <= 300 && first(pb.hcl2json) / big.openMs >= 5 : undefined;
  const coldSamples = big.coldOpenSamplesMs?.length > 1 ? ` (median of ${big.coldOpenSamplesMs.length} fresh servers: ${big.coldOpenSamplesMs.map((x) => x.toFixed(0)).join(', ')} ms)` : '';
  row('open → first diagnostics (cold, first file)', bigLabel, ms(big.openMs) + coldSamples, hclName + ', parse alone', ms(first(pb.hcl2json)), ratio(first(pb.hcl2json), big.openMs), '≤ 300 ms and ≥ 5× faster than HashiCorp', QUICK ? undefined : openMet);
  row('', '', '', tsName + ', parse alone', ms(first(pb.treesitter)), ratio(first(pb.treesitter), big.openMs));
  row('open → first diagnostics (warm, re-open)', bigLabel, ms(median(big.reopenMs ?? [])), hclName + ', parse alone, warm', ms(warm(pb.hcl2json)), ratio(warm(pb.hcl2json), median(big.reopenMs ?? [])));
  row('', '', '', tsName + ', parse alone, warm', ms(warm(pb.treesitter)), ratio(warm(pb.treesitter), median(big.reopenMs ?? [])));
  row('our HCL parser alone (in-process, no LSP)', bigLabel, `${ms(first(pb.ours))} cold / ${ms(warm(pb.ours))} warm`, hclName, ms(first(pb.hcl2json)), ratio(first(pb.hcl2json), first(pb.ours)));
  row('keystroke → updated diagnostics p50 / p99', bigLabel, `${ms(big.keys?.p50)} / ${ms(big.keys?.p99)} (no-op request: ${ms(big.floor?.p50)} / ${ms(big.floor?.p99)})`, tsName + ', incremental re-parse alone', `${ms(percentile(pb.treesitter?.editTimes ?? [], 50))} / ${ms(percentile(pb.treesitter?.editTimes ?? [], 99))}`, ratio(percentile(pb.treesitter?.editTimes ?? [], 99), big.keys?.p99), 'p99 ≤ 16 ms', QUICK ? undefined : big.keys?.p99 <= 16);
  row('keystroke → updated diagnostics p50 / p99', '200-line', `${ms(small.keys?.p50)} / ${ms(small.keys?.p99)} (no-op request: ${ms(small.floor?.p50)} / ${ms(small.floor?.p99)})`, tsName + ', incremental re-parse alone', `${ms(percentile(r.peers[SMALL]?.treesitter?.editTimes ?? [], 50))} / ${ms(percentile(r.peers[SMALL]?.treesitter?.editTimes ?? [], 99))}`, ratio(percentile(r.peers[SMALL]?.treesitter?.editTimes ?? [], 99), small.keys?.p99), 'p99 ≤ 2 ms', small.keys?.p99 <= 2);
  if (small.steadyKeys) row(`the same, once typed into (after ${small.steadyKeys.after.toLocaleString('en-US')} edits)`, '200-line', `${ms(small.steadyKeys.p50)} / ${ms(small.steadyKeys.p99)}`, '', '', '', 'not judged: the same keystrokes later in the session, V8 done compiling');
  row('completion p50 / p99', bigLabel, `${ms(big.completion?.p50)} / ${ms(big.completion?.p99)}`, '', '', '', 'p99 ≤ 10 ms', QUICK ? undefined : big.completion?.p99 <= 10);
  row('hover p50 / p99', bigLabel, `${ms(big.hover?.p50)} / ${ms(big.hover?.p99)}`, '', '', '', 'p99 ≤ 5 ms', QUICK ? undefined : big.hover?.p99 <= 5);
  row('outline (documentSymbol) p50 / p99, after an edit each', bigLabel, `${ms(big.outline?.p50)} / ${ms(big.outline?.p99)} (${big.outline?.entries?.toLocaleString('en-US') ?? '?'} entries)`);
  row('server RSS after open / peak (VmHWM)', bigLabel, `${mb(big.rssAfterOpenMB)} / ${mb(big.peakMB)} (before the outline requests: ${mb(big.peakBeforeOutlineMB)})`, tsName + ', RSS growth for the tree / peak growth', `+${mb(pb.treesitter?.rssDeltaMB)} / +${mb(pb.treesitter?.peakDeltaMB)}`, '', 'peak ≤ 100 MB', QUICK ? undefined : big.peakMB <= 100);
  row('', '', `(idle server: ${mb(big.rssIdleMB)}; growth +${mb(big.peakMB - big.rssIdleMB)})`, hclName + ', RSS growth / peak growth', `+${mb(pb.hcl2json?.rssDeltaMB)} / +${mb(pb.hcl2json?.peakDeltaMB)}`, ratio(pb.hcl2json?.peakDeltaMB, big.peakMB - big.rssIdleMB));
  const c = r.cli;
  row(`CLI throughput (${c.files} files, ${(c.folder.bytes / 1e6).toFixed(1)} MB, whole process)`, 'folder', `${fmt(c.folder.mbPerS)} MB/s (${ms(c.folder.median)})`, hclName + ', parse alone, one warm process', `${fmt(r.peers.folder.hcl2json?.mbPerS)} MB/s`, ratio(c.folder.mbPerS, r.peers.folder.hcl2json?.mbPerS), '≥ 20 MB/s', c.folder.mbPerS >= 20);
  row('', '', '', tsName + ', parse alone, one warm process', `${fmt(r.peers.folder.treesitter?.mbPerS)} MB/s`, ratio(c.folder.mbPerS, r.peers.folder.treesitter?.mbPerS));
  if (c.big) row('CLI throughput, one file (whole process)', bigLabel, `${fmt(c.big.mbPerS)} MB/s (${ms(c.big.median)}; startup ${ms(c.startupMs)})`);
  const cts = r.cdktf.typescript ?? {};
  const tsPeer = r.peers.typescript ?? {};
  row(`open → first diagnostics, CDKTF TypeScript (${CONFIG.cdktf} constructs)`, `${cts.lines ?? '?'} lines`, cts.unavailable ? 'not available yet' : ms(cts.openMs), `typescript ${r.versions.typescript} createSourceFile alone`, ms(first(tsPeer)), cts.unavailable ? '' : ratio(first(tsPeer), cts.openMs));
  if (!cts.unavailable) row('keystroke p50 / p99, CDKTF TypeScript', '', `${ms(cts.keys?.p50)} / ${ms(cts.keys?.p99)}`);
  const cpy = r.cdktf.python ?? {};
  row(`open → first diagnostics, CDKTF Python (${CONFIG.cdktf} constructs)`, `${cpy.lines ?? '?'} lines`, cpy.unavailable ? 'not available yet' : ms(cpy.openMs), 'no Python parser installed as a peer');
  if (!cpy.unavailable) row('keystroke p50 / p99, CDKTF Python', '', `${ms(cpy.keys?.p50)} / ${ms(cpy.keys?.p99)}`);
  const ws = r.workspace ?? {};
  row(`open a workspace of ${CONFIG.workspaceFiles} .tf files (index, in the background)`, ws.bytes ? `${(ws.bytes / 1e6).toFixed(1)} MB` : '', ws.error ? `failed: ${ws.error}` : `${ms(ws.indexMs)} to index ${ws.files} files; RSS ${mb(ws.rssMB)}; a file's first diagnostics then ${ms(ws.openMs)}`);
  const act = activation();
  row('extension activation', '', act ? `activate() ${ms(act.activationMs)}; server ready ${ms(act.serverReadyMs)} later (from the last npm run test:vscode)` : 'run npm run test:vscode first (its activation test records it)', '', '', '', '≤ 50 ms', act ? act.activationMs <= 50 : undefined);
  row('', '', r.extension.error ? `bundle load failed: ${r.extension.error}` : `dist/extension.js load alone (stub vscode): ${ms(r.extension.loadMs)}`);
  const v = r.vsix;
  row('.vsix size', '', v.skipped ? 'not packaged in --quick' : v.bytes ? `${fmt(v.bytes / 2 ** 20, 2)} MB (${v.files} files)` : `not packaged: ${v.error ?? 'vsce failed'}`, '', '', '', '≤ 2 MB', v.bytes ? v.bytes <= 2 * 2 ** 20 : undefined);

  // Scaling.
  const scale = SCALING.filter((n) => r.sessions[n]).map((n) => {
    const s = r.sessions[n];
    return { n, bytes: s.bytes, open: s.openMs, warm: median(s.reopenMs ?? []), parse: first(r.peers[n]?.ours), rss: s.rssAfterOpenMB, peak: s.peakMB, idle: s.rssIdleMB, k50: s.keys?.p50, k99: s.keys?.p99, c99: s.completion?.p99, h99: s.hover?.p99, ts: first(r.peers[n]?.treesitter), hj: first(r.peers[n]?.hcl2json) };
  });

  // Plain-text table for the terminal.
  const w = [44, 12, 40, 28, 8, 10];
  const cut = (s, n) => (String(s).length > n ? String(s).slice(0, n - 1) + '…' : String(s)).padEnd(n);
  const lines = [];
  lines.push(`${cut('figure', w[0])} ${cut('workload', w[1])} ${cut('ours', w[2])} ${cut('peer figure', w[3])} ${cut('ratio', w[4])} target`);
  for (const x of rows) lines.push(`${cut(x.figure, w[0])} ${cut(x.workload, w[1])} ${cut(x.ours, w[2])} ${cut(x.theirs, w[3])} ${cut(x.rat, w[4])} ${x.target}${x.target ? ` [${statusPlain(x.met)}]` : ''}`);
  lines.push('');
  lines.push('scaling   lines     MB   open(cold)  open(warm)  parse alone  RSS open  peak   key p50  key p99  compl p99  hover p99');
  for (const s of scale) lines.push(`          ${String(s.n).padStart(6)} ${(s.bytes / 1e6).toFixed(2).padStart(5)}  ${ms(s.open).padStart(10)}  ${ms(s.warm).padStart(10)}  ${ms(s.parse).padStart(11)}  ${mb(s.rss).padStart(8)}  ${mb(s.peak).padStart(6)} ${ms(s.k50).padStart(8)} ${ms(s.k99).padStart(8)} ${ms(s.c99).padStart(10)} ${ms(s.h99).padStart(10)}`);

  // Markdown.
  const md = [];
  const m = r.machine;
  md.push('# Benchmarks', '');
  md.push('Generated by `npm run bench` (`scripts/bench/run.mjs`); every figure below comes from one full run on the machine named here.');
  md.push('Re-run it to refresh this page; `npm run bench -- --quick` is the CI smoke check (small workloads, writes nothing here).', '');
  md.push(`- **Date**: ${m.date}`);
  md.push(`- **Machine**: ${m.cpu}, ${m.memory} RAM, ${m.os}, Node ${m.node}`);
  md.push(`- **Code**: commit ${m.commit}; bundles from \`node scripts/build.mjs\` (run from a copy of \`dist/\` and \`schemas/\` taken right after the build)`);
  md.push(`- **Peers**: ${Object.entries(r.versions).map(([k, v]) => `\`${k}@${v}\``).join(', ')}`);
  md.push(`- **Run time**: ${r.totalSeconds.toFixed(0)} s${m.waitedSeconds ? ` (after waiting ${m.waitedSeconds} s for a quieter machine)` : ''}; load average (1 / 5 / 15 min) ${m.loadBefore} at the start, ${m.loadAfter} at the end${Number(m.loadBefore.split(' ')[0]) >= 1 || Number(m.loadAfter.split(' ')[0]) >= 1 ? ' — **other work was running on this 2-core machine during the run; its figures are inflated and noisy**' : ''}`, '');
  md.push('## How it is measured', '');
  md.push('- **Ours** is always the real server, `node dist/server.js --stdio`, driven over stdio by a `vscode-languageserver-protocol` client as an editor drives it: incremental `didChange`, pushed `publishDiagnostics`. Times are taken in the client from sending a message to receiving its answer (for diagnostics: the `publishDiagnostics` carrying that document version), so they include JSON encoding, the pipe and the server\'s `setImmediate` coalescing. Each workload gets a fresh server, and its document is opened under the URI of the real workload file (each in a folder of its own), as an editor opens a file that exists on disk.');
  md.push('- **Open (cold)** is the first `didOpen` in a fresh server (nothing JIT-compiled yet); for the ' + BIG.toLocaleString('en-US') + '-line module it is the median over ' + CONFIG.coldOpens + (CONFIG.coldOpens === 1 ? ' fresh server' : ' fresh servers') + ' (one sample per server moves by half on this shared machine), each sample listed in its row; **open (warm)** the median of closing and opening the document again (' + CONFIG.reopen + ' times).');
  md.push(`- **Keystrokes**: ${CONFIG.keystrokes} (CDKTF: ${CONFIG.cdktfRequests}) measured single-character edits, after ${CONFIG.warmupKeystrokes} unmeasured warm-up ones, spread over the file's \`alicloud_vpc_bgp_peer\` blocks, one at a time: a letter typed at the end of \`bfd_multi_hop\` (a new "unknown argument" finding), deleted, a digit typed after its value, deleted. Each waits for its diagnostics before the next. On the ${SMALL}-line file, the same ${CONFIG.keystrokes} once more at the end of its session, after ${CONFIG.steadyWarmup.toLocaleString('en-US')} further unmeasured ones ("once typed into"): the target is judged on the first figure.`);
  md.push(`- **Completion / hover**: ${CONFIG.completions} / ${CONFIG.hovers} (CDKTF: ${CONFIG.cdktfRequests} each) positions inside peer blocks (argument-name prefixes, \`tr|ue\` values, \`alicloud_vpc_bgp_group.|g1.id\` references, the resource type, blank lines; hover on argument names, block names and the type).`);
  md.push(`- **Outline**: last in each Terraform session, ${CONFIG.outlines} \`documentSymbol\` requests, each after an edit (a letter typed and deleted), as VS Code's outline, breadcrumbs and sticky scroll ask after every pause in typing. The session's peak memory includes them; the peak before them is given too.`);
  md.push('- **Memory**: the server process\'s `VmRSS` after the first open and `VmHWM` (peak RSS) at the end of its session, from `/proc/<pid>/status`. Peers run in a child process each; their figure is the RSS growth from after loading (and a warm-up parse of a tiny file) to after the parse with the result kept alive, and the peak growth.');
  md.push('- **Peers parse alone** (no analysis, no LSP) in their own process: HashiCorp\'s HCL parser as WASM (`@cdktf/hcl2json`: HCL → JSON), `web-tree-sitter` with `tree-sitter-hcl` (including an incremental re-parse for the very same keystrokes), `typescript`\'s `createSourceFile` for the CDKTF TypeScript workload. "cold" = first parse after a tiny warm-up parse, "warm" = median of the later repeats. **Ratio** = peer ÷ ours (> 1: we are faster or smaller).');
  md.push('- **CLI**: `node dist/cli.js --format json <folder>` as a whole process (start-up included), median of ' + (QUICK ? 1 : 3) + ' runs; throughput = bytes of `.tf` read ÷ wall time.');
  md.push(`- **Workloads** (\`scripts/bench/workloads.mjs\`, seeded, byte-identical on every run, written to \`.bench/workloads/\`): Terraform modules of ${CONFIG.sizes.map((n) => n.toLocaleString('en-US')).join(' / ')} lines (the ${bigLabel} one is ${(r.sessions[BIG]?.bytes / 1e6).toFixed(2)} MB) mixing BGP peers (${hcl[BIG].peers.length.toLocaleString('en-US')} in the big one), BGP groups, VBRs, the physical-connections data source, security groups with \`dynamic\` blocks, instances with heredocs, VPCs, outputs, \`locals\` with \`for\` expressions, comments and non-ASCII text; about 1 % of BGP resources carry a mistake (${r.sessions[BIG]?.diagnostics ?? '?'} findings in the big file, ${r.sessions[BIG]?.syntaxErrors ?? '?'} syntax errors; HashiCorp's parser accepts every file). CDKTF TypeScript and Python stacks of ${CONFIG.cdktf.toLocaleString('en-US')} constructs. A folder of ${c.files.toLocaleString('en-US')} \`.tf\` files (${(c.folder.bytes / 1e6).toFixed(1)} MB, 20 per module folder) for the CLI.`, '');

  md.push('## Results against the targets', '');
  md.push('| figure | workload | ours | peer | peer\'s figure | ratio | target | status |');
  md.push('|---|---|---|---|---|---|---|---|');
  for (const x of rows) md.push(`| ${x.figure} | ${x.workload} | ${x.ours} | ${x.peer} | ${x.theirs} | ${x.rat} | ${x.target} | ${x.target ? status(x.met) : ''} |`);
  md.push('');
  md.push('## Scaling (a fresh server per size)', '');
  md.push('| lines | MB | open → diagnostics, cold | warm | our parser alone | tree-sitter alone | HashiCorp alone | RSS after open | peak RSS | keystroke p50 | keystroke p99 | completion p99 | hover p99 |');
  md.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of scale) md.push(`| ${s.n.toLocaleString('en-US')} | ${(s.bytes / 1e6).toFixed(2)} | ${ms(s.open)} | ${ms(s.warm)} | ${ms(s.parse)} | ${ms(s.ts)} | ${ms(s.hj)} | ${mb(s.rss)} | ${mb(s.peak)} | ${ms(s.k50)} | ${ms(s.k99)} | ${ms(s.c99)} | ${ms(s.h99)} |`);
  md.push('');
  md.push('## All workloads', '');
  md.push('| workload | lines | findings | open cold / warm | keystroke p50 / p90 / p99 / max | completion p50 / p99 (mean items) | hover p50 / p99 | no-op request p50 / p99 (noise floor) | RSS idle / after open / at the end / peak |');
  md.push('|---|---:|---:|---|---|---|---|---|---|');
  const wrow = (label, s) => {
    if (!s) return;
    if (s.unavailable) return md.push(`| ${label} | ${s.lines} | not available yet | | | | | | |`);
    md.push(`| ${label} | ${s.lines.toLocaleString('en-US')} | ${s.diagnostics} | ${ms(s.openMs)} / ${ms(median(s.reopenMs ?? []))} | ${ms(s.keys?.p50)} / ${ms(s.keys?.p90)} / ${ms(s.keys?.p99)} / ${ms(s.keys?.max)} | ${ms(s.completion?.p50)} / ${ms(s.completion?.p99)} (${fmt(s.completion?.meanItems)}) | ${ms(s.hover?.p50)} / ${ms(s.hover?.p99)} | ${ms(s.floor?.p50)} / ${ms(s.floor?.p99)} | ${mb(s.rssIdleMB)} / ${mb(s.rssAfterOpenMB)} / ${mb(s.rssEndMB)} / ${mb(s.peakMB)} |`);
  };
  for (const n of CONFIG.sizes) wrow(`module, ${n.toLocaleString('en-US')} lines`, r.sessions[n]);
  wrow(`CDKTF TypeScript, ${CONFIG.cdktf} constructs`, r.cdktf.typescript);
  wrow(`CDKTF Python, ${CONFIG.cdktf} constructs`, r.cdktf.python);
  md.push('');
  if (big.completion?.byKind) {
    md.push(`Completion by position kind, ${bigLabel} file (p50 / p99): ${Object.entries(big.completion.byKind).map(([k, v]) => `${k} ${ms(v.p50)} / ${ms(v.p99)} (${v.n})`).join('; ')}. Hover: ${big.hover?.empty ?? '?'} of ${big.hover?.n ?? '?'} positions had no hover.`, '');
  }
  md.push('## Peers, parse alone', '');
  md.push('| lines | HashiCorp (hcl2json) cold / warm | its RSS growth / peak | tree-sitter cold / warm | its RSS growth / peak | tree-sitter incremental p50 / p99 | our parser cold / warm | its RSS growth | our `HclDocument.update` p50 / p99 |');
  md.push('|---:|---|---|---|---|---|---|---|---|');
  for (const n of CONFIG.sizes) {
    const p = r.peers[n];
    if (!p) continue;
    md.push(`| ${n.toLocaleString('en-US')} | ${p.hcl2json.error && !p.hcl2json.ok ? 'error' : `${ms(first(p.hcl2json))} / ${ms(warm(p.hcl2json))}`} | +${mb(p.hcl2json.rssDeltaMB)} / +${mb(p.hcl2json.peakDeltaMB)} | ${ms(first(p.treesitter))} / ${ms(warm(p.treesitter))} | +${mb(p.treesitter.rssDeltaMB)} / +${mb(p.treesitter.peakDeltaMB)} | ${ms(percentile(p.treesitter.editTimes ?? [], 50))} / ${ms(percentile(p.treesitter.editTimes ?? [], 99))} | ${ms(first(p.ours))} / ${ms(warm(p.ours))} | +${mb(p.ours.rssDeltaMB)} | ${ms(percentile(p.ours.editTimes ?? [], 50))} / ${ms(percentile(p.ours.editTimes ?? [], 99))} |`);
  }
  md.push('');
  md.push(`TypeScript peer: \`ts.createSourceFile\` on the ${cts.lines ?? '?'}-line CDKTF stack: ${ms(first(tsPeer))} cold / ${ms(warm(tsPeer))} warm, RSS +${mb(tsPeer.rssDeltaMB)}. Folder parse-alone throughput (same ${c.files} files, one warm process, no start-up): HashiCorp ${fmt(r.peers.folder.hcl2json?.mbPerS)} MB/s, tree-sitter ${fmt(r.peers.folder.treesitter?.mbPerS)} MB/s. CLI start-up (\`--version\`): ${ms(c.startupMs)}.`, '');
  md.push('## Packaging and activation', '');
  md.push(`- \`.vsix\`: ${v.bytes ? `${fmt(v.bytes / 2 ** 20, 2)} MB, ${v.files} files, from \`${v.command}\`` : `not produced (${v.error})`}.${v.hasVscodeignore ? '' : ' The project has no `.vscodeignore` yet, so the package holds sources, tests and source maps as well as `dist/`.'}${v.warnings.length ? ` vsce warned: ${v.warnings.map((x) => `"${x}"`).join('; ')}.` : ''}${v.existing.length ? ` Existing packages: ${v.existing.map((e) => `${e.file} ${fmt(e.bytes / 2 ** 20, 2)} MB`).join(', ')}.` : ''}`);
  md.push(`- Extension activation: \`activate()\` starts a \`LanguageClient\` that needs a real VS Code, so it is not measured here; the VS Code test layer is the place for it. What is measurable here: \`require('dist/extension.js')\` with a stub \`vscode\` module takes ${ms(r.extension.loadMs)} (bundle ${fmt((r.extension.bytes ?? NaN) / 2 ** 10)} KB), a lower bound of activation.`, '');
  md.push('<!-- analysis -->');
  const previous = fs.existsSync(path.join(root, 'BENCHMARKS.md')) ? fs.readFileSync(path.join(root, 'BENCHMARKS.md'), 'utf8') : '';
  const analysis = previous.includes('<!-- analysis -->') ? previous.slice(previous.indexOf('<!-- analysis -->') + '<!-- analysis -->'.length).replace(/^\n/, '') : '\n## Analysis\n\n(Written by hand after a run: what the figures mean, and why any target is missed.)\n';
  return { table: lines.join('\n'), markdown: md.join('\n') + '\n' + analysis };
}
