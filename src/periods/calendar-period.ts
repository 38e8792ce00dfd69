/**
 * Calendar periods (day, week, month, quarter, year) in UTC, or in a reporting
 * time zone: the same calendar arithmetic on the zone's wall time (zone.ts).
 */
import { DAY_MS, type PeriodUnit, type WeekStart } from '../model.js';
import { addUtcMonths } from './add-months.js';
import { startOfUtcDay, utcDate } from './utc-day.js';
import { inZone, UTC_ZONE } from './zone.js';

/**
 * 00:00 (UTC, or in `zone`) of the first day of the calendar `unit` containing `ms`.
 * Weeks start on Monday, or on Sunday with `weekStart: 'sunday'`; quarters start
 * in January, April, July and October.
 * @example formatDay(startOfCalendarPeriod(Date.UTC(2024, 0, 3), 'week', 'sunday')) // '2023-12-31'
 */
export function startOfCalendarPeriod(ms: number, unit: PeriodUnit, weekStart: WeekStart, zone: string = UTC_ZONE): number {
  if (zone !== UTC_ZONE) return inZone(ms, zone, (wall) => startOfCalendarPeriod(wall, unit, weekStart));
  const day = startOfUtcDay(ms);
  const d = new Date(day);
  switch (unit) {
    case 'day':
      return day;
    case 'week': {
      const first = weekStart === 'sunday' ? 0 : 1;
      return day - ((d.getUTCDay() - first + 7) % 7) * DAY_MS;
    }
    case 'month':
      return utcDate(d.getUTCFullYear(), d.getUTCMonth(), 1);
    case 'quarter':
      return utcDate(d.getUTCFullYear(), d.getUTCMonth() - (d.getUTCMonth() % 3), 1);
    case 'year':
      return utcDate(d.getUTCFullYear(), 0, 1);
  }
}

/**
 * Start of the calendar period after the one starting at `start`
 * (`start` must be a period start as returned by `startOfCalendarPeriod` in the
 * same zone). In a zone with DST a day is 23, 24 or 25 hours long.
 * @example formatDay(nextCalendarPeriod(Date.UTC(2024, 9, 1), 'quarter')) // '2025-01-01'
 */
export function nextCalendarPeriod(start: number, unit: PeriodUnit, zone: string = UTC_ZONE): number {
  if (zone !== UTC_ZONE) return inZone(start, zone, (wall) => nextCalendarPeriod(startOfUtcDay(wall), unit));
  switch (unit) {
    case 'day':
      return start + DAY_MS;
    case 'week':
      return start + 7 * DAY_MS;
    case 'month':
      return addUtcMonths(start, 1);
    case 'quarter':
      return addUtcMonths(start, 3);
    case 'year':
      return addUtcMonths(start, 12);
  }
}
