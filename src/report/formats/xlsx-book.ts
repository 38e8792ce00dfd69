/**
 * Workbook writing for every `--format xlsx`: typed cells (numbers with number
 * or percent formats, dates as dates, booleans, text as text — never a formula,
 * whatever it starts with), a frozen header row, column widths, status cells.
 * Cells are written by write-excel-file; its zip is then rewritten with fixed
 * timestamps so the same report gives the same bytes. write-excel-file (about
 * 80 modules) is loaded only when a workbook is written, not at start-up.
 */
import type { Cell, CellObject, Sheet } from 'write-excel-file/universal';
import { unzipSync, zipSync } from 'fflate';
import type { CsvCell } from '../csv.js';

/** How a column's cells are typed: a number format, a date, a boolean, text, or a benchmark status. */
export type ColumnKind = { number: string } | 'date' | 'boolean' | 'text' | 'status';

export interface SheetSpec {
  name: string;
  header: readonly string[];
  rows: readonly (readonly CsvCell[])[];
  /** The kind of cell (row r, column c); numbers default to a general format. */
  kind: (c: number, r: number) => ColumnKind;
  /** Columns frozen at the left (besides the header row). */
  frozenColumns?: number;
}

/** Excel number formats by metric unit. */
export const NUMBER_FORMATS = {
  money: '#,##0.00',
  count: '#,##0',
  fraction: '#,##0.00',
  rate: '0.0%',
  ratio: '0.00',
  score: '0.0',
  general: 'General',
} as const;

const STATUS_FILL = { better: '#DAFBE1', on_target: '#EAEEF2', worse: '#FFEBE9' } as const;
const FIXED_MTIME = new Date(Date.UTC(2000, 0, 1));

function isoDate(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

function typedCell(v: CsvCell, kind: ColumnKind): Cell {
  if (v === null || v === undefined) return null;
  if (kind === 'date' && typeof v === 'string') {
    const d = isoDate(v);
    if (d) return { value: d, type: Date, format: 'yyyy-mm-dd' };
  }
  if (typeof v === 'boolean') return { value: v, type: Boolean };
  if (typeof v === 'number') {
    const format = typeof kind === 'object' ? kind.number : NUMBER_FORMATS.general;
    return { value: v, type: Number, format: format === NUMBER_FORMATS.count && !Number.isInteger(v) ? NUMBER_FORMATS.fraction : format };
  }
  const cell: CellObject = { value: v, type: String };
  if (kind === 'status' && v in STATUS_FILL) {
    cell.backgroundColor = STATUS_FILL[v as keyof typeof STATUS_FILL];
    if (v !== 'on_target') cell.fontWeight = 'bold';
  }
  return cell;
}

function width(header: string, rows: readonly (readonly CsvCell[])[], c: number, kind: ColumnKind): number {
  let w = header.length;
  for (const row of rows) {
    const v = row[c];
    if (v === null || v === undefined) continue;
    const len = kind === 'date' ? 10 : typeof v === 'number' ? Math.min(16, String(Math.round(v * 100) / 100).length + 3) : String(v).length;
    if (len > w) w = len;
  }
  return Math.min(48, Math.max(8, w + 2));
}

export async function writeWorkbook(sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const books: Sheet<Blob>[] = sheets.map((s) => ({
    sheet: s.name,
    data: [
      s.header.map((h): Cell => ({ value: h, type: String, fontWeight: 'bold', bottomBorderStyle: 'thin' })),
      ...s.rows.map((row, r) => row.map((v, c) => typedCell(v, s.kind(c, r)))),
    ],
    columns: s.header.map((h, c) => ({ width: width(h, s.rows, c, s.kind(c, 0)) })),
    stickyRowsCount: 1,
    ...(s.frozenColumns ? { stickyColumnsCount: s.frozenColumns } : {}),
  }));
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const blob = await writeXlsxFile(books).toBlob();
  return normaliseZip(new Uint8Array(await blob.arrayBuffer()));
}

/** Re-zips the same entries (same order) with one fixed timestamp: the zip writer stamps the clock time otherwise. */
export function normaliseZip(zip: Uint8Array): Uint8Array {
  return zipSync(unzipSync(zip), { level: 6, mtime: FIXED_MTIME });
}
