/**
 * A variable's `type` constraint (`list(number)`, `object({ name = string, hops = optional(number, 1) })`), read
 * from its text, and whether a literal value converts to it as Terraform converts an input variable's value
 * (go-cty's `convert`): primitives as `values.ts` says, a list or set from a tuple whose every element converts,
 * a map from an object whose every value converts, an object from an object holding every attribute the type does
 * not mark `optional` (others are dropped), a tuple from a tuple of as many elements. `any` takes anything, and
 * so do a reference, an expression and null: only literals are judged. A type that does not read is not judged.
 */
import type { Value } from '../model/types';
import { conformsTo, describeType } from './values';

export type TypeConstraint =
  | { kind: 'any' | 'string' | 'number' | 'bool' }
  | { kind: 'list' | 'set' | 'map'; element: TypeConstraint }
  | { kind: 'object'; attributes: ReadonlyMap<string, { type: TypeConstraint; optional: boolean }> }
  | { kind: 'tuple'; elements: readonly TypeConstraint[] };

const ANY: TypeConstraint = { kind: 'any' };

/**
 * Types read, by their text: a variable file's context is made again at each change, and reads every variable's
 * type; a module writes the same few. Bounded, as the literals of `toModel.ts` are.
 */
const PARSED = new Map<string, TypeConstraint | null>();
const MAX_PARSED = 1000;

/** The constraint a `type` text says, or undefined when it does not read as one (an old quoted type, a typo). */
export function parseType(text: string): TypeConstraint | undefined {
  let t = PARSED.get(text);
  if (t === undefined) {
    if (PARSED.size >= MAX_PARSED) PARSED.clear();
    PARSED.set(text, (t = read(text) ?? null));
  }
  return t ?? undefined;
}

function read(text: string): TypeConstraint | undefined {
  const tokens = tokenize(text);
  if (!tokens) return undefined;
  let i = 0;
  const peek = () => tokens[i];
  const expect = (t: string) => {
    if (tokens[i] !== t) throw new Error(`expected ${t}`);
    i++;
  };
  const type = (): TypeConstraint => {
    const name = tokens[i++];
    switch (name) {
      case 'any':
      case 'string':
      case 'number':
      case 'bool':
        return { kind: name };
      case 'list':
      case 'set':
      case 'map': {
        // A bare `list` or `map` is Terraform 0.11's way to say `list(any)`, which Terraform still reads.
        if (peek() !== '(') return { kind: name, element: ANY };
        expect('(');
        const element = type();
        expect(')');
        return { kind: name, element };
      }
      case 'object': {
        expect('(');
        expect('{');
        const attributes = new Map<string, { type: TypeConstraint; optional: boolean }>();
        while (peek() !== '}') {
          const key = tokens[i++];
          if (key === undefined || !/^("|[A-Za-z_])/.test(key)) throw new Error('expected an attribute name');
          expect('=');
          let optional = false;
          let t: TypeConstraint;
          if (peek() === 'optional') {
            i++;
            expect('(');
            t = type();
            // optional(type, default): the default is an expression, skipped to the closing parenthesis.
            if (peek() === ',') skipTo(')');
            expect(')');
            optional = true;
          } else t = type();
          attributes.set(key.startsWith('"') ? (JSON.parse(key) as string) : key, { type: t, optional });
          if (peek() === ',') i++;
        }
        expect('}');
        expect(')');
        return { kind: 'object', attributes };
      }
      case 'tuple': {
        expect('(');
        expect('[');
        const elements: TypeConstraint[] = [];
        while (peek() !== ']') {
          elements.push(type());
          if (peek() === ',') i++;
        }
        expect(']');
        expect(')');
        return { kind: 'tuple', elements };
      }
      default:
        throw new Error('not a type');
    }
  };
  /** Skips tokens up to the `close` that ends the bracket the reader is in. */
  const skipTo = (close: string) => {
    let depth = 0;
    for (; i < tokens.length; i++) {
      const t = tokens[i];
      if (depth === 0 && t === close) return;
      if (t === '(' || t === '[' || t === '{') depth++;
      else if (t === ')' || t === ']' || t === '}') depth--;
    }
  };
  try {
    const t = type();
    return i === tokens.length ? t : undefined;
  } catch {
    return undefined;
  }
}

/** The text's tokens: names, numbers, quoted strings, brackets and `=`, `,`; no comments. Undefined: a string unclosed. */
function tokenize(text: string): string[] | undefined {
  const out: string[] = [];
  const token = /\s+|#[^\n]*|\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"|[A-Za-z_][\w-]*|[0-9][0-9.eE+-]*|[(){}[\],=]|[^\s]/gy;
  for (let m = token.exec(text); m && m.index < text.length; m = token.exec(text)) {
    const t = m[0];
    if (/^\s/.test(t) || t.startsWith('#') || t.startsWith('//') || t.startsWith('/*')) continue;
    if (t === '"') return undefined;
    out.push(t);
  }
  return out;
}

/** The constraint as Terraform writes it: `list(string)`, `object({name = string, hops = optional(number)})`. */
export function formatType(t: TypeConstraint): string {
  switch (t.kind) {
    case 'list':
    case 'set':
    case 'map':
      return `${t.kind}(${formatType(t.element)})`;
    case 'object':
      return `object({${[...t.attributes].map(([k, a]) => `${/^[A-Za-z_][\w-]*$/.test(k) ? k : JSON.stringify(k)} = ${a.optional ? `optional(${formatType(a.type)})` : formatType(a.type)}`).join(', ')}})`;
    case 'tuple':
      return `tuple([${t.elements.map(formatType).join(', ')}])`;
    default:
      return t.kind;
  }
}

/** A step into a value: an element of a list, set or tuple (by index), a map's key, an object's attribute. */
export type Step = { element: number } | { key: string } | { attribute: string };

/**
 * Why a literal does not convert: the part that does not, at `path` from the whole value (empty: all of it),
 * which is either a value of the wrong type or an object without an attribute the type requires.
 */
export type Mismatch = { path: readonly Step[]; value: Value; expected: TypeConstraint } | { path: readonly Step[]; missing: string };

/** Where a literal does not convert to `t`; undefined when it does, or might. */
export function mismatch(v: Value, t: TypeConstraint, path: readonly Step[] = []): Mismatch | undefined {
  if (t.kind === 'any' || v.kind === 'null' || v.kind === 'reference' || v.kind === 'unknown') return undefined;
  const wrong = { path, value: v, expected: t };
  switch (t.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return conformsTo(v, t.kind) ? undefined : wrong;
    case 'list':
    case 'set':
      if (v.kind !== 'tuple') return wrong;
      for (let i = 0; i < v.items.length; i++) {
        const found = mismatch(v.items[i], t.element, [...path, { element: i }]);
        if (found) return found;
      }
      return undefined;
    case 'tuple':
      if (v.kind !== 'tuple' || v.items.length !== t.elements.length) return wrong;
      for (let i = 0; i < v.items.length; i++) {
        const found = mismatch(v.items[i], t.elements[i], [...path, { element: i }]);
        if (found) return found;
      }
      return undefined;
    case 'map':
      if (v.kind !== 'object') return wrong;
      // Keys not all written out (`(var.k) = 1`), or values not kept: not judged.
      if (!v.keys || !v.values) return undefined;
      for (let i = 0; i < v.keys.length; i++) {
        const found = mismatch(v.values[i], t.element, [...path, { key: v.keys[i] }]);
        if (found) return found;
      }
      return undefined;
    case 'object': {
      if (v.kind !== 'object') return wrong;
      if (!v.keys || !v.values) return undefined;
      for (const [name, a] of t.attributes) {
        const k = v.keys.indexOf(name);
        if (k < 0) {
          if (a.optional) continue;
          return { path, missing: name };
        }
        const found = mismatch(v.values[k], a.type, [...path, { attribute: name }]);
        if (found) return found;
      }
      return undefined;
    }
  }
}

/**
 * Where `path` is in the value, innermost first, in the words of Terraform's own messages (elements counted from
 * 0, a map's by their keys): `element 1`, `attribute "asn" of element 0 of element "x"`. Empty for the whole value.
 */
export function describePath(path: readonly Step[]): string {
  const words = path.map((s) => ('element' in s ? `element ${s.element}` : 'key' in s ? `element ${JSON.stringify(s.key)}` : `attribute ${JSON.stringify(s.attribute)}`));
  return words.reverse().join(' of ');
}

/** The steps as indices and keys, to find the part in the text (a map's key and an attribute are both keys). */
export function pathKeys(path: readonly Step[]): (number | string)[] {
  return path.map((s) => ('element' in s ? s.element : 'key' in s ? s.key : s.attribute));
}

/** How a type reads in a message: `a number`, `list(number)`. */
export function describeConstraint(t: TypeConstraint): string {
  return t.kind === 'string' || t.kind === 'number' || t.kind === 'bool' ? describeType(t.kind) : formatType(t);
}
