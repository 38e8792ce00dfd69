/**
 * The figure inputs: the one intermediate every engine produces and the finish
 * step reads (docs/warehouse.md). One cell of counts and sums per (period,
 * channel) and per period for the total row; every metric of SPEC §3 and its
 * interval is a function of one cell. Its size depends on periods × channels,
 * never on orders or customers.
 */
import { TOTAL_CHANNEL, type MetricSettings, type Period } from '../model.js';
import { assembleFigures, type Availability, type CellTotals } from './assemble-figures.js';
import type { PeriodFigures } from './figures.js';

export type { Availability, CellTotals };

export interface PeriodInputs {
  period: Period;
  /** One cell per channel of `FigureInputs.channels`, index-aligned. */
  cells: CellTotals[];
  /** The total row's cell (distinct customers across channels; conversion over channels with traffic). */
  total: CellTotals;
}

export interface FigureInputs {
  /** Display names of every channel seen in any input (after aliasing). */
  channels: string[];
  /** Which inputs the run had; a metric needing an absent one is null. */
  has: Availability;
  periods: PeriodInputs[];
}

/** A cell of zeros. */
export function emptyCell(): CellTotals {
  return {
    orders: 0,
    revenue: 0,
    revenueSq: 0,
    returns: 0,
    customers: 0,
    returningCustomers: 0,
    newCustomers: 0,
    spend: 0,
    spendRows: 0,
    sessions: 0,
    trafficRows: 0,
    convertingOrders: 0,
    promoters: 0,
    detractors: 0,
    answers: 0,
    retention: { successes: 0, trials: 0 },
    clv: { n: 0, sum: 0, sumSq: 0 },
  };
}

/**
 * The finish step's engine half: figure inputs → figures per period (one row
 * per channel in `channels` order, then the total row). Never knows which
 * engine produced the inputs.
 */
export function finishFigures(inputs: FigureInputs, settings: MetricSettings): PeriodFigures[] {
  return inputs.periods.map(({ period, cells, total }) => ({
    period,
    rows: [
      ...cells.map((cell, c) => ({ channel: inputs.channels[c]!, ...assembleFigures(cell, inputs.has, settings, inputs.channels[c]!) })),
      { channel: TOTAL_CHANNEL, ...assembleFigures(total, inputs.has, settings) },
    ],
  }));
}
