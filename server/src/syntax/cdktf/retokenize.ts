/**
 * Re-tokenizing after an edit, in place: only from the start of the edited line (or from an earlier multi-line
 * string left open, whose scan read past the edit, when the edit could have ended it) until the scan meets an
 * old token again, at the start of a line wholly after the edit, with the same text; from there the scanner's
 * state is the same as before, so the old tokens are kept, moved by the edit's offset and line delta. Bracket matching then resumes at the first
 * re-scanned token and stops once its stack is the old one (`brackets.ts`). The result is exactly what
 * tokenizing the new text from scratch gives (test/unit/cdktf-incremental.test.ts checks it).
 */
import { GONE, rematchBrackets, type PreviousWalk } from './brackets';
import { isOpenEnded, lineAt, scanFrom, Tokens } from './tokens';

/** An edit in old offsets: [start, end), which held `removed`, replaced by `text`. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
  removed: string;
}

export interface Retokenized {
  /** The first re-scanned token (the same index before and after). */
  from: number;
  /** Old tokens [from, oldTo) were replaced by new tokens [from, newTo). */
  oldTo: number;
  newTo: number;
  /** Index shift of the tokens after the re-scanned ones. */
  dt: number;
  /** New tokens [from, changedTo) have new text or bracket data; old [from, changedTo - dt) had. Later ones only moved. */
  changedTo: number;
  /**
   * Of the tokens [newTo, changedTo), the openers whose group ends elsewhere now (new indices, ascending). The
   * others there kept their text and their groups' ends; only the groups around them changed.
   */
  regrouped: number[];
  /** The text of some re-scanned token (old or new, or a neighbour) satisfies `watch`. */
  watched: boolean;
  /** The openers among the tokens replaced, each with where its group closed and ended, in old indices (triples). */
  replacedGroups: number[];
}

/** How far past the edit the first scan reads: an edit rarely changes tokens beyond its next line. */
const WINDOW = 4096;

/** Which tokens `watch` is asked about: those replaced, their replacements, and the one either side. */
export type Side = 'old' | 'new' | 'edge';

/**
 * Updates `tk` after `edit`: its text (`tk.text`, already edited) has `lineStarts`, `lineDelta` lines more than
 * before. `watch` is asked about the text of every token replaced and of their replacements, in order, and of
 * one either side (`edge`); `watched` says whether it answered true for one.
 */
export function retokenize(tk: Tokens, lineStarts: number[], edit: OffsetEdit, lineDelta: number, watch: (token: string, side: Side) => boolean): Retokenized {
  const n = tk.n;
  const source = tk.text;
  const delta = edit.text.length - (edit.end - edit.start);
  const insertedEnd = edit.start + edit.text.length;
  // Line starts up to the edit are the same in the old and the new text.
  const lineStart = lineStarts[lineAt(lineStarts, edit.start)];
  let from = tk.indexAt(lineStart);
  while (from > 0 && tk.end[from - 1] >= lineStart) from--;
  // A multi-line string left open before the edit read the rest of the text looking for its end, so the edit
  // may have given it one: scan again from it then. Only an edit that writes, removes or touches a character
  // such an end is made of can (typing a word below a stray `"""` cannot, and must not re-scan up to it).
  if (tk.firstOpenEnded < from && mayEndOpenString(source, tk.start[tk.firstOpenEnded], edit, insertedEnd, tk.language)) from = tk.firstOpenEnded;

  // Scan the new text into a scratch list, seeded with the last kept token (the scanner looks one token back).
  // The scan reads a window of the text; when that was not enough to meet the old tokens again, or a string
  // in it was left open (its end may lie beyond), it reads the rest of the text.
  const base = from > 0 ? tk.end[from - 1] : 0;
  const seed = from > 0 ? 1 : 0;
  let scratch: Tokens;
  let oldTo: number;
  let resynced: boolean;
  for (let windowEnd = Math.min(source.length, insertedEnd + WINDOW); ; windowEnd = source.length) {
    scratch = new Tokens(source, tk.language, lineStarts, 64);
    if (seed) scratch.push(tk.kind[from - 1], tk.start[from - 1], tk.end[from - 1], tk.line[from - 1], tk.first[from - 1] === 1);
    oldTo = n;
    resynced = false;
    scanFrom(scratch, source.slice(base, windowEnd), base, (sc) => {
      const j = sc.n - 1;
      if (!sc.first[j] || lineStarts[sc.line[j]] - 1 < insertedEnd) return false;
      const os = sc.start[j] - delta;
      const m = tk.indexAt(os);
      if (m < n && tk.start[m] === os && tk.end[m] === sc.end[j] - delta && tk.kind[m] === sc.kind[j] && tk.first[m]) {
        oldTo = m;
        resynced = true;
        return true;
      }
      return false;
    });
    if (windowEnd === source.length) break;
    let openEnded = false;
    for (let j = seed; j < scratch.n && !openEnded; j++) openEnded = isOpenEnded(scratch, j);
    if (resynced && !openEnded) break;
  }
  const count = scratch.n - seed - (resynced ? 1 : 0);
  const newTo = from + count;
  const dt = count - (oldTo - from);

  // The old tokens' text: the new text, with the removed part back.
  const oldText = (a: number, b: number) =>
    (a < edit.start ? source.slice(a, Math.min(b, edit.start)) : '') +
    (a < edit.end && b > edit.start ? edit.removed.slice(Math.max(a, edit.start) - edit.start, Math.min(b, edit.end) - edit.start) : '') +
    (b > edit.end ? source.slice(Math.max(a, edit.end) + delta, b + delta) : '');
  let watched = false;
  for (let i = Math.max(0, from - 1); i < Math.min(n, oldTo + 1); i++) if (watch(oldText(tk.start[i], tk.end[i]), i < from || i >= oldTo ? 'edge' : 'old')) watched = true;

  // Prefix groups still open at `from` were closed (if at all) by a later token: their links move with it.
  // (An opener is a token with an extent: others have -1; the old text is not at hand to ask.)
  for (let x = from > 0 ? (tk.extent[from - 1] >= 0 ? from - 1 : tk.up[from - 1]) : -1; x >= 0; x = tk.up[x]) {
    if (tk.closeOf[x] >= oldTo) tk.closeOf[x] += dt;
    if (tk.extent[x] >= oldTo) tk.extent[x] += dt;
  }

  const oldFirstOpenEnded = tk.firstOpenEnded;
  // How far the re-scanned groups reached: links to them can be found only before that.
  let reach = 0;
  for (let i = from; i < oldTo; i++) if (tk.extent[i] >= 0) reach = Math.max(reach, tk.extent[i] + 1);
  const replacedGroups: number[] = [];
  for (let i = from; i < oldTo; i++) if (tk.extent[i] >= 0) replacedGroups.push(i, tk.closeOf[i], tk.extent[i]);
  const nNew = n + dt;
  tk.reserve(nNew);
  if (dt !== 0) {
    for (const a of [tk.kind, tk.start, tk.end, tk.line, tk.first, tk.closeOf, tk.extent, tk.up]) a.copyWithin(newTo, oldTo, n);
  }
  for (let t = 0; t < count; t++) {
    const i = from + t;
    const j = seed + t;
    tk.kind[i] = scratch.kind[j];
    tk.start[i] = scratch.start[j];
    tk.end[i] = scratch.end[j];
    tk.line[i] = scratch.line[j];
    tk.first[i] = scratch.first[j];
  }
  // The kept tokens after the edit: new offsets, lines and indices (most keystrokes change only offsets).
  const { start, end, line, closeOf, extent, up } = tk;
  if (delta !== 0) {
    for (let i = newTo; i < nNew; i++) {
      start[i] += delta;
      end[i] += delta;
    }
  }
  if (lineDelta !== 0) for (let i = newTo; i < nNew; i++) line[i] += lineDelta;
  if (dt !== 0) {
    for (let i = newTo; i < nNew; i++) {
      if (closeOf[i] >= 0) closeOf[i] += dt;
      if (extent[i] >= 0) extent[i] += dt;
      const u = up[i];
      if (u >= oldTo) up[i] = u + dt;
      else if (u >= from) up[i] = GONE;
    }
  } else {
    // Only links to re-scanned groups change, and only tokens inside those groups have them.
    for (let i = newTo; i < Math.min(nNew, reach); i++) if (up[i] >= from && up[i] < oldTo) up[i] = GONE;
  }
  tk.n = nNew;
  tk.lineStarts = lineStarts;
  tk.hint = 0;

  for (let i = Math.max(0, from - 1); i < Math.min(nNew, newTo + 1); i++) if (watch(tk.text_(i), i < from || i >= newTo ? 'edge' : 'new')) watched = true;

  const previous: PreviousWalk = { from: newTo };
  const walked = rematchBrackets(tk, from, previous);
  tk.firstOpenEnded = firstOpenEnded(tk, from, newTo, oldFirstOpenEnded, oldTo, dt);
  return { from, oldTo, newTo, dt, changedTo: Math.max(walked + 1, newTo), regrouped: previous.regrouped ?? [], watched, replacedGroups };
}

/**
 * The characters an open multi-line string's end is found through, by language: its closing quote and, where
 * the scanner reads escapes in it, the backslash. (Go's raw strings and Java's text blocks have none; C#'s
 * verbatim and raw strings end at a `"`.)
 */
const STRING_END_CHARS: Record<Tokens['language'], RegExp> = {
  typescript: /[`\\]/,
  python: /["'\\]/,
  java: /["\\]/,
  csharp: /"/,
  go: /`/,
};
/** In a TypeScript template's `${…}`, also braces, strings (which end at a line break) and nested templates. */
const SUBSTITUTION_CHARS = /[{}$"'\r\n]/;

/**
 * Could `edit` end (or change the scan of) a multi-line string opened at `openedAt`, before it? Only through the
 * characters it inserted or removed, or those it brought together (either side of it in the new text). The
 * characters a TypeScript `${…}` is read through matter only when one opens between the string and the edit, or
 * the edit split or removed one.
 */
function mayEndOpenString(source: Tokens['text'], openedAt: number, edit: OffsetEdit, insertedEnd: number, language: Tokens['language']): boolean {
  const before = source.slice(Math.max(0, edit.start - 1), edit.start);
  const after = source.slice(insertedEnd, insertedEnd + 1);
  const touches = (chars: RegExp) => chars.test(edit.text) || chars.test(edit.removed) || chars.test(before + after);
  if (touches(STRING_END_CHARS[language])) return true;
  if (language !== 'typescript' || !touches(SUBSTITUTION_CHARS)) return false;
  // A `${` the old text had at the edit (split by an insertion, or removed) may have been one the scan entered.
  if ((before + edit.removed + after).includes('${')) return true;
  // Otherwise one before the edit in the new text (the same as the old up to the edit); past it, these
  // characters are plain text of the template.
  const substitution = source.indexOf('${', openedAt);
  return substitution !== -1 && substitution <= insertedEnd;
}

/** The first open-ended token after the splice (`oldFirst`: the one before it, in old indices). */
function firstOpenEnded(tk: Tokens, from: number, newTo: number, oldFirst: number, oldTo: number, dt: number): number {
  // Kept before the re-scanned tokens (see `mayEndOpenString`): still the first.
  if (oldFirst < from) return oldFirst;
  for (let i = from; i < newTo; i++) if (isOpenEnded(tk, i)) return i;
  if (oldFirst >= oldTo) return oldFirst + dt;
  // The old first one was re-scanned away: look for the next among the kept tokens.
  for (let i = newTo; i < tk.n; i++) if (isOpenEnded(tk, i)) return i;
  return tk.n;
}
