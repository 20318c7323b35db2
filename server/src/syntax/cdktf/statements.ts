/**
 * The statement of a value set after its construct is built (`peer.status = "x";`, `peer.addOverride("x", 1)`,
 * `peer.setX(…)`, `peer.put_timeouts(…)`), as the text a quick fix removes to take the set back: its lines when it
 * stands alone on them, else its own text, a comment after it on its line kept.
 *
 * Only a statement that can go alone: the first and last code on its lines, outside any `(` or `[`, and no body of
 * an `if`, `else`, loop or arrow written without braces (which would take the next statement instead), nor the
 * only statement of a Python block (which would be left empty). Read from the tokens when a quick fix is asked for,
 * never per keystroke.
 */
import type { Range } from '../../model/types';
import { Span } from '../../model/span';
import { IDENT, PUNCT } from './kinds';
import type { Found } from './laterSets';
import type { Tokens } from './tokens';

/** Keywords whose `( … )` a brace-less body may follow. */
const CONTROL = new Set(['if', 'for', 'foreach', 'while', 'using', 'lock', 'fixed', 'with']);
/** Keywords a brace-less body may follow directly. */
const BODY_BEFORE = new Set(['else', 'do']);

export function removableStatement(tk: Tokens, set: Found): Range | undefined {
  const first = statementStart(tk, set.at);
  let last = statementEnd(tk, set);
  if (last < 0) return undefined;
  const python = tk.language === 'python';
  if (!python && tk.is(last + 1, ';')) last++;
  if (!tk.first[first] || !alone(tk, first, last)) return undefined;
  if (python ? !pythonSafe(tk, first, last) : !cSafe(tk, first)) return undefined;
  return textOf(tk, first, last);
}

/** The first token of the set's expression: `this.p` / `self.p`, TypeScript's `(p as any)`. */
function statementStart(tk: Tokens, at: number): number {
  if (tk.is(at - 1, '.')) return at - 2;
  if (tk.language === 'typescript' && tk.is(at - 1, '(') && tk.isIdent(at + 1, 'as')) return at - 1;
  return at;
}

/** The last token of the set: its value's for an assignment, the call's `)` for a setter or override; -1 if open. */
function statementEnd(tk: Tokens, set: Found): number {
  if (!set.value || set.key === undefined) return -1;
  if (tk.is(set.at + set.key + 1, '=')) return set.at + set.value[1] - 1;
  const close = set.at + set.reach - 1;
  return close < tk.n && tk.is(close, ')') && openerOf(tk, close) > set.at ? close : -1;
}

/** No other code after the statement on its last line, and nothing that would continue it on the next. */
function alone(tk: Tokens, first: number, last: number): boolean {
  const next = last + 1;
  if (next >= tk.n) return true;
  if (tk.line[next] === tk.line[last]) return false;
  if (tk.language === 'python' || tk.language === 'go' || tk.is(last, ';')) return true;
  // A line may go on with a `.`, `(` or an operator where semicolons are left out (TypeScript); a `}` ends a block.
  return tk.kind[next] !== PUNCT || tk.is(next, '}');
}

/** C family: in a block (`{`), after a statement or the block's opener, not as the body of a brace-less `if`. */
function cSafe(tk: Tokens, first: number): boolean {
  const group = tk.up[first];
  if (group >= 0 && !tk.is(group, '{')) return false;
  const prev = first - 1;
  if (prev < 0 || tk.is(prev, ';') || tk.is(prev, '{') || tk.is(prev, '}')) return true;
  // Java and C# end every statement with `;`: anything else before is what the statement belongs to.
  if (tk.language === 'java' || tk.language === 'csharp') return false;
  // TypeScript and Go may end a statement with the line.
  if (tk.kind[prev] === IDENT) return !BODY_BEFORE.has(tk.text_(prev));
  if (tk.is(prev, ']')) return true;
  if (tk.is(prev, ')')) {
    const open = openerOf(tk, prev);
    return open >= 0 && !(tk.kind[open - 1] === IDENT && CONTROL.has(tk.text_(open - 1)));
  }
  return tk.kind[prev] !== PUNCT;
}

/** The `(` a `)` closes, searched back from it (for one statement, when a fix is asked for). */
function openerOf(tk: Tokens, close: number): number {
  for (let k = close - 1; k >= 0; k--) if (tk.closeOf[k] === close) return k;
  return -1;
}

/** Python: outside brackets, and not the only statement of the block a `:` opens. */
function pythonSafe(tk: Tokens, first: number, last: number): boolean {
  if (tk.up[first] >= 0) return false;
  if (!tk.is(first - 1, ':')) return true;
  const next = last + 1;
  return next < tk.n && tk.visualColumn(next) === tk.visualColumn(first);
}

/** The statement's lines when nothing else is on them, else its text and the blanks after it. */
function textOf(tk: Tokens, first: number, last: number): Range {
  const startLine = tk.line[first];
  const endLine = tk.pos(tk.end[last]).line;
  const lineStart = tk.lineStarts[startLine];
  const before = tk.text.slice(lineStart, tk.start[first]);
  const lineEnd = endLine + 1 < tk.lineStarts.length ? tk.lineStarts[endLine + 1] : tk.text.length;
  const after = tk.text.slice(tk.end[last], lineEnd);
  if (before.trim() === '' && after.trim() === '') {
    if (endLine + 1 < tk.lineStarts.length) return new Span(startLine, 0, endLine + 1, 0);
    // The file's last line: the line break before it goes instead.
    if (startLine > 0) {
      const prev = tk.pos(tk.lineStarts[startLine] - 1);
      const end = tk.pos(lineEnd);
      return new Span(prev.line, prev.character - (tk.text.charCodeAt(tk.lineStarts[startLine] - 2) === 13 ? 1 : 0), end.line, end.character);
    }
  }
  const blanks = /^[ \t]*/.exec(after)![0].length;
  const s = tk.pos(tk.start[first]);
  const e = tk.pos(tk.end[last] + blanks);
  return new Span(s.line, s.character, e.line, e.character);
}
