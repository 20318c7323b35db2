/**
 * The first index in [0, n) at which `after(i)` holds, or n: `after` must be false and then true along the
 * range (a sorted array read against a value), so the answer is found by halving.
 */
export function firstWhere(n: number, after: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
