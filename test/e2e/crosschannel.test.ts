/**
 * `crosschannel` and `cohorts` through the built program (in process): every format parses,
 * nothing is coloured in a pipe, the golden fixture's figures, plausible values
 * on the demo and usage errors (the UCI Online Retail runs:
 * crosschannel.slow.test.ts). Run `npm run build` first.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/run-cli.js';
import { runInProcess } from '../helpers/run-in-process.js';

const FIXTURE = fixture('crosschannel');
const DEMO = fixture('demo');
const FORMATS = ['table', 'csv', 'tsv', 'json', 'ndjson', 'markdown'] as const;
/** Piped stdout with no NO_COLOR: colour must still be off. */
const PIPED = { NO_COLOR: '' };

interface CrossDoc {
  schema: string;
  as_of: string;
  channels: string[];
  summary: { customers: number; multichannel_customers: number; multichannel_share: number | null; omnichannel_lift: number | null; mean_net_value_single: number | null; mean_net_value_multichannel: number | null };
  buckets: { bucket: string; customers: number; mean_net_value: number | null; mean_purchases: number | null; aov: number | null }[];
  overlap: { from: string; customers: number; cells: { to: string; value: number | null }[] }[];
  migration: { from: string; acquired: number; excluded: number; later_purchases: number; cells: { to: string; value: number | null }[] }[];
  periods: { period: { label: string }; multichannel_share: number | null; omnichannel_lift: number | null }[];
}
interface CohortDoc {
  schema: string;
  horizon: number;
  channels: string[];
  cohorts: { cohort: { label: string }; channel: string; size: number; retained_share: (number | null)[]; cumulative_value: (number | null)[] }[];
}

/** Asserts that stdout is well-formed for its format, with no escape byte. */
function assertParses(format: (typeof FORMATS)[number], stdout: string): void {
  expect(stdout).not.toContain('\u001b');
  expect(stdout.length).toBeGreaterThan(0);
  switch (format) {
    case 'json':
      expect(() => JSON.parse(stdout) as unknown).not.toThrow();
      break;
    case 'ndjson':
      for (const line of stdout.trimEnd().split('\n')) expect(() => JSON.parse(line) as unknown).not.toThrow();
      break;
    case 'csv':
    case 'tsv': {
      const rows = parse(stdout, { delimiter: format === 'csv' ? ',' : '\t' }) as string[][];
      expect(rows.length).toBeGreaterThan(1);
      expect(new Set(rows.map((r) => r.length)).size).toBe(1);
      break;
    }
    case 'markdown': {
      const tables = stdout.split('\n\n').filter((b) => b.startsWith('|'));
      expect(tables.length).toBeGreaterThan(0);
      for (const t of tables) expect(new Set(t.trim().split('\n').map((l) => l.split(/(?<!\\)\|/).length)).size).toBe(1);
      break;
    }
    case 'table':
      expect(stdout).toContain('┌');
      break;
  }
}

describe.each(['crosschannel', 'cohorts'] as const)('%s: every format', (command) => {
  it.each(FORMATS)('--format %s exits 0 and parses (no escapes in a pipe)', async (format) => {
    const r = await runInProcess([command, '--data', FIXTURE, '--period', 'month', '--format', format], { env: PIPED });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    assertParses(format, r.stdout);
  });
});

describe('crosschannel on the golden fixture', () => {
  it('json: the hand-worked figures', async () => {
    const r = await runInProcess(['crosschannel', '--data', FIXTURE, '--period', 'month', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as CrossDoc;
    expect(doc.schema).toBe('channelbench.crosschannel/v1');
    expect(doc.as_of).toBe('2024-03-16');
    expect(doc.summary.multichannel_share).toBe(0.5); // 5 of 10
    expect(doc.summary.omnichannel_lift).toBe(1.41176470588); // 144 / 102
    expect(doc.buckets.map((b) => [b.bucket, b.customers, b.mean_net_value, b.mean_purchases, b.aov])).toEqual([
      ['1', 5, 102, 1.6, 71.25],
      ['2', 3, 120, 2.33333333333, 51.4285714286],
      ['3+', 2, 180, 3, 60],
    ]);
    expect(doc.overlap.find((o) => o.from === 'store')!.cells.map((c) => c.value)).toEqual([1, 0.6, 0.4]); // store, web, app
    expect(doc.migration.find((m) => m.from === 'web')!.cells.map((c) => c.value)).toEqual([0.333333333333, 0.166666666667, 0.5]);
    expect(doc.periods.map((p) => p.multichannel_share)).toEqual([0.4, 0.25, 0.5]);
  });

  it('FORCE_COLOR colours the table', async () => {
    const r = await runInProcess(['cohorts', '--data', FIXTURE], { env: { NO_COLOR: '', FORCE_COLOR: '2' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\u001b[48;5;');
  });

  it('cohorts --channel: case-insensitive; unknown → exit 2 listing the channels', async () => {
    const ok = await runInProcess(['cohorts', '--data', FIXTURE, '--channel', 'WEB', '--horizon', '2', '--format', 'csv']);
    expect(ok.code).toBe(0);
    expect(ok.stdout.split('\r\n').filter(Boolean)).toHaveLength(1 + 3 * 3);
    const bad = await runInProcess(['cohorts', '--data', FIXTURE, '--channel', 'email']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('channelbench: --channel: no channel "email" in the data\n  hint: channels: web, store, app, (all)\n');
  });

  it('cohorts --horizon must be a whole number 0…1000', async () => {
    const r = await runInProcess(['cohorts', '--data', FIXTURE, '--horizon', '-1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--horizon');
  });

  it('help lists the flags and examples', async () => {
    const c = await runInProcess(['cohorts', '--help']);
    expect(c.code).toBe(0);
    for (const flag of ['--horizon', '--channel', '--period', '--week-start', '--format', '--data']) expect(c.stdout).toContain(flag);
    expect(c.stdout).toContain('Examples:');
    const x = await runInProcess(['crosschannel', '--help']);
    expect(x.stdout).toContain('$ channelbench crosschannel --data fixtures/demo');
  });
});

describe('on the demo', () => {
  it('crosschannel: plausible values', async () => {
    const r = await runInProcess(['crosschannel', '--data', DEMO, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as CrossDoc;
    expect(doc.channels).toHaveLength(6);
    expect(doc.summary.customers).toBeGreaterThan(5000);
    expect(doc.summary.multichannel_share).toBeGreaterThan(0.1);
    expect(doc.summary.multichannel_share).toBeLessThan(0.6);
    expect(doc.summary.omnichannel_lift).toBeGreaterThan(1.5); // multichannel customers are worth more
    const [one, two, more] = doc.buckets;
    expect(one!.mean_net_value!).toBeLessThan(two!.mean_net_value!);
    expect(two!.mean_net_value!).toBeLessThan(more!.mean_net_value!);
    for (const row of doc.overlap) {
      expect(row.cells.find((c) => c.to === row.from)!.value).toBe(1);
      for (const c of row.cells) expect(c.value!).toBeLessThanOrEqual(1);
    }
    for (const row of doc.migration) {
      expect(Math.abs(row.cells.reduce((s, c) => s + c.value!, 0) - 1)).toBeLessThan(1e-9);
      expect(row.excluded).toBeLessThan(row.acquired);
    }
  });

  it('cohorts: sizes, retention in (0, 1), value growing with k, incomplete cells null', async () => {
    const r = await runInProcess(['cohorts', '--data', DEMO, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as CohortDoc;
    expect(doc.schema).toBe('channelbench.cohorts/v1');
    expect(doc.horizon).toBe(12);
    const all = doc.cohorts.filter((c) => c.channel === '(all)');
    expect(all).toHaveLength(24); // 2023-01 … 2024-12
    expect(all.reduce((s, c) => s + c.size, 0)).toBeGreaterThan(5000);
    const first = all[0]!;
    expect(first.retained_share[0]).toBe(1);
    expect(first.retained_share[1]!).toBeGreaterThan(0.05);
    expect(first.retained_share[1]!).toBeLessThan(0.6);
    expect(first.cumulative_value[12]!).toBeGreaterThan(first.cumulative_value[0]!);
    expect(all.at(-1)!.retained_share[1]).toBeNull(); // Dec 2024 + 1 month is after the data end
    expect(all.at(-2)!.retained_share[1]).not.toBeNull(); // Nov 2024 + 1 = Dec 2024, complete
  });
});
