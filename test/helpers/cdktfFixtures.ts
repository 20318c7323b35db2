/** The CDKTF case files (`test/fixtures/cdktf/`), one per language, shared by the CDKTF tests. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CdktfLanguage } from '../../server/src/syntax/cdktf/tokens';

export const CDKTF_FIXTURES: [string, CdktfLanguage][] = [
  ['cases.ts', 'typescript'],
  ['cases.py', 'python'],
  ['Cases.java', 'java'],
  ['Cases.cs', 'csharp'],
  ['cases.go', 'go'],
];

export function cdktfFixture(name: string): string {
  return fs.readFileSync(path.resolve(__dirname, '../fixtures/cdktf', name), 'utf8');
}

/** Config structs written apart from their constructs (`test/fixtures/cdktf/configs.*`), one per language. */
export const CDKTF_CONFIG_FIXTURES: [string, CdktfLanguage][] = [
  ['configs.ts', 'typescript'],
  ['configs.py', 'python'],
  ['Configs.java', 'java'],
  ['Configs.cs', 'csharp'],
  ['configs.go', 'go'],
];
