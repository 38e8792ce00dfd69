/**
 * Figure inputs ↔ the flat channelbench.figure-inputs/v1 table.
 */
import { TOTAL_CHANNEL, channelKey, type MetricSettings, type Period, type PeriodUnit, type WeekStart } from '../model.js';
import { emptyCell, type Availability, type CellTotals, type FigureInputs } from '../metrics/index.js';
import { buildPeriods, formatDay, parseDay, type Window } from '../periods/index.js';
import type { FigureInputRow } from './schema.js';
import { FIGURE_INPUTS_SCHEMA } from './schema-id.js';

/** What a figure-inputs table says about its run, besides the cells. */
export interface SummaryRun {
  window: Window;
  dataEnd: number;
  unit: PeriodUnit | undefined;
  weekStart: WeekStart;
  settings: MetricSettings;
  cancelledStatuses: string[];
  has: Availability;
}

/** A problem with the table as a whole (rows are numbered from 1, data rows only). */
export class SummaryTableError extends Error {
  constructor(
    readonly row: number | null,
    readonly column: string | null,
    message: string,
  ) {
    super(message);
  }
}

type RunColumns = Pick<
  FigureInputRow,
  | 'schema'
  | 'window_start'
  | 'window_end'
  | 'data_end'
  | 'period_unit'
  | 'week_start'
  | 'margin'
  | 'retention_days'
  | 'clv_horizon_days'
  | 'cancelled_statuses'
  | 'has_spend'
  | 'has_traffic'
  | 'has_nps'
  | 'has_customer_ids'
>;

function runColumnsOf(run: SummaryRun): RunColumns {
  return {
    schema: FIGURE_INPUTS_SCHEMA,
    window_start: formatDay(run.window.start),
    window_end: formatDay(run.window.end - 86_400_000),
    data_end: formatDay(run.dataEnd),
    period_unit: run.unit ?? null,
    week_start: run.weekStart,
    margin: run.settings.margin,
    retention_days: run.settings.retentionDays,
    clv_horizon_days: run.settings.clvHorizonDays,
    cancelled_statuses: JSON.stringify(run.cancelledStatuses),
    has_spend: run.has.spend,
    has_traffic: run.has.traffic,
    has_nps: run.has.nps,
    has_customer_ids: run.has.customerIds,
  };
}

function cellColumnsOf(t: CellTotals) {
  return {
    orders: t.orders,
    revenue: t.revenue,
    revenue_sq: t.revenueSq,
    returns: t.returns,
    customers: t.customers,
    returning_customers: t.returningCustomers,
    new_customers: t.newCustomers,
    spend: t.spend,
    spend_rows: t.spendRows,
    sessions: t.sessions,
    traffic_rows: t.trafficRows,
    converting_orders: t.convertingOrders,
    promoters: t.promoters,
    detractors: t.detractors,
    answers: t.answers,
    retention_trials: t.retention.trials,
    retention_successes: t.retention.successes,
    clv_n: t.clv.n,
    clv_sum: t.clv.sum,
    clv_sum_sq: t.clv.sumSq,
  };
}

function cellOf(r: FigureInputRow): CellTotals {
  return {
    orders: r.orders,
    revenue: r.revenue,
    revenueSq: r.revenue_sq,
    returns: r.returns,
    customers: r.customers,
    returningCustomers: r.returning_customers,
    newCustomers: r.new_customers,
    spend: r.spend,
    spendRows: r.spend_rows,
    sessions: r.sessions,
    trafficRows: r.traffic_rows,
    convertingOrders: r.converting_orders,
    promoters: r.promoters,
    detractors: r.detractors,
    answers: r.answers,
    retention: { successes: r.retention_successes, trials: r.retention_trials },
    clv: { n: r.clv_n, sum: r.clv_sum, sumSq: r.clv_sum_sq },
  };
}

/** The table of figure inputs: per period, its channel rows in channel order, then the total row. */
export function toFigureInputRows(inputs: FigureInputs, run: SummaryRun): FigureInputRow[] {
  const head = runColumnsOf(run);
  const rows: FigureInputRow[] = [];
  for (const p of inputs.periods) {
    p.cells.forEach((cell, c) => rows.push({ ...head, period: p.period.label, channel: inputs.channels[c]!, ...cellColumnsOf(cell) }));
    rows.push({ ...head, period: p.period.label, channel: TOTAL_CHANNEL, ...cellColumnsOf(p.total) });
  }
  return rows;
}

const RUN_KEYS = Object.keys(runColumnsOf({
  window: { start: 0, end: 86_400_000 },
  dataEnd: 0,
  unit: undefined,
  weekStart: 'monday',
  settings: { margin: 1, retentionDays: 1, clvHorizonDays: 1 },
  cancelledStatuses: [],
  has: { spend: false, traffic: false, nps: false, customerIds: false },
})) as (keyof RunColumns)[];

/**
 * Rows (already valid one by one) → run and figure inputs. The periods are
 * rebuilt from the run's window, unit and data end (as every engine builds
 * them); each period needs its total row, a missing channel cell is zeros.
 * @throws SummaryTableError naming the row and column of the first problem.
 */
export function fromFigureInputRows(rows: readonly FigureInputRow[], periodsOverride?: Period[]): { run: SummaryRun; inputs: FigureInputs } {
  const first = rows[0];
  if (!first) throw new SummaryTableError(null, null, 'the table has no rows');
  rows.forEach((r, i) => {
    for (const k of RUN_KEYS) {
      if (r[k] !== first[k]) throw new SummaryTableError(i + 1, k, `"${String(r[k])}" differs from row 1 ("${String(first[k])}"); every row must describe the same run`);
    }
  });
  let cancelledStatuses: unknown;
  try {
    cancelledStatuses = JSON.parse(first.cancelled_statuses);
  } catch {
    cancelledStatuses = null;
  }
  if (!Array.isArray(cancelledStatuses) || !cancelledStatuses.every((s) => typeof s === 'string')) {
    throw new SummaryTableError(1, 'cancelled_statuses', 'expected a JSON array of strings, e.g. ["cancelled","canceled","voided"]');
  }
  const window = { start: parseDay(first.window_start), end: parseDay(first.window_end) + 86_400_000 };
  if (!(window.start < window.end)) throw new SummaryTableError(1, 'window_end', 'the window ends before it starts');
  const run: SummaryRun = {
    window,
    dataEnd: parseDay(first.data_end),
    unit: first.period_unit ?? undefined,
    weekStart: first.week_start,
    settings: { margin: first.margin, retentionDays: first.retention_days, clvHorizonDays: first.clv_horizon_days },
    cancelledStatuses: cancelledStatuses as string[],
    has: { spend: first.has_spend, traffic: first.has_traffic, nps: first.has_nps, customerIds: first.has_customer_ids },
  };
  const periods = periodsOverride ?? buildPeriods(run.window, run.dataEnd, run.unit, run.weekStart);
  const periodIndex = new Map(periods.map((p, i) => [p.label, i]));
  const channels: string[] = [];
  const channelIndex = new Map<string, number>();
  const cells = new Map<string, CellTotals>();
  const totals: (CellTotals | undefined)[] = periods.map(() => undefined);
  rows.forEach((r, i) => {
    const p = periodIndex.get(r.period);
    if (p === undefined) throw new SummaryTableError(i + 1, 'period', `${r.period} is not a period of the window ${first.window_start} … ${first.window_end}`);
    if (r.channel === TOTAL_CHANNEL) {
      if (totals[p]) throw new SummaryTableError(i + 1, 'channel', `a second total row for period ${r.period}`);
      totals[p] = cellOf(r);
      return;
    }
    const key = channelKey(r.channel);
    let c = channelIndex.get(key);
    if (c === undefined) {
      c = channels.length;
      channels.push(r.channel);
      channelIndex.set(key, c);
    }
    const id = `${p}|${c}`;
    if (cells.has(id)) throw new SummaryTableError(i + 1, 'channel', `a second row for period ${r.period}, channel ${r.channel}`);
    cells.set(id, cellOf(r));
  });
  const missing = periods.findIndex((_, p) => !totals[p]);
  if (missing >= 0) throw new SummaryTableError(null, 'channel', `period ${periods[missing]!.label} has no total row (channel "${TOTAL_CHANNEL}")`);
  return {
    run,
    inputs: {
      channels,
      has: run.has,
      periods: periods.map((period, p) => ({ period, cells: channels.map((_, c) => cells.get(`${p}|${c}`) ?? emptyCell()), total: totals[p]! })),
    },
  };
}
