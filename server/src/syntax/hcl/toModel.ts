/** Turns the HCL syntax tree of a chunk into the language-neutral model. */
import type { Attribute, Block, Range, ResourceInstance, Value } from '../../model/types';
import type { BlockNode, BodyItem, Expr, ObjectItem, TraversalPart } from './ast';
import { span } from '../../model/span';
import { HclAttribute, HclBlock, HclInstance } from './nodes';
import { own } from './lexer';
import { NONE } from './parser';

const cache = new WeakMap<object, ResourceInstance[]>();

/**
 * The `resource` and `data` blocks among a chunk's items (positions relative to the chunk). A document's
 * chunks carry them (built when parsed); a bare parse result gets them computed once.
 */
export function instancesOf(chunk: { items: BodyItem[]; instances?: ResourceInstance[] }): ResourceInstance[] {
  if (chunk.instances) return chunk.instances;
  let found = cache.get(chunk);
  if (!found) cache.set(chunk, (found = instancesOfItems(chunk.items)));
  return found;
}

export function instancesOfItems(items: BodyItem[]): ResourceInstance[] {
  const start = top;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.type !== 'Block') continue;
    if ((item.name === 'resource' || item.name === 'data') && item.labels.length >= 1) add(toInstance(item));
  }
  return listFrom<ResourceInstance>(start);
}

const scopedCache = new WeakMap<object, ResourceInstance[]>();

/**
 * The `data` blocks nested in a chunk's `check` blocks (positions relative to the chunk). Terraform lets only their
 * check block refer to one (a scoped data source), so the engine checks them as data sources but they declare
 * nothing: they are no part of `instancesOf`, which the module index reads. A chunk that let its syntax tree go
 * holds only `resource`, `data` or outlined blocks (`modelSuffices` in document.ts), none of them a `check`.
 */
export function scopedInstancesOf(chunk: { items: BodyItem[]; hasSyntaxTree?: boolean }): ResourceInstance[] {
  if (chunk.hasSyntaxTree === false) return NONE as unknown as ResourceInstance[];
  let found = scopedCache.get(chunk);
  if (found) return found;
  found = [];
  for (const item of chunk.items) {
    if (item.type !== 'Block' || item.name !== 'check') continue;
    for (const inner of item.body) {
      if (inner.type !== 'Block' || inner.name !== 'data' || inner.labels.length === 0) continue;
      const instance = toInstance(inner);
      instance.scoped = true;
      found.push(instance);
    }
  }
  if (found.length === 0) found = NONE as unknown as ResourceInstance[];
  scopedCache.set(chunk, found);
  return found;
}

function toInstance(b: BlockNode): ResourceInstance {
  const [typeLabel, nameLabel] = b.labels;
  const kind = b.name === 'data' ? 'data' : 'resource';
  const nameRange = nameLabel?.range ?? typeLabel.range;
  return new HclInstance(kind, typeLabel.value, nameLabel?.value ?? '', b.nameRange.start, typeLabel.range, nameRange, b.bodyRange, attributesOf(b.body), blocksOf(b.body), b.closed);
}

export function toBody(items: BodyItem[]): { attributes: Attribute[]; blocks: Block[] } {
  return { attributes: attributesOf(items), blocks: blocksOf(items) };
}

/**
 * A stack for the lists the model is made of, as in the parser (`list` in parser.ts): each body's arguments
 * and blocks are collected above the lists being built around them, then copied off at their exact size (the
 * model of every block is kept, and a pushed-to array keeps spare room).
 */
const stack: unknown[] = [];
let top = 0;

function add(item: unknown): void {
  stack[top++] = item;
}

function listFrom<I>(start: number): I[] {
  const end = top;
  if (end === start) return NONE as unknown as I[];
  const items = stack.slice(start, end) as I[];
  for (let i = start; i < end; i++) stack[i] = undefined;
  top = start;
  return items;
}

/** `valueOf`: how a variable file reads a value (`variableFileAttributes`); a module's block reads it as `toValue`. */
function attributesOf(items: BodyItem[], valueOf?: (e: Expr) => Value): Attribute[] {
  const start = top;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.type === 'Attribute') {
      const valueRange: Range = item.expr ? item.expr.range : span(item.range.end, item.range.end);
      const value: Value = item.expr ? (valueOf ? valueOf(item.expr) : item.name === 'for_each' ? forEachValue(item.expr) : toValue(item.expr)) : NOT_WRITTEN;
      add(new HclAttribute(item.name, value, item.nameRange, valueRange, item.expr ? undefined : true));
    } else if (item.type === 'Incomplete') {
      add(new HclAttribute(item.name, NOT_WRITTEN, item.nameRange, item.nameRange, true));
    }
  }
  return listFrom<Attribute>(start);
}

/**
 * A variable file's arguments (`name = value` lines), each value with the values of its objects kept
 * (`variableFileValue`): for the variable's declared type, which its value is checked against.
 */
export function variableFileAttributes(items: BodyItem[]): Attribute[] {
  return attributesOf(items, variableFileValue);
}

/**
 * `toValue`, but an object whose keys are all written out, once each, keeps its values (`values`), in a list or
 * object too. Not shared, and only for variable files: a module's models keep no object's values.
 */
function variableFileValue(e: Expr): Value {
  if (e.type === 'Paren') return variableFileValue(e.expr);
  if (e.type === 'Tuple') return { kind: 'tuple', items: e.items.map(variableFileValue) };
  if (e.type !== 'Object') return toValue(e);
  const keys = new Set<string>();
  for (let i = 0; i < e.items.length; i++) {
    const key = writtenKey(e.items[i].key);
    if (key === undefined || keys.has(key)) return toValue(e);
    keys.add(key);
  }
  return withRefs({ kind: 'object', keys: [...keys], values: e.items.map((item) => variableFileValue(item.value)) }, e);
}

/**
 * The part of a variable file's value `e` at `keys` (list indices, object keys), read as `variableFileValue` reads
 * it: where a finding about that part goes.
 */
export function variableFileValueAt(e: Expr, keys: readonly (number | string)[]): Expr | undefined {
  let at: Expr | undefined = e;
  for (const k of keys) {
    while (at.type === 'Paren') at = at.expr;
    if (typeof k === 'number') at = at.type === 'Tuple' ? at.items[k] : undefined;
    else at = at.type === 'Object' ? at.items.find((item) => writtenKey(item.key) === k)?.value : undefined;
    if (!at) return undefined;
  }
  while (at.type === 'Paren') at = at.expr;
  return at;
}

function blocksOf(items: BodyItem[]): Block[] {
  const start = top;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.type === 'Block') add(new HclBlock(item.name, item.nameRange, item.labels, item.bodyRange, attributesOf(item.body), blocksOf(item.body), item.closed));
  }
  return listFrom<Block>(start);
}

/** What the analysis may know of an expression without evaluating it. */
export function toValue(e: Expr): Value {
  switch (e.type) {
    case 'Literal':
      return literalValue(e.value);
    case 'Template':
      // Terraform 0.11 style `"${var.x}"` is the expression itself.
      if (!e.directives && e.parts.length === 1 && typeof e.parts[0] !== 'string') return toValue(e.parts[0]);
      return withRefs(TEMPLATE, e);
    case 'Traversal':
      return referenceValue(e.root, e.parts);
    case 'Paren':
      return toValue(e.expr);
    case 'Tuple':
      return { kind: 'tuple', items: e.items.map(toValue) };
    case 'Object':
      return withRefs(objectValue(e.items), e);
    case 'Call':
      return withRefs(shared(`${e.name}(…)`), e);
    case 'Conditional':
      return withRefs(CONDITIONAL, e);
    case 'For':
      return withRefs(FOR, e);
    default:
      return withRefs(EXPRESSION, e);
  }
}

/**
 * `value` with the references to resources written inside `e` (`refs`), or `value` itself (shared) when there
 * are none, as in most expressions: only those rules read them, to find a reference to nothing.
 */
function withRefs(value: Value, e: Expr): Value {
  const start = top;
  refsIn(e, NO_NAMES);
  if (top === start) return value;
  return Object.freeze({ ...value, refs: listFrom<Value>(start) }) as Value;
}

const NO_NAMES: readonly string[] = [];

/**
 * Pushes (`add`) the traversals inside `e` that may name a resource: rooted at `data` or at a name with an
 * underscore, as resource types are (the rules decide), and not at a name a `for` around them binds. A template
 * with directives (`%{ for … }`) is skipped whole: its directives bind names too.
 */
function refsIn(e: Expr, bound: readonly string[]): void {
  switch (e.type) {
    case 'Traversal':
      // `type.name…` or `data.type.name…` only: the shared value is made (its text built) for nothing else.
      if (e.parts.length >= (e.root === 'data' ? 2 : 1) && e.parts[0].type === 'Attr' && (e.root === 'data' || e.root.includes('_')) && !bound.includes(e.root)) {
        add(referenceValue(e.root, e.parts));
      }
      return partsRefs(e.parts, bound);
    case 'Postfix':
      refsIn(e.target, bound);
      return partsRefs(e.parts, bound);
    case 'Template':
      if (e.directives) return;
      for (let i = 0; i < e.parts.length; i++) {
        const p = e.parts[i];
        if (typeof p !== 'string') refsIn(p, bound);
      }
      return;
    case 'Call':
      for (let i = 0; i < e.args.length; i++) refsIn(e.args[i], bound);
      return;
    case 'Tuple':
      for (let i = 0; i < e.items.length; i++) refsIn(e.items[i], bound);
      return;
    case 'Object':
      for (let i = 0; i < e.items.length; i++) {
        const { key, value } = e.items[i];
        // A bare key (`a = …`) is a name, not a reference.
        if (!(key.type === 'Traversal' && key.parts.length === 0)) refsIn(key, bound);
        refsIn(value, bound);
      }
      return;
    case 'For': {
      refsIn(e.collection, bound);
      const inner = e.vars.length ? bound.concat(e.vars) : bound;
      for (let i = 0; i < e.body.length; i++) refsIn(e.body[i], inner);
      return;
    }
    case 'Conditional':
      refsIn(e.condition, bound);
      refsIn(e.then, bound);
      return refsIn(e.otherwise, bound);
    case 'Binary':
      refsIn(e.left, bound);
      return refsIn(e.right, bound);
    case 'Unary':
      return refsIn(e.operand, bound);
    case 'Paren':
      return refsIn(e.expr, bound);
    default:
      return;
  }
}

function partsRefs(parts: TraversalPart[], bound: readonly string[]): void {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.type === 'Index') refsIn(p.key, bound);
  }
}

/*
 * Values are shared wherever they can be, frozen since any model may hold them: a module says the same few
 * things thousands of times (`var.environment`, `local.pc_id`, `"IPv4"`, `true`), and every kept model would
 * otherwise hold, and every parse copy, its own objects for them.
 */
const NOT_WRITTEN = unknown('');
const TEMPLATE = unknown('a string template');
const OBJECT: Value = Object.freeze({ kind: 'object' as const });
/** Objects by their keys, shared as other values are (bounded as `LITERALS` is). */
const OBJECTS = new Map<string, Value>();

/** An object constructor: its distinct keys when every key is written out. */
function objectValue(items: ObjectItem[]): Value {
  const keys = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const key = writtenKey(items[i].key);
    if (key === undefined) return OBJECT;
    keys.add(key);
  }
  return withKeys(keys);
}

/**
 * A `for_each` value. Over `toset(["a", "b"])`, strings written out (the usual way to repeat a block over a
 * list), the instance keys are the strings, as they are an object's keys: it is read as an object with those
 * keys, so that instances are counted and named (`p["a"]`) as for an object written out.
 */
function forEachValue(e: Expr): Value {
  if (e.type !== 'Call' || e.name !== 'toset' || e.args.length !== 1 || e.expandFinal) return toValue(e);
  const list = e.args[0];
  if (list.type !== 'Tuple') return toValue(e);
  const keys = new Set<string>();
  for (const item of list.items) {
    if (item.type !== 'Literal' || typeof item.value !== 'string') return toValue(e);
    keys.add(item.value);
  }
  return withKeys(keys);
}

/** The object value with these keys, shared. */
function withKeys(keys: Set<string>): Value {
  const list = [...keys];
  const id = JSON.stringify(list);
  let value = OBJECTS.get(id);
  if (value === undefined) {
    if (OBJECTS.size >= MAX_LITERALS) OBJECTS.clear();
    OBJECTS.set(id, (value = Object.freeze({ kind: 'object' as const, keys: Object.freeze(list) })));
  }
  return value;
}

/** An object key written out: a bare name (`a = …`) or a plain string (`"a" = …`); undefined for an expression. */
function writtenKey(k: Expr): string | undefined {
  if (k.type === 'Traversal' && k.parts.length === 0) return k.root;
  const v = toValue(k);
  return v.kind === 'string' ? v.value : undefined;
}
const CONDITIONAL = unknown('a conditional expression');
const FOR = unknown('a for expression');
const EXPRESSION = unknown('an expression');

function unknown(text: string): Value {
  return Object.freeze({ kind: 'unknown' as const, text });
}

/** Shared values by a text that says all of them (a reference's text, a call's `name(…)`); bounded as `LITERALS`. */
const SHARED = new Map<string, Value>();

function shared(text: string): Value {
  let value = SHARED.get(text);
  if (value === undefined) {
    if (SHARED.size >= MAX_LITERALS) SHARED.clear();
    SHARED.set(text, (value = unknown(text)));
  }
  return value;
}

/** A traversal's value: its text (`a.b[0].*`, which says all of its path) finds the one copy of it. */
function referenceValue(root: string, parts: TraversalPart[]): Value {
  let text = root;
  for (let i = 0; i < parts.length; i++) text += stepText(parts[i]);
  let value = REFERENCES.get(text);
  if (value === undefined) {
    const steps = [root];
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      steps.push(p.type === 'Attr' ? p.name : stepText(p));
    }
    // At its own size (kept by the shared value): an array grown by pushes leaves room for 17.
    const path = steps.slice();
    if (REFERENCES.size >= MAX_LITERALS) REFERENCES.clear();
    // A flat copy of the text (`own`): the concatenation is a tree of pieces, bigger and slower to read.
    text = own(text);
    REFERENCES.set(text, (value = Object.freeze({ kind: 'reference' as const, path, text })));
  }
  return value;
}

const REFERENCES = new Map<string, Value>();

/** `.name`, or an index step with its brackets (so it never passes for an attribute name), or `[*]`. */
function stepText(p: TraversalPart): string {
  if (p.type === 'Attr') return '.' + p.name;
  if (p.type === 'Splat') return '[*]';
  const k = p.key.type === 'Literal' ? (typeof p.key.value === 'string' ? JSON.stringify(p.key.value) : String(p.key.value)) : '?';
  return `[${k}]`;
}

/**
 * Literal values are shared: a module repeats the same few thousand literals (`"IPv4"`, `true`, `65001`) tens of
 * thousands of times, and each kept model would otherwise hold its own copy. Frozen, since any model may hold
 * them. The table is bounded: when full it starts again, which costs only sharing.
 */
const LITERALS = new Map<string | number | boolean | null, Value>();
const MAX_LITERALS = 16384;

function literalValue(v: string | number | boolean | null): Value {
  let value = LITERALS.get(v);
  if (value === undefined) {
    if (LITERALS.size >= MAX_LITERALS) LITERALS.clear();
    value = Object.freeze(
      v === null
        ? { kind: 'null' as const }
        : typeof v === 'number'
          ? { kind: 'number' as const, value: v, raw: String(v) }
          : typeof v === 'boolean'
            ? { kind: 'bool' as const, value: v }
            : { kind: 'string' as const, value: v },
    );
    LITERALS.set(v, value);
  }
  return value;
}
