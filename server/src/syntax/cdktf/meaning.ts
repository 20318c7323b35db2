/**
 * Which of the constructs kept in variables of one name a set or an assignment written at a token is on: those whose
 * variable the name means there (`scopes.ts`). In Java and C#, `this.p` is a field only (assigned as `this.p`, or
 * declared in a class's body), and `p` a local or parameter where one is in scope, else the field, unless one of the
 * name hides it in between.
 *
 * Many constructs of one name (a `peer` in each of many functions) are indexed by where each may be seen
 * (`Scopes.anchor`), so a set costs a few look-ups rather than one per construct.
 */
import type { Scopes } from './scopes';
import type { Tokens } from './tokens';

/** A construct's variable: its name (`p`, `this.p`, `self.p`) and its token. */
export interface Variable {
  name: string;
  decl: number;
}

/** Below this many constructs of a name, each is looked at: indexing them costs more. */
const FEW = 4;

type Place = 'file' | 'class' | 'block';

export class Meaning {
  private readonly java: boolean;
  private readonly places: (Place | undefined)[] = [];
  private byAnchor?: Map<number, number[]>;
  /** How many times a variable was looked at (for tests and measurements). */
  looked = 0;

  /** `key` is the name without `this.` in Java and C# (`LaterSets.key`). */
  constructor(
    private readonly tk: Tokens,
    private readonly scopes: Scopes,
    private readonly key: string,
    private readonly variables: readonly Variable[],
  ) {
    this.java = tk.language === 'java' || tk.language === 'csharp';
  }

  /**
   * The indices of the variables the name written at token `at` (its last word: `p` of `this.p`) may mean; for a
   * `binding` there (`p = other`), those it binds again (`Scopes.rebinds`).
   */
  at(at: number, binding = false): number[] {
    const member = this.java && this.tk.is(at - 1, '.');
    const visible: number[] = [];
    if (this.variables.length <= FEW) {
      for (let k = 0; k < this.variables.length; k++) if (this.seen(k, at, member, binding)) visible.push(k);
    } else {
      const index = (this.byAnchor ??= this.index());
      for (const g of this.scopes.around(at)) for (const k of index.get(g) ?? []) if (this.seen(k, at, member, binding)) visible.push(k);
    }
    if (visible.length < 2 || !this.java) return visible;
    const locals = visible.filter((k) => this.place(k) === 'block');
    return locals.length ? locals : visible;
  }

  private seen(k: number, at: number, member: boolean, binding: boolean): boolean {
    this.looked++;
    const { name, decl } = this.variables[k];
    if (!this.java) return binding ? this.scopes.rebinds(name, decl, at) : this.scopes.visible(name, decl, at);
    if (member) {
      const place = this.place(k);
      return place !== 'block' && this.scopes.visible(place === 'class' ? `this.${this.key}` : name, decl, at);
    }
    return name.startsWith('this.') ? this.scopes.fieldVisible(this.key, decl, at) : this.scopes.visible(name, decl, at);
  }

  /** Java and C#: where variable `k` is declared (`this.p` in a class). */
  private place(k: number): Place {
    const { name, decl } = this.variables[k];
    return (this.places[k] ??= name.startsWith('this.') ? 'class' : this.scopes.placeOf(name, decl));
  }

  private index(): Map<number, number[]> {
    const out = new Map<number, number[]>();
    this.variables.forEach(({ name, decl }, k) => {
      const a = this.scopes.anchor(name, decl);
      const list = out.get(a);
      if (list) list.push(k);
      else out.set(a, [k]);
    });
    return out;
  }
}
