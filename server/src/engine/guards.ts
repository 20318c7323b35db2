/** Inputs the engine refuses to analyse, with the one diagnostic that says why. */
import type { Diagnostic } from './diagnostic';

/** How much of the start of a file is searched for NUL characters (a binary file has them early). */
export const BINARY_SNIFF = 8192;

export function refusal(text: string, maxFileSizeMB: number): Diagnostic | undefined {
  return refusalOf(text.length, text.slice(0, BINARY_SNIFF), maxFileSizeMB);
}

/** `refusal` from a text's length and its first `BINARY_SNIFF` characters (for texts kept in pieces). */
export function refusalOf(length: number, head: string, maxFileSizeMB: number): Diagnostic | undefined {
  const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const mb = length / (1024 * 1024);
  if (mb > maxFileSizeMB) {
    return {
      code: 'file-too-large',
      severity: 'information',
      range: at,
      message: `Not analysed: the file is ${mb.toFixed(1)} MB, above the ${maxFileSizeMB} MB limit (setting alicloudBgp.maxFileSizeMB)`,
    };
  }
  if (head.includes('\u0000')) {
    return { code: 'binary-file', severity: 'information', range: at, message: 'Not analysed: this looks like a binary file, not Terraform or CDKTF source' };
  }
  return undefined;
}

/**
 * A Terraform file saved as UTF-16 (with its byte order mark, as Windows PowerShell's `>` and `Out-File` write):
 * Terraform reads only UTF-8 and refuses the file, while decoded as UTF-8 it would look like a binary file, which
 * is only a note. Read from the file's bytes, so for the CLI: an editor hands the server decoded text.
 */
export function encodingRefusal(bytes: Uint8Array): Diagnostic | undefined {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  if (!le && !(bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
  return {
    code: 'unsupported-encoding',
    severity: 'error',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: `Not analysed: the file is UTF-16 (${le ? 'little' : 'big'}-endian, with a byte order mark), and Terraform reads only UTF-8: save it as UTF-8`,
  };
}

/** At most this many syntax errors per file: beyond that they are noise (and cost). */
export const MAX_SYNTAX_ERRORS = 200;

export function capSyntaxErrors(diagnostics: Diagnostic[]): Diagnostic[] {
  let n = 0;
  return diagnostics.filter((d) => d.code !== 'syntax-error' || ++n <= MAX_SYNTAX_ERRORS);
}
