/**
 * Constructs changed after they are built. CDKTF constructs are objects whose properties can be set later
 * (`peer.enableBfd = true`; Java `peer.setEnableBfd(true)`, Go `peer.SetEnableBfd(…)`; `peer.addOverride("enable_bfd",
 * true)` in every language, Go's path in `jsii.String`), typically under a condition. Such a construct's config does not show that argument:
 * a finding that rests on its absence may be wrong (`Finding.leftOut`).
 *
 * A set is a variable (`p`, or `this.p` / `self.p`), `.`, and a property assigned or a setter called. Each one
 * found is kept with its variable's token, so that after an edit only the windows that overlap the re-scanned
 * tokens are read again (a whole scan of a 5,000-construct stack cost 1-5 ms, more than the rest of a keystroke).
 * Which construct a set is on is not decided here but in `parse.ts`, by scope (`scopes.ts`): what is found here is
 * only the variable's name. So is an assignment to the variable itself (`p = other`, `this.p = other`), after which
 * the variable may no longer hold the construct.
 * A set also keeps the tokens of the value it sets, which `laterValues.ts` checks where they are written.
 */
import type { ResourceSchema } from '../../schema/types';
import { IDENT, PUNCT, STRING } from './kinds';
import { snake } from './names';
import { firstWhere } from './search';
import type { Tokens } from './tokens';
import { splitTopLevel } from './values';

/** Generated setters (`setEnableBfd`, `SetEnableBfd`; `putTimeouts`, `put_timeouts` for a block) and Terraform overrides. */
const SETTER = /^(?:set|Set|put|Put)([A-Z]\w*)$|^put(_[a-z]\w*)$/;
const OVERRIDE = /^(?:addOverride|add_override|AddOverride)$/;

/** Languages whose generated bindings have assignable properties (`p.enableBfd = …`). */
const ASSIGNABLE = new Set(['typescript', 'python', 'csharp']);

/**
 * How far before and after its variable's token a set is read (`this . p . prop = ` / `p . addOverride ( "x"`,
 * in TypeScript `( p as any ) . addOverride ( "x"`, in Go `p . AddOverride ( jsii . String ( "x" )`; an assignment to
 * the variable, the token before its statement: `; this . p =`).
 */
const BEFORE = 6;
const AFTER = 10;

export interface Found {
  /** The variable's token. */
  at: number;
  /** The variable as a construct's instance is named: `p`, `this.p`, `self.p`. */
  variable: string;
  /** The argument set, by its schema name; '' for an assignment to the variable itself (`p = other`). */
  argument: string;
  /**
   * The value set, as token indices relative to `at` ([from, to)): an assignment's value up to its statement's end, a
   * setter's one argument (Python's keyword arguments, or an empty call's parentheses), an override's second (of a
   * top-level argument, or of one in a block). Absent when none is read.
   */
  value?: [number, number];
  /** Where the argument is named, relative to `at`: the property or setter token, or an override's path string. */
  key?: number;
  /**
   * Relative to `at`, just past the last token read to tell where the value ends (the call's `)`, the token that
   * ends an assignment's statement): an edit there reads the set again (`update`), the value may span lines.
   */
  reach: number;
  /**
   * For a Python loop's target (`for p in`), the `for` relative to `at`: the name is bound again when the `for` is a
   * statement, not a comprehension's, which `parse.ts` tells by the brackets around it when it places the sets.
   */
  loop?: number;
  /** What the engine caches for this set's value (`cdktfFile.ts`); a set read again is a new object. */
  memo?: unknown;
  /** The schema of the construct the set is on, which `parse.ts` decides by scope; absent when none or unsure. */
  schema?: ResourceSchema;
}

/** In Java and C#, `this.p` and `p` name the same field. */
function variableKey(language: string, variable: string): string {
  return (language === 'java' || language === 'csharp') && variable.startsWith('this.') ? variable.slice(5) : variable;
}

/**
 * The variable identifier `i` names: `p`, or `this.p` / `self.p` for a member of those (a field holding the
 * construct); undefined for a member of anything else, which is not a construct's variable.
 */
function variableAt(tk: Tokens, i: number): string | undefined {
  if (!tk.is(i - 1, '.')) return tk.text_(i);
  if (tk.isIdent(i - 2, 'this')) return `this.${tk.text_(i)}`;
  if (tk.isIdent(i - 2, 'self')) return `self.${tk.text_(i)}`;
  return undefined;
}

/** The set whose variable is token `i`, or undefined. */
function setAt(tk: Tokens, i: number, assignable: boolean): Found | undefined {
  const { kind, start, end } = tk;
  const text = tk.text;
  const single = (k: number, c: number) => k >= 0 && k < tk.n && kind[k] === PUNCT && end[k] - start[k] === 1 && text.charCodeAt(start[k]) === c;
  if (kind[i] !== IDENT) return undefined;
  // The `.` after the variable: TypeScript may assert it is there (`p!.x`) or cast it (`(p as any).x`).
  let dot = i + 1;
  if (tk.language === 'typescript') {
    if (single(dot, 33 /* ! */)) dot++;
    else if (single(i - 1, 40 /* ( */) && kind[i + 1] === IDENT && tk.text_(i + 1) === 'as' && kind[i + 2] === IDENT && single(i + 3, 41 /* ) */)) dot = i + 4;
  }
  if (dot + 2 >= tk.n || kind[dot + 1] !== IDENT || !single(dot, 46 /* . */)) return undefined;
  const variable = variableAt(tk, i);
  if (variable === undefined) return undefined;
  const property = tk.text_(dot + 1);
  let argument: string | undefined;
  let value: [number, number] | undefined;
  let reach = dot + 3;
  let key = dot + 1;
  if (assignable && single(dot + 2, 61 /* = */)) {
    argument = snake(property);
    ({ value, reach } = assignedValue(tk, dot + 3));
  } else if (single(dot + 2, 40 /* ( */)) {
    reach = tk.extent[dot + 2] + 1;
    const setter = SETTER.exec(property);
    const pathTok = !setter && OVERRIDE.test(property) ? overridePath(tk, dot + 3) : -1;
    const args = () => (tk.closeOf[dot + 2] >= 0 ? splitTopLevel(tk, dot + 2) : []);
    if (setter) {
      argument = snake(setter[1] ?? setter[2].slice(1));
      const a = args();
      // Python's `put_timeouts(create="1m", delete="5m")`: jsii gives the struct's fields as keyword arguments, so the
      // parentheses are the value, the struct: also empty (`put_timeouts()`), or holding a name being typed, alone
      // (`put_timeouts(cr)`) or in a call not closed yet (`put_timeouts(create="1m", de`), where completion offers
      // its keys.
      const open = tk.closeOf[dot + 2] < 0;
      const typing = open || (a.length === 1 && kind[dot + 3] === IDENT && a[0][1] === dot + 4);
      if (tk.language === 'python' && (typing || a.length === 0 || (kind[dot + 3] === IDENT && single(dot + 4, 61 /* = */)))) {
        value = [dot + 2, open ? tk.extent[dot + 2] : tk.closeOf[dot + 2] + 1];
      } else if (a.length === 1) value = a[0];
    } else if (pathTok >= 0) {
      key = pathTok;
      const path = tk.text_(key).slice(1, -1).split('.');
      argument = path[0];
      const a = args();
      // A top-level argument's value, or one argument's of a block (`addOverride("timeouts.create", x)`); not deeper.
      if (path.length <= 2 && a.length === 2) value = a[1];
    }
  }
  if (!argument) return undefined;
  const found: Found = { at: i, variable: variableKey(tk.language, variable), argument, key: key - i, reach: reach - i };
  if (value && value[1] > value[0]) found.value = [value[0] - i, value[1] - i];
  return found;
}

/**
 * An assignment to the variable itself at token `i` (`p = other`, Go's `p := other`, `this.p = other`), or undefined:
 * a statement's start, so neither a keyword argument (`f(x=1)`, after `(` or `,`) nor a default. Also the other ways
 * a name is bound again (`rebinding`).
 */
function assignmentAt(tk: Tokens, i: number): Found | undefined {
  if (tk.kind[i] !== IDENT) return undefined;
  const variable = variableAt(tk, i);
  if (variable === undefined) return undefined;
  const s = tk.is(i - 1, '.') ? i - 2 : i;
  const assigns = tk.is(i + 1, '=') || (tk.language === 'go' && tk.is(i + 1, ':='));
  if (!assigns || !startsStatement(tk, s)) return rebinding(tk, s, i, variable);
  if (tk.language !== 'csharp' || s !== i || !/^[A-Z]/.test(variable) || !tk.is(i - 1, '{')) return bound(tk, i, variable, i + 2);
  const end = csharpStatementEnd(tk, i);
  return end >= 0 ? bound(tk, i, variable, end + 1) : undefined;
}

/** The assignment to `variable` at token `i`, read up to token `reach` (exclusive); `loop`: a Python loop's `for`. */
function bound(tk: Tokens, i: number, variable: string, reach: number, loop?: number): Found {
  const f: Found = { at: i, variable: variableKey(tk.language, variable), argument: '', reach: reach - i };
  if (loop !== undefined) f.loop = loop - i;
  return f;
}

/** Words before a C# `{` that opens a block of statements, not an object initializer. */
const CSHARP_BLOCK_WORDS = new Set(['else', 'try', 'finally', 'do', 'get', 'set', 'init', 'add', 'remove', 'checked', 'unchecked', 'unsafe']);

/**
 * C#: a capitalized name just after `{` (`P = other`, as fields and properties are named) may be an object
 * initializer's first key (`new X { Key = 1 }`) rather than a statement. It is a statement when the `{` follows what
 * ends a statement or a block's header word (`else {`), or, after a `)` (`if (c) {` as well as `new X(a) {`), when
 * a `;` ends it within `AFTER` tokens (an initializer's key ends at `,` or `}`). Returns the token that ends the
 * statement (the one just before it when none is read), or -1 when it is not one, or unsure.
 */
function csharpStatementEnd(tk: Tokens, i: number): number {
  const before = i - 2;
  if (tk.is(before, '{') || tk.is(before, ';') || tk.is(before, '}') || tk.is(before, '=>') || (tk.isIdent(before) && CSHARP_BLOCK_WORDS.has(tk.text_(before)))) return i + 1;
  if (!tk.is(before, ')')) return -1;
  let depth = 0;
  for (let k = i + 2; k < Math.min(tk.n, i + AFTER); k++) {
    if (tk.isOpener(k)) depth++;
    else if (tk.is(k, ')') || tk.is(k, ']') || tk.is(k, '}')) {
      if (depth-- === 0) return -1;
    } else if (depth === 0 && tk.is(k, ';')) return k;
    else if (depth === 0 && tk.is(k, ',')) return -1;
  }
  return -1;
}

/** Does token `s` start a statement: the file's first, after `;` or (not in Python) a brace or `)`, or first on its line but not in an argument list, a list or (in Python) a dict. */
function startsStatement(tk: Tokens, s: number): boolean {
  if (s === 0 || tk.is(s - 1, ';')) return true;
  // Python's brackets never hold statements: the line after a `{` is a dict's first entry (`p: lambda x=1: x`).
  if (tk.language === 'python') return tk.first[s] === 1 && !tk.is(s - 1, ',') && !tk.is(s - 1, '(') && !tk.is(s - 1, '[') && !tk.is(s - 1, '{');
  return tk.is(s - 1, '{') || tk.is(s - 1, '}') || tk.is(s - 1, ')') || (tk.first[s] === 1 && !tk.is(s - 1, ',') && !tk.is(s - 1, '(') && !tk.is(s - 1, '['));
}

/**
 * The forms other than `p = other` that bind the variable whose name is tokens [s, i] again: a chained assignment
 * (`a = p = other`); in Python a walrus (`(p := other)`), `as p` (`with`, `except`, `import`), a loop (`for p in`,
 * `for i, p in`), a tuple unpacked (`p, q = pair`, `(q, p) = pair`), an annotated assignment (`p: T = other`); in Go
 * a list (`p, err = f()`, `err, p := f()`, `for _, p = range l`); in TypeScript a loop (`for (p of l)`, `for await`) and
 * destructuring (`[q, p] = pair`). A list is read over a few names on either side, as far as `BEFORE` and `AFTER` let an edit
 * read it again.
 */
function rebinding(tk: Tokens, s: number, i: number, variable: string): Found | undefined {
  const python = tk.language === 'python';
  const go = tk.language === 'go';
  if (tk.is(s - 1, '=') && tk.is(i + 1, '=')) return bound(tk, i, variable, i + 2);
  if (python && tk.is(i + 1, ':=')) return bound(tk, i, variable, i + 2);
  if (python && s === i && tk.isIdent(i - 1, 'as')) return bound(tk, i, variable, i + 1);
  if (python && s === i && tk.is(i + 1, ':') && startsStatement(tk, i)) return annotated(tk, i, variable);
  const ts = tk.language === 'typescript';
  const tsLoop = ts && s === i && tk.is(i - 1, '(') && (tk.isIdent(i - 2, 'for') || (tk.isIdent(i - 2, 'await') && tk.isIdent(i - 3, 'for')));
  if (tsLoop && (tk.isIdent(i + 1, 'of') || tk.isIdent(i + 1, 'in'))) return bound(tk, i, variable, i + 2);
  if (!python && !go && !ts) return undefined;
  let k = s;
  while (k - 5 >= i - BEFORE && tk.is(k - 1, ',') && tk.isIdent(k - 2) && !tk.is(k - 3, '.')) k -= 2;
  let j = i;
  while (j + 5 <= i + AFTER - 1 && tk.is(j + 1, ',') && tk.isIdent(j + 2) && !tk.is(j + 3, '.')) j += 2;
  let first = k;
  let next = j + 1;
  // Python's parenthesized targets, `(q, p) = pair`, `for (i, p) in`; TypeScript's destructuring, `[q, p] = pair`.
  if (((python && tk.is(k - 1, '(')) || tk.is(k - 1, '[')) && tk.closeOf[k - 1] === j + 1) {
    first = k - 1;
    next = j + 2;
  } else if (ts) return undefined;
  const assigns = tk.is(next, '=') || (go && tk.is(next, ':='));
  if (tk.isIdent(first - 1, 'for')) {
    // A Python loop's target; whether it is the statement's (not a comprehension's, which binds its own name) the
    // placing decides, by the brackets around the `for` (`Found.loop`). A Go loop assigning (`=`, not `:=`).
    if (python && tk.isIdent(next, 'in')) return bound(tk, i, variable, next + 1, first - 1);
    if (go && tk.is(next, '=')) return bound(tk, i, variable, next + 1);
    return undefined;
  }
  if ((k === s && j === i && first === k) || !assigns) return undefined;
  return startsStatement(tk, first) ? bound(tk, i, variable, next + 1) : undefined;
}

/** Python's annotated assignment, `p: VpcBgpPeer = other` (an annotation alone, `p: VpcBgpPeer`, binds nothing). */
function annotated(tk: Tokens, i: number, variable: string): Found | undefined {
  for (let k = i + 2; k < i + AFTER && k < tk.n && tk.line[k] === tk.line[i]; k++) {
    if (tk.is(k, '=')) return bound(tk, i, variable, k + 1);
    if (tk.isOpener(k)) {
      if (tk.closeOf[k] < 0 || tk.closeOf[k] >= i + AFTER) return undefined;
      k = tk.closeOf[k];
    }
  }
  return undefined;
}

/** A set, or an assignment to the variable, whose variable is token `i`. */
function readAt(tk: Tokens, i: number, assignable: boolean): Found | undefined {
  return setAt(tk, i, assignable) ?? assignmentAt(tk, i);
}

/** The token of an override's path, which starts at token `k`: a string, in Go `jsii.String("x")`; -1 if none. */
function overridePath(tk: Tokens, k: number): number {
  if (k < tk.n && tk.kind[k] === STRING) return k;
  const go = tk.language === 'go' && k + 5 < tk.n && tk.isIdent(k, 'jsii') && tk.is(k + 1, '.') && tk.isIdent(k + 2, 'String') && tk.is(k + 3, '(');
  return go && tk.kind[k + 4] === STRING && tk.is(k + 5, ')') ? k + 4 : -1;
}

/**
 * An assignment's value from token `a`: its tokens up to the statement's end, over the lines it spans (a bracket
 * group read whole, `p.timeouts = {` ... `}`; `p.bfdMultiHop = base +` / `  1`); and `reach`, just past the last
 * token read. Undefined when a bracket in it is left open.
 */
function assignedValue(tk: Tokens, a: number): { value?: [number, number]; reach: number } {
  let k = a;
  let last = -1;
  while (k < tk.n && !tk.is(k, ';') && !tk.is(k, ',') && !tk.is(k, ')') && !tk.is(k, ']') && !tk.is(k, '}')) {
    if (last >= 0 && tk.line[k] !== tk.line[last] && !goesOn(tk, last, k)) break;
    if (tk.isOpener(k)) {
      const close = tk.closeOf[k];
      if (close < 0) return { reach: tk.extent[k] + 1 };
      last = close;
      k = close + 1;
    } else last = k++;
  }
  return { value: k > a ? [a, k] : undefined, reach: k + 1 };
}

/**
 * Does a statement go on past the line break between tokens `last` and `next`? Not in Python (outside brackets);
 * in TypeScript and C# when the line ends with an operator (`+`, `?`, `=`, `.`) or the next begins with one, and in
 * C# before a `{` (an initializer on the lines below its `new X`). A statement whose `;` is not typed yet does not
 * take in the ones below it.
 */
function goesOn(tk: Tokens, last: number, next: number): boolean {
  if (tk.language === 'python') return false;
  const operator = (k: number) => tk.kind[k] === PUNCT && !tk.is(k, ')') && !tk.is(k, ']') && !tk.is(k, '}');
  if (operator(last)) return true;
  if (tk.is(next, '{')) return tk.language === 'csharp';
  return operator(next) && !tk.is(next, ';') && !tk.is(next, '!');
}

function scan(tk: Tokens, from: number, to: number, out: Found[]): void {
  const assignable = ASSIGNABLE.has(tk.language);
  for (let i = Math.max(0, from); i < Math.min(to, tk.n); i++) {
    const f = readAt(tk, i, assignable);
    if (f) out.push(f);
  }
}

/** The first index of `found` whose token is at or after `at`. */
function firstAtOrAfter(found: Found[], at: number): number {
  return firstWhere(found.length, (k) => found[k].at >= at);
}

const NONE: ReadonlySet<string> = new Set();
const NO_SETS: readonly Found[] = [];

export class LaterSets {
  /** Every set, in token order. */
  private found: Found[] = [];
  /** Per variable (`variableKey`), its sets and assignments, in token order (the objects of `found`). */
  private byVariable = new Map<string, Found[]>();

  private readonly language: string;

  constructor(tk: Tokens) {
    this.language = tk.language;
    scan(tk, 0, tk.n, this.found);
    for (const f of this.found) {
      const list = this.byVariable.get(f.variable);
      if (list) list.push(f);
      else this.byVariable.set(f.variable, [f]);
    }
  }

  /** The variable as `update` reports it: `this.p` is `p` in Java and C#. */
  key(variable: string): string {
    return variableKey(this.language, variable);
  }

  /** Every variable (`key`) set or assigned somewhere. */
  variables(): Iterable<string> {
    return this.byVariable.keys();
  }

  /** The sets of a variable (`key`) and the assignments to it, in token order. */
  of(key: string): readonly Found[] {
    return this.byVariable.get(key) ?? NO_SETS;
  }

  /** The sets whose value was read, in token order. */
  *withValues(): Generator<Found> {
    for (const f of this.found) if (f.value) yield f;
  }

  /**
   * The sets whose value holds token `i`, nearest first: a few before it are looked at (found by halving), since a
   * value rarely holds another set. For the cursor: completion and hover inside `p.putTimeouts({ | })`.
   */
  *holding(i: number): Generator<Found> {
    for (let k = firstAtOrAfter(this.found, i + 1) - 1, n = 0; k >= 0 && n < 4; k--, n++) {
      const f = this.found[k];
      if (f.value && f.at + f.value[0] <= i && i <= f.at + f.value[1]) yield f;
    }
  }

  /**
   * Reads the set `found[k]`, whose tokens kept their indices, again: it stays when it sets what it set (on the
   * construct it was on: its variable and place are the same).
   */
  private readAgain(tk: Tokens, k: number): void {
    const f = this.found[k];
    const again = readAt(tk, f.at, ASSIGNABLE.has(tk.language));
    if (!again || again.variable !== f.variable || again.argument !== f.argument) return;
    if (f.schema) again.schema = f.schema;
    this.found[k] = again;
    const list = this.byVariable.get(f.variable)!;
    list[list.indexOf(f)] = again;
  }

  /**
   * After `retokenize` replaced old tokens [from, oldTo) by new ones [from, newTo), the others moving by `dt`:
   * reads again the windows that overlap the new tokens, and returns the variables (`variableKey`) whose sets or
   * assignments there went or were read anew (each a new object, on no construct yet: the caller places the
   * variable's sets again), or which gained one. `regrouped` (new indices) are the openers past the new tokens whose
   * group ends elsewhere now (`Retokenized.regrouped`).
   */
  update(tk: Tokens, from: number, oldTo: number, newTo: number, dt: number, regrouped: readonly number[]): ReadonlySet<string> {
    const lo = Math.max(0, from - AFTER + 1);
    const a = firstAtOrAfter(this.found, lo);
    const b = firstAtOrAfter(this.found, oldTo + BEFORE);
    const fresh: Found[] = [];
    scan(tk, lo, newTo + BEFORE, fresh);
    if (dt !== 0) for (let k = b; k < this.found.length; k++) this.found[k].at += dt;
    const touched = new Set<string>();
    // A set before the window whose reading went into a bracket group the edit is in (`p.putTimeouts({` with the
    // edit lines below; also a call left open, whose value was not read): read again. Its tokens, before the edit,
    // kept their indices. The groups are those open at the edit now, and those open before it (as the token before
    // the edit still says), which held it before: an edit that removed a group's closer.
    const before = from > 0 && from - 1 < tk.n ? (tk.isOpener(from - 1) ? from - 1 : tk.up[from - 1]) : -1;
    for (const start of [from < tk.n ? tk.up[from] : -1, before]) {
      for (let o = start; o >= 0; o = tk.up[o]) {
        for (let k = firstAtOrAfter(this.found, o - AFTER); k < a && this.found[k].at < o; k++) {
          // (`reach` is an index before the edit: past `from`, the reading reached into the edited tokens.)
          if (this.found[k].at + this.found[k].reach > from) this.readAgain(tk, k);
        }
      }
    }
    // The sets just before the window whose reading reached the edited tokens (a value over several lines, `p.x =`
    // above `  300;`, or ended by the token the edit changed): read again.
    for (let k = a - 1; k >= 0 && this.found[k].at + this.found[k].reach > from; k--) this.readAgain(tk, k);
    this.readRegrouped(tk, regrouped, a, b);
    if (a === b && fresh.length === 0) return NONE;
    for (let k = a; k < b; k++) touched.add(this.found[k].variable);
    for (const f of fresh) touched.add(f.variable);
    this.found.splice(a, b - a, ...fresh);
    for (const v of touched) this.recount(v);
    return touched;
  }

  /**
   * Reads again the sets outside the window [a, b) (`update`; those after it already moved) whose reading went
   * through a group of `regrouped` or one around it: its tokens are the same, but where its value ends is read from
   * the brackets (`p.putTimeouts({ create: }"5m" })`, whose `(` ends at the stray `}` or at the `)` depending on
   * how an edit above left the indentation). A set's call or value opens within `AFTER` tokens of its variable, and
   * the groups in its value are inside those; each group is looked at once.
   */
  private readRegrouped(tk: Tokens, regrouped: readonly number[], a: number, b: number): void {
    const seen = new Set<number>();
    for (const first of regrouped) {
      for (let o = first; o >= 0 && !seen.has(o); o = tk.up[o]) {
        seen.add(o);
        for (let k = firstAtOrAfter(this.found, o - AFTER); k < this.found.length && this.found[k].at < o; k++) {
          if ((k < a || k >= b) && this.found[k].at + this.found[k].reach > o) this.readAgain(tk, k);
        }
      }
    }
  }

  /** Lists again the sets of `variable`, after an edit touched one of them. */
  private recount(variable: string): void {
    const list = this.found.filter((f) => f.variable === variable);
    if (list.length) this.byVariable.set(variable, list);
    else this.byVariable.delete(variable);
  }
}
