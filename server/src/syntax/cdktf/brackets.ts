/**
 * Bracket matching over the tokens, with the recovery rule for half-typed code: a group still open when a line
 * starts at or left of the indentation of the line that opened it (with anything but a closer or a continuation
 * operator) ends there, unclosed.
 *
 * Matching is a walk with a stack of open groups. Each token records the stack as a link (`Tokens.up`), so the
 * walk can resume at any token: after an edit it restarts at the first re-scanned token and stops as soon as its
 * stack equals the one the previous walk had at the same (shifted) token; from there on nothing can differ.
 */
import { IDENT, PUNCT } from './kinds';
import type { Tokens } from './tokens';

/** Tokens that may begin a continuation line without ending an open group (closers, `.`, binary operators). */
const CONTINUATION = new Set([
  // `{` alone on a line continues the expression before it (C# and Java put braces on their own line).
  '{', ')', ']', '}', '.', '?.', ',', ';', ':', '?', '+', '-', '*', '/', '%', '&&', '||', '??', '|', '&', '^', '=>', '==', '!=', '===', '!==', '<', '>', '<=', '>=', '**', '//', '=',
]);
/** Python words that continue an expression inside brackets (conditional expressions, comprehensions). */
const PY_CONTINUATION = new Set(['and', 'or', 'if', 'else', 'for', 'in', 'is', 'not', 'async']);

/** In a previous walk's links: a group that no longer exists (it was re-scanned). */
export const GONE = -2;

/** Matches the brackets of all tokens. */
export function matchBrackets(tk: Tokens): void {
  walk(tk, 0, [], undefined);
}

/**
 * The previous walk, for resuming: its links are still in `tk.up` from `from` on (shifted to the new indices,
 * `GONE` where they pointed at re-scanned tokens), and tokens before `from` are new.
 */
export interface PreviousWalk {
  from: number;
  /**
   * Filled in by the walk: the openers at or after `from` whose group now ends elsewhere (`closeOf`, `extent`),
   * ascending. Between `from` and the returned token the other tokens changed only their links (`up`): a group
   * left open above them now holds them, or no longer does.
   */
  regrouped?: number[];
}

/**
 * Resumes matching at token `at` (everything before it unchanged) and stops once the stack is the one the
 * previous walk had at the same token, at or after `previous.from`. Returns the last token walked.
 */
export function rematchBrackets(tk: Tokens, at: number, previous: PreviousWalk): number {
  return walk(tk, at, stackBefore(tk, at), previous);
}

/** The open groups before token `at` (bottom first), from the links. */
function stackBefore(tk: Tokens, at: number): number[] {
  const out: number[] = [];
  if (at === 0) return out;
  let x = isOpener(tk, at - 1) ? at - 1 : tk.up[at - 1];
  while (x >= 0) {
    out.push(x);
    x = tk.up[x];
  }
  return out.reverse();
}

function isOpener(tk: Tokens, i: number): boolean {
  if (tk.kind[i] !== PUNCT || tk.end[i] - tk.start[i] !== 1) return false;
  const c = tk.text.charCodeAt(tk.start[i]);
  return c === 40 || c === 91 || c === 123;
}

function walk(tk: Tokens, from: number, stack: number[], previous: PreviousWalk | undefined): number {
  const n = tk.n;
  const python = tk.language === 'python';
  // Characters are read going forward, most in the piece of the last read: no piece lookup per read.
  const chars = tk.text.reader();
  const indent = stack.map((o) => tk.indentOfLine(tk.line[o], chars));
  const { closeOf, extent, up } = tk;
  // The previous walk's links of the tokens walked again (they are overwritten as the walk goes), in a typed
  // array kept from walk to walk and grown by doubling: a walk to the end of a 5,000-construct file saves
  // 250,000, and an array grown by pushes was a third of that walk.
  let before = scratch;
  let saved = 0;
  const resumeAt = previous ? previous.from : n;
  const regrouped: number[] | undefined = previous ? (previous.regrouped = []) : undefined;
  const pop = (at: number, closed: boolean) => {
    const open = stack.pop()!;
    indent.pop();
    const close = closed ? at : -1;
    // An old opener keeps its old links until it is popped: compare before overwriting.
    if (regrouped && open >= resumeAt && (closeOf[open] !== close || extent[open] !== at)) regrouped.push(open);
    closeOf[open] = close;
    extent[open] = at;
  };
  // Where the walk stopped: where the stack became the previous walk's again, or the last token.
  let stopped = -1;
  for (let i = from; i < n; i++) {
    if (i >= resumeAt) {
      if (saved === before.length) before = grown(before);
      before[saved++] = up[i];
    }
    const single = tk.kind[i] === PUNCT && tk.end[i] - tk.start[i] === 1;
    const c = single ? chars.charCodeAt(tk.start[i]) : 0;
    const closer = c === 41 || c === 93 || c === 125; // ) ] }
    if (tk.first[i] && stack.length > 0) {
      const col = tk.visualColumn(i, chars);
      let continuation = closer;
      if (!continuation && (tk.kind[i] === PUNCT || (python && tk.kind[i] === IDENT))) {
        const word = tk.text_(i);
        continuation = CONTINUATION.has(word) || (tk.kind[i] === IDENT && PY_CONTINUATION.has(word));
      }
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        if (tk.line[top] === tk.line[i]) break;
        const ind = indent[indent.length - 1];
        if (closer ? col < ind : !continuation && col <= ind) pop(i, false);
        else break;
      }
    }
    if (c === 40 || c === 91 || c === 123) {
      up[i] = stack.length ? stack[stack.length - 1] : -1;
      stack.push(i);
      indent.push(tk.indentOfLine(tk.line[i], chars));
    } else {
      closeOf[i] = -1;
      extent[i] = -1;
      if (closer) {
        const want = c === 41 ? 40 : c === 93 ? 91 : 123;
        let k = stack.length - 1;
        while (k >= 0 && chars.charCodeAt(tk.start[stack[k]]) !== want) k--;
        // A stray closer (k < 0) closes nothing.
        if (k >= 0) {
          while (stack.length - 1 > k) pop(i, false);
          pop(i, true);
        }
      }
      up[i] = stack.length ? stack[stack.length - 1] : -1;
    }
    if (i >= resumeAt && sameStack(tk, i, stack, before, resumeAt)) {
      stopped = i;
      break;
    }
  }
  if (stopped < 0) {
    while (stack.length) pop(n, false);
    stopped = n - 1;
  }
  // Kept for the next walk unless large: one that ran to the end of a large file leaves its own to the collector.
  scratch = before.length <= SCRATCH_KEPT ? before : new Int32Array(SCRATCH_KEPT);
  // In order: the caller asks whether any lies within a construct's tokens.
  regrouped?.sort((a, b) => a - b);
  return stopped;
}

/** See `walk`: 256 KB at most stay between walks. */
const SCRATCH_KEPT = 1 << 16;
let scratch: Int32Array = new Int32Array(1024);

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(Math.max(16, a.length * 2));
  b.set(a);
  return b;
}

/** Is `stack` the stack the previous walk had after token `i`? */
function sameStack(tk: Tokens, i: number, stack: number[], before: Int32Array, resumeAt: number): boolean {
  // The previous walk's link of a token: saved when walked again, else still in `up` (tokens before the edit).
  const link = (x: number) => (x >= resumeAt ? before[x - resumeAt] : tk.up[x]);
  let x = stack.length && stack[stack.length - 1] === i ? i : link(i);
  let t = stack.length - 1;
  while (x >= 0 && t >= 0) {
    if (x !== stack[t]) return false;
    x = link(x);
    t--;
  }
  return x === -1 && t === -1;
}
