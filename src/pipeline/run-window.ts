/**
 * The window of a run (SPEC §2), shared by report, crosschannel, cohorts and
 * init: first order time and data end in one pass over the orders (no copy of
 * their times), then --from/--to/--last, with a usage error that says which
 * days the data covers.
 */
import { UsageError } from '../errors.js';
import type { OrderTable, PeriodUnit, WeekStart } from '../model.js';
import { countPeriods, formatLastDay, formatZonedDay, nextZonedDay, resolveWindow, UTC_ZONE, type Window } from '../periods/index.js';

/** Periods × (channels + total) beyond which report and crosschannel refuse a run rather than use gigabytes. */
export const MAX_GRID_CELLS = 250_000;

/**
 * Refuses a run whose period × channel grid exceeds MAX_GRID_CELLS (counted
 * without building it), with a hint: a longer --period or a narrower window.
 * `extra` periods are added (--compare previous computes one more).
 */
export function checkGridCost(window: Window, unit: PeriodUnit | undefined, weekStart: WeekStart, channels: number, zone: string = UTC_ZONE, extra = 0): void {
  const rows = channels + 1;
  const stopAt = Math.floor(MAX_GRID_CELLS / rows) + 1;
  const periods = countPeriods(window, unit, weekStart, zone, stopAt) + extra;
  if (periods * rows <= MAX_GRID_CELLS) return;
  const more = periods >= stopAt ? 'at least ' : '';
  throw new UsageError(
    'GRID_TOO_LARGE',
    `${more}${periods} ${unit ?? 'window'} periods × ${rows} channels (with the total) from ${formatZonedDay(window.start, zone)} to ${formatLastDay(window.end, zone)} is more than ${MAX_GRID_CELLS.toLocaleString('en-US')} rows`,
    { hint: 'use a longer --period (week, month, quarter, year) or a narrower window (--from/--to/--last)' },
  );
}

export interface WindowFlagsLike {
  from?: string | undefined;
  to?: string | undefined;
  last?: string | undefined;
  /** With a unit, --last counts whole calendar periods and --complete applies. */
  period?: PeriodUnit | undefined;
  complete?: boolean | undefined;
}

export interface RunWindow {
  window: Window;
  firstTime: number;
  dataEnd: number;
}

/** First order time and data end (start of the day after the latest order, in `zone`). */
export function orderSpan(orders: OrderTable, zone: string = UTC_ZONE): { firstTime: number; dataEnd: number } {
  let first = Infinity;
  let last = -Infinity;
  const { time } = orders;
  const n = orders.length;
  for (let i = 0; i < n; i++) {
    const t = time[i]!;
    if (t < first) first = t;
    if (t > last) last = t;
  }
  if (!Number.isFinite(last)) throw new RangeError('there is no data end: no orders have a date');
  return { firstTime: first, dataEnd: nextZonedDay(last, zone) };
}

export function resolveRunWindow(orders: OrderTable, flags: WindowFlagsLike, weekStart: WeekStart, timeZone: string = UTC_ZONE): RunWindow {
  const { firstTime, dataEnd } = orderSpan(orders, timeZone);
  return resolveSpanWindow(firstTime, dataEnd, flags, weekStart, timeZone);
}

/** The window for orders spanning [firstTime, dataEnd) (an SQL engine's bounds query gives these). */
export function resolveSpanWindow(firstTime: number, dataEnd: number, flags: WindowFlagsLike, weekStart: WeekStart, timeZone: string = UTC_ZONE): RunWindow {
  try {
    const window = resolveWindow(
      {
        ...(flags.from ? { from: flags.from } : {}),
        ...(flags.to ? { to: flags.to } : {}),
        ...(flags.last ? { last: flags.last } : {}),
        ...(flags.period ? { period: flags.period } : {}),
        ...(flags.complete ? { complete: true } : {}),
        weekStart,
        timeZone,
      },
      firstTime,
      dataEnd,
    );
    return { window, firstTime, dataEnd };
  } catch (err) {
    if (err instanceof RangeError) {
      throw new UsageError('BAD_WINDOW', err.message, { hint: `the orders cover ${formatZonedDay(firstTime, timeZone)} … ${formatLastDay(dataEnd, timeZone)}` });
    }
    throw err;
  }
}
