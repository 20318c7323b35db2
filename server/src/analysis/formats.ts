/** Checks for the value formats a schema can name (`ValueFormat`). */
import type { ValueFormat } from '../schema/types';
import { isRe2 } from './re2';

export function isIPv4(s: string): boolean {
  return ipv4Bits(s) !== -1;
}

/**
 * A dotted quad as an unsigned 32-bit number, or -1 when `s` is not one: four parts split at `.`, each
 * `0` or 1–3 digits without a leading zero, at most 255. One pass over the characters: every literal
 * address of every block goes through here, and splitting allocated an array and four strings each time.
 */
export function ipv4Bits(s: string): number {
  // The same address is read by more than one check of a block (its format, then the cross-field rule that
  // compares it), and each reading was a pass over its characters in code V8 had not optimized yet.
  if (s !== lastText) {
    lastBits = readIPv4(s);
    lastText = s;
  }
  return lastBits;
}

/** The last string `ipv4Bits` read, and its answer. */
let lastText: string | undefined;
let lastBits = -1;

function readIPv4(s: string): number {
  let bits = 0;
  let parts = 0;
  let part = 0;
  let digits = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 46; // the end closes the last part like a dot
    if (c === 46) {
      if (digits === 0 || part > 255 || ++parts > 4) return -1;
      bits = ((bits << 8) | part) >>> 0;
      part = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if ((digits > 0 && part === 0) || ++digits > 3) return -1; // `01`, `00`, `1000`
      part = part * 10 + (c - 48);
    } else {
      return -1;
    }
  }
  return parts === 4 ? bits : -1;
}

export function isIPv6(s: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(s) || s.length > 45) return false;
  let groups = s.split(':');
  // An embedded IPv4 tail (`::ffff:1.2.3.4`) counts as two groups.
  const last = groups[groups.length - 1];
  if (last.includes('.')) {
    if (!isIPv4(last)) return false;
    groups = groups.slice(0, -1).concat(['0', '0']);
  }
  const double = s.indexOf('::');
  if (double !== -1 && s.indexOf('::', double + 1) !== -1) return false;
  if (double === -1) return groups.length === 8 && groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g));
  const nonEmpty = groups.filter((g) => g !== '');
  if (!nonEmpty.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  // `::` stands for at least one zero group; leading/trailing single `:` are invalid.
  if ((s.startsWith(':') && !s.startsWith('::')) || (s.endsWith(':') && !s.endsWith('::'))) return false;
  return nonEmpty.length <= 7;
}

/** `::ffff:10.0.0.2`: an IPv4 address written in IPv6 form, which readers take as either (Go's `net.ParseIP` as IPv4). */
export function isIPv4Mapped(s: string): boolean {
  return /^(?:::|(?:0{1,4}:){5})ffff:\d{1,3}(?:\.\d{1,3}){3}$/i.test(s) && isIPv6(s);
}

export function ipFamily(s: string): 'IPv4' | 'IPv6' | undefined {
  if (isIPv4(s)) return 'IPv4';
  if (isIPv6(s)) return 'IPv6';
  return undefined;
}

/** A dotted IPv4 netmask: ones followed by zeros (255.255.255.252). */
export function isNetmask(s: string): boolean {
  return netmaskBits(s) !== -1;
}

/** The bits of a dotted netmask, or -1 when `s` is not one. */
export function netmaskBits(s: string): number {
  const bits = ipv4Bits(s);
  if (bits === -1) return -1;
  const inverted = ~bits >>> 0;
  return (inverted & (inverted + 1)) === 0 ? bits : -1;
}

export function ipv4ToInt(s: string): number {
  return s.split('.').reduce((acc, p) => ((acc << 8) | Number(p)) >>> 0, 0);
}

/** Go's time.ParseDuration syntax, as Terraform's `timeouts` accept it. */
const DURATION = /^[+-]?((\d+(\.\d*)?|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+$/;

export function isDuration(s: string): boolean {
  return s === '0' || DURATION.test(s);
}

/** A Go regular expression (RE2 syntax), as the provider reads `name_regex`. */
export function isRegex(s: string): boolean {
  return isRe2(s);
}

export interface FormatCheck {
  code: string;
  test: (s: string) => boolean;
  expected: string;
  /**
   * The value is tested as written, spaces around it included: what reads it parses every character (Go's
   * time.ParseDuration refuses `"5m "`; a space in a regular expression is a character to match). Otherwise
   * the spaces around it are not judged.
   */
  asWritten?: boolean;
}

/** Each format: the finding code when a literal does not match, and how to say what was expected. */
export const FORMATS: Record<ValueFormat, FormatCheck> = {
  ip: { code: 'invalid-ip-address', test: (s) => isIPv4(s) || isIPv6(s), expected: 'an IPv4 or IPv6 address such as "10.0.0.2" or "fd00::2"' },
  ipv4: { code: 'invalid-ip-address', test: isIPv4, expected: 'an IPv4 address such as "10.0.0.1"' },
  ipv6: { code: 'invalid-ip-address', test: isIPv6, expected: 'an IPv6 address such as "2408:4000::1"' },
  netmask: { code: 'invalid-netmask', test: isNetmask, expected: 'a netmask such as "255.255.255.252"' },
  duration: { code: 'invalid-duration', test: isDuration, expected: 'a duration such as "10m", "1h30m" or "90s"', asWritten: true },
  regex: { code: 'invalid-regex', test: isRegex, expected: 'a valid regular expression', asWritten: true },
};
