/**
 * UTC calendar days as epoch milliseconds and as `yyyy-MM-dd` text.
 * Only UTC arithmetic is used, so results never depend on the machine's time zone.
 */
import { DAY_MS } from '../model.js';

/**
 * 00:00 UTC of the day containing `ms`.
 * @example formatDay(startOfUtcDay(Date.UTC(2024, 0, 5, 10))) // '2024-01-05'
 */
export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/**
 * Epoch ms of 00:00 UTC on year-month-day (month 0–11). Unlike `Date.UTC`, years
 * 0–99 are taken literally, and out-of-range months/days roll over like `Date.UTC`.
 */
export function utcDate(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  return d.getTime();
}

/** Number of days in a month (month 0–11) of a proleptic Gregorian year. */
export function daysInUtcMonth(year: number, month: number): number {
  return new Date(utcDate(year, month + 1, 0)).getUTCDate();
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * The UTC day of `ms` as `yyyy-MM-dd`.
 * @example formatDay(Date.UTC(2024, 1, 29, 23, 59)) // '2024-02-29'
 */
export function formatDay(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/**
 * `yyyy-MM-dd` → epoch ms of 00:00 UTC that day.
 * @throws RangeError when the text is not a real calendar day (e.g. `2023-02-29`).
 * @example parseDay('2024-03-01') === Date.UTC(2024, 2, 1)
 */
export function parseDay(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]) - 1;
    const day = Number(m[3]);
    if (month >= 0 && month < 12 && day >= 1 && day <= daysInUtcMonth(year, month)) return utcDate(year, month, day);
  }
  throw new RangeError(`"${text}" is not a day in the form yyyy-MM-dd`);
}
