/**
 * Where the cursor is in an HCL file, for completion and hover: the instance and nested blocks around it
 * and what is being typed. Works on half-typed code: an unclosed block extends to the end of its chunk,
 * and the line's own text decides between a name and a value.
 */
import type { CursorContext } from '../analysis/completion';
import type { Block, Position, Range } from '../model/types';
import { comparePositions, rangeContains } from '../model/types';
import { heredocOpenerAt, quotedEnd } from '../syntax/hcl/quoted';
import { checkedInstancesOf, type HclFile } from './hclFile';
import { toBody } from '../syntax/hcl/toModel';

import type { Located } from './sourceFile';

/** The instance (and nested blocks) whose body holds `pos` (absolute). */
export function locate(file: HclFile, pos: Position): Located | undefined {
  const doc = file.doc;
  if (doc.chunks.length === 0) return undefined;
  const i = doc.chunkIndexAt(pos.line);
  const chunk = doc.chunks[i];
  const chunkEnd = i + 1 < doc.chunks.length ? doc.chunks[i + 1].startLine - 1 : doc.lineCount - 1;
  const rel = { line: pos.line - chunk.startLine, character: pos.character };
  const relEnd = chunkEnd - chunk.startLine;
  // A data block scoped to a `check` block too: completion and hover inside it as in any data block.
  for (const instance of checkedInstancesOf(chunk)) {
    if (!within(instance, rel, relEnd)) continue;
    const blocks: Block[] = [];
    let body: { blocks: Block[] } = instance;
    for (;;) {
      const inner = body.blocks.find((b) => within(b, rel, relEnd) && comparePositions(rel, b.bodyRange.start) > 0);
      if (!inner) break;
      blocks.push(inner);
      body = inner;
    }
    return { instance, blocks, base: chunk.startLine, rel };
  }
  return undefined;
}

/**
 * In a `.tfvars` file, the variable name being typed at the start of a line (absolute positions): not inside a
 * value that spans lines (a map, a list, a heredoc), an unclosed bracket, a block comment or a block. `nameOnly`:
 * a value follows, so only the name is replaced.
 */
export function variableNameAt(file: HclFile, pos: Position): { prefix: string; range: Range; nameOnly?: boolean } | undefined {
  if (!file.isTfvars || file.doc.chunks.length === 0) return undefined;
  const line = blankClosedComments(file.doc.lineText(pos.line));
  const keyMatch = KEY.exec(line.slice(0, pos.character));
  if (!keyMatch) return undefined;
  const chunk = file.doc.chunks[file.doc.chunkIndexAt(pos.line)];
  const rel = { line: pos.line - chunk.startLine, character: pos.character };
  const body = toBody(chunk.items);
  if (body.attributes.some((a) => a.valueRange.start.line < a.valueRange.end.line && strictlyInside(a.valueRange, rel))) return undefined;
  if (body.blocks.some((b) => within(b, rel, rel.line) && comparePositions(rel, b.bodyRange.start) > 0)) return undefined;
  if (chunk.comments.some((c) => c.start.line < c.end.line && strictlyInside(c, rel))) return undefined;
  if (chunk.errors.length && openBracketBefore(file, chunk.startLine, 0, pos)) return undefined;
  const prefix = keyMatch[1] ?? '';
  const range = wordRange(line, pos.character, prefix, pos.line);
  const nameOnly = /^\s*=(?!=)/.test(line.slice(range.end.character)) || undefined;
  return { prefix, range, nameOnly };
}

function strictlyInside(r: { start: Position; end: Position }, p: Position): boolean {
  return comparePositions(r.start, p) < 0 && comparePositions(p, r.end) < 0;
}

function within(x: { range: { start: Position; end: Position }; closed: boolean }, rel: Position, chunkEnd: number): boolean {
  if (rangeContains(x.range, rel)) return true;
  return !x.closed && comparePositions(rel, x.range.start) >= 0 && rel.line <= chunkEnd;
}

const RESOURCE_TYPE = /^\s*(resource|data)\s+"([A-Za-z0-9_-]*)$/;
const KEY = /^\s*([A-Za-z_][A-Za-z0-9_-]*)?$/;
const DYNAMIC_LABEL = /^\s*dynamic\s+"([A-Za-z0-9_-]*)$/;
const IGNORE_CHANGES = /^\s*ignore_changes\s*=\s*\[((?:\s*[A-Za-z_][A-Za-z0-9_-]*\s*,)*)\s*([A-Za-z_][A-Za-z0-9_-]*)?$/;
const VALUE = /^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(.*)$/;

/**
 * The name being typed at `character` of `line`, `prefix` before it and the rest of the word after it (typing
 * `bfd_m|ulti` replaces the whole word), at the relative line `relLine`.
 */
function wordRange(line: string, character: number, prefix: string, relLine: number): Range {
  let end = character;
  while (end < line.length && /[A-Za-z0-9_-]/.test(line[end])) end++;
  return { start: { line: relLine, character: character - prefix.length }, end: { line: relLine, character: end } };
}

/** The completion context at `pos` (absolute), with ranges relative to the returned base. */
export function cursorContext(file: HclFile, pos: Position): { cursor: CursorContext; base: number } | undefined {
  // A comment closed on the line (`/* note */ bfd_m|`) is read as the spaces it takes.
  const line = blankClosedComments(file.doc.lineText(pos.line));
  const lineBefore = line.slice(0, pos.character);
  const typeMatch = RESOURCE_TYPE.exec(lineBefore);
  if (typeMatch) {
    return { cursor: { mode: 'resourceType', kind: typeMatch[1] as 'resource' | 'data', prefix: typeMatch[2], range: wordRange(line, pos.character, typeMatch[2], 0) }, base: pos.line };
  }
  const loc = locate(file, pos);
  if (!loc) return undefined;
  const { instance, blocks, rel, base } = loc;
  const innermost = blocks.length ? blocks[blocks.length - 1] : instance;
  // Not on the header line, nor on a nested block's header; but between the braces of a body written on one line
  // (`timeouts { | }`), which HCL lets hold one argument: what is typed there starts after the `{`.
  const body = innermost.bodyRange;
  const oneLine =
    innermost.closed && rel.line === body.start.line && body.end.line === body.start.line && rel.character > body.start.character && rel.character < body.end.character;
  if (rel.line <= body.start.line && !oneLine) return undefined;
  const before = oneLine ? ' '.repeat(body.start.character + 1) + lineBefore.slice(body.start.character + 1) : lineBefore;
  // Not inside a value that spans lines (a heredoc, a list, a map, a call) or a block comment: what is typed
  // there is no argument of the block.
  if (innermost.attributes.some((a) => a.valueRange.start.line < a.valueRange.end.line && strictlyInside(a.valueRange, rel))) return undefined;
  const chunk = file.doc.chunks[file.doc.chunkIndexAt(pos.line)];
  if (chunk.comments.some((c) => c.start.line < c.end.line && strictlyInside(c, rel))) return undefined;
  // `lifecycle { ignore_changes = [enable_bfd, |] }`: the list names arguments of the resource.
  const ignored = blocks.length === 1 && blocks[0].name === 'lifecycle' ? IGNORE_CHANGES.exec(before) : null;
  if (ignored) {
    const prefix = ignored[2] ?? '';
    const range = wordRange(line, pos.character, prefix, rel.line);
    const listed = ignored[1].split(',').map((x) => x.trim()).concat(line.slice(range.end.character).split(']')[0].split(',').map((x) => x.trim()));
    return { cursor: { mode: 'ignoreChanges', instance, blocks, prefix, range, listed: listed.filter((x) => x) }, base };
  }
  // An unclosed bracket (`depends_on = [` with its `]` not typed yet) ends, for the parser, where its line does;
  // the lines after it are still inside it. (Only a chunk with errors can hold one.)
  if (chunk.errors.length && openBracketBefore(file, base + innermost.bodyRange.start.line, innermost.bodyRange.start.character + 1, pos)) return undefined;
  // `dynamic "|"`: the label names the block it makes.
  const labelMatch = DYNAMIC_LABEL.exec(before);
  if (labelMatch) {
    const prefix = labelMatch[1];
    return { cursor: { mode: 'dynamicLabel', instance, blocks, prefix, range: wordRange(line, pos.character, prefix, rel.line) }, base };
  }
  const keyMatch = KEY.exec(before);
  if (keyMatch) {
    const prefix = keyMatch[1] ?? '';
    const range = wordRange(line, pos.character, prefix, rel.line);
    // `bfd_m|ulti_hop = 3`: a value follows, so only the name is replaced.
    const nameOnly = /^\s*=(?!=)/.test(line.slice(range.end.character)) || undefined;
    if (oneLine) {
      // One argument and nothing else: a second one, or a block, would not parse on this line.
      const typing = (a: { keyRange: { start: Position } }) => a.keyRange.start.line === rel.line && a.keyRange.start.character === range.start.character;
      if (innermost.blocks.length > 0 || innermost.attributes.some((a) => !typing(a))) return undefined;
      return { cursor: { mode: 'key', instance, blocks, prefix, range, nameOnly, oneLine }, base };
    }
    return { cursor: { mode: 'key', instance, blocks, prefix, range, nameOnly }, base };
  }
  const valueMatch = VALUE.exec(before);
  if (valueMatch) {
    const prefix = valueMatch[2];
    // Only a simple value being typed: a word, a quoted word (spaces too: `"Allocation Failed"`), a reference path.
    if (!/^(?:"[A-Za-z0-9_.: -]*|[A-Za-z0-9_.:-]*)$/.test(prefix)) return undefined;
    let end = pos.character;
    const close = prefix.startsWith('"') ? line.indexOf('"', end) : -1;
    if (close >= 0 && /^[A-Za-z0-9_.: -]*$/.test(line.slice(end, close))) end = close + 1;
    else {
      while (end < line.length && /[A-Za-z0-9_.:-]/.test(line[end])) end++;
      if (prefix.startsWith('"') && line[end] === '"') end++;
    }
    // `ip_version = |"IPv4"`: the value written after the cursor is the one replaced, not doubled.
    if (prefix === '' && line[end] === '"') {
      const close = line.indexOf('"', end + 1);
      if (close > end && /^"[A-Za-z0-9_.:-]*"$/.test(line.slice(end, close + 1))) end = close + 1;
    }
    // `|tobool(x)`: the word is a function's name, which no value replaces.
    if (line[end] === '(') return undefined;
    const range = { start: { line: rel.line, character: pos.character - prefix.length }, end: { line: rel.line, character: end } };
    const lead = before.endsWith('=') ? ' ' : undefined;
    // `local.|`, `each.value.|`, `alicloud_vpc_bgp_group.|`: a name and a dot begin a reference (a number begins
    // with a digit).
    const reference = /^[A-Za-z_][A-Za-z0-9_-]*\./.test(prefix) || undefined;
    return { cursor: { mode: 'value', instance, blocks, key: valueMatch[1], prefix, range, lead, reference }, base };
  }
  return undefined;
}

/**
 * Is a `[`, `(` or `{` opened between (line, character) and `pos` (absolute) and not closed before it? Skips
 * strings, comments and heredocs, roughly as the lexer does: enough to tell a half-typed value from a body.
 */
function openBracketBefore(file: HclFile, line: number, character: number, pos: Position): boolean {
  let depth = 0;
  let heredoc: string | undefined;
  let blockComment = false;
  for (let l = line; l <= pos.line; l++) {
    const text = file.doc.lineText(l);
    const end = l === pos.line ? pos.character : text.length;
    if (heredoc !== undefined) {
      if (text.trim() === heredoc) heredoc = undefined;
      continue;
    }
    for (let i = l === line ? character : 0; i < end; i++) {
      const c = text[i];
      if (blockComment) {
        if (c === '*' && text[i + 1] === '/') {
          blockComment = false;
          i++;
        }
      } else if (c === '"') {
        i = quotedEnd(text, i + 1, end) - 1;
      } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
        break;
      } else if (c === '/' && text[i + 1] === '*') {
        blockComment = true;
        i++;
      } else if (c === '<' && text[i + 1] === '<') {
        heredoc = heredocOpenerAt(text, i);
        if (heredoc !== undefined) break;
      } else if (c === '[' || c === '(' || c === '{') {
        depth++;
      } else if ((c === ']' || c === ')' || c === '}') && depth > 0) {
        depth--;
      }
    }
  }
  return depth > 0;
}

/** The line with each block comment that opens and closes on it turned into as many spaces. */
function blankClosedComments(line: string): string {
  let at = line.indexOf('/*');
  if (at < 0) return line;
  let out = '';
  let from = 0;
  while (at >= 0) {
    const close = line.indexOf('*/', at + 2);
    // An unclosed one runs to the end of the line: so does every later `/*` (glob paths: `bucket/*`).
    if (close < 0) break;
    out += line.slice(from, at) + ' '.repeat(close + 2 - at);
    from = close + 2;
    at = line.indexOf('/*', from);
  }
  return out + line.slice(from);
}
