/**
 * The HCL syntax tree. Positions are relative to the start line of the top-level chunk that holds the node
 * (see `document.ts`): a chunk can move up or down the file without its nodes being touched.
 */
import type { Range } from '../../model/types';

export type Expr =
  | { type: 'Literal'; value: string | number | boolean | null; range: Range }
  /** A quoted or heredoc template. `parts` holds literal text and interpolated expressions. */
  | { type: 'Template'; parts: (string | Expr)[]; directives: boolean; heredoc: boolean; range: Range }
  /** `name`, `name.attr`, `name[0]`, `name.*.id`, `name[*].id`: a root name and what follows. */
  | { type: 'Traversal'; root: string; parts: TraversalPart[]; range: Range }
  /** A traversal applied to something other than a name: `concat(a, b)[0]`, `(x).y`. */
  | { type: 'Postfix'; target: Expr; parts: TraversalPart[]; range: Range }
  | { type: 'Call'; name: string; nameRange: Range; args: Expr[]; expandFinal: boolean; range: Range }
  | { type: 'Tuple'; items: Expr[]; range: Range }
  | { type: 'Object'; items: ObjectItem[]; range: Range }
  | { type: 'For'; vars: string[]; collection: Expr; body: Expr[]; range: Range }
  | { type: 'Conditional'; condition: Expr; then: Expr; otherwise: Expr; range: Range }
  | { type: 'Binary'; op: string; left: Expr; right: Expr; range: Range }
  | { type: 'Unary'; op: string; operand: Expr; range: Range }
  | { type: 'Paren'; expr: Expr; range: Range }
  /** Something that could not be parsed; an error was reported for it. */
  | { type: 'Invalid'; range: Range };

export type TraversalPart =
  | { type: 'Attr'; name: string; range: Range }
  | { type: 'Index'; key: Expr; range: Range }
  | { type: 'Splat'; range: Range };

export interface ObjectItem {
  key: Expr;
  value: Expr;
}

export interface AttributeNode {
  type: 'Attribute';
  name: string;
  nameRange: Range;
  /** Missing while the value is not typed yet (`name =` then newline). */
  expr?: Expr;
  range: Range;
}

/** A name alone on its line: an argument being typed (`bfd_mu`). Kept so completion knows where it is. */
export interface IncompleteNode {
  type: 'Incomplete';
  name: string;
  nameRange: Range;
  range: Range;
}

export interface BlockNode {
  type: 'Block';
  name: string;
  nameRange: Range;
  labels: { value: string; range: Range }[];
  /** From the `{` to the `}` (or to where the unclosed body stopped). */
  bodyRange: Range;
  body: BodyItem[];
  range: Range;
  closed: boolean;
}

export type BodyItem = AttributeNode | BlockNode | IncompleteNode;

export interface SyntaxError {
  message: string;
  range: Range;
}
