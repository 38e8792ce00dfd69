/**
 * --currency EUR --fx on fixtures/fx (rates: Fri 1 March 1 EUR = 1.25 USD and
 * 1 GBP = 1.2 EUR; Mon 4 March 1 EUR = 1.0 USD and 1 EUR = 160 JPY):
 *   orders  o1 web   Fri 100 EUR              = 100
 *           o2 web   Fri  50 USD × 0.8        =  40
 *           o3 email Sat 125 USD × 0.8 (Fri)  = 100
 *           o4 email Sun  10 GBP × 1.2 (Fri)  =  12
 *           o5 web   Mon  30 USD × 1.0        =  30
 *           o6 web   Mon 1600 JPY / 160       =  10
 *   web revenue 180 (4 orders, 4 new customers), email 112 (2, 2)
 *   spend   web   Fri 25 USD × 0.8 = 20, Sat 5 EUR → 25
 *           email Mon 16 GBP × 1.2 (Fri's, 3 days old) → 19.2
 *   CAC web 25 / 4 = 6.25, email 19.2 / 2 = 9.6; ROAS web 180 / 25 = 7.2, email 112 / 19.2 = 5.8333…
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/run-cli.js';
import { runInProcess } from '../helpers/run-in-process.js';

const DATA = ['--data', fixture('fx')];
const FX = ['--currency', 'EUR', '--fx', fixture('fx', 'rates.csv')];

interface Doc {
  settings: { currency: string | null };
  inputs: { role: string; converted_rows: Record<string, number> }[];
  rows: { channel: string; metrics: Record<string, number | null> }[];
}

async function temp(name: string, text: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cb-fx-'));
  const file = path.join(dir, name);
  await fs.writeFile(file, text);
  return file;
}

describe('currencies', () => {
  it("converts orders and spend at each day's rate; CAC and ROAS in EUR", async () => {
    const r = await runInProcess(['report', ...DATA, ...FX, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.settings.currency).toBe('EUR');
    expect(doc.inputs.map((i) => [i.role, i.converted_rows])).toEqual([
      ['orders', { GBP: 1, JPY: 1, USD: 3 }],
      ['spend', { GBP: 1, USD: 1 }],
    ]);
    const m = (ch: string) => doc.rows.find((x) => x.channel === ch)!.metrics;
    expect([m('web')['revenue'], m('web')['spend'], m('web')['cac'], m('web')['roas']]).toEqual([180, 25, 6.25, 7.2]);
    expect([m('email')['revenue'], m('email')['spend'], m('email')['cac'], m('email')['roas']]).toEqual([112, 19.2, 9.6, 5.83333333333]);
    expect([m('(all)')['revenue'], m('(all)')['spend']]).toEqual([292, 44.2]);
  });

  it('every output states the report currency', async () => {
    const csv = await runInProcess(['report', ...DATA, ...FX, '--format', 'csv', '--columns', 'revenue']);
    expect(csv.stdout.split('\r\n').slice(0, 2)).toEqual(['period_start,period_end,partial,channel,currency,revenue', '2024-03-01,2024-03-04,false,web,EUR,180']);
    const md = await runInProcess(['report', ...DATA, ...FX, '--format', 'markdown', '--columns', 'revenue']);
    expect(md.stdout).toContain('## channelbench report: 2024-03-01 … 2024-03-04 (EUR)');
    const table = await runInProcess(['report', ...DATA, ...FX, '--columns', 'revenue']);
    expect(table.stdout).toContain('€180.00');
  });

  it('mixed currencies without a rate table: exit 3 naming the currency, date and flag', async () => {
    const r = await runInProcess(['report', ...DATA]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('orders.csv line 3: an amount in USD (dated 2024-03-01), but the other amounts are in EUR');
    expect(r.stderr).toContain('hint: pass --fx rates.csv (columns date, from, to, rate) and --currency EUR to convert them');
  });

  it('a stale rate and a missing rate are input errors', async () => {
    const stale = await temp('orders.csv', 'date,total,currency\n2024-03-01,10,EUR\n2024-03-12,10,GBP\n');
    const r = await runInProcess(['report', '--orders', stale, ...FX]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('line 3: no usable GBP→EUR rate for 2024-03-12 in --fx');
    expect(r.stderr).toContain('its latest GBP→EUR rate is from 2024-03-01, 11 days earlier, and rates are used for at most 7 days');
    expect(r.stderr).toContain('--fx-max-age DAYS');
    const ok = await runInProcess(['report', '--orders', stale, ...FX, '--fx-max-age', '11', '--format', 'csv', '--columns', 'revenue']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(',(all),EUR,22\r\n'); // 10 + 10 × 1.2
    const chf = await temp('orders.csv', 'date,total,currency\n2024-03-04,10,CHF\n');
    const missing = await runInProcess(['report', '--orders', chf, ...FX]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('line 2: no usable CHF→EUR rate for 2024-03-04 in --fx');
  });

  it('--fx without --currency is a usage error', async () => {
    const r = await runInProcess(['report', ...DATA, '--fx', fixture('fx', 'rates.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('which currency should the amounts be converted into?');
  });
});
