/**
 * `clv` options end to end on small generated orders (test/helpers/clv-orders.ts):
 * the frequency–spend correlation warning, --unit day, --timezone, and the
 * formula-safe text rule of the CSV output.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clvOrdersCsv } from '../helpers/clv-orders.js';
import { runCli } from '../helpers/run-cli.js';

interface Doc {
  unit: string;
  horizon: { text: string; units: number };
  calibration_end: string;
  settings?: { timezone?: string };
  warnings: string[];
  rows: { channel: string; customers: number; repeat_customers: number; frequency_spend_correlation: number | null; metrics: Record<string, number | null>; parameters: { bgnbd: Record<string, { value: number }> } }[];
}

let dir = '';
const file = (name: string, text: string): string => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'clv-options-'));
});

const all = (d: Doc) => d.rows.find((r) => r.channel === '(all)')!;

describe('clv options', () => {
  it('warns on stderr when frequency and spend are correlated, and the JSON carries the correlation', async () => {
    const orders = file('correlated.csv', clvOrdersCsv({ customers: 600, correlated: true }));
    const r = await runCli(['clv', '--orders', orders, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    const rho = all(doc).frequency_spend_correlation!;
    expect(rho).toBeGreaterThan(0.3);
    expect(r.stderr).toContain(`(all): frequency and spend per purchase are correlated (ρ = ${rho.toFixed(2)}); Gamma-Gamma assumes they are independent`);
    expect(doc.warnings.some((w) => w.startsWith('(all): frequency and spend per purchase are correlated'))).toBe(true);
    // Independent values: no warning.
    const calm = await runCli(['clv', '--orders', file('independent.csv', clvOrdersCsv({ customers: 600 })), '--format', 'json']);
    expect(calm.code).toBe(0);
    expect(calm.stderr).not.toContain('correlated');
    expect(Math.abs(all(JSON.parse(calm.stdout) as Doc).frequency_spend_correlation!)).toBeLessThan(0.3);
  });

  it('--unit day: header and JSON say day; the horizon is 7× as many units, α is 7× the weekly one, the prediction is the same model', async () => {
    const orders = file('days.csv', clvOrdersCsv({ customers: 600 }));
    const week = JSON.parse((await runCli(['clv', '--orders', orders, '--format', 'json'])).stdout) as Doc;
    const dayRun = await runCli(['clv', '--orders', orders, '--unit', 'day', '--format', 'json']);
    expect(dayRun.code).toBe(0);
    const day = JSON.parse(dayRun.stdout) as Doc;
    expect([week.unit, day.unit]).toEqual(['week', 'day']);
    expect([week.horizon.units, day.horizon.units]).toEqual([52, 364]);
    // Time only rescales: r, a, b unchanged and α × 7 (to the optimiser's precision).
    const [w, d] = [all(week).parameters.bgnbd, all(day).parameters.bgnbd];
    expect(d.alpha!.value / w.alpha!.value).toBeCloseTo(7, 3);
    expect(d.r!.value).toBeCloseTo(w.r!.value, 4);
    expect(d.b!.value).toBeCloseTo(w.b!.value, 3);
    expect(all(day).metrics.predicted_clv!).toBeCloseTo(all(week).metrics.predicted_clv!, 2);
    const table = await runCli(['clv', '--orders', orders, '--unit', 'day', '--format', 'markdown']);
    expect(table.stdout).toMatch(/unit day/);
  });

  it('--timezone: same-day merging and the calibration end follow the reporting zone', async () => {
    // Every generated order is at 05:00 UTC = 21:00 PST the evening before in Los Angeles, so each customer's
    // calendar days shift together. Customer CX orders at 2023-03-01 05:00Z and 20:00Z: one UTC day (03-01),
    // but two Los Angeles days (02-28 21:00 and 03-01 12:00 PST): one more repeat customer there.
    const base = clvOrdersCsv({ customers: 600, hour: 5 });
    const orders = file('zone.csv', `${base}999001,CX,2023-03-01T05:00:00Z,web,10.00\n999002,CX,2023-03-01T20:00:00Z,web,10.00\n`);
    const utc = await runCli(['clv', '--orders', orders, '--format', 'json']);
    const la = await runCli(['clv', '--orders', orders, '--timezone', 'America/Los_Angeles', '--format', 'json']);
    expect([utc.code, la.code]).toEqual([0, 0]);
    const [u, l] = [JSON.parse(utc.stdout) as Doc, JSON.parse(la.stdout) as Doc];
    expect(all(l).customers).toBe(all(u).customers);
    expect(all(l).repeat_customers).toBe(all(u).repeat_customers + 1);
    // The last order (05:00Z on the data's last UTC day) is the evening before in Los Angeles.
    const dayBefore = new Date(Date.parse(`${u.calibration_end}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(l.calibration_end).toBe(dayBefore);
  });

  it('--format csv: a formula-like channel name is written as text (a leading \'); --raw-text writes it as it is', async () => {
    const orders = file('formula.csv', clvOrdersCsv({ customers: 600 }).replaceAll(',email,', ',=2+3,'));
    const safe = await runCli(['clv', '--orders', orders, '--format', 'csv']);
    expect(safe.code).toBe(0);
    const firstCells = (out: string): string[] => out.trimEnd().split('\r\n').slice(1).map((l) => l.split(',')[0]!);
    expect(firstCells(safe.stdout)).toContain("'=2+3");
    expect(safe.stdout).not.toMatch(/(^|\n)=2\+3,/);
    const raw = await runCli(['clv', '--orders', orders, '--format', 'csv', '--raw-text']);
    expect(raw.code).toBe(0);
    expect(firstCells(raw.stdout)).toContain('=2+3');
    const tsv = await runCli(['clv', '--orders', orders, '--format', 'tsv']);
    expect(tsv.stdout).toContain("\n'=2+3\t");
  });
});
