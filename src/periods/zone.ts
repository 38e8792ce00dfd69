/**
 * Calendar days of the reporting time zone (SPEC §2), on top of the instant ↔
 * wall-time conversion of ../time-zone.ts.
 */
import { DAY_MS } from '../model.js';
import { inZone, toWallTime, UTC_ZONE, wallTimeToInstant } from '../time-zone.js';
import { formatDay, parseDay } from './utc-day.js';

export { inZone, isKnownTimeZone, toWallTime, UTC_ZONE, wallTimeToInstant } from '../time-zone.js';

/**
 * The calendar day of instant `ms` in `zone`, `yyyy-MM-dd`.
 * @example formatZonedDay(Date.UTC(2024, 2, 31, 22, 30), 'Europe/Berlin') // '2024-04-01' (00:30 CEST)
 */
export function formatZonedDay(ms: number, zone: string): string {
  return formatDay(toWallTime(ms, zone));
}

/**
 * The last day of a range that ends (exclusive) at instant `end`, in `zone`.
 * Not `end − 24 h`: a day is 23 or 25 hours long on DST changes.
 */
export function formatLastDay(end: number, zone: string): string {
  return formatZonedDay(end - 1, zone);
}

/**
 * The instant 00:00 of day `yyyy-MM-dd` in `zone` (the first instant of that day
 * when midnight is skipped by a DST change).
 * @throws RangeError for text that is not a real calendar day.
 * @example parseZonedDay('2024-07-01', 'America/Los_Angeles') // Date.UTC(2024, 6, 1, 7)
 */
export function parseZonedDay(text: string, zone: string): number {
  return wallTimeToInstant(parseDay(text), zone);
}

/**
 * 00:00 in `zone` of the day containing `ms`.
 * @example startOfZonedDay(Date.UTC(2024, 6, 1, 3), 'America/Los_Angeles') // Date.UTC(2024, 5, 30, 7) (June 30, 00:00 PDT)
 */
export function startOfZonedDay(ms: number, zone: string): number {
  return inZone(ms, zone, (w) => Math.floor(w / DAY_MS) * DAY_MS);
}

/**
 * 00:00 in `zone` of the day after the one containing `ms` (23, 24 or 25 hours
 * after the start of that day).
 * @example nextZonedDay(Date.UTC(2024, 2, 10, 12), 'America/Los_Angeles') // Date.UTC(2024, 2, 11, 7): 23 h after 00:00 PST on March 10
 */
export function nextZonedDay(ms: number, zone: string): number {
  return inZone(ms, zone, (w) => Math.floor(w / DAY_MS) * DAY_MS + DAY_MS);
}

/**
 * A function from instants in [from, to) to their calendar day in `zone`, as a
 * day number (days since 1970-01-01 of the wall calendar): for per-order work
 * over millions of orders, the zone's day starts in the range are computed once
 * and each instant is placed among them (no time-zone lookup per call).
 * Instants outside the range fall back to the direct conversion.
 * @example zonedDayNumber(0, DAY_MS * 10, 'America/New_York')(Date.UTC(1970, 0, 2, 3)) // 0 (Jan 1, 22:00 EST)
 */
export function zonedDayNumber(from: number, to: number, zone: string): (ms: number) => number {
  if (zone === UTC_ZONE) return (ms) => Math.floor(ms / DAY_MS);
  const direct = (ms: number): number => Math.floor(toWallTime(ms, zone) / DAY_MS);
  if (!(Number.isFinite(from) && Number.isFinite(to) && to > from)) return direct;
  const first = startOfZonedDay(from, zone);
  const starts: number[] = [first];
  while (starts[starts.length - 1]! <= to) starts.push(nextZonedDay(starts[starts.length - 1]!, zone));
  const firstDay = direct(first);
  const last = starts.length - 1;
  return (ms) => {
    if (ms < first || ms >= starts[last]!) return direct(ms);
    // Days are 23–25 hours: the estimate is off by at most one.
    let k = Math.min(Math.floor((ms - first) / DAY_MS), last - 1);
    while (starts[k]! > ms) k--;
    while (starts[k + 1]! <= ms) k++;
    return firstDay + k;
  };
}
