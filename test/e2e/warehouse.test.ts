/**
 * The warehouse workflow end to end: `sql` prints deterministic SQL,
 * `report --format summary` writes the figure inputs, `report --summary`
 * finishes the same report from them, errors are located; the DuckDB engine
 * gives the report of the in-process engine (demo data).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { figureInputsJsonSchema } from '../../src/summary/schema.js';
import { fixture, ROOT } from '../helpers/run-cli.js';
import { runInProcess } from '../helpers/run-in-process.js';

const DEMO = ['report', '--data', fixture('demo'), '--period', 'month', '--last', '3m'];
const dir = mkdtempSync(path.join(tmpdir(), 'cb-warehouse-'));

describe('report --format summary → report --summary', () => {
  it('finishes byte-identical csv, markdown and json to the run that wrote the summary', async () => {
    const summary = await runInProcess([...DEMO, '--format', 'summary']);
    expect(summary.code).toBe(0);
    expect(summary.stdout.split('\r\n')[0]).toMatch(/^schema,window_start,window_end,data_end,period_unit,/);
    const file = path.join(dir, 'inputs.csv');
    writeFileSync(file, summary.stdout);
    for (const format of ['csv', 'markdown']) {
      const direct = await runInProcess([...DEMO, '--format', format]);
      const finished = await runInProcess(['report', '--summary', file, '--format', format]);
      expect(finished.stderr).toBe('');
      expect(finished.code).toBe(0);
      expect(finished.stdout).toBe(direct.stdout);
    }
  });

  it('names row and column of a bad cell (exit 3)', async () => {
    const good = (await runInProcess([...DEMO, '--format', 'summary'])).stdout.split('\r\n');
    const cells = good[2]!.split(',');
    const col = good[0]!.split(',').indexOf('orders');
    // The cancelled_statuses cell holds quoted commas; edit from the end instead.
    const fromEnd = good[0]!.split(',').length - col;
    cells[cells.length - fromEnd] = 'many';
    const file = path.join(dir, 'bad.csv');
    writeFileSync(file, [good[0], good[1], cells.join(','), ...good.slice(3)].join('\r\n'));
    const r = await runInProcess(['report', '--summary', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('bad.csv: row 2 (line 3), column "orders"');
  });

  it('refuses flags the summary fixes (exit 2)', async () => {
    const r = await runInProcess(['report', '--summary', path.join(dir, 'inputs.csv'), '--period', 'week']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--period cannot apply');
  });

  it('the published JSON Schema is up to date (npm run docs)', () => {
    expect(JSON.parse(readFileSync(path.join(ROOT, 'docs/figure-inputs.schema.json'), 'utf8'))).toEqual(figureInputsJsonSchema());
  });
});

describe('channelbench sql', () => {
  it('prints the same SQL twice, with the settings in its header', async () => {
    const args = ['sql', '--dialect', 'bigquery', '--from', '2024-01-01', '--to', '2024-03-31', '--period', 'month', '--retention-days', '60'];
    const a = await runInProcess(args);
    const b = await runInProcess(args);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain('-- retention_days 60; clv_horizon_days 365; margin 1');
    expect(a.stdout).toContain("TIMESTAMP_TRUNC(o.ts, MONTH, 'UTC')");
  });

  it('needs a fixed window (exit 2)', async () => {
    const r = await runInProcess(['sql', '--dialect', 'postgres', '--last', '8w']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--last with --data-end');
  });
});

describe('report --engine duckdb', () => {
  it('gives the in-process report on the demo (csv)', async () => {
    const args = [...DEMO.slice(0, 3), '--period', 'week', '--format', 'csv'];
    const inProcess = await runInProcess(args);
    const duck = await runInProcess([...args, '--engine', 'duckdb']);
    expect(duck.code).toBe(0);
    // Same cells; numbers equal to 1e-9 relative (float sums in another order may differ in the last printed digit).
    const cells = (t: string) => t.split('\r\n').map((l) => l.split(','));
    const a = cells(inProcess.stdout);
    const b = cells(duck.stdout);
    expect(b.length).toBe(a.length);
    a.forEach((row, i) =>
      row.forEach((x, j) => {
        const y = b[i]![j]!;
        const [nx, ny] = [Number(x), Number(y)];
        if (x === y || (x !== '' && Math.abs(nx - ny) <= 1e-9 * Math.max(Math.abs(nx), Math.abs(ny)))) return;
        expect.fail(`line ${i + 1}, column ${a[0]![j]}: ${x} vs ${y}`);
      }),
    );
  });

  it('reads Parquet: the demo orders and spend as Parquet give the in-process report of the CSV', async () => {
    // Typed Parquet (TIMESTAMP, DOUBLE, VARCHAR as DuckDB detects them), written by DuckDB itself.
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const con = await (await DuckDBInstance.create(':memory:')).connect();
    const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
    for (const role of ['orders', 'spend']) {
      await con.run(`COPY (SELECT * FROM read_csv(${q(path.join(fixture('demo'), `${role}.csv`))})) TO ${q(path.join(dir, `${role}.parquet`))} (FORMAT parquet)`);
    }
    const types = (await con.runAndReadAll(`DESCRIBE SELECT * FROM ${q(path.join(dir, 'orders.parquet'))}`)).getRowObjects().map((r) => String(r['column_type']));
    expect(types).toContain('TIMESTAMP');
    const common = ['report', '--config', path.join(fixture('demo'), 'channelbench.config.json'), '--period', 'month', '--format', 'json'];
    const csv = await runInProcess([...common, '--orders', path.join(fixture('demo'), 'orders.csv'), '--spend', path.join(fixture('demo'), 'spend.csv')]);
    const parquet = await runInProcess([...common, '--orders', path.join(dir, 'orders.parquet'), '--spend', path.join(dir, 'spend.parquet'), '--engine', 'duckdb']);
    expect(parquet.stderr).toBe('');
    expect(parquet.code).toBe(0);
    const rows = (t: string) => (JSON.parse(t) as { rows: Record<string, unknown>[] }).rows;
    const [a, b] = [rows(csv.stdout), rows(parquet.stdout)];
    expect(a.length).toBeGreaterThan(20);
    expect(b.map((r) => [r['period'], r['channel']])).toEqual(a.map((r) => [r['period'], r['channel']]));
    const walk = (x: unknown, y: unknown, at: string): void => {
      if (typeof x === 'number' && typeof y === 'number') {
        if (Math.abs(x - y) > 1e-9 * Math.max(Math.abs(x), Math.abs(y))) expect.fail(`${at}: ${x} vs ${y}`);
      } else if (x !== null && y !== null && typeof x === 'object' && typeof y === 'object') {
        for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], `${at}.${k}`);
      } else expect(y, at).toEqual(x);
    };
    walk(a, b, 'rows');
  });

  it('--timezone (not UTC) and --fx are the in-process engine\'s: exit 2 naming it (docs/warehouse.md says why)', async () => {
    for (const extra of [['--timezone', 'Europe/Berlin'], ['--currency', 'EUR', '--fx', fixture('fx', 'rates.csv')]]) {
      const r = await runInProcess([...DEMO.slice(0, 3), '--engine', 'duckdb', ...extra]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('in-process engine only');
      expect(r.stdout).toBe('');
    }
    const utc = await runInProcess([...DEMO.slice(0, 3), '--engine', 'duckdb', '--timezone', 'UTC', '--format', 'csv']);
    expect(utc.code).toBe(0);
  });

  it('refuses a messy file with a message naming the in-process engine (exit 3)', async () => {
    const file = path.join(dir, 'messy.csv');
    writeFileSync(file, 'date,revenue\n05/01/2024,"1,234.50"\n');
    const r = await runInProcess(['report', '--orders', file, '--engine', 'duckdb']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('run without --engine');
  });

  it('--engine postgres without a database says how to name one (exit 2)', async () => {
    const r = await runInProcess(['report', '--engine', 'postgres']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pass --db postgres://');
  });

  it('--db and --db-timeout without --engine postgres are refused, not ignored (exit 2)', async () => {
    const duck = await runInProcess(['report', '--data', fixture('demo'), '--engine', 'duckdb', '--db-timeout', '5']);
    expect(duck.code).toBe(2);
    expect(duck.stderr).toBe('channelbench: --db-timeout applies to --engine postgres only\n');
    const local = await runInProcess(['report', '--data', fixture('demo'), '--db', 'postgres://x@y/z']);
    expect(local.code).toBe(2);
    expect(local.stderr).toBe('channelbench: --db applies to --engine postgres only\n');
  });

  it('--engine-memory: DuckDB only, a size, and a small limit still runs (it spills)', async () => {
    const local = await runInProcess(['report', '--data', fixture('demo'), '--engine-memory', '1GB']);
    expect(local.code).toBe(2);
    expect(local.stderr).toBe('channelbench: --engine-memory applies to --engine duckdb only\n');
    const bad = await runInProcess(['report', '--data', fixture('demo'), '--engine', 'duckdb', '--engine-memory', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--engine-memory: expected a size such as 512MB or 2GB');
    const small = await runInProcess([...DEMO.slice(0, 3), '--format', 'csv', '--engine', 'duckdb', '--engine-memory', '256MB']);
    expect(small.stderr).toBe('');
    expect(small.code).toBe(0);
    expect(small.stdout.split('\r\n').length).toBeGreaterThan(2);
    // Too small for DuckDB's blocks: exit 2 naming the flag, not a data error.
    const tiny = await runInProcess([...DEMO.slice(0, 3), '--engine', 'duckdb', '--engine-memory', '16MB']);
    expect(tiny.code).toBe(2);
    expect(tiny.stderr).toContain('raise --engine-memory');
  });

  it('Parquet needs --engine duckdb (exit 2)', async () => {
    const r = await runInProcess(['report', '--orders', path.join(dir, 'orders.parquet')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pass --engine duckdb');
  });
});
