/**
 * csv/tsv: one header row, raw numbers, empty cells for null, stable columns.
 * wide: a row per period × channel, a column per metric (plus its CI and
 * benchmark columns where they apply); long: a row per period × channel × metric.
 */
import type { MetricKey } from '../../model.js';
import { CSV, CSV_DECIMAL_COMMA, TSV, toCsv, type CsvCell, type CsvOptions } from '../csv.js';
import { METRICS_WITH_INTERVAL } from '../../stats/figure-interval.js';
import type { Report, ReportRow } from '../model.js';

export interface CsvRenderOptions {
  metrics: readonly MetricKey[];
  shape: 'wide' | 'long';
  decimalComma: boolean;
}

const BENCH_COLUMNS = ['benchmark', 'delta', 'status', 'significant'] as const;

function bounds(report: Report, r: ReportRow): [string, string, boolean] {
  return r.period ? [r.period.start, r.period.end, r.period.partial] : [report.window.start, report.window.end, report.window.partial];
}

/** The benchmark value shown: the target, or the bound(s). */
function benchmarkText(b: ReportRow['benchmarks'][MetricKey]): CsvCell {
  if (!b) return null;
  if (b.target !== undefined) return b.target;
  if (b.min !== undefined && b.max !== undefined) return `${b.min}..${b.max}`;
  return b.min !== undefined ? `>=${b.min}` : b.max !== undefined ? `<=${b.max}` : null;
}

function benchCells(r: ReportRow, k: MetricKey): CsvCell[] {
  const b = r.benchmarks[k];
  if (!b) return [null, null, null, null];
  return [benchmarkText(b), b.delta, b.status, b.significant];
}

export interface CellTable {
  header: string[];
  rows: CsvCell[][];
}

/** The wide or long table of the report: the one shape csv, tsv and xlsx write. */
export function reportTable(report: Report, metrics: readonly MetricKey[], shape: 'wide' | 'long'): CellTable {
  const benchmarked = new Set(report.rows.flatMap((r) => Object.keys(r.benchmarks)));
  if (shape === 'long') {
    const header = ['period_start', 'period_end', 'channel', 'metric', 'value', 'ci_low', 'ci_high', ...BENCH_COLUMNS];
    const rows: CsvCell[][] = [];
    for (const r of report.rows) {
      const [start, end] = bounds(report, r);
      for (const k of metrics) {
        const ci = r.ci[k];
        rows.push([start, end, r.channel, k, r.metrics[k], ci?.[0] ?? null, ci?.[1] ?? null, ...benchCells(r, k)]);
      }
    }
    return { header, rows };
  }
  const header = ['period_start', 'period_end', 'partial', 'channel'];
  const withCi = metrics.filter((k) => (METRICS_WITH_INTERVAL as readonly MetricKey[]).includes(k) && report.settings.confidence !== null);
  for (const k of metrics) {
    header.push(k);
    if (withCi.includes(k)) header.push(`${k}_ci_low`, `${k}_ci_high`);
    if (benchmarked.has(k)) header.push(...BENCH_COLUMNS.map((c) => `${k}_${c}`));
  }
  const rows = report.rows.map((r) => {
    const [start, end, partial] = bounds(report, r);
    const line: CsvCell[] = [start, end, partial, r.channel];
    for (const k of metrics) {
      line.push(r.metrics[k]);
      if (withCi.includes(k)) line.push(r.ci[k]?.[0] ?? null, r.ci[k]?.[1] ?? null);
      if (benchmarked.has(k)) line.push(...benchCells(r, k));
    }
    return line;
  });
  return { header, rows };
}

export function renderCsv(report: Report, opts: CsvRenderOptions, base: CsvOptions): string {
  const o = opts.decimalComma && base.delimiter === ',' ? CSV_DECIMAL_COMMA : opts.decimalComma ? { ...base, decimalComma: true } : base;
  const { header, rows } = reportTable(report, opts.metrics, opts.shape);
  return toCsv(header, rows, o);
}

export const renderCsvComma = (report: Report, opts: CsvRenderOptions): string => renderCsv(report, opts, CSV);
export const renderTsv = (report: Report, opts: CsvRenderOptions): string => renderCsv(report, opts, TSV);
