/**
 * The comment lines above an argument (or a CDKTF entry) that are its own, and go when a fix removes it. Terraform's
 * own writer, hclwrite, counts as an attribute's the comment after it on its line and its "lead comments": the whole
 * comment lines right above it, with no blank line between (`Body.RemoveAttribute` removes them with it). So do the
 * writers here, except where the comment is likely not about the argument alone, which then stays: one heading a
 * group (a blank line above it and another argument right below the removed one), and one that reads as code, a
 * commented-out argument (`# enable_bfd = true`, `// bfdMultiHop: 3,`), which is text of the user's kept aside,
 * not a note on the argument below it.
 */

/** How a language writes comments: the markers of a line comment, and whether it has `/* ... *\/` comments. */
export interface CommentSyntax {
  line: readonly string[];
  block: boolean;
}

export const HCL_COMMENTS: CommentSyntax = { line: ['#', '//'], block: true };

/** Is the line only (part of) a comment? */
function commentLine(syntax: CommentSyntax, text: string): boolean {
  const t = text.trim();
  if (syntax.line.some((m) => t.startsWith(m))) return true;
  return syntax.block && (t.startsWith('/*') || /^\*(\s|\/|$)/.test(t));
}

/** Does the comment on lines `from`..`to` begin and end there (not part of a block comment begun above or ending below)? */
function wholeComment(syntax: CommentSyntax, from: number, to: number, line: (l: number) => string): boolean {
  if (!syntax.block) return true;
  let text = '';
  for (let l = from; l <= to; l++) text += line(l) + '\n';
  for (let i = 0; i < text.length; i++) {
    if (syntax.line.some((m) => text.startsWith(m, i))) i = text.indexOf('\n', i);
    else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return false;
      i = close + 1;
    } else if (text[i].trim() !== '') return false;
  }
  return true;
}

/**
 * Does a comment line read as code: one argument or entry (`enable_bfd = true`, `"create": "5m",`,
 * `Status: jsii.String("x"),`, `.status("x")`) or a block's opener (`timeouts {`)? Prose with a colon and more than
 * one word after it (`Note: tuned for the VBR`) does not. An ignore comment is about the line below it: not code.
 */
function commentedOutCode(text: string): boolean {
  const t = text.trim().replace(/^(#|\/\/|\/\*+|\*)\s*/, '').replace(/\*\/$/, '').trim();
  if (t.includes('alicloud-bgp-ignore')) return false;
  return /^(\.?[A-Za-z_$][\w$-]*|"[^"]*"|'[^']*')\s*(?:[=:]\s*("[^"]*"|'[^']*'|\S+)|\(.*\)|\{)\s*[,;)]*$/.test(t);
}

/**
 * The first line of the comment that is the own of the argument on lines `first`..`last` (`first` when there is
 * none): the comment lines right above it, up to a blank line, a line of code or a commented-out argument, and never
 * the opener's line (`open`). A comment with a blank line above it is taken to head a group, and is not the
 * argument's, when another argument follows the removed one directly (`next`, the first line of the following one).
 */
export function ownCommentFrom(syntax: CommentSyntax, first: number, last: number, open: number, next: number | undefined, line: (l: number) => string): number {
  let from = first;
  while (from - 1 > open && commentLine(syntax, line(from - 1)) && !commentedOutCode(line(from - 1))) from--;
  if (from === first || !wholeComment(syntax, from, first - 1, line)) return first;
  const blankAbove = from - 1 > open && line(from - 1).trim() === '';
  return blankAbove && next === last + 1 ? first : from;
}
