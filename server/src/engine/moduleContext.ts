/** The analysis context for a module (the files of one folder): which resources are declared where. */
import type { AnalysisContext } from '../analysis/context';
import type { ResourceInstance } from '../model/types';
import type { SchemaRegistry } from '../schema/registry';
import type { SourceFile } from './sourceFile';

export function contextFor(files: Iterable<SourceFile>, schemas: SchemaRegistry, providerVersion?: string): AnalysisContext {
  let index: Map<string, Map<string, ResourceInstance>> | undefined;
  const memo = new Map<string, unknown>();
  const build = () => {
    index = new Map();
    for (const file of files) {
      for (const { value: instance } of file.instances()) {
        const key = instance.kind + ':' + instance.type;
        let byName = index.get(key);
        if (!byName) index.set(key, (byName = new Map()));
        if (instance.name && !byName.has(instance.name)) byName.set(instance.name, instance);
      }
    }
    return index;
  };
  const byName = (kind: string, type: string) => (index ?? build()).get(kind + ':' + type);
  return {
    schemas,
    providerVersion,
    declared: (kind, type) => [...(byName(kind, type)?.keys() ?? [])],
    find: (kind, type, name) => byName(kind, type)?.get(name),
    ofType: (kind, type) => [...(byName(kind, type)?.values() ?? [])],
    memo<T>(key: string, compute: () => T): T {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
  };
}
