/**
 * RFC 4180 writing, shared by every csv/tsv output: one header row, CRLF line
 * ends, fields quoted only when they hold the delimiter, a quote, CR or LF;
 * numbers raw (no grouping, no exponent, no symbols); null as an empty cell.
 * `decimalComma` writes `;`-delimited text with decimal commas for spreadsheets
 * in such locales.
 */
export type CsvCell = string | number | boolean | null | undefined;

export interface CsvOptions {
  delimiter: ',' | ';' | '\t';
  decimalComma: boolean;
}

export const CSV: CsvOptions = { delimiter: ',', decimalComma: false };
export const TSV: CsvOptions = { delimiter: '\t', decimalComma: false };
export const CSV_DECIMAL_COMMA: CsvOptions = { delimiter: ';', decimalComma: true };

/**
 * A number as plain decimal text, never in exponent form.
 * @example plainNumber(1e-7) // '0.0000001'
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const s = String(n);
  if (!/e/i.test(s)) return s;
  const fixed = Math.abs(n) < 1 ? n.toFixed(20) : BigInt(Math.round(n)).toString();
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

export function csvCell(v: CsvCell, opts: CsvOptions): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    const s = plainNumber(v);
    return opts.decimalComma ? s.replace('.', ',') : s;
  }
  const s = typeof v === 'boolean' ? String(v) : v;
  if (s.includes(opts.delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r')) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], opts: CsvOptions): string {
  const line = (cells: readonly CsvCell[]): string => cells.map((c) => csvCell(c, opts)).join(opts.delimiter);
  return [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}
