/**
 * crosschannel output formats; the registry's keys feed the --format choices.
 */
import { renderCrossChannelXlsx } from '../formats/xlsx-docs.js';
import { CSV, csvOptions, TSV, toCsv, type CsvOptions } from '../csv.js';
import type { BaseRenderOptions, Registry } from '../renderers.js';
import { LONG_COLUMNS, longRows } from './long-rows.js';
import { renderCrossChannelHtml } from '../formats/html-crosschannel.js';
import { renderCrossChannelMarkdown } from './markdown.js';
import type { CrossChannelDoc } from './model.js';
import { renderCrossChannelTable } from './table.js';

export type CrossChannelRenderOptions = BaseRenderOptions;


function renderCsv(doc: CrossChannelDoc, base: CsvOptions, o: CrossChannelRenderOptions): string {
  return toCsv(LONG_COLUMNS, longRows(doc).map((r) => LONG_COLUMNS.map((k) => r[k])), csvOptions(base, o.decimalComma, o.rawText));
}

export const CROSSCHANNEL_RENDERERS = {
  table: (doc, o) => renderCrossChannelTable(doc, o),
  csv: (doc, o) => renderCsv(doc, CSV, o),
  tsv: (doc, o) => renderCsv(doc, TSV, o),
  json: (doc) => JSON.stringify(doc, null, 2) + '\n',
  ndjson: (doc) => longRows(doc).map((r) => JSON.stringify(r) + '\n').join(''),
  markdown: (doc, o) => renderCrossChannelMarkdown(doc, o.display),
  html: (doc, o) => renderCrossChannelHtml(doc, o.display),
  xlsx: (doc) => renderCrossChannelXlsx(doc),
} satisfies Registry<CrossChannelDoc>;

