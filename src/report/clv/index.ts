/**
 * clv output formats; the registry's keys feed the --format choices. csv, tsv
 * and ndjson are flat (one record per channel row, see rows.ts); json is the
 * whole channelbench.clv/v1 document.
 */
import type { ChalkInstance } from 'chalk';
import { CSV, csvOptions, TSV, toCsv, type CsvOptions } from '../csv.js';
import type { DisplayOptions } from '../number-format.js';
import type { ClvDoc } from './model.js';
import { clvColumns, clvRecord } from './rows.js';

export interface ClvRenderOptions {
  display: DisplayOptions;
  width: number;
  chalk: ChalkInstance;
  decimalComma: boolean;
  /** --raw-text: csv/tsv text cells as they are, without the formula guard (report/csv.ts). */
  rawText?: boolean;
}

export type ClvRenderer = (doc: ClvDoc, opts: ClvRenderOptions) => string | Promise<string>;

/** csv/tsv: channel names and notes are spreadsheet-safe text (`safeText`) unless --raw-text, like report's csv. */
function renderCsv(doc: ClvDoc, base: CsvOptions, decimalComma: boolean, rawText = false): string {
  const cols = clvColumns(doc);
  return toCsv(cols, doc.rows.map((r) => {
    const rec = clvRecord(doc, r);
    return cols.map((c) => rec[c]);
  }), csvOptions(base, decimalComma, rawText));
}

export const CLV_RENDERERS = {
  // The drawing formats load when asked for (docs/performance.md, "Start-up").
  table: async (doc, o) => (await import('./table.js')).renderClvTable(doc, o),
  csv: (doc, o) => renderCsv(doc, CSV, o.decimalComma, o.rawText),
  tsv: (doc, o) => renderCsv(doc, TSV, o.decimalComma, o.rawText),
  json: (doc) => JSON.stringify(doc, null, 2) + '\n',
  ndjson: (doc) => doc.rows.map((r) => JSON.stringify(clvRecord(doc, r)) + '\n').join(''),
  markdown: async (doc, o) => (await import('./markdown.js')).renderClvMarkdown(doc, o.display),
} satisfies Record<string, ClvRenderer>;

export type ClvFormat = keyof typeof CLV_RENDERERS;
export const CLV_FORMATS = Object.keys(CLV_RENDERERS) as ClvFormat[];
