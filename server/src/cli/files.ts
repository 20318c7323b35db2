/** Finds the files to check under the paths given on the command line. */
import * as fs from 'fs';
import * as path from 'path';

import { isSupported } from '../engine/files';
import { isModuleFile } from '../engine/workspace';

/** Not the user's code: dependencies and build output. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.terraform', 'cdktf.out', 'dist', 'out', '.vscode-test']);
/**
 * The bindings `cdktf get` generates (`.gen/` TypeScript, `imports/` Python, `generated/` Go): their program
 * files are not the user's code, but Terraform files there are (Terraformer writes HCL to `generated/`).
 */
const BINDING_DIRS = new Set(['.gen', 'imports', 'generated']);

export function isCheckable(file: string): boolean {
  return isSupported(file);
}

/**
 * Expands folders recursively; throws with a clear message when a path does not exist or cannot be read. Only
 * regular files are taken (a FIFO or device named `x.tf` would block or never end); each file and folder once,
 * however it is reached (`a/main.tf` and `./a/main.tf`, a link back up the tree). A folder that cannot be listed
 * is given to `unlisted` when there is one, and the rest is still collected: one unreadable folder in a tree
 * (a container's data volume) would otherwise leave every other module unchecked.
 */
export function collectFiles(paths: string[], unlisted?: (problem: string) => void): string[] {
  const out: string[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const realDir = new Map<string, string>();
  const take = (file: string) => {
    const dir = path.dirname(file);
    let real = realDir.get(dir);
    if (real === undefined) realDir.set(dir, (real = realOr(dir)));
    const key = path.join(real, path.basename(file));
    if (!seenFiles.has(key)) (seenFiles.add(key), out.push(file));
  };
  const visitDir = (p: string, inBindings: boolean) => {
    const real = realOr(p);
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    realDir.set(p, real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(p, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      const problem = `${p}: cannot list the folder (${(e as NodeJS.ErrnoException).code ?? String(e)})`;
      if (!unlisted) throw new Error(problem);
      unlisted(problem);
      return;
    }
    for (const e of entries) {
      if (SKIP_DIRS.has(e.name)) continue;
      const child = path.join(p, e.name);
      // The listing gives each entry's type (one stat per file cost 10 ms on 1,000 files); a link is followed.
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = fs.statSync(child);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // a dangling link inside a folder is not the user's argument
        }
      }
      if (isDir) visitDir(child, inBindings || BINDING_DIRS.has(e.name));
      else if (isFile && isCheckable(e.name) && (!inBindings || isModuleFile(e.name))) take(child);
    }
  };
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new Error(code === 'ENOENT' ? `${p}: no such file or folder` : `${p}: cannot read (${code ?? String(e)})`);
    }
    if (st.isDirectory()) visitDir(p, false);
    else if (st.isFile()) take(p);
    else throw new Error(`${p}: not a regular file or folder`);
  }
  return out;
}

/** The path with its links resolved, or as it is when that fails. */
function realOr(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return path.resolve(p);
  }
}

/** The total size of `files` in bytes (files that cannot be read count 0: reading them reports the problem). */
export function totalBytes(files: string[]): number {
  let n = 0;
  for (const f of files) {
    try {
      n += fs.statSync(f).size;
    } catch {
      // reported when the file is read
    }
  }
  return n;
}
