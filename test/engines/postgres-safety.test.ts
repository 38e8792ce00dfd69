/**
 * `report --engine postgres` is read-only, parameterised and bounded by a
 * statement timeout (issue #16, Build 3): the values of the plan travel as bind
 * parameters (the query text holds only quoted identifiers), both renderings of
 * the one generator give the same rows on a real server, the session refuses
 * writes, and `statement_timeout` is set. Tables live in their own schema so
 * the other engine tests, which replace public.orders, do not interfere.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/engines/postgres.js';
import { figureInputsQuery, type SqlPlan } from '../../src/sql/figure-inputs-sql.js';
import { PG_URL, requirePostgres } from '../helpers/postgres.js';

const HOSTILE = "x'); DROP TABLE cb_safety.spend; --";
const plan = (dialect: 'postgres' | 'duckdb' = 'postgres'): SqlPlan => ({
  dialect,
  sources: {
    orders: { table: 'cb_safety.orders', columns: { date: 'date', revenue: 'revenue', order_id: 'order_id', customer_id: 'customer_id', channel: 'channel', status: 'status' } },
    spend: { table: 'cb_safety.spend', columns: { date: 'date', channel: 'channel', spend: 'spend' } },
  },
  periods: [
    { label: '2024-01-01', start: '2024-01-01', end: '2024-01-08' },
    { label: '2024-01-08', start: '2024-01-08', end: '2024-01-15' },
  ],
  window: { start: '2024-01-01', end: '2024-01-14' },
  unit: 'week',
  weekStart: 'monday',
  settings: { margin: 0.4, retentionDays: 3, clvHorizonDays: 5 },
  cancelledStatuses: ['cancelled', HOSTILE],
  aliases: { "O'Brien ads": 'paid', Web: 'web' },
  header: [],
});

describe('bind parameters (no server needed)', () => {
  it('the postgres query text holds no value of the plan; the values are its parameters', () => {
    const { sql, params } = figureInputsQuery(plan(), 'bound');
    for (const value of [HOSTILE.toLowerCase(), "o'brien ads", '2024-01-08', "'cancelled'", '0.4', '72']) expect(sql).not.toContain(value);
    expect(sql).not.toMatch(/'\d{4}-\d\d-\d\d/); // no day literal
    expect(params).toEqual(expect.arrayContaining([HOSTILE.toLowerCase(), "o'brien ads", 'paid', '2024-01-08 00:00:00', 0.4, 72, -72, 120, -120, 3, 5]));
    // Every placeholder is used, and numbered 1…n.
    const used = new Set([...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
    expect([...used].sort((a, b) => a - b)).toEqual(params.map((_, i) => i + 1));
    // The literal rendering (what `channelbench sql` prints) spells the same values inline, escaped.
    const literal = figureInputsQuery(plan(), 'literal');
    expect(literal.params).toEqual([]);
    expect(literal.sql).toContain("'x''); drop table cb_safety.spend; --'");
    expect(literal.sql).toContain("(a.acq_ts + INTERVAL '72 hours')");
  });

  it('is written for PostgreSQL placeholders only', () => {
    expect(() => figureInputsQuery(plan('duckdb'), 'bound')).toThrow(/postgres/);
  });
});

const hasPg = requirePostgres();
describe.skipIf(!hasPg)('on a real PostgreSQL server', () => {
  let admin: pg.Client;
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query('DROP SCHEMA IF EXISTS cb_safety CASCADE');
    await admin.query('CREATE SCHEMA cb_safety');
    await admin.query('CREATE TABLE cb_safety.orders (order_id text, customer_id text, date timestamp, channel text, status text, revenue double precision)');
    await admin.query('CREATE TABLE cb_safety.spend (date timestamp, channel text, spend double precision)');
    // c1 buys twice within 3 days (retained); o3 is cancelled by the hostile status; one O'Brien order folds into "paid".
    await admin.query(`INSERT INTO cb_safety.orders VALUES
      ('o1', 'c1', '2024-01-01 10:00', 'Web', NULL, 10),
      ('o2', 'c1', '2024-01-02 09:00', 'web', NULL, 20),
      ('o3', 'c2', '2024-01-03 00:00', 'web', $1, 99),
      ('o4', 'c3', '2024-01-09 12:00', 'O''Brien ads', 'paid', 5.5)`, [HOSTILE]);
    await admin.query("INSERT INTO cb_safety.spend VALUES ('2024-01-01', 'O''Brien ads', 7), ('2024-01-08', 'web', 3)");
  });
  afterAll(async () => {
    await admin?.query('DROP SCHEMA IF EXISTS cb_safety CASCADE');
    await admin?.end();
  });

  it('bound and literal renderings give the same rows', async () => {
    const bound = figureInputsQuery(plan(), 'bound');
    const literal = figureInputsQuery(plan(), 'literal');
    const a = (await admin.query(bound.sql, bound.params)).rows;
    const b = (await admin.query(literal.sql)).rows;
    expect(a).toEqual(b);
    const total = a.filter((r) => r.channel === '(all)');
    // Orders: o1, o2 in week 1 (o3 cancelled), o4 in week 2.
    expect(total.map((r) => Number(r.orders))).toEqual([2, 1]);
    expect(a.map((r) => r.channel)).toContain('paid');
    expect((await admin.query("SELECT to_regclass('cb_safety.spend') AS t")).rows[0].t).not.toBeNull();
  });

  it('the session is read-only, with the statement timeout set', async () => {
    const session = await openPostgres(PG_URL, {}, 1500);
    try {
      expect(await session.query('SHOW statement_timeout')).toEqual([{ statement_timeout: '1500ms' }]);
      expect(await session.query('SHOW transaction_read_only')).toEqual([{ transaction_read_only: 'on' }]);
      await expect(session.query('CREATE TABLE cb_safety.written (x int)')).rejects.toThrow(/read-only transaction/);
      await session.query('ROLLBACK');
      await expect(session.query('SELECT pg_sleep(5)')).rejects.toThrow(/statement timeout/);
    } finally {
      await session.close();
    }
    const fresh = await openPostgres(PG_URL, {});
    try {
      // Even after ending the transaction, the session stays read-only.
      await fresh.query('COMMIT');
      await expect(fresh.query('DELETE FROM cb_safety.spend')).rejects.toThrow(/read-only transaction/);
      expect(await fresh.query('SHOW statement_timeout')).toEqual([{ statement_timeout: '10min' }]);
    } finally {
      await fresh.close();
    }
    expect(Number((await admin.query('SELECT COUNT(*) AS n FROM cb_safety.spend')).rows[0].n)).toBe(2);
  });

  it('a crafted table name is one quoted identifier: no write, no second statement', async () => {
    const session = await openPostgres(PG_URL, {});
    try {
      const q = figureInputsQuery({ ...plan(), sources: { orders: { ...plan().sources.orders, table: 'orders"; DROP SCHEMA cb_safety CASCADE; --' } } }, 'bound');
      await expect(session.query(q.sql, q.params)).rejects.toThrow(/does not exist/);
    } finally {
      await session.close();
    }
    expect(Number((await admin.query('SELECT COUNT(*) AS n FROM cb_safety.spend')).rows[0].n)).toBe(2);
  });
});
