/**
 * Distinct customers per (period, channel) and per period, in linear time.
 */
import type { OrderTable, Period } from '../model.js';
import type { Acquisitions } from './acquisition.js';
import type { CellGrid } from './cell-grid.js';

/**
 * Counting-sorts the purchases by cell (stable, so input order is kept), then
 * walks each cell's purchases with one reusable marker array: `seen[customer]`
 * holds the stamp of the last group that counted the customer. One stamp per
 * (period, channel) cell, one more per period for the total row.
 *
 *     customers          = |{customer of a purchase in the cell}|
 *     returningCustomers = |{those with acquisition time < P.start}|
 *
 * @param cellOf from `accumulateOrders`: the cell of each purchase with a customer id, or -1.
 */
export function countDistinctCustomers(orders: OrderTable, cellOf: Int32Array, periods: readonly Period[], acq: Acquisitions, grid: CellGrid): void {
  const offsets = new Int32Array(grid.size + 1);
  for (let i = 0; i < cellOf.length; i++) {
    const cell = cellOf[i]!;
    if (cell >= 0) offsets[cell + 1]!++;
  }
  for (let cell = 0; cell < grid.size; cell++) offsets[cell + 1]! += offsets[cell]!;
  const next = offsets.slice(0, grid.size);
  const byCell = new Int32Array(offsets[grid.size]!);
  for (let i = 0; i < cellOf.length; i++) {
    const cell = cellOf[i]!;
    if (cell >= 0) byCell[next[cell]!++] = i;
  }

  const customerOf = orders.customer;
  const acqTime = acq.time;
  const seen = new Int32Array(acqTime.length); // stamps start at 1
  let stamp = 0;
  const count = (from: number, to: number, periodStart: number): [number, number] => {
    stamp++;
    let customers = 0;
    let returning = 0;
    for (let j = from; j < to; j++) {
      const customer = customerOf[byCell[j]!]!;
      if (seen[customer] === stamp) continue;
      seen[customer] = stamp;
      customers++;
      if (acqTime[customer]! < periodStart) returning++;
    }
    return [customers, returning];
  };

  for (let p = 0; p < grid.periodCount; p++) {
    const start = periods[p]!.start;
    for (let ch = 0; ch < grid.channelCount; ch++) {
      const cell = grid.cell(p, ch);
      [grid.customers[cell], grid.returningCustomers[cell]] = count(offsets[cell]!, offsets[cell + 1]!, start);
    }
    // A period's cells are contiguous, so the total row walks them all at once.
    [grid.totalCustomers[p], grid.totalReturningCustomers[p]] = count(offsets[grid.cell(p, 0)]!, offsets[grid.cell(p + 1, 0)]!, start);
  }
}
