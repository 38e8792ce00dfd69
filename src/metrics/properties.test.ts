/**
 * Laws of the engine, on random datasets (fast-check):
 * (a) as of: deleting data dated at or after a period boundary leaves every
 *     period before it unchanged (SPEC §2, §7);
 * (b) additivity: additive figures of the channels sum to the total row;
 * (c) total customers lie between the largest channel's and the channels' sum;
 * (d) the engine agrees with a naive, direct reading of SPEC §3;
 * (e) a period's figures do not depend on which other periods are computed.
 * Each law holds in UTC and in reporting time zones with DST (periods of
 * 23/25-hour days, bounds not at 00:00 UTC), over both DST changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, METRIC_KEYS, TOTAL_CHANNEL, UNKNOWN_CHANNEL, orderList, orderTable, type Dataset, type MetricKey, type MetricSettings, type Period, type PeriodUnit, type WeekStart } from '../model.js';
import { buildPeriods } from '../periods/build-periods.js';
import { dataEnd } from '../periods/data-end.js';
import { startOfZonedDay } from '../periods/zone.js';
import { computeFigures } from './compute-figures.js';
import { NULL_REASONS } from './definitions.js';

/** Offsets of the dates from a base day: Jan 1 covers the March DST changes, Sep 1 the October/November ones. */
const BASES = [Date.UTC(2024, 0, 1), Date.UTC(2024, 8, 1)];
const DAYS = 150;

const instant = fc
  .tuple(fc.integer({ min: 0, max: DAYS - 1 }), fc.oneof(fc.constant(0), fc.integer({ min: 0, max: DAY_MS - 1 })))
  .map(([day, ms]) => day * DAY_MS + ms);
const money = fc.oneof(fc.integer({ min: -50, max: 200 }), fc.constant(0), fc.integer({ min: -5000, max: 20000 }).map((c) => c / 100));

const scenario = fc.record({
  channelCount: fc.integer({ min: 1, max: 4 }),
  withUnknown: fc.boolean(),
  customerCount: fc.integer({ min: 0, max: 7 }),
  hasIds: fc.constantFrom(true, true, true, false),
  orders: fc.array(
    fc.record({ time: instant, value: money, channel: fc.nat(), customer: fc.integer({ min: -1, max: 6 }), orderId: fc.constantFrom('', 'o1', 'o2', 'o9', 'o10', 'A', 'a') }),
    { minLength: 1, maxLength: 40 },
  ),
  spend: fc.option(fc.array(fc.record({ time: instant, channel: fc.nat(), amount: fc.integer({ min: 0, max: 100 }) }), { maxLength: 15 })),
  traffic: fc.option(fc.array(fc.record({ time: instant, channel: fc.nat(), amount: fc.integer({ min: 0, max: 300 }) }), { maxLength: 15 })),
  nps: fc.option(
    fc.array(fc.record({ time: instant, channel: fc.integer({ min: -1, max: 4 }), customer: fc.integer({ min: -1, max: 6 }), score: fc.integer({ min: 0, max: 10 }) }), { maxLength: 15 }),
  ),
  settings: fc.record({ margin: fc.constantFrom(1, 0.5, 0.3), retentionDays: fc.integer({ min: 1, max: 40 }), clvHorizonDays: fc.integer({ min: 1, max: 60 }) }),
  unit: fc.constantFrom<PeriodUnit | undefined>(undefined, 'day', 'week', 'month', 'quarter', 'year'),
  weekStart: fc.constantFrom<WeekStart>('monday', 'sunday'),
  base: fc.constantFrom(...BASES),
  zone: fc.constantFrom('UTC', 'UTC', 'America/Los_Angeles', 'Europe/Berlin'),
  pick: fc.nat(),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

interface Case {
  ds: Dataset;
  settings: MetricSettings;
  periods: Period[];
  window: { start: number; end: number };
  end: number;
  unit: PeriodUnit | undefined;
  weekStart: WeekStart;
  zone: string;
}

function toCase(s: Scenario): Case {
  const channels = Array.from({ length: s.channelCount }, (_, i) => `ch${i}`);
  if (s.withUnknown) channels.push(UNKNOWN_CHANNEL);
  const C = channels.length;
  const cust = (c: number) => (s.hasIds && s.customerCount > 0 && c >= 0 ? c % s.customerCount : -1);
  const ds: Dataset = {
    channels,
    orders: orderTable(s.orders.map((o) => ({ time: s.base + o.time, value: o.value, channel: o.channel % C, customer: cust(o.customer), orderId: o.orderId }))),
    customerCount: s.hasIds ? s.customerCount : 0,
    hasCustomerIds: s.hasIds,
    spend: s.spend?.map((r) => ({ time: s.base + r.time, channel: r.channel % C, spend: r.amount })) ?? null,
    traffic: s.traffic?.map((r) => ({ time: s.base + r.time, channel: r.channel % C, sessions: r.amount })) ?? null,
    nps: s.nps?.map((a) => ({ time: s.base + a.time, channel: a.channel < 0 ? -1 : a.channel % C, customer: cust(a.customer), score: a.score })) ?? null,
  };
  const times = orderList(ds.orders).map((o) => o.time);
  const end = dataEnd(times, s.zone);
  const window = { start: startOfZonedDay(Math.min(...times), s.zone), end };
  const periods = buildPeriods(window, end, s.unit, s.weekStart, s.zone);
  return { ds, settings: s.settings, periods, window, end, unit: s.unit, weekStart: s.weekStart, zone: s.zone };
}
const cases = scenario.map(toCase);

/** Every dated row strictly before `cut`. */
function truncate(ds: Dataset, cut: number): Dataset {
  const before = <T extends { time: number }>(rows: T[] | null) => rows?.filter((r) => r.time < cut) ?? null;
  return { ...ds, orders: orderTable(before(orderList(ds.orders))!), spend: before(ds.spend), traffic: before(ds.traffic), nps: before(ds.nps) };
}

const RUNS = { numRuns: 300 };

describe('properties', () => {
  it('(a) as of: truncating at a period boundary leaves earlier periods unchanged', () => {
    fc.assert(
      fc.property(cases, fc.nat(), ({ ds, settings, periods, window, unit, weekStart, zone }, pick) => {
        const k = pick % periods.length;
        const cut = periods[k]!.end;
        const full = computeFigures(ds, periods, settings);
        const cutDs = truncate(ds, cut);
        // Same periods (same T): identical figures, to the bit.
        expect(computeFigures(cutDs, periods.slice(0, k + 1), settings)).toEqual(full.slice(0, k + 1));
        // Periods rebuilt from the truncated data end: those complete in both are identical.
        const cutEnd = dataEnd(orderList(cutDs.orders).map((o) => o.time), zone);
        const rebuilt = computeFigures(cutDs, buildPeriods(window, cutEnd, unit, weekStart, zone), settings);
        const complete = rebuilt.filter((pf) => pf.period.end <= cutEnd);
        expect(complete).toEqual(full.slice(0, complete.length));
      }),
      RUNS,
    );
  });

  it('(b) additivity: channel rows sum to the total row', () => {
    const additive: MetricKey[] = ['orders', 'revenue', 'refunds', 'new_customers', 'spend', 'sessions', 'nps_responses'];
    fc.assert(
      fc.property(cases, ({ ds, settings, periods }) => {
        const unattributable = !ds.channels.includes(UNKNOWN_CHANNEL) && (ds.nps ?? []).some((a) => a.channel < 0);
        for (const pf of computeFigures(ds, periods, settings)) {
          const channelRows = pf.rows.slice(0, -1);
          const total = pf.rows.at(-1)!;
          for (const key of additive) {
            if (key === 'nps_responses' && unattributable) continue;
            if (total.metrics[key] === null) {
              for (const r of channelRows) expect(r.metrics[key]).toBeNull();
              continue;
            }
            expect(total.metrics[key], key).toBe(channelRows.reduce((sum, r) => sum + r.metrics[key]!, 0));
          }
        }
      }),
      RUNS,
    );
  });

  it('(c) max over channels ≤ total customers ≤ sum over channels', () => {
    fc.assert(
      fc.property(cases, ({ ds, settings, periods }) => {
        for (const pf of computeFigures(ds, periods, settings)) {
          const total = pf.rows.at(-1)!.metrics.customers;
          if (total === null) continue;
          const counts = pf.rows.slice(0, -1).map((r) => r.metrics.customers!);
          expect(total).toBeLessThanOrEqual(counts.reduce((a, b) => a + b, 0));
          expect(total).toBeGreaterThanOrEqual(Math.max(...counts));
        }
      }),
      RUNS,
    );
  });

  it('(d) agrees with a naive reading of SPEC §3', () => {
    fc.assert(
      fc.property(cases, ({ ds, settings, periods }) => {
        const mismatches: string[] = [];
        for (const pf of computeFigures(ds, periods, settings)) {
          for (const row of pf.rows) {
            const ref = reference(ds, pf.period, settings, row.channel === TOTAL_CHANNEL ? null : ds.channels.indexOf(row.channel));
            for (const key of METRIC_KEYS) {
              const want = ref[key];
              const got = row.metrics[key];
              const ok =
                typeof want === 'string' ? got === null && row.reasons[key] === want : got !== null && Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
              if (!ok) mismatches.push(`${pf.period.label} ${row.channel} ${key}: got ${got} (${row.reasons[key]}), want ${want}`);
            }
          }
        }
        expect(mismatches).toEqual([]);
      }),
      RUNS,
    );
  });

  it('(e) a period computed alone equals the same period computed among others', () => {
    fc.assert(
      fc.property(cases, fc.nat(), ({ ds, settings, periods }, pick) => {
        const k = pick % periods.length;
        expect(computeFigures(ds, [periods[k]!], settings)).toEqual([computeFigures(ds, periods, settings)[k]]);
      }),
      RUNS,
    );
  });
});

const acquisitionCache = new WeakMap<Dataset, Map<number, { time: number; channel: number }>>();

/** Acquisition, literally: earliest purchase, then smallest order id by code points, then input order. */
function acquisitionsOf(ds: Dataset): Map<number, { time: number; channel: number }> {
  const cached = acquisitionCache.get(ds);
  if (cached) return cached;
  const best = new Map<number, { time: number; id: string; i: number; channel: number }>();
  orderList(ds.orders).forEach((o, i) => {
    if (o.customer < 0 || o.value <= 0) return;
    const b = best.get(o.customer);
    const better = !b || o.time < b.time || (o.time === b.time && (o.orderId < b.id || (o.orderId === b.id && i < b.i)));
    if (better) best.set(o.customer, { time: o.time, id: o.orderId, i, channel: o.channel });
  });
  const acq = new Map([...best].map(([k, v]) => [k, { time: v.time, channel: v.channel }]));
  acquisitionCache.set(ds, acq);
  return acq;
}

const outcomeCache = new WeakMap<Dataset, Map<number, { repeated: boolean; value: number }>>();

/** Per acquired customer, literally: ≥ 2 purchases in [acq, acq + N days)? Σ order values in [acq, acq + H days). */
function outcomesOf(ds: Dataset, s: MetricSettings): Map<number, { repeated: boolean; value: number }> {
  const cached = outcomeCache.get(ds);
  if (cached) return cached;
  const out = new Map<number, { repeated: boolean; value: number }>();
  const list = orderList(ds.orders);
  for (const [k, a] of acquisitionsOf(ds)) {
    const within = (days: number) => list.filter((o) => o.customer === k && o.time >= a.time && o.time < a.time + days * DAY_MS);
    out.set(k, { repeated: within(s.retentionDays).filter((o) => o.value > 0).length >= 2, value: within(s.clvHorizonDays).reduce((x, o) => x + o.value, 0) });
  }
  outcomeCache.set(ds, out);
  return out;
}

/**
 * SPEC §3 read literally, with no cleverness: for channel `c` (null = total) and
 * period P, each metric as a number or its null reason.
 */
function reference(ds: Dataset, p: Period, s: MetricSettings, c: number | null): Record<MetricKey, number | string> {
  const T = p.asOf;
  const inP = (t: number) => p.start <= t && t < T;
  const ofC = (ch: number) => c === null || ch === c;

  const acq = acquisitionsOf(ds);
  const list = orderList(ds.orders);
  const purchases = list.filter((o) => o.value > 0 && inP(o.time) && ofC(o.channel));
  const orders = purchases.length;
  const revenue = purchases.reduce((a, o) => a + o.value, 0);
  const refunds = -list.filter((o) => o.value < 0 && inP(o.time) && ofC(o.channel)).reduce((a, o) => a + o.value, 0);
  const customers = new Set(purchases.filter((o) => o.customer >= 0).map((o) => o.customer));
  const returning = [...customers].filter((k) => acq.get(k)!.time < p.start).length;
  const newCustomers = [...acq.values()].filter((a) => inP(a.time) && ofC(a.channel)).length;
  const spendRows = (ds.spend ?? []).filter((r) => inP(r.time) && ofC(r.channel));
  const spend = spendRows.reduce((a, r) => a + r.spend, 0);
  // a channel (not the total) with a spend input but no spend rows in P: its cost is unknown, not 0
  const noRows = ds.spend && c !== null && spendRows.length === 0 ? NULL_REASONS.noSpendRows(ds.channels[c]!) : null;
  const trafficRows = (ds.traffic ?? []).filter((r) => inP(r.time) && ofC(r.channel));
  const sessions = trafficRows.reduce((a, r) => a + r.sessions, 0);
  const withTraffic = new Set(trafficRows.map((r) => r.channel));
  const converting = c === null ? purchases.filter((o) => withTraffic.has(o.channel)).length : orders;

  const mature = (days: number) => [...acq.entries()].filter(([, a]) => ofC(a.channel) && a.time <= T - days * DAY_MS);
  const retMature = mature(s.retentionDays);
  const retained = retMature.filter(([k]) => outcomesOf(ds, s).get(k)!.repeated).length;
  const clvMature = mature(s.clvHorizonDays);
  const clvSum = clvMature.reduce((a, [k]) => a + outcomesOf(ds, s).get(k)!.value * s.margin, 0);

  const unknown = ds.channels.indexOf(UNKNOWN_CHANNEL);
  const answerChannel = (a: NonNullable<Dataset['nps']>[number]) => {
    if (a.channel >= 0) return a.channel;
    const x = a.customer >= 0 ? acq.get(a.customer) : undefined;
    if (x && x.time <= a.time) return x.channel;
    return unknown; // -1: counted only in the total
  };
  const answers = (ds.nps ?? []).filter((a) => inP(a.time) && (c === null || answerChannel(a) === c));
  const promoters = answers.filter((a) => a.score >= 9).length;
  const detractors = answers.filter((a) => a.score <= 6).length;

  const R = NULL_REASONS;
  const ids = ds.hasCustomerIds;
  const div = (a: number, b: number, why: string) => (b === 0 ? why : a / b);
  const cac = noRows ?? (!ds.spend ? R.noSpendInput : !ids ? R.noCustomerIds : div(spend, newCustomers, R.noNewCustomers));
  const clv = !ids ? R.noCustomerIds : div(clvSum, clvMature.length, R.noCustomerMature(s.clvHorizonDays));
  const clvCac = noRows
    ? noRows
    : !ds.spend
    ? R.noSpendInput
    : !ids
      ? R.noCustomerIds
      : typeof clv === 'string'
        ? `clv is null: ${clv}`
        : typeof cac === 'string'
          ? `cac is null: ${cac}`
          : cac === 0
            ? R.cacIsZero
            : clv / cac;
  return {
    orders,
    revenue,
    refunds,
    net_revenue: revenue - refunds,
    aov: div(revenue, orders, R.noOrders),
    customers: ids ? customers.size : R.noCustomerIds,
    new_customers: ids ? newCustomers : R.noCustomerIds,
    returning_rate: ids ? div(returning, customers.size, R.noCustomers) : R.noCustomerIds,
    spend: ds.spend ? spend : R.noSpendInput,
    cac,
    roas: noRows ?? (ds.spend ? div(revenue, spend, R.noSpend) : R.noSpendInput),
    sessions: ds.traffic ? sessions : R.noTrafficInput,
    conversion_rate: ds.traffic ? div(converting, sessions, R.noSessions) : R.noTrafficInput,
    retention_rate: ids ? div(retained, retMature.length, R.noCustomerMature(s.retentionDays)) : R.noCustomerIds,
    clv,
    clv_cac: clvCac,
    nps: ds.nps ? div(100 * (promoters - detractors), answers.length, R.noSurveyAnswers) : R.noNpsInput,
    nps_responses: ds.nps ? answers.length : R.noNpsInput,
  };
}
