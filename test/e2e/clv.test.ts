/**
 * `channelbench clv` end to end on the CDNOW sample (the published figures),
 * with the holdout check and a benchmark gate on predicted_clv_cac. Skipped
 * without ../shared. Every format on the demo and CDNOW: clv.slow.test.ts.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASETS, ROOT } from '../helpers/run-cli.js';
import { runInProcess } from '../helpers/run-in-process.js';

const SAMPLE = path.join(DATASETS, 'cdnow/CDNOW_sample.txt');
const have = existsSync(SAMPLE);
if (!have) console.warn(`skipping clv e2e on CDNOW: ${SAMPLE} not found (clone next to shared/ to run it)`);
const CDNOW = ['clv', '--orders', SAMPLE, '--preset', 'cdnow', '--zero-value-purchases'];

interface Row {
  channel: string;
  model: string;
  customers: number;
  parameters: { bgnbd: Record<string, { value: number; se: number }> & { log_likelihood: number }; gamma_gamma: Record<string, { value: number }> };
  metrics: Record<string, number | null>;
  holdout: { predicted: number; actual: number; error: number; error_pct: number | null } | null;
  benchmarks: Record<string, { status: string }>;
}

describe.skipIf(!have)('clv on CDNOW', () => {
  it('calibration to 1997-09-30 with a 39-week holdout: published parameters, predicted vs actual repeat purchases', async () => {
    const r = await runInProcess([...CDNOW, '--holdout', '39w', '--format', 'json']);
    // --zero-value-purchases counts the 8 $0.00 orders as purchases, so no zero-value note (issue 13) is printed.
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { unit: string; horizon: { units: number }; calibration_end: string; holdout: { start: string; end: string; units: number }; rows: Row[] };
    expect(doc.unit).toBe('week');
    expect(doc.horizon.units).toBe(52);
    expect(doc.calibration_end).toBe('1997-09-30');
    expect(doc.holdout).toEqual({ start: '1997-10-01', end: '1998-06-30', units: 39 });
    const all = doc.rows.find((x) => x.channel === '(all)')!;
    expect(all.customers).toBe(2357);
    const bg = all.parameters.bgnbd;
    expect(bg.r!.value).toBeCloseTo(0.2426, 3);
    expect(bg.alpha!.value).toBeCloseTo(4.4135, 2);
    expect(Math.abs(bg.log_likelihood - -9582.43)).toBeLessThan(0.01);
    expect(all.parameters.gamma_gamma.p!.value).toBeCloseTo(6.25, 1);
    // 1,882 same-day-merged repeat purchase days in the holdout; the model predicts ~1,653 (the paper's under-prediction).
    expect(all.holdout!.actual).toBe(1882);
    expect(all.holdout!.predicted).toBeGreaterThan(1600);
    expect(all.holdout!.predicted).toBeLessThan(1700);
    expect(all.holdout!.error).toBeCloseTo(all.holdout!.predicted - 1882, 6);
  });

  it('benchmark gate on predicted_clv_cac: exit 1 when worse, 0 when on target', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'clv-'));
    const spend = path.join(dir, 'spend.csv');
    // CAC is SPEC's: $70,470 over the 2,349 customers acquired by a purchase of value > 0
    // (the 8 whose only orders are $0.00 are in the model with --zero-value-purchases, not in CAC) = 30.
    writeFileSync(spend, 'date,channel,spend\n1997-01-15,(unknown),70470\n');
    const bench = path.join(dir, 'b.json');
    writeFileSync(bench, JSON.stringify({ metrics: { predicted_clv_cac: { min: 3 } } }));
    const worse = await runInProcess([...CDNOW, '--to', '1997-09-30', '--spend', spend, '--benchmarks', bench, '--fail-on', 'worse', '--format', 'json']);
    expect(worse.code).toBe(1);
    expect(worse.stderr).toContain('--fail-on worse: 2 figures worse than benchmark: (unknown) predicted_clv_cac, (all) predicted_clv_cac');
    const row = (JSON.parse(worse.stdout) as { rows: Row[] }).rows[0]!;
    expect(row.metrics.cac).toBe(30);
    expect(row.metrics.predicted_clv_cac).toBeCloseTo(row.metrics.predicted_clv! / 30, 9);
    expect(row.benchmarks.predicted_clv_cac!.status).toBe('worse');
    writeFileSync(bench, JSON.stringify({ metrics: { predicted_clv_cac: { min: 0.5 } } }));
    const ok = await runInProcess([...CDNOW, '--to', '1997-09-30', '--spend', spend, '--benchmarks', bench, '--fail-on', 'worse', '--format', 'csv']);
    expect(ok.code).toBe(0);
    expect(ok.stdout.split('\r\n')[0]).toContain('predicted_clv_cac_benchmark,predicted_clv_cac_status');
  });

  it('the README shows the real output of its CDNOW example (100 columns)', async () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const marker = 'channelbench clv --orders $D/cdnow/CDNOW_sample.txt --preset cdnow --zero-value-purchases --holdout 39w\n```\n\n```text\n';
    const start = readme.indexOf(marker) + marker.length;
    expect(start).toBeGreaterThan(marker.length);
    const r = await runInProcess([...CDNOW, '--holdout', '39w'], { env: { COLUMNS: '100' } });
    expect(readme.slice(start, readme.indexOf('```', start))).toBe(r.stdout);
  });

  it('a bad --holdout or --horizon is a usage error (exit 2)', async () => {
    const r = await runInProcess([...CDNOW, '--holdout', '3000w']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--holdout 3000w: the holdout must start after the window start');
    const h = await runInProcess([...CDNOW, '--horizon', 'soon']);
    expect(h.code).toBe(2);
    expect(h.stderr).toContain('--horizon: expected N followed by d, w, m, q or y');
  });
});
