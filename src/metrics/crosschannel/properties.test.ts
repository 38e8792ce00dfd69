/**
 * Laws of the cross-channel figures on random datasets (fast-check):
 * (a) overlap: diagonal 1, every cell in [0, 1], both-counts symmetric;
 * (b) migration: every defined row sums to 1 (within 1e-12);
 * (c) agreement with a naive, direct reading of the definitions;
 * (d) as of: removing the orders dated at or after a cut leaves every figure
 *     as of T ≤ cut unchanged, to the bit;
 * (e) the tally's streaming top-2 finds each customer's multichannel time: the
 *     second smallest of their per-channel first-purchase times.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, orderList, type Dataset } from '../../model.js';
import { findAcquisitions } from '../acquisition.js';
import { tallyCustomers } from './customer-tally.js';
import { computeCrossChannel, migrationShare, overlapShare } from './index.js';
import { BASE, DAYS, naiveAcquisitions, randomDataset, truncate } from './testing/random-dataset.js';

const RUNS = { numRuns: 300 };
const day = fc.integer({ min: 1, max: DAYS + 1 }).map((d) => BASE + d * DAY_MS);
/** T and up to 4 ascending period as-of times ≤ T. */
const times = fc
  .tuple(day, fc.array(day, { maxLength: 4 }))
  .map(([t, ps]) => ({ asOf: t, periods: ps.map((p) => Math.min(p, t)).sort((a, b) => a - b) }));

describe('crosschannel properties', () => {
  it('(a) overlap: diagonal 1, cells in [0, 1], both(A, B) = both(B, A)', () => {
    fc.assert(
      fc.property(randomDataset, times, (ds, { asOf }) => {
        const f = computeCrossChannel(ds, asOf);
        const C = ds.channels.length;
        for (let a = 0; a < C; a++) {
          if (f.overlap.both[a * C + a] === 0) continue;
          expect(overlapShare(f.overlap, a, a).value).toBe(1);
          for (let b = 0; b < C; b++) {
            const v = overlapShare(f.overlap, a, b).value!;
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1);
            expect(f.overlap.both[a * C + b]).toBe(f.overlap.both[b * C + a]);
          }
        }
      }),
      RUNS,
    );
  });

  it('(b) migration rows sum to 1', () => {
    fc.assert(
      fc.property(randomDataset, times, (ds, { asOf }) => {
        const f = computeCrossChannel(ds, asOf);
        const C = ds.channels.length;
        for (let a = 0; a < C; a++) {
          const row = Array.from({ length: C }, (_, b) => migrationShare(f.migration, a, b).value);
          if (row[0] === null) {
            expect(row.every((v) => v === null)).toBe(true);
            continue;
          }
          expect(Math.abs(row.reduce((s: number, v) => s + v!, 0) - 1)).toBeLessThanOrEqual(1e-12);
        }
      }),
      RUNS,
    );
  });

  it('(c) agrees with a naive reading of the definitions', () => {
    fc.assert(
      fc.property(randomDataset, times, (ds, { asOf, periods }) => {
        const f = computeCrossChannel(ds, asOf, periods);
        const want = naive(ds, asOf);
        const close = (got: number | null, w: number | null) => (w === null ? expect(got).toBeNull() : expect(Math.abs(got! - w)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(w))));
        expect(f.buckets.customers).toBe(want.customers);
        expect(f.multichannelCustomers).toBe(want.multi);
        close(f.multichannelShare.value, want.share);
        close(f.omnichannelLift.value, want.lift);
        f.buckets.buckets.forEach((b, i) => {
          expect(b.customers).toBe(want.buckets[i]!.customers);
          close(b.meanNetValue.value, want.buckets[i]!.meanNet);
          close(b.aov.value, want.buckets[i]!.aov);
        });
        expect(Array.from(f.overlap.both)).toEqual(want.both);
        expect(Array.from(f.migration.later)).toEqual(want.later);
        expect(Array.from(f.migration.excluded)).toEqual(want.excluded);
        periods.forEach((t, p) => {
          const w = naive(ds, t);
          expect(f.periods[p]!.customers).toBe(w.customers);
          expect(f.periods[p]!.multichannelCustomers).toBe(w.multi);
          close(f.periods[p]!.share.value, w.share);
          close(f.periods[p]!.lift.value, w.lift);
        });
      }),
      RUNS,
    );
  });

  it('(d) as of: data at or after the cut does not change figures as of T ≤ cut', () => {
    fc.assert(
      fc.property(randomDataset, times, day, (ds, { asOf, periods }, extra) => {
        const cut = Math.max(asOf, extra);
        expect(computeCrossChannel(truncate(ds, cut), asOf, periods)).toEqual(computeCrossChannel(ds, asOf, periods));
      }),
      RUNS,
    );
  });
});

describe('customer tally', () => {
  it('(e) multichannel time = 2nd smallest per-channel first-purchase time before T', () => {
    fc.assert(
      fc.property(randomDataset, times, (ds, { asOf }) => {
        const tally = tallyCustomers(ds.orders, findAcquisitions(ds.orders, ds.customerCount), ds.channels.length, asOf);
        const orders = orderList(ds.orders);
        for (let c = 0; c < ds.customerCount; c++) {
          const firsts = new Map<number, number>();
          for (const o of orders) if (o.customer === c && o.value > 0 && o.time < asOf) firsts.set(o.channel, Math.min(firsts.get(o.channel) ?? Infinity, o.time));
          const sorted = [...firsts.values()].sort((a, b) => a - b);
          expect(tally.multichannelTime[c]).toBe(sorted[1] ?? Infinity);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

interface Naive {
  customers: number;
  multi: number;
  share: number | null;
  lift: number | null;
  buckets: { customers: number; meanNet: number | null; aov: number | null }[];
  both: number[];
  later: number[];
  excluded: number[];
}

/** The definitions, literally, with Maps and Sets. */
function naive(ds: Dataset, T: number): Naive {
  const C = ds.channels.length;
  const acq = naiveAcquisitions(ds);
  const orders = orderList(ds.orders);
  const per = new Map<number, { channels: Set<number>; net: number; purchases: number; revenue: number }>();
  for (const o of orders) {
    if (o.customer < 0 || o.time >= T) continue;
    const c = per.get(o.customer) ?? { channels: new Set<number>(), net: 0, purchases: 0, revenue: 0 };
    per.set(o.customer, c);
    c.net += o.value;
    if (o.value > 0) {
      c.channels.add(o.channel);
      c.purchases++;
      c.revenue += o.value;
    }
  }
  const customers = [...per].filter(([, c]) => c.purchases > 0);
  const group = (pick: (n: number) => boolean) => customers.filter(([, c]) => pick(c.channels.size)).map(([, c]) => c);
  const buckets = [group((n) => n === 1), group((n) => n === 2), group((n) => n >= 3)].map((g) => {
    const net = g.reduce((s, c) => s + c.net, 0);
    const purchases = g.reduce((s, c) => s + c.purchases, 0);
    const revenue = g.reduce((s, c) => s + c.revenue, 0);
    return { customers: g.length, meanNet: g.length ? net / g.length : null, aov: purchases ? revenue / purchases : null };
  });
  const single = group((n) => n === 1);
  const multi = group((n) => n >= 2);
  const mean = (g: typeof single) => g.reduce((s, c) => s + c.net, 0) / g.length;
  const lift = single.length && multi.length && mean(single) > 0 ? mean(multi) / mean(single) : null;
  const both = new Array<number>(C * C).fill(0);
  for (const [, c] of customers) for (const a of c.channels) for (const b of c.channels) both[a * C + b]!++;
  const later = new Array<number>(C * C).fill(0);
  const excluded = new Array<number>(C).fill(0);
  orders.forEach((o, i) => {
    const a = acq.get(o.customer);
    if (!a || o.time >= T || !(o.value > 0) || i === a.index) return;
    later[a.channel * C + o.channel]!++;
  });
  for (const [id, c] of customers) if (c.purchases === 1) excluded[acq.get(id)!.channel]!++;
  return {
    customers: customers.length,
    multi: multi.length,
    share: customers.length ? multi.length / customers.length : null,
    lift,
    buckets,
    both,
    later,
    excluded,
  };
}
