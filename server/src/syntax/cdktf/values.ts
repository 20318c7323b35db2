/**
 * What a CDKTF expression is worth to the analysis: a literal of the language (`true`, `True`, `10`, `"IPv4"`,
 * `None`, `nil`), seen through the wrappers that only change its static type (`Token.asNumber("10")`,
 * `cdktf.Token.as_number("10")`, `Token.AsNumber`, `jsii.Number(10)`, `jsii.String("x")`, `jsii.Bool(true)`),
 * a list or map literal, a reference (`group.id`, `group.getId()`, `group.Id`, `group.Id()`), or anything else,
 * which is unknown and never judged.
 */
import type { Value } from '../../model/types';
import { snake } from './names';
import { BAD_STRING, type CdktfLanguage, IDENT, NUMBER, PUNCT, STRING, stringValue, TEMPLATE, Tokens } from './tokens';

const TRUE: Record<string, string> = { typescript: 'true', java: 'true', csharp: 'true', go: 'true', python: 'True' };
const FALSE: Record<string, string> = { typescript: 'false', java: 'false', csharp: 'false', go: 'false', python: 'False' };
const NULLS: Record<string, string[]> = { typescript: ['null', 'undefined'], java: ['null'], csharp: ['null'], go: ['nil'], python: ['None'] };

/** `Token.asNumber`-style wrappers: the value is its argument's. */
const TOKEN_UNWRAP = /^(as|As)(String|Number|Any|Boolean)$|^as_(string|number|any|boolean)$/;
const GO_UNWRAP = /^Token_As(String|Number|Any)$/;
const JSII_SCALAR = new Set(['String', 'Number', 'Bool']);
const JSII_LIST = new Set(['Strings', 'Numbers', 'Bools']);

/** Values nested deeper than this (lists of lists…) are not read: their shape decides no finding. */
const MAX_NESTING = 64;

/** The value of the tokens [a, b); `depth`: how many values it is nested in (bounded, so no input overflows the stack). */
export function classify(tk: Tokens, a: number, b: number, depth = 0): Value {
  if (depth > MAX_NESTING) return { kind: 'unknown', text: tk.text.slice(tk.start[a] ?? 0, tk.end[b - 1] ?? 0) };
  // Trailing TypeScript non-null `!`, `as T` casts and surrounding parentheses change nothing.
  if (tk.language === 'typescript') {
    while (b - a > 1 && tk.is(b - 1, '!')) b--;
    for (let k = a + 1; k < b; k++) {
      if (tk.isIdent(k, 'as') || tk.isIdent(k, 'satisfies')) {
        if (depthAt(tk, a, k) === 0) {
          b = k;
          break;
        }
      }
    }
  }
  // Brackets around a value are the value; in Python only without a comma, which makes them a tuple (`(1, 2)`).
  while (b - a >= 2 && tk.isOpener(a) && tk.is(a, '(') && tk.closeOf[a] === b - 1 && (tk.language !== 'python' || (b - a > 2 && !hasTopLevelComma(tk, a)))) {
    a++;
    b--;
  }
  if (b <= a) return { kind: 'unknown', text: '' };
  const text = () => tk.text.slice(tk.start[a], tk.end[b - 1]);
  const lang = tk.language;
  if (b - a === 1) {
    switch (tk.kind[a]) {
      case STRING:
        return { kind: 'string', value: stringValue(tk, a) };
      case NUMBER:
        return numberValue(tk.text_(a), lang) ?? { kind: 'unknown', text: text() };
      case TEMPLATE:
      case BAD_STRING:
        return { kind: 'unknown', text: text() };
      case IDENT: {
        const w = tk.text_(a);
        if (w === TRUE[lang]) return { kind: 'bool', value: true };
        if (w === FALSE[lang]) return { kind: 'bool', value: false };
        if (NULLS[lang].includes(w)) return { kind: 'null' };
        return { kind: 'reference', path: [w], text: w };
      }
    }
    return { kind: 'unknown', text: text() };
  }
  // Signed numbers.
  if (b - a === 2 && (tk.is(a, '-') || tk.is(a, '+')) && tk.kind[a + 1] === NUMBER) {
    const n = numberValue(tk.text_(a + 1), lang);
    if (n && n.kind === 'number') return tk.is(a, '-') ? { kind: 'number', value: -n.value, raw: '-' + n.raw } : n;
  }
  // Go: `&…` takes an address; the value is the operand's.
  if (lang === 'go' && tk.is(a, '&')) return classify(tk, a + 1, b, depth + 1);
  // List and map literals.
  if (tk.isOpener(a) && tk.closeOf[a] === b - 1) {
    if (tk.is(a, '[') || (tk.is(a, '(') && lang === 'python' && hasTopLevelComma(tk, a))) return { kind: 'tuple', items: items(tk, a, depth) };
    if (tk.is(a, '{') && (lang === 'typescript' || lang === 'python')) return { kind: 'object' };
  }
  if (lang === 'csharp' && tk.isIdent(a, 'new')) {
    const brace = findTopLevel(tk, a, b, '{');
    if (brace >= 0 && tk.closeOf[brace] === b - 1) {
      const type = tk.text.slice(tk.end[a], tk.start[brace]);
      if (/Dictionary|Map/.test(type)) return { kind: 'object' };
      if (/\[\s*\]|List|Collection|Set/.test(type)) return { kind: 'tuple', items: items(tk, brace, depth) };
    }
  }
  if (lang === 'go') {
    const brace = findTopLevel(tk, a, b, '{');
    if (brace >= 0 && tk.closeOf[brace] === b - 1) {
      const type = tk.text.slice(tk.start[a], tk.start[brace]).replace(/\s+/g, '');
      if (/^map\[/.test(type)) return { kind: 'object' };
      if (/^\[\]/.test(type)) return { kind: 'tuple', items: items(tk, brace, depth) };
    }
  }
  // Chains of names, member accesses and calls.
  const chain = readChain(tk, a, b);
  if (chain) {
    const { names, calls } = chain;
    const last = names[names.length - 1];
    const call = calls.length ? calls[calls.length - 1] : undefined;
    const isFinalCall = call !== undefined && call.after === names.length;
    if (isFinalCall && call) {
      const callee = names;
      const args = splitTopLevel(tk, call.open);
      const wrapperClass = callee.length >= 2 ? callee[callee.length - 2] : '';
      const tokenWrapper = (wrapperClass === 'Token' || (callee.length === 2 && tk.tokenAliases.has(wrapperClass))) && TOKEN_UNWRAP.test(last);
      const goWrapper = lang === 'go' && ((callee.length === 2 && callee[0] === 'jsii' && JSII_SCALAR.has(last)) || GO_UNWRAP.test(last));
      // `Token.asString(x, options)`, `cdktf.Token_AsString(x, nil)`: the value is the first argument's.
      if ((tokenWrapper || goWrapper) && args.length >= 1 && (args.length === 1 || !JSII_SCALAR.has(last))) return classify(tk, args[0][0], args[0][1], depth + 1);
      if ((lang === 'go' && callee[0] === 'jsii' && JSII_LIST.has(last)) || (lang === 'java' && /^(List\.of|Arrays\.asList|Set\.of)$/.test(callee.slice(-2).join('.')))) {
        return { kind: 'tuple', items: args.map(([x, y]) => classify(tk, x, y, depth + 1)) };
      }
      if (lang === 'java' && /^(Map\.of|Map\.ofEntries)$/.test(callee.slice(-2).join('.'))) return { kind: 'object' };
    }
    if (chain.referenceLike) return { kind: 'reference', path: chain.path, text: text() };
  }
  return { kind: 'unknown', text: text() };
}

function depthAt(tk: Tokens, a: number, k: number): number {
  let d = 0;
  for (let i = a; i < k; i++) {
    if (tk.isOpener(i)) {
      const after = tk.after(i);
      if (after > k) d++;
      i = after - 1;
    }
  }
  return d;
}

function hasTopLevelComma(tk: Tokens, open: number): boolean {
  return splitTopLevel(tk, open).length > 1 || tk.is(tk.extent[open] - 1, ',');
}

function items(tk: Tokens, open: number, depth: number): Value[] {
  return splitTopLevel(tk, open).map(([x, y]) => classify(tk, x, y, depth + 1));
}

/** The first top-level `p` in [a, b), or -1. */
function findTopLevel(tk: Tokens, a: number, b: number, p: string): number {
  for (let i = a; i < b; i++) {
    if (tk.is(i, p)) return i;
    if (tk.isOpener(i)) i = tk.after(i) - 1;
  }
  return -1;
}

/** The comma-separated parts of a group (empty trailing part dropped), as [start, end) token ranges. */
export function splitTopLevel(tk: Tokens, open: number): [number, number][] {
  const out: [number, number][] = [];
  const end = tk.extent[open];
  let s = open + 1;
  for (let i = open + 1; i < end; i++) {
    if (tk.isOpener(i)) {
      i = Math.min(tk.after(i), end) - 1;
      continue;
    }
    if (tk.is(i, ',')) {
      out.push([s, i]);
      s = i + 1;
    }
  }
  if (s < end) out.push([s, end]);
  return out;
}

export function numberValue(raw: string, language: CdktfLanguage): Value | undefined {
  let t = raw.replace(/_/g, '');
  const prefixed = /^0[xXbBoO]/.test(t);
  const suffix = /[lLfFdDmMuUn]*$/.exec(prefixed ? '' : t)![0];
  t = prefixed ? t.replace(/[lLuUn]+$/, '') : t.slice(0, t.length - suffix.length);
  // A whole number written with a leading 0 (`0377`) is octal in Go and Java (255; `08` is an error there, and
  // Java's `0377f` is a decimal float), decimal in C#, and an error in TypeScript modules and Python 3: not judged.
  if (/^0\d+$/.test(t) && !/^0+$/.test(t) && language !== 'csharp' && !(language === 'java' && /[fFdD]/.test(suffix))) {
    if ((language !== 'go' && language !== 'java') || !/^[0-7]+$/.test(t)) return undefined;
    t = '0o' + t.slice(1);
  }
  const v = Number(t);
  if (t === '' || Number.isNaN(v)) return undefined;
  return { kind: 'number', value: v, raw: t };
}

interface Chain {
  names: string[];
  /** Calls in the chain: after which name (count) they come and their `(` index. */
  calls: { after: number; open: number; args: number }[];
  /** Only names, getter calls with no arguments and constant indexes: something another construct exports. */
  referenceLike: boolean;
  path: string[];
}

/** `a.b.c`, `a.getB()`, `a.B()`, `a?.b!`, `a.b.get(0).c`, `a[0]` over exactly [a, b), or undefined. */
function readChain(tk: Tokens, a: number, b: number): Chain | undefined {
  if (!tk.isIdent(a)) return undefined;
  const names = [tk.text_(a)];
  const path: string[] = [tk.text_(a)];
  const calls: Chain['calls'] = [];
  let referenceLike = !/^(new|await|typeof|not|lambda)$/.test(names[0]);
  let i = a + 1;
  while (i < b) {
    if ((tk.is(i, '.') || tk.is(i, '?.')) && tk.isIdent(i + 1)) {
      const n = tk.text_(i + 1);
      names.push(n);
      path.push(n);
      i += 2;
      continue;
    }
    if (tk.is(i, '!')) {
      i++;
      continue;
    }
    if (tk.is(i, '(') && tk.closeOf[i] >= 0) {
      const args = splitTopLevel(tk, i);
      calls.push({ after: names.length, open: i, args: args.length });
      const name = path[path.length - 1];
      if (args.length === 0) {
        // A getter: `getId()` / `Id()`.
        path[path.length - 1] = name.replace(/^get(?=[A-Z])/, '');
      } else if (args.length === 1 && /^(get|Get)$/.test(name) && tk.kind[args[0][0]] === NUMBER) {
        path[path.length - 1] = tk.text_(args[0][0]);
      } else if (args.length === 1 && tk.language === 'go' && /^(get|Get)$/.test(name)) {
        path[path.length - 1] = tk.text.slice(tk.start[args[0][0]], tk.end[args[0][1] - 1]).replace(/^jsii\.Number\((\d+)\)$/, '$1');
      } else referenceLike = false;
      i = tk.closeOf[i] + 1;
      continue;
    }
    if (tk.is(i, '[') && tk.closeOf[i] === i + 2 && (tk.kind[i + 1] === NUMBER || tk.kind[i + 1] === STRING)) {
      path.push(tk.kind[i + 1] === NUMBER ? tk.text_(i + 1) : stringValue(tk, i + 1));
      i += 3;
      continue;
    }
    return undefined;
  }
  if (tk.kind[b - 1] === PUNCT && !tk.is(b - 1, ')') && !tk.is(b - 1, ']') && !tk.is(b - 1, '!')) return undefined;
  // Attribute names in references are schema names: `group.Id()` and `group.getId()` read `id`.
  const normalized = path.map((p, k) => (k === 0 ? p : /^\d+$/.test(p) ? p : snake(p)));
  return { names, calls, referenceLike, path: normalized };
}
