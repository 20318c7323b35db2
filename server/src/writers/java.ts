/** CDKTF Java: `.enableBfd(true)` calls in the builder chain, `group.getId()` for another construct's attribute. */
import { pascal } from '../syntax/cdktf/names';
import { cdktfCompletionWriter, cdktfWriter, Dialect } from './cdktf/render';

export const javaDialect: Dialect = {
  language: 'java',
  literal: (v) => (typeof v === 'string' ? JSON.stringify(v) : String(v)),
  reference: (variable, path) => variable + path.map((p) => (/^\d+$/.test(p) ? `.get(${p})` : `.get${pascal(p)}()`)).join(''),
  property: (name, value) => `.${name}(${value})`,
  completionProperty: (name, value) => `${name}(${value})`,
  wrap: (_, s) => s,
  nested: (name, cls, _pkg, keys) =>
    cls ? `${name}(${cls}.builder()\n${keys.map((k) => `\t.${k.name}(${k.valueSnippet})\n`).join('')}\t.build())` : `${name}($0)`,
  commas: false,
};

export const javaWriter = cdktfWriter(javaDialect);
export const javaCompletionWriter = cdktfCompletionWriter(javaDialect);
