/**
 * The programmatic API: `runReport(options) → Report` (the
 * channelbench.report/v1 document every output is rendered from) and the
 * renderers. The CLI is one consumer of the same functions.
 *
 * @example
 * import { runReport, renderReport } from 'channelbench';
 * const report = await runReport({ data: 'exports/', period: 'month', benchmarks: 'benchmarks.json' });
 * const html = await renderReport(report, 'html');
 */
import { Chalk } from 'chalk';
import { METRIC_KEYS, type MetricKey, type PeriodUnit, type Role, type WeekStart } from './model.js';
import type { InputFlags } from './pipeline/inputs.js';
import { runReport as runReportPipeline } from './pipeline/report.js';
import { OUTPUT_FORMATS, RENDERERS, type OutputFormat, type Rendered, type RenderOptions } from './report/formats/index.js';
import type { Report } from './report/model.js';

export type { Report, ReportRow, ReportPeriod, BenchmarkResult, Change, InputStats } from './report/model.js';
export type { MetricKey, PeriodUnit, WeekStart, Role } from './model.js';
export type { OutputFormat, Rendered, RenderOptions } from './report/formats/index.js';
export { METRIC_KEYS, OUTPUT_FORMATS };
export { REPORT_SCHEMA } from './report/model.js';
export { METRICS } from './metrics/definitions.js';
export { renderHtml } from './report/formats/html.js';
export { renderXlsx } from './report/formats/xlsx.js';
export { renderCsvComma as renderCsv, renderTsv } from './report/formats/csv.js';
export { renderJson, renderNdjson } from './report/formats/json.js';
export { renderMarkdown } from './report/formats/markdown.js';
export { renderTable } from './report/formats/table.js';
export { ChannelbenchError, ConfigError, InputError, UsageError } from './errors.js';

export interface ReportOptions {
  /** A folder holding orders.*, spend.*, traffic.*, nps.* (like --data). */
  data?: string;
  /** Files per role (like --orders FILE …); they override `data`. */
  orders?: string;
  spend?: string;
  traffic?: string;
  nps?: string;
  /** Config file (like --config); default ./channelbench.config.json in `cwd` when present. */
  config?: string;
  /** `field=Column` mappings (like --map). */
  map?: string[];
  /** Known export presets (like --preset). */
  preset?: string[];
  from?: string;
  to?: string;
  /** e.g. '12w', '6m'. */
  last?: string;
  period?: PeriodUnit;
  weekStart?: WeekStart;
  margin?: number;
  retentionDays?: number;
  clvHorizonDays?: number;
  /** Benchmarks file (like --benchmarks); default: the config's. */
  benchmarks?: string;
  /** Confidence level of the intervals, default 0.95. */
  confidence?: number;
  /** Add each figure's previous-period value (like --compare previous). */
  comparePrevious?: boolean;
  /** An earlier JSON report to compare with (like --baseline). */
  baseline?: string;
  decimalComma?: boolean;
  skipInvalid?: boolean;
  /** Folder that relative paths are resolved against; default process.cwd(). */
  cwd?: string;
}

/** Reads the inputs and returns the report document (throws UsageError/ConfigError/InputError on bad input). */
export async function runReport(options: ReportOptions): Promise<Report> {
  const files: Partial<Record<Role, string>> = {};
  for (const role of ['orders', 'spend', 'traffic', 'nps'] as const) {
    const f = options[role];
    if (f !== undefined) files[role] = f;
  }
  const input: InputFlags = {
    dataDir: options.data,
    files,
    configFile: options.config,
    presets: options.preset ?? [],
    maps: options.map ?? [],
    sets: [],
    formatIn: {},
    delimiter: {},
    dateFormat: {},
    decimalComma: options.decimalComma,
    skipInvalid: options.skipInvalid ?? false,
    quiet: true,
    verbose: false,
  };
  const { report } = await runReportPipeline(
    input,
    {
      from: options.from,
      to: options.to,
      last: options.last,
      period: options.period,
      weekStart: options.weekStart,
      margin: options.margin,
      retentionDays: options.retentionDays,
      clvHorizonDays: options.clvHorizonDays,
      benchmarksFile: options.benchmarks,
      confidence: options.confidence,
      comparePrevious: options.comparePrevious,
      baselineFile: options.baseline,
    },
    options.cwd ?? process.cwd(),
  );
  return report;
}

export interface RenderReportOptions {
  /** BCP 47 locale of table/markdown/html numbers (default en-US). */
  locale?: string;
  /** ISO 4217 code shown with money (default none). */
  currency?: string;
  /** Terminal width of the table (default 80). */
  width?: number;
  /** Metrics to show, in order (default all). */
  metrics?: readonly MetricKey[];
  shape?: 'wide' | 'long';
  allPeriods?: boolean;
  decimalComma?: boolean;
}

/** Renders a report in any output format: a string, or the bytes of an xlsx workbook. */
export async function renderReport(report: Report, format: OutputFormat, options: RenderReportOptions = {}): Promise<Rendered> {
  const opts: RenderOptions = {
    display: { locale: options.locale ?? 'en-US', currency: options.currency },
    width: options.width ?? 80,
    chalk: new Chalk({ level: 0 }),
    allPeriods: options.allPeriods ?? false,
    metrics: options.metrics ?? METRIC_KEYS,
    shape: options.shape ?? 'wide',
    decimalComma: options.decimalComma ?? false,
  };
  return RENDERERS[format](report, opts);
}
