/**
 * Two walks over model objects that keep incremental parsing cheap and its memory flat:
 * - `moved`: a copy of an instance with every position moved by some lines. Instances are built once and never
 *   mutated; an edit above one only counts how far it has moved, and a copy is made only when a caller needs
 *   its positions where it is now (the cursor, a quick fix).
 * - `ownStrings`: V8 keeps a slice of 13+ characters as a view of the whole document, so a name kept in an
 *   instance that outlives many edits would keep each edited version of the text alive. Instances built after
 *   an edit get strings of their own.
 */

import { Span } from '../../model/span';

/** Fields that hold no positions and are shared, not copied: schemas (large, read-only) and values. */
const SHARED = new Set(['schema', 'value']);

export function moved<T>(x: T, lines: number): T {
  return lines === 0 ? x : (move(x, lines) as T);
}

function move(x: unknown, lines: number): unknown {
  if (typeof x !== 'object' || x === null) return x;
  if (Array.isArray(x)) return x.map((e) => move(e, lines));
  if (x instanceof Span) return new Span(x.startLine + lines, x.startCharacter, x.endLine + lines, x.endCharacter);
  const o = x as Record<string, unknown>;
  if (typeof o.line === 'number' && typeof o.character === 'number') return { ...o, line: o.line + lines };
  const out: Record<string, unknown> = {};
  for (const k in o) out[k] = SHARED.has(k) ? o[k] : move(o[k], lines);
  return out;
}

/** Replaces, in place, every string of 13+ characters under `x` (schemas excepted) by a copy of its own. */
export function ownStrings(x: unknown): void {
  if (typeof x !== 'object' || x === null) return;
  const o = x as Record<string, unknown>;
  for (const k in o) {
    if (k === 'schema') continue;
    const v = o[k];
    if (typeof v === 'string') {
      if (v.length >= 13) o[k] = (' ' + v).slice(1);
    } else if (typeof v === 'object' && v !== null) ownStrings(v);
  }
}
