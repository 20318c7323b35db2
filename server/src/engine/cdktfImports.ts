/**
 * The imports a CDKTF completion needs. Completing `timeouts` or `lifecycle` in Python and Java inserts a
 * generated struct class (`VpcBgpPeerTimeouts(…)`, `VpcBgpPeerTimeouts.builder()`) or cdktf's
 * `TerraformResourceLifecycle`; a file that only imports `VpcBgpPeer` would not run. The class is imported
 * from where its construct class already is (`from imports.alicloud.vpc_bgp_peer import VpcBgpPeer` gains
 * `, VpcBgpPeerTimeouts`). TypeScript's object literals, C#'s namespaces and Go's package-qualified names need
 * nothing.
 */
import type { TextEdit } from '../writers/writer';
import type { CdktfLanguage } from '../syntax/cdktf/tokens';

const LIFECYCLE = 'TerraformResourceLifecycle';

/** Does a completion in `language` ever need an import? (Asked before the file's text is read.) */
export function needsImports(language: CdktfLanguage): boolean {
  return language === 'python' || language === 'java';
}

/**
 * Edits adding the imports `insertText` needs to `text` (none when every class it uses is already named there).
 * Only simple one-line imports are extended (`from m import A, B`, no parentheses, continuation or `as`); where
 * the construct class is imported otherwise, its struct gets a `from m import VpcBgpPeerTimeouts` line of its own.
 */
export function importEditsFor(language: CdktfLanguage, text: string, insertText: string): TextEdit[] {
  if (!needsImports(language)) return [];
  // Qualified names (`vpc_bgp_group.VpcBgpGroupTimeouts(`) resolve through their module: no import.
  const used = language === 'python' ? /(?<![\w.])([A-Z][A-Za-z0-9]*)\(/g : /(?<![\w.])([A-Z][A-Za-z0-9]*)\.builder\(\)/g;
  const edits: TextEdit[] = [];
  for (const [, cls] of insertText.matchAll(used)) {
    if (new RegExp(`\\b${cls}\\b`).test(text)) continue;
    const edit = language === 'python' ? pythonImport(text, cls) : javaImport(text, cls);
    if (edit) edits.push(edit);
  }
  return edits;
}

/** `from M import names` (a comment after them left out). */
const FROM_IMPORT = /^from\s+(\S+)\s+import\s+([^\n#]*?)(?=[ \t]*(#|\r?$))/gm;

/** Each `from … import …` line: its module, its names as written, and the offset where they end. */
function fromImports(text: string): { module: string; names: string; end: number }[] {
  return [...text.matchAll(FROM_IMPORT)].map((m) => ({ module: m[1], names: m[2], end: m.index! + m[0].length }));
}

/** `from M import A, Owner` → `from M import A, Owner, Cls`; `from M import *` needs nothing. */
function pythonImport(text: string, cls: string): TextEdit | undefined {
  const lines = fromImports(text);
  if (cls === LIFECYCLE) {
    const cdktf = lines.find((l) => l.module === 'cdktf');
    if (cdktf && simpleNames(cdktf.names)) return insertAt(text, cdktf.end, `, ${cls}`);
    // `from cdktf import *` has it; `from cdktf import (…)` is left as it is, the class gets a line of its own.
    if (cdktf && cdktf.names.trim() === '*') return undefined;
    const at = lineAfterImports(text, /^(from\s+\S+\s+import\b|import\s)/);
    return at === undefined ? undefined : insertAt(text, at, `from cdktf import ${cls}\n`);
  }
  const owner = ownerOf(cls);
  if (!owner) return undefined;
  const line = lines.find((l) => simpleNames(l.names) && l.names.split(',').some((n) => n.trim() === owner));
  if (line) return insertAt(text, line.end, `, ${cls}`);
  // The construct class imported otherwise (in parentheses as black writes a long import, renamed with `as`,
  // continued with `\`): the struct gets an import of its own after the imports, which cannot break theirs.
  const module = moduleImporting(text, owner);
  const at = module === undefined ? undefined : lineAfterImports(text, /^(from\s+\S+\s+import\b|import\s)/);
  return at === undefined ? undefined : insertAt(text, at, `from ${module} import ${cls}\n`);
}

/** The module a `from M import …` statement of any form imports `name` from (`import (\n    A,\n)`, `A as B`). */
function moduleImporting(text: string, name: string): string | undefined {
  const entry = new RegExp(`^${name}(\\s+as\\s+\\w+)?$`);
  for (const m of text.matchAll(/^from[ \t]+([\w.]+)[ \t]+import[ \t]*(\([^)]*\)|(?:[^\n]*\\\r?\n)*[^\n]*)/gm)) {
    // Comments and line continuations out, the names are what is between commas and parentheses.
    const names = m[2].replace(/#[^\n]*/g, '').replace(/\\\r?\n/g, ' ');
    if (names.split(/[,()]/).some((n) => entry.test(n.trim()))) return m[1];
  }
  return undefined;
}

/** `import p.VpcBgpPeer;` → a line `import p.VpcBgpPeerTimeouts;` after it. */
function javaImport(text: string, cls: string): TextEdit | undefined {
  if (cls === LIFECYCLE) {
    if (/^import\s+com\.hashicorp\.cdktf\.\*;/m.test(text)) return undefined;
    // After the last import, else after the `package` line.
    const at = lineAfterImports(text, /^import\s/) ?? lineAfterImports(text, /^package\s/);
    return insertAt(text, at ?? 0, `import com.hashicorp.cdktf.${cls};\n`);
  }
  const owner = ownerOf(cls);
  const m = owner && new RegExp(`^import\\s+([\\w.]+)\\.(${owner}|\\*);[^\\n]*\\n?`, 'm').exec(text);
  if (!m || m[2] === '*') return undefined;
  return insertAt(text, m.index + m[0].length, `import ${m[1]}.${cls};\n`);
}

/** `A, B, C`: plain names only (no `*`, parentheses, continuation or `as` renaming). */
function simpleNames(list: string): boolean {
  return /^\s*[A-Za-z_]\w*(\s*,\s*[A-Za-z_]\w*)*\s*$/.test(list) && !/\bas\b/.test(list);
}

/** The construct class a generated struct belongs to: `VpcBgpPeerTimeouts` → `VpcBgpPeer`. */
function ownerOf(cls: string): string | undefined {
  return /^(.+)Timeouts$/.exec(cls)?.[1];
}

/**
 * Offset of the line after the last line matching `isImport` (undefined: none). A statement continued on the
 * next lines (open parentheses, a trailing backslash) ends where they close: nothing is put inside it.
 */
function lineAfterImports(text: string, isImport: RegExp): number | undefined {
  let offset = 0;
  let after: number | undefined;
  let open = 0;
  let continued = false;
  let inImport = false;
  for (const line of text.split('\n')) {
    const next = Math.min(offset + line.length + 1, text.length);
    if (open === 0 && !continued) inImport = isImport.test(line); // the line starts a statement
    open = Math.max(0, open + (line.match(/\(/g)?.length ?? 0) - (line.match(/\)/g)?.length ?? 0));
    continued = /\\\r?$/.test(line);
    if (inImport && open === 0 && !continued) after = next;
    offset = next;
  }
  return after;
}

function insertAt(text: string, offset: number, newText: string): TextEdit {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const character = offset - (before.lastIndexOf('\n') + 1);
  const at = { line, character };
  return { range: { start: at, end: at }, newText };
}
