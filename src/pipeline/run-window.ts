/**
 * The window of a run (SPEC §2), shared by report, crosschannel, cohorts and
 * init: first order time and data end in one pass over the orders (no copy of
 * their times), then --from/--to/--last, with a usage error that says which
 * days the data covers.
 */
import { UsageError } from '../errors.js';
import { DAY_MS, type OrderTable, type PeriodUnit, type WeekStart } from '../model.js';
import { formatDay, resolveWindow, startOfUtcDay, type Window } from '../periods/index.js';

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

/** First order time and data end (start of the UTC day after the latest order). */
export function orderSpan(orders: OrderTable): { firstTime: number; dataEnd: number } {
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
  return { firstTime: first, dataEnd: startOfUtcDay(last) + DAY_MS };
}

export function resolveRunWindow(orders: OrderTable, flags: WindowFlagsLike, weekStart: WeekStart): RunWindow {
  const { firstTime, dataEnd } = orderSpan(orders);
  try {
    const window = resolveWindow(
      {
        ...(flags.from ? { from: flags.from } : {}),
        ...(flags.to ? { to: flags.to } : {}),
        ...(flags.last ? { last: flags.last } : {}),
        ...(flags.period ? { period: flags.period } : {}),
        ...(flags.complete ? { complete: true } : {}),
        weekStart,
      },
      firstTime,
      dataEnd,
    );
    return { window, firstTime, dataEnd };
  } catch (err) {
    if (err instanceof RangeError) {
      throw new UsageError('BAD_WINDOW', err.message, { hint: `the orders cover ${formatDay(firstTime)} … ${formatDay(dataEnd - DAY_MS)}` });
    }
    throw err;
  }
}
