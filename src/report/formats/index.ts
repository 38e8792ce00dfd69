/**
 * Output format registry: its keys feed the --format choices.
 */
import type { ChalkInstance } from 'chalk';
import type { MetricKey } from '../../model.js';
import type { Report } from '../model.js';
import type { DisplayOptions } from '../number-format.js';
import { renderCsvComma, renderTsv } from './csv.js';
import { renderJson, renderNdjson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';

export interface RenderOptions {
  display: DisplayOptions;
  width: number;
  chalk: ChalkInstance;
  allPeriods: boolean;
  metrics: readonly MetricKey[];
  shape: 'wide' | 'long';
  decimalComma: boolean;
  /** --raw-text: csv/tsv text cells as they are. */
  rawText?: boolean;
}

export type Renderer = (report: Report, opts: RenderOptions) => string;

export const RENDERERS = {
  table: renderTable,
  csv: renderCsvComma,
  tsv: renderTsv,
  json: (r, o) => renderJson(r, o.metrics),
  ndjson: (r, o) => renderNdjson(r, o.metrics),
  markdown: renderMarkdown,
} satisfies Record<string, Renderer>;

export type OutputFormat = keyof typeof RENDERERS;
export const OUTPUT_FORMATS = Object.keys(RENDERERS) as OutputFormat[];
