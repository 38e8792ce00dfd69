/**
 * Data end (SPEC §2): the start of the UTC day after the latest order date.
 */
import { DAY_MS } from '../model.js';
import { startOfUtcDay } from './utc-day.js';

/**
 * dataEnd = startOfUtcDay(max order time) + 1 day.
 * @throws RangeError when there are no order times (there is no data end).
 * @example formatDay(dataEnd([Date.UTC(2024, 0, 5, 10)])) // '2024-01-06'
 */
export function dataEnd(orderTimes: Iterable<number>): number {
  let latest = -Infinity;
  for (const t of orderTimes) if (t > latest) latest = t;
  if (!Number.isFinite(latest)) throw new RangeError('there is no data end: no orders have a date');
  return startOfUtcDay(latest) + DAY_MS;
}
