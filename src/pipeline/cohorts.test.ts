/**
 * The cohorts and crosschannel use cases on the fixtures, through the real
 * ingest: cohort sizes equal `report`'s new_customers for the same periods, the
 * --channel rules, and the golden figures read from fixtures/crosschannel.
 */
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseInputFlags } from '../cli/input-options.js';
import { InputError, UsageError } from '../errors.js';
import type { PeriodUnit } from '../model.js';
import { runCohorts, DEFAULT_HORIZON } from './cohorts.js';
import { runCrossChannel } from './crosschannel.js';
import { runReport } from './report.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const input = (opts: Record<string, unknown>) => parseInputFlags(opts);
const windowFlags = (w: { from?: string; to?: string; last?: string; period?: PeriodUnit }) => ({
  from: w.from,
  to: w.to,
  last: w.last,
  period: w.period,
  weekStart: undefined,
});
const reportFlags = (w: Parameters<typeof windowFlags>[0]) => ({ ...windowFlags(w), margin: undefined, retentionDays: undefined, clvHorizonDays: undefined });

async function sizesAgree(data: string, w: Parameters<typeof windowFlags>[0]): Promise<number> {
  const { report } = await runReport(input({ data }), reportFlags(w), ROOT);
  const { doc } = await runCohorts(input({ data }), { ...windowFlags(w), horizon: 1, channel: undefined }, ROOT);
  let compared = 0;
  for (const row of report.rows) {
    const cohort = doc.cohorts.find((r) => r.cohort.label === row.period?.label && r.channel === row.channel);
    // a channel that acquired no one in the window has no cohort rows: its new_customers must be 0
    expect(cohort?.size ?? 0, `${row.period?.label} ${row.channel}`).toBe(row.metrics.new_customers);
    compared++;
  }
  expect(doc.cohorts.length).toBeGreaterThan(0);
  return compared;
}

describe('cohort sizes = report new_customers', () => {
  it('demo, last 6 months by month', async () => {
    expect(await sizesAgree('fixtures/demo', { last: '6m', period: 'month' })).toBeGreaterThan(30);
  });
  it('demo, 2024 by quarter', async () => {
    expect(await sizesAgree('fixtures/demo', { from: '2024-01-01', to: '2024-12-31', period: 'quarter' })).toBeGreaterThan(20);
  });
  it('crosschannel fixture, by week', async () => {
    expect(await sizesAgree('fixtures/crosschannel', { period: 'week' })).toBeGreaterThan(10);
  });
});

describe('runCohorts', () => {
  it('defaults: month cohorts over the whole history, K = 12, channels by customers acquired, (all) last', async () => {
    const { doc } = await runCohorts(input({ data: 'fixtures/crosschannel' }), { ...windowFlags({}), horizon: DEFAULT_HORIZON, channel: undefined }, ROOT);
    expect(doc.schema).toBe('channelbench.cohorts/v1');
    expect(doc.period_unit).toBe('month');
    expect(doc.horizon).toBe(12);
    expect(doc.as_of).toBe('2024-03-16');
    expect(doc.channels).toEqual(['web', 'app', 'store', '(all)']); // acquired: web 4, app 3, store 3 (then by name)
    const all = doc.cohorts.filter((r) => r.channel === '(all)');
    expect(all.map((r) => [r.cohort.label, r.size])).toEqual([['2024-01-01', 5], ['2024-02-01', 3], ['2024-03-01', 2]]);
    expect(all[0]!.retained_share.slice(0, 3)).toEqual([1, 0.4, null]);
    expect(all[0]!.cumulative_value.slice(0, 3)).toEqual([95, 105, null]);
    expect(all[0]!.retained_share).toHaveLength(13);
  });

  it('--channel is matched case-insensitively; (all) is a channel too', async () => {
    const one = await runCohorts(input({ data: 'fixtures/crosschannel' }), { ...windowFlags({}), horizon: 1, channel: ' STORE ' }, ROOT);
    expect(one.doc.channels).toEqual(['store']);
    expect(one.doc.cohorts.map((r) => r.size)).toEqual([2, 1, 0]);
    const all = await runCohorts(input({ data: 'fixtures/crosschannel' }), { ...windowFlags({}), horizon: 1, channel: '(ALL)' }, ROOT);
    expect(all.doc.channels).toEqual(['(all)']);
  });

  it('an unknown --channel is a usage error that lists the channels', async () => {
    const run = runCohorts(input({ data: 'fixtures/crosschannel' }), { ...windowFlags({}), horizon: 1, channel: 'email' }, ROOT);
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(run).rejects.toMatchObject({ code: 'UNKNOWN_CHANNEL', message: '--channel: no channel "email" in the data', hint: 'channels: web, store, app, (all)' });
  });

  it('orders without customer ids: an input error naming the flag', async () => {
    const stdin = Readable.from(['date,channel,revenue\n2024-01-05,web,10\n2024-01-06,app,20\n']);
    const run = runCohorts(input({ orders: '-' }), { ...windowFlags({}), horizon: 1, channel: undefined }, ROOT, stdin);
    await expect(run).rejects.toBeInstanceOf(InputError);
    await expect(run).rejects.toMatchObject({ code: 'NO_CUSTOMER_IDS', message: 'cohorts needs customer ids, and no order has one' });
  });
});

describe('runCrossChannel', () => {
  it('reads fixtures/crosschannel to the golden figures; channels by customer revenue', async () => {
    const { doc, notes } = await runCrossChannel(input({ data: 'fixtures/crosschannel' }), windowFlags({}), ROOT);
    expect(notes).toEqual([]);
    expect(doc.schema).toBe('channelbench.crosschannel/v1');
    expect(doc.channels).toEqual(['store', 'web', 'app']); // 660, 435, 195
    expect(doc.summary).toEqual({
      customers: 10,
      multichannel_customers: 5,
      multichannel_share: 0.5,
      mean_net_value_single: 102,
      mean_net_value_multichannel: 144,
      omnichannel_lift: 1.41176470588, // 144 / 102, 12 significant digits
      reasons: {},
    });
    expect(doc.migration.map((r) => [r.from, r.acquired, r.excluded, r.later_purchases])).toEqual([['store', 3, 0, 3], ['web', 4, 1, 6], ['app', 3, 1, 2]]);
    expect(doc.periods).toEqual([]);
  });

  it('--to sets T; --period adds one point per period; --from without --period leaves a note', async () => {
    const to = await runCrossChannel(input({ data: 'fixtures/crosschannel' }), windowFlags({ to: '2024-02-29', period: 'month' }), ROOT);
    expect(to.doc.as_of).toBe('2024-03-01');
    expect(to.doc.summary.customers).toBe(8);
    expect(to.doc.summary.multichannel_share).toBe(0.25);
    expect(to.doc.periods.map((p) => [p.period.label, p.as_of, p.customers, p.multichannel_share])).toEqual([
      ['2024-01-01', '2024-02-01', 5, 0.4],
      ['2024-02-01', '2024-03-01', 8, 0.25],
    ]);
    const from = await runCrossChannel(input({ data: 'fixtures/crosschannel' }), windowFlags({ from: '2024-02-01' }), ROOT);
    expect(from.doc.summary.customers).toBe(10);
    expect(from.notes).toHaveLength(1);
  });
});
