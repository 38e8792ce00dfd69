/**
 * The report window (SPEC §2): `--from`/`--to`, `--last`, or the whole history.
 */
import { DAY_MS, type PeriodUnit, type WeekStart } from '../model.js';
import { addUtcMonths } from './add-months.js';
import { parseLast, type LastSpan } from './parse-last.js';
import { formatLastDay, formatZonedDay, inZone, nextZonedDay, parseZonedDay, startOfZonedDay, UTC_ZONE } from './zone.js';

export interface WindowOptions {
  /** First day, `yyyy-MM-dd`, inclusive. */
  from?: string;
  /** Last day, `yyyy-MM-dd`, inclusive. */
  to?: string;
  /** `N{d|w|m|q|y}`, ending at data end. */
  last?: string;
  /** Accepted for the caller's convenience; the window is not aligned to it. */
  period?: PeriodUnit;
  /** Accepted for the caller's convenience; the window is not aligned to it. */
  weekStart: WeekStart;
  /** Reporting time zone (IANA name); days are that zone's days. Default UTC. */
  timeZone?: string;
}

/** A half-open range of instants [start, end), both at 00:00 of a day in the reporting time zone (default UTC). */
export interface Window {
  start: number;
  /** Exclusive: 00:00 of the day after the last day. */
  end: number;
}

/**
 * The instant `span` before `end`: N days, N weeks (7N days), N calendar months,
 * N quarters (3N months) or N years (12N months), months clamped like date-fns
 * `subMonths` (2024-03-31 − 1m = 2024-02-29).
 */
export function subtractSpan(end: number, span: LastSpan): number {
  switch (span.unit) {
    case 'd':
      return end - span.n * DAY_MS;
    case 'w':
      return end - span.n * 7 * DAY_MS;
    case 'm':
      return addUtcMonths(end, -span.n);
    case 'q':
      return addUtcMonths(end, -3 * span.n);
    case 'y':
      return addUtcMonths(end, -12 * span.n);
  }
}

/**
 * Resolves the window:
 * - `last`: [dataEnd − span, dataEnd);
 * - `from`/`to`: [from, to + 1 day), `from` defaulting to the first order's UTC day
 *   and `to` to the day before data end;
 * - neither: [day of the first order, dataEnd).
 * @throws RangeError for `from` after `to`, `last` combined with `from`/`to`, an
 *   unreadable `last` or day, or a window that would be empty.
 * @example resolveWindow({ last: '1m', weekStart: 'monday' }, t0, Date.UTC(2024, 3, 1))
 *   // { start: Date.UTC(2024, 2, 1), end: Date.UTC(2024, 3, 1) }
 */
export function resolveWindow(opts: WindowOptions, firstOrderTime: number, dataEnd: number): Window {
  if (opts.last !== undefined) {
    if (opts.from !== undefined || opts.to !== undefined) throw new RangeError('--last cannot be combined with --from or --to');
    const span = parseLast(opts.last);
    if (span === null) throw new RangeError(`--last expects a number and a unit d, w, m, q or y (e.g. 90d, 12w, 6m, 2q, 1y), not "${opts.last}"`);
    const start = inZone(dataEnd, opts.timeZone ?? UTC_ZONE, (wall) => subtractSpan(wall, span));
    if (!Number.isFinite(start)) throw new RangeError(`--last ${opts.last} reaches outside the supported dates`);
    return { start, end: dataEnd };
  }
  const zone = opts.timeZone ?? UTC_ZONE;
  const start = opts.from !== undefined ? parseZonedDay(opts.from, zone) : startOfZonedDay(firstOrderTime, zone);
  const end = opts.to !== undefined ? nextZonedDay(parseZonedDay(opts.to, zone), zone) : dataEnd;
  if (opts.from !== undefined && opts.to !== undefined && start >= end) {
    throw new RangeError(`--from ${opts.from} is after --to ${opts.to}`);
  }
  if (start >= end) {
    if (opts.from !== undefined) throw new RangeError(`--from ${opts.from} is after the last order day (${formatLastDay(dataEnd, zone)})`);
    if (opts.to !== undefined) throw new RangeError(`--to ${opts.to} is before the first order day (${formatZonedDay(firstOrderTime, zone)})`);
    throw new RangeError('the window is empty');
  }
  return { start, end };
}
