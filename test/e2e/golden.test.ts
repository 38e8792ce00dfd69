/**
 * The whole pipeline on fixtures/golden, through the real binary, every figure
 * worked out by hand. Run: report --data fixtures/golden --period month
 *   --retention-days 20 --clv-horizon-days 20 --format json
 *
 * Orders after merge (o7 cancelled, so dave never appears):
 *   o1 alice web   Jan 02 10:00  100
 *   o2 bob   store Jan 03 11:00   80  (50 + a later line of 30)
 *   o3 alice store Jan 10 09:00   40
 *   o4 guest web   Jan 11 12:00   20
 *   o5 carol email Jan 15 08:00   60
 *   o6 alice web   Jan 20 10:00  −30  (return)
 *   o8 bob   web   Feb 05 10:00   90
 *   o9 erin  email Feb 10 10:00    0  (neither purchase nor return)
 * Acquisition: alice Jan 02 web, bob Jan 03 store, carol Jan 15 email; erin never.
 * Data end = Feb 11 (the day after o9). Window = Jan 02 … Feb 10.
 * Periods: Jan = [Jan 02, Feb 01) partial (clipped), T = Feb 01;
 *          Feb = [Feb 01, Feb 11) partial, T = Feb 11.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/run-cli.js';

interface Row {
  period: { label: string; start: string; end: string; partial: boolean } | null;
  channel: string;
  metrics: Record<string, number | null>;
  reasons: Record<string, string>;
}
interface Doc {
  window: { start: string; end: string; data_end: string };
  channels: string[];
  rows: Row[];
}

let doc: Doc;
const row = (month: string, channel: string): Row => doc.rows.find((r) => r.period?.label === month && r.channel === channel)!;

beforeAll(async () => {
  const r = await runCli(['report', '--data', fixture('golden'), '--period', 'month', '--retention-days', '20', '--clv-horizon-days', '20', '--format', 'json']);
  // The fixture's zero-value order is said, not silent (README "Safety").
  expect(r.stderr).toMatch(/^channelbench: \S+orders\.csv: 1 zero-value order \(neither purchases nor returns\)\n$/);
  expect(r.code).toBe(0);
  doc = JSON.parse(r.stdout) as Doc;
});

describe('golden report', () => {
  it('window, periods, channel order (revenue: web 210, store 120, email 60, social 0), total last', () => {
    expect(doc.window).toEqual({ start: '2024-01-02', end: '2024-02-10', data_end: '2024-02-11', partial: false });
    expect(doc.channels).toEqual(['web', 'store', 'email', 'social']);
    expect(doc.rows.map((r) => `${r.period!.label} ${r.channel}`)).toEqual([
      '2024-01-01 web', '2024-01-01 store', '2024-01-01 email', '2024-01-01 social', '2024-01-01 (all)',
      '2024-02-01 web', '2024-02-01 store', '2024-02-01 email', '2024-02-01 social', '2024-02-01 (all)',
    ]);
    expect(row('2024-01-01', 'web').period).toEqual({ label: '2024-01-01', start: '2024-01-02', end: '2024-01-31', partial: true });
    expect(row('2024-02-01', 'web').period).toEqual({ label: '2024-02-01', start: '2024-02-01', end: '2024-02-10', partial: true });
  });

  it('January, web', () => {
    expect(row('2024-01-01', 'web').metrics).toEqual({
      orders: 2, // o1, o4 (the guest order counts for orders)
      revenue: 120, // 100 + 20
      refunds: 30, // −(−30), o6
      net_revenue: 90, // 120 − 30
      aov: 60, // 120 / 2
      customers: 1, // alice (the guest has no id)
      new_customers: 1, // alice, acquired Jan 02 via web
      returning_rate: 0, // alice acquired Jan 02 10:00, not before the period start Jan 02 00:00
      spend: 50,
      cac: 50, // 50 / 1
      roas: 2.4, // 120 / 50
      sessions: 100,
      conversion_rate: 0.02, // 2 / 100
      retention_rate: 1, // T − 20 d = Jan 12: alice mature; purchases in [Jan 02, Jan 22): o1, o3 → 2 ≥ 2 → 1/1
      clv: 110, // alice's orders in [Jan 02, Jan 22): 100 + 40 − 30 = 110, × margin 1
      clv_cac: 2.2, // 110 / 50
      nps: 33.3333333333, // 3 answers: 10, 9 promoters, 3 detractor → 100 × (2 − 1) / 3
      nps_responses: 3,
    });
  });

  it('January, store: bob acquired, alice returning-later; no traffic', () => {
    const r = row('2024-01-01', 'store');
    expect(r.metrics).toMatchObject({
      orders: 2, // o2 80, o3 40
      revenue: 120,
      aov: 60,
      customers: 2, // bob, alice
      new_customers: 1, // bob
      returning_rate: 0, // alice acquired Jan 02, not before Jan 02 00:00
      spend: 30,
      cac: 30, // 30 / 1
      roas: 4, // 120 / 30
      sessions: 0,
      conversion_rate: null,
      retention_rate: 0, // bob mature (Jan 03 ≤ Jan 12); purchases in [Jan 03, Jan 23): o2 only → 0/1
      clv: 80, // o2
      clv_cac: 2.66666666667, // 80 / 30
      nps: 0, // one 7: passive → 100 × (0 − 0) / 1
      nps_responses: 1,
    });
    expect(r.reasons).toEqual({ conversion_rate: 'no sessions' });
  });

  it('January, email: carol too young for the 20-day figures', () => {
    const r = row('2024-01-01', 'email');
    // spend.csv has no email row: spend 0, but the cost of email's new customer is unknown, not 0
    expect(r.metrics).toMatchObject({ orders: 1, revenue: 60, new_customers: 1, spend: 0, cac: null, roas: null, sessions: 50, conversion_rate: 0.02, retention_rate: null, clv: null, clv_cac: null, nps: null, nps_responses: 0 });
    expect(r.reasons).toEqual({
      cac: 'no spend rows for email',
      roas: 'no spend rows for email',
      retention_rate: 'no customer mature for 20 days', // carol acquired Jan 15 > Jan 12
      clv: 'no customer mature for 20 days',
      clv_cac: 'no spend rows for email',
      nps: 'no survey answers',
    });
  });

  it('January, social: spend but no orders', () => {
    const r = row('2024-01-01', 'social');
    expect(r.metrics).toMatchObject({ orders: 0, revenue: 0, aov: null, customers: 0, new_customers: 0, returning_rate: null, spend: 40, cac: null, roas: 0, sessions: 0, conversion_rate: null });
    expect(r.reasons).toMatchObject({ aov: 'no orders', cac: 'no new customers', conversion_rate: 'no sessions', returning_rate: 'no customers' });
  });

  it('January, total', () => {
    expect(row('2024-01-01', '(all)').metrics).toEqual({
      orders: 5, // o1, o2, o3, o4, o5
      revenue: 300, // 100 + 80 + 40 + 20 + 60
      refunds: 30,
      net_revenue: 270,
      aov: 60, // 300 / 5
      customers: 3, // alice, bob, carol (alice counted once across web and store)
      new_customers: 3,
      returning_rate: 0,
      spend: 120, // 50 + 40 (social, no orders) + 30
      cac: 40, // blended: 120 / 3
      roas: 2.5, // 300 / 120
      sessions: 150, // 100 + 50
      conversion_rate: 0.02, // only channels with traffic rows: web 2 + email 1 = 3 orders / 150 (store's 2 left out)
      retention_rate: 0.5, // alice 1, bob 0 → 1/2
      clv: 95, // (110 + 80) / 2
      clv_cac: 2.375, // 95 / 40
      nps: 25, // 4 answers: promoters 2, detractors 1 → 100 × 1 / 4
      nps_responses: 4,
    });
  });

  it('February, web: bob comes back', () => {
    const r = row('2024-02-01', 'web');
    expect(r.metrics).toMatchObject({
      orders: 1, // o8
      revenue: 90,
      customers: 1,
      new_customers: 0,
      returning_rate: 1, // bob acquired Jan 03 < Feb 01
      spend: 45,
      cac: null,
      roas: 2, // 90 / 45
      sessions: 60,
      conversion_rate: 0.0166666666667, // 1 / 60
      retention_rate: 1, // as of Feb 11, cutoff Jan 22: alice still 1/1
      clv: 110,
      nps: null,
    });
    expect(r.reasons).toMatchObject({ cac: 'no new customers', clv_cac: 'cac is null: no new customers', nps: 'no survey answers' });
  });

  it('February, email: a zero-value order is no purchase; an answer without channel goes to its customer’s acquisition channel', () => {
    const r = row('2024-02-01', 'email');
    expect(r.metrics).toMatchObject({
      orders: 0, // o9 has value 0
      customers: 0, // erin made no purchase
      retention_rate: 0, // carol mature (Jan 15 ≤ Jan 22), one purchase in [Jan 15, Feb 04) → 0/1
      clv: 60,
      nps: 0, // carol's 8 (no channel; acquired via email Jan 15 ≤ Feb 07) is passive
      nps_responses: 1,
    });
  });

  it('February, total', () => {
    expect(row('2024-02-01', '(all)').metrics).toMatchObject({
      orders: 1,
      revenue: 90,
      customers: 1,
      new_customers: 0,
      returning_rate: 1,
      spend: 45,
      cac: null,
      sessions: 60,
      conversion_rate: 0.0166666666667, // web 1 / 60
      retention_rate: 0.333333333333, // alice 1, bob 0, carol 0 → 1/3
      clv: 83.3333333333, // (110 + 80 + 60) / 3
      nps: 0,
      nps_responses: 1,
    });
  });

  it('additivity: channel orders, revenue, new customers, spend and sessions sum to the total', () => {
    for (const month of ['2024-01-01', '2024-02-01']) {
      const rows = doc.rows.filter((r) => r.period!.label === month);
      const total = rows.at(-1)!;
      for (const k of ['orders', 'revenue', 'refunds', 'new_customers', 'spend', 'sessions', 'nps_responses']) {
        const sum = rows.slice(0, -1).reduce((s, r) => s + (r.metrics[k] ?? 0), 0);
        expect(sum, `${month} ${k}`).toBeCloseTo(total.metrics[k]!, 9);
      }
    }
  });
});
