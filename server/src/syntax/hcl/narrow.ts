/**
 * Chunk texts at one byte per character wherever they can be. V8 stores a string at two bytes per character as
 * soon as one of its characters is above U+00FF, and a slice shares the storage of the string it was cut from:
 * one Chinese comment made a 2.3 MB file take 4.5 MB for as long as it was open. `narrowTexts` cuts the chunks
 * that hold no such character from a one-byte copy of the text, and gives the others a copy of their own.
 *
 * It costs ≈ 6 ms on the 2.3 MB benchmark file, which the server spends after its first answer
 * (`HclDocument.narrow`). It pays where the server's memory peaks: a file opened again, or a second large file,
 * arrives on top of what the first one keeps (the session peak of the 100,000-line benchmark file: 99–102 →
 * 97–99 MB).
 */
import { own } from './lexer';

/** Characters a one-byte (Latin-1) string cannot hold. */
const WIDE = /[^\u0000-\u00ff]/g;
const HAS_WIDE = /[^\u0000-\u00ff]/;

/**
 * `s` stored at one byte per character, or `s` itself when it holds a character above U+00FF. A string cut from
 * a text that holds one is stored at two bytes per character whatever its own characters, and so is any string
 * built from it (a JSON message).
 */
export function oneByte(s: string): string {
  return HAS_WIDE.test(s) ? s : Buffer.from(s, 'latin1').toString('latin1');
}

/**
 * The texts of the chunks starting at `starts` (ascending; the last one ends at the text's end), or
 * `undefined` when the text has no character above U+00FF: V8 then already stores it at one byte per
 * character, and plain slices of it are as small as they can be.
 */
export function narrowTexts(text: string, starts: readonly number[]): string[] | undefined {
  // All ASCII (the common case) is answered by one native pass, without the regular expression.
  if (Buffer.byteLength(text, 'utf8') === text.length) return undefined;
  WIDE.lastIndex = 0;
  let nextWide = WIDE.exec(text)?.index ?? -1;
  if (nextWide === -1) return undefined;
  // Latin-1 bytes are the characters themselves; the wide ones, mangled here, are never cut from this copy.
  const narrow = Buffer.from(text, 'latin1').toString('latin1');
  const texts: string[] = [];
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i];
    const to = i + 1 < starts.length ? starts[i + 1] : text.length;
    if (nextWide !== -1 && nextWide < from) {
      WIDE.lastIndex = from;
      nextWide = WIDE.exec(text)?.index ?? -1;
    }
    texts.push(nextWide !== -1 && nextWide < to ? own(text.slice(from, to)) : narrow.slice(from, to));
  }
  // A successful match is remembered, subject included, for `RegExp.lastMatch` and friends: one on a string
  // of our own lets the whole text go.
  WIDE.lastIndex = 0;
  WIDE.exec('\u0100');
  WIDE.lastIndex = 0;
  return texts;
}
