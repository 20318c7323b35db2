/** CDKTF TypeScript: `enableBfd: true` in the config object, `group.id` for another construct's attribute. */
import { camel } from '../syntax/cdktf/names';
import { cdktfCompletionWriter, cdktfWriter, Dialect } from './cdktf/render';

export function quoted(v: string, quote = '"'): string {
  if (quote === "'") return "'" + v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n') + "'";
  return JSON.stringify(v);
}

export const typescriptDialect: Dialect = {
  language: 'typescript',
  literal: (v, quote) => (typeof v === 'string' ? quoted(v, quote) : String(v)),
  reference: (variable, path) => variable + path.map((p) => (/^\d+$/.test(p) ? `.get(${p})` : '.' + camel(p))).join(''),
  property: (name, value) => `${name}: ${value}`,
  wrap: (_, s) => s,
  nested: (name, _cls, _pkg, keys) => `${name}: {\n${keys.length ? keys.map((k) => `\t${k.name}: ${k.valueSnippet},`).join('\n') : '\t$0'}\n}`,
  configObject: (_, entry) => `{ ${entry} }`,
  commas: true,
};

export const typescriptWriter = cdktfWriter(typescriptDialect);
export const typescriptCompletionWriter = cdktfCompletionWriter(typescriptDialect);
