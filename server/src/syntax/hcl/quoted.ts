/**
 * Where a quoted HCL string ends on its line, and whether a line opens a heredoc, read from the text alone (no
 * lexer): for the writers' alignment and the cursor's bracket count, which look at a line or two, not at tokens.
 */

/** How deep in `${ … }` (or `%{ … }`) a string `quotedEnd` read was left where its line ended (0 when it closed). */
export interface OpenInterpolations {
  depth: number;
}

/**
 * Just past the `"` that closes the string whose text starts at `i`, or `end` when the line ends first. A
 * `${ … }` inside may hold strings of its own (`"${trimprefix(var.g, "[")}"`); `$${` is no interpolation.
 */
export function quotedEnd(text: string, i: number, end = text.length, open?: OpenInterpolations): number {
  let depth = 0;
  if (open) open.depth = 0;
  while (i < end) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') i += 3;
    else if ((c === '$' || c === '%') && text[i + 1] === '{') {
      depth++;
      i += 2;
    } else if (depth > 0 && c === '{') {
      depth++;
      i++;
    } else if (depth > 0 && c === '}') {
      depth--;
      i++;
    } else if (depth > 0 && c === '"') i = quotedEnd(text, i + 1, end);
    else if (c === '"') return i + 1;
    else i++;
  }
  if (open) open.depth = depth;
  return Math.min(i, end);
}

/**
 * The marker of the heredoc that `text` opens at `i` (`<<EOT`, `<<-EOT`), or undefined: read as the lexer reads an
 * opener (`heredocStart` in lexer.ts): the marker is an HCL identifier right after `<<` or `<<-`, and only blanks
 * follow it on the line (Terraform rejects blanks there, the lexer reports them and reads the heredoc all the same).
 * `<< EOT` opens none.
 */
export function heredocOpenerAt(text: string, i: number): string | undefined {
  return HEREDOC_OPENER.exec(text.slice(i))?.[1];
}

const HEREDOC_OPENER = /^<<-?([\p{ID_Start}_][\p{ID_Continue}-]*)[ \t]*\r?$/u;
