/**
 * The engine: Dataset × periods → figures per period and channel (SPEC §3).
 *
 * Cost is linear in the data and nearly independent of the number of periods:
 * one pass each over orders (acquisition, outcomes, bucketing), customers,
 * spend, traffic and answers; orders are bucketed by binary search over period
 * starts, never sorted; retention and CLV come from prefix sums over acquisition
 * days (`MaturityIndex`), not from a rescan per period.
 */
import { DAY_MS, type Dataset, type MetricSettings, type Period } from '../model.js';
import { accumulateNps } from './accumulate-nps.js';
import { accumulateOrders } from './accumulate-orders.js';
import { accumulateSpend, accumulateTraffic } from './accumulate-spend-traffic.js';
import { findAcquisitions } from './acquisition.js';
import type { Availability, CellTotals } from './assemble-figures.js';
import { CellGrid } from './cell-grid.js';
import { countDistinctCustomers } from './distinct-customers.js';
import { countNewCustomers } from './count-new-customers.js';
import { measureCustomerOutcomes } from './customer-outcomes.js';
import { emptyCell, finishFigures, type FigureInputs, type PeriodInputs } from './figure-inputs.js';
import type { PeriodFigures } from './figures.js';
import { PhasedMaturity } from './maturity-index.js';
import { createPeriodLocator } from './period-locator.js';

function requireWholeDays(name: string, days: number): void {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`${name} must be a whole number of days, not ${days}`);
}

/**
 * Figures for every period: one row per channel of `ds.channels` (index order),
 * then the total row (TOTAL_CHANNEL). Every figure of period P uses only data
 * dated before T(P) = P.asOf.
 * @param periods ascending, non-overlapping, bounds at 00:00 of a day in the
 *   reporting time zone (as from `buildPeriods`).
 * @throws RangeError for periods or settings that break those rules.
 */
export function computeFigures(ds: Dataset, periods: Period[], settings: MetricSettings): PeriodFigures[] {
  return finishFigures(computeFigureInputs(ds, periods, settings), settings);
}

/**
 * The in-process engine: Dataset × periods → the figure inputs (one cell per
 * period × channel, and the total row's cell).
 * @throws RangeError for periods or settings that break the rules of `computeFigures`.
 */
export function computeFigureInputs(ds: Dataset, periods: Period[], settings: MetricSettings): FigureInputs {
  requireWholeDays('retention days', settings.retentionDays);
  requireWholeDays('CLV horizon days', settings.clvHorizonDays);
  const locate = createPeriodLocator(periods);
  const channelCount = ds.channels.length;
  const grid = new CellGrid(periods.length, channelCount);

  const acq = findAcquisitions(ds.orders, ds.customerCount);
  const outcomes = measureCustomerOutcomes(ds.orders, acq, settings.retentionDays * DAY_MS, settings.clvHorizonDays * DAY_MS);
  const maturity = new PhasedMaturity(acq, outcomes, channelCount, settings.margin);

  const cellOf = accumulateOrders(ds.orders, locate, grid);
  countDistinctCustomers(ds.orders, cellOf, periods, acq, grid);
  countNewCustomers(acq, locate, grid);
  if (ds.spend) accumulateSpend(ds.spend, locate, grid);
  if (ds.traffic) accumulateTraffic(ds.traffic, locate, grid);
  if (ds.nps) accumulateNps(ds.nps, ds.channels, acq, locate, grid);

  const has: Availability = { spend: ds.spend !== null, traffic: ds.traffic !== null, nps: ds.nps !== null, customerIds: ds.hasCustomerIds };
  const out: PeriodInputs[] = periods.map((period, p) => {
    const retentionRow = maturity.rowAt(period.asOf - settings.retentionDays * DAY_MS);
    const clvRow = maturity.rowAt(period.asOf - settings.clvHorizonDays * DAY_MS);
    const cells: CellTotals[] = [];
    const total = emptyCell();
    for (let col = 0; col < grid.width; col++) {
      const t = cellTotals(grid, grid.cell(p, col));
      if (col < channelCount) {
        t.retention = maturity.retention(retentionRow, col);
        t.clv = maturity.clv(clvRow, col);
        cells.push(t);
      }
      addInto(total, t);
    }
    total.customers = grid.totalCustomers[p]!;
    total.returningCustomers = grid.totalReturningCustomers[p]!;
    return { period, cells, total };
  });
  return { channels: [...ds.channels], has, periods: out };
}

function cellTotals(grid: CellGrid, cell: number): CellTotals {
  const orders = grid.orders[cell]!;
  return {
    orders,
    revenue: grid.revenue[cell]!,
    revenueSq: grid.revenueSq[cell]!,
    returns: grid.returns[cell]!,
    customers: grid.customers[cell]!,
    returningCustomers: grid.returningCustomers[cell]!,
    newCustomers: grid.newCustomers[cell]!,
    spend: grid.spend[cell]!,
    spendRows: grid.spendRows[cell]!,
    sessions: grid.sessions[cell]!,
    trafficRows: grid.trafficRows[cell]!,
    convertingOrders: orders,
    promoters: grid.promoters[cell]!,
    detractors: grid.detractors[cell]!,
    answers: grid.answers[cell]!,
    retention: { successes: 0, trials: 0 },
    clv: { n: 0, sum: 0, sumSq: 0 },
  };
}

/**
 * Adds a channel's cell into the total row. Additive figures sum over channels
 * (in channel order, so the total equals the sum of the rows exactly); each
 * customer has one acquisition channel, so mature counts and values add too.
 * Conversion counts the orders of channels with traffic rows only.
 */
function addInto(total: CellTotals, t: CellTotals): void {
  total.orders += t.orders;
  total.revenue += t.revenue;
  total.revenueSq += t.revenueSq;
  total.returns += t.returns;
  total.newCustomers += t.newCustomers;
  total.spend += t.spend;
  total.spendRows += t.spendRows;
  total.sessions += t.sessions;
  total.trafficRows += t.trafficRows;
  if (t.trafficRows > 0) total.convertingOrders += t.orders;
  total.promoters += t.promoters;
  total.detractors += t.detractors;
  total.answers += t.answers;
  total.retention.successes += t.retention.successes;
  total.retention.trials += t.retention.trials;
  total.clv.n += t.clv.n;
  total.clv.sum += t.clv.sum;
  total.clv.sumSq += t.clv.sumSq;
}
