/** Finds the files to check under the paths given on the command line. */
import * as fs from 'fs';
import * as path from 'path';

/** Not the user's code: dependencies, build output, and the bindings `cdktf get` generates (`.gen/`, `imports/`). */
// Generated CDKTF bindings (`.gen/` TypeScript, `imports/` Python, `generated/` Go) are not user code.
const SKIP_DIRS = new Set(['node_modules', '.git', '.terraform', 'cdktf.out', 'dist', 'out', '.vscode-test', '.gen', 'imports', 'generated']);

import { isSupported } from '../engine/files';

export function isCheckable(file: string): boolean {
  return isSupported(file);
}

/**
 * Expands folders recursively; throws with a clear message when a path does not exist or cannot be read.
 * `sizes`, when given, receives each file's size in bytes (from the stat already made), to size the work.
 */
export function collectFiles(paths: string[], sizes?: Map<string, number>): string[] {
  const out: string[] = [];
  const visit = (p: string, explicit: boolean) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new Error(code === 'ENOENT' ? `${p}: no such file or folder` : `${p}: cannot read (${code ?? String(e)})`);
    }
    if (st.isDirectory()) {
      let entries: string[];
      try {
        entries = fs.readdirSync(p).sort();
      } catch (e) {
        throw new Error(`${p}: cannot list the folder (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      }
      for (const name of entries) {
        if (SKIP_DIRS.has(name)) continue;
        const child = path.join(p, name);
        let cst: fs.Stats;
        try {
          cst = fs.statSync(child);
        } catch {
          continue; // a dangling link inside a folder is not the user's argument
        }
        if (cst.isDirectory()) visit(child, false);
        else if (isCheckable(name)) {
          out.push(child);
          sizes?.set(child, cst.size);
        }
      }
    } else if (explicit || isCheckable(p)) {
      out.push(p);
      sizes?.set(p, st.size);
    }
  };
  for (const p of paths) visit(p, true);
  return out;
}
