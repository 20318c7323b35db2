/** A finding placed in a file: absolute range, ready for LSP or the CLI. */
import type { Range } from '../model/types';
import type { Severity } from '../schema/types';

export interface Diagnostic {
  code: string;
  severity: Severity;
  range: Range;
  message: string;
  tags?: ('unnecessary' | 'deprecated')[];
}
