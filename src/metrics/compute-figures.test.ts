/**
 * Golden tests of the engine as a whole: row layout, calendar periods (partial,
 * week start Sunday), and "as of" for a period extending past data end.
 */
import { describe, expect, it } from 'vitest';
import { TOTAL_CHANNEL } from '../model.js';
import { computeFigures } from './compute-figures.js';
import { dataset, order, period, periodFigures, SETTINGS } from './testing/dataset-fixture.js';

const ds = dataset({
  channels: ['web', 'store', 'tv'],
  orders: [
    order('2024-01-06T10:00Z', 10, 'web', 'c1', 'a'), // Saturday
    order('2024-01-07T10:00Z', 20, 'web', 'c2', 'b'), // Sunday
    order('2024-01-09T10:00Z', 30, 'store', 'c1', 'c'), // Tuesday; data end = 2024-01-10
  ],
});
const summary = (pfs: ReturnType<typeof computeFigures>) =>
  pfs.map((pf) => [pf.period.label, pf.period.partial, ...pf.rows.map((r) => `${r.channel}:${r.metrics.orders}/${r.metrics.revenue}`)]);

describe('computeFigures', () => {
  it('one row per channel in index order, the total last, in every period', () => {
    const pfs = computeFigures(ds, [period('2024-01-01', '2024-01-08'), period('2024-01-08', '2024-01-15')], SETTINGS);
    expect(pfs.map((pf) => pf.rows.map((r) => r.channel))).toEqual([
      ['web', 'store', 'tv', TOTAL_CHANNEL],
      ['web', 'store', 'tv', TOTAL_CHANNEL],
    ]);
  });

  it('weeks starting Monday', () => {
    expect(summary(periodFigures(ds, '2024-01-06', '2024-01-10', 'week', 'monday'))).toEqual([
      ['2024-01-01', true, 'web:2/30', 'store:0/0', 'tv:0/0', '(all):2/30'], // Sat + Sun: 10 + 20
      ['2024-01-08', true, 'web:0/0', 'store:1/30', 'tv:0/0', '(all):1/30'],
    ]);
  });

  it('weeks starting Sunday', () => {
    expect(summary(periodFigures(ds, '2024-01-06', '2024-01-10', 'week', 'sunday'))).toEqual([
      ['2023-12-31', true, 'web:1/10', 'store:0/0', 'tv:0/0', '(all):1/10'], // only Saturday
      ['2024-01-07', true, 'web:1/20', 'store:1/30', 'tv:0/0', '(all):2/50'], // Sunday + Tuesday: 20 + 30
    ]);
  });

  it('new customers and returning customers follow the week boundary', () => {
    const [w1, w2] = periodFigures(ds, '2024-01-06', '2024-01-10', 'week', 'sunday');
    expect(w1!.rows.at(-1)!.metrics.new_customers).toBe(1); // c1 (Sat)
    expect(w2!.rows.at(-1)!.metrics.new_customers).toBe(1); // c2 (Sun)
    expect(w2!.rows.at(-1)!.metrics.returning_rate).toBe(0.5); // c2 new, c1 returning (acquired Sat < Sun) → 1 / 2
  });

  it('a partial period past data end is computed as of data end', () => {
    const feb = dataset({
      orders: [
        order('2024-02-01T00:00Z', 10, 'web', 'c1', 'a'),
        order('2024-02-03T00:00Z', 10, 'web', 'c1', 'b'), // c1 repeats within 7 days
        order('2024-02-05T00:00Z', 10, 'web', 'c2', 'c'), // c2 does not
        order('2024-02-09T00:00Z', 10, 'web', 'c3', 'd'), // latest order: data end = 2024-02-10
      ],
    });
    const [pf] = periodFigures(feb, '2024-02-01', '2024-03-01', 'month', 'monday', { retentionDays: 7 });
    expect(pf!.period.partial).toBe(true); // the window runs to 2024-02-29, past data end
    expect(pf!.period.asOf).toBe(Date.parse('2024-02-10T00:00Z'));
    // T = data end = Feb 10, cutoff Feb 3: only c1 is mature → 1 / 1. (As of Mar 1 it would be c1, c2, c3 → 1 / 3.)
    expect(pf!.rows[0]!.samples.retention_rate).toEqual({ successes: 1, trials: 1 });
  });

  it('no periods, no figures; bad settings are a RangeError', () => {
    expect(computeFigures(ds, [], SETTINGS)).toEqual([]);
    expect(() => computeFigures(ds, [], { ...SETTINGS, retentionDays: 1.5 })).toThrow(RangeError);
  });
});
