/**
 * `alicloud-bgp-check [--format text|json|sarif] [--severity CODE=LEVEL]... [--fix] PATH…`: the language server's analysis
 * over files and folders, for CI. Exit 0: no errors; 1: errors found; 2: usage or I/O problem.
 */
import * as fs from 'fs';
import { FINDING_CODES } from '../analysis/codes';
import { closest } from '../analysis/suggest';
import { applySettings, DEFAULT_SETTINGS, Settings } from '../engine/settings';
import { groupByModule } from './check';
import { collectFiles, totalBytes } from './files';
import { FileResult, formatJson, formatSarif, formatText } from './format';
import { checkModules, isWorkerJob, runWorkerJob, threadsFor } from './parallel';

const VERSION = '0.1.0';
const USAGE = `Usage: alicloud-bgp-check [--format text|json|sarif] [--severity CODE=LEVEL]... [--fix] PATH...

Checks alicloud_vpc_bgp_peer and related resources in Terraform files (.tf, .tfvars, .tfvars.json) and in
CDKTF programs (.ts, .py, .java, .cs, .go that use the generated classes).
Folders are searched recursively. Exit status: 0 no errors, 1 errors found, 2 usage or I/O problem.

  --severity CODE=LEVEL   report the finding CODE as error, warning, information or hint, or not at all
                          (off); repeatable, as the editor's alicloudBgp.diagnostics.severity setting.
                          A comment "# alicloud-bgp-ignore: CODE" on a line, or the line above it,
                          silences CODE there.
  --fix                   first write into the files the fixes that are safe to apply unasked (a
                          misspelt argument name, "yes" for a bool, a value's letter case, a read-only
                          argument), as the editor's "Fix all"; each file fixed is named on stderr,
                          and what is reported is what is left.
`;

export async function run(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let format = 'text';
  let fix = false;
  const severity: Settings['severity'] = {};
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      out(USAGE);
      return 0;
    }
    if (a === '--version') {
      out(VERSION + '\n');
      return 0;
    }
    if (a === '--severity' || a.startsWith('--severity=')) {
      const pair = a === '--severity' ? argv[++i] ?? '' : a.slice('--severity='.length);
      const problem = addSeverity(severity, pair);
      if (problem) {
        err(`alicloud-bgp-check: ${problem}\n`);
        return 2;
      }
    } else if (a === '--fix') {
      fix = true;
    } else if (a === '--format' || a === '-f') {
      format = argv[++i] ?? '';
    } else if (a.startsWith('--format=')) {
      format = a.slice('--format='.length);
    } else if (a.startsWith('-') && a !== '-') {
      err(`alicloud-bgp-check: unknown option ${a}\n\n${USAGE}`);
      return 2;
    } else paths.push(a);
  }
  if (!['text', 'json', 'sarif'].includes(format)) {
    err(`alicloud-bgp-check: --format must be text, json or sarif (got "${format}")\n`);
    return 2;
  }
  if (paths.length === 0) {
    err(`alicloud-bgp-check: no files or folders given\n\n${USAGE}`);
    return 2;
  }
  let files: string[];
  const unlisted: string[] = [];
  try {
    files = collectFiles(paths, (problem) => unlisted.push(problem));
  } catch (e) {
    err(`alicloud-bgp-check: ${(e as Error).message}\n`);
    return 2;
  }

  // Folders are independent modules: check them (on several threads when it pays), then report in the
  // command line's order, read errors first as they were met.
  const { groups, at } = groupByModule(files);
  const roots = paths.filter(isFolder);
  const off = Object.keys(severity).filter((code) => severity[code] === 'off');
  const { outcomes } = await checkModules(groups, threadsFor(groups.length, () => totalBytes(files)), __filename, { roots, fix: fix ? { off } : undefined });
  const results: FileResult[] = [];
  // A folder that could not be listed is reported like a file that could not be read: the rest is checked.
  for (const problem of unlisted) err(`alicloud-bgp-check: ${problem}\n`);
  let ioProblem = unlisted.length > 0;
  files.forEach((file, i) => {
    const o = outcomes[at[i][0]][at[i][1]];
    if ('readError' in o) {
      err(`alicloud-bgp-check: ${o.readError}\n`);
      ioProblem = true;
      return;
    }
    if (o.writeError) {
      err(`alicloud-bgp-check: ${o.writeError}\n`);
      ioProblem = true;
    }
    if (o.fixed) err(`alicloud-bgp-check: fixed ${o.fixed.length} problem${o.fixed.length === 1 ? '' : 's'} in ${file}:\n${o.fixed.map((f) => `  ${f}\n`).join('')}`);
    results.push({ file, diagnostics: applySettings(o.diagnostics, { ...DEFAULT_SETTINGS, severity }) });
  });
  out(format === 'json' ? formatJson(results) : format === 'sarif' ? formatSarif(results, VERSION) : formatText(results));
  if (ioProblem) return 2;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

/** Reads `CODE=LEVEL` into `severity`; says what is wrong with it otherwise. */
function addSeverity(severity: Settings['severity'], pair: string): string | undefined {
  const m = /^([a-z0-9-]+)=(error|warning|information|hint|off)$/.exec(pair.trim());
  if (!m) return `--severity takes CODE=LEVEL, LEVEL one of error, warning, information, hint, off (got "${pair}")`;
  if (!FINDING_CODES.has(m[1])) {
    const near = closest(m[1], FINDING_CODES);
    return `--severity: no finding has the code "${m[1]}"${near ? ` (did you mean "${near}"?)` : ''}`;
  }
  severity[m[1]] = m[2] as Settings['severity'][string];
  return undefined;
}

// The bundle is also the worker threads' entry point (see `parallel.ts`).
if (isWorkerJob()) runWorkerJob();
else if (require.main === module) {
  // A reader that stops early (`| head`) closes the pipe: the rest of the report is not wanted. The run ends
  // with the status it decided, without Node's stack trace for the failed write.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s)).then((code) => (process.exitCode = code));
}

/** A folder named on the command line: its tree is where root modules calling a checked module are looked for. */
function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
