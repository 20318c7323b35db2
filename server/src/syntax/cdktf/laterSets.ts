/**
 * Constructs changed after they are built. CDKTF constructs are objects whose properties can be set later
 * (`peer.enableBfd = true`; Java `peer.setEnableBfd(true)`, Go `peer.SetEnableBfd(…)`; `peer.addOverride(…)` in
 * every language), typically under a condition. Such a construct's config shows only part of what it will hold,
 * as a spread does: what seems missing from it may not be (`partial.ts`).
 *
 * A set is four tokens, `name . property =` or `name . setProperty (`, anywhere in the file. Each one found is
 * kept with its first token, so that after an edit only the windows that overlap the re-scanned tokens are read
 * again (a whole scan of a 5,000-construct stack cost 1-5 ms, more than the rest of a keystroke).
 */
import { IDENT, PUNCT } from './kinds';
import type { Tokens } from './tokens';

/** Calls that change a construct in every language: the generated setters, and Terraform overrides. */
const SETTER = /^(?:set|Set)[A-Z]|^(?:addOverride|add_override|AddOverride)$/;

/** Languages whose generated bindings have assignable properties (`p.enableBfd = …`). */
const ASSIGNABLE = new Set(['typescript', 'python', 'csharp']);

interface Found {
  /** The variable's token. */
  at: number;
  name: string;
}

/** The sets whose first token is in [from, to), appended to `out` in token order. */
function scan(tk: Tokens, from: number, to: number, out: Found[]): void {
  const { kind, start, end } = tk;
  const text = tk.text;
  const assignable = ASSIGNABLE.has(tk.language);
  const single = (i: number, c: number) => kind[i] === PUNCT && end[i] - start[i] === 1 && text.charCodeAt(start[i]) === c;
  for (let i = Math.max(0, from); i < to && i + 3 < tk.n; i++) {
    if (kind[i] !== IDENT || kind[i + 2] !== IDENT || !single(i + 1, 46 /* . */)) continue;
    if ((assignable && single(i + 3, 61 /* = */)) || (single(i + 3, 40 /* ( */) && SETTER.test(tk.text_(i + 2)))) out.push({ at: i, name: tk.text_(i) });
  }
}

export class LaterSets {
  private found: Found[] = [];
  /** The variable names some property of which is set, or overridden, somewhere in the file. */
  names: Set<string>;

  constructor(tk: Tokens) {
    scan(tk, 0, tk.n, this.found);
    this.names = new Set(this.found.map((f) => f.name));
  }

  /**
   * After `retokenize` replaced old tokens [from, oldTo) by new ones [from, newTo), the others moving by `dt`:
   * reads again the windows that overlap the new tokens, and returns the names that gained or lost their last set.
   */
  update(tk: Tokens, from: number, oldTo: number, newTo: number, dt: number): Set<string> {
    const lo = Math.max(0, from - 3);
    const kept = this.found.filter((f) => f.at < lo || f.at >= oldTo);
    const fresh: Found[] = [];
    scan(tk, lo, newTo, fresh);
    const before = kept.findIndex((f) => f.at >= oldTo);
    const head = before < 0 ? kept : kept.slice(0, before);
    const tail = before < 0 ? [] : kept.slice(before).map((f) => ({ at: f.at + dt, name: f.name }));
    this.found = [...head, ...fresh, ...tail];
    const names = new Set(this.found.map((f) => f.name));
    const flipped = new Set<string>();
    for (const n of names) if (!this.names.has(n)) flipped.add(n);
    for (const n of this.names) if (!names.has(n)) flipped.add(n);
    this.names = names;
    return flipped;
  }
}
