/**
 * The `report` use case: read inputs, build periods, compute figures, and
 * return the channelbench.report/v1 document. Never prints, never exits.
 */
import type { Config } from '../config/schema.js';
import { InputError, UsageError } from '../errors.js';
import type { MetricSettings, PeriodUnit, WeekStart } from '../model.js';
import { DEFAULT_CANCELLED_STATUSES } from '../ingest/dataset-builder.js';
import type { FileReport } from '../ingest/load.js';
import { computeFigures } from '../metrics/index.js';
import { buildPeriods, dataEnd as computeDataEnd, resolveWindow } from '../periods/index.js';
import { buildReport, type Report } from '../report/model.js';
import type { InputFlags } from './inputs.js';
import { loadRun } from './load-run.js';

export interface ReportFlags {
  from: string | undefined;
  to: string | undefined;
  last: string | undefined;
  period: PeriodUnit | undefined;
  weekStart: WeekStart | undefined;
  margin: number | undefined;
  retentionDays: number | undefined;
  clvHorizonDays: number | undefined;
}

export interface ReportResult {
  report: Report;
  files: FileReport[];
  config: Config;
}

/** Flags override the config's settings; the config overrides the defaults. */
export function resolveMetricSettings(flags: ReportFlags, config: Config): MetricSettings {
  return {
    margin: flags.margin ?? config.settings?.margin ?? 1,
    retentionDays: flags.retentionDays ?? config.settings?.retention_days ?? 90,
    clvHorizonDays: flags.clvHorizonDays ?? config.settings?.clv_horizon_days ?? 365,
  };
}

export async function runReport(input: InputFlags, flags: ReportFlags, cwd: string, stdin?: NodeJS.ReadableStream): Promise<ReportResult> {
  const run = await loadRun(input, { cwd, require: ['orders'], invalidRows: input.skipInvalid ? 'skip' : 'fail', ...(stdin ? { stdin } : {}) });
  const ds = run.dataset;
  if (ds.orders.length === 0) {
    throw new InputError('NO_ORDERS', 'the orders input has no orders (after removing cancelled and invalid rows); nothing to report');
  }
  const settings = resolveMetricSettings(flags, run.config);
  const weekStart = flags.weekStart ?? run.config.settings?.week_start ?? 'monday';
  let firstTime = Infinity;
  for (const o of ds.orders) if (o.time < firstTime) firstTime = o.time;
  const end = computeDataEnd(ds.orders.map((o) => o.time));
  let window;
  try {
    window = resolveWindow(
      { ...(flags.from ? { from: flags.from } : {}), ...(flags.to ? { to: flags.to } : {}), ...(flags.last ? { last: flags.last } : {}), ...(flags.period ? { period: flags.period } : {}), weekStart },
      firstTime,
      end,
    );
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError('BAD_WINDOW', err.message);
    throw err;
  }
  const periods = buildPeriods(window, end, flags.period, weekStart);
  const figures = computeFigures(ds, periods, settings);
  const report = buildReport(figures, {
    window,
    dataEnd: end,
    unit: flags.period,
    weekStart,
    settings,
    cancelledStatuses: run.config.settings?.cancelled_statuses ?? DEFAULT_CANCELLED_STATUSES,
    files: run.files,
  });
  return { report, files: run.files, config: run.config };
}
