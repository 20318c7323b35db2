/**
 * Terraform's override files (`override.tf`, `*_override.tf`): each of their blocks is merged into the block of
 * the same address in the module's other files, and Terraform checks the merged block, not the one written. So
 * a finding about a block that its override settles (an out-of-range value the override replaces, a required
 * argument or the `enable_bfd = true` the override adds) is not reported. The merge, as Terraform documents it:
 * - an argument of the override replaces the argument of that name;
 * - the override's nested blocks of one type (`timeouts`, or `dynamic "timeouts"`) replace every block of that
 *   type, their contents not merged; `lifecycle` is merged argument by argument;
 * - several override files apply in turn, in the order of their names.
 * What an override writes is checked merged too, and reported in the override file (`overrideFindings`): its IPv4
 * `peer_ip_address` against the original's `ip_version = "IPv6"` is reported there. An override block with
 * nothing to override is checked on its own, less what rests on what it leaves out (`partial.ts`). Other
 * blocks' rules see an overridden block merged (`moduleContext.ts`).
 */
import type { Attribute, Block, Range, ResourceInstance } from '../model/types';
import { rangeContains, sameRange, shiftRange } from '../model/types';
import type { AnalysisContext } from './context';
import type { Finding, NeutralEdit } from './finding';
import type { TerraformView } from './fixCheck';
import { analyzeInModule, analyzeInstance } from './rules';

/**
 * `original` as Terraform sees it once `overrides` (in their files' order) are merged into it. What `inPlace` wrote
 * (the original, or one of the overrides) keeps its positions; the rest is moved far below any line, since
 * positions are relative to each block's own file, and a finding on what one file wrote must never look like one
 * on what another wrote.
 */
export function mergeOverrides(original: ResourceInstance, overrides: readonly ResourceInstance[], inPlace: ResourceInstance = original): ResourceInstance {
  const place = (i: ResourceInstance) => (i === inPlace ? i : moved(i));
  const base = place(original);
  let attributes = base.attributes;
  let blocks = base.blocks;
  for (const part of overrides.map(place)) {
    // An argument still being typed (`enable_bfd =`) replaces nothing yet: the original's value holds meanwhile.
    const o = { attributes: part.attributes.filter((a) => !a.incomplete), blocks: part.blocks };
    const replaced = new Set(o.attributes.map((a) => a.name));
    attributes = [...attributes.filter((a) => !replaced.has(a.name)), ...o.attributes];
    // An override in JSON writes a nested block as an object (`"timeouts": {…}`), read as an argument: it replaces
    // the blocks of that type all the same.
    const types = new Set([...o.blocks.filter((b) => b.name !== 'lifecycle').map(blockType), ...o.attributes.map((a) => a.name)]);
    const lifecycle = mergedLifecycle(blocks, o.blocks);
    blocks = [...blocks.filter((b) => !types.has(blockType(b)) && b.name !== 'lifecycle'), ...(lifecycle ? [lifecycle] : []), ...o.blocks.filter((b) => b.name !== 'lifecycle')];
  }
  const { kind, type, typeRange, name, nameRange, range, headerRange, bodyRange, closed, language } = base;
  return { kind, type, typeRange, name, nameRange, range, headerRange, bodyRange, attributes, blocks, closed, language };
}

/** `i` moved `ELSEWHERE`: its own ranges, its arguments' and its nested blocks'. */
function moved(i: ResourceInstance): ResourceInstance {
  const move = (r: Range) => shiftRange(r, ELSEWHERE);
  // Every field named: model nodes may keep their ranges behind getters, which a spread would not copy.
  return {
    kind: i.kind,
    type: i.type,
    name: i.name,
    closed: i.closed,
    language: i.language,
    typeRange: move(i.typeRange),
    nameRange: move(i.nameRange),
    range: move(i.range),
    headerRange: move(i.headerRange),
    bodyRange: move(i.bodyRange),
    attributes: i.attributes.map((a) => movedAttribute(a, ELSEWHERE)),
    blocks: i.blocks.map((b) => movedBlock(b, ELSEWHERE)),
  };
}

/**
 * The findings of `findings` (one chunk's, in the positions of `instances`' own file) that still hold once each
 * instance's overrides are merged into it: those the merged block is found to have too (same code, same place),
 * in the merged block's words (a message may quote a value the override changed) and with only the fixes that
 * edit what the block itself writes. `findings` itself when no instance has an override. A repeated argument
 * stays: Terraform rejects it when it reads the file, before any merge.
 */
export function notSettledByOverrides(findings: Finding[], instances: readonly ResourceInstance[], ctx: AnalysisContext): Finding[] {
  if (!ctx.overridesOf) return findings;
  let out = findings;
  for (const instance of instances) {
    if (!instance.name) continue;
    const overrides = ctx.overridesOf(instance.kind, instance.type, instance.name).map((o) => o.instance);
    if (overrides.length === 0) continue;
    const merged = mergeOverrides(instance, overrides);
    const after = [...analyzeInstance(merged, ctx), ...analyzeInModule(merged, ctx)];
    const names = new Set(overrides.flatMap((o) => o.attributes.map((a) => a.name)));
    const types = new Set(overrides.flatMap((o) => [...o.blocks.map(blockType), ...o.attributes.map((a) => a.name)]));
    const own = (g: Finding): Finding => ({ ...g, instance, fixes: g.fixes.filter((fix) => fix.edits.every((e) => editsOwn(e, instance, names, types))) });
    out = out.flatMap((f) => {
      if (f.code === 'syntax-error' || f.code === 'duplicate-argument' || !within(f, instance)) return [f];
      const g = after.find((x) => x.code === f.code && sameRange(x.range, f.range));
      return g ? [{ ...own(g), range: f.range, instance: f.instance ?? instance }] : [];
    });
    // What only the merge brings out, on what this block writes (its hop count, once an override turns BFD off).
    const added = after.filter((g) => g.code !== 'duplicate-argument' && within(g, instance) && !findings.some((f) => f.code === g.code && sameRange(f.range, g.range)));
    if (added.length) out = [...out, ...added.map(own)];
  }
  return out;
}

/**
 * The findings of an override file's blocks (one chunk's, `instances`, from the file numbered `file`, whose blocks
 * of an address `inFile` gives in order) as Terraform
 * sees them: each block merged into the block it overrides with the module's other overrides, and the merged
 * block's findings placed on what this block writes. So a problem that needs both (an IPv4 `peer_ip_address`
 * written here, `ip_version = "IPv6"` in the original) is reported here, and one the original settles (an
 * `enable_bfd = true` it has) is not. Fixes are kept when they edit only this block: setting an argument here
 * sets it for Terraform, and a new value for what the original wrote is set here. A block with nothing to override
 * keeps `findings`, less what rests on absent arguments,
 * and is itself an error (`override-without-original`).
 */
export function overrideFindings(
  findings: Finding[],
  instances: readonly ResourceInstance[],
  ctx: AnalysisContext,
  file: number,
  inFile: (kind: 'resource' | 'data', type: string, name: string) => readonly ResourceInstance[],
): Finding[] {
  if (!ctx.originalOf || !ctx.overridesOf) return findings;
  let out = findings;
  for (const instance of instances) {
    if (!instance.name) continue;
    const original = ctx.originalOf(instance.kind, instance.type, instance.name);
    if (!original) {
      out = [...out, missingOriginal(instance)];
      continue;
    }
    const overrides = currentOverrides(ctx, instance, instance, file, inFile);
    const merged = mergeOverrides(original, overrides, instance);
    const mine = [...analyzeInstance(merged, ctx), ...analyzeInModule(merged, ctx)].filter((f) => within(f, instance));
    // Removing or renaming what another part of the merge also writes would only let that part show through.
    const others = [original, ...overrides.filter((o) => o !== instance)];
    const shadowed = new Set(others.flatMap((o) => [...o.attributes.map((a) => a.name), ...o.blocks.map(blockType)]));
    const hides = (e: NeutralEdit) =>
      e.kind === 'removeBlock' ? shadowed.has(blockType(e.block)) : (e.kind === 'remove' || e.kind === 'rename') && shadowed.has(e.attribute.name);
    // A new value for what another part wrote is set here instead: an argument of the override replaces it.
    const setHere = (e: NeutralEdit): NeutralEdit =>
      e.kind === 'replaceValue' && !instance.attributes.includes(e.attribute) && merged.attributes.includes(e.attribute) ? { kind: 'set', name: e.attribute.name, value: e.value } : e;
    const kept = mine.map((f) => {
      const fixes = f.fixes
        .map((fix) => (fix.edits.some((e) => setHere(e) !== e) ? { ...fix, edits: fix.edits.map(setHere) } : fix))
        .filter((fix) => fix.edits.every((e) => ((e.kind === 'set' && !e.block) || editsOwn(e, instance, NONE_SET, NONE_SET)) && !hides(e)));
      return fixes.length === f.fixes.length && fixes.every((x, i) => x === f.fixes[i]) && f.instance === instance ? f : { ...f, instance, fixes };
    });
    out = [...out.filter((f) => f.code === 'syntax-error' || f.code === 'duplicate-argument' || !within(f, instance)), ...kept.filter((f) => f.code !== 'duplicate-argument')];
  }
  return out;
}

const NONE_SET: Set<string> = new Set();

/**
 * The overrides of `written`'s address, in order, with the blocks of the file numbered `file` as it is now
 * (`inFile`; the context may be one made from an earlier parse of the same text, and a file may override one
 * address twice), and `written` itself replaced by `put` (itself, or a copy a fix has edited).
 */
function currentOverrides(
  ctx: AnalysisContext,
  written: ResourceInstance,
  put: ResourceInstance,
  file: number,
  inFile: (kind: 'resource' | 'data', type: string, name: string) => readonly ResourceInstance[],
): ResourceInstance[] {
  const current = inFile(written.kind, written.type, written.name);
  let k = 0;
  const overrides = (ctx.overridesOf?.(written.kind, written.type, written.name) ?? [])
    .map((o) => (o.file === file ? (current[k++] ?? o.instance) : o.instance))
    .map((o) => (o === written ? put : o));
  if (!overrides.includes(put)) overrides.push(put);
  return overrides;
}

/**
 * For the fix check (`fixCheck.ts`): a block merged as Terraform merges it, with a fix's edits made to it. For a
 * block of an override file (`overrideFile`: its number and its blocks of an address, as for `overrideFindings`),
 * merged into its original with the other overrides; for any other block, with the overrides merged into it.
 */
export function terraformView(ctx: AnalysisContext, overrideFile?: { file: number; inFile: (kind: 'resource' | 'data', type: string, name: string) => readonly ResourceInstance[] }): TerraformView | undefined {
  if (!ctx.hasOverrides?.() || !ctx.overridesOf) return undefined;
  const overridesOf = ctx.overridesOf.bind(ctx);
  return (written, edited) => {
    if (!written.name) return edited;
    const entries = overridesOf(written.kind, written.type, written.name);
    if (!overrideFile) return entries.length ? mergeOverrides(edited, entries.map((o) => o.instance)) : edited;
    const original = ctx.originalOf?.(written.kind, written.type, written.name);
    if (!original) return edited;
    return mergeOverrides(original, currentOverrides(ctx, written, edited, overrideFile.file, overrideFile.inFile), edited);
  };
}

/** An override block with no block of its address elsewhere in the module: Terraform stops there. */
function missingOriginal(instance: ResourceInstance): Finding {
  const address = `${instance.kind === 'data' ? 'data.' : ''}${instance.type}.${instance.name}`;
  return {
    code: 'override-without-original',
    severity: 'error',
    range: instance.headerRange,
    message: `No ${address} is declared in the module's other files for this override block to be merged into (Terraform: "Missing ${instance.kind === 'data' ? 'data resource' : 'resource'} to override")`,
    fixes: [],
    instance,
  };
}

/** What Terraform calls the missing base of an override file's variable, local value, output or module call. */
const MISSING_BASE = {
  variable: ['variable', 'Missing base variable declaration to override'],
  local: ['local value', 'Missing base local value definition to override'],
  output: ['output', 'Missing base output definition to override'],
  module: ['module call', 'Missing module call to override'],
} as const;

/**
 * A variable, local value (`range`: its `name = value`), output or module call (`range`: its type and label) of an
 * override file that the module's other files do not declare: Terraform stops there, as for a resource.
 */
export function missingBase(kind: keyof typeof MISSING_BASE, name: string, range: Range): Finding {
  const [what, terraform] = MISSING_BASE[kind];
  return {
    code: 'override-without-original',
    severity: 'error',
    range,
    message: `No ${what} "${name}" is declared in the module's other files for this override to be merged into (Terraform: "${terraform}")`,
    fixes: [],
  };
}

/**
 * Does `edit` change only what `instance` itself writes, and nothing an override replaces (`names`, `types`)? A fix
 * made on the merged block may edit what an override wrote, or what it replaced: neither is this file's to change.
 */
function editsOwn(edit: NeutralEdit, instance: ResourceInstance, names: Set<string>, types: Set<string>): boolean {
  switch (edit.kind) {
    case 'set':
      return edit.block ? ownBlock(instance, edit.block, types) : !names.has(edit.name);
    case 'removeBlock':
      return ownBlock(instance, edit.block, types);
    default:
      if (instance.attributes.includes(edit.attribute)) return !names.has(edit.attribute.name);
      return instance.blocks.some((b) => !types.has(blockType(b)) && holds(b, edit.attribute));
  }
}

/** Is `b` one of `instance`'s own nested blocks (at any depth), of a type no override replaces? */
function ownBlock(instance: ResourceInstance, b: Block, types: Set<string>): boolean {
  const among = (list: readonly Block[]): boolean => list.some((x) => x === b || among(x.blocks));
  return instance.blocks.some((top) => !types.has(blockType(top)) && (top === b || among(top.blocks)));
}

function holds(b: Block, a: Attribute): boolean {
  return b.attributes.includes(a) || b.blocks.some((x) => holds(x, a));
}

/** Lines added to the positions of what an override wrote (see `mergeOverrides`). */
const ELSEWHERE = 1 << 28;

function movedAttribute(a: Attribute, lines: number): Attribute {
  return { name: a.name, sourceName: a.sourceName, keyRange: shiftRange(a.keyRange, lines), value: a.value, valueRange: shiftRange(a.valueRange, lines), range: shiftRange(a.range, lines), incomplete: a.incomplete };
}

function movedBlock(b: Block, lines: number): Block {
  const move = (r: Range) => shiftRange(r, lines);
  return {
    name: b.name,
    sourceName: b.sourceName,
    nameRange: move(b.nameRange),
    labels: b.labels.map((l) => ({ value: l.value, range: move(l.range) })),
    range: move(b.range),
    bodyRange: move(b.bodyRange),
    attributes: b.attributes.map((a) => movedAttribute(a, lines)),
    blocks: b.blocks.map((x) => movedBlock(x, lines)),
    closed: b.closed,
  };
}

/** What a nested block replaces: its type (`dynamic "timeouts"` is a `timeouts` block). */
function blockType(b: Block): string {
  return b.name === 'dynamic' ? (b.labels[0]?.value ?? '') : b.name;
}

/** `lifecycle` is merged argument by argument (its nested blocks, such as `precondition`, by type). */
function mergedLifecycle(base: readonly Block[], override: readonly Block[]): Block | undefined {
  const a = base.find((b) => b.name === 'lifecycle');
  const o = override.find((b) => b.name === 'lifecycle');
  if (!a || !o) return o ?? a;
  const replaced = new Set(o.attributes.map((x) => x.name));
  const types = new Set(o.blocks.map(blockType));
  return { ...o, attributes: [...a.attributes.filter((x) => !replaced.has(x.name)), ...o.attributes], blocks: [...a.blocks.filter((b) => !types.has(blockType(b))), ...o.blocks] };
}

function within(f: Finding, instance: ResourceInstance): boolean {
  return rangeContains(instance.range, f.range.start);
}
