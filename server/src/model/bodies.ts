import type { Attribute, Block, ResourceInstance } from './types';

/**
 * The body (the instance itself or a nested block, at any depth) that writes `x`, as one of its arguments or
 * blocks, or as an argument a later one overwrote (a CDKTF Java setter called again): where a fix on `x` edits. None for a
 * variable file's assignment, which no body holds.
 */
export function bodyHolding(instance: ResourceInstance | Block, x: Attribute | Block): ResourceInstance | Block | undefined {
  if (instance.attributes.includes(x as Attribute) || instance.blocks.includes(x as Block) || instance.overwritten?.includes(x as Attribute)) return instance;
  for (const b of instance.blocks) {
    const found = bodyHolding(b, x);
    if (found) return found;
  }
  return undefined;
}
