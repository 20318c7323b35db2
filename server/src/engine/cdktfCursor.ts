/**
 * Where the cursor is in a CDKTF file, for completion and hover: the construct (and nested struct) around it,
 * and whether a property name or a value is being typed there:
 *   key     `{ …, bfd|`  `bfd_multi_hop=…, enable|`  `.bfd|` (Java chain)  `{ Enable|` (C#, Go)
 *   value   `enableBfd: |`  `enable_bfd=|`  `.enableBfd(|`  `EnableBfd = |`  `EnableBfd: jsii.Bool(|`
 * Works on half-typed code: an unclosed construct extends to where its recovery cut it off.
 */
import type { CursorContext } from '../analysis/completion';
import type { Block, Position } from '../model/types';
import { comparePositions, rangeContains } from '../model/types';
import type { BlockSchema, ResourceSchema } from '../schema/types';
import type { Construct } from '../syntax/cdktf/constructs';
import type { BodySyntax, CdktfBlock, CdktfInstance } from '../syntax/cdktf/model';
import { nameTable } from '../syntax/cdktf/names';
import { IDENT, NUMBER, STRING, stringValue, Tokens, type CdktfLanguage } from '../syntax/cdktf/tokens';
import type { Located } from './sourceFile';

export interface CdktfView {
  /** The constructs; an instance's positions plus the construct's `shift` are where it is now. */
  constructs(): readonly Construct[];
  /** A construct's instance with its positions where it is now. */
  absoluteOf(c: Construct): CdktfInstance;
  tokens(): Tokens | undefined;
  lineText(line: number): string;
  /** The value set after its construct is built whose text holds `pos`, as an instance (`laterValues.ts`). */
  laterAt(pos: Position): CdktfInstance | undefined;
}

const before = (a: Position, b: Position) => comparePositions(a, b) < 0;

function insideBody(b: CdktfBlock, pos: Position, instance: CdktfInstance): boolean {
  if (!b.body) return false;
  if (!before(b.bodyRange.start, pos)) return false;
  if (b.closed) return comparePositions(pos, b.bodyRange.end) <= 0 && (!b.body.close || comparePositions(pos, b.body.close) <= 0);
  return comparePositions(pos, instance.extentEnd) <= 0;
}

/** The construct (and nested structs) around `pos`. */
export function locate(view: CdktfView, pos: Position): Located | undefined {
  for (const c of view.constructs()) {
    // Compared where the instance's positions are: `pos` moved back by how far the construct has moved.
    const rel = c.shift ? { line: pos.line - c.shift, character: pos.character } : pos;
    const built = c.instance!;
    if (before(rel, built.range.start) || before(built.extentEnd, rel)) continue;
    if (built.closed && !rangeContains(built.range, rel)) continue;
    const instance = view.absoluteOf(c);
    return { instance, blocks: blocksAround(instance, pos), base: 0, rel: pos };
  }
  // Inside a struct set later (`p.putTimeouts({ | })`, `p.timeouts = { cre| }`): its keys, as in the config. Only
  // inside the struct: nothing adds another argument of the construct there.
  const later = view.laterAt(pos);
  const blocks = later ? blocksAround(later, pos) : [];
  return blocks.length ? { instance: later!, blocks, base: 0, rel: pos } : undefined;
}

/** The nested structs of `instance` whose body holds `pos`, outermost first. */
function blocksAround(instance: CdktfInstance, pos: Position): Block[] {
  const blocks: Block[] = [];
  let body: { blocks: Block[] } = instance;
  for (;;) {
    const inner = body.blocks.find((b) => insideBody(b as CdktfBlock, pos, instance));
    if (!inner) return blocks;
    blocks.push(inner);
    body = inner;
  }
}

/** Token `p` sits directly in the group opened at `o` (not inside a nested bracket). */
function directChild(tk: Tokens, o: number, p: number): boolean {
  let i = o + 1;
  while (i < p) {
    if (tk.isOpener(i)) {
      const after = tk.after(i);
      if (after > p) return false;
      i = after;
    } else i++;
  }
  return i === p;
}

/** Token `p` is a link of the builder chain starting at token `s` (not inside a call's arguments). */
function chainLink(tk: Tokens, s: number, p: number): boolean {
  let i = s;
  while (i < p) i = tk.isOpener(i) ? Math.max(i + 1, tk.after(i)) : i + 1;
  return i === p;
}

/** What follows a name that already has its value, per language: `: 3`, `=3`, `(3)`. */
const VALUE_FOLLOWS: Record<CdktfLanguage, RegExp> = {
  typescript: /^\s*:/,
  go: /^\s*:/,
  python: /^\s*=(?!=)/,
  csharp: /^\s*=(?!=)/,
  java: /^\s*\(/,
};

/** Does `gap`, text between two tokens, leave the position after it inside a comment? */
function inComment(gap: string, language: CdktfLanguage): boolean {
  if (language === 'python') return gap.slice(gap.lastIndexOf('\n') + 1).includes('#');
  // Left to right, as the tokenizer reads: `/*` inside a `//` comment opens nothing.
  for (let i = 0; i < gap.length; i++) {
    if (gap.startsWith('//', i)) {
      const nl = gap.indexOf('\n', i);
      if (nl < 0) return true;
      i = nl;
    } else if (gap.startsWith('/*', i)) {
      const close = gap.indexOf('*/', i + 2);
      if (close < 0) return true;
      i = close + 1;
    }
  }
  return false;
}

/** The last token ending at or before `offset`. */
function tokenBefore(tk: Tokens, offset: number): number {
  let i = tk.indexAt(offset) - 1;
  while (i >= 0 && tk.end[i] > offset) i--;
  return i;
}

export function cursorContext(view: CdktfView, pos: Position): { cursor: CursorContext; base: number } | undefined {
  const tk = view.tokens();
  if (!tk) return undefined;
  const loc = locate(view, pos);
  if (!loc) return undefined;
  const instance = loc.instance as CdktfInstance;
  const blocks = loc.blocks as CdktfBlock[];
  const innermost = blocks.length ? blocks[blocks.length - 1] : undefined;
  const syntax: BodySyntax | undefined = innermost ? innermost.body : instance.body;
  if (!syntax || !before(syntax.open, pos) && comparePositions(syntax.open, pos) !== 0) return undefined;
  const path = blocks.map((b) => b.name).join('.');
  let schemaBody: ResourceSchema | BlockSchema | undefined = instance.schema;
  for (const b of blocks) schemaBody = schemaBody?.blocks?.[b.name];
  const table = nameTable(tk.language, instance.schema, schemaBody, path);

  const line = view.lineText(pos.line);
  const textBefore = line.slice(0, pos.character);
  const offset = tk.offsetAt(pos);
  const openTok = tokenBefore(tk, tk.offsetAt(syntax.open));

  // A name being typed.
  const key = /[A-Za-z_$@][A-Za-z0-9_$]*$/.exec(textBefore)?.[0] ?? '';
  const keyStart = offset - key.length;
  if (!/^[0-9]/.test(key)) {
    const prev = tokenBefore(tk, keyStart);
    let isKey = false;
    if (syntax.kind === 'chain') {
      isKey = tk.is(prev, '.') && chainLink(tk, openTok + 1, prev) && tk.line[prev] === pos.line;
    } else if (tk.isOpener(openTok)) {
      if (prev === openTok) isKey = syntax.kind !== 'kwargs' || !!innermost;
      else if (tk.is(prev, ',') && directChild(tk, openTok, prev)) {
        // Python: keyword arguments come after `scope, id`.
        isKey = syntax.kind !== 'kwargs' || !!innermost || commasBefore(tk, openTok, prev) >= 1;
      }
    }
    // In a comment between the arguments (the tokens leave comments out): nothing to complete.
    if (isKey && inComment(tk.text.slice(prev >= 0 ? tk.end[prev] : 0, offset), tk.language)) return undefined;
    if (isKey) {
      // Java, `….|build()` (or the cursor inside `build`): the link goes in before `build()`, which stays, with
      // the `.` between them.
      if (syntax.kind === 'chain' && /^build\s*\(/.test(line.slice(pos.character - key.length))) {
        const at = { line: pos.line, character: pos.character - key.length };
        return { cursor: { mode: 'key', instance, blocks, prefix: '', range: { start: at, end: at }, suffix: '.' }, base: 0 };
      }
      let start = pos.character - key.length;
      let end = pos.character;
      while (end < line.length && /[A-Za-z0-9_$]/.test(line[end])) end++;
      // A key typed as a string (`{"create": "5m", "u|"}`) is replaced whole, quotes included, and written as a
      // string again; a Python dict's keys are strings even when the user has not typed the quote yet.
      let quote: string | undefined;
      const opening = line[start - 1];
      if ((opening === '"' || opening === "'") && syntax.kind === 'object') {
        quote = opening;
        start--;
        if (line[end] === quote) end++;
      } else if (tk.language === 'python' && syntax.kind === 'object') {
        quote = instance.quote;
      }
      const range = { start: { line: pos.line, character: start }, end: { line: pos.line, character: end } };
      // `bfdM|ultiHop: 3`: a value follows, so only the name is replaced.
      const nameOnly = (quote ? /^\s*:/ : VALUE_FOLLOWS[tk.language]).test(line.slice(end)) || undefined;
      return { cursor: { mode: 'key', instance, blocks, prefix: key, range, nameOnly, quote }, base: 0 };
    }
  }

  // A value being typed.
  const last = tokenBefore(tk, offset);
  const touching = last >= 0 && tk.end[last] === offset;
  // Right after a closing quote (`ipVersion: "IPv4"|`) the value is written: nothing to insert there.
  if (touching && tk.kind[last] === STRING && closedString(tk.text.slice(tk.start[last], tk.end[last]))) return undefined;
  const valueMatch = /["'`]?[A-Za-z0-9_.:-]*$/.exec(textBefore);
  // Right after the separator (`enableBfd:|`), which the value pattern would take for part of a value.
  let prefix = touching && (tk.is(last, ':') || tk.is(last, '=')) ? '' : valueMatch ? valueMatch[0] : '';
  let valueStart = offset - prefix.length;
  let prev = tokenBefore(tk, valueStart);
  let wrapped = false;
  // Go: `Key: jsii.String("IP|` — the wrapper is part of what is replaced.
  if (tk.language === 'go' && tk.is(prev, '(') && tk.isIdent(prev - 1) && tk.is(prev - 2, '.') && tk.isIdent(prev - 3, 'jsii')) {
    valueStart = tk.start[prev - 3];
    prefix = tk.text.slice(valueStart, offset);
    prev = prev - 4;
    wrapped = true;
  }
  if (prefix.includes('\n') || !/^[^,;]*$/.test(prefix)) return undefined;
  let keyTok = -1;
  if (syntax.kind === 'chain') {
    if (tk.is(prev, '(') && tk.isIdent(prev - 1) && tk.is(prev - 2, '.') && chainLink(tk, openTok + 1, prev - 2)) keyTok = prev - 1;
  } else if (tk.isOpener(openTok)) {
    const sep = syntax.kind === 'kwargs' || syntax.kind === 'initializer' ? '=' : ':';
    if (tk.is(prev, sep) && (tk.kind[prev - 1] === IDENT || tk.kind[prev - 1] === STRING) && directChild(tk, openTok, prev - 1)) keyTok = prev - 1;
  }
  if (keyTok < 0) return undefined;
  const written = tk.kind[keyTok] === STRING ? stringValue(tk, keyTok) : tk.text_(keyTok);
  let end = pos.character;
  while (end < line.length && /[A-Za-z0-9_.:-]/.test(line[end])) end++;
  // A string being typed in the language's other quotes (`ipVersion: 'IPv|'`) is replaced whole, quotes included.
  const quote = /^["'`]/.exec(prefix)?.[0];
  if (quote && line[end] === quote) end++;
  if (wrapped && line[end] === ')') end++;
  // The value written from the cursor on (`ipVersion: |"IPv4"`, `IpVersion: |jsii.String("IPv4")`,
  // `bfdMultiHop: |Token.asNumber("10")`) is what the completion replaces, not something to write before.
  if (!wrapped) {
    const written = writtenValueEnd(tk, valueStart, pos.line);
    if (written !== undefined) end = Math.max(end, written - tk.lineStarts[pos.line]);
  }
  const startChar = pos.character - (offset - valueStart);
  if (startChar < 0) return undefined;
  const range = { start: { line: pos.line, character: startChar }, end: { line: pos.line, character: end } };
  return { cursor: { mode: 'value', instance, blocks, key: table.schemaName(written), prefix, range }, base: 0 };
}

/**
 * Where the value that starts at `from` ends, when it is one literal or one wrapped literal on `line`: a string,
 * number or word (`"IPv4"`, `300`, `true`), or a call of a dotted name (`jsii.String("IPv4")`, `Token.asNumber("10")`)
 * followed by the end of the argument (`,`, `;`, a closer, or the end of the line). Undefined for anything else.
 */
function writtenValueEnd(tk: Tokens, from: number, line: number): number | undefined {
  let i = tk.indexAt(from);
  if (i >= tk.n || tk.start[i] !== from || tk.line[i] !== line) return undefined;
  let last = i;
  if (tk.kind[i] === IDENT) {
    while (tk.is(i + 1, '.') && tk.isIdent(i + 2)) i += 2;
    last = i;
    if (tk.is(i + 1, '(')) {
      const after = tk.after(i + 1);
      last = after - 1;
      if (!tk.is(last, ')')) return undefined;
    }
  } else if (tk.kind[i] !== STRING && tk.kind[i] !== NUMBER) {
    return undefined;
  }
  if (tk.line[last] !== line) return undefined;
  const next = last + 1;
  const ends = next >= tk.n || tk.line[next] !== line || tk.is(next, ',') || tk.is(next, ';') || tk.is(next, ')') || tk.is(next, '}') || tk.is(next, ']');
  return ends ? tk.end[last] : undefined;
}

/** A string token that ends with its closing quote (`"I"`, `f'x'`), not one still being typed (`"I`). */
function closedString(t: string): boolean {
  const q = t[t.length - 1];
  return (q === '"' || q === "'" || q === '`') && t.indexOf(q) < t.length - 1 && t[t.length - 2] !== '\\';
}

function commasBefore(tk: Tokens, o: number, p: number): number {
  let n = 0;
  for (let i = o + 1; i < p; i++) {
    if (tk.isOpener(i)) i = tk.after(i) - 1;
    else if (tk.is(i, ',')) n++;
  }
  return n;
}
