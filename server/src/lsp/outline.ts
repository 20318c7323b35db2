/**
 * The outline (`textDocument/documentSymbol`): what a file declares, as VS Code's outline, breadcrumbs and sticky
 * scroll show it. They ask after every pause in typing, so a large file's answer is kept as the bytes sent.
 */
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver/node';
import { outlineKind, readOutline } from '../engine/hclSymbols';
import type { Declaration, PackedOutline } from '../engine/hclSymbols';
import type { SourceFile } from '../engine/sourceFile';
import { RawJson } from './rawJson';

/** The symbol kind VS Code shows for each kind of declaration (its icon in the outline and breadcrumbs). */
export const SYMBOL_KINDS: Readonly<Record<Declaration['kind'], SymbolKind>> = {
  resource: SymbolKind.Class,
  data: SymbolKind.Interface,
  variable: SymbolKind.Variable,
  local: SymbolKind.Constant,
  module: SymbolKind.Module,
  output: SymbolKind.Field,
  provider: SymbolKind.Package,
  block: SymbolKind.Struct,
};

/**
 * The outline as `DocumentSymbol[]`. A file that keeps it packed (`SourceFile.outline`) gets it written
 * straight to JSON (`RawJson`), and the same bytes again while its outline has not changed: VS Code asks after
 * every pause in typing, and typing within a line changes no entry. For the 100,000-line file an answer was
 * 15,000 symbols and 30,000 ranges made for one serialization and a 3.3 MB string, which only a full
 * collection frees; 30 of them took the server's peak from 95 to 120 MB.
 */
export function documentSymbols(file: SourceFile): DocumentSymbol[] | RawJson {
  return file.outline ? outlineBytes(file, file.outline.bind(file)) : [];
}

interface Answered {
  outlines: PackedOutline[];
  lines: number[];
  parts: readonly Buffer[];
}

/** Per file, the outline last answered: its chunks' packed outlines, where they were, and the JSON sent. */
const ANSWERED = new WeakMap<SourceFile, Answered>();

function outlineBytes(file: SourceFile, outline: NonNullable<SourceFile['outline']>): RawJson {
  const outlines: PackedOutline[] = [];
  const lines: number[] = [];
  outline((p, line) => {
    outlines.push(p);
    lines.push(line);
  });
  const last = ANSWERED.get(file);
  if (last && last.lines.length === lines.length && lines.every((l, i) => l === last.lines[i] && outlines[i] === last.outlines[i])) {
    return new RawJson(last.parts, false);
  }
  const parts = outlineJson(outlines, lines);
  ANSWERED.set(file, { outlines, lines, parts });
  return new RawJson(parts);
}

/**
 * What `documentSymbols` gives for the declarations, as the UTF-8 bytes of its JSON, written from the packed
 * outline a short string per entry into buffers of `PART` bytes. On the 100,000-line file, 30 answers made as one
 * joined string peaked 20 MB higher than objects given to `JSON.stringify`, and written into buffers 5 MB lower;
 * it takes about twice as long as `JSON.stringify` (35-60 against 17-30 ms), which re-using the bytes pays back.
 * Parts rather than one buffer: one buffer had to be made large enough for the longest answer the entries could
 * give (6.5 MB for a 3.3 MB answer) and then copied to its own size, 6.6 MB at once on the first request.
 */
function outlineJson(outlines: readonly PackedOutline[], lines: readonly number[]): Buffer[] {
  const parts: Buffer[] = [];
  let out = Buffer.allocUnsafeSlow(PART);
  let at = 0;
  // One string per entry, written at once: V8 builds a short string faster than a loop writes its bytes.
  const text = (s: string) => {
    // At most 3 bytes per UTF-16 unit; a string that might not fit a part (a label of 30,000 characters) gets its own.
    if (at + s.length * 3 > out.length) {
      if (at > 0) parts.push(out.subarray(0, at));
      out = Buffer.allocUnsafeSlow(Math.max(PART, Buffer.byteLength(s, 'utf8')));
      at = 0;
    }
    at += out.write(s, at, 'utf8');
  };
  text('[');
  // Entries come depth first, each followed by its children: `open` holds, per entry whose children are being
  // written, how many of them are left.
  const open: number[] = [];
  let comma = false;
  outlines.forEach((p, k) => {
    const line = lines[k];
    readOutline(p, (name, n) => {
      const range = (o: number) => `{"start":{"line":${n[o] + line},"character":${n[o + 1]}},"end":{"line":${n[o + 2] + line},"character":${n[o + 3]}}}`;
      text(`${comma ? ',' : ''}{"name":${JSON.stringify(name)},"kind":${SYMBOL_KINDS[outlineKind(n[0])]},"range":${range(2)},"selectionRange":${range(6)}`);
      if (n[1] > 0) {
        text(',"children":[');
        open.push(n[1]);
        comma = false;
        return;
      }
      text('}');
      while (open.length > 0 && --open[open.length - 1] === 0) {
        open.pop();
        text(']}');
      }
      comma = true;
    });
  });
  text(']');
  parts.push(out.subarray(0, at));
  return parts;
}

/** The size of the buffers an outline is written into: a part's unused end is at most one entry's text. */
const PART = 64 * 1024;
