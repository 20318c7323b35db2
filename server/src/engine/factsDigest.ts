/**
 * The hash of the facts other blocks may read: each block's kind, type and name, and the values of the fact
 * arguments (`factAttributes` in `moduleContext.ts`), as every file's `moduleDigest` makes them. It was a line
 * of text per block, hashed character by character: that was most of building a module context on a first open
 * (7,000 lines of ≈90 characters, in code V8 had not optimized yet). Here a block costs a few mixes of
 * per-string hashes: the strings it is made of (types, argument names, values, reference steps) recur across
 * blocks, so each distinct one is hashed once (`stringHash`) and then found in a Map, which hashes natively.
 * The two lanes are independent hashes; equal facts always give equal hashes.
 */
import type { Declared } from '../analysis/context';
import type { Value } from '../model/types';

/**
 * Both lanes of the last `factsHash`, read right after the call (a pair per chunk would be an allocation).
 * Lanes are 30-bit: V8 keeps such numbers unboxed (Smis), while a 32-bit one stored in a variable or field is
 * an allocation; two lanes still make a 60-bit digest.
 */
export let lane1 = 0;
export let lane2 = 0;

/** Hashes `instances`' facts into `lane1`/`lane2`; returns false when there is no instance. */
export function factsHash(instances: readonly Declared[], facts: Set<string>): boolean {
  if (instances.length === 0) return false;
  h1 = 0x011c9dc5;
  h2 = 0x01000193;
  for (let i = 0; i < instances.length; i++) {
    const instance = instances[i];
    // A data block scoped to a check block is told apart from the module's own of that address.
    mixString(instance.type, instance.kind === 'data' ? ((instance as { scoped?: boolean }).scoped ? 6 : 1) : 2);
    // Names are hashed where they are: each is a block's own, so keeping it would only grow the Map.
    stringHash(instance.name);
    mix(s1, s2, 3);
    const attributes = instance.attributes;
    for (let j = 0; j < attributes.length; j++) {
      const a = attributes[j];
      if (a.incomplete || !facts.has(a.name)) continue;
      mixString(a.name, 4);
      mixValue(a.value);
    }
    // A fact set after the construct is built (CDKTF) is read as written with a value not known here.
    const later = instance.setLater;
    if (later) for (let j = 0; j < later.length; j++) if (facts.has(later[j])) mixString(later[j], 5);
  }
  lane1 = h1;
  lane2 = h2;
  return true;
}

/** One block's facts as a short string, for a finding to note what it read of another block (`trackedContext.ts`). */
export function factsKey(instance: Declared, facts: Set<string>): string {
  factsHash([instance], facts);
  return `${lane1.toString(36)}.${lane2.toString(36)}`;
}

/*
 * Each step mixes one string, xor-ed with a tag that says what it is (a type, a name, a value of a kind…), so
 * that the sequence reads one way only.
 */

/** A value as facts tell values apart: its kind, then its text (a string's value, a number as written…). */
function mixValue(v: Value): void {
  switch (v.kind) {
    case 'string':
      mixString(v.value, 5);
      return;
    case 'number':
      mixString(v.raw, 6);
      return;
    case 'bool':
      mixString(v.value ? 'true' : 'false', 7);
      return;
    case 'reference': {
      // The steps make the text (`a.b[0].c`): an index step keeps its brackets, so no two paths read alike.
      const path = v.path;
      mixString(path[0], 8 + path.length * 16);
      for (let i = 1; i < path.length; i++) mixString(path[i], 9);
      return;
    }
    case 'object':
      // Its keys are what `for_each` counts and what names its instances (undefined: not all written out).
      mixString(v.keys === undefined ? 'object' : `object ${JSON.stringify(v.keys)}`, 11);
      return;
    default:
      // Other kinds count by kind only.
      mixString(v.kind, 10);
  }
}

/** The running state of `factsHash`. */
let h1 = 0;
let h2 = 0;

/** A string's place in `HASHES`: hashed once, found again by the Map. Cleared when large (edits add strings). */
const seen = new Map<string, number>();
const HASHES: number[] = [];
const MAX_SEEN = 65536;

/** Mixes the hashes of `s`, found in `HASHES` or computed once. */
function mixString(s: string, tag: number): void {
  let at = seen.get(s);
  if (at === undefined) {
    if (seen.size >= MAX_SEEN) {
      seen.clear();
      HASHES.length = 0;
    }
    at = HASHES.length;
    stringHash(s);
    HASHES.push(s1, s2);
    seen.set(s, at);
  }
  mix(HASHES[at], HASHES[at + 1], tag);
}

/**
 * One step of both lanes: xor, multiply, rotate (kept to 30 bits, see `lane1`). Multipliers below 2^21 keep the product of a 32-bit word exact
 * in a double, so no `Math.imul` is needed (in code V8 has not optimized, each is a call).
 */
function mix(x1: number, x2: number, tag: number): void {
  let x = (((h1 ^ x1 ^ tag) * 0x1e35a7) >>> 0) | 0;
  h1 = ((x << 15) | (x >>> 17)) & 0x3fffffff;
  x = (((h2 ^ x2 ^ tag) * 0x1b8735) >>> 0) | 0;
  h2 = ((x << 13) | (x >>> 19)) & 0x3fffffff;
}

let s1 = 0;
let s2 = 0;

/** Both hashes of `stringHash`, as a pair (for callers that keep them). */
/**
 * A module digest of an override file: its whole text, since whatever it writes changes the findings of the
 * blocks it is merged into (`analysis/override.ts`). Override files are few and small.
 */
export function overrideDigest(text: string): string {
  const [a, b] = hashPair(text);
  return `o${a.toString(36)}.${b.toString(36)}.${text.length}`;
}

export function hashPair(s: string): [number, number] {
  stringHash(s);
  return [s1 >>> 0, s2 >>> 0];
}

/** Two hashes of `s` (FNV-1a's, and one with another prime), with its length, into `s1`/`s2`. */
function stringHash(s: string): void {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  s1 = (a ^ s.length) | 0;
  s2 = (b ^ s.length) | 0;
}
