/**
 * Rules speak schema names (`"bfd_multi_hop" must be between 1 and 255`, `Set enable_bfd = true`). In a CDKTF
 * file the user wrote `bfdMultiHop`, `BfdMultiHop` or `bfd_multi_hop`, so the adapter rewrites the names in
 * messages and fix titles, and only names: a quoted name or dotted path the instance or its schema knows,
 * a snake_case name the schema knows, `name = value` assignments (rendered as the language writes them),
 * and the `TYPE.NAME.ATTR` reference the read-only rule suggests. A finding in a nested block (`timeouts`) names
 * that block's arguments alone; an argument of another resource's schema (the VBR's `enable_ipv6` in a group's
 * message) and a hover's `alicloud_vpc_bgp_group.<name>.id` are written in the language too, and another construct
 * of the program by its class and variable (`VpcBgpGroup group`). Values and prose stay as they are.
 */
import type { Finding } from '../analysis/finding';
import type { Attribute, Block, Position } from '../model/types';
import { rangeContains } from '../model/types';
import type { SchemaRegistry } from '../schema/registry';
import type { BlockSchema, ResourceSchema } from '../schema/types';
import type { CdktfInstance } from '../syntax/cdktf/model';
import { languageName, META_NAMES } from '../syntax/cdktf/names';
import type { Dialect } from '../writers/cdktf/render';
import { propertyIn, renderHclReference } from '../writers/cdktf/render';
import { escapeRegExp } from '../syntax/regexp';

type Namer = (path: string) => string | undefined;

const META_SCHEMA_NAMES = new Map(Object.entries(META_NAMES).map(([k, v]) => [v, k]));

/** Every argument name of every schema (nested blocks' too), once per registry. */
const argumentNames = new WeakMap<SchemaRegistry, Set<string>>();

function allArgumentNames(registry: SchemaRegistry): Set<string> {
  let names = argumentNames.get(registry);
  if (names) return names;
  names = new Set();
  const add = (body: { attributes: Record<string, unknown>; blocks?: Record<string, BlockSchema> }) => {
    for (const n of Object.keys(body.attributes)) names!.add(n);
    for (const b of Object.values(body.blocks ?? {})) add(b);
  };
  for (const s of registry.all()) add(s);
  argumentNames.set(registry, names);
  return names;
}

/**
 * How the instance names a schema path (`timeouts.create` -> `Timeouts.Create`, `bfd_multi_hop` -> `BfdMultiHop`).
 * `within`: the nested blocks a finding is in (`timeouts`), whose own names a message gives alone (`"create"`).
 * With `registry`, a name of another resource's schema (the VBR's `enable_ipv6` in a group's message) is written as
 * the language's bindings name it.
 */
export function namerFor(instance: CdktfInstance, registry?: SchemaRegistry, within: readonly string[] = []): Namer {
  // An override names everything as Terraform does: so does what is said of it.
  if (instance.terraformNames) return () => undefined;
  const lang = instance.language;
  const resolve = (segments: string[]): string[] | undefined => {
    let body: { attributes: Attribute[]; blocks: Block[] } | undefined = instance;
    let schemaBody: ResourceSchema | BlockSchema | undefined = instance.schema;
    const out: string[] = [];
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
    return out;
  };
  const others = registry && allArgumentNames(registry);
  return (path) => {
    const segments = path.split('.');
    const inner = within.length ? resolve([...within, ...segments]) : undefined;
    if (inner) return inner.slice(within.length).join('.');
    const own = resolve(segments);
    if (own) return own.join('.');
    if (others && segments.length === 1 && others.has(path)) return languageName(lang, path);
    return undefined;
  };
}

/** The names of the nested blocks of `instance` around `at` (`['timeouts']`), outermost first. */
function blocksAround(instance: CdktfInstance, at: Position): string[] {
  const out: string[] = [];
  let body: { blocks: Block[] } = instance;
  for (;;) {
    const b = body.blocks.find((x) => rangeContains(x.range, at));
    if (!b) return out;
    out.push(b.name);
    body = b;
  }
}

const ASSIGNMENT = /(?<![\w."])([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*) = ("(?:[^"\\]|\\.)*"|true|false|-?\d+(?:\.\d+)?|(?:data\.)?[a-z][a-z0-9_]*\.[^\s.()]+(?:\.[A-Za-z0-9_]+)+)/g;
const QUOTED = /"([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*)"/g;
const SNAKE = /(?<![\w.`"'<>-])([a-z][a-z0-9]*(?:_[a-z0-9]+)+)(?![\w"'(<>-])/g;

export function localizeText(text: string, instance: CdktfInstance, d: Dialect, name: Namer, title = false, registry?: SchemaRegistry): string {
  // `(read it as alicloud_vpc_bgp_peer.<name>.status)`
  const type = escapeRegExp(instance.type);
  text = text.replace(new RegExp(`\\b(?:data\\.)?${type}\\.(${instance.name ? escapeRegExp(instance.name) : '[^.\\s]+'})\\.([a-z0-9_.]+)`, 'g'), (_, n: string, attr: string) =>
    d.reference(instance.name || n, attr.split('.')),
  );
  // `normally alicloud_vpc_bgp_group.<name>.id`: the attribute of some construct of that class, `<VpcBgpGroup>.Id()`.
  if (registry) {
    text = text.replace(/\b(data\.)?(alicloud_[a-z0-9_]+)\.<name>\.([a-z0-9_.]+)/g, (all, data: string | undefined, t: string, attr: string) => {
      const s = registry.get(data ? 'data' : 'resource', t);
      return s?.cdktf ? d.reference(`<${s.cdktf.className}>`, attr.split('.')) : all;
    });
  }
  // `alicloud_vpc_bgp_group.group (its BgpGroupId)`: another construct of the program, by its class and the
  // variable it is kept in, which is what the address's name is (not its construct id, not a Terraform address).
  if (registry) {
    text = text.replace(/\b(data\.)?(alicloud_[a-z0-9_]+)\.((?:this\.|self\.)?[A-Za-z_$][\w$]*)(?![\w$.<])/g, (all, data: string | undefined, t: string, n: string) => {
      const s = registry.get(data ? 'data' : 'resource', t);
      return s?.cdktf ? `${s.cdktf.className} ${n}` : all;
    });
  }
  text = text.replace(ASSIGNMENT, (all, path: string, value: string) => {
    const shown = name(path);
    if (shown === undefined) return all;
    return propertyIn(d, instance.body, shown, valueText(value, d, instance.quote), instance.quote);
  });
  text = text.replace(QUOTED, (all, path: string) => {
    const shown = name(path);
    return shown === undefined ? all : `"${shown}"`;
  });
  text = text.replace(SNAKE, (all, n: string) => name(n) ?? all);
  if (title) {
    text = text.replace(/^(Remove|Remove this duplicate|Remove this ignored|Remove this) ([a-z][a-z0-9_]*)( block)?$/, (all, verb: string, n: string, block: string | undefined) => {
      const shown = name(n);
      return shown === undefined ? all : `${verb} ${shown}${block ?? ''}`;
    });
    text = text.replace(/^Use (true|false)$/, (_, b: string) => `Use ${d.literal(b === 'true')}`);
  }
  if (d.language === 'python') text = text.replace(/\(true or false\)/g, '(True or False)').replace(/\bthe bool (true|false)\b/g, (_, b: string) => `the bool ${d.literal(b === 'true')}`);
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

/**
 * A finding's words for what it is in, as the program writes it: `in the timeouts block of resource
 * alicloud_vpc_bgp_peer` is `in the timeouts of VpcBgpPeer`, and a resource type the schema has bindings for is its
 * class (`the ExpressConnectVirtualBorderRouter it belongs to`, `should refer to a VpcBgpGroup`). Hovers keep the
 * Terraform type: it is what the provider's documentation is written in.
 */
export function cdktfFraming(text: string, name: Namer, registry: SchemaRegistry): string {
  const className = (kind: string | undefined, type: string) => registry.get(kind === 'data' ? 'data' : 'resource', type)?.cdktf?.className;
  text = text.replace(/\bthe ([a-z][a-z0-9_.]*) block of (resource|data source) (alicloud_[a-z0-9_]+)\b/g, (all, path: string, kind: string, type: string) => {
    const c = className(kind === 'data source' ? 'data' : undefined, type);
    return c ? `the ${name(path) ?? path} of ${c}` : all;
  });
  text = text.replace(/\b(resource|data source) (alicloud_[a-z0-9_]+)\b(?!\.[\w<])/g, (all, kind: string, type: string) =>
    className(kind === 'data source' ? 'data' : undefined, type) ?? all,
  );
  // A type alone (not an address: no `.` after it), with its article made to fit the class name.
  return text.replace(/\b(?:(an?) )?(data\.)?(alicloud_[a-z0-9_]+)\b(?!\.[\w<])/g, (all, a: string | undefined, data: string | undefined, type: string) => {
    const c = className(data ? 'data' : undefined, type);
    if (!c) return all;
    return a ? `${/^[AEIOU]/.test(c) ? 'an' : 'a'} ${c}` : c;
  });
}

export function localizeFinding(f: Finding, instance: CdktfInstance, d: Dialect, registry?: SchemaRegistry): Finding {
  // A finding in a nested block (`timeouts`) names that block's arguments alone.
  const name = namerFor(instance, registry, blocksAround(instance, f.range.start));
  const say = (text: string, title: boolean) => {
    const shown = localizeText(text, instance, d, name, title, registry);
    return registry ? cdktfFraming(shown, name, registry) : shown;
  };
  return { ...f, message: say(f.message, false), fixes: f.fixes.map((fix) => ({ ...fix, title: say(fix.title, true) })) };
}
