/**
 * Golden tests: nps and nps_responses, with answers attributed through the
 * customer's acquisition channel or to (unknown).
 */
import { describe, expect, it } from 'vitest';
import { TOTAL_CHANNEL, UNKNOWN_CHANNEL } from '../model.js';
import { nps } from './nps.js';
import { answer, dataset, figuresOf, order, period, rowOf } from './testing/dataset-fixture.js';

const ds = dataset({
  channels: ['web', 'store', UNKNOWN_CHANNEL],
  orders: [
    order('2024-01-02T00:00Z', 10, 'store', 'c1', 'a'), // c1 acquired via store
    order('2024-01-20T00:00Z', 10, 'web', 'c2', 'b'), // c2 acquired via web, after its answer
    order('2024-01-12T10:00Z', 10, 'web', 'c3', 'c'), // c3 acquired via web, at the instant of its answer
  ],
  nps: [
    answer('2024-01-03', 10, 'web'), // promoter
    answer('2024-01-04', 9, 'web'), // promoter
    answer('2024-01-05', 7, 'web'), // passive
    answer('2024-01-06', 3, 'web'), // detractor
    answer('2024-01-05', 10, null, 'c1'), // → store (acquired Jan 2 ≤ Jan 5); promoter
    answer('2024-01-15', 9, 'store'), // promoter
    answer('2024-01-10', 0, null, 'c2'), // c2 not acquired yet → (unknown); detractor
    answer('2024-01-11', 8, null, null), // no channel, no customer → (unknown); passive
    answer('2024-01-12T10:00Z', 10, null, 'c3'), // acquired at that instant → web; promoter
    answer('2024-02-01', 0, 'web'), // outside the period
  ],
});
const rows = figuresOf(ds, period('2024-01-01', '2024-02-01'));

describe('nps', () => {
  it('per channel: 100 × (promoters − detractors) / answers', () => {
    expect(rowOf(rows, 'web').samples.nps).toEqual({ promoters: 3, detractors: 1, n: 5 }); // 10, 9, 7, 3, 10 (c3)
    expect(rowOf(rows, 'web').metrics.nps).toBe(40); // 100 × (3 − 1) / 5
    expect(rowOf(rows, 'web').metrics.nps_responses).toBe(5);
    expect(rowOf(rows, 'store').metrics.nps).toBe(100); // 10 (c1), 9 → 100 × 2 / 2
    expect(rowOf(rows, UNKNOWN_CHANNEL).metrics.nps).toBe(-50); // 0, 8 → 100 × (0 − 1) / 2
  });

  it('total', () => {
    const total = rowOf(rows, TOTAL_CHANNEL);
    expect(total.metrics.nps_responses).toBe(9); // 5 + 2 + 2
    expect(total.metrics.nps).toBeCloseTo(100 / 3, 12); // 100 × (5 − 2) / 9 = 33.33…
  });

  it('without an (unknown) channel, unattributable answers count only in the total row', () => {
    const lone = dataset({ orders: [order('2024-01-02T00:00Z', 10, 'web', 'c1', 'a')], nps: [answer('2024-01-05', 10, null, null)] });
    const r = figuresOf(lone, period('2024-01-01', '2024-02-01'));
    expect(rowOf(r, 'web').metrics.nps_responses).toBe(0);
    expect(rowOf(r, 'web').reasons.nps).toBe('no survey answers');
    expect(rowOf(r, TOTAL_CHANNEL).metrics.nps_responses).toBe(1);
    expect(rowOf(r, TOTAL_CHANNEL).metrics.nps).toBe(100); // 100 × 1 / 1
  });

  it('formula', () => {
    expect(nps({ promoters: 2, detractors: 1, n: 4 })).toEqual({ value: 25 });
    expect(nps({ promoters: 0, detractors: 0, n: 0 })).toEqual({ value: null, reason: 'no survey answers' });
  });
});
