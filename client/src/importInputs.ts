/**
 * The pure half of "Import existing BGP peer…": validating what the user types, finding the names a module
 * already uses, and rendering the text that gets inserted (HCL or CDKTF) and the terraform argument vector.
 * No `vscode` here, so all of it is unit-tested (test/unit/client-import.test.ts).
 *
 * Safety: the ID and the name are validated strictly (nothing but `bgp-[a-z0-9]+` and a Terraform identifier
 * gets through); every rendered string literal is escaped anyway, and terraform gets an argv, never a shell line.
 */
import peerSchema from '../../schemas/alicloud_vpc_bgp_peer.json';
import type { CdktfLanguage } from './languages';

export const RESOURCE_TYPE = 'alicloud_vpc_bgp_peer';
export const GROUP_TYPE = 'alicloud_vpc_bgp_group';
/** From the schema: `^bgp-[a-z0-9]+$`. */
export const ID_PATTERN = new RegExp(peerSchema.import.idPattern);
export const ID_EXAMPLE: string = peerSchema.import.idExample;
const TF_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export type Checked = { ok: true; value: string } | { ok: false; message: string };

/** How a character is named in a message: printable ones quoted, the rest by name. */
function describeChar(c: string): string {
  const names: Record<string, string> = { '\n': 'a line break', '\r': 'a carriage return', '\t': 'a tab', ' ': 'a space' };
  if (names[c]) return names[c];
  const code = c.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f ? `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `"${c}"`;
}

/** The BGP peer ID as typed or pasted (surrounding whitespace is dropped; nothing else is forgiven). */
export function checkBgpPeerId(raw: string): Checked {
  const id = raw.trim();
  const example = `such as ${ID_EXAMPLE}`;
  if (id === '') return { ok: false, message: `Enter the ID of the existing BGP peer, ${example}.` };
  if (ID_PATTERN.test(id)) return { ok: true, value: id };
  if (/^bgpg-/i.test(id)) return { ok: false, message: `"bgpg-…" is a BGP group ID. A BGP peer ID starts with "bgp-", ${example}.` };
  if (!/^bgp-/i.test(id)) return { ok: false, message: `A BGP peer ID starts with "bgp-" followed by lower-case letters and digits, ${example}.` };
  const rest = id.slice(4);
  if (rest === '') return { ok: false, message: `Add the lower-case letters and digits that follow "bgp-", ${example}.` };
  if (ID_PATTERN.test(id.toLowerCase())) return { ok: false, message: `BGP peer IDs are lower-case: did you mean "${id.toLowerCase()}"?` };
  const chars = [...rest];
  const bad = chars.findIndex((ch) => !/[a-z0-9]/.test(ch));
  const c = chars[bad] ?? '';
  return { ok: false, message: `A BGP peer ID is "bgp-" followed by lower-case letters and digits only: ${describeChar(c)} (character ${bad + 5}) is not allowed.` };
}

/**
 * The resource name: a Terraform identifier that no other `alicloud_vpc_bgp_peer` of the module uses.
 * `own` is the block the command was started from (importing into it is the point).
 */
export function checkResourceName(raw: string, used: ReadonlySet<string>, own?: string): Checked {
  const name = raw.trim();
  if (name === '') return { ok: false, message: 'Enter a name for the resource: letters, digits, "_" and "-", starting with a letter or "_".' };
  if (!TF_IDENTIFIER.test(name)) {
    const bad = [...name].find((c, i) => !(i === 0 ? /[A-Za-z_]/ : /[A-Za-z0-9_-]/).test(c)) ?? '';
    const where = /[0-9-]/.test(name[0]) ? `it starts with ${describeChar(name[0])}` : `${describeChar(bad)} is not allowed`;
    return { ok: false, message: `"${name.replace(/[\r\n]+/g, ' ')}" is not a valid Terraform name (${where}): use letters, digits, "_" and "-", starting with a letter or "_".` };
  }
  if (used.has(name) && name !== own) {
    return { ok: false, message: `${RESOURCE_TYPE}.${name} already exists in this module. Choose another name, or start the command from that block's light bulb to import into it.` };
  }
  return { ok: true, value: name };
}

/** Drops `#`, `//` and `/* … *\/` comments outside strings (enough to not count commented-out blocks). */
function stripHclComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"' || c === '\n') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const skipped = text.slice(i, end < 0 ? text.length : end + 2);
      out += skipped.replace(/[^\n]/g, ' ');
      i = end < 0 ? text.length : end + 1;
    } else out += c;
  }
  return out;
}

const label = (type: string) => new RegExp(`\\bresource\\s+"?${type}"?\\s+"?([A-Za-z0-9_-]+)"?\\s*\\{`, 'g');

/**
 * Names of `resource "<type>" "NAME"` blocks in a module's texts (and, for the peer type, `import { to = … }`
 * targets): HCL, or the JSON of a `.tf.json` file (a text that is a JSON object; HCL never starts with `{`).
 */
export function declaredNames(texts: Iterable<string>, type = RESOURCE_TYPE): Set<string> {
  const names = new Set<string>();
  for (const raw of texts) {
    if (raw.trimStart().startsWith('{')) {
      jsonNames(raw, type, names);
      continue;
    }
    const text = stripHclComments(raw);
    for (const m of text.matchAll(label(type))) names.add(m[1]);
    for (const m of text.matchAll(new RegExp(`\\bto\\s*=\\s*${type}\\.([A-Za-z0-9_-]+)`, 'g'))) names.add(m[1]);
  }
  return names;
}

/** `.tf.json`: `{"resource": {"<type>": {"NAME": {…}}}}` (any level may be an array of such objects), and `"import"` targets. */
function jsonNames(text: string, type: string, names: Set<string>): void {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return; // not JSON (yet): it declares nothing
  }
  const objects = (v: unknown): Record<string, unknown>[] =>
    Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x)) : v && typeof v === 'object' ? [v as Record<string, unknown>] : [];
  for (const top of objects(json)) {
    for (const byType of objects(top.resource)) for (const byName of objects(byType[type])) for (const name of Object.keys(byName)) names.add(name);
    for (const block of objects(top.import)) {
      const to = typeof block.to === 'string' ? block.to : '';
      if (to.startsWith(type + '.')) names.add(to.slice(type.length + 1).replace(/\[.*$/, ''));
    }
  }
}

/** Construct IDs used in a CDKTF file: the string after the scope in `new X(this, "id"`, `X(self, "id"`, `jsii.String("id")`. */
export function constructIds(text: string): Set<string> {
  const ids = new Set<string>();
  for (const m of text.matchAll(/\(\s*[A-Za-z_$][\w$]*\s*,\s*(?:jsii\.String\(\s*)?"((?:[^"\\\n]|\\.)*)"/g)) ids.add(m[1]);
  return ids;
}

/** The reference to the module's BGP group when there is exactly one (`alicloud_vpc_bgp_group.main.id`). */
export function onlyGroupReference(texts: Iterable<string>): string | undefined {
  const groups = [...declaredNames(texts, GROUP_TYPE)];
  return groups.length === 1 ? `${GROUP_TYPE}.${groups[0]}.id` : undefined;
}

/** An HCL quoted string: escapes quotes, backslashes, line breaks and template sequences (`${`, `%{`). */
export function hclString(s: string): string {
  const body = s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, '%%{')
    .replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${body}"`;
}

/** A double-quoted string literal valid in TypeScript, Python, Java, C# and Go. */
export function codeString(s: string): string {
  return JSON.stringify(s).replace(/[\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The Terraform 1.5+ import block. */
export function importBlock(name: string, id: string): string {
  return `import {\n  to = ${RESOURCE_TYPE}.${name}\n  id = ${hclString(id)}\n}\n`;
}

/**
 * The resource block the import block needs. `groupRef` fills the one required argument when the module has
 * a single BGP group; otherwise the argument is left for the user (the missing-required finding points at it).
 */
export function resourceSkeleton(name: string, groupRef?: string): string {
  const group = groupRef
    ? `  bgp_group_id = ${groupRef}\n`
    : `  # bgp_group_id (required): the peer's BGP group, e.g. ${GROUP_TYPE}.<name>.id\n`;
  return (
    `resource "${RESOURCE_TYPE}" "${name}" {\n${group}` +
    '  # `terraform plan` shows the imported peer\'s other arguments (peer_ip_address, enable_bfd, …) to copy here.\n}\n'
  );
}

/** Text to append to a document so that `block` starts after one blank line. */
export function appendSeparated(existing: string, block: string): string {
  if (existing.trim() === '') return block;
  const sep = existing.endsWith('\n\n') ? '' : existing.endsWith('\n') ? '\n' : '\n\n';
  return sep + block;
}

/** `terraform import ADDRESS ID` as an argument vector (no shell ever sees it). */
export function terraformImportArgs(name: string, id: string): string[] {
  const n = checkResourceName(name, new Set());
  const i = checkBgpPeerId(id);
  if (!n.ok) throw new Error(n.message);
  if (!i.ok) throw new Error(i.message);
  return ['import', `${RESOURCE_TYPE}.${n.value}`, i.value];
}

/** The usual name of the construct scope in each language, when the file shows none. */
const DEFAULT_SCOPE: Record<CdktfLanguage, string> = { typescript: 'this', python: 'self', java: 'this', csharp: 'this', go: 'stack' };

/** The scope argument of the first construct call in a CDKTF file (`this`, `self`, `stack`, `scope`…). */
export function scopeIn(text: string, language: CdktfLanguage): string {
  const m = /\bVpcBgpPeer(?:\.Builder\.create)?\s*\(\s*([A-Za-z_$][\w$]*)\s*,/.exec(text) ?? /\(\s*(this|self|stack|scope)\s*,\s*(?:jsii\.String\(\s*)?"/.exec(text);
  return m?.[1] ?? DEFAULT_SCOPE[language];
}

/**
 * How the file spells the generated class, read from a construct expression (`new Peer(`,
 * `alicloud.vpc_bgp_peer.VpcBgpPeer(`, `VpcBgpPeer.Builder.create(`); for Go, the package (`vpcbgppeer`).
 */
export function classExpression(language: CdktfLanguage, constructText: string): string | undefined {
  const t = constructText.trimStart();
  const m =
    language === 'go'
      ? /^([A-Za-z_]\w*)\.NewVpcBgpPeer\b/.exec(t)
      : language === 'python'
        ? /^([A-Za-z_][\w.]*)\s*\(/.exec(t)
        : language === 'java'
          ? (/^([A-Za-z_][\w.]*?)\.Builder\.create\b/.exec(t) ?? /^new\s+([A-Za-z_][\w.]*)\s*\(/.exec(t))
          : /^new\s+([A-Za-z_$][\w$.]*)\s*[(<]/.exec(t);
  return m?.[1];
}

/** The CDKTF statement that generates configuration for an existing peer (`cdktf plan` writes it). */
export function generateConfigStatement(language: CdktfLanguage, scope: string, name: string, id: string, cls?: string): string {
  const [n, i] = [codeString(name), codeString(id)];
  switch (language) {
    case 'typescript':
      return `${cls ?? 'VpcBgpPeer'}.generateConfigForImport(${scope}, ${n}, ${i});`;
    case 'python':
      return `${cls ?? 'VpcBgpPeer'}.generate_config_for_import(${scope}, ${n}, ${i})`;
    case 'java':
      return `${cls ?? 'VpcBgpPeer'}.generateConfigForImport(${scope}, ${n}, ${i});`;
    case 'csharp':
      return `${cls ?? 'VpcBgpPeer'}.GenerateConfigForImport(${scope}, ${n}, ${i});`;
    case 'go':
      // Go has no optional parameters: the generated function takes the provider too (nil: the default one).
      return `${cls ?? 'vpcbgppeer'}.VpcBgpPeer_GenerateConfigForImport(${scope}, jsii.String(${n}), jsii.String(${i}), nil)`;
  }
}

/**
 * For TypeScript and Python files that do not mention the class yet: the import line `cdktf get` bindings need
 * (other languages' package paths depend on the project, so they are left to the user).
 */
export function classImportLine(language: CdktfLanguage, text: string): string | undefined {
  if (/\bVpcBgpPeer\b/.test(text)) return undefined;
  if (language === 'typescript') return 'import { VpcBgpPeer } from "./.gen/providers/alicloud/vpc-bgp-peer";';
  if (language === 'python') return 'from imports.alicloud.vpc_bgp_peer import VpcBgpPeer';
  return undefined;
}

/** The line after the file's last top-of-file import (0 when there is none), where a new import goes. */
export function importInsertLine(language: CdktfLanguage, lines: readonly string[]): number {
  const isImport = language === 'python' ? /^(from\s+\S+\s+import\b|import\s)/ : /^import\b/;
  let after = 0;
  for (let i = 0; i < lines.length; i++) {
    if (isImport.test(lines[i])) {
      let end = i;
      // a multi-line TypeScript import ends at the line with its `from "…"`; a parenthesised Python one at its ")"
      if (language === 'typescript' && !/;\s*$|from\s+["'][^"']+["']/.test(lines[i])) {
        while (end + 1 < lines.length && !/from\s+["'][^"']+["']/.test(lines[end])) end++;
      }
      if (language === 'python' && lines[i].includes('(') && !lines[i].includes(')')) {
        while (end + 1 < lines.length && !lines[end].includes(')')) end++;
      }
      after = end + 1;
      i = end;
    } else if (lines[i].trim() !== '' && !/^\s*(\/\/|#|\/\*|\*)/.test(lines[i]) && after > 0) break;
  }
  return after;
}

/** The statement that makes an existing construct adopt the peer: `peer.importFrom("bgp-…")`. */
export function importFromStatement(language: CdktfLanguage, variable: string, id: string): string {
  const i = codeString(id);
  switch (language) {
    case 'typescript':
      return `${variable}.importFrom(${i});`;
    case 'python':
      return `${variable}.import_from(${i})`;
    case 'java':
      return `${variable}.importFrom(${i});`;
    case 'csharp':
      return `${variable}.ImportFrom(${i});`;
    case 'go':
      return `${variable}.ImportFrom(jsii.String(${i}), nil)`;
  }
}

/**
 * The variable a construct is assigned to, from the text before it on its first line:
 * `const peer = ` / `peer: VpcBgpPeer = ` / `VpcBgpPeer peer = ` / `var peer = ` / `peer := ` / `self.peer = `.
 */
export function assignedVariable(prefix: string): string | undefined {
  const m = /([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*(?::\s*[\w$.<>[\], ]+?)?\s*:?=\s*$/.exec(prefix);
  if (!m || /[=!<>]=\s*$/.test(prefix)) return undefined;
  return m[1];
}

/** Leading whitespace of a line. */
export function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}
