/** Hover: the resource type, each argument, nested blocks and their keys, meta-arguments. */
import type { Position, Range, ResourceInstance } from '../model/types';
import { rangeContains } from '../model/types';
import type { SchemaRegistry } from '../schema/registry';
import type { BlockSchema, ResourceSchema } from '../schema/types';
import { attributeMarkdown, blockMarkdown, META_DOCS, resourceMarkdown } from './describe';
import { dynamicContent } from './rules/body';

export interface Hover {
  markdown: string;
  range: Range;
}

export function hover(instance: ResourceInstance, pos: Position, schemas: SchemaRegistry): Hover | undefined {
  const schema = schemas.get(instance.kind, instance.type);
  if (!schema) return undefined;
  if (rangeContains(instance.typeRange, pos)) return { markdown: resourceMarkdown(schema, instance.language), range: instance.typeRange };
  return bodyHover(instance, pos, schema, schema, '');
}

function bodyHover(
  body: Pick<ResourceInstance, 'attributes' | 'blocks' | 'overwritten'>,
  pos: Position,
  s: { attributes: ResourceSchema['attributes']; blocks?: Record<string, BlockSchema> },
  schema: ResourceSchema,
  path: string,
): Hover | undefined {
  // An argument a later write overwrites (a Java setter called again) is still the argument it names.
  for (const a of body.overwritten ? [...body.attributes, ...body.overwritten] : body.attributes) {
    if (!rangeContains(a.keyRange, pos)) continue;
    const as = s.attributes[a.name];
    if (as) return { markdown: attributeMarkdown(a.name, as, schema, path), range: a.keyRange };
    const meta = path ? undefined : META_DOCS.get(a.name);
    if (meta) return { markdown: meta, range: a.keyRange };
    return undefined;
  }
  for (const b of body.blocks) {
    // `dynamic "timeouts" { content { … } }`: its label and content are a `timeouts` block's.
    const content = b.name === 'dynamic' ? dynamicContent(b) : undefined;
    const made = content && s.blocks?.[b.labels[0].value];
    if (content && made) {
      const name = b.labels[0].value;
      if (rangeContains(b.labels[0].range, pos)) return { markdown: blockMarkdown(name, made, schema), range: b.labels[0].range };
      if (rangeContains(content.range, pos)) return bodyHover(content, pos, made, schema, path ? `${path}.${name}` : name);
    }
    const bs = s.blocks?.[b.name];
    if (rangeContains(b.nameRange, pos)) {
      if (bs) return { markdown: blockMarkdown(b.name, bs, schema), range: b.nameRange };
      const meta = path ? undefined : META_DOCS.get(b.name);
      if (meta) return { markdown: meta, range: b.nameRange };
      return undefined;
    }
    if (bs && rangeContains(b.range, pos)) return bodyHover(b, pos, bs, schema, path ? `${path}.${b.name}` : b.name);
  }
  return undefined;
}
