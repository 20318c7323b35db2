/**
 * Findings silenced where they are written: a comment `alicloud-bgp-ignore: <code>[, <code>…]` (or `all`) on a
 * finding's first line, or on the line right above it, silences those codes there, as TFLint's `tflint-ignore`
 * does. For the one BGP peer a lab keeps at `bfd_multi_hop = 255` on purpose, without turning the rule off for
 * the whole workspace (that is the `severity` setting's job). Any comment syntax the file's language has:
 * `#`, `//`, `/*`. Text after the codes is free (`# alicloud-bgp-ignore: value-out-of-range -- lab device`).
 *
 * Read per published diagnostic, two lines each: no scan of the file, so a keystroke costs what it did. Where the
 * words are on a line, the file's lexer says whether they are in a comment (`SourceFile.commentAt`): the line
 * alone cannot show a string opened on an earlier line (a heredoc, a template literal, a triple-quoted string).
 */
import type { Language } from '../model/types';
import type { Diagnostic } from './diagnostic';
import type { SourceFile } from './sourceFile';

/** What the reader needs of a file: its lines, and where its lexer can tell, which positions are comments. */
export type Lines = Pick<SourceFile, 'language' | 'lineText' | 'commentAt' | 'continuesToken'>;

export const IGNORE_MARK = 'alicloud-bgp-ignore';

/** The comment and its list of codes; group 1 is the list. */
const COMMENT = /(?:#|\/\/|\/\*)[ \t]*alicloud-bgp-ignore:[ \t]*([a-z0-9-]+(?:[ \t]*,[ \t]*[a-z0-9-]+)*)/g;

/** The quotes that open a string on one line, per language. */
const QUOTES: Record<Language, string> = { hcl: '"', python: '"\'', typescript: '"\'`', java: '"\'', csharp: '"\'', go: '"\'`' };

/**
 * Is `at` outside the strings of `lineText`, read from the line's start? `"x # alicloud-bgp-ignore: all"` is a
 * value, not a comment. A string opened on an earlier line (a heredoc, a triple-quoted string) is not seen.
 */
function outsideStrings(lineText: string, at: number, language: Language): boolean {
  const quotes = QUOTES[language];
  let open = '';
  // A Go raw string (`...`) and a C# verbatim string (@"...") take a backslash as it is: no escape.
  let raw = false;
  for (let i = 0; i < at; i++) {
    const c = lineText[i];
    if (open) {
      if (c === '\\' && !raw) i++;
      else if (c === open) open = '';
    } else if (quotes.includes(c)) {
      open = c;
      raw = (language === 'go' && c === '`') || (language === 'csharp' && c === '"' && /@\$?$|\$@$/.test(lineText.slice(Math.max(0, i - 2), i)));
    }
    // A comment opened before: the rest of the line is comment, quotes and all.
    else if (c === '#' ? language === 'hcl' || language === 'python' : c === '/' && (lineText[i + 1] === '/' || lineText[i + 1] === '*')) return true;
  }
  return open === '';
}

/** What says the file could not be read or parsed is not a finding about a value: no comment hides it. */
const NOT_SILENCED = new Set(['syntax-error', 'file-too-large', 'binary-file', 'unsupported-encoding', 'unsupported-line-break']);

/**
 * The codes an ignore comment on this line names, and where its list ends; undefined without one. `commentAt`
 * (the file's lexer, where it has one) says whether a character of the line is in a comment; without it, the
 * line is read alone.
 */
export function ignoreCommentIn(
  lineText: string,
  language: Language,
  commentAt?: (character: number) => boolean | undefined,
): { codes: string[]; start: number; listEnd: number } | undefined {
  if (!lineText.includes(IGNORE_MARK)) return undefined;
  COMMENT.lastIndex = 0;
  for (let m = COMMENT.exec(lineText); m; m = COMMENT.exec(lineText)) {
    if (commentAt?.(m.index) ?? outsideStrings(lineText, m.index, language)) return { codes: m[1].split(',').map((c) => c.trim()), start: m.index, listEnd: m.index + m[0].length };
  }
  return undefined;
}

/** The ignore comment on `line` of `file`, read as `ignoreCommentIn` says. */
function ignoreCommentOn(file: Lines, line: number): ReturnType<typeof ignoreCommentIn> {
  if (line < 0) return undefined;
  const text = file.lineText(line);
  // The lexer is asked only on a line holding the words, a few lines of a file.
  if (!text.includes(IGNORE_MARK)) return undefined;
  return ignoreCommentIn(text, file.language, file.commentAt && ((character) => file.commentAt!(line, character)));
}

/** Is a finding of `code` starting on `line` silenced by a comment there or on the line above? */
export function isIgnored(code: string, line: number, file: Lines): boolean {
  if (NOT_SILENCED.has(code)) return false;
  const silences = (l: number): boolean => {
    const comment = ignoreCommentOn(file, l);
    return !!comment && (comment.codes.includes(code) || comment.codes.includes('all'));
  };
  return silences(line) || silences(line - 1);
}

/** `diagnostics` without those an ignore comment silences (the same array when none is). */
export function withoutIgnored(diagnostics: Diagnostic[], file: Lines): Diagnostic[] {
  if (diagnostics.length === 0) return diagnostics;
  // Several findings often share a line: each line is read once.
  const lines = new Map<number, string>();
  const read: Lines = {
    language: file.language,
    lineText: (l) => {
      let t = lines.get(l);
      if (t === undefined) lines.set(l, (t = file.lineText(l)));
      return t;
    },
    commentAt: file.commentAt && ((l, c) => file.commentAt!(l, c)),
  };
  const kept = diagnostics.filter((d) => !isIgnored(d.code, d.range.start.line, read));
  return kept.length === diagnostics.length ? diagnostics : kept;
}

const LINE_COMMENT: Record<Language, string> = { hcl: '#', python: '#', typescript: '//', java: '//', csharp: '//', go: '//' };

/**
 * The edit of the quick fix that silences `code` on `line`: the code added to an ignore comment alone on the
 * line above, or a new comment line above it, indented as the line is (a comment at the line's end after a Python
 * backslash continuation). Undefined for what no comment silences, or cannot.
 */
export function ignoreEdit(
  file: Lines,
  code: string,
  line: number,
  lineBreak: string,
): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string } | undefined {
  if (NOT_SILENCED.has(code)) return undefined;
  const { language } = file;
  const lineText = (l: number) => file.lineText(l);
  const before = line > 0 ? lineText(line - 1) : '';
  const above = ignoreCommentOn(file, line - 1);
  // Only a comment alone on its line is extended: one after code silences its own line too, where the added
  // code would silence that line's finding as well.
  if (above && before.slice(0, above.start).trim() === '') {
    const at = { line: line - 1, character: above.listEnd };
    return { range: { start: at, end: at }, newText: `, ${code}` };
  }
  const text = lineText(line);
  // A Python line continued by a backslash takes no comment line before it (the comment would end the
  // statement): the comment goes at the end of the line, unless that line is continued too.
  if (language === 'python' && line > 0 && /\\[ \t]*$/.test(lineText(line - 1))) {
    const end = text.trimEnd();
    if (end.endsWith('\\')) return undefined;
    const at = { line, character: end.length };
    return { range: { start: at, end: at }, newText: `  # ${IGNORE_MARK}: ${code}` };
  }
  // A line that begins inside a string spanning lines takes no comment line before it either (the comment would be
  // text of the string): the comment goes at its end, unless the string goes on past it.
  if (file.continuesToken?.(line)) {
    if (file.continuesToken(line + 1)) return undefined;
    const at = { line, character: text.trimEnd().length };
    return { range: { start: at, end: at }, newText: `  ${LINE_COMMENT[language]} ${IGNORE_MARK}: ${code}` };
  }
  const indent = /^[ \t]*/.exec(text)![0];
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${indent}${LINE_COMMENT[language]} ${IGNORE_MARK}: ${code}${lineBreak}` };
}
