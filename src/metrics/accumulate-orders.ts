/**
 * Orders → per-cell order counts and sums, in one pass (orders are bucketed, never sorted).
 */
import type { Order } from '../model.js';
import type { CellGrid } from './cell-grid.js';
import type { PeriodLocator } from './period-locator.js';

/**
 * Adds every order dated in [P.start, T(P)) of some period P to its (P, channel) cell:
 *
 *     orders += 1, revenue += v, revenueSq += v²   for a purchase (v > 0)
 *     returns += v                                 for a return (v < 0)
 *
 * Zero-value orders count nowhere.
 * @returns per order, the cell of a purchase with a customer id, else -1
 *   (the input of the distinct-customer count).
 */
export function accumulateOrders(orders: readonly Order[], locate: PeriodLocator, grid: CellGrid): Int32Array {
  const cellOf = new Int32Array(orders.length).fill(-1);
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i]!;
    if (o.value === 0) continue;
    const p = locate(o.time);
    if (p < 0) continue;
    if (!(o.channel >= 0 && o.channel < grid.channelCount)) throw new RangeError(`order ${o.orderId || i} has channel ${o.channel} of ${grid.channelCount}`);
    const cell = grid.cell(p, o.channel);
    const v = o.value;
    if (v > 0) {
      grid.orders[cell]!++;
      grid.revenue[cell]! += v;
      grid.revenueSq[cell]! += v * v;
      if (o.customer >= 0) cellOf[i] = cell;
    } else if (v < 0) {
      grid.returns[cell]! += v;
    }
  }
  return cellOf;
}
