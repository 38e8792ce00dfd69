/**
 * Reading a figure-inputs file (CSV with a header row, a JSON array or
 * `{ schema, rows }` document, or NDJSON), as warehouses export query results:
 * column names in any case (Snowflake upper-cases them), numbers as numbers or
 * text (BigQuery's JSON has INT64 as strings), booleans as true/false, t/f (psql) or 1/0,
 * null or an empty cell for the period unit of a one-period run.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { COLUMN_KIND, FIGURE_INPUT_COLUMNS, figureInputRowSchema, type ColumnKind, type FigureInputRow } from './schema.js';
import { SummaryTableError } from './table.js';

export type SummaryFormat = 'csv' | 'json' | 'ndjson';

/** The format of a file name: .json, .ndjson/.jsonl, else CSV. */
export function summaryFormatOf(file: string): SummaryFormat {
  const f = file.toLowerCase();
  if (f.endsWith('.json')) return 'json';
  if (f.endsWith('.ndjson') || f.endsWith('.jsonl')) return 'ndjson';
  return 'csv';
}

const KNOWN = new Set<string>(FIGURE_INPUT_COLUMNS);

function value(kind: ColumnKind, v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v !== 'string') {
    if (kind === 'bool' && (v === 0 || v === 1)) return v === 1;
    return v;
  }
  const s = v.trim();
  switch (kind) {
    case 'int':
    case 'number':
      return s === '' ? null : /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) ? Number(s) : v;
    case 'bool': {
      const l = s.toLowerCase();
      return ['true', 't', '1', 'yes'].includes(l) ? true : ['false', 'f', '0', 'no'].includes(l) ? false : v;
    }
    case 'nullable-text':
      return s === '' ? null : s;
    case 'day':
      // Warehouses may print a DATE as 2024-01-01 or a TIMESTAMP at midnight.
      return /^\d{4}-\d{2}-\d{2}([ T]00:00(:00(\.0+)?)?(Z|\+00(:?00)?| UTC)?)?$/.test(s) ? s.slice(0, 10) : v;
    default:
      return v;
  }
}

function shown(v: unknown): string {
  if (typeof v === 'bigint') return v.toString();
  try {
    return JSON.stringify(v ?? null);
  } catch {
    return String(v);
  }
}

/** One raw record (column → value) → a valid row, or the located problem. */
function toRow(record: Record<string, unknown>, n: number): FigureInputRow {
  const out: Record<string, unknown> = {};
  for (const [rawKey, v] of Object.entries(record)) {
    const key = rawKey.trim().toLowerCase();
    if (!KNOWN.has(key)) throw new SummaryTableError(n, rawKey, 'is not a column of channelbench.figure-inputs/v1');
    out[key] = value(COLUMN_KIND[key as keyof FigureInputRow], v);
  }
  for (const col of FIGURE_INPUT_COLUMNS) {
    if (!(col in out)) throw new SummaryTableError(n, col, 'the column is missing');
  }
  const parsed = figureInputRowSchema.safeParse(out);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const col = String(issue.path[0] ?? '');
    throw new SummaryTableError(n, col || null, `${issue.message} (value ${shown(record[Object.keys(record).find((k) => k.trim().toLowerCase() === col) ?? col])})`);
  }
  return parsed.data;
}

function records(text: string, format: SummaryFormat): Record<string, unknown>[] {
  switch (format) {
    case 'csv':
      return parseCsv(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, relax_column_count: false }) as Record<string, unknown>[];
    case 'ndjson':
      return text
        .split(/\r?\n/)
        .filter((l) => l.trim() !== '')
        .map((l, i) => {
          try {
            return JSON.parse(l) as Record<string, unknown>;
          } catch (err) {
            throw new SummaryTableError(i + 1, null, `not valid JSON (${(err as Error).message})`);
          }
        });
    case 'json': {
      let doc: unknown;
      try {
        doc = JSON.parse(text);
      } catch (err) {
        throw new SummaryTableError(null, null, `not valid JSON (${(err as Error).message})`);
      }
      const rows = Array.isArray(doc) ? doc : doc !== null && typeof doc === 'object' && Array.isArray((doc as { rows?: unknown }).rows) ? (doc as { rows: unknown[] }).rows : null;
      if (!rows) throw new SummaryTableError(null, null, 'expected an array of rows or an object with a "rows" array');
      return rows.map((r, i) => {
        if (r === null || typeof r !== 'object' || Array.isArray(r)) throw new SummaryTableError(i + 1, null, 'expected an object');
        return r as Record<string, unknown>;
      });
    }
  }
}

/**
 * Parses and validates every row.
 * @throws SummaryTableError (row numbers count data rows from 1), or csv-parse's error for broken CSV.
 */
export function parseFigureInputRows(text: string, format: SummaryFormat): FigureInputRow[] {
  return figureInputRowsOf(records(text, format));
}

/** Records as a query returns them (column → value) → valid rows. @throws SummaryTableError */
export function figureInputRowsOf(records: readonly Record<string, unknown>[]): FigureInputRow[] {
  return records.map((r, i) => toRow(r, i + 1));
}
