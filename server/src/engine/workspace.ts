/**
 * The module index: every `.tf` file of the folders in view, open in the editor or only on disk, so that
 * analysis, completion and navigation see the whole module (the files of one folder), and each `.tf.json` file
 * for what it declares (`tfJsonFile.ts`). Open documents override their disk version. Also knows each module's
 * provider version.
 */
import * as fs from 'fs';
import * as path from 'path';
import { PROJECT_FILE } from '../analysis/context';
import { compareTriples } from '../analysis/versionConstraint';
import type { AnalysisContext, DeclaredVariable, VariableUse } from '../analysis/context';
import type { SchemaRegistry } from '../schema/registry';
import { createSourceFile } from './files';
import { lineBreakRefusal } from './guards';
import { isOverrideFile } from '../analysis/partial';
import { contextFor } from './moduleContext';
import { lockedVersionFor, moduleCallsAndProvider, versionFromCdktfJson, versionsFromLockFile } from './providerVersion';
import { joinConstraints, moduleProvider, type ProviderSaid } from './providerRequirements';
import type { LockedVersions } from './providerVersion';
import type { SourceFile } from './sourceFile';
import { withoutBom } from './text';
import { compareLoadOrder, declaredVariables, isAutoLoaded, isVariableFile } from './variableFiles';
import type { VariableSource } from './variableFiles';
import { variableUses } from './variableUses';

const SKIP_DIRS = new Set(['node_modules', '.git', '.terraform', 'cdktf.out', '.gen', 'dist', 'out', '.vscode-test']);
/** Larger files are not indexed from disk (they are still analysed when opened). */
const MAX_INDEXED_FILE_BYTES = 5 * 1024 * 1024;
const LOCK_FILE = '.terraform.lock.hcl';
/** How long a lock file's version is trusted without looking at the file again (when no watcher says otherwise). */
const LOCK_RECHECK_MS = 1000;
const CDKTF_JSON = 'cdktf.json';
/**
 * How many folders up from a CDKTF source its cdktf.json is looked for: bounded, as each is a stat once a second,
 * but enough for Java's layout, where `src/main/java/com/mycompany/app/Main.java` is 7 folders below the project
 * and deeper packages add more.
 */
const CDKTF_JSON_LEVELS = 12;
/**
 * How many folders up from a module without a lock file the root module that calls it is looked for
 * (`root/modules/bgp`, `root/modules/network/modules/bgp`), and how many module folders a root's local calls are
 * followed through to find it.
 */
const CALLER_LEVELS = 6;
const MAX_CALLED_FOLDERS = 200;
/** What a folder's module files say to the modules below it (`Workspace.moduleFacts`). */
interface ModuleFacts {
  /** The files' names, sizes and times when read. */
  key: string;
  /** The folders its module blocks call by a local path, resolved. */
  calls: string[];
  /** Its alicloud constraint, every file's joined (`joinConstraints`; read when first asked for). */
  readonly constraint?: string;
  /** When its files were last looked at. */
  checkedAt: number;
}
/**
 * Each folder's `ModuleFacts`, looked at again at most once per `LOCK_RECHECK_MS`, or at once after a watcher's
 * event on one of its files (`Workspace.refresh`). Shared by every workspace: the CLI makes one per module folder,
 * and every module below a folder asks of it (600 folders read their parent's listing 600 times: 2 s more).
 */
const factsCache = new Map<string, ModuleFacts>();
/** How many folders below a search root are looked at for module calls (as many as `indexTree` reads files). */
const MAX_WALKED_FOLDERS = 20000;
/**
 * Who calls whom below one search root (`Workspace.searchRoots`): every folder holding module files, and the
 * folders its module blocks call by a local path. Made once by walking the root (a readdir per folder, the module
 * files read by `moduleFacts`), then kept current: a folder whose `.tf` or `.tf.json` files change is marked
 * `stale` (`Workspace.refresh`, `forget`) and read again at the next lookup, the others are not looked at again.
 * Shared like `factsCache`: the CLI makes a workspace per folder, all asking of the same roots.
 */
interface CallerIndex {
  calls: Map<string, readonly string[]>;
  stale: Set<string>;
  /** Callers by called folder, made from `calls` when first asked after a change. */
  callers?: Map<string, string[]>;
}
const callerIndexes = new Map<string, CallerIndex>();

/** A module file of `dir` changed: each caller index holding the folder reads it again at its next lookup. */
function callsChanged(dir: string): void {
  // Folders the walk skips stay out (`terraform init` copies modules into `.terraform/modules/`).
  if (dir.split(path.sep).some((d) => SKIP_DIRS.has(d))) return;
  for (const [root, index] of callerIndexes) if (isWithin(dir, root)) index.stale.add(dir);
}

function isWithin(dir: string, root: string): boolean {
  const rel = path.relative(root, dir);
  return rel === '' || (rel.split(path.sep)[0] !== '..' && !path.isAbsolute(rel));
}

/** Numeric comparison of two `x.y.z` versions as lock files pin them (`normalise` in providerVersion.ts). */
function compareVersions(a: string, b: string): number {
  return compareTriples(a.split('.').map(Number), b.split('.').map(Number));
}

/**
 * The folders of a tree, depth first, each with its entries: those the workspace reads (not `SKIP_DIRS`), and
 * not those that cannot be listed. The caller stops when it has seen enough.
 */
function* foldersBelow(root: string): Generator<{ dir: string; entries: fs.Dirent[] }> {
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) if (e.isDirectory() && !SKIP_DIRS.has(e.name)) stack.push(path.join(dir, e.name));
    yield { dir, entries };
  }
}

/** The folders below `root` that hold module files, as far as a walk for module calls goes (`MAX_WALKED_FOLDERS`). */
function* moduleFoldersBelow(root: string): Generator<string> {
  let walked = 0;
  for (const { dir, entries } of foldersBelow(root)) {
    if (walked++ >= MAX_WALKED_FOLDERS) break;
    if (entries.some((e) => !e.isDirectory() && isModuleFile(e.name))) yield dir;
  }
}

/** A file of the module: `.tf`, or `.tf.json` (Terraform's JSON syntax, read for its declarations). */
export function isModuleFile(p: string): boolean {
  return /\.tf(\.json)?$/i.test(p);
}

export class Workspace {
  /** Disk versions by folder, then by file. */
  private readonly disk = new Map<string, Map<string, SourceFile>>();
  private readonly open = new Map<string, SourceFile>();
  /** Disk versions of the variable files Terraform loads by itself, by folder, then by file (`variableFiles.ts`). */
  private readonly variablesOnDisk = new Map<string, Map<string, SourceFile>>();
  private diskCount = 0;
  /**
   * Files read from disk with a line break that is a lone carriage return (`lineBreakRefusal`): an editor counts their
   * lines apart from the index, so no position in them is sent to one (`linesMiscounted`).
   */
  private readonly misCounted = new Set<string>();
  /** Folders whose files have been read (a folder is read once, then kept current by events). */
  private readonly indexedDirs = new Set<string>();
  /**
   * Lock files read, with when they were last looked at. Editors that watch files say when one changes
   * (`refresh`); for the others it is looked at again at most once per `LOCK_RECHECK_MS`, not on every keystroke.
   */
  private readonly lockCache = new Map<string, { mtimeMs: number; version?: unknown; checkedAt: number }>();

  /**
   * The folders below which the root modules calling a module are looked for, wherever they are (`envs/prod`
   * calling `../../modules/bgp`): the server's workspace folders, the folders named on the CLI's command line.
   */
  private searchRoots: string[] = [];

  constructor(readonly schemas: SchemaRegistry, searchRoots: readonly string[] = []) {
    this.setSearchRoots(searchRoots);
  }

  setSearchRoots(roots: readonly string[]): void {
    this.searchRoots = roots.map((r) => path.resolve(r));
  }

  private setDisk(file: string, source: SourceFile | undefined): void {
    this.misCounted.delete(file);
    const dir = path.dirname(file);
    if (isAutoLoaded(file)) {
      let v = this.variablesOnDisk.get(dir);
      if (!v) this.variablesOnDisk.set(dir, (v = new Map()));
      if (source) v.set(file, source);
      else v.delete(file);
      return;
    }
    let m = this.disk.get(dir);
    if (!m) this.disk.set(dir, (m = new Map()));
    const had = m.has(file);
    if (source) m.set(file, source);
    else m.delete(file);
    this.diskCount += (source ? 1 : 0) - (had ? 1 : 0);
  }

  /**
   * An open file shadows its disk version, so the disk version is let go while the file is open (a large
   * file would otherwise be held twice); the caller puts it back when the file closes (`add` or `refresh`).
   */
  setOpen(file: string, source: SourceFile | undefined): void {
    if (source) {
      this.open.set(file, source);
      this.setDisk(file, undefined);
    } else this.open.delete(file);
  }

  /**
   * `file` was closed in the editor: the module sees its disk version again (the editor may close without
   * saving). Usually the file was saved, and then the closed version is the disk version, parsed and analysed:
   * it is kept as such, since re-parsing a large file would block the server as long as opening it did.
   */
  close(file: string, closed: SourceFile | undefined): void {
    this.setOpen(file, undefined);
    if (closed && (isModuleFile(file) || isAutoLoaded(file)) && sameAsDisk(file, closed)) this.add(file, closed);
    else this.refresh(file);
  }

  /** Reads (or re-reads) one file from disk; removes it when it is gone or not a module (or auto-loaded variable) file. */
  refresh(file: string): void {
    if (path.basename(file) === LOCK_FILE || path.basename(file) === CDKTF_JSON) this.lockCache.delete(file);
    factsCache.delete(path.resolve(path.dirname(file)));
    if (isModuleFile(file)) callsChanged(path.resolve(path.dirname(file)));
    if (!(isModuleFile(file) || isAutoLoaded(file)) || this.open.has(file)) return;
    // What the folders `indexTree` skips is not read on a watcher's word either: `terraform init` downloads modules
    // into `.terraform/modules/`, `cdktf synth` writes `cdktf.out/stacks/*/cdk.tf.json` on every run.
    if (path.dirname(file).split(path.sep).some((d) => SKIP_DIRS.has(d))) return;
    try {
      const st = fs.statSync(file);
      if (!st.isFile() || st.size > MAX_INDEXED_FILE_BYTES) {
        this.setDisk(file, undefined);
        return;
      }
      const text = withoutBom(fs.readFileSync(file, 'utf8'));
      const source = createSourceFile(file, undefined, text);
      // Nobody waits for a file read from disk: it is kept as small as it can be right away.
      source?.compact?.();
      this.setDisk(file, source);
      if (source && lineBreakRefusal(text)) this.misCounted.add(file);
    } catch {
      this.setDisk(file, undefined);
    }
  }

  forget(file: string): void {
    if (path.basename(file) === LOCK_FILE || path.basename(file) === CDKTF_JSON) this.lockCache.delete(file);
    factsCache.delete(path.resolve(path.dirname(file)));
    if (isModuleFile(file)) callsChanged(path.resolve(path.dirname(file)));
    this.setDisk(file, undefined);
  }

  /** Removes the disk copy of `file` and returns it (a file being opened takes its place). */
  take(file: string): SourceFile | undefined {
    const source = this.disk.get(path.dirname(file))?.get(file);
    this.setDisk(file, undefined);
    return source;
  }

  /** Reads the `.tf` (and `.tf.json`) files of one folder (not its subfolders), and those of its variable files Terraform loads by itself, once. */
  indexDir(dir: string): void {
    if (this.indexedDirs.has(dir)) return;
    this.indexedDirs.add(dir);
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      return;
    }
    const known = this.disk.get(dir);
    for (const n of names) {
      const file = path.join(dir, n);
      if (isModuleFile(n) && !known?.has(file) && !this.open.has(file)) this.refresh(file);
      else if (isAutoLoaded(n) && !this.variablesOnDisk.get(dir)?.has(file) && !this.open.has(file)) this.refresh(file);
    }
  }

  /**
   * True when `source` is the version of `file` the module index holds (disk or open), so that its analysis
   * context is the module's own (`contextFor` adds nothing): callers may then share one context per folder.
   */
  holds(file: string, source: SourceFile): boolean {
    const open = this.open.get(file);
    if (open) return open === source && isModuleFile(file);
    return this.disk.get(path.dirname(file))?.get(file) === source;
  }

  /** Adds a file the caller has already read and parsed (the CLI), so that it is not read again. */
  add(file: string, source: SourceFile): void {
    if (isModuleFile(file) || isAutoLoaded(file)) this.setDisk(file, source);
  }

  /** The variable files of `dir` that Terraform loads by itself, open versions over disk ones, in its load order. */
  variableFiles(dir: string): VariableSource[] {
    const out: VariableSource[] = [];
    for (const [p, file] of this.open) if (path.dirname(p) === dir && isAutoLoaded(p)) out.push({ name: path.basename(p), file });
    for (const [p, file] of this.variablesOnDisk.get(dir) ?? []) if (!this.open.has(p)) out.push({ name: path.basename(p), file });
    return out.sort((a, b) => compareLoadOrder(a.name, b.name));
  }

  /**
   * Indexes a folder tree in slices, yielding between folders so that a server keeps answering
   * while a large workspace is read. Resolves with the number of files indexed.
   */
  async indexTree(root: string, maxFiles = 20000): Promise<number> {
    let files = 0;
    for (const { dir } of foldersBelow(root)) {
      if (files >= maxFiles) break;
      const before = this.diskCount;
      this.indexDir(dir);
      files += this.diskCount - before;
      await new Promise((r) => setImmediate(r));
    }
    return files;
  }

  /** The files of the module (folder) holding `file`, with their paths: open versions override disk ones. */
  moduleEntries(file: string): [string, SourceFile][] {
    const dir = path.dirname(file);
    const out: [string, SourceFile][] = [];
    const seen = new Set<string>();
    for (const [p, s] of this.open) if (path.dirname(p) === dir && isModuleFile(p)) (out.push([p, s]), seen.add(p));
    for (const [p, s] of this.disk.get(dir) ?? []) if (!seen.has(p)) out.push([p, s]);
    // Override files last, in the order of their names: the order Terraform merges them in (`analysis/override.ts`).
    if (!out.some(([p]) => isOverrideFile(p))) return out;
    const overrides = out.filter(([p]) => isOverrideFile(p)).sort(([a], [b]) => (path.basename(a) < path.basename(b) ? -1 : path.basename(a) > path.basename(b) ? 1 : 0));
    return [...out.filter(([p]) => !isOverrideFile(p)), ...overrides];
  }

  /**
   * Would an editor count `file`'s lines apart from the index (its disk version, indexed, holds a lone carriage
   * return)? Then a position in it is not one to send (an open file with one is refused, never indexed).
   */
  linesMiscounted(file: string): boolean {
    return !this.open.has(file) && this.misCounted.has(file);
  }

  /** Every module file the index holds, across folders: open versions over disk ones (workspace symbols). */
  *allModuleFiles(): Generator<[string, SourceFile]> {
    for (const [p, s] of this.open) if (isModuleFile(p)) yield [p, s];
    for (const files of this.disk.values()) for (const [p, s] of files) if (!this.open.has(p)) yield [p, s];
  }

  moduleFiles(file: string): SourceFile[] {
    return this.moduleEntries(file).map(([, s]) => s);
  }

  /** Paths of the open documents in the same module as `file` (for re-publishing after a change). */
  openInModule(file: string): string[] {
    const dir = path.dirname(file);
    return [...this.open.keys()].filter((p) => path.dirname(p) === dir);
  }

  /** The analysis context of the module holding `file` (`extra` is analysed with it even if not a module file). */
  contextFor(file: string, extra?: SourceFile): AnalysisContext {
    const ctx = this.moduleContextFor(file, extra);
    if (!isVariableFile(file)) return ctx;
    // A variable file is judged with the others Terraform loads with it (`tfvars.ts`); they are no part of the
    // module's cached context, and are listed only when asked.
    // `extra` is the version of `file` being judged, whichever the index holds.
    const variableFiles = () => this.variableFiles(path.dirname(file)).map((v) => (extra && v.name === path.basename(file) ? { name: v.name, file: extra } : v));
    let declared: Map<string, DeclaredVariable> | undefined;
    const variables = () => (declared ??= declaredVariables(this.moduleEntries(file)));
    const variable = (name: string) => variables().get(name);
    // Read in one walk over the module when first asked for (a completion documents every variable).
    let used: Map<string, VariableUse[]> | undefined;
    const uses = (name: string) => {
      used ??= variableUses(this.moduleEntries(file).map(([p, source]) => [path.basename(p), source] as const));
      return used.get(name) ?? [];
    };
    const hasModuleFiles = () => this.moduleEntries(file).length > 0;
    return Object.create(ctx, { variableFiles: { value: variableFiles }, variable: { value: variable }, variables: { value: variables }, variableUses: { value: uses }, hasModuleFiles: { value: hasModuleFiles } }) as AnalysisContext;
  }

  private moduleContextFor(file: string, extra?: SourceFile): AnalysisContext {
    // `extra` is another version of `file` ("fix all" judging a round's text): it takes the held one's place, and
    // its turn among override files; both together would declare every block twice.
    const files = this.moduleEntries(file).map(([p, s]) => (extra && p === file ? extra : s));
    if (extra && !files.includes(extra)) files.push(extra);
    const dir = path.dirname(file);
    // A CDKTF program states its provider in its project's cdktf.json, unless its folder is a module that says.
    const found = this.providerVersionOf(dir, files);
    if (found || !extra || extra.language === 'hcl') return contextFor(files, this.schemas, found?.version, found?.from);
    const project = this.cdktfProviderVersion(dir);
    return contextFor(files, this.schemas, project, project === undefined ? undefined : PROJECT_FILE);
  }

  /**
   * From `.terraform.lock.hcl` (re-read when it changes), else from `required_providers` in the module; for a
   * module without a lock file that a root module above it calls, the root's lock file or constraint (see
   * `providerVersionOf`).
   */
  providerVersion(dir: string, files: SourceFile[]): string | undefined {
    return this.providerVersionOf(dir, files)?.version;
  }

  /**
   * The module's version, and `from`, the folder (relative to `dir`) of the root module it comes from when it is
   * not the module's own. Terraform installs one version of a provider for a whole configuration: the one its
   * root's lock file pins, else the newest that every module's constraint allows. So a module without a lock file
   * that a root module calls by a local path (`root/modules/bgp`, or `envs/prod` calling `../../modules/bgp`) uses
   * the root's lock file, or the root's constraint together with its own.
   *
   * Several roots with lock files may call one module (`envs/prod` and `envs/staging`, each locked apart): the
   * module must work with each of them, so it is checked against the lowest version they pin, and the message
   * names that root (an argument that version lacks breaks that root's plan, whatever the others pin).
   */
  private providerVersionOf(dir: string, files: SourceFile[]): { version: string; from?: string } | undefined {
    // What the module's files say, merged as Terraform merges them (override files last): read only when asked
    // (every file's chunks are walked for it).
    let provider: { constraint?: string; source?: string } | undefined;
    const providerOf = () => (provider ??= moduleProvider(files.map((f) => ({ said: f.providerSaid?.(), override: !!f.isOverride }))));
    const sourceOf = () => providerOf().source;
    const locked = this.versionFile(path.join(dir, LOCK_FILE), versionsFromLockFile);
    if (locked) {
      const fromLock = lockedVersionFor(locked, sourceOf());
      if (fromLock) return { version: fromLock };
    }
    const callers = locked ? undefined : this.callers(dir);
    const relative = (root: string) => path.relative(path.resolve(dir), root) || '.';
    let lowest: { version: string; from: string } | undefined;
    for (const c of callers?.locked ?? []) {
      const version = lockedVersionFor(c.locked, sourceOf());
      if (version && (!lowest || compareVersions(version, lowest.version) < 0)) lowest = { version, from: relative(c.dir) };
    }
    if (lowest) return lowest;
    // The module's own constraint: read only when no lock file decided.
    const constraint = providerOf().constraint;
    const caller = callers?.constrained;
    if (caller) return { version: joinConstraints([caller.constraint, constraint])!, from: relative(caller.dir) };
    return constraint ? { version: constraint } : undefined;
  }

  /**
   * The root modules that call `dir`, directly or through other modules they call by local paths, and say
   * something of the alicloud provider: every one with a lock file (a root's lock file decides for every module it
   * calls, those with constraints of their own too), and else one with a `required_providers` constraint (the
   * nearest above `dir`, else the first of the search roots' in path order: constraints of several roots are not
   * combined, each root installs on its own). Looked for in the folders above `dir` (up to `CALLER_LEVELS`), and
   * anywhere below the search roots (`callerIndex`).
   */
  private callers(dir: string): { locked: { dir: string; locked: LockedVersions }[]; constrained?: { dir: string; constraint: string } } | undefined {
    const target = path.resolve(dir);
    const locked: { dir: string; locked: LockedVersions }[] = [];
    let constrained: { dir: string; constraint: string } | undefined;
    const seen = new Set<string>();
    const consider = (up: string) => {
      if (seen.has(up)) return;
      seen.add(up);
      const lock = this.versionFile(path.join(up, LOCK_FILE), versionsFromLockFile);
      if (lock) locked.push({ dir: up, locked: lock });
      else if (!constrained) {
        const constraint = this.moduleFacts(up).constraint;
        if (constraint) constrained = { dir: up, constraint };
      }
    };
    for (let up = path.dirname(target), level = 0; level < CALLER_LEVELS; level++) {
      const says = this.versionFile(path.join(up, LOCK_FILE), versionsFromLockFile) || (!constrained && this.moduleFacts(up).constraint);
      if (says && this.reaches(up, target)) consider(up);
      // The nearest root above with a lock file is the one that runs it; those above it run that root's tree.
      if (locked.length) break;
      const next = path.dirname(up);
      if (next === up) break;
      up = next;
    }
    for (const caller of this.transitiveCallers(target)) consider(caller);
    return locked.length || constrained ? { locked, constrained } : undefined;
  }

  /** Every folder below the search roots whose module calls `target`, directly or through the modules it calls. */
  private transitiveCallers(target: string): string[] {
    const out: string[] = [];
    const seen = new Set([target]);
    for (const root of this.searchRoots) {
      const callers = this.callerIndex(root);
      const queue = [target];
      for (let i = 0; i < queue.length && seen.size < MAX_CALLED_FOLDERS; i++) {
        for (const caller of callers.get(queue[i]) ?? []) {
          if (seen.has(caller)) continue;
          seen.add(caller);
          queue.push(caller);
          out.push(caller);
        }
      }
    }
    return out.sort();
  }

  /**
   * Makes the `CallerIndex` of `root` in slices, yielding between folders (the server answers meanwhile), so that
   * no analysis waits for the walk; the server calls it before `setSearchRoots`. A folder changed during the
   * walk is marked stale like any other and read again at the next lookup.
   */
  async prepareCallers(root: string): Promise<void> {
    const r = path.resolve(root);
    if (callerIndexes.has(r)) return;
    const index: CallerIndex = { calls: new Map(), stale: new Set() };
    callerIndexes.set(r, index);
    for (const dir of moduleFoldersBelow(r)) {
      this.readCalls(index, dir);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Reads again what the module in `dir` calls into `index` (a folder that calls nothing is left out). */
  private readCalls(index: CallerIndex, dir: string): void {
    const calls = this.moduleFacts(dir).calls;
    if (calls.length) index.calls.set(dir, calls);
    else index.calls.delete(dir);
  }

  /** The callers of each folder below `root` (`CallerIndex`), made or brought up to date. */
  private callerIndex(root: string): Map<string, string[]> {
    let index = callerIndexes.get(root);
    if (!index) {
      // Made at once when `prepareCallers` did not make it (the CLI): every module folder is read below.
      index = { calls: new Map(), stale: new Set(moduleFoldersBelow(root)) };
      callerIndexes.set(root, index);
    }
    if (index.stale.size) {
      for (const dir of index.stale) this.readCalls(index, dir);
      index.stale.clear();
      index.callers = undefined;
    }
    if (!index.callers) {
      const callers = (index.callers = new Map<string, string[]>());
      for (const [caller, called] of index.calls) {
        for (const c of called) {
          const list = callers.get(c);
          if (list) list.push(caller);
          else callers.set(c, [caller]);
        }
      }
    }
    return index.callers;
  }

  /** The folders the module in `dir` calls by local paths, directly or through the modules it calls. */
  calledFrom(dir: string): Set<string> {
    const root = path.resolve(dir);
    const seen = new Set([root]);
    const queue = [root];
    for (let i = 0; i < queue.length && seen.size < MAX_CALLED_FOLDERS; i++) {
      for (const called of this.moduleFacts(queue[i]).calls) if (!seen.has(called)) (seen.add(called), queue.push(called));
    }
    seen.delete(root);
    return seen;
  }

  /** Does the module in `root` call the one in `target`, directly or through the local modules it calls? */
  private reaches(root: string, target: string): boolean {
    const seen = new Set([root]);
    const queue = [root];
    for (let i = 0; i < queue.length && seen.size < MAX_CALLED_FOLDERS; i++) {
      for (const called of this.moduleFacts(queue[i]).calls) {
        if (called === target) return true;
        if (!seen.has(called)) (seen.add(called), queue.push(called));
      }
    }
    return false;
  }

  /**
   * What the module files of `dir` on disk say to the modules below: the folders they call by a local path, and
   * their alicloud constraint. Read again when a file's size or time changes, looked at at most once per
   * `LOCK_RECHECK_MS` (asked on every analysis of a module below).
   */
  private moduleFacts(dir: string): ModuleFacts {
    const now = Date.now();
    const cached = factsCache.get(dir);
    if (cached && now - cached.checkedAt < LOCK_RECHECK_MS) return cached;
    const files: string[] = [];
    let key = '';
    let names: string[] = [];
    try {
      names = fs.readdirSync(dir).sort();
    } catch {
      // a folder that cannot be listed says nothing we can see
    }
    for (const n of names) {
      if (!isModuleFile(n)) continue;
      const file = path.join(dir, n);
      try {
        const st = fs.statSync(file);
        if (!st.isFile() || st.size > MAX_INDEXED_FILE_BYTES) continue;
        files.push(file);
        key += `${n}\0${st.size}\0${st.mtimeMs}\0`;
      } catch {
        // a dangling link
      }
    }
    if (cached && cached.key === key) {
      cached.checkedAt = now;
      return cached;
    }
    // The calls at once; the constraint, which only a folder that calls or lies above a module needs, when asked.
    const said = (wants: { calls: boolean; constraint: boolean }, visit: (s: ReturnType<typeof moduleCallsAndProvider>, file: string) => void) => {
      for (const file of files) {
        try {
          visit(moduleCallsAndProvider(withoutBom(fs.readFileSync(file, 'utf8')), /\.json$/i.test(file), wants), file);
        } catch {
          // gone since it was listed
        }
      }
    };
    let constraint: string | undefined | null = null;
    const facts: ModuleFacts = {
      key,
      calls: [],
      checkedAt: now,
      get constraint() {
        if (constraint === null) {
          constraint = undefined;
          const each: { said?: ProviderSaid; override: boolean }[] = [];
          said({ calls: false, constraint: true }, (s, file) => void each.push({ said: s.said, override: isOverrideFile(file) }));
          constraint = moduleProvider(each).constraint;
        }
        return constraint;
      },
    };
    said({ calls: true, constraint: false }, (s) => void s.calls.forEach((source) => facts.calls.push(path.resolve(dir, source))));
    if (factsCache.size >= 1000) factsCache.clear();
    factsCache.set(dir, facts);
    return facts;
  }

  /**
   * A CDKTF program's provider version: `terraformProviders` in the `cdktf.json` of its project, the nearest one
   * in its folder or above (up to `CDKTF_JSON_LEVELS`: the sources sit at the root, in `src/`, or in Java's
   * `src/main/java/<package folders>/`).
   */
  cdktfProviderVersion(dir: string): string | undefined {
    for (let d = dir, level = 0; level < CDKTF_JSON_LEVELS; level++) {
      const file = path.join(d, CDKTF_JSON);
      const found = this.versionFile(file, versionFromCdktfJson);
      if (found || this.lockCache.get(file)!.mtimeMs !== -1) return found;
      const up = path.dirname(d);
      if (up === d) break;
      d = up;
    }
    return undefined;
  }

  /**
   * The version a small file states (`read` its text), re-read when it changes and looked at again at most once
   * per `LOCK_RECHECK_MS`. A missing file is remembered too (mtime -1): not looked for on every keystroke.
   */
  private versionFile<V>(file: string, read: (text: string) => V | undefined): V | undefined {
    const now = Date.now();
    const cached = this.lockCache.get(file);
    // Each file is read by one reader, so its cached value is that reader's.
    if (cached && now - cached.checkedAt < LOCK_RECHECK_MS) return cached.version as V | undefined;
    try {
      const st = fs.statSync(file);
      if (cached && cached.mtimeMs === st.mtimeMs) {
        cached.checkedAt = now;
        return cached.version as V | undefined;
      }
      // A FIFO or device of that name would block the server; a lock file is a few kilobytes.
      if (!st.isFile() || st.size > MAX_INDEXED_FILE_BYTES) throw new Error('not a small regular file');
      const version = read(fs.readFileSync(file, 'utf8'));
      this.lockCache.set(file, { mtimeMs: st.mtimeMs, version, checkedAt: now });
      return version;
    } catch {
      this.lockCache.set(file, { mtimeMs: -1, version: undefined, checkedAt: now });
      return undefined;
    }
  }
}

/** Does the file on disk hold exactly this text? (False when it cannot be read.) Compared without decoding. */
function sameAsDisk(file: string, source: SourceFile): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || source.textLength() > st.size) return false;
    const bytes = fs.readFileSync(file);
    return source.hasUtf8 ? source.hasUtf8(bytes) : bytes.toString('utf8') === source.text;
  } catch {
    return false;
  }
}
