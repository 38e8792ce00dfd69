/**
 * Golden tests: every null reason, and "genuine zeros are 0, not null".
 */
import { describe, expect, it } from 'vitest';
import { METRIC_KEYS, TOTAL_CHANNEL, type MetricKey } from '../model.js';
import { NULL_REASONS } from './definitions.js';
import type { ChannelFigures } from './figures.js';
import { answer, dataset, figuresOf, order, period, rowOf, spend, traffic } from './testing/dataset-fixture.js';

const jan = period('2024-01-01', '2024-02-01');
const nulls = (r: ChannelFigures) => Object.fromEntries(METRIC_KEYS.filter((k) => r.metrics[k] === null).map((k) => [k, r.reasons[k]]));

describe('null reasons', () => {
  it('absent roles: no spend / traffic / NPS input', () => {
    const ds = dataset({ orders: [order('2024-01-05T10:00Z', 50, 'web', 'c1', 'o1')] });
    for (const r of figuresOf(ds, jan).values()) {
      expect(nulls(r)).toEqual({
        spend: 'no spend input',
        cac: 'no spend input',
        roas: 'no spend input',
        clv_cac: 'no spend input',
        sessions: 'no traffic input',
        conversion_rate: 'no traffic input',
        nps: 'no NPS input',
        nps_responses: 'no NPS input',
        retention_rate: 'no customer mature for 90 days', // acquired Jan 5; T − 90 days is in October
        clv: 'no customer mature for 365 days',
      });
    }
  });

  it('no customer ids in orders', () => {
    const ds = dataset({ orders: [order('2024-01-05T10:00Z', 50, 'web', null, 'o1')], spend: [spend('2024-01-05', 'web', 10)] });
    for (const r of figuresOf(ds, jan).values()) {
      const why = 'no customer ids in orders';
      expect(nulls(r)).toMatchObject({ customers: why, new_customers: why, returning_rate: why, cac: why, retention_rate: why, clv: why, clv_cac: why });
      expect(r.metrics.orders).toBe(1); // order metrics still work
      expect(r.metrics.roas).toBe(5); // 50 / 10
    }
  });

  it('absent spend wins over absent customer ids for cac and clv_cac', () => {
    const ds = dataset({ orders: [order('2024-01-05T10:00Z', 50, 'web', null, 'o1')] });
    const r = rowOf(figuresOf(ds, jan), 'web');
    expect([r.reasons.cac, r.reasons.clv_cac]).toEqual(['no spend input', 'no spend input']);
  });

  it('a channel with no data at all: counts are 0, ratios null with a reason', () => {
    const ds = dataset({
      channels: ['idle', 'web'],
      orders: [order('2023-01-05T10:00Z', 50, 'web', 'c1', 'o1')],
      spend: [spend('2023-01-05', 'web', 10)],
      traffic: [traffic('2023-01-05', 'web', 10)],
      nps: [answer('2023-01-05', 10, 'web')],
    });
    const idle = rowOf(figuresOf(ds, jan), 'idle');
    const zeros: MetricKey[] = ['orders', 'revenue', 'refunds', 'net_revenue', 'customers', 'new_customers', 'spend', 'sessions', 'nps_responses'];
    for (const k of zeros) expect(idle.metrics[k], k).toBe(0);
    // idle has no spend rows: its acquisition cost is unknown, not 0 (SPEC §3 cac)
    expect(nulls(idle)).toEqual({
      aov: 'no orders',
      returning_rate: 'no customers',
      cac: 'no spend rows for idle',
      roas: 'no spend rows for idle',
      conversion_rate: 'no sessions',
      retention_rate: 'no customer mature for 90 days',
      clv: 'no customer mature for 365 days',
      clv_cac: 'no spend rows for idle',
      nps: 'no survey answers',
    });
  });

  it('reasons exist exactly for the null metrics, in every row', () => {
    const ds = dataset({ orders: [order('2024-01-05T10:00Z', 50, 'web', 'c1', 'o1'), order('2024-01-06T10:00Z', -5, 'store', null, 'o2')], nps: [] });
    for (const r of figuresOf(ds, jan).values()) {
      for (const k of METRIC_KEYS) expect(r.reasons[k] !== undefined, `${r.channel} ${k}`).toBe(r.metrics[k] === null);
    }
    expect(rowOf(figuresOf(ds, jan), TOTAL_CHANNEL).metrics.nps_responses).toBe(0); // NPS input given but empty: 0, not null
  });

  it('reason texts', () => {
    expect(NULL_REASONS.noCustomerMature(365)).toBe('no customer mature for 365 days');
    expect(NULL_REASONS.noCustomerMature(1)).toBe('no customer mature for 1 day');
    expect(NULL_REASONS.inputIsNull('cac', NULL_REASONS.noNewCustomers)).toBe('cac is null: no new customers');
  });
});
