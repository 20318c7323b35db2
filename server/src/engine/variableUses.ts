/**
 * Where a module passes a variable to its resources, for a variable file's hover: the arguments (also inside a
 * nested block, or a `dynamic` block's content, which is the block it makes) that read `var.<name>`, directly or
 * through local values (`local.asn = var.asn`, then `peer_asn = local.asn`), each marked as set to it when every
 * step is the value itself or a type conversion of it (`syntax/hcl/variableReads.ts`), else as using it. A file
 * that does not list its reads (a `.tf.json` one) gives the arguments that are `var.<name>` alone.
 */
import type { VariableUse } from '../analysis/context';
import type { Attribute, Block } from '../model/types';
import type { ArgumentReads, LocalReads, NameRead } from '../syntax/hcl/variableReads';
import { dynamicContent } from '../analysis/rules/body';
import type { SourceFile } from './sourceFile';


/** The uses of the module's variables in `files` (a module's files, by file name), by variable name. */
export function variableUses(files: Iterable<readonly [string, SourceFile]>): Map<string, VariableUse[]> {
  const args: (ArgumentReads & { file: string })[] = [];
  const locals = new Map<string, readonly NameRead[]>();
  const out = new Map<string, VariableUse[]>();
  for (const [file, source] of files) {
    if (source.forEachVariableRead) {
      source.forEachVariableRead(
        (r) => args.push({ ...r, file }),
        // A local value declared twice is an error Terraform reports: the first stands here.
        (l: LocalReads) => locals.has(l.name) || locals.set(l.name, l.reads),
      );
    } else referencesAlone(source, file, out);
  }
  for (const a of args) {
    const found = new Map<string, { set: boolean; via?: string }>();
    // Each local value is followed once per argument (again only to find it set where it was found used): locals
    // that read one another several times over, or in a cycle (an error Terraform reports, but typed on the way),
    // would otherwise be walked once per path, exponentially many.
    const followed = new Map<string, boolean>();
    // Depth first, in the order written, without recursion (a chain of locals may be long).
    const stack: { reads: readonly NameRead[]; set: boolean; via?: string; next: number }[] = [{ reads: a.reads, set: true, next: 0 }];
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.next === top.reads.length) {
        stack.pop();
        continue;
      }
      const r = top.reads[top.next++];
      const whole = top.set && r.whole;
      if (r.root === 'local') {
        const inner = locals.get(r.name);
        const before = followed.get(r.name);
        if (!inner || before === true || (before === false && !whole)) continue;
        followed.set(r.name, whole);
        stack.push({ reads: inner, set: whole, via: top.via ?? `local.${r.name}`, next: 0 });
        continue;
      }
      const before = found.get(r.name);
      // Set to it once is set to it: `var.x` through a local and again alone reads the same value.
      if (!before || (whole && !before.set)) found.set(r.name, { set: whole, via: top.via });
    }
    for (const [name, { set, via }] of found) {
      const use: VariableUse = { kind: a.kind, type: a.type, name: a.name, path: a.path, file: a.file, line: a.line, set };
      if (via) use.via = via;
      add(out, name, use);
    }
  }
  return out;
}

function add(out: Map<string, VariableUse[]>, name: string, use: VariableUse): void {
  let list = out.get(name);
  if (!list) out.set(name, (list = []));
  list.push(use);
}

/** The arguments of `source`'s blocks that are `var.<name>` alone, read from its model. */
function referencesAlone(source: SourceFile, file: string, out: Map<string, VariableUse[]>): void {
  for (const { value: instance, base } of source.instances()) {
    const visit = (body: { attributes: readonly Attribute[]; blocks: readonly Block[] }, path: string) => {
      for (const a of body.attributes) {
        const v = a.value;
        if (v.kind !== 'reference' || v.path[0] !== 'var' || v.path.length !== 2) continue;
        add(out, v.path[1], { kind: instance.kind, type: instance.type, name: instance.name, path: path + a.name, file, line: a.keyRange.start.line + base, set: true });
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
