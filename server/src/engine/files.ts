/** Which adapter reads a file: the single place that maps file names and language ids to SourceFiles. */
import { HclDocument } from '../syntax/hcl/document';
import { HclFile } from './hclFile';
import type { SourceFile } from './sourceFile';

const HCL_LANGUAGES = new Set(['terraform', 'terraform-vars', 'hcl', 'tf', 'tfvars']);

function pathOf(uri: string): string {
  return uri.split('?')[0].split('#')[0];
}

/** True for files some adapter reads (so the CLI and the server know what to pick up). */
export function isSupported(uri: string, languageId?: string): boolean {
  return (languageId !== undefined && HCL_LANGUAGES.has(languageId)) || /\.(tf|tfvars|hcl)$/i.test(pathOf(uri));
}

/** The SourceFile for a document, or undefined when no adapter reads it. */
export function createSourceFile(uri: string, languageId: string | undefined, text: string): SourceFile | undefined {
  if (isSupported(uri, languageId)) {
    const tfvars = languageId === 'terraform-vars' || /\.tfvars$/i.test(pathOf(uri));
    return new HclFile(new HclDocument(text), tfvars);
  }
  return undefined;
}
