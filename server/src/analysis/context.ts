/** What a rule may know beyond the instance it checks. */
import type { SchemaRegistry } from '../schema/registry';

export interface AnalysisContext {
  schemas: SchemaRegistry;
  /** Names of the resources (or data sources) of this type declared in the document or module. */
  declared(kind: 'resource' | 'data', type: string): string[];
}
