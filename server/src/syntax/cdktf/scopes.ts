/**
 * Which variable a name means where it is written, as far as the bracket structure (the C family) and the
 * indentation (Python) show the languages' scopes. A construct's variable is in scope where it is used when the
 * use lies in the block that declares it (a function's body, or the file), or in a class's body for a field
 * (`this.group`, `self.group`), and no function, lambda or block in between declares the name again (a
 * parameter, a local). The reading errs one way only: when it cannot tell, the name is out of scope, so a
 * reference is left unjudged rather than read as another function's construct.
 *
 * A `Scopes` reads the tokens as they are when it is made; it remembers what it scanned, so it is made for one
 * batch of look-ups and dropped.
 */
import { PUNCT } from './kinds';
import type { Tokens } from './tokens';

/** Words that make a block's header a condition, whose parentheses declare nothing. */
const CONDITIONS = new Set(['if', 'while', 'switch', 'return']);
/** Words whose header makes a block a class body (the `this.` of the fields declared in it). */
const CLASSES = new Set(['class', 'struct', 'record']);
/** Words that may begin a line of a header that started on a line above. */
const HEADER_CONTINUATIONS = new Set(['throws', 'where', ':', '=>', '->', '.', 'extends', 'implements', ',']);
/** Words before a name that do not make it a declaration in Java and C# (`return group;`). */
const NOT_TYPES = new Set(['return', 'new', 'throw', 'yield', 'await', 'case', 'in', 'else', 'is', 'as', 'out', 'ref', 'goto', 'when', 'do']);
/** Words that declare the name after them, in TypeScript and Go (`let group`, `var group`). */
const DECLARERS = new Set(['let', 'const', 'var', 'using']);
/** Python words that bind the name after them in the function they are in. */
const PY_BINDERS = new Set(['for', 'as', 'global', 'nonlocal', 'def', 'class', 'import']);

export class Scopes {
  /** `group,name`: does that group (or its header) declare the name. */
  private readonly declared = new Map<string, boolean>();
  /** The token of a name assigned without a declaration: its scope (`scopeOf`), the C family. */
  private readonly assigned = new Map<number, number>();
  /** Python: statement start: the statement start of the block header it is in (-1 at the top). */
  private readonly headers = new Map<number, number>();

  constructor(private readonly tk: Tokens) {}

  /** Does `name` written at token `at` mean the variable `name` declared at token `decl`? */
  visible(name: string, decl: number, at: number): boolean {
    const member = name.startsWith('this.') || name.startsWith('self.');
    if (this.tk.language === 'python') return member ? this.pyVisibleMember(decl, at) : this.pyVisible(name, decl, at);
    if (member) {
      const c = this.classOf(decl);
      return c >= 0 && c === this.classOf(at);
    }
    return this.cVisible(name, decl, at);
  }

  /**
   * Does binding `name` at token `at` (`p = other`, `for p in`) bind the variable `name` declared at token `decl`
   * again: one it means there (`visible`), unless the binding is directly in a class's body, which binds a name of
   * the class's own (Python's class attribute, TypeScript's field), not the variable of a scope around it.
   */
  rebinds(name: string, decl: number, at: number): boolean {
    if (!this.visible(name, decl, at)) return false;
    const tk = this.tk;
    if (name.startsWith('this.') || name.startsWith('self.')) return true;
    if (tk.language === 'python') {
      const c = this.pyChain(at)[0];
      return c === undefined || !tk.isIdent(c, 'class') || c === this.pyChain(decl)[0];
    }
    const b = this.blockOf(at);
    return b < 0 || b === this.blockOf(decl) || !isClassHeader(tk, headerOf(tk, b));
  }

  /**
   * Java and C#: does `name` written alone at token `at` mean the field `this.name` declared (assigned) at token
   * `decl`? In the field's class, when no block, lambda or parameter list between declares the name (a local or a
   * parameter hides the field).
   */
  fieldVisible(name: string, decl: number, at: number): boolean {
    const c = this.classOf(decl);
    return c >= 0 && c === this.classOf(at) && this.within(name, c, at);
  }

  /** Where the variable `name` at token `decl` is declared: at the file's level, in a class's body (a field), or in a block (a local). */
  placeOf(name: string, decl: number): 'file' | 'class' | 'block' {
    const b = this.scopeOf(name, decl);
    return b < 0 ? 'file' : isClassHeader(this.tk, headerOf(this.tk, b)) ? 'class' : 'block';
  }

  /**
   * The token a variable is seen around: `visible(name, decl, at)` (and `fieldVisible`) holds only where it is one
   * of `around(at)`. A local's declaring block (or -1, the file), a field's class body (in Python the header of the
   * function or class that binds it). It lets many constructs of one name be looked at only where they may be seen.
   */
  anchor(name: string, decl: number): number {
    const member = name.startsWith('this.') || name.startsWith('self.');
    if (this.tk.language === 'python') return member ? pyClassIn(this.tk, this.pyChain(decl)) : (this.pyChain(decl)[0] ?? -1);
    return member ? this.classOf(decl) : this.scopeOf(name, decl);
  }

  /** The tokens a variable seen at token `at` is anchored at (`anchor`): the groups around it, or the Python headers, and -1. */
  around(at: number): number[] {
    const out = this.tk.language === 'python' ? this.pyChain(at) : [];
    if (this.tk.language !== 'python') for (let g = this.tk.up[at]; g >= 0; g = this.tk.up[g]) out.push(g);
    out.push(-1);
    return out;
  }

  // --- The C family: blocks are brace groups, a function's parameters are in the header before its body. ---

  private cVisible(name: string, decl: number, at: number): boolean {
    // Mostly the name is read in the block that declares it: its scope is looked for only when not.
    const block = this.blockOf(decl);
    if (this.within(name, block, at)) return true;
    const scope = this.scopeOf(name, decl);
    return scope !== block && this.within(name, scope, at);
  }

  /** Is token `at` in the group `scope` (-1: the file), no group in between declaring `name` again? */
  private within(name: string, scope: number, at: number): boolean {
    for (let g = this.tk.up[at]; g !== scope; g = this.tk.up[g]) {
      // Outside the declaring block (another function's body), or declared again in between.
      if (g < 0 || this.declares(g, name)) return false;
    }
    return true;
  }

  /**
   * The block whose variable the name at token `decl` is: that block itself when it declares the name there
   * (`VpcBgpPeer p =`, `const p =`, `p :=`). A name assigned without a declaration (`p = ...`) is one declared around
   * it: the nearest block that declares it (a parameter, a local, a field in a class's body); in Java and C# a field
   * of the class it is in, maybe declared in a base class, as a constructor's `peer = ...` is; else the file's.
   */
  private scopeOf(name: string, decl: number): number {
    if (this.bindsAfter(decl)) return this.blockOf(decl);
    let scope = this.assigned.get(decl);
    if (scope !== undefined) return scope;
    const tk = this.tk;
    const fields = tk.language === 'java' || tk.language === 'csharp';
    for (scope = this.blockOf(decl); scope >= 0 && !this.declares(scope, name) && !(fields && isClassHeader(tk, headerOf(tk, scope))); scope = this.blockOf(scope));
    this.assigned.set(decl, scope);
    return scope;
  }

  /** The innermost brace group around token `i`, or -1 (the file). */
  private blockOf(i: number): number {
    const tk = this.tk;
    let g = tk.up[i];
    while (g >= 0 && !tk.is(g, '{')) g = tk.up[g];
    return g;
  }

  /** The body of the class around token `i` (the nearest brace group whose header says `class`), or -1. */
  private classOf(i: number): number {
    for (let g = this.blockOf(i); g >= 0; g = this.blockOf(g)) if (isClassHeader(this.tk, headerOf(this.tk, g))) return g;
    return -1;
  }

  /** Does group `g` declare `name`: as a parameter or loop variable in its header, or a local in its body? */
  private declares(g: number, name: string): boolean {
    const key = `${g},${name}`;
    let d = this.declared.get(key);
    if (d === undefined) this.declared.set(key, (d = this.tk.is(g, '{') ? this.blockDeclares(g, name) : this.lambdaDeclares(g, name)));
    return d;
  }

  private blockDeclares(g: number, name: string): boolean {
    const tk = this.tk;
    for (const t of headerOf(this.tk, g)) {
      if (tk.isIdent(t, name) && (this.bindsAfter(t) || tk.is(t + 1, '=>') || tk.is(t + 1, '->'))) return true;
      // A parameter list (or `for (const group of ...)`, `catch (E group)`): the name written in it, not read;
      // a condition's parentheses (`if (ready(group))`) declare nothing.
      const condition = tk.isIdent(t - 1) && CONDITIONS.has(tk.text_(t - 1));
      if (!condition && tk.is(t, '(') && this.directlyNamed(t, name)) return true;
    }
    return this.localIn(g, name);
  }

  /** A lambda whose parameters name it, directly in the parenthesized group `g` (`map((group) => ...)`, `group -> ...`). */
  private lambdaDeclares(g: number, name: string): boolean {
    const tk = this.tk;
    const end = this.endOf(g);
    for (let t = g + 1; t < end; t++) {
      const arrow = tk.is(this.next(t), '=>') || tk.is(this.next(t), '->');
      if (tk.isIdent(t, name) && arrow) return true;
      if (tk.isOpener(t)) {
        if (arrow && tk.is(t, '(') && this.directlyNamed(t, name)) return true;
        t = tk.after(t) - 1;
      }
    }
    return false;
  }

  /** A local declaration of `name` directly in the brace group `g` (not in a block nested in it). */
  private localIn(g: number, name: string): boolean {
    const tk = this.tk;
    const end = this.endOf(g);
    for (let t = g + 1; t < end; t++) {
      if (tk.isOpener(t)) {
        t = tk.after(t) - 1;
        continue;
      }
      if (tk.isIdent(t, name) && this.bindsAfter(t)) return true;
    }
    return false;
  }

  /** Is the name at token `t` declared there (`let group`, `group :=`, `VpcBgpGroup group = ...`)? */
  private bindsAfter(t: number): boolean {
    const tk = this.tk;
    if (tk.is(t - 1, '.')) return false;
    if (tk.isIdent(t - 1) && DECLARERS.has(tk.text_(t - 1)) && tk.language !== 'java' && tk.language !== 'csharp') return true;
    if (tk.is(t + 1, ':=') || (tk.is(t + 1, ',') && tk.isIdent(t + 2) && tk.is(t + 3, ':='))) return true;
    if (tk.language === 'java' || tk.language === 'csharp') {
      const typed = (tk.isIdent(t - 1) && !NOT_TYPES.has(tk.text_(t - 1))) || tk.is(t - 1, '>') || tk.is(t - 1, ']') || tk.is(t - 1, '?');
      return typed && (tk.is(t + 1, '=') || tk.is(t + 1, ';'));
    }
    return false;
  }

  /** Is `name` written directly in the group `g` other than as the object of a member access (`group.id`)? */
  private directlyNamed(g: number, name: string): boolean {
    const tk = this.tk;
    const end = this.endOf(g);
    for (let t = g + 1; t < end; t++) {
      if (tk.isOpener(t)) t = tk.after(t) - 1;
      else if (tk.isIdent(t, name) && !tk.is(t - 1, '.') && !tk.is(t + 1, '.') && !tk.is(t + 1, '?.')) return true;
    }
    return false;
  }

  /** The index after the last token inside group `g`. */
  private endOf(g: number): number {
    const tk = this.tk;
    return tk.closeOf[g] >= 0 ? tk.closeOf[g] : tk.extent[g];
  }

  /** The token after the group opened at `t`, or after `t` itself. */
  private next(t: number): number {
    return this.tk.isOpener(t) ? this.tk.after(t) : t + 1;
  }

  // --- Python: a function's variables are its parameters and what it assigns anywhere in its body. ---

  private pyVisibleMember(decl: number, at: number): boolean {
    const c = pyClassIn(this.tk, this.pyChain(decl));
    return c >= 0 && c === pyClassIn(this.tk, this.pyChain(at));
  }

  private pyVisible(name: string, decl: number, at: number): boolean {
    const tk = this.tk;
    const declChain = this.pyChain(decl);
    const useChain = this.pyChain(at);
    const scope = declChain.length ? declChain[0] : -1;
    // A class's own variable is seen in its body only, not in its methods.
    if (scope >= 0 && tk.isIdent(scope, 'class') && useChain[0] !== scope) return false;
    const k = scope < 0 ? useChain.length : useChain.indexOf(scope);
    if (k < 0) return false;
    for (let j = 0; j < k; j++) if (!tk.isIdent(useChain[j], 'class') && this.pyDeclares(useChain[j], name)) return false;
    // A lambda or a comprehension in the statement that binds the name (`lambda group: group.id`).
    const s = pyStatementStart(tk, at);
    let binder = false;
    for (let t = s; t < at; t++) {
      if (tk.isIdent(t, 'lambda') || tk.isIdent(t, 'for')) binder = true;
      else if (binder && tk.isIdent(t, name) && !tk.is(t + 1, '.')) return false;
    }
    return true;
  }

  /** The `def` and `class` headers around token `i` (their statements' first tokens), innermost first. */
  private pyChain(i: number): number[] {
    const tk = this.tk;
    const out: number[] = [];
    for (let h = this.pyHeader(pyStatementStart(tk, i)); h >= 0; h = this.pyHeader(h)) {
      const d = tk.isIdent(h, 'async') ? h + 1 : h;
      if (tk.isIdent(d, 'def') || tk.isIdent(d, 'class')) out.push(d);
    }
    return out;
  }

  /** The header statement of the block statement `s` is in (the nearest statement before it indented less), or -1. */
  private pyHeader(s: number): number {
    const tk = this.tk;
    const pending: number[] = [];
    let result = -1;
    let at = s;
    search: for (;;) {
      const known = this.headers.get(at);
      if (known !== undefined) {
        result = known;
        break;
      }
      pending.push(at);
      const indent = tk.indentOfLine(tk.line[at]);
      let p = at - 1;
      for (;;) {
        if (p < 0) break search;
        let q = pyStatementStart(tk, p);
        let qi = tk.indentOfLine(tk.line[q]);
        // A statement indented more is in a block before: its header, when known, is the next one up.
        while (qi > indent && this.headers.has(q)) {
          q = this.headers.get(q)!;
          if (q < 0) break search;
          qi = tk.indentOfLine(tk.line[q]);
        }
        if (qi < indent) {
          result = q;
          break search;
        }
        if (qi === indent) {
          // A statement of the same block: the same header.
          at = q;
          continue search;
        }
        p = q - 1;
      }
    }
    for (const x of pending) this.headers.set(x, result);
    return result;
  }

  /** Does the function whose `def` is at `d` bind `name`: a parameter, or assigned (or looped over) in its body? */
  private pyDeclares(d: number, name: string): boolean {
    const key = `${d},${name}`;
    let found = this.declared.get(key);
    if (found !== undefined) return found;
    const tk = this.tk;
    found = false;
    const open = tk.is(d + 2, '(') ? d + 2 : -1;
    if (open >= 0) {
      const end = this.endOf(open);
      for (let t = open + 1; t < end && !found; t++) if (tk.isIdent(t, name) && !tk.is(t + 1, '.') && !tk.is(t - 1, '.')) found = true;
    }
    const indent = tk.indentOfLine(tk.line[d]);
    for (let t = open >= 0 ? tk.after(open) : d + 1; t < tk.n && !found; t++) {
      if (tk.first[t] && tk.up[t] < 0 && !isCloser(tk, t) && tk.indentOfLine(tk.line[t]) <= indent) break;
      if (!tk.isIdent(t, name) || tk.is(t - 1, '.')) continue;
      const statementStart = tk.first[t] && tk.up[t] < 0;
      const assigned = (statementStart || (tk.is(t - 1, ',') && tk.up[t] < 0)) && (tk.is(t + 1, '=') || tk.is(t + 1, ':') || tk.is(t + 1, ','));
      const bound = tk.isIdent(t - 1) && PY_BINDERS.has(tk.text_(t - 1));
      found = assigned || bound || isAugmented(tk, t + 1) || pyBracketedTarget(tk, t);
    }
    this.declared.set(key, found);
    return found;
  }
}

/** Python: the first token of the logical line holding token `i`. */
export function pyStatementStart(tk: Tokens, i: number): number {
  let o = i;
  for (;;) {
    while (tk.up[o] >= 0) o = tk.up[o];
    while (o > 0 && !tk.first[o]) o--;
    if (tk.up[o] >= 0) continue;
    if (!isCloser(tk, o) || o === 0) return o;
    o--;
  }
}

/**
 * Python: is the name at token `t` one of a bracketed list of targets, `(q, p) = pair`, `[q, p] = pair`,
 * `for (i, p) in pairs:` (the brackets a statement's first, or its loop's)?
 */
function pyBracketedTarget(tk: Tokens, t: number): boolean {
  const o = tk.up[t];
  if (o < 0 || tk.up[o] >= 0 || !(tk.is(o, '(') || tk.is(o, '[')) || !(tk.first[o] || tk.isIdent(o - 1, 'for'))) return false;
  const close = tk.closeOf[o];
  if (close < 0 || !(tk.is(t - 1, ',') || t - 1 === o) || !(tk.is(t + 1, ',') || t + 1 === close)) return false;
  return tk.is(close + 1, '=') || (tk.isIdent(o - 1, 'for') && tk.isIdent(close + 1, 'in'));
}

/** The innermost class in a chain of headers, or -1. */
function pyClassIn(tk: Tokens, chain: number[]): number {
  for (const h of chain) if (tk.isIdent(h, 'class')) return h;
  return -1;
}

/**
 * The tokens of the header before the brace group `g`, at its level, last first: back to the end of the
 * statement before (`;`, `}` or a `{` there) or to the start of the line the header starts on (Go writes no
 * `;`), so a function's name, its parameter list and what follows it.
 */
export function headerOf(tk: Tokens, g: number): number[] {
  const level = tk.up[g];
  const out: number[] = [];
  for (let t = g - 1; t > level; t--) {
    if (tk.up[t] !== level) continue;
    if (tk.is(t, ';') || tk.is(t, '}') || tk.is(t, '{')) break;
    out.push(t);
    // A line that continues the header (`) {`, `throws E {`, `: base(id)`) does not start it.
    if (tk.first[t] && !isCloser(tk, t) && !HEADER_CONTINUATIONS.has(tk.text_(t))) break;
  }
  return out;
}

/** Does a header (`headerOf`) make its group a class body? */
export function isClassHeader(tk: Tokens, header: readonly number[]): boolean {
  return header.some((t) => tk.isIdent(t) && CLASSES.has(tk.text_(t)));
}

function isCloser(tk: Tokens, i: number): boolean {
  if (tk.kind[i] !== PUNCT || tk.end[i] - tk.start[i] !== 1) return false;
  const c = tk.text.charCodeAt(tk.start[i]);
  return c === 41 || c === 93 || c === 125;
}

/** `+=`, `-=`, ... at token `i` (an augmented assignment binds the name too). */
function isAugmented(tk: Tokens, i: number): boolean {
  if (i >= tk.n || tk.kind[i] !== PUNCT) return false;
  const s = tk.text_(i);
  return s.length >= 2 && s.endsWith('=') && s !== '==' && s !== '!=' && s !== '<=' && s !== '>=';
}
