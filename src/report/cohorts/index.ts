/**
 * cohorts output formats; the registry's keys feed the --format choices.
 * csv/tsv/ndjson are long: one row per cohort × channel × k with the columns
 * cohort_start, channel, k, size, retained_share, cumulative_value (empty/null
 * for cells not complete as of the data end).
 */
import { CSV, csvOptions, TSV, toCsv, type CsvCell, type CsvOptions } from '../csv.js';
import type { BaseRenderOptions, Registry } from '../renderers.js';
import type { CohortsDoc } from './model.js';

export type CohortsRenderOptions = BaseRenderOptions;


export const COHORT_COLUMNS = ['cohort_start', 'channel', 'k', 'size', 'retained_share', 'cumulative_value'] as const;

export function cohortLongRows(doc: CohortsDoc): CsvCell[][] {
  const rows: CsvCell[][] = [];
  for (const r of doc.cohorts) {
    for (let k = 0; k <= doc.horizon; k++) rows.push([r.cohort.label, r.channel, k, r.size, r.retained_share[k] ?? null, r.cumulative_value[k] ?? null]);
  }
  return rows;
}

function renderCsv(doc: CohortsDoc, base: CsvOptions, o: CohortsRenderOptions): string {
  return toCsv(COHORT_COLUMNS, cohortLongRows(doc), csvOptions(base, o.decimalComma, o.rawText));
}

function renderNdjson(doc: CohortsDoc): string {
  return cohortLongRows(doc)
    .map((cells) => JSON.stringify(Object.fromEntries(COHORT_COLUMNS.map((name, i) => [name, cells[i] ?? null]))) + '\n')
    .join('');
}

export const COHORTS_RENDERERS = {
  // The drawing formats load when asked for (docs/performance.md, "Start-up").
  table: async (doc, o) => (await import('./table.js')).renderCohortsTable(doc, o),
  csv: (doc, o) => renderCsv(doc, CSV, o),
  tsv: (doc, o) => renderCsv(doc, TSV, o),
  json: (doc) => JSON.stringify(doc, null, 2) + '\n',
  ndjson: (doc) => renderNdjson(doc),
  markdown: async (doc, o) => (await import('./markdown.js')).renderCohortsMarkdown(doc, o.display),
  html: async (doc, o) => (await import('../formats/html-cohorts.js')).renderCohortsHtml(doc, o.display),
  xlsx: async (doc) => (await import('../formats/xlsx-docs.js')).renderCohortsXlsx(COHORT_COLUMNS, cohortLongRows(doc)),
} satisfies Registry<CohortsDoc>;

