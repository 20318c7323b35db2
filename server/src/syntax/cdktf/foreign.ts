/**
 * Class names of the file that are not the provider's: imported from a module that is not the alicloud
 * bindings (`import { VpcBgpPeer } from "./wrapper"`, `from mylib.peer import VpcBgpPeer`,
 * `import com.example.VpcBgpPeer;`, Go's `bgp.NewVpcBgpPeer` with `bgp` imported from `example.com/infra/bgp`),
 * or defined in the file itself (`class VpcBgpPeer`, `interface VpcBgpPeerConfig`, TypeScript's
 * `type VpcBgpPeerConfig =`, C#'s `struct`, Go's `func NewVpcBgpPeer`). In Go a name written alone is always the
 * package's own (`VpcBgpPeerConfig{...}`), the bindings being another package, unless the file imports one with
 * a dot (`import . "…/vpcbgppeer"`). A user's own class of the same name takes other arguments: checking it
 * against the provider's schema reports nonsense.
 *
 * The statements read come back too, as token ranges, a TypeScript import still without its module included:
 * an edit inside one (a line of a multi-line import) may change the answer without touching a keyword (`parse.ts`).
 */
import { IDENT, STRING } from './kinds';
import { stringValue, wordShape, type CdktfLanguage, type Tokens } from './tokens';

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
  /** Every name written alone is the program's own (Go, unless the bindings are dot-imported). */
  alone: boolean;
  /** Token index pairs [lo, hi) of the import and definition statements read. */
  statements: number[];
}

/** Keywords that define a type of the program's own, by language (a Go `type` needs none: see `alone`). */
const DEFINITIONS: Record<CdktfLanguage, Set<string>> = {
  typescript: new Set(['class', 'interface', 'type']),
  python: new Set(['class']),
  java: new Set(['class', 'interface', 'record', 'enum']),
  csharp: new Set(['class', 'interface', 'struct', 'record']),
  go: new Set(['func']),
};

/** Length and first letter of each word the scan below looks at, by language. */
const SHAPES = Object.fromEntries(
  Object.entries(DEFINITIONS).map(([lang, words]) => [lang, new Set([...words, 'import', 'from'].map(wordShape))]),
) as Record<CdktfLanguage, Set<number>>;

/** `goPackages`: the package names of the Go bindings (`vpcbgppeer`), whose import paths vary with the project. */
export function foreignNames(tk: Tokens, goPackages: Set<string>): Foreign {
  const names = new Set<string>();
  const ranges: number[] = [];
  const lang = tk.language;
  const definitions = DEFINITIONS[lang];
  const go = { dotImported: false };
  const shapes = SHAPES[lang];
  for (let i = 0; i < tk.n; i++) {
    // Most tokens are neither a keyword read here nor a definition's: their shape says so without a substring,
    // which this pass over the whole file would otherwise make for every identifier.
    if (tk.kind[i] !== IDENT || !shapes.has(tk.shape(i))) continue;
    if (definitions.has(tk.text_(i))) {
      // TypeScript's `type` is a keyword only before `Name =` or `Name<`: not `import type {`, nor `x.type`.
      const alias = lang === 'typescript' && tk.isIdent(i, 'type');
      if (tk.isIdent(i + 1) && !tk.is(i - 1, '.') && (!alias || tk.is(i + 2, '=') || tk.is(i + 2, '<'))) {
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
    } else if (lang === 'go' && tk.first[i] && tk.isIdent(i, 'import')) {
      i = goImport(tk, i, names, ranges, goPackages, go);
    }
  }
  return { names, alone: lang === 'go' && !go.dotImported, statements: ranges };
}

/** `import X, { A, B as C } from "src"`; returns the last token read. */
function typescriptImport(tk: Tokens, at: number, names: Set<string>, ranges: number[]): number {
  const local: string[] = [];
  let depth = 0;
  let j = at + 1;
  for (; j < tk.n && j < at + MAX_STATEMENT; j++) {
    if (tk.is(j, '{')) depth++;
    else if (tk.is(j, '}')) depth--;
    else if (tk.is(j, ';')) break;
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
  // A statement without its module (`import { A }` being typed, or ended by `;`) is read too: a string written
  // into it later, on a line with no keyword, gives it one.
  ranges.push(at, Math.min(j + 1, tk.n));
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

/**
 * `import "path"`, `import alias "path"` or a group of them in parentheses; returns the last token read. A package
 * that is not the bindings is a namespace of the program's own (`bgp.`, by its alias or its path's last element,
 * less a version: `.../bgp/v2`, `yaml.v3`); a dot import of the bindings makes their names usable alone.
 */
function goImport(tk: Tokens, at: number, names: Set<string>, ranges: number[], goPackages: Set<string>, go: { dotImported: boolean }): number {
  const group = tk.is(at + 1, '(');
  const end = group ? tk.extent[at + 1] : Math.min(tk.n, at + 3);
  let last = at;
  for (let k = group ? at + 2 : at + 1; k < end; k++) {
    if (tk.kind[k] !== STRING) continue;
    last = k;
    const path = stringValue(tk, k);
    const parts = path.split('/');
    let own = parts[parts.length - 1];
    if (/^v\d+$/.test(own) && parts.length > 1) own = parts[parts.length - 2];
    own = own.replace(/\.v\d+$/, '');
    const bindings = BINDINGS.test(path) || goPackages.has(own);
    const alias = k - 1 > (group ? at + 1 : at) && tk.line[k - 1] === tk.line[k] ? tk.text_(k - 1) : undefined;
    if (alias === '.') go.dotImported ||= bindings;
    else if (!bindings && alias !== '_') names.add((alias ?? own) + '.');
  }
  const stop = group ? Math.max(end, at + 1) : last;
  ranges.push(at, stop + 1);
  return stop;
}
