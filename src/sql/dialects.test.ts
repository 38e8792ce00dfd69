/**
 * The dialect primitives, text per engine. Each line was checked against the
 * engine's documentation (links in dialects.ts); DuckDB and PostgreSQL are also
 * executed by test/engines/equivalence.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { DIALECT_TABLE, DIALECTS, stringLiteral } from './dialects.js';

const TS = 'ts';
const table = {
  truncWeekMonday: (d: (typeof DIALECT_TABLE)['duckdb']) => d.truncWeek(TS, 'monday'),
  truncWeekSunday: (d: (typeof DIALECT_TABLE)['duckdb']) => d.truncWeek(TS, 'sunday'),
  truncMonth: (d: (typeof DIALECT_TABLE)['duckdb']) => d.truncUnit(TS, 'month'),
  truncDay: (d: (typeof DIALECT_TABLE)['duckdb']) => d.truncDay(TS),
  add90Days: (d: (typeof DIALECT_TABLE)['duckdb']) => d.addHours(TS, 90 * 24),
  codePoints: (d: (typeof DIALECT_TABLE)['duckdb']) => d.codePointKey('order_id'),
  dayLiteral: (d: (typeof DIALECT_TABLE)['duckdb']) => d.dayLiteral('2024-01-07'),
  dayText: (d: (typeof DIALECT_TABLE)['duckdb']) => d.dayText(TS),
  float: (d: (typeof DIALECT_TABLE)['duckdb']) => d.float,
  ident: (d: (typeof DIALECT_TABLE)['duckdb']) => d.ident('Order Date'),
};

const EXPECTED: Record<(typeof DIALECTS)[number], Record<keyof typeof table, string>> = {
  duckdb: {
    truncWeekMonday: "date_trunc('week', ts)",
    truncWeekSunday: "(date_trunc('week', ts + INTERVAL 1 DAY) - INTERVAL 1 DAY)",
    truncMonth: "date_trunc('month', ts)",
    truncDay: "date_trunc('day', ts)",
    add90Days: '(ts + INTERVAL (2160) HOUR)',
    codePoints: 'encode(order_id)',
    dayLiteral: "TIMESTAMP '2024-01-07 00:00:00'",
    dayText: "strftime(ts, '%Y-%m-%d')",
    float: 'DOUBLE',
    ident: '"Order Date"',
  },
  postgres: {
    truncWeekMonday: "date_trunc('week', ts)",
    truncWeekSunday: "(date_trunc('week', ts + INTERVAL '1 day') - INTERVAL '1 day')",
    truncMonth: "date_trunc('month', ts)",
    truncDay: "date_trunc('day', ts)",
    add90Days: "(ts + INTERVAL '2160 hours')",
    codePoints: '(order_id COLLATE "C")',
    dayLiteral: "TIMESTAMP '2024-01-07 00:00:00'",
    dayText: "to_char(ts, 'YYYY-MM-DD')",
    float: 'DOUBLE PRECISION',
    ident: '"Order Date"',
  },
  bigquery: {
    truncWeekMonday: "TIMESTAMP_TRUNC(ts, WEEK(MONDAY), 'UTC')",
    truncWeekSunday: "TIMESTAMP_TRUNC(ts, WEEK(SUNDAY), 'UTC')",
    truncMonth: "TIMESTAMP_TRUNC(ts, MONTH, 'UTC')",
    truncDay: "TIMESTAMP_TRUNC(ts, DAY, 'UTC')",
    add90Days: 'TIMESTAMP_ADD(ts, INTERVAL 2160 HOUR)',
    codePoints: 'CAST(order_id AS BYTES)',
    dayLiteral: "TIMESTAMP '2024-01-07 00:00:00+00'",
    dayText: "FORMAT_TIMESTAMP('%Y-%m-%d', ts, 'UTC')",
    float: 'FLOAT64',
    ident: '`Order Date`',
  },
  snowflake: {
    truncWeekMonday: "DATEADD(day, -MOD(DAYOFWEEKISO(ts) - 1, 7), DATE_TRUNC('day', ts))",
    truncWeekSunday: "DATEADD(day, -MOD(DAYOFWEEKISO(ts), 7), DATE_TRUNC('day', ts))",
    truncMonth: "DATE_TRUNC('month', ts)",
    truncDay: "DATE_TRUNC('day', ts)",
    add90Days: 'DATEADD(hour, 2160, ts)',
    codePoints: "TO_BINARY(order_id, 'UTF-8')",
    dayLiteral: "CAST('2024-01-07 00:00:00' AS TIMESTAMP_NTZ)",
    dayText: "TO_CHAR(ts, 'YYYY-MM-DD')",
    float: 'DOUBLE',
    ident: '"Order Date"',
  },
  databricks: {
    truncWeekMonday: "date_trunc('WEEK', ts)",
    truncWeekSunday: "(date_trunc('WEEK', ts + INTERVAL 1 DAY) - INTERVAL 1 DAY)",
    truncMonth: "date_trunc('MONTH', ts)",
    truncDay: "date_trunc('DAY', ts)",
    add90Days: '(ts + make_dt_interval(0, 2160))',
    codePoints: "encode(order_id, 'UTF-8')",
    dayLiteral: "TIMESTAMP_NTZ '2024-01-07 00:00:00'",
    dayText: "date_format(ts, 'yyyy-MM-dd')",
    float: 'DOUBLE',
    ident: '`Order Date`',
  },
};

describe('dialect primitives', () => {
  for (const name of DIALECTS) {
    it(`${name}: every primitive has its expected text`, () => {
      const d = DIALECT_TABLE[name];
      const got = Object.fromEntries(Object.entries(table).map(([k, f]) => [k, f(d)]));
      expect(got).toEqual(EXPECTED[name]);
    });
  }

  it('string literals escape quotes the way each engine reads them', () => {
    expect(stringLiteral(DIALECT_TABLE.postgres, "O'Brien")).toBe("'O''Brien'");
    expect(stringLiteral(DIALECT_TABLE.bigquery, "O'Brien\\")).toBe("'O\\'Brien\\\\'");
    expect(stringLiteral(DIALECT_TABLE.snowflake, "it's")).toBe("'it''s'");
  });

  it('Snowflake quotes only names that need it (unquoted names resolve case-insensitively)', () => {
    expect(DIALECT_TABLE.snowflake.table('shop.public.orders')).toBe('shop.public.orders');
    expect(DIALECT_TABLE.snowflake.ident('Order Date')).toBe('"Order Date"');
  });
});
