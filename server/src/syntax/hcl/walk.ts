/** Visits every traversal (`a.b.c`) in a syntax tree, for navigation and reference search. */
import type { BodyItem, Expr } from './ast';

export function forEachTraversal(items: BodyItem[], fn: (t: Expr & { type: 'Traversal' }) => void): void {
  for (const item of items) {
    if (item.type === 'Attribute') {
      if (item.expr) forEachTraversalIn(item.expr, fn);
    } else if (item.type === 'Block') {
      forEachTraversal(item.body, fn);
    }
  }
}

/**
 * Every traversal of `root`, in source order. With a stack of its own, not recursion: a chain of 20,000 `+` is
 * a tree 20,000 deep (the parser bounds brackets and unary operators, not how long a chain of operators is).
 */
export function forEachTraversalIn(root: Expr, fn: (t: Expr & { type: 'Traversal' }) => void): void {
  const stack: Expr[] = [root];
  // Children are pushed last first, so that they are visited first to last.
  const push = (es: readonly Expr[]) => {
    for (let i = es.length - 1; i >= 0; i--) stack.push(es[i]);
  };
  const keys = (parts: (Expr & { type: 'Traversal' | 'Postfix' })['parts']) => parts.flatMap((p) => (p.type === 'Index' ? [p.key] : []));
  while (stack.length > 0) {
    const e = stack.pop()!;
    switch (e.type) {
      case 'Traversal':
        fn(e);
        push(keys(e.parts));
        break;
      case 'Postfix':
        push([e.target, ...keys(e.parts)]);
        break;
      case 'Template':
        push(e.parts.filter((p): p is Expr => typeof p !== 'string'));
        break;
      case 'Call':
        push(e.args);
        break;
      case 'Tuple':
        push(e.items);
        break;
      case 'Object':
        push(e.items.flatMap((i) => [i.key, i.value]));
        break;
      case 'For':
        push([e.collection, ...e.body]);
        break;
      case 'Conditional':
        push([e.condition, e.then, e.otherwise]);
        break;
      case 'Binary':
        push([e.left, e.right]);
        break;
      case 'Unary':
        push([e.operand]);
        break;
      case 'Paren':
        push([e.expr]);
        break;
      default:
        break;
    }
  }
}
