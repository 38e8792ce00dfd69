/**
 * Golden tests: retention_rate as of T, with the maturity boundary
 * (acquired exactly N days before T counts; one millisecond later does not).
 */
import { describe, expect, it } from 'vitest';
import { TOTAL_CHANNEL } from '../model.js';
import { retentionRate } from './retention-rate.js';
import { dataset, figuresOf, order, period, rowOf } from './testing/dataset-fixture.js';

// N = 30 days. March: T = 2024-04-01 00:00Z, cutoff T − 30 days = 2024-03-02 00:00Z.
const ds = dataset({
  channels: ['web', 'store'],
  orders: [
    order('2024-01-10T12:00Z', 10, 'web', 'c1', 'a'),
    order('2024-01-25T00:00Z', 10, 'web', 'c1', 'b'), // 2nd purchase 14.5 days later → repeated
    order('2024-01-15T00:00Z', 10, 'web', 'c2', 'c'),
    order('2024-01-20T00:00Z', -5, 'web', 'c2', 'd'), // a return is not a purchase
    order('2024-02-14T00:00Z', 10, 'web', 'c2', 'e'), // exactly 30 days after: outside [acq, acq + 30d) → c2 not repeated
    order('2024-02-01T00:00Z', 10, 'web', 'c6', 'f'),
    order('2024-02-10T00:00Z', 10, 'store', 'c6', 'g'), // repeat in another channel still counts → repeated
    order('2024-03-02T00:00Z', 10, 'web', 'c3', 'h'), // acquired exactly at the cutoff: mature
    order('2024-03-05T00:00Z', 10, 'web', 'c3', 'i'), // → repeated
    order('2024-03-02T00:00:00.001Z', 10, 'web', 'c4', 'j'), // one ms after the cutoff: not mature
    order('2024-03-03T00:00Z', 10, 'web', 'c4', 'k'),
    order('2024-03-20T00:00Z', 10, 'store', 'c5', 'l'), // store's only acquisition: not mature
  ],
});
const settings = { retentionDays: 30 };

describe('retention_rate', () => {
  it('March, as of 2024-04-01', () => {
    const rows = figuresOf(ds, period('2024-03-01', '2024-04-01'), settings);
    const web = rowOf(rows, 'web');
    expect(web.samples.retention_rate).toEqual({ successes: 3, trials: 4 }); // mature c1, c2, c6, c3 (not c4); repeated c1, c6, c3
    expect(web.metrics.retention_rate).toBe(0.75); // 3 / 4
    expect(rowOf(rows, 'store').metrics.retention_rate).toBeNull(); // c5 acquired 2024-03-20 > cutoff
    expect(rowOf(rows, 'store').reasons.retention_rate).toBe('no customer mature for 30 days');
    expect(rowOf(rows, TOTAL_CHANNEL).metrics.retention_rate).toBe(0.75); // 3 / 4, all via web
  });

  it('February, as of 2024-03-01 (cutoff 2024-01-31)', () => {
    const rows = figuresOf(ds, period('2024-02-01', '2024-03-01'), settings);
    expect(rowOf(rows, 'web').metrics.retention_rate).toBe(0.5); // mature c1, c2 (c6 acquired Feb 1 > Jan 31); repeated c1 → 1 / 2
  });

  it('the boundary moves with T: as of 2024-04-01 00:00 + 1 day, c4 is mature', () => {
    const rows = figuresOf(ds, period('2024-03-01', '2024-04-02'), settings);
    expect(rowOf(rows, 'web').samples.retention_rate).toEqual({ successes: 4, trials: 5 }); // + c4 (repeated Mar 3) → 4 / 5
  });

  it('formula', () => {
    expect(retentionRate({ successes: 1, trials: 4 }, 90)).toEqual({ value: 0.25 });
    expect(retentionRate({ successes: 0, trials: 0 }, 1)).toEqual({ value: null, reason: 'no customer mature for 1 day' });
  });
});
