/**
 * What the figure-inputs SQL is generated from (a plan) and how values are
 * written into it: one generator, two renderings. `literal` spells every value
 * inline, so `channelbench sql` prints a query that runs as is in a warehouse
 * console; `bound` writes PostgreSQL-style placeholders ($1 …) and collects the
 * values, so `report --engine postgres` sends them as bind parameters and the
 * query text holds no user value at all — only quoted identifiers.
 */
import type { Field, MetricSettings, PeriodUnit, WeekStart } from '../model.js';
import { stringLiteral, type Dialect, type DialectName } from './dialects.js';

/** A table and its columns: canonical field (or `line`, the input order) → the table's column name. */
export interface SqlSource {
  table: string;
  columns: Partial<Record<Field | 'line', string>>;
  /**
   * The `line` column is unique per row (a file's row number): the input order
   * then needs no tie-break, and line items are ordered by it without a window.
   * Set by the DuckDB engine; a warehouse's `orders.line` may repeat, so `sql` never sets it.
   */
  uniqueLine?: boolean | undefined;
}

export interface SqlSources {
  orders: SqlSource;
  spend?: SqlSource | undefined;
  traffic?: SqlSource | undefined;
  nps?: SqlSource | undefined;
}

export interface SqlPlan {
  dialect: DialectName;
  sources: SqlSources;
  /** The periods (as `buildPeriods` makes them): label, first covered day, exclusive end day; all yyyy-MM-dd. */
  periods: { label: string; start: string; end: string }[];
  /** The report's window, yyyy-MM-dd, end inclusive. */
  window: { start: string; end: string };
  unit: PeriodUnit | undefined;
  weekStart: WeekStart;
  settings: MetricSettings;
  cancelledStatuses: string[];
  aliases: Record<string, string>;
  /** Comment lines put at the top (tool version, settings). */
  header: string[];
  /**
   * CTEs that already exist as tables of these names (made by `prepareStatements`):
   * their definitions are left out, so the query reads the tables.
   */
  prebuilt?: readonly string[] | undefined;
}

/** A generated query: its text and, for the bound rendering, the values of $1, $2, … in order. */
export interface SqlQuery {
  sql: string;
  params: (string | number)[];
}

/** How the generator writes a value of the plan into the SQL text. */
export interface Values {
  /** A text value. */
  text(v: string): string;
  /** 00:00 UTC of a day (yyyy-MM-dd), of the type date columns are cast to. */
  day(v: string): string;
  /** A float (the margin). */
  float(v: number): string;
  /** A whole number (N, H). */
  int(v: number): string;
  /** The timestamp expression plus `hours` × 1 hour. */
  addHours(expr: string, hours: number): string;
}

export type Rendering = 'literal' | 'bound';

/** Inline literals, spelled by the dialect table. */
export function literalValues(d: Dialect): Values {
  return {
    text: (v) => stringLiteral(d, v),
    day: (v) => d.dayLiteral(v),
    float: (v) => `CAST(${v} AS ${d.float})`,
    int: (v) => String(v),
    addHours: (e, h) => d.addHours(e, h),
  };
}

/**
 * Placeholders $1 … (PostgreSQL's syntax), each cast to its type so the server
 * infers it; equal values of one type share a placeholder. `params` collects the values.
 */
export function boundValues(d: Dialect, params: (string | number)[]): Values {
  if (d.name !== 'postgres') throw new Error(`bound values are written for postgres, not ${d.name}`);
  const seen = new Map<string, string>();
  const param = (type: string, v: string | number): string => {
    const key = `${type}\u0000${String(v)}`;
    let ref = seen.get(key);
    if (ref === undefined) {
      params.push(v);
      ref = `CAST($${params.length} AS ${type})`;
      seen.set(key, ref);
    }
    return ref;
  };
  return {
    text: (v) => param(d.text, v),
    day: (v) => param('TIMESTAMP', `${v} 00:00:00`),
    float: (v) => param(d.float, v),
    int: (v) => param('INTEGER', v),
    addHours: (e, h) => `(${e} + ${param('INTEGER', h)} * INTERVAL '1 hour')`,
  };
}
