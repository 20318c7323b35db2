/** Runs `node dist/cli.js` as a child process, and builds throw-away folders of fixture files for it. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CLI = path.resolve(__dirname, '../../dist/cli.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** One finding of `--format json` (DESIGN.md: 0-based LSP positions, severity as a word). */
export interface JsonFinding {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

export function runCli(args: string[], cwd?: string, env?: Record<string, string>): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: env && { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `--format json` output, parsed; fails loudly when stdout is not JSON. */
export function runJson(args: string[], cwd?: string): { status: number | null; findings: JsonFinding[]; stderr: string } {
  const r = runCli(['--format', 'json', ...args], cwd);
  let findings: JsonFinding[];
  try {
    findings = JSON.parse(r.stdout) as JsonFinding[];
  } catch {
    throw new Error(`stdout is not JSON (exit ${r.status}): ${r.stdout.slice(0, 500)}\nstderr: ${r.stderr}`);
  }
  return { status: r.status, findings, stderr: r.stderr };
}

/** A temp folder holding `files` (relative path → content); removed by the returned cleanup. */
export function tempTree(files: Record<string, string>): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alicloud-bgp-cli-'));
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A `tempTree` maker for one test file: every folder it makes is removed after the file's tests. */
export function tempTrees(after: (fn: () => void) => void): (files: Record<string, string>) => string {
  const cleanups: (() => void)[] = [];
  after(() => cleanups.forEach((c) => c()));
  return (files) => {
    const t = tempTree(files);
    cleanups.push(t.cleanup);
    return t.dir;
  };
}
