/**
 * `unknown-argument` / `unknown-block`: names the resource type does not have, with "did you mean";
 * `unsupported-attribute` for such a name in `lifecycle { ignore_changes = [...] }`, and `redundant-ignore-changes`
 * for a name there that only the provider sets.
 */
import type { Attribute, Block, ResourceInstance } from '../../model/types';
import type { ResourceSchema } from '../../schema/types';
import type { Finding } from '../finding';
import { closest, closestMatch } from '../suggest';
import { BodyView, META_ARGUMENTS, META_BLOCKS } from './body';

const NONE: string[] = [];

/** An argument without a schema entry: reported unless a meta-argument (the walk in `local.ts` asks). */
export function isUnknownArgument(body: BodyView, a: Attribute): boolean {
  return !body.isRoot || !META_ARGUMENTS.includes(a.name);
}

/** The nested blocks of `body` its schema does not have (once per body, by the walk in `local.ts`). */
export function unknownBlocks(instance: ResourceInstance, schema: ResourceSchema, body: BodyView, findings: Finding[]): void {
  const blockNames = body.index.blocks;
  const metaBlocks = body.isRoot ? META_BLOCKS : NONE;
  for (let i = 0; i < body.blocks.length; i++) {
    const b = body.blocks[i];
    if (body.schema.blocks?.[b.name]) continue;
    if (b.name === 'dynamic') {
      // `dynamic "timeouts" { … }` generates blocks named by its label.
      const label = b.labels[0];
      if (label && !blockNames.includes(label.value)) {
        findings.push({
          code: 'unknown-block',
          severity: 'error',
          range: label.range,
          message: `dynamic "${label.value}": ${whereOf(body, schema)} has no block "${label.value}"` + (blockNames.length ? ` (it has: ${blockNames.join(', ')})` : ''),
          fixes: [],
          instance,
        });
      }
      continue;
    }
    if (metaBlocks.includes(b.name)) {
      if (b.name === 'lifecycle') ignoredUnknown(instance, schema, b, findings);
      continue;
    }
    findings.push(unknownBlock(instance, schema, body, b));
  }
}

/**
 * `lifecycle { ignore_changes = [authkey] }`: a name the resource does not have, which `terraform validate` refuses
 * ("Unsupported attribute"). Reported on the list once per name, with the closest argument (the list is one value:
 * no fix rewrites it). A name only the provider sets (`status`: computed, not optional) is one Terraform warns about
 * ("Redundant ignore_changes element", node_resource_validate.go): there is no configured value to ignore changes
 * of. Not `id`, which the provider's schema has optional as well (`ignoredIfWritten`), and Terraform accepts.
 */
function ignoredUnknown(instance: ResourceInstance, schema: ResourceSchema, lifecycle: Block, findings: Finding[]): void {
  for (let i = 0; i < lifecycle.attributes.length; i++) {
    const a = lifecycle.attributes[i];
    if (a.name !== 'ignore_changes' || a.value.kind !== 'tuple') continue;
    const seen: string[] = [];
    for (const item of a.value.items) {
      if (item.kind !== 'reference') continue;
      const name = item.path[0];
      if (seen.includes(name)) continue;
      if (Object.hasOwn(schema.attributes, name)) {
        const attribute = schema.attributes[name];
        if (attribute.readOnly && !attribute.ignoredIfWritten) {
          seen.push(name);
          findings.push(redundantIgnored(instance, schema, a, name));
        }
        continue;
      }
      if (schema.blocks && Object.hasOwn(schema.blocks, name)) continue;
      seen.push(name);
      const suggestion = closest(name, Object.keys(schema.attributes).filter((n) => !schema.attributes[n].readOnly));
      findings.push({
        code: 'unsupported-attribute',
        severity: 'error',
        range: a.valueRange,
        message: `ignore_changes names "${name}", which ${schema.type} does not have` + (suggestion ? ` (did you mean "${suggestion}"?)` : ''),
        fixes: [],
        instance,
      });
    }
  }
}

function redundantIgnored(instance: ResourceInstance, schema: ResourceSchema, a: Attribute, name: string): Finding {
  return {
    code: 'redundant-ignore-changes',
    severity: 'warning',
    range: a.valueRange,
    message: `ignore_changes names "${name}", which only the provider sets on ${schema.type}: there is no configured value to ignore changes of, so it has no effect, and Terraform warns ("Redundant ignore_changes element"); remove it from the list`,
    fixes: [],
    instance,
  };
}

/** How messages name the body (made for a finding only: most blocks have none). */
function whereOf(body: BodyView, schema: ResourceSchema): string {
  const what = `${schema.kind === 'data' ? 'data source' : 'resource'} ${schema.type}`;
  return body.isRoot ? what : `the ${body.path} block of ${what}`;
}

// Findings are made apart from the loops (see `rules/index.ts`).

export function unknownArgument(instance: ResourceInstance, schema: ResourceSchema, body: BodyView, a: Attribute): Finding {
  const { settable: attributeNames, blocks: blockNames } = body.index;
  const metaArgs = body.isRoot ? META_ARGUMENTS : NONE;
  const metaBlocks = body.isRoot ? META_BLOCKS : NONE;
  const where = whereOf(body, schema);
  const asBlock = blockNames.includes(a.name) || metaBlocks.includes(a.name);
  // Never suggest a name the body already has: renaming to it would make a duplicate.
  const written = namesOf(body.attributes);
  // Outside HCL (CDKTF), a block is written as an argument holding a struct: an object may be a misspelt block.
  const blocksToo = a.value.kind === 'object' && instance.language !== 'hcl';
  const candidates = blocksToo ? [...attributeNames, ...metaArgs, ...blockNames, ...metaBlocks] : [...attributeNames, ...metaArgs];
  const match = asBlock ? undefined : closestMatch(a.name, candidates.filter((n) => !written.has(n)));
  const suggestion = match?.name;
  return {
    code: 'unknown-argument',
    severity: 'error',
    range: a.keyRange,
    message: asBlock
      ? `"${a.name}" is a block in ${where}: write "${a.name} { … }" without "="`
      : `Unknown argument "${a.name}" in ${where}.` + (suggestion ? ` Did you mean "${suggestion}"?` : ''),
    // Applied unasked only when no other name is as close (`min_interval`: rx or tx?).
    fixes: suggestion ? [{ title: `Rename to "${suggestion}"`, edits: [{ kind: 'rename', attribute: a, to: suggestion }], preferred: true, auto: match!.unique }] : [],
    instance,
  };
}

/**
 * The names of a body's arguments, for the body of the last call: a block's unknown arguments are reported one
 * after another, and a set made for each made a block of 10,000 of them take seconds.
 */
let lastAttributes: Attribute[] | undefined;
let lastNames = new Set<string>();

function namesOf(attributes: Attribute[]): Set<string> {
  if (attributes !== lastAttributes) {
    lastNames = new Set(attributes.map((x) => x.name));
    lastAttributes = attributes;
  }
  return lastNames;
}

function unknownBlock(instance: ResourceInstance, schema: ResourceSchema, body: BodyView, b: Block): Finding {
  const { settable: attributeNames, blocks: blockNames } = body.index;
  const metaArgs = body.isRoot ? META_ARGUMENTS : NONE;
  const where = whereOf(body, schema);
  const isArgument = attributeNames.includes(b.name) || metaArgs.includes(b.name);
  const suggestion = isArgument ? undefined : closest(b.name, blockNames);
  return {
    code: 'unknown-block',
    severity: 'error',
    range: b.nameRange,
    message: isArgument
      ? `"${b.name}" is an argument of ${where}: write "${b.name} = …", not a block`
      : `Unknown block "${b.name}" in ${where}.` + (suggestion ? ` Did you mean "${suggestion}"?` : ''),
    fixes: [],
    instance,
  };
}
