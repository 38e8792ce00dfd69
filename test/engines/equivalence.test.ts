/**
 * Equivalence of the engines (issue #16): on random datasets built to hurt —
 * same-instant ties, ids mixing ASCII, accents, Ａ and 😀, line items, returns,
 * zero-value orders, orders without customer, cancelled lines, Sunday/Monday
 * boundaries, windows clipping periods, N-day edges at exact midnights,
 * spend/NPS-only channels — the figure inputs of the in-process engine, of the
 * DuckDB SQL and of the PostgreSQL SQL are equal cell by cell, and so is every
 * finished figure — and so are the input statistics (rows read, used,
 * cancelled, merged, outside, …; line conflicts are not counted in SQL).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { expectSameFigures, expectSameInputs, expectSameStats, loadPostgres, report, type TableData } from '../helpers/engines.js';
import { PG_URL, requirePostgres } from '../helpers/postgres.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cb-engines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hasPg = requirePostgres();

const DAY = 86_400_000;
const BASE = Date.UTC(2024, 0, 6); // Saturday; Sunday 7th and Monday 8th follow
const ID_PARTS = ['a', 'B', '1', '10', 'é', 'Ａ', '😀', 'z'];
const CHANNELS = ['web', 'Web', 'email', 'store', ''];

const instant = fc.oneof(
  fc.integer({ min: 0, max: 20 }).map((d) => BASE + d * DAY), // exact midnights
  fc.integer({ min: 0, max: 20 * 24 }).map((h) => BASE + h * 3_600_000),
  fc.constantFrom(BASE + DAY, BASE + 2 * DAY, BASE + 2 * DAY - 1000),
);
const orderSpec = fc.record({
  id: fc.option(fc.array(fc.constantFrom(...ID_PARTS), { minLength: 1, maxLength: 2 }).map((p) => p.join('')), { nil: null, freq: 6 }),
  customer: fc.option(fc.constantFrom('c1', 'c2', 'c3', 'c4', 'C1', 'ç5', '😀6'), { nil: null, freq: 5 }),
  time: instant,
  channel: fc.constantFrom(...CHANNELS),
  status: fc.constantFrom('', '', '', 'paid', 'Cancelled'),
  values: fc.array(fc.constantFrom(0, 10, 25.5, -10, 0.1, 0.2, -0.3, 99.99), { minLength: 1, maxLength: 3 }),
});
const dailySpec = fc.record({ day: fc.integer({ min: 0, max: 20 }), channel: fc.constantFrom('web', 'email', 'ads'), amount: fc.constantFrom(0, 5, 12.5, 100) });
const answerSpec = fc.record({
  time: instant,
  channel: fc.constantFrom('', '', 'web', 'survey'),
  customer: fc.constantFrom('', 'c1', 'c2', 'c9'),
  score: fc.integer({ min: 0, max: 10 }),
});
const runSpec = fc.record({
  orders: fc.array(orderSpec, { minLength: 1, maxLength: 25 }),
  spend: fc.option(fc.array(dailySpec, { maxLength: 8 }), { nil: null }),
  traffic: fc.option(fc.array(dailySpec, { maxLength: 8 }), { nil: null }),
  nps: fc.option(fc.array(answerSpec, { maxLength: 8 }), { nil: null }),
  period: fc.constantFrom(undefined, 'day', 'week', 'month'),
  weekStart: fc.constantFrom('monday', 'sunday'),
  from: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
  retention: fc.integer({ min: 1, max: 4 }),
  horizon: fc.integer({ min: 1, max: 6 }),
});
type RunSpec = typeof runSpec extends fc.Arbitrary<infer T> ? T : never;

/**
 * Always run first: ids whose lines mix cancelled and live statuses (SPEC §1 Status). X: a
 * cancelled line, a line without status after it (cancelled too), a paid line (starts the
 * order), a line without status (merged into it). Y: a live line, a cancelled one, one without
 * status (cancelled). The SQL finds an order's start line in one pass; these are its branches.
 */
const t0 = BASE + 3 * DAY;
type OrderSpec = RunSpec['orders'][number];
const line = (id: string, status: OrderSpec['status'], value: OrderSpec['values'][number], customer: OrderSpec['customer'] = 'c1'): OrderSpec => ({ id, customer, time: t0, channel: 'web', status, values: [value] });
const CANCELLED_THEN_REORDERED: RunSpec = {
  orders: [line('X', 'Cancelled', 10), line('X', '', 25.5), line('X', 'paid', 0.1), line('X', '', 99.99), line('Y', '', 0.2, 'c2'), line('Y', 'Cancelled', 10, 'c2'), line('Y', '', 25.5, 'c2'), line('Z', 'Cancelled', 10, 'c3')],
  spend: null,
  traffic: null,
  nps: null,
  period: undefined,
  weekStart: 'monday',
  from: undefined,
  retention: 2,
  horizon: 3,
};

const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');
const pgTime = (t: number) => new Date(t).toISOString().replace('T', ' ').replace('.000Z', '');
const csvCell = (v: string | number) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));
const csv = (header: string[], rows: (string | number)[][]) => [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';

/** The dataset as CSV files (for the in-process and DuckDB engines) and as tables with a `line` column (PostgreSQL). */
function write(run: RunSpec, sub: string): { folder: string; tables: TableData[] } {
  const folder = path.join(dir, sub);
  rmSync(folder, { recursive: true, force: true });
  // Lines of one id are consecutive and share date, customer and channel (no line conflicts).
  const lines: (string | number)[][] = [];
  for (const o of run.orders) for (const v of o.values) lines.push([o.id ?? '', o.customer ?? '', iso(o.time), o.channel, o.status, v]);
  const files: Record<string, string> = { 'orders.csv': csv(['order_id', 'customer_id', 'date', 'channel', 'status', 'revenue'], lines) };
  const tables: TableData[] = [
    {
      name: 'orders',
      columns: [['line', 'bigint'], ['order_id', 'text'], ['customer_id', 'text'], ['date', 'timestamp'], ['channel', 'text'], ['status', 'text'], ['revenue', 'double precision']],
      rows: lines.map((l, i) => [i, l[0] || null, l[1] || null, pgTime(Date.parse(String(l[2]))), l[3] || null, l[4] || null, l[5]!]),
    },
  ];
  for (const role of ['spend', 'traffic'] as const) {
    const rows = run[role];
    if (!rows) continue;
    const field = role === 'spend' ? 'spend' : 'sessions';
    files[`${role}.csv`] = csv(['date', 'channel', field], rows.map((r) => [iso(BASE + r.day * DAY).slice(0, 10), r.channel, r.amount]));
    tables.push({ name: role, columns: [['line', 'bigint'], ['date', 'timestamp'], ['channel', 'text'], [field, 'double precision']], rows: rows.map((r, i) => [i, pgTime(BASE + r.day * DAY), r.channel, r.amount]) });
  }
  if (run.nps) {
    files['nps.csv'] = csv(['date', 'channel', 'customer_id', 'score'], run.nps.map((a) => [iso(a.time), a.channel, a.customer, a.score]));
    tables.push({
      name: 'nps',
      columns: [['line', 'bigint'], ['date', 'timestamp'], ['channel', 'text'], ['customer_id', 'text'], ['score', 'double precision']],
      rows: run.nps.map((a, i) => [i, pgTime(a.time), a.channel || null, a.customer || null, a.score]),
    });
  }
  files['channelbench.config.json'] = JSON.stringify({ channels: { aliases: { Store: 'shop' } }, settings: { retention_days: run.retention, clv_horizon_days: run.horizon, margin: 0.5 } });
  for (const [name, text] of Object.entries(files)) {
    mkdirp(folder);
    writeFileSync(path.join(folder, name), text);
  }
  return { folder, tables };
}

function mkdirp(folder: string): void {
  mkdirSync(folder, { recursive: true });
}

describe('engines give the same figure inputs and figures', () => {
  it('in-process = DuckDB = PostgreSQL on random hurtful datasets', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(runSpec, async (run) => {
        const { folder, tables } = write(run, `run${n++}`);
        const flags = { period: run.period as 'day' | 'week' | 'month' | undefined, weekStart: run.weekStart as 'monday' | 'sunday', from: run.from === undefined ? undefined : iso(BASE + run.from * DAY).slice(0, 10) };
        const config = path.join(folder, 'channelbench.config.json');
        const inProcess = await report({ dataDir: folder, configFile: config }, flags, dir).catch((err: { code?: string }) => err);
        const duck = await report({ dataDir: folder, configFile: config }, { ...flags, engine: 'duckdb' }, dir).catch((err: { code?: string }) => err);
        if (!('summary' in inProcess) || !('summary' in duck)) {
          // A window outside the data is the same usage error on every engine.
          expect((duck as { code?: string }).code).toBe((inProcess as { code?: string }).code);
          return;
        }
        expectSameInputs(inProcess.summary, duck.summary, 'duckdb');
        expectSameFigures(inProcess, duck, 'duckdb');
        expectSameStats(inProcess, duck, 'duckdb');
        if (hasPg) {
          await loadPostgres(PG_URL!, tables);
          const post = await report({ configFile: config }, { ...flags, engine: 'postgres', db: PG_URL }, dir);
          expectSameInputs(inProcess.summary, post.summary, 'postgres');
          expectSameFigures(inProcess, post, 'postgres');
          expectSameStats(inProcess, post, 'postgres');
        }
      }),
      { numRuns: Number(process.env['CHANNELBENCH_PROPERTY_RUNS'] ?? 5), seed: 1616, examples: [[CANCELLED_THEN_REORDERED]] },
    );
    expect(n).toBeGreaterThan(0);
  }, 120_000);
});
