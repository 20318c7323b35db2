/**
 * `count-and-for-each`: a block that sets both `count` and `for_each`. Terraform refuses it ("Invalid combination
 * of "count" and "for_each"": the two say how many instances there are, and only one may), on the `for_each`.
 */
import type { Attribute, ResourceInstance } from '../../model/types';
import type { Finding } from '../finding';

export function countAndForEach(instance: ResourceInstance, count: Attribute, forEach: Attribute): Finding {
  return {
    code: 'count-and-for-each',
    severity: 'error',
    range: forEach.keyRange,
    message: `"count" and "for_each" cannot both be set: each says how many instances the block makes, and Terraform refuses a block with both ("Invalid combination of count and for_each")`,
    // Either may be the one meant; neither is preferred.
    fixes: [
      { title: 'Remove count', edits: [{ kind: 'remove', attribute: count }] },
      { title: 'Remove for_each', edits: [{ kind: 'remove', attribute: forEach }] },
    ],
    instance,
  };
}
