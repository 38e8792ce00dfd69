/**
 * The first half of `report`: some engine produces the figure inputs (in
 * process, in DuckDB or PostgreSQL, or someone else's warehouse via a summary
 * file); the second half (pipeline/report.ts) finishes them, never knowing which.
 */
import type { Config } from '../config/schema.js';
import { UsageError } from '../errors.js';
import { DEFAULT_CANCELLED_STATUSES } from '../ingest/dataset-builder.js';
import type { FileReport, ReadProgress } from '../ingest/load.js';
import { computeFigureInputs, type FigureInputs } from '../metrics/index.js';
import type { MetricSettings, Period, PeriodUnit, WeekStart } from '../model.js';
import { buildPeriods, formatZonedDay, parseZonedDay, startOfCalendarPeriod, UTC_ZONE } from '../periods/index.js';
import type { SummaryRun } from '../summary/table.js';
import type { InputFlags } from './inputs.js';
import { loadRun, requireOrders } from './load-run.js';
import { accountRows } from './row-accounting.js';
import { checkGridCost, resolveRunWindow } from './run-window.js';

export type Engine = 'in-process' | 'duckdb' | 'postgres';

/** What the engine-independent flags of `report` say about the run. */
export interface RunFlags {
  from: string | undefined;
  to: string | undefined;
  last: string | undefined;
  period: PeriodUnit | undefined;
  weekStart: WeekStart | undefined;
  /** --complete: only whole calendar periods (needs --period). */
  complete?: boolean | undefined;
  margin: number | undefined;
  retentionDays: number | undefined;
  clvHorizonDays: number | undefined;
  comparePrevious?: boolean | undefined;
}

export interface Produced {
  run: SummaryRun;
  /** The report's periods, and with --compare previous the period before the first one as well (first). */
  inputs: FigureInputs;
  withPrevious: boolean;
  files: FileReport[];
  config: Config;
  configFile: string | null;
  /** The reporting time zone the periods were built in (the SQL engines and summary files: UTC). */
  timeZone: string;
  /** The report currency, when the inputs name one (in-process engine only). */
  currency: string | null;
}

/** Flags override the config's settings; the config overrides the defaults. */
export function resolveMetricSettings(flags: RunFlags, config: Config): MetricSettings {
  return {
    margin: flags.margin ?? config.settings?.margin ?? 1,
    retentionDays: flags.retentionDays ?? config.settings?.retention_days ?? 90,
    clvHorizonDays: flags.clvHorizonDays ?? config.settings?.clv_horizon_days ?? 365,
  };
}

/** The period before a report's first one: the previous calendar period, or the equal-length window before. */
export function previousPeriod(first: Period, unit: PeriodUnit | undefined, weekStart: WeekStart, dataEnd: number, zone: string = UTC_ZONE): Period {
  let start: number;
  let end: number;
  if (unit === undefined) {
    end = first.start;
    start = first.start - (first.end - first.start);
  } else {
    end = parseZonedDay(first.label, zone);
    start = startOfCalendarPeriod(end - 1, unit, weekStart, zone);
  }
  return { label: formatZonedDay(start, zone), start, end, partial: false, asOf: Math.min(end, dataEnd) };
}

/** The periods an engine computes: the report's, preceded by the previous one with --compare previous. */
export function enginePeriods(periods: Period[], flags: RunFlags, weekStart: WeekStart, dataEnd: number, zone: string = UTC_ZONE): Period[] {
  return flags.comparePrevious && periods.length > 0 ? [previousPeriod(periods[0]!, flags.period, weekStart, dataEnd, zone), ...periods] : periods;
}

/** The in-process engine: read every input into memory, then compute. */
export async function produceInProcess(
  input: InputFlags,
  flags: RunFlags,
  cwd: string,
  stdin?: NodeJS.ReadableStream,
  progress?: (p: ReadProgress) => void,
): Promise<Produced> {
  for (const file of [...Object.values(input.files), input.dataDir ?? '']) {
    if (/\.parquet$/i.test(file)) {
      throw new UsageError('PARQUET_NEEDS_DUCKDB', `${file}: Parquet is read by the DuckDB engine only`, { hint: 'pass --engine duckdb' });
    }
  }
  const run = await loadRun(input, { cwd, require: ['orders'], invalidRows: input.skipInvalid ? 'skip' : 'fail', ...(stdin ? { stdin } : {}), progress });
  const ds = run.dataset;
  requireOrders(run);
  const settings = resolveMetricSettings(flags, run.config);
  const weekStart = flags.weekStart ?? run.config.settings?.week_start ?? 'monday';
  const zone = run.timeZone;
  const { window, dataEnd } = resolveRunWindow(ds.orders, flags, weekStart, zone);
  checkGridCost(window, flags.period, weekStart, ds.channels.length, zone, flags.comparePrevious ? 1 : 0);
  const periods = buildPeriods(window, dataEnd, flags.period, weekStart, zone);
  const engine = enginePeriods(periods, flags, weekStart, dataEnd, zone);
  accountRows(ds, run.files, { start: engine[0]?.start ?? window.start, windowEnd: window.end, dataEnd, otherRoles: true, zone });
  const inputs = computeFigureInputs(ds, engine, settings);
  return {
    run: { window, dataEnd, unit: flags.period, weekStart, settings, cancelledStatuses: run.config.settings?.cancelled_statuses ?? DEFAULT_CANCELLED_STATUSES, has: inputs.has },
    inputs,
    withPrevious: periods.length > 0 && flags.comparePrevious === true,
    files: run.files,
    config: run.config,
    configFile: run.configFile,
    timeZone: zone,
    currency: run.currency,
  };
}
