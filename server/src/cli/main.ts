/**
 * `alicloud-bgp-check [--format text|json|sarif] PATH…`: the language server's analysis over files and
 * folders, for CI. Exit 0: no errors; 1: errors found; 2: usage or I/O problem.
 */
import * as fs from 'fs';
import * as path from 'path';
import { capSyntaxErrors, refusal } from '../engine/guards';
import { createSourceFile } from '../engine/files';
import type { SourceFile } from '../engine/sourceFile';
import type { Diagnostic } from '../engine/diagnostic';
import { Workspace } from '../engine/workspace';
import { DEFAULT_SETTINGS } from '../engine/settings';
import { defaultSchemas } from '../schema/registry';
import { collectFiles } from './files';
import { FileResult, formatJson, formatSarif, formatText } from './format';

const VERSION = '0.1.0';
const USAGE = `Usage: alicloud-bgp-check [--format text|json|sarif] PATH...

Checks alicloud_vpc_bgp_peer and related resources in Terraform files (.tf, .tfvars) and in
CDKTF programs (.ts, .py, .java, .cs, .go that use the generated classes).
Folders are searched recursively. Exit status: 0 no errors, 1 errors found, 2 usage or I/O problem.
`;

export function run(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  let format = 'text';
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
    if (a === '--format' || a === '-f') {
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
  try {
    files = collectFiles(paths);
  } catch (e) {
    err(`alicloud-bgp-check: ${(e as Error).message}\n`);
    return 2;
  }

  const workspace = new Workspace(defaultSchemas());
  const results: FileResult[] = [];
  let ioProblem = false;
  const checked: { name: string; file?: SourceFile; refused?: Diagnostic }[] = [];
  for (const name of files) {
    let text: string;
    try {
      text = fs.readFileSync(name, 'utf8');
    } catch (e) {
      err(`alicloud-bgp-check: ${name}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})\n`);
      ioProblem = true;
      continue;
    }
    const refused = refusal(text, DEFAULT_SETTINGS.maxFileSizeMB);
    const file = refused ? undefined : createSourceFile(name, undefined, text);
    if (file) workspace.add(name, file);
    checked.push({ name, file, refused });
  }
  // The files of a folder form a module: its other .tf files are read too, even if not named.
  for (const dir of new Set(checked.map((c) => path.dirname(c.name)))) workspace.indexDir(dir);
  for (const { name, file, refused } of checked) {
    const diagnostics = refused ? [refused] : file ? capSyntaxErrors(file.diagnostics(workspace.contextFor(name, file))) : [];
    diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    results.push({ file: name, diagnostics });
  }
  out(format === 'json' ? formatJson(results) : format === 'sarif' ? formatSarif(results, VERSION) : formatText(results));
  if (ioProblem) return 2;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
}
