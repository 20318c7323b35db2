/** Where the comments are, from the tokens, which leave out only comments and blanks. */
import type { Tokens } from './tokens';

/** Does a token begun before `offset` run past it: is a line starting there inside a string spanning lines? */
export function insideToken(tk: Tokens, offset: number): boolean {
  // The last token starting before `offset`.
  const i = tk.indexAt(offset) - 1;
  return i >= 0 && tk.end[i] > offset;
}

/**
 * Is the character at `offset`, not a blank, in a comment? No token holds it then: a comment opener written
 * inside a string (a triple-quoted string, a template literal or a raw string spanning lines) is held by the
 * string's token, one written in code (Python's `//`) by an operator's.
 */
export function inComment(tk: Tokens, offset: number): boolean {
  // The last token starting at or before `offset`.
  const i = tk.indexAt(offset + 1) - 1;
  return i < 0 || tk.end[i] <= offset;
}
