/**
 * Completion of a variable's name at the start of a line of a `.tfvars` file: the variables the module declares
 * that the file does not assign yet, those without a default (which need a value) first, each with its type and
 * default in the detail and its hover as documentation, made only for the item the client resolves (`variable`);
 * inserting `name = ` and a value to fill in. A secret's default is neither shown nor inserted.
 */
import type { AnalysisContext, DeclaredVariable } from './context';
import type { CompletionItem } from './completion';
import type { Range } from '../model/types';
import type { TypeConstraint } from './typeConstraint';
import { isSecret } from './variableHover';

export function variableCompletions(ctx: AnalysisContext, at: { range: Range; nameOnly?: boolean }, assigned: ReadonlySet<string>): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const [name, v] of ctx.variables?.() ?? []) {
    if (assigned.has(name)) continue;
    const secret = isSecret(v, ctx.variableUses?.(name) ?? [], ctx);
    items.push({
      label: name,
      kind: 'property',
      detail: detail(v, secret),
      variable: name,
      insertText: at.nameOnly ? name : `${name} = ${secret ? emptyOf(v.type) : valueSnippet(v)}`,
      snippet: !at.nameOnly,
      range: at.range,
      // Those that need a value first (a `.tf.json` file's, whose default is not read, after them).
      sortText: (v.declaredAt.line === undefined ? '2' : v.defaultText === undefined ? '0' : '1') + name,
    });
  }
  return items;
}

/** `number = 10`, `list(string) (required)`: the type, and the default or that a value is needed. */
function detail(v: DeclaredVariable, secret: boolean): string {
  if (v.declaredAt.line === undefined) return `declared in ${v.declaredAt.file}`;
  const type = v.typeText ?? 'any';
  if (v.defaultText === undefined) return `${type} (required)`;
  return secret || v.defaultText.includes('\n') ? `${type} (has a default)` : `${type} = ${v.defaultText}`;
}

/** A placeholder the type suggests: the default when written on one line, else an empty value of the type. */
function valueSnippet(v: DeclaredVariable): string {
  if (v.defaultText !== undefined && !v.defaultText.includes('\n')) return '${1:' + v.defaultText.replace(/[$}\\]/g, '\\$&') + '}';
  return emptyOf(v.type);
}

function emptyOf(t: TypeConstraint | undefined): string {
  switch (t?.kind) {
    case 'string': return '"$1"';
    case 'bool': return '${1|true,false|}';
    case 'list':
    case 'set':
    case 'tuple': return '[$1]';
    case 'map':
    case 'object': return '{ $1 }';
    default: return '$1';
  }
}
