/**
 * Go to definition, find references and the highlights of a symbol in its file, over the module the file belongs to.
 * Keys come from `engine/hclSymbols.ts`: `resource:type.name`, `data:type.name`, `var:x`, `local:x`, `module:x`.
 */
import { DocumentHighlight, DocumentHighlightKind, Location } from 'vscode-languageserver/node';
import { rangeContains } from '../model/types';
import type { Position } from '../model/types';
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

/** Where `key` is declared in `f`. */
function declared(uri: string, f: SourceFile, key: string, out: Location[]): void {
  f.forEachDeclaration?.((d) => {
    if (d.key === key) out.push({ uri, range: d.selectionRange });
  });
}

export function definition(file: SourceFile, pos: Position, module: ModuleView): Location[] {
  const key = keyAt(file, pos);
  if (!key) return [];
  const out: Location[] = [];
  for (const [uri, f] of module.files()) declared(uri, f, key, out);
  return out;
}

export function references(file: SourceFile, pos: Position, module: ModuleView, includeDeclaration: boolean): Location[] {
  const key = keyAt(file, pos);
  if (!key) return [];
  const out: Location[] = [];
  for (const [uri, f] of module.files()) {
    if (includeDeclaration) declared(uri, f, key, out);
    const refs = f.referencesTo ? f.referencesTo(key) : (f.references?.() ?? []).filter((r) => r.key === key);
    for (const r of refs) out.push({ uri, range: r.range });
  }
  return out;
}

/** The symbol under the cursor in its own file: its declaration (written) and its references (read). */
export function highlights(file: SourceFile, pos: Position): DocumentHighlight[] {
  const key = keyAt(file, pos);
  if (!key) return [];
  const out: DocumentHighlight[] = [];
  file.forEachDeclaration?.((d) => {
    if (d.key === key) out.push({ range: d.selectionRange, kind: DocumentHighlightKind.Write });
  });
  const refs = file.referencesTo ? file.referencesTo(key) : (file.references?.() ?? []).filter((r) => r.key === key);
  for (const r of refs) out.push({ range: r.range, kind: DocumentHighlightKind.Read });
  return out;
}
