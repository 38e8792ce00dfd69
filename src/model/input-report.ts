/**
 * What reading the inputs reports, shared by ingest (which fills it), pipeline,
 * report (input statistics) and cli (validate output, progress, notes):
 * formats, column mappings, per-file counts and problems.
 */
import type { RowProblem } from '../errors.js';
import type { Field, Role } from '../model.js';

export const INPUT_FORMATS = ['csv', 'tsv', 'json', 'ndjson'] as const;

export type InputFormat = (typeof INPUT_FORMATS)[number];

export type MappingSource = 'flag' | 'config' | 'preset' | 'synonym' | 'constant';

export interface FieldMapping {
  field: Field;
  /** Source column name as in the header; null for a constant. */
  column: string | null;
  /** Index in the header; -1 for a constant. */
  index: number;
  source: MappingSource;
  /** The value used on every row (`--set`). */
  constant?: string;
}

export interface ColumnMapping {
  role: Role;
  fields: Partial<Record<Field, FieldMapping>>;
  /** revenue = quantity × unit_price (revenue unmapped, both mapped). */
  revenueFromLineItems: boolean;
}

/** Rows outside every period: how many, which dates, and the bound they missed. */
export interface OutsideRows {
  rows: number;
  first: number;
  last: number;
  /** Why they count nowhere, for the warning, e.g. `on or after the orders' data end (2011-12-10)`. */
  why: string;
  /** Their days in the reporting zone, `first … last` (or one day). */
  dates: string;
}

/** What one input file contributed, for `validate` and the JSON report. */
export interface FileCounts {
  rowsRead: number;
  invalidRows: number;
  /** Rows the preset recognised as not data (e.g. a GA4 totals row). */
  droppedRows: number;
  cancelledRows: number;
  continuationLines: number;
  /** Later lines of an order that carry a value, added to the order (orders role only). */
  mergedRows: number;
  /** Later lines of an order whose date, customer or channel differ from its first line. */
  lineConflicts: number;
  /** Of those, lines whose date / customer / channel differs (a line may count in several). */
  conflicts: { date: number; customer: number; channel: number };
  /** Orders after the line-item merge (orders role only). */
  orders: number;
  /** Orders whose lines sum to 0: neither purchases nor returns (set after the merge). */
  zeroValueOrders: number;
  /**
   * Rows (orders: orders) dated outside every figure's span, found once the
   * window is known (pipeline/row-accounting.ts): count and date range.
   */
  outside: OutsideRows;
  firstTime: number;
  lastTime: number;
  channels: Set<number>;
  /** Rows whose amount was converted into the report currency, per source currency. */
  converted: Record<string, number>;
  /** Statistics (JSON names) the engine cannot count, reported as null and listed in `not_counted` (the SQL engines: line_conflicts). */
  notCounted?: string[];
}

/** Progress of reading one file, reported after each batch of rows. */
export interface ReadProgress {
  file: string;
  bytesRead: number;
  /** File size in bytes, when known (not for stdin). */
  totalBytes: number | undefined;
  rows: number;
  done: boolean;
}

export interface ColumnStyle {
  field: Field;
  column: string;
  style: string;
}

export interface FileReport {
  role: Role;
  /** The file as given; for --engine postgres, the table. */
  file: string;
  /** How it was read: a text format, `parquet` (--engine duckdb) or `table` (--engine postgres). */
  format: InputFormat | 'parquet' | 'table';
  gzip: boolean;
  delimiter: string | null;
  bom: boolean;
  commentLines: number;
  preset: string | null;
  mapping: ColumnMapping;
  styles: ColumnStyle[];
  counts: FileCounts;
  problems: RowProblem[];
}

export interface ValidateResult {
  configFile: string | null;
  channels: string[];
  files: FileReport[];
  customers: number;
  /** Total invalid rows over all files. */
  invalidRows: number;
  /** --skip-invalid: invalid rows are reported but do not fail validation. */
  skipInvalid: boolean;
}

/** One raw (source, medium) pair of a traffic/orders file and the channel the grouping gave it (`channels --explain`). */
export interface PairCount {
  source: string;
  medium: string;
  channel: string;
  rule: string;
  rows: number;
}

/** What `channels` reports: the grouping used, every pair, rows per channel, the files read. */
export interface ChannelsResult {
  grouping: { name: string; version: string };
  /** Every pair, most rows first. */
  pairs: PairCount[];
  /** Rows per channel, most rows first. */
  channels: { channel: string; rows: number }[];
  files: FileReport[];
}
