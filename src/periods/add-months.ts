/**
 * Calendar-month arithmetic in UTC.
 */
import { daysInUtcMonth, startOfUtcDay, utcDate } from './utc-day.js';

/**
 * `ms` moved by `months` calendar months (negative moves back), keeping the time
 * of day and clamping the day of month to the target month's length — the same
 * rule as date-fns `addMonths`/`subMonths`, but always in UTC.
 * @example formatDay(addUtcMonths(Date.UTC(2024, 2, 31), -1)) // '2024-02-29'
 */
export function addUtcMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const monthIndex = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const day = Math.min(d.getUTCDate(), daysInUtcMonth(year, month));
  return utcDate(year, month, day) + (ms - startOfUtcDay(ms));
}
