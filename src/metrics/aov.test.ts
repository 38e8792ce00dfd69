/**
 * Golden tests: orders, revenue, refunds, net_revenue, aov — with a return, a
 * zero-value order and an order without a customer id.
 */
import { describe, expect, it } from 'vitest';
import { TOTAL_CHANNEL } from '../model.js';
import { aov } from './aov.js';
import { dataset, figuresOf, order, period, rowOf } from './testing/dataset-fixture.js';

const ds = dataset({
  orders: [
    order('2024-01-05T10:00Z', 50, 'web', 'c1', 'o1'),
    order('2024-01-06T12:00Z', 30, 'web', 'c2', 'o2'),
    order('2024-01-07T09:00Z', -20, 'web', 'c1', 'o3'), // a return
    order('2024-01-08T15:00Z', 0, 'web', 'c3', 'o4'), // zero value: neither purchase nor return
    order('2024-01-09T11:00Z', 40, 'web', null, 'o5'), // no customer id
    order('2024-01-10T08:00Z', 100, 'store', 'c2', 'o6'),
    order('2024-02-01T00:00Z', 999, 'web', 'c4', 'o7'), // outside the period (end is exclusive)
    order('2023-12-31T23:59:59.999Z', 999, 'web', 'c5', 'o8'), // outside, before
  ],
});
const rows = figuresOf(ds, period('2024-01-01', '2024-02-01'));

describe('order and revenue metrics', () => {
  it('web', () => {
    const m = rowOf(rows, 'web').metrics;
    expect(m.orders).toBe(3); // o1, o2, o5 (o3 is a return, o4 is zero)
    expect(m.revenue).toBe(120); // 50 + 30 + 40
    expect(m.refunds).toBe(20); // −(−20)
    expect(m.net_revenue).toBe(100); // 120 − 20
    expect(m.aov).toBe(40); // 120 / 3
    expect(rowOf(rows, 'web').samples.aov).toEqual({ n: 3, sum: 120, sumSq: 5000 }); // 50² + 30² + 40² = 2500 + 900 + 1600
  });

  it('store', () => {
    const m = rowOf(rows, 'store').metrics;
    expect([m.orders, m.revenue, m.refunds, m.net_revenue, m.aov]).toEqual([1, 100, 0, 100, 100]); // one 100 purchase
    expect(Object.is(m.refunds, 0)).toBe(true); // +0, not −0
  });

  it('total', () => {
    const m = rowOf(rows, TOTAL_CHANNEL).metrics;
    expect(m.orders).toBe(4); // 3 + 1
    expect(m.revenue).toBe(220); // 120 + 100
    expect(m.refunds).toBe(20);
    expect(m.net_revenue).toBe(200); // 220 − 20
    expect(m.aov).toBe(55); // 220 / 4
  });

  it('a zero-value order makes nobody a customer', () => {
    expect(rowOf(rows, 'web').metrics.customers).toBe(2); // c1, c2; not c3 (zero), not the id-less o5
  });

  it('aov is null without orders', () => {
    expect(aov(0, 0)).toEqual({ value: null, reason: 'no orders' });
    expect(aov(150, 3)).toEqual({ value: 50 });
  });
});
