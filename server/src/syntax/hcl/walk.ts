/** Visits every traversal (`a.b.c`) in a syntax tree, for navigation and reference search. */
import type { BodyItem, Expr } from './ast';

export function forEachTraversal(items: BodyItem[], fn: (t: Expr & { type: 'Traversal' }) => void): void {
  for (const item of items) {
    if (item.type === 'Attribute') {
      if (item.expr) visitExpr(item.expr, fn);
    } else if (item.type === 'Block') {
      forEachTraversal(item.body, fn);
    }
  }
}

function visitExpr(e: Expr, fn: (t: Expr & { type: 'Traversal' }) => void): void {
  switch (e.type) {
    case 'Traversal':
      fn(e);
      for (const p of e.parts) if (p.type === 'Index') visitExpr(p.key, fn);
      return;
    case 'Postfix':
      visitExpr(e.target, fn);
      for (const p of e.parts) if (p.type === 'Index') visitExpr(p.key, fn);
      return;
    case 'Template':
      for (const p of e.parts) if (typeof p !== 'string') visitExpr(p, fn);
      return;
    case 'Call':
      for (const a of e.args) visitExpr(a, fn);
      return;
    case 'Tuple':
      for (const i of e.items) visitExpr(i, fn);
      return;
    case 'Object':
      for (const i of e.items) {
        visitExpr(i.key, fn);
        visitExpr(i.value, fn);
      }
      return;
    case 'For':
      visitExpr(e.collection, fn);
      for (const b of e.body) visitExpr(b, fn);
      return;
    case 'Conditional':
      visitExpr(e.condition, fn);
      visitExpr(e.then, fn);
      visitExpr(e.otherwise, fn);
      return;
    case 'Binary':
      visitExpr(e.left, fn);
      visitExpr(e.right, fn);
      return;
    case 'Unary':
      visitExpr(e.operand, fn);
      return;
    case 'Paren':
      visitExpr(e.expr, fn);
      return;
    default:
      return;
  }
}
