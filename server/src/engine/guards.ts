/** Inputs the engine refuses to analyse, with the one diagnostic that says why. */
import type { Diagnostic } from './diagnostic';

/** How much of the start of a file is searched for NUL characters (a binary file has them early). */
export const BINARY_SNIFF = 8192;

export function refusal(text: string, maxFileSizeMB: number): Diagnostic | undefined {
  return refusalOf(text.length, text.slice(0, BINARY_SNIFF), maxFileSizeMB) ?? lineBreakRefusal(text);
}

/**
 * A line break written as a lone carriage return (`\r` not followed by `\n`, as classic Mac OS wrote them). Editors
 * count it as a line break, as LSP does (`\n`, `\r\n`, `\r`); Terraform does not (HCL's scanner reads `\r\n` and
 * `\n` only, and a lone `\r` is an "Invalid character", or part of a comment), nor does this server, whose
 * positions would then disagree with the editor's on every line after it. Such a file is not analysed, as
 * Terraform does not read it either, until its line breaks are LF or CRLF. `text` may be the file's UTF-8 bytes (CR
 * and LF are single bytes there).
 */
export function lineBreakRefusal(text: string | Uint8Array): Diagnostic | undefined {
  if (!hasLoneCarriageReturn(text)) return undefined;
  return {
    code: 'unsupported-line-break',
    severity: 'error',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message:
      'Not analysed: a line break in this file is a lone carriage return (CR, as classic Mac OS wrote them), which Terraform does not read as a line break (it reports an invalid character) while editors do: save the file with LF or CRLF line breaks',
  };
}

function hasLoneCarriageReturn(text: string | Uint8Array): boolean {
  if (typeof text === 'string') {
    for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return true;
    return false;
  }
  for (let i = text.indexOf(13); i !== -1; i = text.indexOf(13, i + 1)) if (text[i + 1] !== 10) return true;
  return false;
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
