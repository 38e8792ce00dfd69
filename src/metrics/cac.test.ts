/**
 * Golden tests: spend, cac, roas — including a channel with spend but no orders
 * and a channel with zero spend.
 */
import { describe, expect, it } from 'vitest';
import { TOTAL_CHANNEL } from '../model.js';
import { dataset, figuresOf, order, period, rowOf, spend } from './testing/dataset-fixture.js';

const ds = dataset({
  channels: ['web', 'store', 'tv', 'email'],
  orders: [
    order('2024-01-05T10:00Z', 50, 'web', 'c1', 'o1'),
    order('2024-01-06T10:00Z', 100, 'web', 'c2', 'o2'),
    order('2024-01-07T10:00Z', 80, 'store', 'c3', 'o3'),
    order('2024-01-08T10:00Z', 40, 'email', 'c4', 'o4'), // email: no spend rows at all
  ],
  spend: [
    spend('2024-01-03', 'web', 100),
    spend('2024-01-20', 'web', 50),
    spend('2024-01-05', 'store', 0), // zero spend is a value, not a missing one
    spend('2024-01-10', 'tv', 300), // tv: spend, no orders
    spend('2024-02-01', 'tv', 1000), // outside the period
  ],
});
const rows = figuresOf(ds, period('2024-01-01', '2024-02-01'));

describe('spend, cac, roas', () => {
  it('web', () => {
    const m = rowOf(rows, 'web').metrics;
    expect(m.spend).toBe(150); // 100 + 50
    expect(m.cac).toBe(75); // 150 / 2 new customers (c1, c2)
    expect(m.roas).toBe(1); // 150 revenue / 150 spend
  });

  it('store: zero spend gives cac 0 and roas null', () => {
    const r = rowOf(rows, 'store');
    expect(r.metrics.spend).toBe(0);
    expect(r.metrics.cac).toBe(0); // 0 / 1
    expect(r.metrics.roas).toBeNull(); // 80 / 0
    expect(r.reasons.roas).toBe('no spend');
  });

  it('tv: a channel with spend and no orders still has a row', () => {
    const r = rowOf(rows, 'tv');
    expect(r.metrics.spend).toBe(300);
    expect(r.metrics.orders).toBe(0);
    expect(r.metrics.new_customers).toBe(0);
    expect(r.metrics.cac).toBeNull(); // 300 / 0
    expect(r.reasons.cac).toBe('no new customers');
    expect(r.metrics.roas).toBe(0); // 0 / 300
  });

  it('email: no spend rows → spend 0, but cac, roas and clv_cac unknown (not free acquisition)', () => {
    const r = rowOf(rows, 'email');
    expect(r.metrics.spend).toBe(0);
    for (const k of ['cac', 'roas', 'clv_cac'] as const) {
      expect(r.metrics[k], k).toBeNull();
      expect(r.reasons[k], k).toBe('no spend rows for email');
    }
  });

  it('total: blended cac and roas include tv, and the new customer and revenue of email', () => {
    const m = rowOf(rows, TOTAL_CHANNEL).metrics;
    expect(m.spend).toBe(450); // 150 + 0 + 300 (+ email: no rows)
    expect(m.cac).toBe(112.5); // 450 / 4 new customers (c1, c2, c3, c4)
    expect(m.roas).toBeCloseTo(270 / 450, 12); // (50 + 100 + 80 + 40) / 450 = 0.6
  });
});
