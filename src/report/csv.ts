/**
 * RFC 4180 writing, shared by every csv/tsv output: one header row, CRLF line
 * ends, fields quoted only when they hold the delimiter, a quote, CR or LF;
 * numbers raw (no grouping, no exponent, no symbols); null as an empty cell.
 * `decimalComma` writes `;`-delimited text with decimal commas for spreadsheets
 * in such locales. Text cells are spreadsheet-safe (`safeText`) unless
 * `rawText` is set.
 */
export type CsvCell = string | number | boolean | null | undefined;

export interface CsvOptions {
  delimiter: ',' | ';' | '\t';
  decimalComma: boolean;
  /** --raw-text: write text cells as they are (no leading `'` on formula-like text). */
  rawText?: boolean;
}

export const CSV: CsvOptions = { delimiter: ',', decimalComma: false };
export const TSV: CsvOptions = { delimiter: '\t', decimalComma: false };
export const CSV_DECIMAL_COMMA: CsvOptions = { delimiter: ';', decimalComma: true };

/** `decimalComma`: `;`-delimited csv (tab stays tab) with decimal commas; `rawText`: no formula guard on text cells. */
export function csvOptions(base: CsvOptions, decimalComma: boolean, rawText = false): CsvOptions {
  const o = !decimalComma ? base : base.delimiter === ',' ? CSV_DECIMAL_COMMA : { ...base, decimalComma: true };
  return rawText ? { ...o, rawText } : o;
}

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

/** First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection): = + - @ tab CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet shows as text: one starting with `=`, `+`, `-`,
 * `@`, tab or carriage return gets a leading `'` (numbers never come here).
 * @example safeText('=1+1') // "'=1+1"
 */
export function safeText(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

export function csvCell(v: CsvCell, opts: CsvOptions): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    const s = plainNumber(v);
    return opts.decimalComma ? s.replace('.', ',') : s;
  }
  const s = typeof v === 'boolean' ? String(v) : opts.rawText ? v : safeText(v);
  if (s.includes(opts.delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r')) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], opts: CsvOptions): string {
  const line = (cells: readonly CsvCell[]): string => cells.map((c) => csvCell(c, opts)).join(opts.delimiter);
  return [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}
