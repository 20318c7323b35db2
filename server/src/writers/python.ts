/** CDKTF Python: `enable_bfd=True` keyword arguments, nested structs as `VpcBgpPeerTimeouts(create="5m")`. */
import { cdktfCompletionWriter, cdktfWriter, Dialect } from './cdktf/render';
import { quoted } from './typescript';

export const pythonDialect: Dialect = {
  language: 'python',
  literal: (v, quote) => (typeof v === 'boolean' ? (v ? 'True' : 'False') : typeof v === 'string' ? quoted(v, quote) : String(v)),
  reference: (variable, path) => variable + path.map((p) => (/^\d+$/.test(p) ? `.get(${p})` : '.' + p)).join(''),
  property: (name, value) => `${name}=${value}`,
  wrap: (_, s) => s,
  nested: (name, cls, _pkg, keys) =>
    cls
      ? `${name}=${cls}(${keys.length ? '\n' + keys.map((k) => `\t${k.name}=${k.valueSnippet},`).join('\n') + '\n' : '$0'})`
      : `${name}={${keys.length ? '\n' + keys.map((k) => `\t"${k.name}": ${k.valueSnippet},`).join('\n') + '\n' : '$0'}}`,
  commas: true,
};

export const pythonWriter = cdktfWriter(pythonDialect);
export const pythonCompletionWriter = cdktfCompletionWriter(pythonDialect);
