/**
 * A value set on a construct after it is built (`p.bfdMultiHop = 0`, `p.putTimeouts({ create: "bad" })`,
 * `p.addOverride("bfd_multi_hop", 0)`, found by `laterSets.ts`), as an instance of its construct's type that holds
 * that one argument where the value is written: judged for what it holds, never for what it lacks (`open`), and
 * declaring nothing, as a config struct written apart is (it never enters the module context; its name, the
 * variable, is for messages: `read it as p.status`). A literal assigned later is as wrong as one in the config, and
 * so is the argument set: a read-only one (`p.status = "x"`, which the generated bindings have no setter for;
 * `p.addOverride("status", "x")`, which Terraform refuses: "Value for unconfigurable attribute"), or by an override,
 * one the resource does not have (`p.addOverride("bfd_multihop", 3)`, `p.addOverride("timeouts.creat", "5m")`).
 */
import type { Attribute, Block, Value } from '../../model/types';
import type { ResourceSchema } from '../../schema/types';
import { bodySyntax, buildBody, goMapLiteral, range, readKwargs } from './bodies';
import { STRING } from './kinds';
import { languageName, META_NAMES } from './names';
import type { Matching } from './constructs';
import type { Found } from './laterSets';
import type { CdktfAttribute, CdktfBlock, CdktfInstance } from './model';
import type { Tokens } from './tokens';
import { classify } from './values';

/**
 * The value with the program's names made unknown: a construct's references are resolved where the construct is
 * written (`references.ts`), which a set elsewhere is not; only its literals are judged.
 */
function literalsOnly(v: Value): Value {
  if (v.kind === 'reference') return { kind: 'unknown', text: v.text };
  if (v.kind === 'tuple') return { kind: 'tuple', items: v.items.map(literalsOnly) };
  return v;
}

function literalsIn<T extends { attributes: Attribute[]; blocks: Block[] }>(body: T): T {
  return { ...body, attributes: body.attributes.map((a) => ({ ...a, value: literalsOnly(a.value) })), blocks: body.blocks.map(literalsIn) };
}

/** Terraform's own names in a resource (`depends_on`, `lifecycle`, JSON's `dynamic`), which an override may set. */
const TERRAFORMS = new Set([...Object.values(META_NAMES), 'dynamic']);

/** Is an override's path, not in the schema, a plain name Terraform does not know either? */
function unknownToTerraform(name: string): boolean {
  return /^[A-Za-z_][\w-]*$/.test(name) && !TERRAFORMS.has(name);
}

export function laterInstance(tk: Tokens, set: Found, schema: ResourceSchema, m: Pick<Matching, 'nested' | 'quote'>): CdktfInstance | undefined {
  if (!set.value || set.key === undefined) return undefined;
  const a = set.at + set.value[0];
  const b = set.at + set.value[1];
  const key = set.at + set.key;
  const keyRange = range(tk, tk.start[key], tk.end[key]);
  const valueRange = range(tk, tk.start[a], tk.end[b - 1]);
  const entry = { start: keyRange.start, end: valueRange.end };
  const attributes: CdktfAttribute[] = [];
  const blocks: CdktfBlock[] = [];
  // An override names the argument, and all in its value, as Terraform does (`"bfd_multi_hop"`): so do its
  // messages and fixes (`terraformNames`). Otherwise named as the language names it (a setter names it otherwise).
  const override = tk.kind[key] === STRING;
  const sourceName = override ? set.argument : languageName(tk.language, set.argument);
  const blockSchema = schema.blocks?.[set.argument];
  const path = override ? tk.text_(key).slice(1, -1).split('.') : [set.argument];
  // The one argument set, written where the value is.
  const argument = (name: string, shown: string, value: Value): CdktfAttribute => ({ name, sourceName: shown, keyRange, value, valueRange, range: valueRange, entry });
  if (path.length === 2 && !blockSchema) {
    // `addOverride("timeout.create", "5m")`: a name the resource lacks, holding an object in the JSON, which Terraform
    // refuses ("Unsupported argument"): held as written, for the rules to report (and to suggest a block's name).
    // Not a path into an argument (`"bfd_multi_hop.x"`), nor into Terraform's own blocks (`"lifecycle.x"`).
    if (schema.attributes[set.argument] || !unknownToTerraform(set.argument)) return undefined;
    attributes.push(argument(set.argument, sourceName, { kind: 'object' }));
  } else if (path.length === 2) {
    // `addOverride("timeouts.create", "5m")`: one argument of a block, named by the same string.
    const attribute = argument(path[1], path[1], literalsOnly(classify(tk, a, b)));
    blocks.push({ name: set.argument, sourceName, nameRange: keyRange, labels: [], range: valueRange, bodyRange: valueRange, attributes: [attribute], blocks: [], closed: true, entry });
  } else if (blockSchema) {
    // Python's `put_timeouts(create="1m")` takes the block's arguments as its own keyword arguments: the value is the
    // parentheses (`laterSets.ts`).
    const kwargs = tk.language === 'python' && tk.is(a, '(') && set.key === set.value[0] - 1;
    // Go's override writes the block as a map (`&map[string]interface{}{"create": "5m"}`).
    const map = override && tk.language === 'go' ? goMapLiteral(tk, a, b) : undefined;
    const inner = kwargs ? readKwargs(tk, a, 0) : (map ?? m.nested(tk, a, b));
    if (!inner) return undefined;
    const built = literalsIn(buildBody(tk, inner, schema, blockSchema, set.argument, m.nested));
    const block: CdktfBlock = {
      name: set.argument,
      sourceName,
      nameRange: keyRange,
      labels: [],
      range: valueRange,
      bodyRange: range(tk, inner.openStart, inner.end),
      attributes: built.attributes,
      blocks: built.blocks,
      closed: inner.closed,
      entry,
      body: bodySyntax(tk, inner),
    };
    if (built.overwritten) block.overwritten = built.overwritten;
    blocks.push(block);
  } else if (schema.attributes[set.argument] || (override && unknownToTerraform(set.argument))) {
    // An override of a name the resource lacks is written into the JSON too, which Terraform refuses ("Unsupported
    // argument"): held as written, for the rules to report. A property or setter of another name is the program's.
    attributes.push(argument(set.argument, sourceName, literalsOnly(classify(tk, a, b))));
  } else return undefined;
  return {
    kind: schema.kind,
    type: schema.type,
    typeRange: keyRange,
    name: set.variable,
    nameRange: keyRange,
    range: valueRange,
    headerRange: valueRange,
    bodyRange: valueRange,
    attributes,
    blocks,
    closed: true,
    language: tk.language,
    schema,
    body: { kind: 'object', open: valueRange.start, close: valueRange.end },
    open: true,
    config: true,
    extentEnd: valueRange.end,
    quote: m.quote,
    qualifier: '',
    ...(override ? { terraformNames: true } : {}),
  };
}
