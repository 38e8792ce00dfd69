/**
 * Output format registry: its keys feed the --format choices. Each renderer is
 * loaded when its format is asked for, not before (docs/performance.md,
 * "Start-up"): a JSON report loads no table drawing, a table no HTML or xlsx.
 */
import type { MetricKey } from '../../model.js';
import type { Report } from '../model.js';
import type { BaseRenderOptions, Registry } from '../renderers.js';

export interface RenderOptions extends BaseRenderOptions {
  allPeriods: boolean;
  metrics: readonly MetricKey[];
  shape: 'wide' | 'long';
}

export { BINARY_FORMATS, type Rendered } from '../renderers.js';

export const RENDERERS = {
  table: async (r, o) => (await import('./table.js')).renderTable(r, o),
  csv: async (r, o) => (await import('./csv.js')).renderCsvComma(r, o),
  tsv: async (r, o) => (await import('./csv.js')).renderTsv(r, o),
  json: async (r, o) => (await import('./json.js')).renderJson(r, o.metrics),
  ndjson: async (r, o) => (await import('./json.js')).renderNdjson(r, o.metrics),
  markdown: async (r, o) => (await import('./markdown.js')).renderMarkdown(r, o),
  html: async (r, o) => (await import('./html.js')).renderHtml(r, o),
  xlsx: async (r, o) => (await import('./xlsx.js')).renderXlsx(r, o),
} satisfies Registry<Report, RenderOptions>;

export { OUTPUT_FORMATS, type OutputFormat } from '../renderers.js';
