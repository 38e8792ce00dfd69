/**
 * The channelbench.report/v1 document: built once, rendered many ways
 * (table, csv, json, ndjson, markdown), so formats cannot disagree.
 */
import { METRIC_KEYS, TOTAL_CHANNEL, type MetricKey, type MetricSettings, type Period, type PeriodUnit, type WeekStart } from '../model.js';
import type { FileReport } from '../ingest/load.js';
import type { Benchmarks } from '../benchmarks/schema.js';
import type { PeriodFigures, Samples } from '../metrics/index.js';
import { METRICS } from '../metrics/definitions.js';
import { baselineOf, benchmarksOf, changesOf, clean, cleanMoney, intervalsOf, sampleSizesOf } from './enrich.js';
import { DEFAULT_MIN_SAMPLE } from '../benchmarks/schema.js';

export { clean } from './enrich.js';
import { formatLastDay, formatZonedDay, UTC_ZONE } from '../periods/index.js';
import { orderChannels } from './order.js';

export const REPORT_SCHEMA = 'channelbench.report/v1';

export interface ReportPeriod {
  label: string;
  start: string;
  /** Last day covered, inclusive. */
  end: string;
  partial: boolean;
}

/** A figure compared with its benchmark (SPEC §4). */
export interface BenchmarkResult {
  target?: number;
  min?: number;
  max?: number;
  delta: number | null;
  delta_pct: number | null;
  status: 'better' | 'on_target' | 'worse' | null;
  significant: boolean | null;
  /** 'insufficient': n below min_sample, or no interval (then significant is false). */
  sample?: 'insufficient';
  source?: string;
}

/** A figure against an earlier one (the previous period, or a baseline report). */
export interface Change {
  /** The earlier value. */
  value: number | null;
  change: number | null;
  change_pct: number | null;
  /** Whether the change is larger than noise; null without sampling error (or for a baseline). */
  significant: boolean | null;
}

export interface ReportRow {
  period: ReportPeriod | null;
  channel: string;
  metrics: Record<MetricKey, number | null>;
  reasons: Partial<Record<MetricKey, string>>;
  /** Sample size of each non-null figure with sampling error (orders, sessions, customers, mature customers, answers). */
  n: Partial<Record<MetricKey, number>>;
  /** Confidence intervals [low, high] of the figures with sampling error. */
  ci: Partial<Record<MetricKey, [number, number]>>;
  benchmarks: Partial<Record<MetricKey, BenchmarkResult>>;
  /** With --compare previous. */
  previous?: Partial<Record<MetricKey, Change>>;
  /** With --baseline FILE. */
  baseline?: Partial<Record<MetricKey, Change>>;
}

export interface InputStats {
  role: string;
  file: string;
  format: string;
  rows_read: number;
  rows_skipped: number;
  rows_cancelled: number;
  continuation_lines: number;
  orders: number | null;
  /** Rows whose amount was converted into the report currency, per source currency (empty: none). */
  converted_rows: Record<string, number>;
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  window: { start: string; end: string; data_end: string; partial: boolean };
  period_unit: PeriodUnit | null;
  periods: ReportPeriod[];
  settings: {
    margin: number;
    retention_days: number;
    clv_horizon_days: number;
    week_start: WeekStart;
    /** Reporting time zone (IANA name): days, weeks, months and data end are this zone's. */
    timezone: string;
    /** The currency of every money figure (ISO 4217), or null when the inputs name none. */
    currency: string | null;
    cancelled_statuses: string[];
    /** Confidence level of the intervals, or null when none are computed. */
    confidence: number | null;
    /** The least n for a figure with sampling error to be significant (a benchmark entry may set its own). */
    min_sample: number;
  };
  inputs: InputStats[];
  channels: string[];
  rows: ReportRow[];
}

export interface ReportContext {
  window: { start: number; end: number };
  dataEnd: number;
  unit: PeriodUnit | undefined;
  weekStart: WeekStart;
  /** Reporting time zone (default UTC). */
  timeZone?: string | undefined;
  /** Report currency, when known. */
  currency?: string | null | undefined;
  settings: MetricSettings;
  cancelledStatuses: string[];
  files: FileReport[];
  /** Confidence level of the intervals (null: none). */
  confidence?: number | null;
  benchmarks?: Benchmarks | null;
  /** The run's min_sample (config settings.min_sample, else 30). */
  minSample?: number;
  /** With --compare previous: the figures of each period's previous period, aligned with `figures`. */
  previous?: PeriodFigures[] | null;
  /** With --baseline: the earlier report. */
  baseline?: Report | null;
}

/** The per-file input statistics every machine-readable output carries. */
export function inputStats(files: FileReport[]): InputStats[] {
  return files.map((f) => ({
    role: f.role,
    file: f.file,
    format: f.format,
    rows_read: f.counts.rowsRead,
    rows_skipped: f.counts.invalidRows,
    rows_cancelled: f.counts.cancelledRows,
    continuation_lines: f.counts.continuationLines,
    orders: f.role === 'orders' ? f.counts.orders : null,
    converted_rows: Object.fromEntries(Object.entries(f.counts.converted).sort(([a], [b]) => (a < b ? -1 : 1))),
  }));
}

/** A period as days of the reporting time zone (`end` = its last day, inclusive). */
export function toReportPeriod(p: Period, zone: string = UTC_ZONE): ReportPeriod {
  return { label: p.label, start: formatZonedDay(p.start, zone), end: formatLastDay(p.end, zone), partial: p.partial };
}

/** Builds the report document from the engine's figures. */
export function buildReport(figures: PeriodFigures[], ctx: ReportContext): Report {
  const order = orderChannels(figures);
  const rows: ReportRow[] = [];
  const confidence = ctx.confidence ?? null;
  const minSample = ctx.minSample ?? DEFAULT_MIN_SAMPLE;
  const zone = ctx.timeZone ?? UTC_ZONE;
  const windowStart = formatZonedDay(ctx.window.start, zone);
  const baseRows = new Map((ctx.baseline?.rows ?? []).map((r) => [`${r.period?.start ?? ctx.baseline!.window.start}|${r.channel}`, r]));
  figures.forEach((pf, p) => {
    const period = ctx.unit === undefined ? null : toReportPeriod(pf.period, zone);
    const byName = new Map(pf.rows.map((r) => [r.channel, r]));
    const prevByName = ctx.previous ? new Map(ctx.previous[p]!.rows.map((r) => [r.channel, r])) : null;
    for (const name of [...order, TOTAL_CHANNEL]) {
      const r = byName.get(name);
      if (!r) continue;
      const metrics = {} as Record<MetricKey, number | null>;
      for (const k of METRIC_KEYS) metrics[k] = METRICS[k].unit === 'money' ? cleanMoney(r.metrics[k]) : clean(r.metrics[k]);
      const reasons: Partial<Record<MetricKey, string>> = {};
      for (const k of METRIC_KEYS) {
        const why = r.reasons[k];
        if (metrics[k] === null && why !== undefined) reasons[k] = why;
      }
      const row: ReportRow = { period, channel: name, metrics, reasons, n: sampleSizesOf(r), ci: confidence === null ? {} : intervalsOf(r, confidence), benchmarks: {} };
      if (ctx.benchmarks) row.benchmarks = benchmarksOf(row, ctx.benchmarks, minSample);
      const prev = prevByName?.get(name);
      if (prevByName) row.previous = prev ? changesOf(row, r, prev, confidence ?? 0.95) : {};
      if (ctx.baseline) {
        const base = baseRows.get(`${period?.start ?? windowStart}|${name}`);
        row.baseline = base ? baselineOf(row, base) : {};
      }
      rows.push(row);
    }
  });
  return {
    schema: REPORT_SCHEMA,
    window: { start: windowStart, end: formatLastDay(ctx.window.end, zone), data_end: formatZonedDay(ctx.dataEnd, zone), partial: ctx.window.end > ctx.dataEnd },
    period_unit: ctx.unit ?? null,
    periods: ctx.unit === undefined ? [] : figures.map((f) => toReportPeriod(f.period, zone)),
    settings: {
      margin: ctx.settings.margin,
      retention_days: ctx.settings.retentionDays,
      clv_horizon_days: ctx.settings.clvHorizonDays,
      week_start: ctx.weekStart,
      timezone: zone,
      currency: ctx.currency ?? null,
      cancelled_statuses: ctx.cancelledStatuses,
      confidence,
      min_sample: minSample,
    },
    inputs: inputStats(ctx.files),
    channels: order,
    rows,
  };
}

export type { Samples };
