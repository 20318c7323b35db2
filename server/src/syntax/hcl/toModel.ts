/** Turns the HCL syntax tree of a chunk into the language-neutral model. */
import type { Attribute, Block, Range, ResourceInstance, Value } from '../../model/types';
import type { BlockNode, BodyItem, Expr } from './ast';
import { span } from '../../model/span';
import { HclAttribute, HclBlock, HclInstance } from './nodes';
import { fit } from './parser';

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
  const found: ResourceInstance[] = [];
  for (const item of items) {
    if (item.type !== 'Block') continue;
    if ((item.name === 'resource' || item.name === 'data') && item.labels.length >= 1) found.push(toInstance(item));
  }
  return fit(found);
}

function toInstance(b: BlockNode): ResourceInstance {
  const [typeLabel, nameLabel] = b.labels;
  const { attributes, blocks } = toBody(b.body);
  const kind = b.name === 'data' ? 'data' : 'resource';
  const nameRange = nameLabel?.range ?? typeLabel.range;
  return new HclInstance(kind, typeLabel.value, nameLabel?.value ?? '', b.nameRange.start, typeLabel.range, nameRange, b.bodyRange, attributes, blocks, b.closed);
}

export function toBody(items: BodyItem[]): { attributes: Attribute[]; blocks: Block[] } {
  const attributes: Attribute[] = [];
  const blocks: Block[] = [];
  for (const item of items) {
    if (item.type === 'Attribute') {
      const valueRange: Range = item.expr ? item.expr.range : span(item.range.end, item.range.end);
      const value: Value = item.expr ? toValue(item.expr) : { kind: 'unknown', text: '' };
      attributes.push(new HclAttribute(item.name, value, item.nameRange, valueRange, item.expr ? undefined : true));
    } else if (item.type === 'Incomplete') {
      attributes.push(new HclAttribute(item.name, { kind: 'unknown', text: '' }, item.nameRange, item.nameRange, true));
    } else {
      const body = toBody(item.body);
      blocks.push(new HclBlock(item.name, item.nameRange, item.labels, item.bodyRange, body.attributes, body.blocks, item.closed));
    }
  }
  // Exact-size copies: a pushed-to array keeps spare room, and the model of every block is kept.
  return { attributes: fit(attributes), blocks: fit(blocks) };
}

/** What the analysis may know of an expression without evaluating it. */
export function toValue(e: Expr): Value {
  switch (e.type) {
    case 'Literal':
      return literalValue(e.value);
    case 'Template':
      // Terraform 0.11 style `"${var.x}"` is the expression itself.
      if (!e.directives && e.parts.length === 1 && typeof e.parts[0] !== 'string') return toValue(e.parts[0]);
      return { kind: 'unknown', text: 'a string template' };
    case 'Traversal': {
      const path = [e.root];
      let text = e.root;
      for (const p of e.parts) {
        if (p.type === 'Attr') {
          path.push(p.name);
          text += '.' + p.name;
        } else if (p.type === 'Splat') {
          path.push('[*]');
          text += '[*]';
        } else {
          // Index steps keep their brackets in the path, so they never pass for attribute names.
          const k = p.key.type === 'Literal' ? (typeof p.key.value === 'string' ? JSON.stringify(p.key.value) : String(p.key.value)) : '?';
          path.push(`[${k}]`);
          text += `[${k}]`;
        }
      }
      return { kind: 'reference', path, text };
    }
    case 'Paren':
      return toValue(e.expr);
    case 'Tuple':
      return { kind: 'tuple', items: e.items.map(toValue) };
    case 'Object':
      return { kind: 'object' };
    case 'Call':
      return { kind: 'unknown', text: `${e.name}(…)` };
    case 'Conditional':
      return { kind: 'unknown', text: 'a conditional expression' };
    case 'For':
      return { kind: 'unknown', text: 'a for expression' };
    default:
      return { kind: 'unknown', text: 'an expression' };
  }
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
