/**
 * Go to definition, find references and the highlights of a symbol in its file, over the module the file belongs to.
 * Keys come from `engine/hclSymbols.ts`: `resource:type.name`, `data:type.name`, `var:x`, `local:x`, `module:x`.
 */
import { DocumentHighlight, DocumentHighlightKind, Location } from 'vscode-languageserver/node';
import { rangeContains, sameRange } from '../model/types';
import type { Position, Range } from '../model/types';
import type { SourceFile } from '../engine/sourceFile';

export interface ModuleView {
  /** The module's files as [uri, file], the current one included. */
  files(): [string, SourceFile][];
}

/** The symbol under the cursor: a reference to it, or its own declaration's name. */
export function keyAt(file: SourceFile, pos: Position): string | undefined {
  const ref = file.referenceAt ? file.referenceAt(pos) : file.references?.().find((r) => rangeContains(r.range, pos));
  if (ref) return ref.key;
  let key: string | undefined;
  file.forEachDeclaration?.((d) => {
    if (key === undefined && d.key.includes(':') && rangeContains(d.selectionRange, pos)) key = d.key;
  });
  return key;
}

/**
 * The `check` block whose scoped data source `key` names at `pos` (undefined: the module's own `key`). Terraform
 * lets only the check block that declares a scoped data source refer to it; everywhere else `data.type.name` is
 * the module's data source of that name.
 */
function scopeAt(file: SourceFile, pos: Position, key: string): Readonly<Range> | undefined {
  // Check blocks are top-level blocks: at most one holds `pos`.
  return scopesIn(file, key).find((s) => rangeContains(s, pos));
}

/**
 * What `key` means at a position: in `scope` (a check block of the file asked about), its scoped data source;
 * elsewhere the module's declaration, outside every check block that scopes one of that key.
 */
interface Target {
  key: string;
  /** The file and check block of a scoped data source. */
  scope?: { file: SourceFile; range: Readonly<Range> };
}

function targetAt(file: SourceFile, pos: Position): Target | undefined {
  const key = keyAt(file, pos);
  if (!key) return undefined;
  const range = scopeAt(file, pos, key);
  return range ? { key, scope: { file, range } } : { key };
}

/** The check blocks of `f` that scope a data source of `key`. */
function scopesIn(f: SourceFile, key: string): Readonly<Range>[] {
  const out: Readonly<Range>[] = [];
  if (key.startsWith('data:')) {
    f.forEachDeclaration?.((d) => {
      if (d.scope && d.key === key) out.push(d.scope);
    });
  }
  return out;
}

/** Where `target` is declared in `f`. */
function declaredIn(f: SourceFile, target: Target, visit: (range: Range) => void): void {
  if (target.scope && target.scope.file !== f) return;
  f.forEachDeclaration?.((d) => {
    if (d.key !== target.key) return;
    if (target.scope ? d.scope && sameRange(d.scope, target.scope.range) : !d.scope) visit(d.selectionRange);
  });
}

/** Where `f` refers to `target`. */
function referencedIn(f: SourceFile, target: Target, visit: (range: Range) => void): void {
  if (target.scope && target.scope.file !== f) return;
  const refs = f.referencesTo ? f.referencesTo(target.key) : (f.references?.() ?? []).filter((r) => r.key === target.key);
  const scopes = target.scope ? [] : scopesIn(f, target.key);
  for (const r of refs) {
    if (target.scope ? !rangeContains(target.scope.range, r.range.start) : scopes.some((s) => rangeContains(s, r.range.start))) continue;
    visit(r.range);
  }
}

export function definition(file: SourceFile, pos: Position, module: ModuleView): Location[] {
  const target = targetAt(file, pos);
  if (!target) return [];
  const out: Location[] = [];
  for (const [uri, f] of module.files()) declaredIn(f, target, (range) => out.push({ uri, range }));
  return out;
}

export function references(file: SourceFile, pos: Position, module: ModuleView, includeDeclaration: boolean): Location[] {
  const target = targetAt(file, pos);
  if (!target) return [];
  const out: Location[] = [];
  for (const [uri, f] of module.files()) {
    if (includeDeclaration) declaredIn(f, target, (range) => out.push({ uri, range }));
    referencedIn(f, target, (range) => out.push({ uri, range }));
  }
  return out;
}

/** The symbol under the cursor in its own file: its declaration (written) and its references (read). */
export function highlights(file: SourceFile, pos: Position): DocumentHighlight[] {
  const target = targetAt(file, pos);
  if (!target) return [];
  const out: DocumentHighlight[] = [];
  declaredIn(file, target, (range) => out.push({ range, kind: DocumentHighlightKind.Write }));
  referencedIn(file, target, (range) => out.push({ range, kind: DocumentHighlightKind.Read }));
  return out;
}
