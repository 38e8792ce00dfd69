/**
 * Output format registry: its keys feed the --format choices.
 */
import type { ChalkInstance } from 'chalk';
import type { MetricKey } from '../../model.js';
import type { Report } from '../model.js';
import type { DisplayOptions } from '../number-format.js';
import { renderCsvComma, renderTsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson, renderNdjson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';
import { renderXlsx } from './xlsx.js';

export interface RenderOptions {
  display: DisplayOptions;
  width: number;
  chalk: ChalkInstance;
  allPeriods: boolean;
  metrics: readonly MetricKey[];
  shape: 'wide' | 'long';
  decimalComma: boolean;
}

/** Text formats return a string; binary ones (xlsx) the bytes, asynchronously. */
export type Rendered = string | Uint8Array;
export type Renderer = (report: Report, opts: RenderOptions) => Rendered | Promise<Rendered>;

/** Formats whose output is bytes, not text: they need --output FILE. */
export const BINARY_FORMATS: readonly string[] = ['xlsx'];

export const RENDERERS = {
  table: renderTable,
  csv: renderCsvComma,
  tsv: renderTsv,
  json: (r, o) => renderJson(r, o.metrics),
  ndjson: (r, o) => renderNdjson(r, o.metrics),
  markdown: renderMarkdown,
  html: renderHtml,
  xlsx: (r, o) => renderXlsx(r, o),
} satisfies Record<string, Renderer>;

export type OutputFormat = keyof typeof RENDERERS;
export const OUTPUT_FORMATS = Object.keys(RENDERERS) as OutputFormat[];
