/**
 * crosschannel output formats; the registry's keys feed the --format choices.
 */
import { CSV, csvOptions, TSV, toCsv, type CsvOptions } from '../csv.js';
import type { BaseRenderOptions, Registry } from '../renderers.js';
import { LONG_COLUMNS, longRows } from './long-rows.js';
import type { CrossChannelDoc } from './model.js';

export type CrossChannelRenderOptions = BaseRenderOptions;


function renderCsv(doc: CrossChannelDoc, base: CsvOptions, o: CrossChannelRenderOptions): string {
  return toCsv(LONG_COLUMNS, longRows(doc).map((r) => LONG_COLUMNS.map((k) => r[k])), csvOptions(base, o.decimalComma, o.rawText));
}

export const CROSSCHANNEL_RENDERERS = {
  // The drawing formats load when asked for (docs/performance.md, "Start-up").
  table: async (doc, o) => (await import('./table.js')).renderCrossChannelTable(doc, o),
  csv: (doc, o) => renderCsv(doc, CSV, o),
  tsv: (doc, o) => renderCsv(doc, TSV, o),
  json: (doc) => JSON.stringify(doc, null, 2) + '\n',
  ndjson: (doc) => longRows(doc).map((r) => JSON.stringify(r) + '\n').join(''),
  markdown: async (doc, o) => (await import('./markdown.js')).renderCrossChannelMarkdown(doc, o.display),
  html: async (doc, o) => (await import('../formats/html-crosschannel.js')).renderCrossChannelHtml(doc, o.display),
  xlsx: async (doc) => (await import('../formats/xlsx-docs.js')).renderCrossChannelXlsx(doc),
} satisfies Registry<CrossChannelDoc>;

