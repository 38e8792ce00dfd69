/**
 * Regression tests for issue 13 ("nothing silent, nothing dangerous"), one per
 * failure the outside tester found: spreadsheet formula injection, internal
 * errors on user input, unbounded cost, messages that did not name their
 * input, silent drops, and float residue. README "Safety" documents each.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputStats } from '../../src/report/model.js';
import { accountingSides } from '../helpers/accounting.js';
import { fixture, runCli, type CliResult } from '../helpers/run-cli.js';
import { runInProcess } from '../helpers/run-in-process.js';

const folder = (): string => mkdtempSync(path.join(tmpdir(), 'cb-safety-'));
function file(dir: string, name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}
function expectClean(r: CliResult): void {
  expect(r.stderr).not.toMatch(/\bat .+\.(js|ts):\d+:\d+/);
  expect(r.stderr).not.toContain('internal error');
}

const PAYLOADS = ['=1+1', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1)', '=HYPERLINK("http://x","y")'];
const q = (s: string): string => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

describe.concurrent('spreadsheet-safe csv/tsv', () => {
  const dir = folder();
  const orders = file(dir, 'orders.csv', ['order_id,customer_id,date,channel,revenue', ...PAYLOADS.map((p, i) => `o${i},c${i},2024-01-0${i + 1},${q(p)},${10 + i}`), 'o9,c1,2024-01-09,web,-5'].join('\n') + '\n');
  it('report csv: formula-like channel names get a leading quote; numbers, negative ones too, stay raw', async () => {
    const r = await runInProcess(['report', '--orders', orders, '--format', 'csv', '--columns', 'orders,refunds,net_revenue']);
    expect(r.code).toBe(0);
    for (const p of PAYLOADS) expect(r.stdout).toContain(q(`'${p}`));
    expect(r.stdout).not.toMatch(/(^|,)[=+@]/m);
    // web: one return of 5 → refunds 5, net_revenue -5, written as a number
    expect(r.stdout).toMatch(/,web,0,5,-5\r\n/);
  });
  it('tsv, crosschannel and cohorts too; --raw-text writes the names as they are', async () => {
    const tsv = await runInProcess(['crosschannel', '--orders', orders, '--format', 'tsv']);
    expect(tsv.code).toBe(0);
    expect(tsv.stdout).toContain("\t'=1+1\t");
    const cohorts = await runInProcess(['cohorts', '--orders', orders, '--format', 'csv']);
    expect(cohorts.stdout).toContain(",'@SUM(1),");
    const raw = await runInProcess(['report', '--orders', orders, '--format', 'csv', '--raw-text', '--columns', 'orders']);
    expect(raw.stdout).toContain(',=1+1,');
  });
});

describe.concurrent('no input reaches exit 70', () => {
  const dir = folder();
  const orders = file(dir, 'orders.csv', 'order_id,customer_id,date,channel,revenue\no1,c1,2024-01-01,web,10\no2,c2,2024-01-02,store,5\n');
  it('a JSON value nested 10,000 levels: exit 3 naming the file, record, field and the limit', async () => {
    const deep = file(dir, 'deep.json', `[{"date":"2024-01-01","revenue":${'['.repeat(10_000)}1${']'.repeat(10_000)}}]`);
    const r = await runCli(['report', '--orders', deep]); // spawned: the stack depth of a fresh process
    expectClean(r);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('deep.json: element 1, field "revenue": the value nests deeper than 64 levels (at revenue[0][0]');
  });
  it('--clv-horizon-days 1e15, and the same in config: exit 2 with the range', async () => {
    const flag = await runInProcess(['report', '--orders', orders, '--clv-horizon-days', '1e15']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--clv-horizon-days: expected a whole number of days from 1 to 36500');
    const config = file(dir, 'horizon.json', '{"settings":{"clv_horizon_days":1e15}}');
    const r = await runInProcess(['report', '--orders', orders, '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('settings.clv_horizon_days: expected a whole number of days from 1 to 36500');
  });
  it('"currency": "€€€" in config: exit 2, like the flag', async () => {
    const config = file(dir, 'currency.json', '{"settings":{"currency":"€€€"}}');
    const r = await runInProcess(['report', '--orders', orders, '--config', config]);
    expectClean(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('settings.currency: expected an ISO 4217 code such as EUR');
  });
  it('--output into a missing folder, at a folder, or empty: exit 2 naming the path and the reason, no file left', async () => {
    const missing = await runInProcess(['report', '--orders', orders, '--output', path.join(dir, 'nope', 'out.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`--output ${path.join(dir, 'nope', 'out.csv')}: cannot write the file (no such folder ${path.join(dir, 'nope')})`);
    const sub = path.join(dir, 'sub');
    mkdirSync(sub);
    const atFolder = await runInProcess(['report', '--orders', orders, '--output', sub]);
    expect(atFolder.code).toBe(2);
    expect(atFolder.stderr).toContain(`--output ${sub}: cannot write the file (it is a folder)`);
    expect(readdirSync(sub)).toEqual([]);
    const empty = await runInProcess(['report', '--orders', orders, '--output', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--output: the file name is empty');
    expect(existsSync(path.join(dir, 'nope'))).toBe(false);
  });
  it('--from 0001-01-01 --to 9999-12-31 --period day is refused at once with a hint', async () => {
    const r = await runInProcess(['report', '--orders', orders, '--from', '0001-01-01', '--to', '9999-12-31', '--period', 'day']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/day periods × 3 channels \(with the total\) from 0001-01-01 to 9999-12-31 is more than 250,000 rows/);
    expect(r.stderr).toContain('hint: use a longer --period');
  });
  it('a file spanning years 1–9999 with --period week is refused too', async () => {
    const span = file(dir, 'span.csv', 'date,revenue\n0001-01-01,5\n9999-12-30,3\n');
    const r = await runInProcess(['report', '--orders', span, '--period', 'week']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('more than 250,000 rows');
  });
});

describe.concurrent('every message names its input', () => {
  const dir = folder();
  it('no orders: names the file and why (header only / all cancelled / all invalid and skipped)', async () => {
    const header = await runInProcess(['report', '--orders', file(dir, 'header.csv', 'date,revenue\n')]);
    expect(header.code).toBe(3);
    expect(header.stderr).toContain('header.csv: no orders to report: it has a header but no data rows');
    const cancelled = await runInProcess(['report', '--orders', file(dir, 'cancelled.csv', 'date,revenue,status\n2024-01-01,5,cancelled\n2024-01-02,6,Voided\n')]);
    expect(cancelled.stderr).toContain('cancelled.csv: no orders to report: all 2 rows are cancelled');
    const invalid = await runInProcess(['report', '--orders', file(dir, 'invalid.csv', 'date,revenue\n2024-01-01,x\n2024-01-02,y\n'), '--skip-invalid']);
    expect(invalid.code).toBe(3);
    expect(invalid.stderr).toContain('invalid.csv: no orders to report: all 2 rows are invalid and were skipped (--skip-invalid)');
  });
  it('--data DIR with nothing usable names DIR, lists its files and the names it looks for', async () => {
    const empty = path.join(dir, 'empty');
    mkdirSync(empty);
    const r = await runInProcess(['report', '--data', empty]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--data ${empty}: no input file found (it is empty)`);
    writeFileSync(path.join(empty, 'orders.xlsx'), 'PK');
    const x = await runInProcess(['report', '--data', empty]);
    expect(x.stderr).toContain('(it holds orders.xlsx)');
    expect(x.stderr).toContain('it looks for orders.*, spend.*, traffic.*, nps.* with extension .csv, .tsv');
  });
  it('validate exit 3 prints its verdict and the first invalid rows on stderr too', async () => {
    const r = await runInProcess(['validate', '--orders', file(dir, 'bad.csv', 'date,revenue\n2024-01-01,x\n2024-01-02,5\n')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('channelbench: validate: 1 invalid row in');
    expect(r.stderr).toContain('bad.csv:2: column "revenue": cannot read "x" as a number');
    expect(r.stdout).toContain('1 invalid row (exit 3; --skip-invalid skips them)');
  });
});

describe.concurrent('nothing dropped silently', () => {
  const dir = folder();
  const orders = file(dir, 'orders.csv', 'order_id,customer_id,date,channel,revenue\no1,c1,2024-01-01,web,10\no1,c1,2024-01-01,web,5\no2,c2,2024-01-02,web,0\no3,c3,2024-01-03,store,7\n');
  it('spend rows after the data end: counted in rows_outside, one warning with count and dates', async () => {
    // data end = 2024-01-04 (the day after the last order); 2 spend rows fall on or after it
    const spend = file(dir, 'spend.csv', 'date,channel,spend\n2024-01-01,web,3\n2024-01-04,web,4\n2024-02-10,web,5\n');
    const r = await runInProcess(['report', '--orders', orders, '--spend', spend, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('spend.csv: 2 rows dated 2024-01-04 … 2024-02-10 are on or after the orders\' data end (2024-01-04) and count in no period');
    const inputs = (JSON.parse(r.stdout) as { inputs: InputStats[] }).inputs;
    const [o, s] = inputs;
    // orders: 4 rows = 3 orders (first lines) + 1 merged line; o2 sums to 0
    expect(o).toMatchObject({ rows_read: 4, rows_used: 3, rows_merged: 1, rows_outside: 0, orders: 3, zero_value_orders: 1 });
    expect(s).toMatchObject({ rows_read: 3, rows_used: 1, rows_outside: 2 });
    for (const x of inputs) expect(accountingSides(x)[1]).toBe(x.rows_read);
  });
  it('validate shows each role\'s dates next to the orders\' and the rows outside', async () => {
    const spend = file(dir, 'spend2.csv', 'date,channel,spend\n2024-01-01,web,3\n2024-03-01,web,5\n');
    const r = await runInProcess(['validate', '--orders', orders, '--spend', spend]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('dates      2024-01-01 … 2024-03-01   (orders: 2024-01-01 … 2024-01-03)');
    expect(r.stdout).toContain("outside    1 dated 2024-03-01: on or after the orders' data end (2024-01-04)");
  });
});

describe('no float residue', () => {
  it('the demo\'s returning_rate_ci_low for app, 2023-01 prints 0 (was 0.00000000000000000694)', async () => {
    const r = await runInProcess(['report', '--data', fixture('demo'), '--period', 'month', '--format', 'csv', '--columns', 'returning_rate']);
    const lines = r.stdout.split('\r\n');
    const header = lines[0]!.split(',');
    const row = lines.find((l) => l.startsWith('2023-01-01') && l.split(',')[3] === 'app')!.split(',');
    expect(row[header.indexOf('returning_rate_ci_low')]).toBe('0');
    expect(r.stdout).not.toMatch(/0\.0000000000/);
  });
});
