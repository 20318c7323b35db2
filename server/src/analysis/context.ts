/** What a rule may know beyond the instance it checks: the module around it. */
import type { ResourceInstance } from '../model/types';
import type { SchemaRegistry } from '../schema/registry';

export interface AnalysisContext {
  schemas: SchemaRegistry;
  /** Names of the resources (or data sources) of this type declared in the module. */
  declared(kind: 'resource' | 'data', type: string): string[];
  /** The instance of this type and name declared in the module (positions relative to its own chunk). */
  find(kind: 'resource' | 'data', type: string, name: string): ResourceInstance | undefined;
  /** Every instance of a type in the module. */
  ofType(kind: 'resource' | 'data', type: string): ResourceInstance[];
  /** The alicloud provider version the module is pinned to; undefined when nothing says. */
  providerVersion?: string;
  /** A value computed once per context (module-wide tallies), by key. */
  memo<T>(key: string, compute: () => T): T;
}
