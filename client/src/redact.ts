/**
 * Secrets never reach a log: the trace channel (`alicloudBgp.trace.server: verbose`) shows document text as it
 * travels to the server, so the BGP MD5 key is masked in every spelling a source may use
 * (`auth_key = "…"`, `authKey: "…"`, `AuthKey = "…"`, `AuthKey: jsii.String("…")`, `auth_key="…"`), also when
 * the text is JSON-escaped inside a message. Pure; unit-tested.
 */
// key, separator (`=`, `:`, `jsii.String(`, a Java builder's `(`), opening quote (maybe escaped), the value, and the
// closing quote that is followed by what ends a value (so an escaped quote inside the value does not end it).
const SECRET = /(\b(?:auth_key|authKey|AuthKey)\b(?:\\*["']?\s*[:=]\s*(?:jsii\.String\(\s*)?|\s*\(\s*))(\\*["'])(.*?)(\\*["'])(?=\s|,|;|\)|\}|\\[nrt]|$)/g;

export function redactSecrets(text: string): string {
  return text.replace(SECRET, (_m, head: string, open: string, _value: string, close: string) => `${head}${open}***${close}`);
}
