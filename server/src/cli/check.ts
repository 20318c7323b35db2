/**
 * Checks the files of one module folder: the unit of work of the CLI, whether on the main thread or in a
 * worker (`parallel.ts`). A module is everything a file's analysis can see (`Workspace.contextFor` reads the
 * folder of the file only), so modules can be checked in any order, on any thread, with the same findings.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { AnalysisContext } from '../analysis/context';
import type { Diagnostic } from '../engine/diagnostic';
import { cdktfLanguage, createSourceFile } from '../engine/files';
import { fixAll, FixedFile } from '../engine/fixAll';
import { capSyntaxErrors, encodingRefusal, refusal, refusalOf } from '../engine/guards';
import { withoutIgnored } from '../engine/ignoreComments';
import { DEFAULT_SETTINGS } from '../engine/settings';
import { withoutBom } from '../engine/text';
import type { SourceFile } from '../engine/sourceFile';
import { Workspace } from '../engine/workspace';
import type { SchemaRegistry } from '../schema/registry';

/**
 * One named file's result: its sorted diagnostics, or why it could not be read (it is then left out). With
 * `--fix`, the fixes written to it (its diagnostics are then the fixed file's), or why it could not be written.
 */
export type Outcome = { diagnostics: Diagnostic[]; fixed?: string[]; writeError?: string } | { readError: string };

/** `--fix`: write the fixes safe to apply unasked (`engine/fixAll.ts`), except for the codes turned off. */
export interface FixOptions {
  off: readonly string[];
}

/**
 * The files grouped by folder (`path.dirname`, the key the workspace uses), each group keeping the command
 * line's order; `at[i]` says where `files[i]` went, so results can be put back in the original order.
 */
export function groupByModule(files: string[]): { groups: string[][]; at: [number, number][] } {
  const index = new Map<string, number>();
  const groups: string[][] = [];
  const at: [number, number][] = [];
  for (const f of files) {
    const dir = path.dirname(f);
    let g = index.get(dir);
    if (g === undefined) index.set(dir, (g = groups.push([]) - 1));
    at.push([g, groups[g].push(f) - 1]);
  }
  return { groups, at };
}

/**
 * The outcome of each file of one folder, in order. Same steps as checking everything at once: read and parse
 * every named file, index the folder's other `.tf` files, then analyse. A fresh workspace per folder lets
 * a checked module's syntax trees be collected while the next one is read.
 */
export function checkModule(files: string[], schemas: SchemaRegistry, searchRoots: readonly string[] = [], fix?: FixOptions): Outcome[] {
  // The folders named on the command line: where the root modules calling a module are looked for.
  const workspace = new Workspace(schemas, searchRoots);
  const read: ({ readError: string } | { file?: SourceFile; refused?: Diagnostic; bom?: boolean; lossy?: boolean; fixed?: string[]; writeError?: string })[] = files.map((name) => {
    let text: string;
    let bom = false;
    let lossy = false;
    try {
      // A FIFO or a device named `x.tf` would block the read, or never end (`/dev/zero`).
      const st = fs.statSync(name);
      if (!st.isFile()) return { readError: `${name}: not a regular file` };
      // Far larger than the limit in characters whatever its encoding: refused unread.
      if (st.size > 4 * DEFAULT_SETTINGS.maxFileSizeMB * 1024 * 1024) return { refused: refusalOf(st.size, '', DEFAULT_SETTINGS.maxFileSizeMB) };
      const bytes = fs.readFileSync(name);
      const encoding = cdktfLanguage(name) === undefined ? encodingRefusal(bytes) : undefined;
      if (encoding) return { refused: encoding };
      text = withoutBom(bytes.toString('utf8'));
      bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      // Bytes that are not UTF-8 (a comment saved in Latin-1) are read as U+FFFD: writing the text back would
      // replace them. Only a text holding U+FFFD can be such a file, so most are not compared.
      lossy = !!fix && text.includes('\ufffd') && !Buffer.from((bom ? '\ufeff' : '') + text, 'utf8').equals(bytes);
    } catch (e) {
      return { readError: `${name}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
    }
    const refused = refusal(text, DEFAULT_SETTINGS.maxFileSizeMB);
    const file = refused ? undefined : createSourceFile(name, undefined, text);
    if (file) workspace.add(name, file);
    return { file, refused, bom, lossy };
  });
  // The files of a folder form a module: its other .tf files are read too, even if not named.
  if (files.length) workspace.indexDir(path.dirname(files[0]));
  if (fix) {
    // Each file is fixed in the module as the files before it left it, then analysed as fixed, with the others.
    const off = new Set(fix.off);
    read.forEach((r, i) => {
      if ('readError' in r || !r.file) return;
      const name = files[i];
      let result: FixedFile;
      try {
        result = fixAll(r.file, {
          reread: (text) => createSourceFile(name, undefined, text) ?? r.file!,
          contextOf: (g) => workspace.contextFor(name, g),
          reported: (code) => !off.has(code),
        });
      } catch (e) {
        // A bug in a fix: the file is left as it is, checked, and the run says so.
        r.writeError = `${name}: the fixes could not be made (${String(e)})`;
        return;
      }
      if (result.fixed.length === 0) return;
      if (r.lossy) {
        r.writeError = `${name}: the fixes were not written: the file is not UTF-8, and writing it would change the bytes that are not`;
        return;
      }
      try {
        fs.writeFileSync(name, (r.bom ? '\ufeff' : '') + result.text);
      } catch (e) {
        r.writeError = `${name}: cannot write the fixes (${(e as NodeJS.ErrnoException).code ?? String(e)})`;
        return;
      }
      r.file = result.file;
      r.fixed = result.fixed.map((f) => `${f.code}: ${f.title}`);
      workspace.add(name, result.file);
    });
  }
  // Every file the workspace holds sees the same module, so the folder's context (whose signature hashes
  // all of its files) is computed once, not once per file.
  let shared: AnalysisContext | undefined;
  return read.map((r, i) => {
    if ('readError' in r) return r;
    const { file, refused, fixed, writeError } = r;
    const name = files[i];
    let diagnostics: Diagnostic[] = [];
    if (refused) diagnostics = [refused];
    else if (file) {
      const ctx = workspace.holds(name, file) ? (shared ??= workspace.contextFor(name, file)) : workspace.contextFor(name, file);
      diagnostics = withoutIgnored(capSyntaxErrors(file.diagnostics(ctx)), file);
    }
    diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return { diagnostics, fixed, writeError };
  });
}
