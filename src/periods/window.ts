/**
 * The report window (SPEC §2): `--from`/`--to`, `--last`, or the whole history.
 */
import { DAY_MS, type PeriodUnit, type WeekStart } from '../model.js';
import { addUtcMonths } from './add-months.js';
import { nextCalendarPeriod, startOfCalendarPeriod } from './calendar-period.js';
import { parseLast, type LastSpan } from './parse-last.js';
import { formatLastDay, formatZonedDay, inZone, nextZonedDay, parseZonedDay, startOfZonedDay, UTC_ZONE } from './zone.js';

export interface WindowOptions {
  /** First day, `yyyy-MM-dd`, inclusive. */
  from?: string;
  /** Last day, `yyyy-MM-dd`, inclusive. */
  to?: string;
  /** `N{d|w|m|q|y}`, ending at data end. */
  last?: string;
  /** With a unit, `last` counts whole calendar periods, and `complete` may apply. */
  period?: PeriodUnit;
  /** Only whole calendar periods of `period` (requires `period`). */
  complete?: boolean;
  weekStart: WeekStart;
  /** Reporting time zone (IANA name); days are that zone's days. Default UTC. */
  timeZone?: string;
}

/** The calendar unit a `--last` letter counts. */
const LAST_UNITS = { d: 'day', w: 'week', m: 'month', q: 'quarter', y: 'year' } as const satisfies Record<LastSpan['unit'], PeriodUnit>;

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
 * The start of the last N whole calendar periods of the `--last` unit ending at
 * `end`, the period holding the day before `end` counting as one (it is partial
 * when `end` is not a period boundary).
 *
 *     start = startOfCalendarPeriod(end − 1 day, unit) − (N − 1) units
 *
 * @example formatDay(lastCalendarPeriods(Date.UTC(2025, 0, 1), { n: 2, unit: 'w' }, 'monday')) // '2024-12-23' (weeks of 12-23 and 12-30)
 */
export function lastCalendarPeriods(end: number, span: LastSpan, weekStart: WeekStart): number {
  const unit = LAST_UNITS[span.unit];
  const last = startOfCalendarPeriod(end - DAY_MS, unit, weekStart);
  if (unit === 'day' || unit === 'week') return last - (span.n - 1) * (unit === 'day' ? 1 : 7) * DAY_MS;
  return addUtcMonths(last, -(span.n - 1) * (unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12));
}

/**
 * Narrows a window to the whole calendar periods inside it (`--complete`): the
 * end moves back to the start of the period that holds it (data end's period:
 * the partial one), the start forward to the next period boundary.
 * @throws RangeError when no whole period is left.
 */
export function wholePeriods(window: Window, unit: PeriodUnit, weekStart: WeekStart, dataEnd: number, zone: string = UTC_ZONE): Window {
  const end = inZone(window.end, zone, (wall) => startOfCalendarPeriod(wall, unit, weekStart));
  const start = inZone(window.start, zone, (wall) => {
    const first = startOfCalendarPeriod(wall, unit, weekStart);
    return first === wall ? first : nextCalendarPeriod(first, unit);
  });
  if (!(start < end)) {
    throw new RangeError(`--complete: no whole ${unit} in the window ${formatZonedDay(window.start, zone)} … ${formatLastDay(window.end, zone)} (data end ${formatZonedDay(dataEnd, zone)})`);
  }
  return { start, end };
}

/**
 * Resolves the window:
 * - `last` with `period`: the last N whole calendar periods of the `last` unit
 *   ending at dataEnd, the one holding data end counting as one (`--last 12w
 *   --period week` = 12 weeks, the latest partial);
 * - `last` without `period`: [dataEnd − span, dataEnd);
 * - `from`/`to`: [from, to + 1 day), `from` defaulting to the first order's UTC day
 *   and `to` to the day before data end;
 * - neither: [day of the first order, dataEnd).
 * `complete` (requires `period`) then keeps only the whole calendar periods
 * (`wholePeriods`); with `last`, the N periods are counted back from the end of
 * the last whole one, so `--period week --last 1w --complete` is the last full week.
 * @throws RangeError for `from` after `to`, `last` combined with `from`/`to`, an
 *   unreadable `last` or day, or a window that would be empty.
 * @example resolveWindow({ last: '1m', weekStart: 'monday' }, t0, Date.UTC(2024, 3, 1))
 *   // { start: Date.UTC(2024, 2, 1), end: Date.UTC(2024, 3, 1) }
 */
export function resolveWindow(opts: WindowOptions, firstOrderTime: number, dataEnd: number): Window {
  if (opts.complete && opts.period === undefined) throw new RangeError('--complete needs --period (whole periods of which unit?)');
  const window = rawWindow(opts, firstOrderTime, dataEnd);
  return opts.complete && opts.period !== undefined ? wholePeriods(window, opts.period, opts.weekStart, dataEnd, opts.timeZone ?? UTC_ZONE) : window;
}

function rawWindow(opts: WindowOptions, firstOrderTime: number, dataEnd: number): Window {
  if (opts.last !== undefined) {
    if (opts.from !== undefined || opts.to !== undefined) throw new RangeError('--last cannot be combined with --from or --to');
    const span = parseLast(opts.last);
    if (span === null) throw new RangeError(`--last expects a number and a unit d, w, m, q or y (e.g. 90d, 12w, 6m, 2q, 1y), not "${opts.last}"`);
    const zone = opts.timeZone ?? UTC_ZONE;
    const period = opts.period;
    const end = opts.complete && period !== undefined ? inZone(dataEnd, zone, (wall) => startOfCalendarPeriod(wall, period, opts.weekStart)) : dataEnd;
    const start = inZone(end, zone, (wall) => (period === undefined ? subtractSpan(wall, span) : lastCalendarPeriods(wall, span, opts.weekStart)));
    if (!Number.isFinite(start)) throw new RangeError(`--last ${opts.last} reaches outside the supported dates`);
    return { start, end };
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
