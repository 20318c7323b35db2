/**
 * Rules speak schema names (`"bfd_multi_hop" must be between 1 and 255`, `Set enable_bfd = true`). In a CDKTF
 * file the user wrote `bfdMultiHop`, `BfdMultiHop` or `bfd_multi_hop`, so the adapter rewrites the names in
 * messages and fix titles, and only names: a quoted name or dotted path the instance or its schema knows,
 * a snake_case name the schema knows, `name = value` assignments (rendered as the language writes them),
 * and the `TYPE.NAME.ATTR` reference the read-only rule suggests. Values and prose stay as they are.
 */
import type { Finding } from '../analysis/finding';
import type { Attribute, Block } from '../model/types';
import type { BlockSchema, ResourceSchema } from '../schema/types';
import type { CdktfInstance } from '../syntax/cdktf/model';
import { languageName, META_NAMES } from '../syntax/cdktf/names';
import type { Dialect } from '../writers/cdktf/render';
import { renderHclReference } from '../writers/cdktf/render';
import { escapeRegExp } from '../syntax/regexp';

type Namer = (path: string) => string | undefined;

const META_SCHEMA_NAMES = new Map(Object.entries(META_NAMES).map(([k, v]) => [v, k]));

/** How the instance names a schema path (`timeouts.create` → `timeouts.create`, `bfd_multi_hop` → `BfdMultiHop`). */
export function namerFor(instance: CdktfInstance): Namer {
  const lang = instance.language;
  return (path) => {
    let body: { attributes: Attribute[]; blocks: Block[] } | undefined = instance;
    let schemaBody: ResourceSchema | BlockSchema | undefined = instance.schema;
    const out: string[] = [];
    const segments = path.split('.');
    for (let k = 0; k < segments.length; k++) {
      const seg = segments[k];
      const writtenBlock: Block | undefined = body?.blocks.find((b) => b.name === seg);
      const written = body?.attributes.find((a) => a.name === seg && a.sourceName) ?? writtenBlock;
      const known = schemaBody?.attributes[seg] !== undefined || schemaBody?.blocks?.[seg] !== undefined;
      const meta = k === 0 && META_SCHEMA_NAMES.has(seg);
      if (!written && !known && !meta) return undefined;
      out.push(written?.sourceName || languageName(lang, meta ? META_SCHEMA_NAMES.get(seg)! : seg));
      body = writtenBlock;
      schemaBody = schemaBody?.blocks?.[seg];
    }
    return out.join('.');
  };
}

const ASSIGNMENT = /(?<![\w."])([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*) = ("(?:[^"\\]|\\.)*"|true|false|-?\d+(?:\.\d+)?|(?:data\.)?[a-z][a-z0-9_]*\.[^\s.()]+(?:\.[A-Za-z0-9_]+)+)/g;
const QUOTED = /"([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*)"/g;
const SNAKE = /(?<![\w.`"'<>-])([a-z][a-z0-9]*(?:_[a-z0-9]+)+)(?![\w"'(<>-])/g;

export function localizeText(text: string, instance: CdktfInstance, d: Dialect, name: Namer, title = false): string {
  // `(read it as alicloud_vpc_bgp_peer.<name>.status)`
  const type = escapeRegExp(instance.type);
  text = text.replace(new RegExp(`\\b(?:data\\.)?${type}\\.(${instance.name ? escapeRegExp(instance.name) : '[^.\\s]+'})\\.([a-z0-9_.]+)`, 'g'), (_, n: string, attr: string) =>
    d.reference(instance.name || n, attr.split('.')),
  );
  text = text.replace(ASSIGNMENT, (all, path: string, value: string) => {
    const shown = name(path);
    if (shown === undefined) return all;
    return d.property(shown, valueText(value, d, instance.quote));
  });
  text = text.replace(QUOTED, (all, path: string) => {
    const shown = name(path);
    return shown === undefined ? all : `"${shown}"`;
  });
  text = text.replace(SNAKE, (all, n: string) => name(n) ?? all);
  if (title) {
    text = text.replace(/^(Remove|Remove this duplicate|Remove this) ([a-z][a-z0-9_]*)( block)?$/, (all, verb: string, n: string, block: string | undefined) => {
      const shown = name(n);
      return shown === undefined ? all : `${verb} ${shown}${block ?? ''}`;
    });
    text = text.replace(/^Use (true|false)$/, (_, b: string) => `Use ${d.literal(b === 'true')}`);
  }
  if (d.language === 'python') text = text.replace(/\(true or false\)/g, '(True or False)');
  return text;
}

function valueText(v: string, d: Dialect, quote: string): string {
  if (v === 'true' || v === 'false') return d.literal(v === 'true');
  if (v.startsWith('"')) {
    try {
      return d.literal(JSON.parse(v) as string, quote);
    } catch {
      return v;
    }
  }
  if (/^-?\d/.test(v)) return d.literal(Number(v));
  return renderHclReference(d, v);
}

export function localizeFinding(f: Finding, instance: CdktfInstance, d: Dialect): Finding {
  const name = namerFor(instance);
  return {
    ...f,
    message: localizeText(f.message, instance, d, name),
    fixes: f.fixes.map((fix) => ({ ...fix, title: localizeText(fix.title, instance, d, name, true) })),
  };
}
