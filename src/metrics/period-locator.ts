/**
 * Which period an instant falls in, by binary search over period starts.
 */
import type { Period } from '../model.js';
import { lastAtOrBefore } from '../model/sorted-search.js';

/** Returns the index of the period P with P.start ≤ time < P.asOf, or -1. */
export type PeriodLocator = (time: number) => number;

/**
 * Builds the locator for `periods`, which must be ascending and non-overlapping
 * (as `buildPeriods` makes them). Bounds are instants: 00:00 of a day in the
 * reporting time zone, which need not be 00:00 UTC.
 * Counting by [start, asOf) rather than [start, end) is the as-of rule: a
 * period's figures use only data dated before T(P).
 * @throws RangeError for unordered or overlapping periods.
 */
export function createPeriodLocator(periods: readonly Period[]): PeriodLocator {
  const n = periods.length;
  const starts = new Float64Array(n);
  const asOfs = new Float64Array(n);
  let previousEnd = -Infinity;
  for (let i = 0; i < n; i++) {
    const p = periods[i]!;
    if (p.start < previousEnd || p.end < p.start) throw new RangeError(`period ${p.label} overlaps the one before it or ends before it starts`);
    previousEnd = p.end;
    starts[i] = p.start;
    asOfs[i] = p.asOf;
  }
  return (time) => {
    const i = lastAtOrBefore(starts, time);
    return i >= 0 && time < asOfs[i]! ? i : -1;
  };
}
