/**
 * Golden tests: every cross-channel figure on the fixture of
 * testing/golden-dataset.ts (= fixtures/crosschannel/orders.csv), worked by hand.
 *
 * As of T = data end = Mar 16 (all orders count). Per customer (channels used;
 * net value = all orders; purchases; purchase revenue):
 *   c01 {web, store, app} 3   net 180  p 3  rev 180
 *   c02 {web}             1   net  80  p 1  rev  80
 *   c03 {store}           1   net  80  p 2  rev 100   (60 + 40 − 20)
 *   c04 {app, web}        2   net 100  p 2  rev 100
 *   c05 {store, web}      2   net 160  p 2  rev 160
 *   c06 {web, app}        2   net 100  p 3  rev 100
 *   c07 {app}             1   net   0  p 1  rev  40   (40 − 40)
 *   c08 {store}           1   net 300  p 2  rev 300
 *   c09 {app}             1   net  50  p 2  rev  50
 *   c10 {web, store, app} 3   net 180  p 3  rev 180
 * The guest order (web Jan 18, 70) has no customer: in no figure.
 */
import { describe, expect, it } from 'vitest';
import { dataset, order } from '../testing/dataset-fixture.js';
import { computeCrossChannel, LIFT_REASONS, migrationShare, MIGRATION_REASONS, overlapShare, type CrossChannelFigures } from './index.js';
import { GOLDEN_DATA_END, goldenDataset } from './testing/golden-dataset.js';

const ds = goldenDataset();
const [WEB, STORE, APP] = [0, 1, 2];
const FEB1 = Date.UTC(2024, 1, 1);
const MAR1 = Date.UTC(2024, 2, 1);
const fig: CrossChannelFigures = computeCrossChannel(ds, GOLDEN_DATA_END, [FEB1, MAR1, GOLDEN_DATA_END]);

describe('crosschannel golden, as of the data end (Mar 16)', () => {
  it('multichannel share: c01, c04, c05, c06, c10 of 10 customers', () => {
    expect(fig.buckets.customers).toBe(10);
    expect(fig.multichannelCustomers).toBe(5);
    expect(fig.multichannelShare).toEqual({ value: 0.5 }); // 5 / 10
  });

  it('bucket 1: c02, c03, c07, c08, c09', () => {
    const b = fig.buckets.buckets[0];
    expect(b.bucket).toBe('1');
    expect(b.customers).toBe(5);
    expect(b.meanNetValue).toEqual({ value: 102 }); // (80 + 80 + 0 + 300 + 50) / 5 = 510 / 5
    expect(b.meanPurchases).toEqual({ value: 1.6 }); // (1 + 2 + 1 + 2 + 2) / 5 = 8 / 5
    expect(b.aov).toEqual({ value: 71.25 }); // (80 + 100 + 40 + 300 + 50) / 8 = 570 / 8
  });

  it('bucket 2: c04, c05, c06', () => {
    const b = fig.buckets.buckets[1];
    expect(b.bucket).toBe('2');
    expect(b.customers).toBe(3);
    expect(b.meanNetValue).toEqual({ value: 120 }); // (100 + 160 + 100) / 3 = 360 / 3
    expect(b.meanPurchases.value).toBeCloseTo(7 / 3, 12); // (2 + 2 + 3) / 3
    expect(b.aov.value).toBeCloseTo(360 / 7, 12); // (100 + 160 + 100) / 7 = 51.43
  });

  it('bucket 3+: c01, c10', () => {
    const b = fig.buckets.buckets[2];
    expect(b.bucket).toBe('3+');
    expect(b.customers).toBe(2);
    expect(b.meanNetValue).toEqual({ value: 180 }); // (180 + 180) / 2
    expect(b.meanPurchases).toEqual({ value: 3 }); // (3 + 3) / 2
    expect(b.aov).toEqual({ value: 60 }); // 360 / 6
  });

  it('omnichannel lift = mean net value of 2+ ÷ of 1', () => {
    expect(fig.meanNetValueMulti).toEqual({ value: 144 }); // (360 + 360) / 5
    expect(fig.meanNetValueSingle).toEqual({ value: 102 }); // 510 / 5
    expect(fig.omnichannelLift.value).toBeCloseTo(144 / 102, 12); // 1.4117647…
  });

  it('overlap matrix', () => {
    // customers per channel: web {c01, c02, c04, c05, c06, c10} = 6, store {c01, c03, c05, c08, c10} = 5, app {c01, c04, c06, c07, c09, c10} = 6
    // both: web & store {c01, c05, c10} = 3; web & app {c01, c04, c06, c10} = 4; store & app {c01, c10} = 2
    const o = (a: number, b: number) => overlapShare(fig.overlap, a, b).value;
    expect([o(WEB, WEB), o(WEB, STORE), o(WEB, APP)]).toEqual([1, 3 / 6, 4 / 6]);
    expect([o(STORE, WEB), o(STORE, STORE), o(STORE, APP)]).toEqual([3 / 5, 1, 2 / 5]);
    expect([o(APP, WEB), o(APP, STORE), o(APP, APP)]).toEqual([4 / 6, 2 / 6, 1]);
    expect(Array.from(fig.overlap.both)).toEqual([6, 3, 4, 3, 5, 2, 4, 2, 6]);
  });

  it('migration matrix with the excluded counts', () => {
    // acquired via web: c01 (later store, app), c02 (none → excluded), c06 (later web, app), c10 (later store, app)
    //   → later: web 1, store 2, app 3 of 6
    // via store: c03 (later store), c05 (later web), c08 (later store) → web 1, store 2 of 3; none excluded
    // via app: c04 (later web), c07 (none: the return is not a purchase → excluded), c09 (later app) → web 1, app 1 of 2
    const m = fig.migration;
    expect(Array.from(m.acquired)).toEqual([4, 3, 3]);
    expect(Array.from(m.excluded)).toEqual([1, 0, 1]);
    expect(Array.from(m.laterTotal)).toEqual([6, 3, 2]);
    expect(Array.from(m.later)).toEqual([1, 2, 3, 1, 2, 0, 1, 0, 1]);
    const s = (a: number, b: number) => migrationShare(m, a, b).value;
    expect([s(WEB, WEB), s(WEB, STORE), s(WEB, APP)]).toEqual([1 / 6, 2 / 6, 3 / 6]);
    expect([s(STORE, WEB), s(STORE, STORE), s(STORE, APP)]).toEqual([1 / 3, 2 / 3, 0]);
    expect([s(APP, WEB), s(APP, STORE), s(APP, APP)]).toEqual([1 / 2, 0, 1 / 2]);
  });

  it('channel revenue of customers’ purchases (for ordering; the guest order is not in it)', () => {
    // web 100 + 80 + 40 + 50 + 30 + 75 + 60 = 435; store 60 + 120 + 50 + 200 + 40 + 100 + 90 = 660; app 25 + 40 + 30 + 35 + 15 + 20 + 30 = 195
    expect(Array.from(fig.channelRevenue)).toEqual([435, 660, 195]);
  });
});

describe('crosschannel golden, per period (as of Feb 1, Mar 1, Mar 16)', () => {
  it('as of Feb 1: c01..c05; multichannel c01 (web, store), c05 (store, web)', () => {
    const p = fig.periods[0]!;
    expect(p.customers).toBe(5);
    expect(p.multichannelCustomers).toBe(2);
    expect(p.share).toEqual({ value: 0.4 }); // 2 / 5
    // net before Feb 1: multi c01 150, c05 160 → 155; single c02 80, c03 60, c04 25 → 165 / 3 = 55
    expect(p.multi).toEqual({ customers: 2, netValue: 310 });
    expect(p.single).toEqual({ customers: 3, netValue: 165 });
    expect(p.lift.value).toBeCloseTo(155 / 55, 12); // 2.818…
  });

  it('as of Mar 1: c01..c08; still only c01 and c05 multichannel (c04 bought web on Mar 2)', () => {
    const p = fig.periods[1]!;
    expect(p.customers).toBe(8);
    expect(p.multichannelCustomers).toBe(2);
    expect(p.share).toEqual({ value: 0.25 }); // 2 / 8
    // multi: c01 180, c05 160 → 170; single: c02 80, c03 80, c04 25, c06 80, c07 0, c08 200 → 465 / 6 = 77.5
    expect(p.multi).toEqual({ customers: 2, netValue: 340 });
    expect(p.single).toEqual({ customers: 6, netValue: 465 });
    expect(p.lift.value).toBeCloseTo(170 / 77.5, 12); // 2.1935…
  });

  it('as of Mar 16 equals the headline figures', () => {
    const p = fig.periods[2]!;
    expect(p.customers).toBe(10);
    expect(p.share).toEqual({ value: 0.5 });
    expect(p.lift.value).toBeCloseTo(fig.omnichannelLift.value!, 12);
  });
});

describe('crosschannel edge cases', () => {
  it('no customers: share and lift null with reasons', () => {
    const f = computeCrossChannel(dataset({ orders: [order('2024-01-05T10:00Z', 50, 'web', null, 'o1')] }), Date.UTC(2024, 0, 6));
    expect(f.multichannelShare).toEqual({ value: null, reason: 'no customers with a purchase' });
    expect(f.omnichannelLift).toEqual({ value: null, reason: LIFT_REASONS.noSingle });
  });

  it('only single-channel customers: lift null (no multichannel customers); migration row without later purchases is null', () => {
    const f = computeCrossChannel(dataset({ orders: [order('2024-01-05T10:00Z', 50, 'web', 'c1', 'o1')] }), Date.UTC(2024, 0, 6));
    expect(f.omnichannelLift).toEqual({ value: null, reason: LIFT_REASONS.noMulti });
    expect(migrationShare(f.migration, 0, 0)).toEqual({ value: null, reason: MIGRATION_REASONS.noLaterPurchases });
    expect(f.migration.excluded[0]).toBe(1);
  });

  it('a non-positive single-channel mean gives no lift', () => {
    const f = computeCrossChannel(
      dataset({
        orders: [
          order('2024-01-05T10:00Z', 50, 'web', 'c1', 'o1'),
          order('2024-01-06T10:00Z', -50, 'web', 'c1', 'o2'),
          order('2024-01-05T10:00Z', 50, 'web', 'c2', 'o3'),
          order('2024-01-06T10:00Z', 50, 'app', 'c2', 'o4'),
        ],
      }),
      Date.UTC(2024, 0, 7),
    );
    expect(f.meanNetValueSingle).toEqual({ value: 0 });
    expect(f.omnichannelLift).toEqual({ value: null, reason: LIFT_REASONS.singleNotPositive });
  });

  it('a return before the first purchase counts in net value, not in channels used', () => {
    const f = computeCrossChannel(
      dataset({ channels: ['web', 'store'], orders: [order('2024-01-03T10:00Z', -20, 'store', 'c1', 'r1'), order('2024-01-05T10:00Z', 50, 'web', 'c1', 'o1')] }),
      Date.UTC(2024, 0, 6),
    );
    expect(f.buckets.buckets[0].customers).toBe(1);
    expect(f.buckets.buckets[0].meanNetValue).toEqual({ value: 30 }); // 50 − 20
    expect(f.overlap.both[1 * 2 + 1]).toBe(0); // store has no customer: the return is not a purchase
  });

  it('orders at or after T are ignored; acquisition ties are decided by findAcquisitions (smallest order id)', () => {
    const T = Date.UTC(2024, 0, 6);
    const f = computeCrossChannel(
      dataset({
        orders: [
          // same instant: 'a2' < 'b1' → app acquires; the web order is the later purchase
          order('2024-01-05T10:00Z', 10, 'web', 'c1', 'b1'),
          order('2024-01-05T10:00Z', 10, 'app', 'c1', 'a2'),
          order('2024-01-06T00:00Z', 99, 'store', 'c1', 'c3'), // at T: ignored
        ],
        channels: ['web', 'store', 'app'],
      }),
      T,
    );
    expect(f.buckets.buckets[1].customers).toBe(1); // web + app
    expect(Array.from(f.migration.later)).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 0]); // app → web 1
  });
});
