/**
 * New customers per (period, acquisition channel).
 */
import type { Acquisitions } from './acquisition.js';
import type { CellGrid } from './cell-grid.js';
import type { PeriodLocator } from './period-locator.js';

/**
 *     new_customers(P, c) = |{customer : P.start ≤ acquisition time < T(P), acquisition channel = c}|
 *
 * One pass over the customers.
 */
export function countNewCustomers(acq: Acquisitions, locate: PeriodLocator, grid: CellGrid): void {
  for (let c = 0; c < acq.time.length; c++) {
    const t = acq.time[c]!;
    if (t === Infinity) continue;
    const p = locate(t);
    if (p >= 0) grid.newCustomers[grid.cell(p, acq.channel[c]!)]!++;
  }
}
