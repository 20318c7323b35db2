/**
 * Loads `schemas/*.json`. The files are data shipped beside the bundles (`dist/../schemas`), so adding a
 * resource type is adding a file: no code changes.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { AttributeSchema, BlockSchema, ResourceSchema } from './types';

export class SchemaRegistry {
  private readonly byKey = new Map<string, ResourceSchema>();
  /** By kind, then type: rules look a schema up per block, and a joined `kind:type` key was a string per lookup. */
  private readonly resourceTypes = new Map<string, ResourceSchema>();
  private readonly dataTypes = new Map<string, ResourceSchema>();

  constructor(schemas: ResourceSchema[]) {
    for (const s of schemas) {
      ownNamesOnly(s);
      this.byKey.set(s.kind + ':' + s.type, s);
      (s.kind === 'data' ? this.dataTypes : this.resourceTypes).set(s.type, s);
    }
  }

  get(kind: 'resource' | 'data', type: string): ResourceSchema | undefined {
    return (kind === 'data' ? this.dataTypes : kind === 'resource' ? this.resourceTypes : undefined)?.get(type);
  }

  all(): ResourceSchema[] {
    return [...this.byKey.values()];
  }

  resources(): ResourceSchema[] {
    return this.all().filter((s) => s.kind === 'resource');
  }

  /** Finds the schema whose CDKTF construct class has this name. */
  byClassName(className: string): ResourceSchema | undefined {
    return this.all().find((s) => s.cdktf?.className === className);
  }
}

/**
 * Makes a body's `attributes` and `blocks` (and those of its nested blocks) objects without a prototype, so that
 * looking up a name the user wrote finds only the schema's own entries: `toString`, `constructor` or
 * `__proto__` written in a block are unknown names, not `Object.prototype`'s members (which crashed the rules).
 */
function ownNamesOnly(body: { attributes: Record<string, AttributeSchema>; blocks?: Record<string, BlockSchema> }): void {
  body.attributes = Object.assign(Object.create(null) as Record<string, AttributeSchema>, body.attributes);
  if (!body.blocks) return;
  body.blocks = Object.assign(Object.create(null) as Record<string, BlockSchema>, body.blocks);
  for (const name of Object.keys(body.blocks)) ownNamesOnly(body.blocks[name]);
}

/** The folder holding the schema files, whether running from source, from `dist/`, or from a package. */
export function schemasDir(): string {
  const candidates = [
    process.env.ALICLOUD_BGP_SCHEMAS,
    path.resolve(__dirname, '../schemas'),
    path.resolve(__dirname, '../../../schemas'),
  ];
  for (const c of candidates) if (c && fs.existsSync(path.join(c, 'resource.schema.json'))) return c;
  throw new Error(`Cannot find the schemas folder (looked in ${candidates.filter(Boolean).join(', ')})`);
}

let defaultRegistry: SchemaRegistry | undefined;

export function loadSchemas(dir = schemasDir()): SchemaRegistry {
  const schemas: ResourceSchema[] = [];
  for (const f of fs.readdirSync(dir).sort()) {
    if (!f.endsWith('.json') || f === 'resource.schema.json') continue;
    schemas.push(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as ResourceSchema);
  }
  return new SchemaRegistry(schemas);
}

export function defaultSchemas(): SchemaRegistry {
  return (defaultRegistry ??= loadSchemas());
}

/** The arguments a user may write in a body: everything not read-only. */
export function settableAttributes(body: { attributes: Record<string, AttributeSchema> }): [string, AttributeSchema][] {
  return Object.entries(body.attributes).filter(([, a]) => !a.readOnly);
}

export function blockSchemas(body: { blocks?: Record<string, BlockSchema> }): [string, BlockSchema][] {
  return Object.entries(body.blocks ?? {});
}
