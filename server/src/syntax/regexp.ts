/** `s` as a regular expression that matches exactly `s` (every character with a meaning escaped). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
