/**
 * Secrets never reach a log. The trace channel (`alicloudBgp.trace.server: verbose`) shows each message, and with
 * it the text of documents as they travel to the server: a typed or pasted key, a heredoc, a variable's default.
 * So the document text of a message (its `"text"` fields: `didOpen`'s document, `didChange`'s changes) is left
 * out of the trace whole, and anywhere else the BGP MD5 key is masked in every spelling a source may use
 * (`auth_key = "…"`, `authKey: "…"`, `AuthKey = "…"`, `AuthKey: jsii.String("…")`, `auth_key="…"`), also when
 * the text is JSON-escaped inside a message (where a tab or line break before the key is `\t`, `\n`). Pure;
 * unit-tested.
 */
// key (after a character that is no part of a name, or an escaped tab or line break), separator (`=`, `:`,
// `jsii.String(`, a Java builder's `(`), opening quote (maybe escaped), the value, and the closing quote that is
// followed by what ends a value (so an escaped quote inside the value does not end it).
const SECRET = /((?<=^|[^A-Za-z0-9_$]|\\[nrt])(?:auth_key|authKey|AuthKey)\b(?:\\*["']?\s*[:=]\s*(?:jsii\.String\(\s*)?|\s*\(\s*))(\\*["'])(.*?)(\\*["'])(?=\s|,|;|\)|\}|\\[nrt]|$)/g;

/** A `"text"` field of a JSON message, with its string value (escapes included). */
const TEXT_FIELD = /"text"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g;

export function redactSecrets(text: string): string {
  return text
    .replace(TEXT_FIELD, (_m, colon: string, value: string) => `"text"${colon}"(${value.length} characters of document text, not traced)"`)
    .replace(SECRET, (_m, head: string, open: string, _value: string, close: string) => `${head}${open}***${close}`);
}
