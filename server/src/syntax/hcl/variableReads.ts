/**
 * What a chunk's arguments read of the module's variables and local values, for a variable file's hover
 * (`engine/variableUses.ts`): per argument of a `resource` or `data` block (in nested blocks too, a `dynamic`
 * block's content as the block it makes) and per local value, the `var.<name>` and `local.<name>` written in its
 * expression, each marked `whole` when the value is that read itself: alone, as the one interpolation of a string
 * (`"${var.x}"`), in parentheses, or passed through a type conversion (`tonumber(var.x)`), which changes its type
 * and not what it says. Any other read (`var.on ? 1 : 0`, `coalesce(var.x, 5)`, `var.list[0]`) is a use only.
 */
import type { BodyItem, BlockNode, Expr } from './ast';
import { forEachTraversalIn } from './walk';

export interface NameRead {
  root: 'var' | 'local';
  name: string;
  whole: boolean;
}

/** An argument's reads; `line` is its name's line, chunk-relative. */
export interface ArgumentReads {
  kind: 'resource' | 'data';
  type: string;
  name: string;
  path: string;
  line: number;
  reads: readonly NameRead[];
}

export interface LocalReads {
  name: string;
  reads: readonly NameRead[];
}

/** Functions that convert a value's type and keep what it says. */
const CONVERSIONS = new Set(['tostring', 'tonumber', 'tobool', 'tolist', 'toset', 'tomap']);

export interface ChunkReads {
  arguments: readonly ArgumentReads[];
  locals: readonly LocalReads[];
}

/** What most chunks read, shared: each chunk keeps its answer. */
const NONE: ChunkReads = Object.freeze({ arguments: Object.freeze([]), locals: Object.freeze([]) });

/** The arguments and local values of `items` (a chunk's top-level items) that read a variable or local value. */
export function variableReads(items: readonly BodyItem[]): ChunkReads {
  const args: ArgumentReads[] = [];
  const locals: LocalReads[] = [];
  for (const item of items) {
    if (item.type !== 'Block') continue;
    if (item.name === 'locals' && item.labels.length === 0) {
      for (const a of item.body) {
        const reads = a.type === 'Attribute' && a.expr ? readsOf(a.expr) : undefined;
        if (reads) locals.push({ name: a.name, reads });
      }
    } else if ((item.name === 'resource' || item.name === 'data') && item.labels.length === 2) {
      const owner = { kind: item.name, type: item.labels[0].value, name: item.labels[1].value } as const;
      const visit = (body: readonly BodyItem[], path: string) => {
        for (const a of body) {
          if (a.type === 'Attribute') {
            const reads = a.expr && readsOf(a.expr);
            if (reads) args.push({ ...owner, path: path + a.name, line: a.nameRange.start.line, reads });
          } else if (a.type === 'Block') {
            const content = a.name === 'dynamic' ? dynamicContent(a) : undefined;
            if (content) visit(content.body, `${path}${a.labels[0].value}.`);
            else visit(a.body, `${path}${a.name}.`);
          }
        }
      };
      visit(item.body, '');
    }
  }
  return args.length || locals.length ? { arguments: args, locals } : NONE;
}

/** The `content` block of a `dynamic` block with one label. */
function dynamicContent(b: BlockNode): BlockNode | undefined {
  if (b.labels.length !== 1) return undefined;
  for (const x of b.body) if (x.type === 'Block' && x.name === 'content' && x.labels.length === 0) return x;
  return undefined;
}

/** The variables and local values `e` reads, once each (`whole` if any read is); undefined when none. */
function readsOf(e: Expr): NameRead[] | undefined {
  const all = wholeRead(e);
  let out: NameRead[] | undefined;
  forEachTraversalIn(e, (t) => {
    if ((t.root !== 'var' && t.root !== 'local') || t.parts[0]?.type !== 'Attr') return;
    const name = t.parts[0].name;
    const whole = t === all;
    const seen = out?.find((r) => r.root === t.root && r.name === name);
    if (seen) seen.whole ||= whole;
    else (out ??= []).push({ root: t.root, name, whole });
  });
  return out;
}

/** The traversal `e` is, as a value: `var.x`, `"${var.x}"`, `(var.x)`, `tonumber(var.x)`. */
function wholeRead(e: Expr): Expr | undefined {
  switch (e.type) {
    case 'Traversal':
      return (e.root === 'var' || e.root === 'local') && e.parts.length === 1 && e.parts[0].type === 'Attr' ? e : undefined;
    case 'Paren':
      return wholeRead(e.expr);
    case 'Template':
      return !e.directives && e.parts.length === 1 && typeof e.parts[0] !== 'string' ? wholeRead(e.parts[0]) : undefined;
    case 'Call':
      return CONVERSIONS.has(e.name) && e.args.length === 1 && !e.expandFinal ? wholeRead(e.args[0]) : undefined;
    default:
      return undefined;
  }
}
