/**
 * Golden tests: customers (distinct) and returning_rate.
 */
import { describe, expect, it } from 'vitest';
import { TOTAL_CHANNEL } from '../model.js';
import { returningRate } from './returning-rate.js';
import { dataset, order, periodFigures, rowOf } from './testing/dataset-fixture.js';
import { known } from './outcome.js';

const ds = dataset({
  channels: ['web', 'store'],
  orders: [
    order('2024-01-05T10:00Z', 10, 'web', 'c1', 'a'),
    order('2024-01-20T10:00Z', 10, 'store', 'c3', 'b'),
    order('2024-02-01T00:00Z', 10, 'web', 'c4', 'c'), // acquired exactly at February's start: not returning
    order('2024-02-03T10:00Z', 10, 'web', 'c2', 'd'),
    order('2024-02-10T10:00Z', 10, 'web', 'c1', 'e'),
    order('2024-02-11T10:00Z', 10, 'web', 'c1', 'f'), // c1 again: still one customer
    order('2024-02-20T10:00Z', 10, 'web', 'c2', 'g'),
    order('2024-02-25T10:00Z', 10, 'web', 'c3', 'h'),
    order('2024-02-26T10:00Z', 10, 'store', 'c3', 'i'), // c3 in two channels
    order('2024-02-27T10:00Z', -10, 'store', 'c5', 'j'), // a return makes no customer
  ],
});
const [jan, feb] = periodFigures(ds, '2024-01-01', '2024-03-01', 'month');
const byName = (pf: typeof jan) => new Map(pf!.rows.map((r) => [r.channel, r]));

describe('customers and returning_rate', () => {
  it('January: everyone is new', () => {
    const rows = byName(jan);
    expect(rowOf(rows, 'web').metrics.customers).toBe(1); // c1
    expect(rowOf(rows, 'web').metrics.returning_rate).toBe(0); // 0 / 1
    expect(rowOf(rows, 'store').metrics.returning_rate).toBe(0); // c3: 0 / 1
    expect(rowOf(rows, TOTAL_CHANNEL).metrics.customers).toBe(2); // c1, c3
  });

  it('February', () => {
    const rows = byName(feb);
    const web = rowOf(rows, 'web');
    expect(web.metrics.customers).toBe(4); // c4, c2, c1, c3
    expect(web.metrics.returning_rate).toBe(0.5); // c1 (Jan 5), c3 (Jan 20) acquired before Feb 1; c4 (Feb 1 00:00) and c2 not → 2 / 4
    expect(web.samples.returning_rate).toEqual({ successes: 2, trials: 4 });
    const store = rowOf(rows, 'store');
    expect(store.metrics.customers).toBe(1); // c3 (c5 only returned)
    expect(store.metrics.returning_rate).toBe(1); // 1 / 1
    const total = rowOf(rows, TOTAL_CHANNEL);
    expect(total.metrics.customers).toBe(4); // distinct across channels: c1, c2, c3, c4 (not 4 + 1)
    expect(total.metrics.returning_rate).toBe(0.5); // c1, c3 → 2 / 4
  });

  it('returning_rate needs customers', () => {
    expect(returningRate(0, known(0))).toEqual({ value: null, reason: 'no customers' });
  });
});
