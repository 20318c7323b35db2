/**
 * CDKTF Go: `EnableBfd: jsii.Bool(true),` in the config composite literal (every value a pointer made by
 * `jsii.Bool`/`jsii.Number`/`jsii.String`; a multi-line literal needs its trailing commas), `group.Id()` for
 * another construct's attribute.
 */
import { pascal } from '../syntax/cdktf/names';
import { cdktfCompletionWriter, cdktfWriter, Dialect } from './cdktf/render';

export const goDialect: Dialect = {
  language: 'go',
  literal: (v) =>
    typeof v === 'boolean' ? `jsii.Bool(${v})` : typeof v === 'number' ? `jsii.Number(${v})` : `jsii.String(${JSON.stringify(v)})`,
  reference: (variable, path) => variable + path.map((p) => (/^\d+$/.test(p) ? `.Get(jsii.Number(${p}))` : `.${pascal(p)}()`)).join(''),
  property: (name, value) => `${name}: ${value}`,
  wrap: (kind, s) => (kind === 'bool' ? `jsii.Bool(${s})` : kind === 'number' ? `jsii.Number(${s})` : kind === 'string' ? `jsii.String(${s})` : s),
  nested: (name, cls, pkg, keys) =>
    `${name}: &${pkg ? pkg + '.' : ''}${cls ?? ''}{\n${keys.length ? keys.map((k) => `\t${k.name}: ${k.valueSnippet},`).join('\n') : '\t$0'}\n}`,
  commas: true,
  trailingCommaRequired: true,
  alignValues: true,
  tightBraces: true,
};

export const goWriter = cdktfWriter(goDialect);
export const goCompletionWriter = cdktfCompletionWriter(goDialect);
