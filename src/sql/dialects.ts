/**
 * The dialect table: every construct of the generated SQL whose spelling or
 * meaning differs between engines, as one small function per dialect. The SQL
 * of `channelbench sql` is assembled from these and from ANSI SQL that all five
 * engines read alike (CTEs, CASE, COUNT(DISTINCT), ROW_NUMBER() OVER, LEAST,
 * UNION ALL; no QUALIFY, no session settings: not Snowflake's WEEK_START, not
 * PostgreSQL's collation or TimeZone, not Databricks' session time zone).
 * src/sql/dialects.test.ts pins every primitive's text per dialect.
 */

export const DIALECTS = ['duckdb', 'postgres', 'bigquery', 'snowflake', 'databricks'] as const;
export type DialectName = (typeof DIALECTS)[number];

export interface Dialect {
  name: DialectName;
  /** Quotes an identifier (a column or table name as the user gave it). */
  ident(name: string): string;
  /** A table reference from a dotted name (`project.dataset.orders`), each part quoted. */
  table(name: string): string;
  /** The text type, for CAST(x AS …). */
  text: string;
  /** The double-precision float type, for CAST(x AS …): money is summed as floats, never as integers. */
  float: string;
  /** A UTC timestamp literal at 00:00 of `day` (yyyy-MM-dd), of the type the date columns are cast to. */
  dayLiteral(day: string): string;
  /** CAST of a source date column to that timestamp type (a TIMESTAMP in UTC, or a DATE). */
  toTimestamp(expr: string): string;
  /** 00:00 of the timestamp's day. */
  truncDay(expr: string): string;
  /** Start of the calendar week holding the timestamp, weeks starting Monday or Sunday, whatever the session says. */
  truncWeek(expr: string, start: 'monday' | 'sunday'): string;
  /** Start of the calendar month, quarter or year. */
  truncUnit(expr: string, unit: 'month' | 'quarter' | 'year'): string;
  /** The timestamp plus N × 24 hours (never calendar days: no DST, no month clamping). */
  addHours(expr: string, hours: number): string;
  /** A value whose ordering is the code-point order of the string (never a locale collation). */
  codePointKey(expr: string): string;
  /** The day of a timestamp as yyyy-MM-dd text. */
  dayText(expr: string): string;
  /**
   * SUM of money, rounded to 9 decimals (the precision of the order values): a
   * parallel engine adds in a different order on every run, and the rounding keeps
   * those last-bit differences out of the result, so the same data gives the same bytes.
   */
  sumFloat(expr: string): string;
  /** Rounds to 9 decimals (line sums, as the in-process engine rounds them). */
  round9(expr: string): string;
  /** Where this dialect differs, with the documentation it was checked against (printed in the SQL header). */
  notes: string[];
}

const doubleQuote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
/** Snowflake resolves unquoted names case-insensitively (as upper case): quote only names that need it. */
const snowflakeIdent = (name: string): string => (/^[A-Za-z_][A-Za-z0-9_$]*$/.test(name) ? name : doubleQuote(name));
const backtick = (name: string): string => `\`${name.replace(/`/g, '``')}\``;
const dotted = (quote: (s: string) => string) => (name: string) =>
  name
    .split('.')
    .map((part) => quote(part))
    .join('.');

/** DuckDB: https://duckdb.org/docs/sql/functions/date#date_truncpart-date (week = ISO week, Monday). */
const duckdb: Dialect = {
  name: 'duckdb',
  ident: doubleQuote,
  table: dotted(doubleQuote),
  text: 'VARCHAR',
  float: 'DOUBLE',
  dayLiteral: (day) => `TIMESTAMP '${day} 00:00:00'`,
  toTimestamp: (e) => `CAST(${e} AS TIMESTAMP)`,
  truncDay: (e) => `date_trunc('day', ${e})`,
  // date_trunc('week') is ISO (Monday); a Sunday week is the Monday week of the day after, one day earlier.
  truncWeek: (e, start) => (start === 'monday' ? `date_trunc('week', ${e})` : `(date_trunc('week', ${e} + INTERVAL 1 DAY) - INTERVAL 1 DAY)`),
  truncUnit: (e, unit) => `date_trunc('${unit}', ${e})`,
  addHours: (e, h) => `(${e} + INTERVAL (${h}) HOUR)`,
  // encode() gives the UTF-8 bytes as a BLOB; BLOBs compare bytewise = code-point order.
  codePointKey: (e) => `encode(${e})`,
  dayText: (e) => `strftime(${e}, '%Y-%m-%d')`,
  sumFloat: (e) => `round(fsum(${e}), 9)`,
  round9: (e) => `round(${e}, 9)`,
  notes: [
    "weeks: date_trunc('week') is the ISO (Monday) week; Sunday weeks shift by a day — https://duckdb.org/docs/sql/functions/datepart",
    'code points: encode() → BLOB, compared bytewise — https://duckdb.org/docs/sql/functions/blob',
  ],
};

/** PostgreSQL: https://www.postgresql.org/docs/15/functions-datetime.html#FUNCTIONS-DATETIME-TRUNC (week = ISO, Monday). */
const postgres: Dialect = {
  name: 'postgres',
  ident: doubleQuote,
  table: dotted(doubleQuote),
  text: 'TEXT',
  float: 'DOUBLE PRECISION',
  dayLiteral: (day) => `TIMESTAMP '${day} 00:00:00'`,
  toTimestamp: (e) => `CAST(${e} AS TIMESTAMP)`,
  truncDay: (e) => `date_trunc('day', ${e})`,
  truncWeek: (e, start) => (start === 'monday' ? `date_trunc('week', ${e})` : `(date_trunc('week', ${e} + INTERVAL '1 day') - INTERVAL '1 day')`),
  truncUnit: (e, unit) => `date_trunc('${unit}', ${e})`,
  addHours: (e, h) => `(${e} + INTERVAL '${h} hours')`,
  // COLLATE "C" compares the UTF-8 bytes (code points), whatever the database's collation
  // (https://www.postgresql.org/docs/15/collation.html#COLLATION-MANAGING-STANDARD).
  codePointKey: (e) => `(${e} COLLATE "C")`,
  dayText: (e) => `to_char(${e}, 'YYYY-MM-DD')`,
  // round(numeric, int): double precision has no two-argument round in PostgreSQL.
  sumFloat: (e) => `CAST(round(CAST(SUM(${e}) AS NUMERIC), 9) AS DOUBLE PRECISION)`,
  round9: (e) => `CAST(round(CAST(${e} AS NUMERIC), 9) AS DOUBLE PRECISION)`,
  notes: [
    "weeks: date_trunc('week') is the ISO (Monday) week — https://www.postgresql.org/docs/15/functions-datetime.html#FUNCTIONS-DATETIME-TRUNC",
    'code points: COLLATE "C" (byte order), never the database collation — https://www.postgresql.org/docs/15/collation.html',
    'date columns: TIMESTAMP in UTC (a TIMESTAMPTZ is cast in the session time zone: SET TIME ZONE \'UTC\')',
  ],
};

/** BigQuery (GoogleSQL): TIMESTAMP is UTC; https://cloud.google.com/bigquery/docs/reference/standard-sql/timestamp_functions#timestamp_trunc */
const bigquery: Dialect = {
  name: 'bigquery',
  ident: backtick,
  // `project.dataset.table` is one quoted path in GoogleSQL.
  table: (name) => backtick(name),
  text: 'STRING',
  float: 'FLOAT64',
  dayLiteral: (day) => `TIMESTAMP '${day} 00:00:00+00'`,
  toTimestamp: (e) => `CAST(${e} AS TIMESTAMP)`,
  truncDay: (e) => `TIMESTAMP_TRUNC(${e}, DAY, 'UTC')`,
  // WEEK(<WEEKDAY>) names the start day explicitly; plain WEEK starts on Sunday.
  truncWeek: (e, start) => `TIMESTAMP_TRUNC(${e}, WEEK(${start.toUpperCase()}), 'UTC')`,
  truncUnit: (e, unit) => `TIMESTAMP_TRUNC(${e}, ${unit.toUpperCase()}, 'UTC')`,
  addHours: (e, h) => `TIMESTAMP_ADD(${e}, INTERVAL ${h} HOUR)`,
  // BYTES compare bytewise; CAST(STRING AS BYTES) is the UTF-8 encoding
  // (https://cloud.google.com/bigquery/docs/reference/standard-sql/conversion_functions#cast_bytes).
  codePointKey: (e) => `CAST(${e} AS BYTES)`,
  dayText: (e) => `FORMAT_TIMESTAMP('%Y-%m-%d', ${e}, 'UTC')`,
  sumFloat: (e) => `ROUND(SUM(${e}), 9)`,
  round9: (e) => `ROUND(${e}, 9)`,
  notes: [
    'weeks: TIMESTAMP_TRUNC(ts, WEEK(MONDAY|SUNDAY), "UTC") — https://cloud.google.com/bigquery/docs/reference/standard-sql/timestamp_functions#timestamp_trunc',
    'N days: TIMESTAMP_ADD(ts, INTERVAL N*24 HOUR) — https://cloud.google.com/bigquery/docs/reference/standard-sql/timestamp_functions#timestamp_add',
    'code points: CAST(s AS BYTES), compared bytewise — https://cloud.google.com/bigquery/docs/reference/standard-sql/data-types#comparable_data_types',
  ],
};

/** Snowflake: TIMESTAMP_NTZ holds UTC wall time; https://docs.snowflake.com/en/sql-reference/functions-date-time#label-calendar-weeks-weekdays */
const snowflake: Dialect = {
  name: 'snowflake',
  ident: snowflakeIdent,
  table: dotted(snowflakeIdent),
  text: 'VARCHAR',
  float: 'DOUBLE',
  dayLiteral: (day) => `CAST('${day} 00:00:00' AS TIMESTAMP_NTZ)`,
  toTimestamp: (e) => `CAST(${e} AS TIMESTAMP_NTZ)`,
  truncDay: (e) => `DATE_TRUNC('day', ${e})`,
  // DATE_TRUNC('week') follows the WEEK_START session parameter, so it is not used:
  // DAYOFWEEKISO is 1 (Monday) … 7 (Sunday) whatever WEEK_START says.
  truncWeek: (e, start) => `DATEADD(day, -MOD(DAYOFWEEKISO(${e})${start === 'monday' ? ' - 1' : ''}, 7), DATE_TRUNC('day', ${e}))`,
  truncUnit: (e, unit) => `DATE_TRUNC('${unit}', ${e})`,
  addHours: (e, h) => `DATEADD(hour, ${h}, ${e})`,
  // Binary values compare bytewise (https://docs.snowflake.com/en/sql-reference/data-types-text#binary).
  codePointKey: (e) => `TO_BINARY(${e}, 'UTF-8')`,
  dayText: (e) => `TO_CHAR(${e}, 'YYYY-MM-DD')`,
  sumFloat: (e) => `ROUND(SUM(${e}), 9)`,
  round9: (e) => `ROUND(${e}, 9)`,
  notes: [
    "weeks: DATE_TRUNC('week') obeys the WEEK_START parameter, so weeks come from DAYOFWEEKISO — https://docs.snowflake.com/en/sql-reference/functions-date-time#label-calendar-weeks-weekdays",
    'N days: DATEADD(hour, N*24, ts) on TIMESTAMP_NTZ — https://docs.snowflake.com/en/sql-reference/functions/dateadd',
    "code points: TO_BINARY(s, 'UTF-8'), compared bytewise — https://docs.snowflake.com/en/sql-reference/functions/to_binary",
    'names: unquoted unless they need quotes (Snowflake upper-cases unquoted names)',
  ],
};

/** Databricks SQL: TIMESTAMP_NTZ, no session time zone; https://docs.databricks.com/en/sql/language-manual/functions/date_trunc.html (week = Monday). */
const databricks: Dialect = {
  name: 'databricks',
  ident: backtick,
  table: dotted(backtick),
  text: 'STRING',
  float: 'DOUBLE',
  dayLiteral: (day) => `TIMESTAMP_NTZ '${day} 00:00:00'`,
  toTimestamp: (e) => `CAST(${e} AS TIMESTAMP_NTZ)`,
  truncDay: (e) => `date_trunc('DAY', ${e})`,
  truncWeek: (e, start) => (start === 'monday' ? `date_trunc('WEEK', ${e})` : `(date_trunc('WEEK', ${e} + INTERVAL 1 DAY) - INTERVAL 1 DAY)`),
  truncUnit: (e, unit) => `date_trunc('${unit.toUpperCase()}', ${e})`,
  addHours: (e, h) => `(${e} + make_dt_interval(0, ${h}))`,
  // encode() gives the UTF-8 bytes; BINARY compares bytewise (code points), whatever the default collation.
  codePointKey: (e) => `encode(${e}, 'UTF-8')`,
  dayText: (e) => `date_format(${e}, 'yyyy-MM-dd')`,
  sumFloat: (e) => `round(SUM(${e}), 9)`,
  round9: (e) => `round(${e}, 9)`,
  notes: [
    "weeks: date_trunc('WEEK') starts on Monday — https://docs.databricks.com/en/sql/language-manual/functions/date_trunc.html",
    'times: TIMESTAMP_NTZ, so no session time zone applies — https://docs.databricks.com/en/sql/language-manual/data-types/timestamp-ntz-type.html',
    "code points: encode(s, 'UTF-8') → BINARY, compared bytewise — https://docs.databricks.com/en/sql/language-manual/functions/encode.html",
  ],
};

export const DIALECT_TABLE = { duckdb, postgres, bigquery, snowflake, databricks } satisfies Record<DialectName, Dialect>;

/** A SQL string literal (quotes doubled; BigQuery also needs backslashes escaped). */
export function stringLiteral(d: Dialect, s: string): string {
  if (d.name === 'bigquery' || d.name === 'databricks') return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return `'${s.replace(/'/g, "''")}'`;
}
