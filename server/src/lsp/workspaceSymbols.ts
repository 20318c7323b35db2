/**
 * Workspace symbols (VS Code's "Go to Symbol in Workspace", Ctrl+T): the declarations of every module file the
 * workspace index holds (resources, data sources, variables, locals, outputs, module calls), open or on disk,
 * whose name holds the query's characters in order, as VS Code's own fuzzy filter then ranks them.
 */
import * as path from 'path';
import type { SymbolInformation } from 'vscode-languageserver/node';
import type { SourceFile } from '../engine/sourceFile';
import { SYMBOL_KINDS } from './outline';

/** Enough for any query typed; a one-letter query in a workspace of thousands of blocks must not send them all. */
export const MAX_WORKSPACE_SYMBOLS = 500;

/**
 * A test of whether a name holds the characters of `query` in order, ignoring case and the query's spaces
 * (`bgppeerm` in `alicloud_vpc_bgp_peer.main`). The query is read once, not once per name: a pasted query of
 * 100,000 characters is then refused by any name at once, being longer, instead of walked for each of them.
 */
export function fuzzyMatcher(query: string): (name: string) => boolean {
  const wanted = [...query.toLowerCase()].filter((ch) => ch !== ' ');
  return (name) => {
    const lower = name.toLowerCase();
    // More characters than the name has UTF-16 units: it cannot hold them.
    if (wanted.length > lower.length) return false;
    let at = 0;
    for (const ch of wanted) {
      at = lower.indexOf(ch, at) + 1;
      if (at === 0) return false;
    }
    return true;
  };
}

/**
 * The matching declarations of `files`, each named as the outline names it, in the folder its file is in (relative
 * to the workspace folder holding it): a workspace often has one name in several modules (`envs/prod`, `envs/dev`).
 */
export function workspaceSymbols(query: string, files: Iterable<[string, SourceFile]>, uriOf: (file: string) => string, roots: readonly string[]): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  const matches = fuzzyMatcher(query);
  for (const [file, source] of files) {
    if (out.length >= MAX_WORKSPACE_SYMBOLS) break;
    let uri: string | undefined;
    let container: string | undefined;
    const wanted = (name: string) => out.length < MAX_WORKSPACE_SYMBOLS && matches(name);
    source.forEachNamedDeclaration?.(wanted, (name, kind, range) => {
      if (kind === 'block') return;
      uri ??= uriOf(file);
      container ??= folderOf(file, roots);
      out.push({ name, kind: SYMBOL_KINDS[kind], location: { uri, range }, containerName: container });
    });
  }
  return out;
}

function folderOf(file: string, roots: readonly string[]): string {
  const dir = path.dirname(file);
  for (const root of roots) {
    const rel = path.relative(root, dir);
    // Outside the root is `..` or `../x`; a folder of the root may be named `..env`.
    if (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel)) return rel === '' ? path.basename(root) : rel.split(path.sep).join('/');
  }
  return dir;
}
