/**
 * Renders neutral edits as HCL text, keeping the block's indentation and `=` alignment the way
 * `terraform fmt` leaves it: a new argument goes after the last one, padded to the column of its neighbours' `=`,
 * and the neighbours are realigned when the fix moves that column (`hclAlign.ts`).
 */
import type { FixValue, NeutralEdit } from '../analysis/finding';
import type { Attribute, Block, ResourceInstance } from '../model/types';
import { shiftRange } from '../model/types';
import { bodyHolding } from '../model/bodies';
import { realign } from './hclAlign';
import { HCL_COMMENTS, ownCommentFrom } from './ownComments';
import type { LineSource, TextEdit, Writer } from './writer';

export const hclWriter: Writer = {
  value: hclValue,
  render(edits, instance, src) {
    const out: TextEdit[] = [];
    for (const e of edits) out.push(...renderOne(e, instance, src));
    // A tfvars fix comes with no block (it only replaces values): nothing to realign around.
    if (!instance.range) return out;
    return realign(out, instance.range.start.line + src.base, instance.range.end.line + src.base, src);
  },
};

export function hclValue(v: FixValue): string {
  switch (v.kind) {
    case 'bool': return String(v.value);
    case 'number': return String(v.value);
    case 'string': return JSON.stringify(v.value);
    case 'reference': return `${v.resourceType}.${v.resourceName}${v.key ?? ''}.${v.attribute}`;
  }
}

function renderOne(e: NeutralEdit, instance: ResourceInstance, src: LineSource): TextEdit[] {
  switch (e.kind) {
    case 'replaceValue':
      return [{ range: shiftRange(e.attribute.valueRange, src.base), newText: hclValue(e.value) }];
    case 'rename':
      return [rename(e.attribute, e.to, src)];
    case 'remove':
      return [removeItem(e.attribute, instance, src)];
    case 'removeBlock':
      return [removeItem(e.block, instance, src)];
    case 'set': {
      const body = e.block ?? instance;
      const existing = body.attributes.find((a) => a.name === e.name && !a.incomplete);
      if (existing) return [{ range: shiftRange(existing.valueRange, src.base), newText: hclValue(e.value) }];
      return insertAttribute(body, e.name, hclValue(e.value), src);
    }
  }
}

/** Renames a key; when the `=` was aligned with its neighbours, keeps it in the same column if it fits. */
function rename(a: Attribute, to: string, src: LineSource): TextEdit {
  const line = src.lineText(a.keyRange.end.line + src.base);
  const afterKey = a.keyRange.end.character;
  const eq = line.indexOf('=', afterKey);
  const gap = eq === -1 ? '' : line.slice(afterKey, eq);
  if (eq !== -1 && /^ +$/.test(gap)) {
    const eqColumn = eq;
    const newGap = ' '.repeat(Math.max(1, eqColumn - (a.keyRange.start.character + to.length)));
    return { range: shiftRange({ start: a.keyRange.start, end: { line: a.keyRange.end.line, character: eq } }, src.base), newText: to + newGap };
  }
  return { range: shiftRange(a.keyRange, src.base), newText: to };
}

/**
 * Deletes an argument or a block. Alone on its lines, it goes with its lines and its own comments (`ownComments.ts`):
 * the one after it on its line and the comment lines right above it that are about it. Nothing else on its lines
 * goes: in a one-line block (`timeouts { create = "1m" }`) only the argument itself does.
 */
function removeItem(x: Attribute | Block, instance: ResourceInstance, src: LineSource): TextEdit {
  const r = x.range;
  const line = (l: number) => src.lineText(l + src.base);
  const aloneBefore = line(r.start.line).slice(0, r.start.character).trim() === '';
  const restAfter = line(r.end.line).slice(r.end.character);
  // A comment after it on its line: to the line's end, or a `/* */` closed on it with nothing after.
  const aloneAfter = restAfter.trim() === '' || /^\s*(#|\/\/)/.test(restAfter) || /^\s*\/\*((?!\*\/).)*\*\/\s*$/.test(restAfter);
  if (!(aloneBefore && aloneAfter)) return { range: shiftRange(r, src.base), newText: '' };
  const body = bodyHolding(instance, x);
  const next = body && [...body.attributes, ...body.blocks].map((y) => y.range.start.line).filter((l) => l > r.end.line).sort((a, b) => a - b)[0];
  const from = ownCommentFrom(HCL_COMMENTS, r.start.line, r.end.line, body ? body.bodyRange.start.line : -1, next, line);
  return { range: { start: { line: from + src.base, character: 0 }, end: { line: r.end.line + src.base + 1, character: 0 } }, newText: '' };
}

function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

/**
 * Adds `name = value` to a body after its last argument, matching indentation and `=` alignment. A body whose
 * closing brace shares a line with its last argument is opened up first: HCL allows one argument in a
 * one-line block (`{ bfd_multi_hop = 10 }`), and nothing may follow an argument on its line but the brace.
 */
function insertAttribute(body: ResourceInstance | Block, name: string, value: string, src: LineSource): TextEdit[] {
  const attrs = body.attributes.filter((a) => !a.incomplete);
  const open = body.bodyRange.start; // the `{`
  const close = { line: body.bodyRange.end.line, character: body.bodyRange.end.character - 1 }; // the `}`
  const openLineText = src.lineText(open.line + src.base);
  const baseIndent = indentOf(openLineText);
  const unit = baseIndent.includes('\t') ? '\t' : '  ';
  const at = (p: { line: number; character: number }) => ({ line: p.line + src.base, character: p.character });
  if (attrs.length > 0) {
    const sorted = [...attrs].sort((x, y) => x.keyRange.start.line - y.keyRange.start.line);
    const last = sorted[sorted.length - 1];
    const oneLine = last.keyRange.start.line === open.line;
    const closesOnLast = body.closed !== false && last.range.end.line === close.line;
    // In `{ a = 1 }` the argument moves to a line of its own, at the usual indentation.
    const indent = oneLine ? baseIndent + unit : indentOf(src.lineText(last.keyRange.start.line + src.base));
    // Opened up, `{ a = 1 }` and the new argument become a run of two lines: aligned as `terraform fmt` does.
    // (`{ a = 1` with the brace below stays as it is: nothing to align with.)
    const lastKey = last.keyRange.end.character - last.keyRange.start.character;
    const eqColumn = !oneLine ? alignedColumn(sorted, src) : closesOnLast ? indent.length + Math.max(lastKey, name.length) + 1 : undefined;
    const keyEnd = indent.length + name.length;
    const pad = eqColumn !== undefined && keyEnd < eqColumn ? ' '.repeat(eqColumn - keyEnd) : ' ';
    if (closesOnLast) {
      // Only the blanks are replaced: a comment between the braces and the arguments stays where it is.
      const closeLine = src.lineText(close.line + src.base);
      const afterLast = last.range.end.character + closeLine.slice(last.range.end.character, close.character).trimEnd().length;
      const edits: TextEdit[] = [];
      if (oneLine) {
        const afterOpen = open.character + 1 + closeLine.slice(open.character + 1, last.keyRange.start.character).trimEnd().length;
        edits.push({ range: { start: at({ line: open.line, character: afterOpen }), end: at(last.keyRange.start) }, newText: `\n${indent}` });
        const eq = closeLine.indexOf('=', last.keyRange.end.character);
        if (eq > 0) edits.push({ range: { start: at(last.keyRange.end), end: at({ line: open.line, character: eq }) }, newText: ' '.repeat(eqColumn! - indent.length - lastKey) });
      }
      edits.push({ range: { start: at({ line: close.line, character: afterLast }), end: at(close) }, newText: `\n${indent}${name}${pad}= ${value}\n${baseIndent}` });
      return edits;
    }
    const end = { line: last.range.end.line + src.base, character: src.lineText(last.range.end.line + src.base).length };
    return [{ range: { start: end, end }, newText: `\n${indent}${name}${pad}= ${value}` }];
  }
  if (close.line === open.line && body.bodyRange.end.character > open.character + 1) {
    // `{}` on one line: open it up.
    return [{ range: { start: at({ line: open.line, character: open.character + 1 }), end: at(close) }, newText: `\n${baseIndent}${unit}${name} = ${value}\n${baseIndent}` }];
  }
  const end = { line: open.line + src.base, character: openLineText.length };
  const innerIndent = nestedIndent(body, src) ?? baseIndent + unit;
  return [{ range: { start: end, end }, newText: `\n${innerIndent}${name} = ${value}` }];
}

/**
 * The column of `=` shared by the run of consecutive argument lines that ends with the last argument,
 * as `terraform fmt` aligns them; undefined when the run is not aligned (the file is not formatted).
 */
function alignedColumn(sorted: Attribute[], src: LineSource): number | undefined {
  const column = (a: Attribute) => src.lineText(a.keyRange.start.line + src.base).indexOf('=', a.keyRange.end.character);
  let i = sorted.length - 1;
  const col = column(sorted[i]);
  while (i > 0 && sorted[i - 1].range.end.line === sorted[i].keyRange.start.line - 1) {
    i--;
    if (column(sorted[i]) !== col) return undefined;
  }
  return col > 0 ? col : undefined;
}

/** The indentation of the first nested block, if any: the body's own indentation style. */
function nestedIndent(body: ResourceInstance | Block, src: LineSource): string | undefined {
  const b = body.blocks[0];
  return b ? indentOf(src.lineText(b.nameRange.start.line + src.base)) : undefined;
}

function escapeSnippet(s: string): string {
  return s.replace(/[$}\\|,]/g, (c) => '\\' + c);
}

export const hclCompletionWriter: import('./writer').CompletionWriter = {
  argument: (name, valueSnippet) => `${name} = ${valueSnippet}`,
  // An empty block (`lifecycle`) leaves the cursor inside it, not after its `}`.
  block: (name, keys) => `${name} {\n${keys.length ? keys.map((k) => `\t${k.name} = ${k.valueSnippet}`).join('\n') : '\t$0'}\n}`,
  valueSnippet(kind, choices, placeholder) {
    if (choices.length > 0) {
      const rendered = choices.map((c) => escapeSnippet(kind === 'string' ? c : c));
      return kind === 'string' ? `"\${1|${rendered.join(',')}|}"` : `\${1|${rendered.join(',')}|}`;
    }
    if (kind === 'string') return `"\${1${placeholder ? ':' + escapeSnippet(placeholder) : ''}}"`;
    return `\${1${placeholder ? ':' + escapeSnippet(placeholder) : ''}}`;
  },
  literal: (v) => (typeof v === 'string' ? JSON.stringify(v) : String(v)),
};
