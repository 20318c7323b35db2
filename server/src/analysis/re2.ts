/**
 * Is a string a valid Go regular expression (RE2 syntax, as `name_regex` is read by the provider)? The pattern
 * is rewritten into an equivalent JavaScript one where the syntaxes differ and then compiled, and what RE2 does
 * not have (lookaround, backreferences, `\u`, repeat counts over 1000) is refused first:
 * - `(?P<name>…)`, `(?<name>…)` → `(…)`, the name checked as Go checks it (ASCII letters, digits and `_`; one
 *   name twice is allowed, as in Go); flag groups `(?i)`, `(?i:…)`, `(?-s:…)` → nothing / `(?:…)`;
 * - `[[:alpha:]]` (POSIX classes), `\pL`, `\p{Greek}` (checked by name, `UNICODE_CLASSES`) → a class JavaScript accepts;
 * - `\A`, `\z` → `^`, `$`; `\Q…\E` → the text escaped; `\x{1F600}` → `\u{1F600}`; `\123` (octal) → a character;
 * - an escaped punctuation character (`\-`, `\:`), which RE2 allows anywhere → `\xHH`;
 * - `]` first in a class (`[]a]`) is a literal in RE2.
 * Written against Go's regexp/syntax documentation; a pattern is judged, never run. Where Go changed, the current
 * Go decides (the provider's builds follow it): `(?<name>…)` (Go 1.22) and `\p{Letter}`, `\p{latin}` (Go 1.25) are
 * accepted, though Go 1.19 refused them.
 */

const POSIX = new Set(['alnum', 'alpha', 'ascii', 'blank', 'cntrl', 'digit', 'graph', 'lower', 'print', 'punct', 'space', 'upper', 'word', 'xdigit']);
const FLAGS = /^\(\?(-?[imsU]+|[imsU]+-[imsU]+)(\)|:)/;
const JS_SYNTAX = new Set('^$\\.*+?()[]{}|/');

/**
 * The names `\p{…}` takes in current Go (regexp/syntax `unicodeTable`, Go 1.25): the general categories of package
 * unicode with `LC` and `Cn`, their Unicode aliases (`unicode.CategoryAliases`: `Letter`, `Uppercase_Letter`…),
 * the scripts (Unicode 15, as Go 1.21 on, and the scripts Unicode 16 adds, so that a newer Go is not contradicted),
 * and `Any`, `Assigned`, `ASCII`. Looked up as Go does (`canonical`): case aside, without `_`, `-` and spaces.
 * Anything else (`\p{Foo}`, `\p{Script=Greek}`, `\p{IsGreek}`) is an "invalid character class range".
 */
const UNICODE_CLASSES = new Set(
  [
    'Any Assigned ASCII',
    'C Cc Cf Cn Co Cs L LC Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs',
    'Other Control cntrl Format Unassigned Private_Use Surrogate Letter Cased_Letter Lowercase_Letter Modifier_Letter',
    'Other_Letter Titlecase_Letter Uppercase_Letter Mark Combining_Mark Spacing_Mark Enclosing_Mark Nonspacing_Mark',
    'Number Decimal_Number digit Letter_Number Other_Number Punctuation punct Connector_Punctuation Dash_Punctuation',
    'Close_Punctuation Final_Punctuation Initial_Punctuation Other_Punctuation Open_Punctuation Symbol Currency_Symbol',
    'Modifier_Symbol Math_Symbol Other_Symbol Separator Line_Separator Paragraph_Separator Space_Separator',
    // Scripts: Go 1.19's (Unicode 13), then Unicode 14, 15 and 16's.
    'Adlam Ahom Anatolian_Hieroglyphs Arabic Armenian Avestan Balinese Bamum Bassa_Vah Batak Bengali Bhaiksuki Bopomofo',
    'Brahmi Braille Buginese Buhid Canadian_Aboriginal Carian Caucasian_Albanian Chakma Cham Cherokee Chorasmian Common',
    'Coptic Cuneiform Cypriot Cyrillic Deseret Devanagari Dives_Akuru Dogra Duployan Egyptian_Hieroglyphs Elbasan Elymaic',
    'Ethiopic Georgian Glagolitic Gothic Grantha Greek Gujarati Gunjala_Gondi Gurmukhi Han Hangul Hanifi_Rohingya Hanunoo',
    'Hatran Hebrew Hiragana Imperial_Aramaic Inherited Inscriptional_Pahlavi Inscriptional_Parthian Javanese Kaithi',
    'Kannada Katakana Kayah_Li Kharoshthi Khitan_Small_Script Khmer Khojki Khudawadi Lao Latin Lepcha Limbu Linear_A',
    'Linear_B Lisu Lycian Lydian Mahajani Makasar Malayalam Mandaic Manichaean Marchen Masaram_Gondi Medefaidrin',
    'Meetei_Mayek Mende_Kikakui Meroitic_Cursive Meroitic_Hieroglyphs Miao Modi Mongolian Mro Multani Myanmar Nabataean',
    'Nandinagari New_Tai_Lue Newa Nko Nushu Nyiakeng_Puachue_Hmong Ogham Ol_Chiki Old_Hungarian Old_Italic',
    'Old_North_Arabian Old_Permic Old_Persian Old_Sogdian Old_South_Arabian Old_Turkic Oriya Osage Osmanya Pahawh_Hmong',
    'Palmyrene Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic Samaritan Saurashtra Sharada Shavian Siddham',
    'SignWriting Sinhala Sogdian Sora_Sompeng Soyombo Sundanese Syloti_Nagri Syriac Tagalog Tagbanwa Tai_Le Tai_Tham',
    'Tai_Viet Takri Tamil Tangut Telugu Thaana Thai Tibetan Tifinagh Tirhuta Ugaritic Vai Wancho Warang_Citi Yezidi Yi',
    'Zanabazar_Square',
    'Cypro_Minoan Old_Uyghur Tangsa Toto Vithkuqi Kawi Nag_Mundari',
    'Garay Gurung_Khema Kirat_Rai Ol_Onal Sunuwar Todhri Tulu_Tigalari',
  ]
    .join(' ')
    .split(' ')
    .map(canonical),
);

/** A `\p` name as Go looks it up: ASCII letters in one case, without `_`, `-` and spaces. */
function canonical(name: string): string {
  return name.replace(/[_\- ]/g, '').replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** A capture group's name as Go allows it (`isValidCaptureName`). */
const CAPTURE_NAME = /^[A-Za-z0-9_]+$/;

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
        // `\p{Name}` to the first `}`, or `\pN`: one character (a code point), as Go reads them; `^` negates.
        let name: string;
        let length: number;
        if (p[i + 2] === '{') {
          const end = p.indexOf('}', i + 3);
          if (end === -1) return undefined;
          name = p.slice(i + 3, end);
          length = end + 1 - i;
        } else {
          const cp = p.codePointAt(i + 2);
          if (cp === undefined) return undefined;
          name = String.fromCodePoint(cp);
          length = 2 + name.length;
        }
        if (!UNICODE_CLASSES.has(canonical(name.startsWith('^') ? name.slice(1) : name))) return undefined;
        // Any named class stands for some characters: `\w` keeps the class's place in a range check.
        out += n === 'p' ? '\\w' : '\\W';
        i += length;
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
      // A named group, its name to the first `>` (a lookbehind `(?<=` is a bad name). A plain group in JavaScript,
      // which refuses a name used twice, or starting with a digit, where Go takes both.
      if (rest.startsWith('(?P<') || rest.startsWith('(?<')) {
        const end = rest.indexOf('>');
        if (end === -1 || !CAPTURE_NAME.test(rest.slice(rest[2] === 'P' ? 4 : 3, end))) return undefined;
        out += '(';
        i += end + 1;
        continue;
      }
      // `(?:` is common to both; lookaround, `(?>`, `(?#` and the rest are not RE2.
      if (rest.startsWith('(?:')) {
        out += '(?:';
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
