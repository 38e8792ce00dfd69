/**
 * The channelbench.report/v1 document: built once, rendered many ways
 * (table, csv, json, ndjson, markdown), so formats cannot disagree.
 */
import { METRIC_KEYS, TOTAL_CHANNEL, type MetricKey, type MetricSettings, type Period, type PeriodUnit, type WeekStart } from '../model.js';
import type { FileReport } from '../model/input-report.js';
import type { Benchmarks } from '../benchmarks/schema.js';
import type { PeriodFigures, Samples } from '../metrics/index.js';
import { METRICS } from '../metrics/definitions.js';
import { formatDay } from '../periods/index.js';
import { baselineOf, benchmarksOf, changesOf, clean, cleanMoney, intervalsOf } from './enrich.js';
import { orderChannels } from './order.js';
import { REPORT_SCHEMA, type InputStats, type Report, type ReportPeriod, type ReportRow } from './schema.js';

export { clean } from './enrich.js';

export { REPORT_SCHEMA } from './schema.js';
export type { BenchmarkResult, Change, InputStats, Report, ReportPeriod, ReportRow } from './schema.js';

export interface ReportContext {
  window: { start: number; end: number };
  dataEnd: number;
  unit: PeriodUnit | undefined;
  weekStart: WeekStart;
  settings: MetricSettings;
  cancelledStatuses: string[];
  files: FileReport[];
  /** Confidence level of the intervals (null: none). */
  confidence?: number | null;
  benchmarks?: Benchmarks | null;
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
  }));
}

export function toReportPeriod(p: Period): ReportPeriod {
  return { label: p.label, start: formatDay(p.start), end: formatDay(p.end - 86_400_000), partial: p.partial };
}

/** Builds the report document from the engine's figures. */
export function buildReport(figures: PeriodFigures[], ctx: ReportContext): Report {
  const order = orderChannels(figures);
  const rows: ReportRow[] = [];
  const confidence = ctx.confidence ?? null;
  const windowStart = formatDay(ctx.window.start);
  const baseRows = new Map((ctx.baseline?.rows ?? []).map((r) => [`${r.period?.start ?? ctx.baseline!.window.start}|${r.channel}`, r]));
  figures.forEach((pf, p) => {
    const period = ctx.unit === undefined ? null : toReportPeriod(pf.period);
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
      const row: ReportRow = { period, channel: name, metrics, reasons, ci: confidence === null ? {} : intervalsOf(r, confidence), benchmarks: {} };
      if (ctx.benchmarks) row.benchmarks = benchmarksOf(row, ctx.benchmarks);
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
    window: { start: formatDay(ctx.window.start), end: formatDay(ctx.window.end - 86_400_000), data_end: formatDay(ctx.dataEnd), partial: ctx.window.end > ctx.dataEnd },
    period_unit: ctx.unit ?? null,
    periods: ctx.unit === undefined ? [] : figures.map((f) => toReportPeriod(f.period)),
    settings: {
      margin: ctx.settings.margin,
      retention_days: ctx.settings.retentionDays,
      clv_horizon_days: ctx.settings.clvHorizonDays,
      week_start: ctx.weekStart,
      cancelled_statuses: ctx.cancelledStatuses,
      confidence,
    },
    inputs: inputStats(ctx.files),
    channels: order,
    rows,
  };
}

export type { Samples };
