/** Which adapter reads a file: the single place that maps file names and language ids to SourceFiles. */
import { isOverrideFile } from '../analysis/partial';
import type { CdktfLanguage } from '../syntax/cdktf/tokens';
import { HclDocument } from '../syntax/hcl/document';
import { CdktfFile } from './cdktfFile';
import { HclFile } from './hclFile';
import { TfJsonFile } from './tfJsonFile';
import { TfvarsJsonFile } from './tfvarsJsonFile';
import { isVariableJsonFile } from './variableFiles';
import type { SourceFile } from './sourceFile';

const HCL_LANGUAGES = new Set(['terraform', 'terraform-vars', 'hcl', 'tf', 'tfvars']);

/**
 * The path part of what names a file: a URI (`file:///a/b.tf?x#y`) loses its query and fragment, but a plain
 * path (the CLI's, the module index's) is kept whole: `#` and `?` are ordinary in file names (`c#proj/main.tf`).
 * A scheme has at least two letters, so that a Windows drive (`C:\`) is not one.
 */
function pathOf(uri: string): string {
  return /^[A-Za-z][A-Za-z0-9+.-]+:/.test(uri) ? uri.split('?')[0].split('#')[0] : uri;
}

/**
 * CDKTF sources, by language id and by extension (declaration files `.d.ts` are never user code). Maps, not
 * objects: a language id or extension such as `constructor` must find nothing.
 */
const CDKTF_LANGUAGE_IDS = new Map<string, CdktfLanguage>([
  ['typescript', 'typescript'],
  ['typescriptreact', 'typescript'],
  ['python', 'python'],
  ['java', 'java'],
  ['csharp', 'csharp'],
  ['go', 'go'],
]);
const CDKTF_EXTENSIONS = new Map<string, CdktfLanguage>([
  ['ts', 'typescript'],
  ['tsx', 'typescript'],
  ['mts', 'typescript'],
  ['cts', 'typescript'],
  ['py', 'python'],
  ['java', 'java'],
  ['cs', 'csharp'],
  ['go', 'go'],
]);

function isHcl(uri: string, languageId?: string): boolean {
  return (languageId !== undefined && HCL_LANGUAGES.has(languageId)) || /\.(tf|tfvars|hcl)$/i.test(pathOf(uri));
}

/** The CDKTF language of a document, if it is one: the language id decides, else the extension. */
export function cdktfLanguage(uri: string, languageId?: string): CdktfLanguage | undefined {
  const byId = languageId === undefined ? undefined : CDKTF_LANGUAGE_IDS.get(languageId);
  if (byId) return byId;
  const p = pathOf(uri);
  if (/\.d\.[mc]?ts$/i.test(p)) return undefined;
  const ext = /\.([A-Za-z]+)$/.exec(p)?.[1].toLowerCase();
  return ext ? CDKTF_EXTENSIONS.get(ext) : undefined;
}

/** True for files some adapter reads (so the CLI and the server know what to pick up). */
export function isSupported(uri: string, languageId?: string): boolean {
  return isHcl(uri, languageId) || cdktfLanguage(uri, languageId) !== undefined || readsAsTfvarsJson(uri, languageId) || (readsAsTfJson(uri, languageId) && !isSynthesized(pathOf(uri)));
}

/**
 * In a `cdktf.out` folder: what `cdktf synth` writes from a CDKTF program, which is checked in its source instead
 * (the CLI's walk and the module index skip the folder; an editor showing such a file reports nothing either).
 */
function isSynthesized(p: string): boolean {
  return /(^|[\\/])cdktf\.out[\\/]/.test(p);
}

/** The SourceFile for a document, or undefined when no adapter reads it. */
export function createSourceFile(uri: string, languageId: string | undefined, text: string): SourceFile | undefined {
  if (readsAsTfJson(uri, languageId)) return new TfJsonFile(text, isOverrideFile(pathOf(uri)));
  if (readsAsTfvarsJson(uri, languageId)) return new TfvarsJsonFile(text);
  const hcl = () => new HclFile(new HclDocument(text), isTfvars(uri, languageId), isOverrideFile(pathOf(uri)));
  if (readsAsHcl(uri, languageId)) return hcl();
  const cdktf = cdktfLanguage(uri, languageId);
  return cdktf ? new CdktfFile(cdktf, text) : undefined;
}

/**
 * `parsed` when it already reads `text` as `createSourceFile` would, else a new SourceFile. An editor closes
 * and re-opens files all the time; the module index keeps a closed file parsed (as its disk copy), so opening
 * it again with the same text costs a comparison instead of a parse.
 */
export function sourceFileFor(uri: string, languageId: string | undefined, text: string, parsed: SourceFile | undefined): SourceFile | undefined {
  if (mayKeep(uri, languageId, parsed) && parsed.hasText(text)) return parsed;
  return createSourceFile(uri, languageId, text);
}

/** `parsed` when it reads the text whose UTF-8 bytes are `utf8` as `createSourceFile` would (`sourceFileFor`). */
export function keptSourceFile(uri: string, languageId: string | undefined, utf8: Uint8Array | undefined, parsed: SourceFile | undefined): SourceFile | undefined {
  return utf8 && mayKeep(uri, languageId, parsed) && parsed.hasUtf8(utf8) ? parsed : undefined;
}

/** `parsed` is what `createSourceFile` would make for this uri and language, given the same text. */
function mayKeep(uri: string, languageId: string | undefined, parsed: SourceFile | undefined): parsed is HclFile | CdktfFile {
  if (parsed instanceof CdktfFile) return parsed.language === cdktfLanguage(uri, languageId) && !readsAsHcl(uri, languageId);
  return (
    parsed instanceof HclFile &&
    readsAsHcl(uri, languageId) &&
    parsed.isTfvars === isTfvars(uri, languageId) &&
    parsed.isOverride === isOverrideFile(pathOf(uri))
  );
}

/** The HCL adapter reads it: an HCL language id, else (no CDKTF language id either) an HCL extension. */
function readsAsHcl(uri: string, languageId: string | undefined): boolean {
  if (languageId !== undefined && HCL_LANGUAGES.has(languageId)) return true;
  return cdktfLanguage(uri, languageId) === undefined && isHcl(uri, languageId);
}

/** A Terraform module file in JSON (`.tf.json`), unless the editor says it is in another language than JSON. */
function readsAsTfJson(uri: string, languageId: string | undefined): boolean {
  return /\.tf\.json$/i.test(pathOf(uri)) && (languageId === undefined || languageId === 'json' || languageId === 'jsonc');
}

/** A `.tfvars.json` variable file, unless the editor says it is in another language than JSON. */
function readsAsTfvarsJson(uri: string, languageId: string | undefined): boolean {
  return isVariableJsonFile(pathOf(uri)) && (languageId === undefined || languageId === 'json' || languageId === 'jsonc');
}

function isTfvars(uri: string, languageId: string | undefined): boolean {
  return languageId === 'terraform-vars' || /\.tfvars$/i.test(pathOf(uri));
}
