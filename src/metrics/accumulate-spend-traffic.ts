/**
 * Spend and traffic rows → per-cell sums.
 */
import type { SpendRow, TrafficRow } from '../model.js';
import type { CellGrid } from './cell-grid.js';
import type { PeriodLocator } from './period-locator.js';

function columnOf(channel: number, grid: CellGrid, what: string): number {
  if (!(channel >= 0 && channel < grid.channelCount)) throw new RangeError(`a ${what} row has channel ${channel} of ${grid.channelCount}`);
  return channel;
}

/**
 *     spend(P, c)     = Σ spend of rows of c dated in [P.start, T(P))
 *     spendRows(P, c) = number of those rows (none: CAC, ROAS and CLV:CAC are unknown, not free)
 */
export function accumulateSpend(rows: readonly SpendRow[], locate: PeriodLocator, grid: CellGrid): void {
  for (const row of rows) {
    const p = locate(row.time);
    if (p < 0) continue;
    const cell = grid.cell(p, columnOf(row.channel, grid, 'spend'));
    grid.spend[cell]! += row.spend;
    grid.spendRows[cell]!++;
  }
}

/**
 *     sessions(P, c)    = Σ sessions of rows of c dated in [P.start, T(P))
 *     trafficRows(P, c) = number of those rows (a channel "has traffic" in P when > 0)
 */
export function accumulateTraffic(rows: readonly TrafficRow[], locate: PeriodLocator, grid: CellGrid): void {
  for (const row of rows) {
    const p = locate(row.time);
    if (p < 0) continue;
    const cell = grid.cell(p, columnOf(row.channel, grid, 'traffic'));
    grid.sessions[cell]! += row.sessions;
    grid.trafficRows[cell]!++;
  }
}
