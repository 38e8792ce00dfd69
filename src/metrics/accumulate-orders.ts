/**
 * Orders → per-cell order counts and sums, in one pass (orders are bucketed, never sorted).
 */
import type { OrderTable } from '../model.js';
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
export function accumulateOrders(orders: OrderTable, locate: PeriodLocator, grid: CellGrid): Int32Array {
  const n = orders.length;
  const cellOf = new Int32Array(n).fill(-1);
  const { time, value, channel, customer } = orders;
  const channelCount = grid.channelCount;
  for (let i = 0; i < n; i++) {
    const v = value[i]!;
    if (v === 0) continue;
    const p = locate(time[i]!);
    if (p < 0) continue;
    const ch = channel[i]!;
    if (!(ch >= 0 && ch < channelCount)) throw new RangeError(`order ${orders.orderId(i) || i} has channel ${ch} of ${channelCount}`);
    const cell = grid.cell(p, ch);
    if (v > 0) {
      grid.orders[cell]!++;
      grid.revenue[cell]! += v;
      grid.revenueSq[cell]! += v * v;
      if (customer[i]! >= 0) cellOf[i] = cell;
    } else if (v < 0) {
      grid.returns[cell]! += v;
    }
  }
  return cellOf;
}
