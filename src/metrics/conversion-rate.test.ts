/**
 * Golden tests: sessions and conversion_rate, and the total row's rule that only
 * channels with traffic rows contribute orders.
 */
import { describe, expect, it } from 'vitest';
import { TOTAL_CHANNEL } from '../model.js';
import { dataset, figuresOf, order, period, rowOf, traffic } from './testing/dataset-fixture.js';

const jan = (day: number) => `2024-01-${String(day).padStart(2, '0')}T12:00Z`;
const ds = dataset({
  channels: ['web', 'app', 'email', 'store'],
  orders: [
    order(jan(5), 10, 'web'),
    order(jan(5), 10, 'web'),
    order(jan(6), 10, 'web'),
    order(jan(7), 10, 'web'),
    order(jan(8), -10, 'web'), // a return is not an order
    order(jan(5), 10, 'app'),
    order(jan(9), 10, 'email'),
    order(jan(5), 10, 'store'), // store has no traffic rows: offline
    order(jan(6), 10, 'store'),
    order(jan(7), 10, 'store'),
  ],
  traffic: [
    traffic('2024-01-05', 'web', 100),
    traffic('2024-01-06', 'web', 100),
    traffic('2024-01-05', 'app', 50),
    traffic('2024-01-05', 'email', 0), // a traffic row with 0 sessions: email "has traffic"
    traffic('2023-12-31', 'store', 500), // outside the period
  ],
});
const rows = figuresOf(ds, period('2024-01-01', '2024-02-01'));

describe('sessions and conversion_rate', () => {
  it('per channel: orders / sessions', () => {
    expect(rowOf(rows, 'web').metrics.sessions).toBe(200); // 100 + 100
    expect(rowOf(rows, 'web').metrics.conversion_rate).toBe(0.02); // 4 / 200
    expect(rowOf(rows, 'app').metrics.conversion_rate).toBe(0.02); // 1 / 50
    expect(rowOf(rows, 'email').metrics.conversion_rate).toBeNull(); // 1 / 0
    expect(rowOf(rows, 'email').reasons.conversion_rate).toBe('no sessions');
    expect(rowOf(rows, 'store').metrics.sessions).toBe(0);
    expect(rowOf(rows, 'store').reasons.conversion_rate).toBe('no sessions');
  });

  it('total: orders of channels with traffic rows / all sessions', () => {
    const total = rowOf(rows, TOTAL_CHANNEL);
    expect(total.metrics.orders).toBe(9); // all purchases: web 4 + app 1 + email 1 + store 3
    expect(total.metrics.sessions).toBe(250); // 200 + 50 + 0
    expect(total.metrics.conversion_rate).toBe(0.024); // (4 web + 1 app + 1 email) / 250 = 6 / 250; store's 3 excluded
    expect(total.samples.conversion_rate).toEqual({ successes: 6, trials: 250 });
  });
});
