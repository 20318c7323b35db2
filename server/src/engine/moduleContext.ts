/** The analysis context for a set of files: which resources are declared where. */
import type { AnalysisContext } from '../analysis/context';
import type { SchemaRegistry } from '../schema/registry';
import type { SourceFile } from './sourceFile';

export function contextFor(files: Iterable<SourceFile>, schemas: SchemaRegistry): AnalysisContext {
  let index: Map<string, string[]> | undefined;
  const build = () => {
    index = new Map();
    for (const file of files) {
      for (const { value: instance } of file.instances()) {
        const key = instance.kind + ':' + instance.type;
        const names = index.get(key) ?? [];
        if (instance.name && !names.includes(instance.name)) names.push(instance.name);
        index.set(key, names);
      }
    }
    return index;
  };
  return {
    schemas,
    declared: (kind, type) => (index ?? build()).get(kind + ':' + type) ?? [],
  };
}
