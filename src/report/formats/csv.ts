/**
 * csv/tsv: one header row, raw numbers, empty cells for null, stable columns.
 * wide: a row per period × channel, a column per metric (plus its n, CI,
 * benchmark and comparison columns where they apply); long: a row per
 * period × channel × metric with the same fields as columns. Both shapes are
 * built from one list of per-figure field groups, so they carry the same data.
 */
import type { MetricKey } from '../../model.js';
import { CSV, csvOptions, TSV, toCsv, type CsvCell, type CsvOptions } from '../csv.js';
import { hasSamplingError } from '../../stats/figure-interval.js';
import type { Change, Report, ReportRow } from '../model.js';

export interface CsvRenderOptions {
  metrics: readonly MetricKey[];
  shape: 'wide' | 'long';
  decimalComma: boolean;
  rawText?: boolean;
}

/** The benchmark value shown: the target, or the bound(s). */
function benchmarkText(b: ReportRow['benchmarks'][MetricKey]): CsvCell {
  if (!b) return null;
  if (b.target !== undefined) return b.target;
  if (b.min !== undefined && b.max !== undefined) return `${b.min}..${b.max}`;
  return b.min !== undefined ? `>=${b.min}` : b.max !== undefined ? `<=${b.max}` : null;
}

const changeCells = (c: Change | undefined): CsvCell[] => (c ? [c.value, c.change, c.change_pct, c.significant] : [null, null, null, null]);

/**
 * A group of per-figure fields: its column names (wide: `<metric>_<name>`, long:
 * `<name>`), whether the report has it for a metric (wide) or at all (long), and
 * its cells for one figure.
 */
interface FieldGroup {
  names: readonly string[];
  /** Wide shape: whether metric k gets these columns. */
  wide: (k: MetricKey) => boolean;
  /** Long shape: whether the report gets these columns. */
  long: boolean;
  cells: (r: ReportRow, k: MetricKey) => CsvCell[];
}

function fieldGroups(report: Report): FieldGroup[] {
  const intervals = report.settings.confidence !== null;
  const benchmarked = new Set(report.rows.flatMap((r) => Object.keys(r.benchmarks)));
  // Comparison columns are present whenever the flag was given (every row then has the object), empty where not computable.
  const previous = report.rows.some((r) => r.previous !== undefined);
  const baseline = report.rows.some((r) => r.baseline !== undefined);
  return [
    {
      names: ['n', 'ci_low', 'ci_high'],
      wide: (k) => intervals && hasSamplingError(k),
      long: true,
      cells: (r, k) => [r.n?.[k] ?? null, r.ci[k]?.[0] ?? null, r.ci[k]?.[1] ?? null],
    },
    {
      names: ['benchmark', 'delta', 'status', 'significant', 'sample'],
      wide: (k) => benchmarked.has(k),
      long: true,
      cells: (r, k) => {
        const b = r.benchmarks[k];
        return b ? [benchmarkText(b), b.delta, b.status, b.significant, b.sample ?? null] : [null, null, null, null, null];
      },
    },
    { names: ['previous', 'change', 'change_pct', 'change_significant'], wide: () => previous, long: previous, cells: (r, k) => changeCells(r.previous?.[k]) },
    {
      names: ['baseline', 'baseline_change', 'baseline_change_pct', 'baseline_change_significant'],
      wide: () => baseline,
      long: baseline,
      cells: (r, k) => changeCells(r.baseline?.[k]),
    },
  ];
}

function bounds(report: Report, r: ReportRow): [string, string, boolean] {
  return r.period ? [r.period.start, r.period.end, r.period.partial] : [report.window.start, report.window.end, report.window.partial];
}

export interface CellTable {
  header: string[];
  rows: CsvCell[][];
}

/** The wide or long table of the report: the one shape csv, tsv and xlsx write. */
export function reportTable(report: Report, metrics: readonly MetricKey[], shape: 'wide' | 'long'): CellTable {
  const groups = fieldGroups(report);
  // When the inputs name a currency, every row states it (money columns are in it).
  const currency = report.settings.currency ?? null;
  const cur: CsvCell[] = currency === null ? [] : [currency];
  const curHeader = currency === null ? [] : ['currency'];
  if (shape === 'long') {
    const used = groups.filter((g) => g.long);
    const header = ['period_start', 'period_end', 'partial', 'channel', ...curHeader, 'metric', 'value', ...used.flatMap((g) => g.names)];
    const rows: CsvCell[][] = [];
    for (const r of report.rows) {
      const [start, end, partial] = bounds(report, r);
      for (const k of metrics) rows.push([start, end, partial, r.channel, ...cur, k, r.metrics[k], ...used.flatMap((g) => g.cells(r, k))]);
    }
    return { header, rows };
  }
  const perMetric = metrics.map((k) => ({ k, used: groups.filter((g) => g.wide(k)) }));
  const header = ['period_start', 'period_end', 'partial', 'channel', ...curHeader, ...perMetric.flatMap(({ k, used }) => [k, ...used.flatMap((g) => g.names.map((n) => `${k}_${n}`))])];
  const rows = report.rows.map((r) => {
    const [start, end, partial] = bounds(report, r);
    return [start, end, partial, r.channel, ...cur, ...perMetric.flatMap(({ k, used }) => [r.metrics[k], ...used.flatMap((g) => g.cells(r, k))])];
  });
  return { header, rows };
}

export function renderCsv(report: Report, opts: CsvRenderOptions, base: CsvOptions): string {
  const o = csvOptions(base, opts.decimalComma, opts.rawText);
  const { header, rows } = reportTable(report, opts.metrics, opts.shape);
  return toCsv(header, rows, o);
}

export const renderCsvComma = (report: Report, opts: CsvRenderOptions): string => renderCsv(report, opts, CSV);
export const renderTsv = (report: Report, opts: CsvRenderOptions): string => renderCsv(report, opts, TSV);
