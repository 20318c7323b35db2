/**
 * Class names of the file that are not the provider's: imported from a module that is not the alicloud
 * bindings (`import { VpcBgpPeer } from "./wrapper"`, `from mylib.peer import VpcBgpPeer`,
 * `import com.example.VpcBgpPeer;`), or defined in the file itself (`class VpcBgpPeer`, Go's
 * `func NewVpcBgpPeer`). A user's own class of the same name takes other arguments: checking it against the
 * provider's schema reports nonsense.
 *
 * The statements read come back too, as token ranges: an edit to a class name inside one (a line of a
 * multi-line import) may change the answer without touching a keyword (`parse.ts`).
 */
import { IDENT, STRING } from './kinds';
import type { Tokens } from './tokens';

/**
 * Where generated bindings are imported from: the provider packages (`@cdktf/provider-alicloud`, Python's
 * `cdktf_cdktf_provider_alicloud`, Java's `com.hashicorp.cdktf.providers.alicloud`), the folders `cdktf get`
 * writes (`.gen/providers/alicloud`, `imports.alicloud`), or a re-export of them (`../gen`, `./generated`). A
 * module merely named after the cloud (`./alicloud-wrappers`) is the program's own.
 */
const BINDINGS = /provider[-_]alicloud|providers[./\\]alicloud([./\\]|$)|(^|[./\\])imports[./\\]alicloud([./\\]|$)|(^|[./\\])\.?gen(erated)?($|[./\\])/i;

/** How far an import statement is read before it is taken as something else. */
const MAX_STATEMENT = 400;

export interface Foreign {
  /** Class names written alone, and namespaces (`wrap.`, with the dot) whose members are the program's own. */
  names: Set<string>;
  /** Token index pairs [lo, hi) of the import and definition statements read. */
  statements: number[];
}

export function foreignNames(tk: Tokens): Foreign {
  const names = new Set<string>();
  const ranges: number[] = [];
  const lang = tk.language;
  for (let i = 0; i < tk.n; i++) {
    if (tk.kind[i] !== IDENT) continue;
    if (tk.isIdent(i, 'class') || (lang === 'go' && tk.isIdent(i, 'func'))) {
      if (tk.isIdent(i + 1) && !tk.is(i - 1, '.')) {
        names.add(tk.text_(i + 1));
        ranges.push(i, i + 2);
      }
      continue;
    }
    if (lang === 'typescript' && tk.isIdent(i, 'import') && !tk.is(i - 1, '.') && !tk.is(i + 1, '(') && !tk.is(i + 1, '.')) {
      i = typescriptImport(tk, i, names, ranges);
    } else if (lang === 'python' && tk.first[i] && tk.isIdent(i, 'from')) {
      i = pythonImport(tk, i, names, ranges);
    } else if (lang === 'java' && tk.first[i] && tk.isIdent(i, 'import')) {
      i = javaImport(tk, i, names, ranges);
    }
  }
  return { names, statements: ranges };
}

/** `import X, { A, B as C } from "src"`; returns the last token read. */
function typescriptImport(tk: Tokens, at: number, names: Set<string>, ranges: number[]): number {
  const local: string[] = [];
  let depth = 0;
  for (let j = at + 1; j < tk.n && j < at + MAX_STATEMENT; j++) {
    if (tk.is(j, '{')) depth++;
    else if (tk.is(j, '}')) depth--;
    else if (tk.is(j, ';')) return j;
    else if (tk.kind[j] === STRING) {
      ranges.push(at, j + 1);
      if (!BINDINGS.test(tk.text_(j).slice(1, -1))) for (const n of local) names.add(n);
      return j;
    } else if (tk.kind[j] === IDENT && !tk.isIdent(j, 'from') && !tk.isIdent(j, 'type') && !tk.isIdent(j, 'as') && !tk.is(j - 1, '*')) {
      // A name bound here: `A`, or `C` of `B as C`; `* as ns` binds a namespace, whose members are written `ns.A`.
      if (tk.isIdent(j + 1, 'as')) continue;
      if (tk.isIdent(j - 1, 'as') && tk.is(j - 2, '*')) local.push(tk.text_(j) + '.');
      else if (depth > 0 || !tk.is(j + 1, '.')) local.push(tk.text_(j));
    }
  }
  return at;
}

/** `from a.b import X, Y as Z` or `from a.b import (X, Y)`; returns the last token read. */
function pythonImport(tk: Tokens, at: number, names: Set<string>, ranges: number[]): number {
  let j = at + 1;
  let module = '';
  for (; j < tk.n && j < at + MAX_STATEMENT && !tk.isIdent(j, 'import'); j++) {
    if (tk.line[j] !== tk.line[at]) return at;
    module += tk.text_(j);
  }
  if (!tk.isIdent(j, 'import')) return at;
  const line = tk.line[j];
  const open = tk.is(j + 1, '(') ? j + 1 : -1;
  const end = open >= 0 ? tk.after(open) : tk.n;
  const local: string[] = [];
  let k = open >= 0 ? open + 1 : j + 1;
  for (; k < end && k < at + MAX_STATEMENT; k++) {
    if (open < 0 && tk.line[k] !== line) break;
    if (tk.kind[k] !== IDENT || tk.isIdent(k, 'as') || tk.isIdent(k + 1, 'as')) continue;
    local.push(tk.text_(k));
  }
  ranges.push(at, k);
  if (!BINDINGS.test(module)) for (const n of local) names.add(n);
  return k - 1;
}

/** `import a.b.VpcBgpPeer;`; returns the last token read. */
function javaImport(tk: Tokens, at: number, names: Set<string>, ranges: number[]): number {
  let path = '';
  for (let j = at + 1; j < tk.n && j < at + MAX_STATEMENT; j++) {
    if (tk.is(j, ';')) {
      ranges.push(at, j + 1);
      const last = j - 1;
      if (tk.isIdent(last) && !BINDINGS.test(path)) names.add(tk.text_(last));
      return j;
    }
    if (tk.line[j] !== tk.line[at]) return at;
    path += tk.text_(j);
  }
  return at;
}
