/**
 * A JSON-RPC message body (UTF-8 bytes) to its message, without a copy of the body as a string.
 *
 * `JSON.parse(bytes.toString())` holds a large document three times while it is read: the bytes, the body as
 * a string (two bytes per character as soon as the text has one character past U+00FF) and the document's
 * text that `JSON.parse` makes of it. Opening a 2.3 MB file that way put 12 MB on top of what the server
 * holds, and that was its memory peak. Nearly all of such a body is one string literal, the document's text:
 * here that literal is unescaped where it lies, in the bytes, and read into the text when first asked for
 * (`lazyText`); the rest of the message (uri, version…) is parsed as usual with a placeholder in its place.
 */

/** Bodies from this size are decoded the frugal way; smaller ones do not pay for the extra scans. */
export const LARGE_BODY = 256 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The message in `bytes`. Throws a `SyntaxError` on JSON that `JSON.parse` would refuse. `bytes` may be
 * changed (a large body is unescaped where it lies): the reader hands over bytes nobody else reads.
 */
export function decodeBody(bytes: Buffer): unknown {
  if (bytes.length >= LARGE_BODY) {
    const literal = largestValueString(bytes);
    // Not worth it unless the literal is most of the body (a large array of small strings, say).
    if (literal && literal.end - literal.start >= bytes.length / 2) return withLargeString(bytes, literal.start, literal.end);
  }
  return JSON.parse(bytes.toString('utf8'));
}

/**
 * Where the longest string literal is (`start` at its opening quote, `end` after its closing one), if it is a
 * value (not a key). Outside strings, a quote always opens one; inside, it closes it unless escaped.
 */
export function largestValueString(bytes: Buffer): { start: number; end: number } | undefined {
  let best: { start: number; end: number } | undefined;
  for (let open = bytes.indexOf(QUOTE); open >= 0; ) {
    let close = bytes.indexOf(QUOTE, open + 1);
    while (close >= 0 && escaped(bytes, close)) close = bytes.indexOf(QUOTE, close + 1);
    if (close < 0) return undefined; // an unterminated string: let JSON.parse say so
    if (!best || close + 1 - open > best.end - best.start) best = { start: open, end: close + 1 };
    open = bytes.indexOf(QUOTE, close + 1);
  }
  if (!best) return undefined;
  let after = best.end;
  while (after < bytes.length && isJsonSpace(bytes[after])) after++;
  return bytes[after] === 0x3a /* : */ ? undefined : best;
}

/** True when the quote at `at` is escaped: an odd number of backslashes right before it. */
function escaped(bytes: Buffer, at: number): boolean {
  let n = 0;
  while (at - 1 - n >= 0 && bytes[at - 1 - n] === BACKSLASH) n++;
  return n % 2 === 1;
}

function isJsonSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/** The message, the literal at [start, end) read into one string. `bytes` is unescaped in place (and so spoiled). */
function withLargeString(bytes: Buffer, start: number, end: number): unknown {
  // The rest of the message first, with a placeholder no client sends: while it fails, nothing is spoiled.
  const placeholder = `\u0000alicloud-bgp:${Math.random().toString(36).slice(2)}\u0000`;
  const skeleton = bytes.toString('utf8', 0, start) + JSON.stringify(placeholder) + bytes.toString('utf8', end);
  const message: unknown = JSON.parse(skeleton);
  const slot = placeholderSlot(message, placeholder);
  if (!slot) return JSON.parse(bytes.toString('utf8'));
  const utf8 = bytes.subarray(start + 1, unescapeInPlace(bytes, start + 1, end - 1));
  if (slot.holder === undefined) return utf8.toString('utf8');
  lazyText(slot.holder, slot.key, utf8);
  return message;
}

/**
 * Under this symbol, an object of a decoded message holds the UTF-8 bytes of its large string (`utf8Of`).
 * Not enumerable: the message reads as `JSON.parse` would give it.
 */
const UTF8 = Symbol('utf8');

/**
 * `holder[key]` read from `utf8` when first read: a file closed and opened again is compared with the parse the
 * server kept through these bytes (`utf8Of`), and the text, two bytes per character as soon as one character
 * is past U+00FF (4.6 MB for the 2.3 MB benchmark module), is then never made.
 */
function lazyText(holder: Record<string, unknown>, key: string, utf8: Buffer): void {
  // Once read (or replaced), the string stands alone: the bytes, the whole message body, can go.
  const settle = (value: unknown): void => {
    Object.defineProperty(holder, key, { value, writable: true, enumerable: true, configurable: true });
    delete (holder as { [UTF8]?: unknown })[UTF8];
  };
  Object.defineProperty(holder, key, {
    configurable: true,
    enumerable: true,
    get() {
      const text = utf8.toString('utf8');
      settle(text);
      return text;
    },
    set: settle,
  });
  Object.defineProperty(holder, UTF8, { value: { key, utf8 }, configurable: true });
}

/** The UTF-8 bytes `holder[key]` is read from, when the decoder left that string to be read when needed. */
export function utf8Of(holder: object, key: string): Uint8Array | undefined {
  const lazy = (holder as { [UTF8]?: { key: string; utf8: Uint8Array } })[UTF8];
  return lazy?.key === key ? lazy.utf8 : undefined;
}

/**
 * Where the placeholder is: the object or array holding it and its key (no holder: the message is the
 * placeholder itself). Walked with a stack of its own, not recursively: JSON nests as deep as it likes.
 */
function placeholderSlot(message: unknown, placeholder: string): { holder?: Record<string, unknown>; key: string } | undefined {
  if (message === placeholder) return { key: '' };
  const stack: unknown[] = [message];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    const holder = value as Record<string, unknown>;
    for (const key of Object.keys(holder)) {
      const v = holder[key];
      if (v === placeholder) return { holder, key };
      if (v !== null && typeof v === 'object') stack.push(v);
    }
  }
  return undefined;
}

/**
 * Unescapes the JSON string content at [from, to) where it lies, returning where the result ends. Output never
 * outgrows input (`\n` → 1 byte, `\uXXXX` → at most 3, a surrogate pair's 12 → 4). A lone surrogate, which
 * UTF-8 cannot carry, becomes U+FFFD: one UTF-16 unit for another, so positions in the text stay right.
 */
export function unescapeInPlace(bytes: Buffer, from: number, to: number): number {
  let w = from;
  let r = from;
  while (r < to) {
    const b = bytes[r];
    if (b !== BACKSLASH) {
      if (b < 0x20) throw new SyntaxError(`Bad control character in string literal in JSON at position ${r}`);
      bytes[w++] = b;
      r++;
      continue;
    }
    const e = bytes[r + 1];
    r += 2;
    switch (e) {
      case 0x22: bytes[w++] = 0x22; break; // "
      case 0x5c: bytes[w++] = 0x5c; break; // \
      case 0x2f: bytes[w++] = 0x2f; break; // /
      case 0x62: bytes[w++] = 0x08; break; // b
      case 0x66: bytes[w++] = 0x0c; break; // f
      case 0x6e: bytes[w++] = 0x0a; break; // n
      case 0x72: bytes[w++] = 0x0d; break; // r
      case 0x74: bytes[w++] = 0x09; break; // t
      case 0x75: { // u
        let c = hex4(bytes, r, to);
        r += 4;
        if (c >= 0xd800 && c <= 0xdbff && bytes[r] === BACKSLASH && bytes[r + 1] === 0x75) {
          const low = hex4(bytes, r + 2, to);
          if (low >= 0xdc00 && low <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
            r += 6;
          }
        }
        if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
        w = writeUtf8(bytes, w, c);
        break;
      }
      default:
        throw new SyntaxError(`Bad escaped character in JSON at position ${r - 1}`);
    }
  }
  return w;
}

function hex4(bytes: Buffer, at: number, to: number): number {
  if (at + 4 > to) throw new SyntaxError(`Bad Unicode escape in JSON at position ${at}`);
  let v = 0;
  for (let i = at; i < at + 4; i++) {
    const h = bytes[i];
    const d = h >= 0x30 && h <= 0x39 ? h - 0x30 : h >= 0x61 && h <= 0x66 ? h - 0x57 : h >= 0x41 && h <= 0x46 ? h - 0x37 : -1;
    if (d < 0) throw new SyntaxError(`Bad Unicode escape in JSON at position ${at}`);
    v = (v << 4) | d;
  }
  return v;
}

function writeUtf8(bytes: Buffer, w: number, c: number): number {
  if (c < 0x80) bytes[w++] = c;
  else if (c < 0x800) {
    bytes[w++] = 0xc0 | (c >> 6);
    bytes[w++] = 0x80 | (c & 0x3f);
  } else if (c < 0x10000) {
    bytes[w++] = 0xe0 | (c >> 12);
    bytes[w++] = 0x80 | ((c >> 6) & 0x3f);
    bytes[w++] = 0x80 | (c & 0x3f);
  } else {
    bytes[w++] = 0xf0 | (c >> 18);
    bytes[w++] = 0x80 | ((c >> 12) & 0x3f);
    bytes[w++] = 0x80 | ((c >> 6) & 0x3f);
    bytes[w++] = 0x80 | (c & 0x3f);
  }
  return w;
}
