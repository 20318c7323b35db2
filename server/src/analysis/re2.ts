/**
 * Is a string a valid Go regular expression (RE2 syntax, as `name_regex` is read by the provider)? The pattern
 * is rewritten into an equivalent JavaScript one where the syntaxes differ and then compiled, and what RE2 does
 * not have (lookaround, backreferences, `\u`, repeat counts over 1000) is refused first:
 * - `(?P<name>…)` → `(?<name>…)`; flag groups `(?i)`, `(?i:…)`, `(?-s:…)` → nothing / `(?:…)`;
 * - `[[:alpha:]]` (POSIX classes, checked by name), `\pL`, `\p{Greek}` → a class JavaScript accepts;
 * - `\A`, `\z` → `^`, `$`; `\Q…\E` → the text escaped; `\x{1F600}` → `\u{1F600}`; `\123` (octal) → a character;
 * - an escaped punctuation character (`\-`, `\:`), which RE2 allows anywhere → `\xHH`;
 * - `]` first in a class (`[]a]`) is a literal in RE2.
 * Written against Go's regexp/syntax documentation; a pattern is judged, never run.
 */

const POSIX = new Set(['alnum', 'alpha', 'ascii', 'blank', 'cntrl', 'digit', 'graph', 'lower', 'print', 'punct', 'space', 'upper', 'word', 'xdigit']);
const FLAGS = /^\(\?(-?[imsU]+|[imsU]+-[imsU]+)(\)|:)/;
const JS_SYNTAX = new Set('^$\\.*+?()[]{}|/');

export function isRe2(pattern: string): boolean {
  const js = toJavaScript(pattern);
  if (js === undefined) return false;
  try {
    new RegExp(js, 'u');
    return true;
  } catch {
    return false;
  }
}

const hex = (c: string) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

/** The pattern in JavaScript's syntax (u flag), or undefined when RE2 refuses it. */
function toJavaScript(p: string): string | undefined {
  let out = '';
  let inClass = false;
  for (let i = 0; i < p.length; ) {
    const c = p[i];
    if (c === '\\') {
      const n = p[i + 1];
      if (n === undefined) return undefined; // trailing backslash
      if (n === 'Q') {
        const end = p.indexOf('\\E', i + 2);
        const literal = p.slice(i + 2, end === -1 ? p.length : end);
        out += [...literal].map((ch) => (/[A-Za-z0-9\s]/.test(ch) || ch.charCodeAt(0) > 127 ? ch : hex(ch))).join('');
        i = end === -1 ? p.length : end + 2;
        continue;
      }
      if (n === 'p' || n === 'P') {
        const m = /^\\[pP](\{\^?[A-Za-z_]+\}|[A-Za-z])/.exec(p.slice(i));
        if (!m) return undefined;
        // Any named class stands for some characters: `\w` keeps the class's place in a range check.
        out += n === 'p' ? '\\w' : '\\W';
        i += m[0].length;
        continue;
      }
      if (n === 'x' && p[i + 2] === '{') {
        const m = /^\\x\{([0-9A-Fa-f]{1,6})\}/.exec(p.slice(i));
        if (!m || parseInt(m[1], 16) > 0x10ffff) return undefined;
        out += `\\u{${m[1]}}`;
        i += m[0].length;
        continue;
      }
      if (n >= '0' && n <= '7') {
        const m = /^\\([0-7]{1,3})/.exec(p.slice(i))!;
        // A single non-zero digit is a backreference, which RE2 does not have.
        if (m[1].length === 1 && n !== '0') return undefined;
        out += `\\u{${parseInt(m[1], 8).toString(16)}}`;
        i += m[0].length;
        continue;
      }
      if (n === 'b' && inClass) return undefined; // `[\b]` is not RE2
      // Assertions in a group of their own: RE2 lets a repetition follow one (`^*`), JavaScript only a group.
      if (n === 'A' && !inClass) out += '(?:^)';
      else if (n === 'z' && !inClass) out += '(?:$)';
      else if ((n === 'b' || n === 'B') && !inClass) out += `(?:\\${n})`;
      else if (/[dDsSwWbBfnrtvx]/.test(n)) out += c + n;
      else if (n === 'a') out += '\\x07'; // bell
      else if (/[A-Za-z0-9]/.test(n)) return undefined; // \u, \Z, \C, \8… are not RE2 escapes
      else out += JS_SYNTAX.has(n) ? c + n : hex(n);
      i += 2;
      continue;
    }
    if (inClass) {
      if (c === '[' && p[i + 1] === ':') {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(p.slice(i));
        if (m) {
          if (!POSIX.has(m[2])) return undefined;
          out += m[1] ? '\\W' : '\\w';
          i += m[0].length;
          continue;
        }
      }
      if (c === ']') inClass = false;
      // After a class (`\w`, `[:alpha:]`, `\pL`) a `-` is a literal in RE2, a bad range in JavaScript.
      if (c === '-' && /\\[wWdDsS]$/.test(out) && p[i + 1] !== ']') {
        out += '\\x2d';
        i++;
        continue;
      }
      out += c === '[' ? '\\[' : c;
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      i++;
      if (p[i] === '^') {
        out += '^';
        i++;
      }
      if (p[i] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (c === '(' && p[i + 1] === '?') {
      const rest = p.slice(i);
      const flags = FLAGS.exec(rest);
      if (flags) {
        // `(?i)` matches nothing, but a repetition may follow it: an empty group keeps its place.
        // (At the start of an alternative RE2 refuses that repetition, as JavaScript then does too.)
        out += flags[2] === ':' ? '(?:' : out === '' || /[|(:]$/.test(out) ? '' : '(?:)';
        i += flags[0].length;
        continue;
      }
      if (rest.startsWith('(?P<')) {
        out += '(?<';
        i += 4;
        continue;
      }
      // `(?:` and `(?<name>` are common to both; lookaround, `(?>`, `(?#` and the rest are not RE2.
      if (rest.startsWith('(?:') || /^\(\?<[A-Za-z_]/.test(rest)) {
        out += rest.startsWith('(?:') ? '(?:' : '(?<';
        i += 3;
        continue;
      }
      return undefined;
    }
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i));
      if (m && (Number(m[1]) > 1000 || (m[3] && Number(m[3]) > 1000))) return undefined;
      // A brace that is not a repeat count is a literal in RE2.
      out += m ? m[0] : '\\{';
      i += m ? m[0].length : 1;
      continue;
    }
    if (c === '^' || c === '$') {
      out += `(?:${c})`;
      i++;
      continue;
    }
    if (c === '}' || c === ']') {
      // Literals in RE2 where they close nothing.
      out += '\\' + c;
      i++;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
