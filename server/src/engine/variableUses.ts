/**
 * Where a module passes a variable to its resources: the arguments written as `var.<name>` (also inside a
 * nested block, or a `dynamic` block's content, which is the block it makes), for a variable file's hover.
 * Only a reference alone is seen: the model keeps no variable read inside an expression or template.
 */
import type { VariableUse } from '../analysis/context';
import type { Attribute, Block, ResourceInstance } from '../model/types';
import { dynamicContent } from '../analysis/rules/body';
import type { Placed } from './sourceFile';

/** Adds the arguments of `instances` (of the file `file`) that are `var.<name>` to `out`, by variable name. */
export function variableUses(instances: Iterable<Placed<ResourceInstance>>, file: string, out: Map<string, VariableUse[]>): void {
  for (const { value: instance, base } of instances) {
    const visit = (body: { attributes: readonly Attribute[]; blocks: readonly Block[] }, path: string) => {
      for (const a of body.attributes) {
        const v = a.value;
        if (v.kind !== 'reference' || v.path[0] !== 'var' || v.path.length < 2) continue;
        let list = out.get(v.path[1]);
        if (!list) out.set(v.path[1], (list = []));
        list.push({ kind: instance.kind, type: instance.type, name: instance.name, path: path + a.name, file, line: a.keyRange.start.line + base });
      }
      for (const b of body.blocks) {
        const content = b.name === 'dynamic' ? dynamicContent(b) : undefined;
        if (content) visit(content, `${path}${b.labels[0].value}.`);
        else visit(b, `${path}${b.name}.`);
      }
    };
    visit(instance, '');
  }
}
