/**
 * A CDKTF file's tokens and constructs, kept current edit by edit. An edit re-tokenizes its own lines
 * (`retokenize.ts`), re-matches only the class names whose matching read a changed token (see
 * `Construct.lo`/`hi`; a token whose enclosing groups changed but whose own did not is unchanged for that, so
 * a call left open at column 0 above thousands of indented constructs re-matches none of them), and moves the
 * others: by an index delta, and by a line delta counted in `shift` rather than written into their positions.
 * References are resolved again only where a variable they name changed; so are properties set later (`placeSets`).
 * A change to which names are classes (an import, a definition) matches again the class names it reads differently;
 * one to how values are read (cdktf's `Token` renamed, the quote style) re-parses the file from scratch.
 *
 * The result is always what parsing the new text from scratch gives (test/unit/cdktf-incremental.test.ts).
 */
import type { SchemaRegistry } from '../../schema/registry';
import { classesOf, classKeywords, classNames, definitionWords, matchConstructs, parseConstructs, quoteStyle, reclassified, schemaAt, withClasses, type Construct, type Matching } from './constructs';
import { ownStrings } from './copies';
import { LaterSets, type Found } from './laterSets';
import { Meaning } from './meaning';
import { laterInstance } from './laterValues';
import type { ResourceSchema } from '../../schema/types';
import { bindingsOf, changedNames, pick, readsAny, resolveAgain, resolveBuilt, type Bindings } from './references';
import { Scopes } from './scopes';
import { retokenize, type OffsetEdit, type Retokenized, type Side } from './retokenize';
import { firstWhere } from './search';
import type { Source } from './source';
import type { CdktfInstance } from './model';
import { lineAt, type CdktfLanguage, type Tokens } from './tokens';

/** What an edit changed: constructs gone (with what was cached on them) and new ones. */
/** A set `placeSets` put on a construct, whose schema it records. */
export type PlacedSet = Found & { schema: ResourceSchema };

export interface ConstructChanges {
  removed: Construct[];
  added: Construct[];
}

export class CdktfParse {
  tokens!: Tokens;
  /** Every use of a class name, in token order; those with an instance are the file's constructs. */
  entries!: Construct[];
  private matching!: Matching;
  private bindings!: Bindings;
  /** The arguments set elsewhere in the file on the construct of each variable. */
  private later!: LaterSets;
  /** The entries with an instance, made when first asked for after an edit. */
  private placed?: Construct[];
  /** Every class name as the language writes it (`classNames`). */
  private classNames?: Set<string>;
  /** Whole-file parses, and how many class names the last edit matched again (for tests and measurements). */
  fullParses = 0;
  lastRematched = 0;
  /** How many times the last edit looked whether a construct's variable is in scope at a set (for tests and measurements). */
  lastScopeLookups = 0;
  /** How many constructs the last edit did not touch had their references resolved again (for tests and measurements). */
  lastResolvedAgain = 0;
  /** How many edits read the file's imports and definitions again (for tests and measurements). */
  classScans = 0;

  constructor(text: Source, readonly language: CdktfLanguage, private readonly registry: SchemaRegistry, lineStarts: number[]) {
    this.full(text, lineStarts);
  }

  private full(text: Source, lineStarts: number[]): undefined {
    this.placed = undefined;
    const parsed = parseConstructs(text, this.language, this.registry, lineStarts);
    this.tokens = parsed.tokens;
    this.matching = parsed.matching;
    this.entries = parsed.constructs;
    this.bindings = bindingsOf(this.entries);
    this.later = new LaterSets(this.tokens);
    this.placeSets(this.later.variables());
    this.fullParses++;
    this.lastRematched = this.entries.length;
    return undefined;
  }

  /**
   * The text (`tokens.text`, already edited) has `lineStarts`, `lineDelta` more lines than before `edit`.
   * Returns the constructs that went and came (a construct resolved again is a new one), or undefined when the
   * file was parsed again from scratch.
   */
  update(lineStarts: number[], edit: OffsetEdit, lineDelta: number): ConstructChanges | undefined {
    this.placed = undefined;
    this.lastScopeLookups = 0;
    this.lastResolvedAgain = 0;
    const tk = this.tokens;
    const text = tk.text;
    // A keyword always counts; a class name only with a word that defines a type (see `changesEverything`).
    const keywords = classKeywords(this.language);
    const definitions = definitionWords(this.language);
    const names = (this.classNames ??= classNames(this.registry, this.language));
    let className = false;
    let definition = false;
    // What the edit may change of the scopes references are resolved in (`scopes.ts`): the groups beyond the
    // re-scanned tokens, and the words that make a class or a Python block, change them everywhere; a name
    // written or removed where it may be declared (not `group.id`), where that name is read.
    let scoping = this.language === 'python' && changesIndentation(text, lineStarts, edit);
    const seen: Record<Side, string[]> = { old: [], new: [], edge: [] };
    const replaced: Record<'old' | 'new', string[]> = { old: [], new: [] };
    const around = enclosingGroups(tk, edit.start);
    let side: 'old' | 'new' = 'old';
    const r = retokenize(tk, lineStarts, edit, lineDelta, (token, s) => {
      if (s === 'new') side = 'new';
      if (s !== 'edge') replaced[s].push(token);
      if (s !== 'edge' && SCOPING.has(token)) scoping = true;
      seen[side].push(s === 'edge' ? EDGE + token : token);
      definition ||= definitions.has(token);
      return keywords.has(token) || ((className ||= names.has(token)), false);
    });
    const reclassified = this.readClasses(r, definition && className);
    if (reclassified === 'all') return this.full(text, lineStarts);
    const { dropped, fresh } = this.matchAgain(r, lineDelta, reclassified);
    // Past the re-scanned tokens, bracket matching went on only while the groups differed from the old ones.
    // An edit that changed only literals (`new VpcBgpPeer(this, "p|", {`) leaves every group where it was,
    // though the walk went on through the groups its lines open (their openers were re-scanned).
    const literals = onlyLiterals(replaced.old, replaced.new, edit) && sameGroups(tk, r);
    scoping ||= (r.changedTo > r.newTo + 1 && !literals) || r.regrouped.length > 0 || endsMoved(tk, around, r, literals);
    const words = scoping ? undefined : declarable(seen.old, seen.new);
    const changes = this.resolveReferences(dropped, fresh, words);
    // The bindings hold the constructs themselves (their tokens are where the variables are): renew them when
    // a construct with a variable was replaced by a copy (resolved again, or marked).
    const isFresh = new Set(fresh);
    if (changes.added.some((e) => e.instance?.name && !isFresh.has(e))) this.bindings = bindingsOf(this.entries);
    if (this.markAgain(r, changes, words, [...dropped, ...fresh])) this.bindings = bindingsOf(this.entries);
    return changes;
  }

  /** The values set on constructs after they are built: those `placeSets` put on a construct (`Found.schema`). */
  *laterValues(): Generator<PlacedSet> {
    for (const set of this.later.withValues()) if (set.schema) yield set as PlacedSet;
  }

  /** The value set later whose tokens hold token `i` (`p.putTimeouts({ | })`), as an instance; undefined if none. */
  laterAround(i: number): CdktfInstance | undefined {
    for (const set of this.later.holding(i)) {
      const instance = this.laterInstance(set);
      if (instance) return instance;
    }
    return undefined;
  }

  /** A value set later, as an instance holding it where it is written (`laterValues.ts`); undefined when on no construct. */
  laterInstance(set: Found): CdktfInstance | undefined {
    return set.schema && laterInstance(this.tokens, set, set.schema, this.matching);
  }

  /** Does the construct `c` (where it is written) see a construct of this kind, type and variable `name`? */
  refersTo(c: Construct, kind: string, type: string, name: string): boolean {
    const target = pick(name, c.tok, this.bindings, new Scopes(this.tokens));
    return !!target && target.kind === kind && target.type === type;
  }

  /**
   * What the edit changed of what every construct reads: 'all' when it changed how values are read (cdktf's
   * `Token` imported under another name, the quote the file's strings use); else the tokens (new indexes) whose
   * class it changed (an import or a definition: a name now the program's own, or the provider's again, a class
   * renamed), usually none. (It also records how far the quote style was read.)
   */
  private readClasses(r: Retokenized, definition: boolean): number[] | 'all' {
    const tk = this.tokens;
    const m = this.matching;
    // The edited lines are re-scanned whole, so an edit to an import or class statement shows one of its keywords,
    // or touches a statement read last time: a line of a multi-line import may hold no keyword, yet its class name
    // or module string decides (a TypeScript `import { A }` with its module on the next line, a Go import group's
    // path). A class name anywhere else (the construct being typed) changes nothing the whole file shares: no
    // scan of the file for it.
    let out = NONE;
    if (r.watched || definition || touches(m.statements, r.from - 1, r.oldTo + 1)) {
      this.classScans++;
      const now = classesOf(tk, this.registry);
      if (!sameSet(now.tokenAliases, tk.tokenAliases)) return 'all';
      // A renamed import can change which names are configs while every name keeps its schema
      // (`VpcBgpPeerConfig as VpcBgpPeer`): both are compared.
      if (!sameClasses(now.classes, m.classes) || !sameSet(now.configs, m.configs) || !sameSet(now.foreign, m.foreign) || now.foreignAlone !== m.foreignAlone) {
        // Typing an import path makes a new namespace of the program's own at each keystroke (`f.`, `fm.`,
        // `fmt.`), which names no construct: only the class names read differently are matched again.
        this.matching = { ...m, ...withClasses(now) };
        out = reclassified(tk, m, this.matching);
      } else m.statements = now.statements;
    } else {
      const s = m.statements;
      for (let k = 0; k < s.length; k++) if (s[k] >= r.oldTo) s[k] += r.dt;
    }
    if (r.from <= this.matching.quoteReadTo) {
      const q = quoteStyle(tk);
      if (q.quote !== this.matching.quote) return 'all';
      this.matching.quoteReadTo = q.readTo;
    }
    return out;
  }

  /**
   * Keeps what read only unchanged tokens and matches the rest again. Past the re-scanned tokens, bracket matching
   * may have changed only which groups hold a token (an opener left unclosed above): a construct there whose own
   * groups end where they did reads the same, unless it asks which group holds it (a config struct). Also matched
   * again: what read a token of `reclassified` (new indexes, ascending), and the class names there.
   */
  private matchAgain(r: Retokenized, lineDelta: number, reclassified: number[]): { dropped: Construct[]; fresh: Construct[] } {
    const tk = this.tokens;
    const changedOldTo = r.changedTo - r.dt;
    const kept: Construct[] = [];
    const dropped: Construct[] = [];
    const again: number[] = [];
    const sameGroups = (e: Construct) => e.lo >= r.oldTo && !e.asksGroups && !this.matching.configs.has(tk.text_(e.tok + r.dt)) && !anyIn(r.regrouped, e.lo + r.dt, e.hi + r.dt);
    const moved = (k: number) => (k < r.from ? k : k + r.dt);
    for (const e of this.entries) {
      if (reclassified.length && anyIn(reclassified, moved(e.lo), moved(e.hi))) {
        dropped.push(e);
        if (e.tok < r.from) again.push(e.tok);
        else if (e.tok >= r.oldTo) again.push(e.tok + r.dt);
      } else if (e.hi <= r.from && this.sameHeader(e, r)) kept.push(e);
      else if ((e.lo >= changedOldTo || sameGroups(e)) && this.sameHeader(e, r)) {
        e.tok += r.dt;
        e.lo += r.dt;
        e.hi += r.dt;
        e.shift += lineDelta;
        kept.push(e);
      } else {
        dropped.push(e);
        if (e.tok < r.from) again.push(e.tok);
        else if (e.tok >= r.oldTo) again.push(e.tok + r.dt);
      }
    }
    for (let i = r.from; i < r.newTo; i++) if (schemaAt(tk, i, this.matching)) again.push(i);
    for (const i of reclassified) if (i < r.from || i >= r.newTo) again.push(i);
    again.sort((a, b) => a - b);
    // (The parts of one class name were dropped together: its token is matched once. A dropped one's token, or a
    // reclassified one, may no longer be a class name.)
    const fresh: Construct[] = dedupe(again).flatMap((i) => {
      const schema = schemaAt(tk, i, this.matching);
      return schema ? matchConstructs(tk, i, schema, this.matching) : [];
    });
    this.entries = merge(kept, fresh);
    this.lastRematched = fresh.length;
    return { dropped, fresh };
  }

  /**
   * Does a construct whose variable was read with its group's header (`Construct.group`) read it the same after
   * the edit: the header untouched, and the name still in that group? (Moves the recorded tokens if so.)
   */
  private sameHeader(e: Construct, r: Retokenized): boolean {
    const g = e.group;
    if (!g) return true;
    if (g[1] >= 0 && g[0] <= r.oldTo && g[1] + 1 >= r.from) return false;
    const moved = (old: number) => (old >= r.oldTo ? old + r.dt : old);
    const name = moved(e.tok - e.declBack!);
    if (this.tokens.up[name] !== moved(g[1])) return false;
    e.group = [moved(g[0]), moved(g[1])];
    return true;
  }

  /**
   * References: resolves the new instances, and again those naming a variable whose construct changed, or whose
   * scope the edit may have changed: every one when `words` is undefined (brackets, headers), else those reading
   * one of `words` (a name written or removed: a parameter, a local).
   */
  private resolveReferences(dropped: Construct[], fresh: Construct[], words: Set<string> | undefined): ConstructChanges {
    const removed = dropped.filter((e) => e.instance);
    const added = fresh.filter((e) => e.instance);
    let again: Set<string> | undefined = words && new Set([...words].filter((w) => variablesNamed(w).some((v) => this.bindings.has(v))));
    if (!sameNames(dropped, fresh)) {
      const bindings = bindingsOf(this.entries);
      const changed = changedNames(this.bindings, bindings);
      this.bindings = bindings;
      if (again) for (const n of changed) again.add(n);
    } else if (fresh.some((e) => e.instance?.name)) {
      // The same names, but the bindings hold the constructs replaced: their tokens are gone.
      this.bindings = bindingsOf(this.entries);
    }
    const scopes = new Scopes(this.tokens);
    if (!again || again.size) {
      const isFresh = new Set(fresh);
      this.entries.forEach((e, k) => {
        if (isFresh.has(e) || !e.instance || !e.written || (again && !readsAny(e, again))) return;
        this.lastResolvedAgain++;
        const instance = resolveAgain(e, this.bindings, scopes);
        if (!instance) return;
        removed.push(e);
        added.push((this.entries[k] = { ...e, instance, memo: undefined }));
      });
    }
    for (const e of fresh) {
      if (!e.instance) continue;
      resolveBuilt(e, this.bindings, this.tokens, scopes);
      ownStrings(e);
    }
    return { removed, added };
  }

  /**
   * Properties set elsewhere, after an edit: places again the sets of the variables that gained or lost one, of
   * the constructs that came or went, and of the names whose scope the edit may have changed (`words`; every one
   * when undefined). Returns whether a construct with a variable was replaced by a copy.
   */
  private markAgain(r: Retokenized, changes: ConstructChanges, words: Set<string> | undefined, moved: Construct[]): boolean {
    const keys = new Set(this.later.update(this.tokens, r.from, r.oldTo, r.newTo, r.dt, r.regrouped));
    // (A variable that lost its last set is only in what `update` returns: its constructs lose theirs.)
    if (!words) for (const name of [...this.later.variables(), ...this.bindings.keys()]) keys.add(this.later.key(name));
    for (const e of moved) if (e.instance?.name) keys.add(this.later.key(e.instance.name));
    for (const w of words ?? []) for (const k of variablesNamed(w)) keys.add(this.later.key(k));
    return this.placeSets(keys, changes);
  }

  /**
   * Places the sets of the variables `keys` (`LaterSets.key`) on constructs: a set is on the construct whose variable
   * its name means where it is written (`scopes.ts`), when exactly one construct of the name is in scope there and
   * the variable is never assigned anything else where it is in scope (`p = other`: which one a set meets is
   * unsure). Each set records its construct's schema, each construct the arguments set on it (`setLater`): one
   * that nobody holds yet (`changes.added`, or every one without `changes`) in place, another as a copy counted
   * among the changes. Returns whether a construct with a variable was copied.
   */
  private placeSets(keys: Iterable<string>, changes?: ConstructChanges): boolean {
    const scopes = new Scopes(this.tokens);
    const java = this.language === 'java' || this.language === 'csharp';
    const made = new Set(changes?.added);
    let copied = false;
    for (const key of keys) {
      const sets = this.later.of(key);
      // The constructs the name may mean (in Java and C#, `p` is also the field `this.p`), each with its name and
      // where that is declared.
      const candidates: { e: Construct; name: string; decl: number }[] = [];
      for (const name of java && !key.includes('.') ? [key, `this.${key}`] : [key]) {
        for (const e of this.bindings.get(name) ?? []) candidates.push({ e: e as Construct, name, decl: e.tok - e.declBack! });
      }
      const meant = new Meaning(this.tokens, scopes, key, candidates);
      // A Python comprehension's `for` (in brackets) binds a name of its own, not the variable.
      const rebinds = (f: Found) => f.argument === '' && (f.loop === undefined || this.tokens.up[f.at + f.loop] < 0);
      const reassigned = candidates.map(() => false);
      for (const f of sets) if (rebinds(f)) for (const k of meant.at(f.at, true)) if (f.at !== candidates[k].decl) reassigned[k] = true;
      const on = candidates.map(() => new Set<string>());
      for (const set of sets) {
        if (set.argument === '') continue;
        const visible = meant.at(set.at);
        const only = visible.length === 1 ? visible[0] : -1;
        if (only >= 0 && !reassigned[only]) {
          on[only].add(set.argument);
          set.schema = candidates[only].e.instance!.schema;
        } else delete set.schema;
      }
      this.lastScopeLookups += meant.looked;
      candidates.forEach(({ e }, k) => {
        const args = on[k].size ? [...on[k]].sort() : undefined;
        if (args?.join(',') === e.instance!.setLater?.join(',')) return;
        if (!changes || made.has(e)) return setLater(e.instance!, args);
        const instance = { ...e.instance! };
        setLater(instance, args);
        const copy = { ...e, instance, memo: undefined };
        let at = firstWhere(this.entries.length, (j) => this.entries[j].tok >= e.tok);
        // Entries of one token (a construct and a config struct it holds) sit together: the search ends there.
        while (at < this.entries.length && this.entries[at] !== e) at++;
        if (at === this.entries.length) return setLater(e.instance!, args);
        this.entries[at] = copy;
        changes.removed.push(e);
        changes.added.push(copy);
        copied = true;
      });
    }
    return copied;
  }

  /** The constructs (with an instance), in file order. */
  constructs(): Construct[] {
    return (this.placed ??= this.entries.filter((e) => e.instance));
  }
}

/**
 * Words whose edit may change a scope without the name it hides on the lines re-scanned: those that make a class
 * (a field's `this.`) or a Python block. (A parameter, a local or a condition is written on the line of its name.)
 */
const SCOPING = new Set(['class', 'struct', 'record', 'def', 'lambda', 'async', 'global', 'nonlocal']);

/** Marks a token `watch` was shown beside the re-scanned ones (`Side`). */
const EDGE = '\u0000';

/**
 * The names the edit wrote or removed where a declaration may name them (not after a `.`, nor before one: a
 * parameter, a local, a lambda's parameter), from the tokens replaced and their replacements, each list with the
 * token either side; a token either side counts when what it touches changed.
 */
function declarable(old: string[], now: string[]): Set<string> {
  const out = new Set<string>();
  const word = /^[A-Za-z_$][\w$]*$/;
  for (const list of [old, now]) {
    for (let j = 0; j < list.length; j++) {
      const t = list[j];
      if (t.startsWith(EDGE)) continue;
      if (word.test(t) && list[j - 1] !== '.' && list[j + 1] !== '.' && list[j + 1] !== '?.') out.add(t);
    }
  }
  const first = (l: string[]) => (l[0]?.startsWith(EDGE) ? l[0].slice(1) : undefined);
  const last = (l: string[]) => (l.length && l[l.length - 1].startsWith(EDGE) ? l[l.length - 1].slice(1) : undefined);
  const next = (l: string[]) => (first(l) === undefined ? undefined : l[1]);
  const before = (l: string[]) => (last(l) === undefined ? undefined : l[l.length - 2]);
  const a = first(old) ?? first(now);
  if (a !== undefined && word.test(a) && next(old) !== next(now)) out.add(a);
  const b = last(old) ?? last(now);
  if (b !== undefined && word.test(b) && before(old) !== before(now)) out.add(b);
  return out;
}

/** The groups open at `offset` (before an edit there): each opener, and where its group closed and ended. */
function enclosingGroups(tk: Tokens, offset: number): number[] {
  const out: number[] = [];
  const k = tk.indexAt(offset) - 1;
  if (k < 0) return out;
  for (let o = tk.isOpener(k) ? k : tk.up[k]; o >= 0; o = tk.up[o]) out.push(o, tk.closeOf[o], tk.extent[o]);
  return out;
}

/**
 * Does a group open above the edit now end elsewhere (a line that the edit moved to column 0 ends it unclosed,
 * or its closer was typed)? Those below the edit are in `regrouped`.
 *
 * A group opened on the re-scanned lines (`p.setDescription("x|")`, `{ bfdMultiHop: 3| }`) that also ended
 * there holds no other token, and the scopes it makes hold only names written on those lines (`declarable`
 * reads them): it cannot move a scope's end beyond them. One that now reaches past them made the bracket walk
 * go on (`Retokenized.changedTo`). Only one that reached past them before, whose new twin is unknown, counts.
 */
function endsMoved(tk: Tokens, around: number[], r: Retokenized, literals: boolean): boolean {
  const moved = (old: number) => (old < r.from ? old : old >= r.oldTo ? old + r.dt : -3);
  for (let k = 0; k < around.length; k += 3) {
    const o = around[k];
    if (o >= r.from) {
      if (around[k + 2] < r.oldTo || literals) continue;
      return true;
    }
    if ((around[k + 1] >= 0 ? moved(around[k + 1]) : -1) !== tk.closeOf[o] || moved(around[k + 2]) !== tk.extent[o]) return true;
  }
  return false;
}

/**
 * Did the edit change only literals' text (a string's or a number's, on one line), the same tokens otherwise?
 * Scopes read names, punctuation and lines, never a literal's text.
 */
function onlyLiterals(old: string[], now: string[], edit: OffsetEdit): boolean {
  if (old.length !== now.length || /[\r\n]/.test(edit.text) || /[\r\n]/.test(edit.removed)) return false;
  const literal = /^["'0-9]/;
  return old.every((t, k) => t === now[k] || (literal.test(t) && literal.test(now[k])));
}

/** Do the re-scanned openers' groups close and end where the replaced ones' did (as many tokens as before)? */
function sameGroups(tk: Tokens, r: Retokenized): boolean {
  if (r.dt !== 0) return false;
  const g = r.replacedGroups;
  for (let k = 0; k < g.length; k += 3) if (tk.closeOf[g[k]] !== g[k + 1] || tk.extent[g[k]] !== g[k + 2]) return false;
  return true;
}

/**
 * Python: may the edit change the blocks (hence the scopes)? Not when it only adds or removes blanks where no
 * word follows on the line (a blank line, spaces at a line's end), nor when it writes within a line after its
 * first word; a line break written or removed, or an edit in a line's leading blanks, may.
 */
function changesIndentation(text: Source, lineStarts: number[], edit: OffsetEdit): boolean {
  const blank = /^[ \t\r\n]*$/;
  const breaks = /[\r\n]/.test(edit.text) || /[\r\n]/.test(edit.removed);
  if (blank.test(edit.text) && blank.test(edit.removed)) {
    const end = edit.start + edit.text.length;
    let k = end;
    for (let c = text.charCodeAt(k); k < text.length && (c === 32 || c === 9); c = text.charCodeAt(++k));
    if (k >= text.length || text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13) return false;
  }
  if (breaks) return true;
  // Within the line's leading blanks: typed before its first word, or its first word removed.
  const line = lineStarts[lineAt(lineStarts, edit.start)];
  for (let i = line; i < edit.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function setLater(instance: CdktfInstance, args: string[] | undefined): void {
  if (args) instance.setLater = args;
  else if (instance.setLater) delete instance.setLater;
}

const NONE: number[] = [];

/** Ascending `sorted` without repeats. */
function dedupe(sorted: number[]): number[] {
  return sorted.filter((v, k) => k === 0 || sorted[k - 1] !== v);
}

/** Does ascending `sorted` hold a value in [a, b)? */
function anyIn(sorted: readonly number[], a: number, b: number): boolean {
  const i = firstWhere(sorted.length, (k) => sorted[k] >= a);
  return i < sorted.length && sorted[i] < b;
}

/** Two lists sorted by token, merged. */
function merge(a: Construct[], b: Construct[]): Construct[] {
  if (b.length === 0) return a;
  const out: Construct[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i].tok < b[j].tok) ? a[i++] : b[j++]);
  return out;
}

/** Do the removed and the new constructs declare the same variables, in the same order? */
function sameNames(a: Construct[], b: Construct[]): boolean {
  const names = (l: Construct[]) => l.filter((e) => e.instance?.name).map((e) => `${e.instance!.name}\u0000${e.instance!.kind}\u0000${e.instance!.type}`);
  const x = names(a);
  const y = names(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const k of a) if (!b.has(k)) return false;
  return true;
}

/** Does a range of `ranges` (pairs [lo, hi)) meet [from, to)? */
function touches(ranges: readonly number[], from: number, to: number): boolean {
  for (let k = 0; k < ranges.length; k += 2) if (ranges[k] < to && ranges[k + 1] > from) return true;
  return false;
}

function sameClasses(a: Map<string, unknown>, b: Map<string, unknown>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** The variables a word written in the file may name: a local, or a field (`this.w`, Python's `self.w`). */
function variablesNamed(w: string): string[] {
  return [w, `this.${w}`, `self.${w}`];
}
