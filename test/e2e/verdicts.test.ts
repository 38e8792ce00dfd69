/**
 * Verdicts people can act on (issue 12), through the built program (in process, test/helpers/run-in-process.ts) on the demo:
 * the CI gate on the last whole week, zero-spend channels, comparisons in
 * every format.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/run-cli.js';
import { runInProcess } from '../helpers/run-in-process.js';

const DEMO = ['report', '--data', fixture('demo')];
const EXAMPLE = fixture('benchmarks.example.json');
const GATE = [...DEMO, '--period', 'week', '--last', '1w', '--complete', '--benchmarks', EXAMPLE, '--fail-on', 'worse-significant'];

interface Bench {
  status: string | null;
  significant: boolean | null;
  sample?: string;
}
interface Change {
  value: number | null;
  change: number | null;
  change_pct: number | null;
  significant: boolean | null;
}
interface Row {
  period: { label: string; start: string; end: string; partial: boolean } | null;
  channel: string;
  metrics: Record<string, number | null>;
  reasons: Record<string, string>;
  n: Record<string, number>;
  benchmarks: Record<string, Bench>;
  previous?: Record<string, Change>;
}
interface Doc {
  window: { start: string; end: string; partial: boolean };
  periods: { start: string; end: string; partial: boolean }[];
  settings: { min_sample: number };
  rows: Row[];
}

describe('the CI gate: --period week --last 1w --complete --fail-on worse-significant', () => {
  it('evaluates exactly one whole Monday–Sunday week, and its exit code follows only figures with enough evidence', async () => {
    const r = await runInProcess([...GATE, '--format', 'json']);
    const doc = JSON.parse(r.stdout) as Doc;
    // data end 2025-01-01 is a Wednesday: the last whole week is Mon 2024-12-23 … Sun 2024-12-29
    expect(doc.periods).toEqual([{ label: '2024-12-23', start: '2024-12-23', end: '2024-12-29', partial: false }]);
    expect(doc.window).toMatchObject({ start: '2024-12-23', end: '2024-12-29', partial: false });
    expect(doc.settings.min_sample).toBe(30);

    const worse = doc.rows.flatMap((row) => Object.entries(row.benchmarks).filter(([, b]) => b.status === 'worse').map(([k, b]) => ({ row, k, b })));
    const failing = worse.filter(({ b }) => b.significant !== false);
    const small = worse.filter(({ row, k }) => row.n[k] !== undefined && row.n[k] < 30);
    // the demo week has small-sample misses (NPS of a handful of answers) …
    expect(small.length).toBeGreaterThan(0);
    for (const { b } of small) expect(b).toMatchObject({ significant: false, sample: 'insufficient' });
    // … and none of them is among the figures that fail the gate: those have n ≥ 30 or no sampling error
    for (const { row, k } of failing) expect(row.n[k] === undefined || row.n[k] >= 30, `${row.channel} ${k}`).toBe(true);
    expect(r.code).toBe(failing.length > 0 ? 1 : 0);
    if (failing.length > 0) expect(r.stderr).toMatch(/^channelbench: --fail-on worse-significant: \d+ figures? worse than benchmark \(significant\)/m);
    for (const { row, k } of small) expect(r.stderr).not.toContain(`${row.channel} ${k} (`);
  });

  it('the same gate with --week-start sunday is the last whole Sunday–Saturday week', async () => {
    const r = await runInProcess([...GATE, '--week-start', 'sunday', '--format', 'json']);
    expect((JSON.parse(r.stdout) as Doc).periods).toEqual([{ label: '2024-12-22', start: '2024-12-22', end: '2024-12-28', partial: false }]);
  });

  it('without --complete the latest week is the partial calendar week, labelled partial on screen', async () => {
    const r = await runInProcess([...DEMO, '--period', 'week', '--last', '2w', '--columns', 'orders']);
    expect(r.stdout).toContain('week 2024-12-30 (2024-12-30 … 2024-12-31, partial)');
    expect(r.stdout).toMatch(/│ Orders .*│ [▁▂▃▄▅▆▇█]◦ +│/); // the partial week is ◦, not a collapsed bar
    expect(r.stdout).toContain('◦ a partial period (--complete drops it)');
  });

  it('--last 12w with --period week is 12 calendar weeks (was 13, partial at both ends); with --complete 12 whole ones', async () => {
    const [open, whole] = await Promise.all([
      runInProcess([...DEMO, '--period', 'week', '--last', '12w', '--format', 'json']),
      runInProcess([...DEMO, '--period', 'week', '--last', '12w', '--complete', '--format', 'json']),
    ]);
    const p = (JSON.parse(open.stdout) as Doc).periods;
    expect(p).toHaveLength(12);
    expect(p.map((x) => x.partial)).toEqual([...Array<boolean>(11).fill(false), true]);
    expect(p[0]!.start).toBe('2024-10-14'); // Monday of the week 11 weeks before 2024-12-30
    const w = (JSON.parse(whole.stdout) as Doc).periods;
    expect(w).toHaveLength(12);
    expect(w.every((x) => !x.partial)).toBe(true);
    expect([w[0]!.start, w[11]!.end]).toEqual(['2024-10-07', '2024-12-29']);
  });

  it('--complete needs --period', async () => {
    const r = await runInProcess([...DEMO, '--last', '1w', '--complete']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--complete needs --period');
  });
});

describe('min_sample from the config and the benchmarks file', () => {
  it('config settings.min_sample sets the run default; a benchmark entry min_sample wins for its metric', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cb-min-'));
    const config = JSON.parse(readFileSync(fixture('demo', 'channelbench.config.json'), 'utf8')) as { settings: Record<string, unknown> };
    config.settings['min_sample'] = 2;
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
    const bench = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { metrics: Record<string, Record<string, unknown>> };
    bench.metrics['aov']!['min_sample'] = 1000;
    writeFileSync(path.join(dir, 'bench.json'), JSON.stringify(bench));
    const args = [...DEMO, '--config', path.join(dir, 'config.json'), '--period', 'week', '--last', '1w', '--complete', '--benchmarks', path.join(dir, 'bench.json'), '--format', 'json'];
    const doc = JSON.parse((await runInProcess(args)).stdout) as Doc;
    expect(doc.settings.min_sample).toBe(2);
    const app = doc.rows.find((x) => x.channel === 'app')!;
    expect(app.n['nps']).toBeGreaterThanOrEqual(2); // 4 answers: enough under min_sample 2
    expect(app.benchmarks['nps']!.sample).toBeUndefined();
    for (const row of doc.rows) expect(row.benchmarks['aov'], row.channel).toMatchObject({ significant: false, sample: 'insufficient' }); // n < 1000 everywhere
  });

  it('a bad min_sample is a config error naming the path', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cb-min-')), 'bench.json');
    writeFileSync(file, JSON.stringify({ metrics: { nps: { target: 30, min_sample: 2.5 } } }));
    const r = await runInProcess([...DEMO, '--benchmarks', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('metrics.nps.min_sample');
  });
});

describe('zero-spend channels', () => {
  it('demo web has no spend rows: spend 0, but CAC, ROAS and CLV:CAC are null with the reason; the total stays blended', async () => {
    const r = await runInProcess([...DEMO, '--benchmarks', EXAMPLE, '--format', 'json']);
    const rows = (JSON.parse(r.stdout) as Doc).rows;
    const web = rows.find((x) => x.channel === 'web')!;
    expect(web.metrics['spend']).toBe(0);
    for (const k of ['cac', 'roas', 'clv_cac']) {
      expect(web.metrics[k], k).toBeNull();
      expect(web.reasons[k], k).toBe('no spend rows for web');
    }
    expect(web.benchmarks['cac']!.status).toBeNull(); // no longer "better" at 0.00
    const all = rows.find((x) => x.channel === '(all)')!;
    const spend = rows.filter((x) => x.channel !== '(all)').reduce((a, x) => a + x.metrics['spend']!, 0);
    const newCustomers = rows.filter((x) => x.channel !== '(all)').reduce((a, x) => a + x.metrics['new_customers']!, 0);
    expect(all.metrics['cac']).toBeCloseTo(spend / newCustomers, 6); // blended: web's new customers count
  });
});

describe('--compare previous in every format', () => {
  const MONTHLY = [...DEMO, '--period', 'month', '--last', '3m', '--columns', 'orders,aov,conversion_rate,nps', '--compare', 'previous'];

  it('csv wide has <metric>_previous, _change, _change_pct, _change_significant with the values JSON has', async () => {
    const [csv, json, plain] = await Promise.all([runInProcess([...MONTHLY, '--format', 'csv']), runInProcess([...MONTHLY, '--format', 'json']), runInProcess([...MONTHLY.slice(0, -2), '--format', 'csv'])]);
    expect(csv.stdout).not.toBe(plain.stdout);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    const doc = JSON.parse(json.stdout) as Doc;
    expect(rows).toHaveLength(doc.rows.length);
    const cell = (v: number | boolean | null): string => (v === null ? '' : String(v));
    doc.rows.forEach((j, i) => {
      for (const k of ['orders', 'aov', 'conversion_rate', 'nps']) {
        const c = j.previous![k]!;
        expect(rows[i]![`${k}_previous`], `${j.channel} ${k}`).toBe(cell(c.value));
        expect(rows[i]![`${k}_change`]).toBe(cell(c.change));
        expect(rows[i]![`${k}_change_pct`]).toBe(cell(c.change_pct));
        expect(rows[i]![`${k}_change_significant`]).toBe(cell(c.significant));
      }
    });
  });

  it('csv long has previous, change, change_pct, change_significant beside partial, n, ci and the benchmark fields', async () => {
    const r = await runInProcess([...MONTHLY, '--format', 'csv', '--shape', 'long', '--benchmarks', EXAMPLE]);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['period_start', 'period_end', 'partial', 'channel', 'metric', 'value', 'n', 'ci_low', 'ci_high', 'benchmark', 'delta', 'status', 'significant', 'sample', 'previous', 'change', 'change_pct', 'change_significant']);
    const nps = rows.find((x) => x.metric === 'nps' && x.channel === 'app' && x.partial === 'false')!;
    expect(Number(nps.n)).toBeGreaterThan(0);
    expect(nps.previous).not.toBe('');
  });

  it('table and markdown show the previous value and the change under each metric', async () => {
    const [table, md] = await Promise.all([runInProcess([...MONTHLY, '--benchmarks', EXAMPLE]), runInProcess([...MONTHLY, '--format', 'markdown'])]);
    // At the test's 80 columns the table is compact (channels as rows): the comparison is a table of its own.
    expect(table.stdout).toMatch(/^vs previous$/m);
    expect(table.stdout).toMatch(/^│ web +│ .*→/m);
    expect(table.stdout.replace(/\n/g, ' ')).toContain('vs previous: the earlier value → the change');
    expect(md.stdout).toMatch(/^\| ↳ vs previous \| .*→/m);
  });

  it('--baseline FILE appears in table, csv and markdown too', async () => {
    const base = await runInProcess([...DEMO, '--period', 'month', '--last', '3m', '--format', 'json']);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cb-base-')), 'base.json');
    writeFileSync(file, base.stdout);
    const args = [...DEMO, '--period', 'month', '--last', '3m', '--columns', 'orders,aov', '--baseline', file];
    const [csv, table, md] = await Promise.all([runInProcess([...args, '--format', 'csv']), runInProcess(args), runInProcess([...args, '--format', 'markdown'])]);
    expect(csv.stdout.split('\r\n')[0]).toBe(
      'period_start,period_end,partial,channel,orders,orders_baseline,orders_baseline_change,orders_baseline_change_pct,orders_baseline_change_significant,aov,aov_n,aov_ci_low,aov_ci_high,aov_baseline,aov_baseline_change,aov_baseline_change_pct,aov_baseline_change_significant',
    );
    const row = (parse(csv.stdout, { columns: true }) as Record<string, string>[])[0]!;
    expect(row['orders_baseline']).toBe(row['orders']);
    expect(row['orders_baseline_change']).toBe('0');
    expect(table.stdout).toContain('vs baseline');
    expect(md.stdout).toContain('↳ vs baseline');
  });

  it('--baseline reads a report written with --columns (only those metrics have a baseline)', async () => {
    const base = await runInProcess([...DEMO, '--period', 'month', '--last', '3m', '--columns', 'orders', '--format', 'json']);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cb-base-')), 'orders-only.json');
    writeFileSync(file, base.stdout);
    const r = await runInProcess([...DEMO, '--period', 'month', '--last', '3m', '--columns', 'orders,aov', '--baseline', file, '--format', 'json', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = (JSON.parse(r.stdout) as { rows: { metrics: Record<string, number | null>; baseline: Record<string, { value: number | null; change: number | null }> }[] }).rows;
    for (const row of rows) {
      expect(Object.keys(row.baseline)).toEqual(['orders']);
      expect(row.baseline['orders']).toMatchObject({ value: row.metrics['orders'], change: 0 });
    }
  });
});
