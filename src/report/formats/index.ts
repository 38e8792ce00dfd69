/**
 * Output format registry: its keys feed the --format choices.
 */
import type { MetricKey } from '../../model.js';
import type { Report } from '../model.js';
import type { BaseRenderOptions, Registry } from '../renderers.js';
import { renderCsvComma, renderTsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson, renderNdjson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';
import { renderXlsx } from './xlsx.js';

export interface RenderOptions extends BaseRenderOptions {
  allPeriods: boolean;
  metrics: readonly MetricKey[];
  shape: 'wide' | 'long';
}

export { BINARY_FORMATS, type Rendered } from '../renderers.js';

export const RENDERERS = {
  table: renderTable,
  csv: renderCsvComma,
  tsv: renderTsv,
  json: (r, o) => renderJson(r, o.metrics),
  ndjson: (r, o) => renderNdjson(r, o.metrics),
  markdown: renderMarkdown,
  html: renderHtml,
  xlsx: (r, o) => renderXlsx(r, o),
} satisfies Registry<Report, RenderOptions>;

export { OUTPUT_FORMATS, type OutputFormat } from '../renderers.js';
