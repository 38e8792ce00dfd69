/**
 * Golden tests: acquisition (first purchase, ties) and new_customers.
 */
import { describe, expect, it } from 'vitest';
import { TOTAL_CHANNEL } from '../model.js';
import { findAcquisitions } from './acquisition.js';
import { dataset, figuresOf, order, period, rowOf } from './testing/dataset-fixture.js';

const T = '2024-01-05T10:00Z';
const ds = dataset({
  channels: ['web', 'email', 'store'],
  orders: [
    // c1: same instant; 'o10' < 'o9' by code points ('1' < '9'), so email acquires
    order(T, 20, 'web', 'c1', 'o9'),
    order(T, 20, 'email', 'c1', 'o10'),
    // c2: same instant, no order ids: input order decides → web
    order(T, 20, 'web', 'c2', ''),
    order(T, 20, 'store', 'c2', ''),
    // c3: 'B1' < 'a1' by code points (0x42 < 0x61), though locale collation says otherwise → store
    order(T, 20, 'web', 'c3', 'a1'),
    order(T, 20, 'store', 'c3', 'B1'),
    // c4: an earlier purchase beats a smaller id → web
    order('2024-01-05T09:00Z', 20, 'web', 'c4', 'z9'),
    order(T, 20, 'store', 'c4', 'a1'),
    // c5: a return or a zero-value order never acquires; the later purchase does → email
    order('2024-01-03T00:00Z', -10, 'web', 'c5', 'r1'),
    order('2024-01-03T01:00Z', 0, 'web', 'c5', 'z1'),
    order('2024-01-04T00:00Z', 15, 'email', 'c5', 'p1'),
    // c6: acquired in December (before the period) via web
    order('2023-12-20T00:00Z', 10, 'web', 'c6', 'd1'),
    order('2024-01-10T00:00Z', 10, 'store', 'c6', 'd2'),
  ],
});

describe('acquisition', () => {
  it('picks the first purchase, ties by order id code points, then input order', () => {
    const acq = findAcquisitions(ds.orders, ds.customerCount);
    const channelOf = (i: number) => ds.channels[acq.channel[i]!];
    expect([0, 1, 2, 3, 4, 5].map(channelOf)).toEqual(['email', 'web', 'store', 'web', 'email', 'web']);
    expect(acq.time[3]).toBe(Date.parse('2024-01-05T09:00Z'));
  });

  it('new_customers counts acquisitions in the period by acquisition channel', () => {
    const rows = figuresOf(ds, period('2024-01-01', '2024-02-01'));
    expect(rowOf(rows, 'web').metrics.new_customers).toBe(2); // c2, c4 (c6 was acquired in December)
    expect(rowOf(rows, 'email').metrics.new_customers).toBe(2); // c1, c5
    expect(rowOf(rows, 'store').metrics.new_customers).toBe(1); // c3
    expect(rowOf(rows, TOTAL_CHANNEL).metrics.new_customers).toBe(5); // all acquired in January: c1..c5
  });

  it('ties compare ids by code point: Ａ1 (U+FF21) before 😀1 (U+1F600), though UTF-16 `<` says otherwise', () => {
    // '😀' is the surrogate pair D83D DE00; 'Ａ' is FF21 > D83D, so JavaScript's `<` puts 😀1 first.
    expect('😀1' < 'Ａ1').toBe(true);
    const tie = dataset({ channels: ['web', 'store'], orders: [order(T, 20, 'web', 'c1', '😀1'), order(T, 20, 'store', 'c1', 'Ａ1')] });
    const acq = findAcquisitions(tie.orders, tie.customerCount);
    expect(tie.channels[acq.channel[0]!]).toBe('store'); // Ａ1 wins
  });

  it('an order without a customer id acquires no one', () => {
    const rows = figuresOf(dataset({ orders: [order(T, 20, 'web', null, 'o1'), order(T, 20, 'web', 'c1', 'o2')] }), period('2024-01-01', '2024-02-01'));
    expect(rowOf(rows, 'web').metrics.new_customers).toBe(1); // c1 only
  });
});
