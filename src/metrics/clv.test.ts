/**
 * Golden tests: clv (returns included, margin, horizon boundary) and clv_cac.
 */
import { describe, expect, it } from 'vitest';
import { TOTAL_CHANNEL } from '../model.js';
import { dataset, figuresOf, order, period, rowOf, spend } from './testing/dataset-fixture.js';

// H = 30 days, margin 0.5. March: T = 2024-04-01, cutoff T − 30 days = 2024-03-02 00:00Z.
const ds = dataset({
  channels: ['web', 'store', 'email', 'social'],
  orders: [
    order('2024-01-10T12:00Z', 100, 'web', 'c1', 'a'),
    order('2024-01-20T00:00Z', -30, 'web', 'c1', 'b'), // a return inside the horizon counts
    order('2024-02-09T12:00Z', 50, 'web', 'c1', 'c'), // exactly acq + 30 days: outside
    order('2024-02-01T00:00Z', 200, 'web', 'c2', 'd'),
    order('2024-02-15T00:00Z', 100, 'store', 'c2', 'e'), // any channel counts
    order('2024-03-02T00:00Z', 40, 'web', 'c4', 'f'), // acquired exactly at the cutoff: mature
    order('2024-03-02T00:00:00.001Z', 60, 'web', 'c5', 'g'), // 1 ms later: not mature
    order('2024-03-10T00:00Z', 80, 'web', 'c3', 'h'), // not mature
    order('2024-01-05T00:00Z', 10, 'email', 'c6', 'i'),
    order('2024-01-06T00:00Z', 20, 'social', 'c7', 'j'),
    order('2024-03-06T00:00Z', 20, 'social', 'c8', 'k'),
  ],
  spend: [spend('2024-03-15', 'web', 300), spend('2024-03-05', 'email', 50), spend('2024-03-05', 'social', 0)],
});
const rows = figuresOf(ds, period('2024-03-01', '2024-04-01'), { clvHorizonDays: 30, margin: 0.5 });

describe('clv and clv_cac', () => {
  it('web', () => {
    const web = rowOf(rows, 'web');
    // c1: (100 − 30) × 0.5 = 35; c2: (200 + 100) × 0.5 = 150; c4: 40 × 0.5 = 20
    expect(web.samples.clv).toEqual({ n: 3, sum: 205, sumSq: 24125 }); // 35² + 150² + 20² = 1225 + 22500 + 400
    expect(web.metrics.clv).toBeCloseTo(205 / 3, 12); // 68.33…
    expect(web.metrics.cac).toBe(100); // 300 / 3 new in March (c4, c5, c3)
    expect(web.metrics.clv_cac).toBeCloseTo(205 / 3 / 100, 12); // 0.6833…
  });

  it('store: no acquisitions → clv null; no spend rows → clv_cac names them', () => {
    const store = rowOf(rows, 'store');
    expect(store.reasons.clv).toBe('no customer mature for 30 days');
    expect(store.reasons.clv_cac).toBe('no spend rows for store');
  });

  it('email: mature customers but no new ones → clv_cac names cac', () => {
    const email = rowOf(rows, 'email');
    expect(email.metrics.clv).toBe(5); // c6: 10 × 0.5
    expect(email.reasons.cac).toBe('no new customers'); // 50 / 0
    expect(email.reasons.clv_cac).toBe('cac is null: no new customers');
  });

  it('social: zero spend → cac 0 → clv_cac null', () => {
    const social = rowOf(rows, 'social');
    expect(social.metrics.clv).toBe(10); // c7: 20 × 0.5 (c8 not mature)
    expect(social.metrics.cac).toBe(0); // 0 / 1 (c8)
    expect(social.metrics.clv_cac).toBeNull();
    expect(social.reasons.clv_cac).toBe('cac is 0');
  });

  it('total', () => {
    const total = rowOf(rows, TOTAL_CHANNEL);
    expect(total.metrics.clv).toBe(44); // (35 + 150 + 20 + 5 + 10) / 5 = 220 / 5
    expect(total.metrics.cac).toBe(87.5); // (300 + 50 + 0) / 4 new (c3, c4, c5, c8)
    expect(total.metrics.clv_cac).toBeCloseTo(44 / 87.5, 12); // 0.502857…
  });

  it('margin 1 and the default horizon (365 days): nobody is mature in March 2024', () => {
    const r = rowOf(figuresOf(ds, period('2024-03-01', '2024-04-01')), TOTAL_CHANNEL);
    expect(r.reasons.clv).toBe('no customer mature for 365 days');
  });
});
