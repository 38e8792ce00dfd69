/**
 * Data end (SPEC §2): the start of the day after the latest order date, in the
 * reporting time zone (default UTC).
 */
import { nextZonedDay, UTC_ZONE } from './zone.js';

/**
 * dataEnd = 00:00 in `zone` of the day after the one holding max(order time).
 * @throws RangeError when there are no order times (there is no data end).
 * @example formatDay(dataEnd([Date.UTC(2024, 0, 5, 10)])) // '2024-01-06'
 */
export function dataEnd(orderTimes: Iterable<number>, zone: string = UTC_ZONE): number {
  let latest = -Infinity;
  for (const t of orderTimes) if (t > latest) latest = t;
  if (!Number.isFinite(latest)) throw new RangeError('there is no data end: no orders have a date');
  return nextZonedDay(latest, zone);
}
