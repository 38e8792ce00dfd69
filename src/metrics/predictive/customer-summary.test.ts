import { describe, expect, it } from 'vitest';
import { orderTable, type Order } from '../../model.js';
import { findAcquisitions } from '../acquisition.js';
import { toWallTime, zonedDayNumber } from '../../periods/index.js';
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

describe('buildCustomerSummary in a reporting time zone (America/Los_Angeles, PST = UTC−8)', () => {
  // Customer 0: 2024-01-02 05:00Z = Mon 01-01 21:00 PST, and 2024-01-02 18:00Z = Tue 01-02 10:00 PST.
  // In UTC both are on 01-02: one purchase day (x = 0). In Los Angeles they are two days: x = 1, t_x = 1 day.
  // Calibration ends at 2024-01-08 00:00 PST = 08:00Z: last day 01-07, so T = 01-07 − 01-01 = 6 days (UTC: 01-07 − 01-02 = 5).
  const orders = orderTable([o(0, 0, '2024-01-02', 10, 5), o(0, 0, '2024-01-02', 20, 18)]);
  const calEnd = Date.parse('2024-01-08T08:00:00Z');
  const from = Date.parse('2024-01-01T08:00:00Z');
  const opts = { from, calEnd, holdoutEnd: null, unitDays: 1 };
  it('same-day merging, t_x and T use the local calendar day', () => {
    const la = buildCustomerSummary(orders, findAcquisitions(orders, 1), { ...opts, dayOf: zonedDayNumber(from, calEnd, 'America/Los_Angeles') });
    expect([la.x[0], la.tx[0], la.T[0], la.zbar[0]]).toEqual([1, 1, 6, 20]);
  });
  it('the UTC day by default: the two orders are one purchase day', () => {
    const utc = buildCustomerSummary(orders, findAcquisitions(orders, 1), { ...opts, calEnd: Date.parse('2024-01-08T00:00:00Z') });
    expect([utc.x[0], utc.tx[0], utc.T[0]]).toEqual([0, 0, 5]);
  });
});

describe('zonedDayNumber', () => {
  it('equals the direct conversion across a DST change, inside and outside the precomputed range', () => {
    const zone = 'America/Los_Angeles';
    const from = Date.parse('2024-03-01T00:00:00Z');
    const to = Date.parse('2024-03-20T00:00:00Z');
    const dayOf = zonedDayNumber(from, to, zone);
    for (let ms = from - 2 * 86_400_000; ms < to + 2 * 86_400_000; ms += 37 * 60_000) {
      expect(dayOf(ms)).toBe(Math.floor(toWallTime(ms, zone) / 86_400_000));
    }
    // 2024-03-10 07:30Z = 23:30 PST on Saturday 03-09; 08:30Z = 00:30 PST on Sunday 03-10 (before the 02:00 jump).
    expect(dayOf(Date.parse('2024-03-10T08:30:00Z')) - dayOf(Date.parse('2024-03-10T07:30:00Z'))).toBe(1);
  });
});
