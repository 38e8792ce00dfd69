/**
 * Output format registry: its keys feed the --format choices.
 */
import type { MetricKey } from '../../model.js';
import type { Report } from '../model.js';
import type { BaseRenderOptions, Registry } from '../renderers.js';
import { renderCsvComma, renderTsv } from './csv.js';
import { renderJson, renderNdjson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';

export interface RenderOptions extends BaseRenderOptions {
  allPeriods: boolean;
  metrics: readonly MetricKey[];
  shape: 'wide' | 'long';
}


export const RENDERERS = {
  table: renderTable,
  csv: renderCsvComma,
  tsv: renderTsv,
  json: (r, o) => renderJson(r, o.metrics),
  ndjson: (r, o) => renderNdjson(r, o.metrics),
  markdown: renderMarkdown,
} satisfies Registry<Report, RenderOptions>;

export { OUTPUT_FORMATS, type OutputFormat } from '../renderers.js';
