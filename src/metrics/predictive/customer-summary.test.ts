import { describe, expect, it } from 'vitest';
import { orderTable, type Order } from '../../model.js';
import { findAcquisitions } from '../acquisition.js';
import { buildCustomerSummary } from './customer-summary.js';

const at = (day: string, hour = 12): number => Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
const o = (customer: number, channel: number, day: string, value: number, hour = 12): Order => ({ time: at(day, hour), value, channel, customer, orderId: '' });

describe('buildCustomerSummary (golden, weeks)', () => {
  // Calibration ends before 2024-01-29 (last day 2024-01-28); holdout [2024-01-29, 2024-02-12).
  const orders = orderTable([
    o(0, 0, '2024-01-01', 10, 10),
    o(0, 0, '2024-01-01', 5, 15), // same day: one purchase day worth 15
    o(0, 0, '2024-01-08', 20),
    o(0, 0, '2024-01-15', -5), // a return: not a purchase
    o(0, 0, '2024-01-22', 30),
    o(0, 0, '2024-02-01', 7), // holdout day 1
    o(0, 0, '2024-02-01', 3), // same holdout day
    o(0, 0, '2024-02-05', 1), // holdout day 2
    o(1, 1, '2024-01-20', 0), // zero value: not a purchase, so not the acquisition
    o(1, 1, '2024-01-21', 12),
    o(2, 0, '2024-02-01', 9), // acquired after the calibration end: not in the summary
    o(3, 1, '2023-12-01', 9), // acquired before the window: not in the summary
    o(3, 1, '2024-01-10', 9),
    o(-1, 0, '2024-01-10', 99), // no customer id
  ]);
  const s = buildCustomerSummary(orders, findAcquisitions(orders, 4), {
    from: at('2024-01-01', 0),
    calEnd: at('2024-01-29', 0),
    holdoutEnd: at('2024-02-12', 0),
    unitDays: 7,
  });
  it('keeps the customers acquired in [from, calEnd), in customer order, with their acquisition channel', () => {
    expect(s.length).toBe(2);
    expect([...s.channel]).toEqual([0, 1]);
  });
  it('customer 0: days 01-01, 01-08, 01-22 → x = 2, t_x = 21/7 = 3, T = (01-28 − 01-01) = 27/7, z̄ = (20 + 30)/2 = 25, 2 holdout days', () => {
    expect(s.x[0]).toBe(2);
    expect(s.tx[0]).toBe(3);
    expect(s.T[0]).toBeCloseTo(27 / 7, 12);
    expect(s.zbar[0]).toBe(25);
    expect(s.holdout[0]).toBe(2);
  });
  it('customer 1: one purchase day 01-21 → x = 0, t_x = 0, T = 7/7 = 1, z̄ = 0', () => {
    expect([s.x[1], s.tx[1], s.T[1], s.zbar[1], s.holdout[1]]).toEqual([0, 0, 1, 0, 0]);
  });
  it('in days: t_x = 21, T = 27', () => {
    const d = buildCustomerSummary(orders, findAcquisitions(orders, 4), { from: at('2024-01-01', 0), calEnd: at('2024-01-29', 0), holdoutEnd: null, unitDays: 1 });
    expect([d.tx[0], d.T[0], d.holdout[0]]).toEqual([21, 27, 0]);
  });
});
