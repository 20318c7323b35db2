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

/** Edits adding the imports `insertText` needs to `text` (none when every class it uses is already named there). */
export function importEditsFor(language: CdktfLanguage, text: string, insertText: string): TextEdit[] {
  if (language !== 'python' && language !== 'java') return [];
  const used = language === 'python' ? /\b([A-Z][A-Za-z0-9]*)\(/g : /\b([A-Z][A-Za-z0-9]*)\.builder\(\)/g;
  const edits: TextEdit[] = [];
  for (const [, cls] of insertText.matchAll(used)) {
    if (new RegExp(`\\b${cls}\\b`).test(text)) continue;
    const edit = language === 'python' ? pythonImport(text, cls) : javaImport(text, cls);
    if (edit) edits.push(edit);
  }
  return edits;
}

/** `from M import A, Owner` → `from M import A, Owner, Cls`; `from M import *` needs nothing. */
function pythonImport(text: string, cls: string): TextEdit | undefined {
  if (cls === LIFECYCLE) {
    const m = /^from cdktf import (?!\()[^\n#]*?(?=\s*(#|$))/m.exec(text);
    if (m && !/\*/.test(m[0])) return insertAt(text, m.index + m[0].length, `, ${cls}`);
    return insertAt(text, lineAfterImports(text, /^(from\s+\S+\s+import\b|import\s)/), `from cdktf import ${cls}\n`);
  }
  const owner = ownerOf(cls);
  if (!owner) return undefined;
  const m = new RegExp(`^from\\s+\\S+\\s+import\\s+(\\*|[^\\n]*?\\b${owner}\\b)`, 'm').exec(text);
  if (!m || m[1] === '*') return undefined;
  return insertAt(text, m.index + m[0].length, `, ${cls}`);
}

/** `import p.VpcBgpPeer;` → a line `import p.VpcBgpPeerTimeouts;` after it. */
function javaImport(text: string, cls: string): TextEdit | undefined {
  if (cls === LIFECYCLE) {
    if (/^import\s+com\.hashicorp\.cdktf\.\*;/m.test(text)) return undefined;
    return insertAt(text, lineAfterImports(text, /^import\s/), `import com.hashicorp.cdktf.${cls};\n`);
  }
  const owner = ownerOf(cls);
  const m = owner && new RegExp(`^import\\s+([\\w.]+)\\.(${owner}|\\*);[^\\n]*\\n?`, 'm').exec(text);
  if (!m || m[2] === '*') return undefined;
  return insertAt(text, m.index + m[0].length, `import ${m[1]}.${cls};\n`);
}

/** The construct class a generated struct belongs to: `VpcBgpPeerTimeouts` → `VpcBgpPeer`. */
function ownerOf(cls: string): string | undefined {
  return /^(.+)Timeouts$/.exec(cls)?.[1];
}

/** Offset of the line after the last import at the top of the file (0 without imports). */
function lineAfterImports(text: string, isImport: RegExp): number {
  let offset = 0;
  let after = 0;
  for (const line of text.split('\n')) {
    const next = offset + line.length + 1;
    if (isImport.test(line)) after = Math.min(next, text.length);
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
