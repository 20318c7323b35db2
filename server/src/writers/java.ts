/** CDKTF Java: `.enableBfd(true)` calls in the builder chain, `group.getId()` for another construct's attribute. */
import { pascal } from '../syntax/cdktf/names';
import { cdktfCompletionWriter, cdktfWriter, Dialect } from './cdktf/render';

export const javaDialect: Dialect = {
  language: 'java',
  // An integer past int's range is a long literal (javac rejects `4294967294` as "integer number too large").
  literal: (v) => (typeof v === 'string' ? JSON.stringify(v) : typeof v === 'number' && Number.isInteger(v) && Math.abs(v) > 2147483647 ? `${v}L` : String(v)),
  reference: (variable, path) => variable + path.map((p) => (/^\d+$/.test(p) ? `.get(${p})` : `.get${pascal(p)}()`)).join(''),
  property: (name, value) => `.${name}(${value})`,
  completionProperty: (name, value) => `${name}(${value})`,
  wrap: (_, s) => s,
  nested: (name, cls, _pkg, keys) =>
    cls ? `${name}(${cls}.builder()\n${keys.map((k) => `\t.${k.name}(${k.valueSnippet})\n`).join('')}\t.build())` : `${name}($0)`,
  configObject: (cls, entry) => `${cls}.builder()${entry}.build()`,
  commas: false,
};

export const javaWriter = cdktfWriter(javaDialect);
export const javaCompletionWriter = cdktfCompletionWriter(javaDialect);
