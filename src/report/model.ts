/**
 * The channelbench.report/v1 document: built once, rendered many ways
 * (table, csv, json, ndjson, markdown), so formats cannot disagree.
 */
import { METRIC_KEYS, TOTAL_CHANNEL, type MetricKey, type MetricSettings, type Period, type PeriodUnit, type WeekStart } from '../model.js';
import type { FileReport } from '../model/input-report.js';
import type { Benchmarks } from '../benchmarks/schema.js';
import { DEFAULT_MIN_SAMPLE } from '../model/comparison.js';
import type { PeriodFigures, Samples } from '../metrics/index.js';
import { baselineOf, benchmarksOf, changesOf, cleanFigure, intervalsOf, sampleSizesOf } from './enrich.js';
import { formatLastDay, formatZonedDay, UTC_ZONE } from '../periods/index.js';
import { orderChannels } from './order.js';
import type { InputStats, Report, ReportFile, ReportPeriod, ReportRow } from './schema.js';
import { REPORT_SCHEMA } from './schema-id.js';

export { clean } from './enrich.js';

export { REPORT_SCHEMA } from './schema-id.js';
export type { BenchmarkResult, Change, InputStats, Report, ReportPeriod, ReportRow } from './schema.js';

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
  baseline?: ReportFile | null;
}

/** Rows of a file the figures use: rows read minus every other destination (the accounting identity). */
function rowsUsed(c: FileReport['counts'], role: string): number {
  if (role === 'orders') return c.orders - c.outside.rows;
  return c.rowsRead - c.invalidRows - c.droppedRows - c.outside.rows;
}

/** The per-file input statistics every machine-readable output carries. */
export function inputStats(files: FileReport[]): InputStats[] {
  return files.map((f) => ({
    role: f.role,
    file: f.file,
    format: f.format,
    rows_read: f.counts.rowsRead,
    rows_used: rowsUsed(f.counts, f.role),
    rows_skipped: f.counts.invalidRows,
    rows_cancelled: f.counts.cancelledRows,
    rows_merged: f.counts.mergedRows,
    continuation_lines: f.counts.continuationLines,
    rows_outside: f.counts.outside.rows,
    rows_dropped: f.counts.droppedRows,
    orders: f.role === 'orders' ? f.counts.orders : null,
    zero_value_orders: f.role === 'orders' ? f.counts.zeroValueOrders : null,
    line_conflicts:
      f.role === 'orders' && !f.counts.notCounted?.includes('line_conflicts')
        ? { date: f.counts.conflicts.date, customer_id: f.counts.conflicts.customer, channel: f.counts.conflicts.channel }
        : null,
    converted_rows: Object.fromEntries(Object.entries(f.counts.converted).sort(([a], [b]) => (a < b ? -1 : 1))),
    ...(f.counts.notCounted?.length ? { not_counted: [...f.counts.notCounted] } : {}),
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
      for (const k of METRIC_KEYS) metrics[k] = cleanFigure(k, r.metrics[k]);
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
