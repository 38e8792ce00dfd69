/**
 * Benchmarks through the built program, in process (SPEC §4): gates, significance, baseline,
 * previous-period changes, validation errors, init.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/run-cli.js';
import { runInProcess } from '../helpers/run-in-process.js';

const DEMO = ['report', '--data', fixture('demo')];
const EXAMPLE = fixture('benchmarks.example.json');
const GOLDEN = ['report', '--data', fixture('golden'), '--period', 'month', '--retention-days', '20', '--clv-horizon-days', '20'];

interface Row {
  period: { label: string } | null;
  channel: string;
  metrics: Record<string, number | null>;
  ci: Record<string, [number, number]>;
  benchmarks: Record<string, { target?: number; min?: number; max?: number; delta: number | null; status: string | null; significant: boolean | null; source?: string }>;
  previous?: Record<string, { value: number | null; change: number | null; change_pct: number | null; significant: boolean | null }>;
  baseline?: Record<string, { value: number | null; change: number | null }>;
}
const rowsOf = (stdout: string): Row[] => (JSON.parse(stdout) as { rows: Row[] }).rows;

describe('--fail-on', () => {
  it('worse: exits 1 on the demo with the example benchmarks, after printing the full report', async () => {
    const r = await runInProcess([...DEMO, '--benchmarks', EXAMPLE, '--fail-on', 'worse', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(rowsOf(r.stdout).length).toBe(7);
    expect(r.stderr).toMatch(/^channelbench: --fail-on worse: 17 figures worse than benchmark: web nps ~, app cac, .*, … \(17 in all\)$/m);
  });
  it('exits 0 when every figure meets its benchmark', async () => {
    const r = await runInProcess([...DEMO, '--benchmarks', fixture('benchmarks', 'all-met.json'), '--fail-on', 'worse']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
  it('worse-significant ignores misses that are noise; worse does not', async () => {
    // web converts 2/100 in January against a 5% target: worse, but Wilson 95% CI [0.0055, 0.0700] holds 0.05.
    const args = [...GOLDEN, '--benchmarks', fixture('benchmarks', 'golden-conversion.json'), '--format', 'json'];
    const worse = await runInProcess([...args, '--fail-on', 'worse']);
    expect(worse.code).toBe(1);
    const sig = await runInProcess([...args, '--fail-on', 'worse-significant']);
    expect(sig.code).toBe(0);
    const web = rowsOf(sig.stdout).find((r) => r.period?.label === '2024-01-01' && r.channel === 'web')!;
    expect(web.benchmarks['conversion_rate']).toMatchObject({ target: 0.05, delta: -0.03, status: 'worse', significant: false });
    expect(web.ci['conversion_rate']![0]).toBeCloseTo(0.0055, 4);
    expect(web.ci['conversion_rate']![1]).toBeCloseTo(0.07, 4);
    // the (all) override: 0.02 against 0.01 → better
    const all = rowsOf(sig.stdout).find((r) => r.period?.label === '2024-01-01' && r.channel === '(all)')!;
    expect(all.benchmarks['conversion_rate']).toMatchObject({ target: 0.01, status: 'better' });
  });
  it('without any benchmarks is a usage error', async () => {
    const r = await runInProcess([...DEMO, '--fail-on', 'worse']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--fail-on worse: no benchmarks to compare with');
  });
});

describe('benchmark files', () => {
  it('a malformed file is exit 2 naming the JSON path', async () => {
    const r = await runInProcess([...DEMO, '--benchmarks', fixture('benchmarks', 'bad-type.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('metrics.cac.channels.store: expected a number, got "45"');
  });
  it('an unknown metric lists the valid keys', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cb-'));
    const file = path.join(dir, 'b.json');
    writeFileSync(file, JSON.stringify({ metrics: { ctr: { target: 1 } } }));
    const r = await runInProcess([...DEMO, '--benchmarks', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown metric "ctr"');
    expect(r.stderr).toContain('aov');
  });
  it('the example file carries a source on every entry', () => {
    const doc = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { metrics: Record<string, { source?: string }> };
    for (const [k, v] of Object.entries(doc.metrics)) expect(v.source, k).toMatch(/illustrative/);
  });
  it('benchmark columns appear in csv where benchmarks apply', async () => {
    const r = await runInProcess([...DEMO, '--benchmarks', EXAMPLE, '--format', 'csv', '--columns', 'orders,cac']);
    const [header] = r.stdout.split('\r\n');
    expect(header).toBe('period_start,period_end,partial,channel,orders,cac,cac_benchmark,cac_delta,cac_status,cac_significant,cac_sample');
    const aov = await runInProcess([...DEMO, '--benchmarks', EXAMPLE, '--format', 'csv', '--columns', 'aov']);
    expect(aov.stdout.split('\r\n')[0]).toBe('period_start,period_end,partial,channel,aov,aov_n,aov_ci_low,aov_ci_high,aov_benchmark,aov_delta,aov_status,aov_significant,aov_sample');
  });
});

describe('--baseline and --compare previous', () => {
  it('a report compared with itself has every change 0', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cb-'));
    const base = path.join(dir, 'base.json');
    const first = await runInProcess([...GOLDEN, '--format', 'json', '--output', base]);
    expect(first.code).toBe(0);
    const r = await runInProcess([...GOLDEN, '--format', 'json', '--baseline', base]);
    expect(r.code).toBe(0);
    const rows = rowsOf(r.stdout);
    for (const row of rows) {
      for (const [k, c] of Object.entries(row.baseline!)) {
        expect(c.value, `${row.channel} ${k}`).toBe(row.metrics[k]);
        if (row.metrics[k] !== null) expect(c.change, `${row.channel} ${k}`).toBe(0);
      }
    }
  });
  it('a baseline that is not a report is refused with the problem path', async () => {
    const r = await runInProcess([...GOLDEN, '--baseline', fixture('benchmarks.example.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a channelbench.report/v1 document');
  });
  it('--compare previous gives each figure the previous period’s value and change', async () => {
    const r = await runInProcess([...GOLDEN, '--compare', 'previous', '--format', 'json']);
    const feb = rowsOf(r.stdout).find((x) => x.period?.label === '2024-02-01' && x.channel === 'web')!;
    // web orders: January 2 → February 1
    expect(feb.previous!['orders']).toEqual({ value: 2, change: -1, change_pct: -0.5, significant: null });
    // conversion 0.02 (2/100) → 0.0167 (1/60): a two-proportion z-test finds no significant change
    expect(feb.previous!['conversion_rate']).toMatchObject({ value: 0.02, significant: false });
    const jan = rowsOf(r.stdout).find((x) => x.period?.label === '2024-01-01' && x.channel === 'web')!;
    // December 2023 has no data: orders 0 → change +2, no percentage of 0
    expect(jan.previous!['orders']).toEqual({ value: 0, change: 2, change_pct: null, significant: null });
  });
});

describe('init', () => {
  it('writes a config with the detected mapping and a benchmarks skeleton, refuses to overwrite, and the result runs', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cb-'));
    const r = await runInProcess(['init', '--orders', fixture('demo', 'orders.csv'), '--spend', fixture('demo', 'spend.csv')], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('wrote channelbench.config.json');
    const config = JSON.parse(readFileSync(path.join(dir, 'channelbench.config.json'), 'utf8')) as {
      columns: Record<string, Record<string, string>>;
      benchmarks: { metrics: Record<string, { observed: number | null; target: null }> };
    };
    expect(config.columns['orders']).toMatchObject({ date: 'Order Date', revenue: 'Total', order_id: 'Order ID', channel: 'Channel' });
    expect(config.benchmarks.metrics['orders']).toEqual({ observed: 20237, target: null });
    const again = await runInProcess(['init', '--orders', fixture('demo', 'orders.csv')], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists; not overwriting it');
    const forced = await runInProcess(['init', '--orders', fixture('demo', 'orders.csv'), '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    const report = await runInProcess(['report', '--orders', fixture('demo', 'orders.csv'), '--format', 'json'], { cwd: dir });
    expect(report.code).toBe(0);
  });
});
