/**
 * `report --format xlsx`: one workbook with the wide sheet (a row per period ×
 * channel), the long sheet (a row per period × channel × metric), the reasons
 * of the null figures, and the run's facts. The wide and long sheets are the
 * csv tables (one definition), with typed cells.
 */
import { METRIC_KEYS, type MetricKey } from '../../model.js';
import { METRICS } from '../../metrics/definitions.js';
import type { CsvCell } from '../csv.js';
import type { Report } from '../model.js';
import { reportTable } from './csv.js';
import { NUMBER_FORMATS, writeWorkbook, type ColumnKind, type SheetSpec } from './xlsx-book.js';

export interface XlsxOptions {
  metrics: readonly MetricKey[];
}

const DATES = new Set(['period_start', 'period_end']);
const TEXT = new Set(['channel', 'metric', 'currency', 'sample']);

function unitFormat(k: MetricKey): ColumnKind {
  return { number: NUMBER_FORMATS[METRICS[k].unit] };
}

/** The metric a column is about: `aov`, `aov_ci_low`, `aov_benchmark`, … */
function metricOf(column: string): MetricKey | null {
  let best: MetricKey | null = null;
  for (const k of METRIC_KEYS) if ((column === k || column.startsWith(`${k}_`)) && (best === null || k.length > best.length)) best = k;
  return best;
}

function columnKind(column: string, metric: MetricKey | null): ColumnKind {
  if (DATES.has(column)) return 'date';
  if (TEXT.has(column)) return 'text';
  if (column === 'partial' || column.endsWith('significant')) return 'boolean';
  if (column.endsWith('status')) return 'status';
  if (column.endsWith('_sample')) return 'text';
  if (column === 'n' || column.endsWith('_n') || column.endsWith('change_pct')) return { number: NUMBER_FORMATS.general };
  return metric ? unitFormat(metric) : { number: NUMBER_FORMATS.general };
}

export async function renderXlsx(report: Report, opts: XlsxOptions): Promise<Uint8Array> {
  const wide = reportTable(report, opts.metrics, 'wide');
  const wideKinds = wide.header.map((h) => columnKind(h, metricOf(h)));
  const long = reportTable(report, opts.metrics, 'long');
  const metricCol = long.header.indexOf('metric');
  const longKinds = long.header.map((h) => columnKind(h, null));
  const numeric = new Set(['value', 'ci_low', 'ci_high', 'delta', 'benchmark', 'previous', 'change', 'baseline', 'baseline_change']);
  const notes: CsvCell[][] = [];
  for (const r of report.rows) {
    for (const k of opts.metrics) {
      const why = r.reasons[k];
      if (why !== undefined) notes.push([r.period?.start ?? report.window.start, r.channel, k, why]);
    }
  }
  const sheets: SheetSpec[] = [
    { name: 'KPIs wide', header: wide.header, rows: wide.rows, kind: (c) => wideKinds[c]!, frozenColumns: 4 },
    {
      name: 'KPIs long',
      header: long.header,
      rows: long.rows,
      kind: (c, r) => (numeric.has(long.header[c]!) ? unitFormat(long.rows[r]![metricCol] as MetricKey) : longKinds[c]!),
      frozenColumns: 4,
    },
    { name: 'Null reasons', header: ['period_start', 'channel', 'metric', 'reason'], rows: notes, kind: (c) => (c === 0 ? 'date' : 'text') },
    { name: 'About', header: ['item', 'value'], rows: aboutRows(report), kind: (c, r) => (c === 1 && r < 3 ? 'date' : c === 1 ? { number: NUMBER_FORMATS.general } : 'text') },
  ];
  return writeWorkbook(sheets);
}

function aboutRows(report: Report): CsvCell[][] {
  const s = report.settings;
  return [
    ['window_start', report.window.start],
    ['window_end', report.window.end],
    ['data_end', report.window.data_end],
    ['schema', report.schema],
    ['period_unit', report.period_unit ?? 'none'],
    ['margin', s.margin],
    ['retention_days', s.retention_days],
    ['clv_horizon_days', s.clv_horizon_days],
    ['week_start', s.week_start],
    ['cancelled_statuses', s.cancelled_statuses.join(', ')],
    ['confidence', s.confidence],
    ...report.inputs.map((i): CsvCell[] => [`input ${i.role}`, `${i.file} (${i.format}, ${i.rows_read} rows read, ${i.rows_skipped} skipped)`]),
  ];
}
