/**
 * Go to definition and find references, over the module the file belongs to.
 * Keys come from `engine/hclSymbols.ts`: `resource:type.name`, `data:type.name`, `var:x`, `local:x`, `module:x`.
 */
import { Location } from 'vscode-languageserver/node';
import { rangeContains } from '../model/types';
import type { Position } from '../model/types';
import type { Declaration } from '../engine/hclSymbols';
import type { SourceFile } from '../engine/sourceFile';

export interface ModuleView {
  /** The module's files as [uri, file], the current one included. */
  files(): [string, SourceFile][];
}

function flatten(ds: readonly Declaration[]): Declaration[] {
  return ds.flatMap((d) => [d, ...flatten(d.children)]);
}

/** The symbol under the cursor: a reference to it, or its own declaration's name. */
export function keyAt(file: SourceFile, pos: Position): string | undefined {
  const ref = file.referenceAt ? file.referenceAt(pos) : file.references?.().find((r) => rangeContains(r.range, pos));
  if (ref) return ref.key;
  return flatten(file.declarations?.() ?? []).find((d) => d.key.includes(':') && rangeContains(d.selectionRange, pos))?.key;
}

export function definition(file: SourceFile, pos: Position, module: ModuleView): Location[] {
  const key = keyAt(file, pos);
  if (!key) return [];
  const out: Location[] = [];
  for (const [uri, f] of module.files()) {
    for (const d of flatten(f.declarations?.() ?? [])) if (d.key === key) out.push({ uri, range: d.selectionRange });
  }
  return out;
}

export function references(file: SourceFile, pos: Position, module: ModuleView, includeDeclaration: boolean): Location[] {
  const key = keyAt(file, pos);
  if (!key) return [];
  const out: Location[] = [];
  for (const [uri, f] of module.files()) {
    if (includeDeclaration) for (const d of flatten(f.declarations?.() ?? [])) if (d.key === key) out.push({ uri, range: d.selectionRange });
    const refs = f.referencesTo ? f.referencesTo(key) : (f.references?.() ?? []).filter((r) => r.key === key);
    for (const r of refs) out.push({ uri, range: r.range });
  }
  return out;
}
