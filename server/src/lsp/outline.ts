/**
 * The outline (`textDocument/documentSymbol`): what a file declares, as VS Code's outline, breadcrumbs and sticky
 * scroll show it. They ask after every pause in typing, so a large file's answer is kept as the bytes sent.
 */
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver/node';
import { OUTLINE_STRIDE, outlineKind } from '../engine/hclSymbols';
import type { Declaration, PackedOutline } from '../engine/hclSymbols';
import type { SourceFile } from '../engine/sourceFile';
import { RawJson } from './rawJson';

const KINDS: Record<Declaration['kind'], SymbolKind> = {
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
  return file.outline ? new RawJson(outlineBytes(file, file.outline.bind(file))) : [];
}

interface Answered {
  outlines: PackedOutline[];
  lines: number[];
  bytes: Buffer;
}

/** Per file, the outline last answered: its chunks' packed outlines, where they were, and the JSON sent. */
const ANSWERED = new WeakMap<SourceFile, Answered>();

function outlineBytes(file: SourceFile, outline: NonNullable<SourceFile['outline']>): Buffer {
  const outlines: PackedOutline[] = [];
  const lines: number[] = [];
  outline((p, line) => {
    outlines.push(p);
    lines.push(line);
  });
  const last = ANSWERED.get(file);
  if (last && last.lines.length === lines.length && lines.every((l, i) => l === last.lines[i] && samePacked(outlines[i], last.outlines[i]))) {
    last.outlines = outlines; // the re-parsed chunks' own, so that the next comparison is by identity
    return last.bytes;
  }
  const bytes = outlineJson(outlines, lines);
  ANSWERED.set(file, { outlines, lines, bytes });
  return bytes;
}

/** Two packed outlines with the same entries: the same object, or a re-parsed chunk's that says the same. */
function samePacked(a: PackedOutline, b: PackedOutline): boolean {
  if (a === b) return true;
  if (a.nums.length !== b.nums.length || a.names.length !== b.names.length) return false;
  for (let i = 0; i < a.nums.length; i++) if (a.nums[i] !== b.nums[i]) return false;
  for (let i = 0; i < a.names.length; i++) if (a.names[i] !== b.names[i]) return false;
  return true;
}

/**
 * What `documentSymbols` gives for the declarations, as the UTF-8 bytes of its JSON, written into one buffer
 * from the packed outline, a short string per entry. On the 100,000-line file, 30 answers made as one joined
 * string peaked 20 MB higher than objects given to `JSON.stringify`, and written into a buffer 5 MB lower; it
 * takes about twice as long as `JSON.stringify` (35-60 against 17-30 ms), which re-using the bytes pays back.
 */
function outlineJson(outlines: readonly PackedOutline[], lines: readonly number[]): Buffer {
  // Room for the longest entry: its fixed text with 10-digit numbers, and 6 bytes per character of its name.
  let room = 2;
  for (const p of outlines) {
    room += p.names.length * 300;
    for (const name of p.names) room += name.length * 6;
  }
  const out = Buffer.allocUnsafe(room);
  let at = 0;
  // One string per entry, written at once: V8 builds a short string faster than a loop writes its bytes.
  const text = (s: string) => {
    at += out.write(s, at, 'utf8');
  };
  text('[');
  let first = true;
  outlines.forEach((p, k) => {
    const line = lines[k];
    const n = p.nums;
    const range = (o: number) => `{"start":{"line":${n[o] + line},"character":${n[o + 1]}},"end":{"line":${n[o + 2] + line},"character":${n[o + 3]}}}`;
    // Entries are depth first: each is followed by its children, `n[o + 1]` of them, each with its own.
    const write = (i: number): number => {
      const o = i * OUTLINE_STRIDE;
      const count = n[o + 1];
      text(`{"name":${JSON.stringify(p.names[i])},"kind":${KINDS[outlineKind(n[o])]},"range":${range(o + 2)},"selectionRange":${range(o + 6)}`);
      let next = i + 1;
      if (count > 0) {
        text(',"children":[');
        for (let c = 0; c < count; c++) {
          if (c > 0) text(',');
          next = write(next);
        }
        text(']');
      }
      text('}');
      return next;
    };
    for (let i = 0; i < p.names.length; ) {
      if (!first) text(',');
      first = false;
      i = write(i);
    }
  });
  text(']');
  // Kept for the next request: at its own size, not the room it was written in.
  const bytes = Buffer.allocUnsafeSlow(at);
  out.copy(bytes, 0, 0, at);
  return bytes;
}
