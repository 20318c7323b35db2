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
