/**
 * CDKTF Go: `EnableBfd: jsii.Bool(true),` in the config composite literal (every value a pointer made by
 * `jsii.Bool`/`jsii.Number`/`jsii.String`; a multi-line literal needs its trailing commas), `group.Id()` for
 * another construct's attribute. The literal is left aligned as gofmt aligns it (`goAlign.ts`).
 */
import type { CdktfBlock, CdktfInstance } from '../syntax/cdktf/model';
import { pascal } from '../syntax/cdktf/names';
import { cdktfCompletionWriter, cdktfWriter, Dialect } from './cdktf/render';
import { realignGo } from './goAlign';
import type { Writer } from './writer';

export const goDialect: Dialect = {
  language: 'go',
  literal: (v) =>
    typeof v === 'boolean' ? `jsii.Bool(${v})` : typeof v === 'number' ? `jsii.Number(${v})` : `jsii.String(${JSON.stringify(v)})`,
  reference: (variable, path) => variable + path.map((p) => (/^\d+$/.test(p) ? `.Get(jsii.Number(${p}))` : `.${pascal(p)}()`)).join(''),
  property: (name, value) => `${name}: ${value}`,
  wrap: (kind, s) => (kind === 'bool' ? `jsii.Bool(${s})` : kind === 'number' ? `jsii.Number(${s})` : kind === 'string' ? `jsii.String(${s})` : s),
  nested: (name, cls, pkg, keys) =>
    `${name}: &${pkg ? pkg + '.' : ''}${cls ?? ''}{\n${keys.length ? keys.map((k) => `\t${k.name}: ${k.valueSnippet},`).join('\n') : '\t$0'}\n}`,
  configObject: (cls, entry) => `&${cls}{${entry}}`,
  commas: true,
  trailingCommaRequired: true,
  alignValues: true,
  tightBraces: true,
  gofmtLayout: true,
};

const plain = cdktfWriter(goDialect);

export const goWriter: Writer = {
  value: plain.value,
  render(edits, instance, src) {
    const out = plain.render(edits, instance, src);
    const inst = instance as CdktfInstance;
    // A construct's literal; for a struct set later (`peer.PutTimeouts(&...{...})`), which has none, the struct's.
    const body = inst.body.kind === 'composite' ? inst.body : inst.blocks.length === 1 && inst.attributes.length === 0 ? (inst.blocks[0] as CdktfBlock).body : undefined;
    if (!body) return out;
    const { kind, open, close } = body;
    if (kind !== 'composite' || !close) return out;
    const at = (p: typeof open) => ({ line: p.line + src.base, character: p.character });
    return realignGo(out, at(open), at(close), src);
  },
};
export const goCompletionWriter = cdktfCompletionWriter(goDialect);
