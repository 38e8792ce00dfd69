/**
 * Splits a window into calendar periods (SPEC §2).
 */
import type { Period, PeriodUnit, WeekStart } from '../model.js';
import { nextCalendarPeriod, startOfCalendarPeriod } from './calendar-period.js';
import type { Window } from './window.js';
import { formatZonedDay, UTC_ZONE } from './zone.js';

/**
 * The periods of `window`, ascending:
 * - with a unit: one per calendar period overlapping the window, clipped to it;
 *   label = first day of the calendar period (even when clipped), start/end = what
 *   is covered, partial = clipped by the window or end > dataEnd;
 * - without: exactly one period equal to the window, labelled by its first day,
 *   partial only when the window ends after data end.
 * In both cases asOf = T(P) = min(end, dataEnd). Calendar periods and labels
 * are those of `zone` (default UTC); bounds are instants.
 * @example buildPeriods({ start: Date.UTC(2024, 0, 10), end: Date.UTC(2024, 2, 1) }, Date.UTC(2024, 2, 1), 'month', 'monday')
 *   // [{ label: '2024-01-01', start: Jan 10, end: Feb 1, partial: true, … }, { label: '2024-02-01', …, partial: false }]
 */
export function buildPeriods(window: Window, dataEnd: number, unit: PeriodUnit | undefined, weekStart: WeekStart, zone: string = UTC_ZONE): Period[] {
  if (!(window.start < window.end)) return [];
  if (unit === undefined) {
    return [{ label: formatZonedDay(window.start, zone), start: window.start, end: window.end, partial: window.end > dataEnd, asOf: Math.min(window.end, dataEnd) }];
  }
  const periods: Period[] = [];
  for (let calStart = startOfCalendarPeriod(window.start, unit, weekStart, zone); calStart < window.end; ) {
    const calEnd = nextCalendarPeriod(calStart, unit, zone);
    const start = Math.max(calStart, window.start);
    const end = Math.min(calEnd, window.end);
    const clipped = start !== calStart || end !== calEnd;
    periods.push({ label: formatZonedDay(calStart, zone), start, end, partial: clipped || end > dataEnd, asOf: Math.min(end, dataEnd) });
    calStart = calEnd;
  }
  return periods;
}

/**
 * How many periods `buildPeriods` would make for the window, counting no
 * further than `stopAt` (so a cost check never pays the cost it guards).
 * @example countPeriods({ start: Date.UTC(2024, 0, 10), end: Date.UTC(2024, 2, 1) }, 'month', 'monday', 'UTC', 100) // 2
 */
export function countPeriods(window: Window, unit: PeriodUnit | undefined, weekStart: WeekStart, zone: string, stopAt: number): number {
  if (!(window.start < window.end)) return 0;
  if (unit === undefined) return 1;
  let n = 0;
  for (let s = startOfCalendarPeriod(window.start, unit, weekStart, zone); s < window.end && n < stopAt; s = nextCalendarPeriod(s, unit, zone)) n++;
  return n;
}
