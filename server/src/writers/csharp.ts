/** CDKTF C#: `EnableBfd = true` in the object initializer, `group.Id` for another construct's attribute. */
import { pascal } from '../syntax/cdktf/names';
import { cdktfCompletionWriter, cdktfWriter, Dialect } from './cdktf/render';

export const csharpDialect: Dialect = {
  language: 'csharp',
  literal: (v) => (typeof v === 'string' ? JSON.stringify(v) : String(v)),
  reference: (variable, path) => variable + path.map((p) => (/^\d+$/.test(p) ? `.Get(${p})` : '.' + pascal(p))).join(''),
  property: (name, value) => `${name} = ${value}`,
  wrap: (_, s) => s,
  nested: (name, cls, _pkg, keys) =>
    `${name} = new ${cls ?? ''} {\n${keys.length ? keys.map((k) => `\t${k.name} = ${k.valueSnippet},`).join('\n') : '\t$0'}\n}`.replace('new  {', 'new() {'),
  configObject: (cls, entry) => `new ${cls} { ${entry} }`,
  commas: true,
};

export const csharpWriter = cdktfWriter(csharpDialect);
export const csharpCompletionWriter = cdktfCompletionWriter(csharpDialect);
