/** "Did you mean": the closest known name by edit distance, if it is close enough to be a typo. */

export function closest(name: string, candidates: Iterable<string>): string | undefined {
  return closestMatch(name, candidates)?.name;
}

/**
 * `closest`, and whether no other candidate is as close: `min_interval` is as close to `min_rx_interval` as to
 * `min_tx_interval`, so the first is only a guess, which a fix applied unasked must not make.
 */
export function closestMatch(name: string, candidates: Iterable<string>): { name: string; unique: boolean } | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  let unique = true;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    const d = distance(lower, c.toLowerCase());
    if (d < bestScore) {
      bestScore = d;
      best = c;
      unique = true;
    } else if (d === bestScore) unique = false;
  }
  if (best === undefined) return undefined;
  // Allow about one edit per three characters, and always at least two.
  return bestScore <= Math.max(2, Math.floor(name.length / 3)) ? { name: best, unique } : undefined;
}

/** Damerau–Levenshtein (optimal string alignment) distance; `_` and `-` differences count as one edit. */
export function distance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > 10) return Math.abs(m - n);
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...new Array<number>(n).fill(0)]);
  for (let j = 0; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[m][n];
}
