/**
 * The `report` use case: read inputs, build periods, compute figures, and
 * return the channelbench.report/v1 document. Never prints, never exits.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseBenchmarks, readBenchmarksFile } from '../benchmarks/load.js';
import { DEFAULT_MIN_SAMPLE, type Benchmarks } from '../benchmarks/schema.js';
import { formatZodIssues } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { ConfigError, InputError } from '../errors.js';
import { type MetricSettings, type Period, type PeriodUnit, type WeekStart } from '../model.js';
import { DEFAULT_CANCELLED_STATUSES } from '../ingest/dataset-builder.js';
import type { FileReport, ReadProgress } from '../ingest/load.js';
import { computeFigures } from '../metrics/index.js';
import { buildPeriods, formatZonedDay, parseZonedDay, startOfCalendarPeriod, UTC_ZONE } from '../periods/index.js';
import { resolveRunWindow } from './run-window.js';
import { buildReport, type Report } from '../report/model.js';
import { reportSchema } from '../report/schema.js';
import type { InputFlags } from './inputs.js';
import { loadRun } from './load-run.js';

export interface ReportFlags {
  from: string | undefined;
  to: string | undefined;
  last: string | undefined;
  period: PeriodUnit | undefined;
  weekStart: WeekStart | undefined;
  complete?: boolean | undefined;
  margin: number | undefined;
  retentionDays: number | undefined;
  clvHorizonDays: number | undefined;
  /** --benchmarks FILE (else the config's `benchmarks`). */
  benchmarksFile?: string | undefined;
  confidence?: number | undefined;
  comparePrevious?: boolean | undefined;
  baselineFile?: string | undefined;
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

export async function runReport(
  input: InputFlags,
  flags: ReportFlags,
  cwd: string,
  stdin?: NodeJS.ReadableStream,
  progress?: (p: ReadProgress) => void,
): Promise<ReportResult> {
  const run = await loadRun(input, { cwd, require: ['orders'], invalidRows: input.skipInvalid ? 'skip' : 'fail', ...(stdin ? { stdin } : {}), progress });
  const ds = run.dataset;
  if (ds.orders.length === 0) {
    throw new InputError('NO_ORDERS', 'the orders input has no orders (after removing cancelled and invalid rows); nothing to report');
  }
  const settings = resolveMetricSettings(flags, run.config);
  const weekStart = flags.weekStart ?? run.config.settings?.week_start ?? 'monday';
  const zone = run.timeZone;
  const { window, dataEnd: end } = resolveRunWindow(ds.orders, flags, weekStart, zone);
  const periods = buildPeriods(window, end, flags.period, weekStart, zone);
  const benchmarks = await loadBenchmarks(flags.benchmarksFile, run.config, run.configFile, cwd);
  const baseline = flags.baselineFile === undefined ? null : await readBaseline(flags.baselineFile, cwd);
  let figures;
  let previous = null;
  if (flags.comparePrevious && periods.length > 0) {
    // One engine call over [previous of the first period, ...periods]: period i's previous is entry i.
    const all = computeFigures(ds, [previousPeriod(periods[0]!, flags.period, weekStart, end, zone), ...periods], settings);
    figures = all.slice(1);
    previous = all.slice(0, -1);
  } else {
    figures = computeFigures(ds, periods, settings);
  }
  const report = buildReport(figures, {
    confidence: flags.confidence ?? 0.95,
    benchmarks,
    minSample: run.config.settings?.min_sample ?? DEFAULT_MIN_SAMPLE,
    previous,
    baseline,
    window,
    dataEnd: end,
    unit: flags.period,
    weekStart,
    timeZone: zone,
    currency: run.currency,
    settings,
    cancelledStatuses: run.config.settings?.cancelled_statuses ?? DEFAULT_CANCELLED_STATUSES,
    files: run.files,
  });
  return { report, files: run.files, config: run.config };
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

/** --benchmarks FILE, else the config's inline `benchmarks` or a path to them (relative to the config file). */
export async function loadBenchmarks(file: string | undefined, config: Config, configFile: string | null, cwd: string): Promise<Benchmarks | null> {
  if (file !== undefined) return readBenchmarksFile(path.resolve(cwd, file), file);
  const b = config.benchmarks;
  if (b === undefined) return null;
  const label = configFile ?? 'channelbench.config.json';
  if (typeof b === 'string') {
    const dir = configFile ? path.dirname(path.resolve(cwd, configFile)) : cwd;
    return readBenchmarksFile(path.resolve(dir, b), b);
  }
  return parseBenchmarks(b, label, 'benchmarks');
}

/** An earlier JSON report of this tool, validated with the same schema. */
async function readBaseline(file: string, cwd: string): Promise<Report> {
  let text: string;
  try {
    text = await fs.readFile(path.resolve(cwd, file), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError('BASELINE_UNREADABLE', `--baseline ${file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : String(code)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError('BASELINE_NOT_JSON', `--baseline ${file}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigError('BASELINE_INVALID', `--baseline ${file}: not a channelbench.report/v1 document:\n${formatZodIssues(parsed.error.issues)}`, {
      hint: 'pass a report written by channelbench report --format json',
    });
  }
  return parsed.data as Report;
}
