/**
 * A JSON text as a tree with where each value and key is written (LSP positions), for a Terraform JSON file whose
 * findings must be placed (`engine/tfJsonFile.ts`, `engine/tfvarsJsonFile.ts`). Read only from a text `JSON.parse`
 * accepted: no recovery. A key written twice is a member twice (`JSON.parse` keeps only the last).
 */
import type { Range } from '../model/types';

export type JsonNode =
  | { kind: 'object'; members: JsonMember[]; range: Range }
  | { kind: 'array'; items: JsonNode[]; range: Range }
  | { kind: 'literal'; value: string | number | boolean | null; range: Range };

export interface JsonMember {
  key: string;
  keyRange: Range;
  value: JsonNode;
}

/** A number (of any length) or a keyword, where a value starts. */
const WORD = /true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * How deep the tree goes: a value nested deeper (valid JSON, which `JSON.parse` reads at any depth) is one `null`
 * literal over its text, as nothing the analysis reads lies that deep, and every reader of the tree recurses.
 */
const MAX_DEPTH = 64;

/** The tree of `text`, which must be valid JSON. */
export function jsonTree(text: string): JsonNode {
  let i = 0;
  let line = 0;
  let lineStart = 0;
  let depth = 0;
  // Past the array or object opening at `i` (a valid one), without reading it.
  const skip = () => {
    for (let open = 0; ; ) {
      const c = text.charCodeAt(i++);
      if (c === 10) (line++, (lineStart = i));
      else if (c === 34) {
        // A string holds no line break, and its brackets are no brackets.
        while (text.charCodeAt(i) !== 34) i += text.charCodeAt(i) === 92 ? 2 : 1;
        i++;
      } else if (c === 123 || c === 91) open++;
      else if ((c === 125 || c === 93) && --open === 0) return;
    }
  };
  const here = () => ({ line, character: i - lineStart });
  const blanks = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 10) (i++, line++, (lineStart = i));
      else if (c === 32 || c === 9 || c === 13 || c === 0xfeff) i++;
      else return;
    }
  };
  // A JSON string holds no line break: its range is on one line.
  const string = (): { value: string; range: Range } => {
    const start = here();
    let j = i + 1;
    while (text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
    const value = JSON.parse(text.slice(i, j + 1)) as string;
    i = j + 1;
    return { value, range: { start, end: here() } };
  };
  const value = (): JsonNode => {
    blanks();
    const start = here();
    const c = text.charCodeAt(i);
    if ((c === 123 /* { */ || c === 91) /* [ */ && depth >= MAX_DEPTH) {
      skip();
      return { kind: 'literal', value: null, range: { start, end: here() } };
    }
    if (c === 123 /* { */ || c === 91 /* [ */) {
      i++;
      depth++;
      const members: JsonMember[] = [];
      const items: JsonNode[] = [];
      for (;;) {
        blanks();
        const d = text.charCodeAt(i);
        if (d === 125 || d === 93) {
          i++;
          break;
        }
        if (d === 44) {
          i++;
          continue;
        }
        if (c === 91) items.push(value());
        else {
          const key = string();
          blanks();
          i++; // the colon
          members.push({ key: key.value, keyRange: key.range, value: value() });
        }
      }
      depth--;
      const range = { start, end: here() };
      return c === 123 ? { kind: 'object', members, range } : { kind: 'array', items, range };
    }
    if (c === 34) {
      const s = string();
      return { kind: 'literal', value: s.value, range: s.range };
    }
    WORD.lastIndex = i;
    const word = WORD.exec(text)![0];
    i += word.length;
    return { kind: 'literal', value: word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : Number(word), range: { start, end: here() } };
  };
  return value();
}

/** An object node, or each object node of an array (Terraform's JSON syntax allows both for blocks). */
export function objectNodes(n: JsonNode | undefined): (JsonNode & { kind: 'object' })[] {
  if (!n) return [];
  if (n.kind === 'object') return [n];
  return n.kind === 'array' ? n.items.filter((x): x is JsonNode & { kind: 'object' } => x.kind === 'object') : [];
}

/** The plain value of a node, as `JSON.parse` gives it (the last of a key written twice). */
export function plainValue(n: JsonNode): unknown {
  if (n.kind === 'literal') return n.value;
  if (n.kind === 'array') return n.items.map(plainValue);
  const out: Record<string, unknown> = {};
  // Defined, as JSON.parse defines them: `out["__proto__"] = v` would set the prototype instead of a key.
  for (const m of n.members) Object.defineProperty(out, m.key, { value: plainValue(m.value), writable: true, enumerable: true, configurable: true });
  return out;
}

/**
 * Where `JSON.parse` stopped reading `text`, from its error: the one character at the position V8 names ("... in
 * JSON at position 11"), else the text's start.
 */
export function parseErrorRange(text: string, error: unknown): Range {
  const at = /at position (\d+)/.exec((error as Error).message);
  if (!at) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length - 1;
  const character = before.length - (before.lastIndexOf('\n') + 1);
  return { start: { line, character }, end: { line, character: character + 1 } };
}
