/**
 * The channelbench.report/v1 document: built once, rendered many ways
 * (table, csv, json, ndjson, markdown), so formats cannot disagree.
 */
import { METRIC_KEYS, TOTAL_CHANNEL, type MetricKey, type MetricSettings, type Period, type PeriodUnit, type WeekStart } from '../model.js';
import type { FileReport } from '../ingest/load.js';
import type { PeriodFigures, Samples } from '../metrics/index.js';
import { formatDay } from '../periods/index.js';
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
  source?: string;
}

export interface ReportRow {
  period: ReportPeriod | null;
  channel: string;
  metrics: Record<MetricKey, number | null>;
  reasons: Partial<Record<MetricKey, string>>;
  /** Confidence intervals [low, high] of the figures with sampling error. */
  ci: Partial<Record<MetricKey, [number, number]>>;
  benchmarks: Partial<Record<MetricKey, BenchmarkResult>>;
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
    cancelled_statuses: string[];
    /** Confidence level of the intervals, or null when none are computed. */
    confidence: number | null;
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
  settings: MetricSettings;
  cancelledStatuses: string[];
  files: FileReport[];
}

/** Machine outputs carry 12 significant digits: enough for any money sum, free of float noise (0.1 + 0.2). */
export function clean(x: number | null): number | null {
  if (x === null || !Number.isFinite(x)) return x === null || Number.isNaN(x) ? null : x;
  if (Number.isInteger(x)) return x;
  return Number(x.toPrecision(12));
}

export function toReportPeriod(p: Period): ReportPeriod {
  return { label: p.label, start: formatDay(p.start), end: formatDay(p.end - 86_400_000), partial: p.partial };
}

/** Builds the report document from the engine's figures. */
export function buildReport(figures: PeriodFigures[], ctx: ReportContext): Report {
  const order = orderChannels(figures);
  const rows: ReportRow[] = [];
  for (const pf of figures) {
    const period = ctx.unit === undefined ? null : toReportPeriod(pf.period);
    const byName = new Map(pf.rows.map((r) => [r.channel, r]));
    for (const name of [...order, TOTAL_CHANNEL]) {
      const r = byName.get(name);
      if (!r) continue;
      const metrics = {} as Record<MetricKey, number | null>;
      for (const k of METRIC_KEYS) metrics[k] = clean(r.metrics[k]);
      const reasons: Partial<Record<MetricKey, string>> = {};
      for (const k of METRIC_KEYS) {
        const why = r.reasons[k];
        if (metrics[k] === null && why !== undefined) reasons[k] = why;
      }
      rows.push({ period, channel: name, metrics, reasons, ci: {}, benchmarks: {} });
    }
  }
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
      confidence: null,
    },
    inputs: ctx.files.map((f) => ({
      role: f.role,
      file: f.file,
      format: f.format,
      rows_read: f.counts.rowsRead,
      rows_skipped: f.counts.invalidRows,
      rows_cancelled: f.counts.cancelledRows,
      continuation_lines: f.counts.continuationLines,
      orders: f.role === 'orders' ? f.counts.orders : null,
    })),
    channels: order,
    rows,
  };
}

export type { Samples };
