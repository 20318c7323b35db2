/**
 * Inline expectations for unit tests: a case and its verdict side by side.
 *
 *   bfd_multi_hop = 300
 *   #               ^^^ value-out-of-range
 *
 * An annotation line (a comment of carets then a rule code) marks the exact range on the closest line above
 * that is not an annotation. When the carets touch the comment marker (`#^^^^`), the marker's own columns
 * belong to the range, so a range can start at the column of the comment (`#^^^^^^^^^^^ unknown-argument`). A `|` in a cursor fixture marks the cursor and is removed from the text.
 */
import { createSourceFile } from '../../server/src/engine/files';
import { contextFor } from '../../server/src/engine/moduleContext';
import { moduleProvider } from '../../server/src/engine/providerRequirements';
import type { SourceFile } from '../../server/src/engine/sourceFile';
import type { Position } from '../../server/src/model/types';
import { defaultSchemas } from '../../server/src/schema/registry';

const ANNOTATION = /^(\s*)(#|\/\/)(\s*)(\^+)\s+([a-z][a-z0-9-]*)\s*$/;

export interface Expected {
  line: number;
  start: number;
  end: number;
  code: string;
}

export function expectations(text: string): Expected[] {
  const lines = text.split('\n');
  const out: Expected[] = [];
  let target = -1;
  for (let i = 0; i < lines.length; i++) {
    const m = ANNOTATION.exec(lines[i]);
    if (!m) {
      target = i;
      continue;
    }
    const touching = m[3] === '';
    const start = touching ? m[1].length : m[1].length + m[2].length + m[3].length;
    const end = m[1].length + m[2].length + m[3].length + m[4].length;
    out.push({ line: target, start, end, code: m[5] });
  }
  return out;
}

/** `text` analysed as `uri`, in a module with the files `others` beside it. */
export function analyse(text: string, uri = 'file:///case.tf', others: { uri: string; text: string }[] = []) {
  const file = createSourceFile(uri, undefined, text)!;
  const ctx = contextFor([...others.map((o) => createSourceFile(o.uri, undefined, o.text)!), file], defaultSchemas());
  return { file, ctx, diagnostics: file.diagnostics(ctx) };
}

/** The alicloud constraint of a module of this one file, as the module index reads it. */
export function constraintOf(file: SourceFile): string | undefined {
  return moduleProvider([{ said: file.providerSaid?.(), override: false }]).constraint;
}

/** Findings as comparable strings `line:start-end code`, sorted. */
export function actual(text: string, uri?: string): string[] {
  return analyse(text, uri)
    .diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.code}`)
    .sort();
}

export function expected(text: string): string[] {
  return expectations(text)
    .map((e) => `${e.line}:${e.start}-${e.end} ${e.code}`)
    .sort();
}

/** Removes the `|` cursor marker and returns where it was. */
export function cursor(textWithCursor: string): { text: string; pos: Position } {
  const i = textWithCursor.indexOf('|');
  if (i < 0) throw new Error('fixture has no | cursor');
  const before = textWithCursor.slice(0, i);
  const line = before.split('\n').length - 1;
  const character = i - (before.lastIndexOf('\n') + 1);
  return { text: before + textWithCursor.slice(i + 1), pos: { line, character } };
}

/** Applies LSP-style edits (absolute ranges) to a text. */
export function applyEdits(text: string, edits: { range: { start: Position; end: Position }; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: Position) => {
    let o = 0;
    for (let l = 0; l < p.line; l++) o += lines[l].length + 1;
    return o + p.character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

export type { SourceFile };
