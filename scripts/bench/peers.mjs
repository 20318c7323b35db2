// Peer parsers, each measured in its own child process (so memory deltas are its own):
//   hcl2json    HashiCorp's HCL parser compiled to WASM (@cdktf/hcl2json), parse alone
//   treesitter  web-tree-sitter + tree-sitter-hcl.wasm, parse alone, plus incremental re-parse for the same edits
//   ours        our HCL parser alone (HclDocument from server/src/syntax/hcl/document.ts, bundled by run.mjs),
//               full parse plus HclDocument.update for the same edits: the parse share of a keystroke
//   typescript  the typescript compiler's ts.createSourceFile on the CDKTF TypeScript workload
//   *-folder    throughput of the parse alone over the CLI folder's files
//
// Parent side: `measurePeer(kind, args)` spawns `node peers.mjs <kind>` with the args on stdin and returns the
// JSON the child prints. Child side: warm the library up on a tiny input, take the RSS baseline, parse, and
// report times, RSS after the parse (result kept alive) and the peak (VmHWM) relative to the baseline.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { procMemory } from './lsp.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const require = createRequire(path.join(root, 'package.json'));

export function measurePeer(kind, args, { execArgv = [], timeoutMs = 240000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...execArgv, fileURLToPath(import.meta.url), kind], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last));
      } catch {
        resolve({ error: `peer ${kind} failed (exit ${code ?? signal}): ${(err || out).trim().slice(-600)}` });
      }
    });
    child.stdin.end(JSON.stringify(args));
  });
}

// ------------------------------------------------------------------------------------------ child side

const TINY_HCL = 'resource "alicloud_vpc_bgp_peer" "p" {\n  bgp_group_id = "x"\n}\n';

function mem() {
  return procMemory(process.pid);
}

/** Offsets at which each line of `text` starts. */
function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

async function timed(repeats, fn) {
  const times = [];
  let keep;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    keep = await fn(keep);
    times.push(performance.now() - t0);
  }
  return { times, keep };
}

async function hcl2json({ file, repeats = 1 }) {
  const hcl = require('@cdktf/hcl2json');
  const text = fs.readFileSync(file, 'utf8');
  let t0 = performance.now();
  await hcl.parse('warm.tf', TINY_HCL); // starts the Go runtime: not part of "parse"
  const initMs = performance.now() - t0;
  const base = mem();
  let error;
  const { times, keep } = await timed(repeats, async () => {
    try {
      return await hcl.parse(path.basename(file), text);
    } catch (e) {
      error = String(e).slice(0, 300);
      return undefined;
    }
  });
  const after = mem();
  return { initMs, times, error, ok: !!keep, ...memReport(base, after) };
}

async function treeSitterParser() {
  const TS = require('web-tree-sitter');
  const { Parser, Language } = TS;
  await Parser.init();
  const lang = await Language.load(path.join(root, 'node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm'));
  const parser = new Parser();
  parser.setLanguage(lang);
  return { parser, Edit: TS.Edit };
}

async function treesitter({ file, repeats = 1, edits = [] }) {
  let t0 = performance.now();
  const { parser, Edit } = await treeSitterParser();
  parser.parse(TINY_HCL).delete();
  const initMs = performance.now() - t0;
  let text = fs.readFileSync(file, 'utf8');
  const base = mem();
  const { times, keep: tree0 } = await timed(repeats, (prev) => {
    prev?.delete();
    return parser.parse(text);
  });
  const after = mem();
  const hasError = tree0.rootNode.hasError;
  // Incremental re-parse for the same keystrokes the server gets (edit the tree, parse with the old tree).
  let tree = tree0;
  const editTimes = [];
  let starts = lineStarts(text);
  for (const e of edits) {
    const start = starts[e.line] + e.character;
    const oldEnd = start + e.deleteCount;
    const newEnd = start + e.text.length;
    const t1 = performance.now();
    text = text.slice(0, start) + e.text + text.slice(oldEnd);
    const edit = {
      startIndex: start,
      oldEndIndex: oldEnd,
      newEndIndex: newEnd,
      startPosition: { row: e.line, column: e.character },
      oldEndPosition: { row: e.line, column: e.character + e.deleteCount },
      newEndPosition: { row: e.line, column: e.character + e.text.length },
    };
    tree.edit(Edit ? new Edit(edit) : edit);
    const next = parser.parse(text, tree);
    editTimes.push(performance.now() - t1);
    tree.delete();
    tree = next;
    // Single-line edits: only the starts after the edited line move.
    const d = e.text.length - e.deleteCount;
    for (let i = e.line + 1; i < starts.length; i++) starts[i] += d;
  }
  // The incrementally maintained tree must equal a fresh parse (checks the edit bookkeeping).
  let incrementalMatches;
  if (edits.length) {
    const fresh = parser.parse(text);
    incrementalMatches = fresh.rootNode.toString() === tree.rootNode.toString();
    fresh.delete();
  }
  const end = mem();
  tree.delete();
  return { initMs, times, hasError, editTimes, incrementalMatches, ...memReport(base, after), peakAfterEditsMB: end.hwm - base.rss };
}

async function ours({ file, parserBundle, repeats = 1, edits = [] }) {
  const { HclDocument } = require(parserBundle);
  let t0 = performance.now();
  new HclDocument(TINY_HCL);
  const initMs = performance.now() - t0;
  const text = fs.readFileSync(file, 'utf8');
  const base = mem();
  const { times, keep: doc } = await timed(repeats, () => new HclDocument(text));
  const after = mem();
  const syntaxErrors = doc.chunks.reduce((s, c) => s + c.errors.length, 0);
  const editTimes = [];
  const reparsed = [];
  for (const e of edits) {
    const change = {
      range: { start: { line: e.line, character: e.character }, end: { line: e.line, character: e.character + e.deleteCount } },
      text: e.text,
    };
    const t1 = performance.now();
    doc.update([change]);
    editTimes.push(performance.now() - t1);
    reparsed.push(doc.lastReparsed);
  }
  return { initMs, times, chunks: doc.chunks.length, syntaxErrors, editTimes, maxReparsedChunks: Math.max(0, ...reparsed), ...memReport(base, after) };
}

async function typescript({ file, repeats = 1 }) {
  let t0 = performance.now();
  const ts = require('typescript');
  ts.createSourceFile('warm.ts', 'const x = 1;', ts.ScriptTarget.Latest);
  const initMs = performance.now() - t0;
  const text = fs.readFileSync(file, 'utf8');
  const base = mem();
  const { times, keep } = await timed(repeats, () => ts.createSourceFile(path.basename(file), text, ts.ScriptTarget.Latest, true));
  const after = mem();
  return { initMs, times, statements: keep.statements.length, version: ts.version, ...memReport(base, after) };
}

/** Parse-alone throughput over many files (one warm process, files read before timing). */
async function folder({ listFile, parser }) {
  const files = fs.readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
  const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
  let parse;
  if (parser === 'hcl2json') {
    const hcl = require('@cdktf/hcl2json');
    await hcl.parse('warm.tf', TINY_HCL);
    parse = (t, i) => hcl.parse(files[i], t);
  } else {
    const { parser: p } = await treeSitterParser();
    parse = (t) => p.parse(t).delete();
  }
  const t0 = performance.now();
  let failures = 0;
  for (let i = 0; i < texts.length; i++) {
    try {
      await parse(texts[i], i);
    } catch {
      failures++;
    }
  }
  const ms = performance.now() - t0;
  return { files: files.length, bytes, ms, mbPerS: bytes / 1e6 / (ms / 1000), failures };
}

function memReport(base, after) {
  return { baseRssMB: base.rss, rssDeltaMB: after.rss - base.rss, peakDeltaMB: after.hwm - base.rss, peakRssMB: after.hwm };
}

const CHILD = { hcl2json, treesitter, ours, typescript, 'hcl2json-folder': (a) => folder({ ...a, parser: 'hcl2json' }), 'treesitter-folder': (a) => folder({ ...a, parser: 'treesitter' }) };

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const kind = process.argv[2];
  let input = '';
  process.stdin.on('data', (d) => (input += d));
  process.stdin.on('end', async () => {
    try {
      const result = await CHILD[kind](JSON.parse(input || '{}'));
      process.stdout.write('\n' + JSON.stringify(result) + '\n');
      process.exit(0);
    } catch (e) {
      process.stdout.write('\n' + JSON.stringify({ error: `${kind}: ${e?.stack ?? e}`.slice(0, 1000) }) + '\n');
      process.exit(1);
    }
  });
}
