/**
 * crosschannel output formats; the registry's keys feed the --format choices.
 */
import type { ChalkInstance } from 'chalk';
import { CSV, csvOptions, TSV, toCsv, type CsvOptions } from '../csv.js';
import type { DisplayOptions } from '../number-format.js';
import { LONG_COLUMNS, longRows } from './long-rows.js';
import { renderCrossChannelMarkdown } from './markdown.js';
import type { CrossChannelDoc } from './model.js';
import { renderCrossChannelTable } from './table.js';

export interface CrossChannelRenderOptions {
  display: DisplayOptions;
  width: number;
  chalk: ChalkInstance;
  decimalComma: boolean;
  /** --raw-text: csv/tsv text cells as they are. */
  rawText?: boolean;
}

export type CrossChannelRenderer = (doc: CrossChannelDoc, opts: CrossChannelRenderOptions) => string;

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
} satisfies Record<string, CrossChannelRenderer>;

export type CrossChannelFormat = keyof typeof CROSSCHANNEL_RENDERERS;
export const CROSSCHANNEL_FORMATS = Object.keys(CROSSCHANNEL_RENDERERS) as CrossChannelFormat[];
