/**
 * A completion snippet as the plain text a client without snippet support inserts: each placeholder becomes its
 * default (`${1:10.0.0.2}` -> `10.0.0.2`, `${1|true,false|}` -> `true`), tab stops (`$1`, `${0}`) nothing, and
 * escaped characters (`\$`, `\}`, `\\`) themselves. Without it such a client writes `${1:…}` into the file.
 */
export function snippetText(snippet: string): string {
  let i = 0;
  const read = (end: string): string => {
    let text = '';
    while (i < snippet.length && !end.includes(snippet[i])) {
      const c = snippet[i];
      if (c === '\\' && i + 1 < snippet.length) {
        text += snippet[i + 1];
        i += 2;
      } else if (c === '$') {
        text += placeholder();
      } else {
        text += c;
        i++;
      }
    }
    return text;
  };
  // At a `$`: a tab stop, a placeholder or a choice, replaced by its default text.
  const placeholder = (): string => {
    i++;
    if (/\d/.test(snippet[i] ?? '')) {
      while (/\d/.test(snippet[i] ?? '')) i++;
      return '';
    }
    if (snippet[i] !== '{') return '$';
    i++;
    while (/\d/.test(snippet[i] ?? '')) i++;
    if (snippet[i] === '}') {
      i++;
      return '';
    }
    if (snippet[i] === ':') {
      i++;
      const text = read('}');
      i++;
      return text;
    }
    if (snippet[i] === '|') {
      i++;
      const first = read(',|');
      while (i < snippet.length && snippet[i] !== '|') i++;
      i += 2; // `|}`
      return first;
    }
    return '';
  };
  return read('');
}

/**
 * The text a client without snippet support inserts for a snippet completed on a line indented with `indent`: it
 * inserts the text as it is (an editor adjusts only a snippet's indentation), so the lines after the first are
 * written at that indentation, one `unit` more per leading tab of the snippet (a tab where the line is indented
 * with tabs), with the file's line breaks.
 */
export function plainSnippetText(snippet: string, indent: string, unit: string, eol: string): string {
  const lines = snippetText(snippet).split('\n');
  if (lines.length === 1) return lines[0];
  const step = indent.includes('\t') ? '\t' : unit;
  return lines.map((l, i) => (i === 0 ? l : indent + l.replace(/^\t+/, (tabs) => step.repeat(tabs.length)))).join(eol);
}

/** One level of indentation as the language's formatter writes it (`terraform fmt`, Prettier, PEP 8, gofmt...). */
export function indentUnit(language: string): string {
  return language === 'go' ? '\t' : language === 'hcl' || language === 'typescript' ? '  ' : '    ';
}
