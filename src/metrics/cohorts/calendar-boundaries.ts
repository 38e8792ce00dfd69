/**
 * A run of consecutive calendar periods as a sorted array of boundaries, for
 * "which period is this instant in" by binary search.
 */
import type { PeriodUnit, WeekStart } from '../../model.js';
import { nextCalendarPeriod, startOfCalendarPeriod } from '../../periods/index.js';
import { lastAtOrBefore } from '../../model/sorted-search.js';

/**
 * `count + 1` boundaries b[0..count] of `count` consecutive calendar periods, the
 * first being the calendar `unit` containing `from`: period j = [b[j], b[j+1]).
 * Calendar periods of `zone` (default UTC).
 * @example calendarBoundaries(Date.UTC(2024, 0, 10), 'month', 'monday', 2) // [Jan 1, Feb 1, Mar 1]
 */
export function calendarBoundaries(from: number, unit: PeriodUnit, weekStart: WeekStart, count: number, zone?: string): Float64Array {
  const b = new Float64Array(count + 1);
  b[0] = startOfCalendarPeriod(from, unit, weekStart, zone);
  for (let j = 0; j < count; j++) b[j + 1] = nextCalendarPeriod(b[j]!, unit, zone);
  return b;
}

/**
 * The index j of the period containing `t` (b[j] ≤ t < b[j+1]), or -1 when `t`
 * is outside [b[0], b[last]).
 * @example periodIndex([Jan 1, Feb 1, Mar 1], Feb 14) // 1
 */
export function periodIndex(boundaries: Float64Array, t: number): number {
  const n = boundaries.length;
  if (n < 2 || !(t >= boundaries[0]!) || !(t < boundaries[n - 1]!)) return -1;
  return lastAtOrBefore(boundaries, t);
}
