/**
 * The one binary search: period locators, calendar boundaries, crosschannel
 * as-of counts, the maturity index and exchange-rate lookup all ask "the last
 * entry at or before t". Typed Float64Array so the hot callers (a lookup per
 * order) stay monomorphic.
 */

/**
 * The index of the last element of ascending `sorted` that is ≤ t, or -1 when
 * every element is greater (or t is NaN).
 * @example lastAtOrBefore(Float64Array.of(10, 20, 30), 25) // 1
 */
export function lastAtOrBefore(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
