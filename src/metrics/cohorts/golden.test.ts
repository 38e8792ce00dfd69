/**
 * Golden tests: monthly acquisition cohorts on the fixture of
 * ../crosschannel/testing/golden-dataset.ts (= fixtures/crosschannel/orders.csv).
 *
 * Window = Jan 05 (first order day) … Mar 15; data end T = Mar 16. Cohorts:
 *   Jan (clipped to start Jan 05): c01 web, c02 web, c03 store, c04 app, c05 store
 *   Feb: c06 web, c07 app, c08 store
 *   Mar: c09 app, c10 web   (March ends Apr 1 > T: every March cell is incomplete)
 * Periods k: Jan cohort → k 0 = Jan, 1 = Feb, 2 = Mar (incomplete).
 */
import { describe, expect, it } from 'vitest';
import { findAcquisitions } from '../acquisition.js';
import { buildPeriods } from '../../periods/index.js';
import type { OrderTable } from '../../model.js';
import { GOLDEN_DATA_END, goldenDataset } from '../crosschannel/testing/golden-dataset.js';
import { cellComplete, COHORT_REASONS, computeCohortGrid, cumulativeValue, retainedShare, type CohortGrid } from './index.js';

const ds = goldenDataset();
const [WEB, STORE, APP, ALL] = [0, 1, 2, 3];
const [JAN, FEB, MAR] = [0, 1, 2];
const JAN5 = Date.UTC(2024, 0, 5);

function grid(asOf = GOLDEN_DATA_END, horizon = 2, windowEnd = GOLDEN_DATA_END): CohortGrid {
  const cohorts = buildPeriods({ start: JAN5, end: windowEnd }, GOLDEN_DATA_END, 'month', 'monday');
  return computeCohortGrid(ds.orders, findAcquisitions(ds.orders, ds.customerCount), ds.channels.length, { cohorts, unit: 'month', weekStart: 'monday', horizon, asOf });
}
const g = grid();
const share = (i: number, s: number, k: number) => retainedShare(g, i, s, k).value;
const value = (i: number, s: number, k: number) => cumulativeValue(g, i, s, k).value;

describe('cohorts golden', () => {
  it('cohort sizes per acquisition channel and (all)', () => {
    const size = (i: number, s: number) => g.size[i * g.slots + s];
    expect([size(JAN, WEB), size(JAN, STORE), size(JAN, APP), size(JAN, ALL)]).toEqual([2, 2, 1, 5]); // web c01 c02; store c03 c05; app c04
    expect([size(FEB, WEB), size(FEB, STORE), size(FEB, APP), size(FEB, ALL)]).toEqual([1, 1, 1, 3]); // c06, c08, c07
    expect([size(MAR, WEB), size(MAR, STORE), size(MAR, APP), size(MAR, ALL)]).toEqual([1, 0, 1, 2]); // c10, —, c09
  });

  it('retained share: k = 0 is 1 by construction; k = 1 = share with a purchase in the next month', () => {
    expect([share(JAN, WEB, 0), share(JAN, STORE, 0), share(JAN, APP, 0), share(JAN, ALL, 0)]).toEqual([1, 1, 1, 1]);
    // Feb purchases of the Jan cohort: c01 (app Feb 10, counted under its acquisition channel web), c03 (store Feb 15)
    expect(share(JAN, WEB, 1)).toBe(0.5); // c01 of {c01, c02}
    expect(share(JAN, STORE, 1)).toBe(0.5); // c03 of {c03, c05} (its Feb 20 return is not a purchase)
    expect(share(JAN, APP, 1)).toBe(0); // c04 bought again only on Mar 02
    expect(share(JAN, ALL, 1)).toBe(0.4); // 2 / 5
    expect([share(FEB, WEB, 0), share(FEB, STORE, 0), share(FEB, APP, 0), share(FEB, ALL, 0)]).toEqual([1, 1, 1, 1]);
  });

  it('cumulative net value per customer from acquisition through the end of period k', () => {
    // Jan, through Jan 31: c01 100 + 50, c02 80 → 230 / 2; c03 60, c05 120 + 40 → 220 / 2; c04 25
    expect([value(JAN, WEB, 0), value(JAN, STORE, 0), value(JAN, APP, 0), value(JAN, ALL, 0)]).toEqual([115, 110, 25, 95]); // all: 475 / 5
    // through Feb 29: + c01 30 → 260 / 2; + c03 40 − 20 → 240 / 2; c04 nothing
    expect([value(JAN, WEB, 1), value(JAN, STORE, 1), value(JAN, APP, 1), value(JAN, ALL, 1)]).toEqual([130, 120, 25, 105]); // all: 525 / 5
    // Feb cohort through Feb 29: c06 50 + 30; c08 200; c07 40 − 40 = 0 (a purchase and its return)
    expect([value(FEB, WEB, 0), value(FEB, STORE, 0), value(FEB, APP, 0)]).toEqual([80, 200, 0]);
    expect(value(FEB, ALL, 0)).toBeCloseTo(280 / 3, 12);
  });

  it('cells whose period ends after the data end are null (not zero)', () => {
    expect(cellComplete(g, JAN, 1)).toBe(true); // Feb ends Mar 1 ≤ Mar 16
    expect(cellComplete(g, JAN, 2)).toBe(false); // Mar ends Apr 1 > Mar 16
    expect(retainedShare(g, JAN, ALL, 2)).toEqual({ value: null, reason: COHORT_REASONS.incomplete });
    expect(cumulativeValue(g, JAN, APP, 2)).toEqual({ value: null, reason: COHORT_REASONS.incomplete }); // though c04 bought on Mar 02
    expect(share(FEB, ALL, 1)).toBeNull();
    expect(share(MAR, ALL, 0)).toBeNull(); // March itself is incomplete
    expect(value(MAR, WEB, 0)).toBeNull();
    // the accumulators still hold March so far: Jan cohort, k = 2: c04 (Mar 02) retained; value 525 + 75
    expect(g.retained[(JAN * g.slots + ALL) * 3 + 2]).toBe(1);
    expect(g.value[(JAN * g.slots + ALL) * 3 + 2]).toBe(600);
  });

  it('an empty cohort is null with its own reason once complete', () => {
    const withEmail = { ...ds, channels: [...ds.channels, 'email'] }; // a channel that acquired no one
    const cohorts = buildPeriods({ start: JAN5, end: GOLDEN_DATA_END }, GOLDEN_DATA_END, 'month', 'monday');
    const g2 = computeCohortGrid(withEmail.orders, findAcquisitions(withEmail.orders, withEmail.customerCount), withEmail.channels.length, {
      cohorts,
      unit: 'month',
      weekStart: 'monday',
      horizon: 1,
      asOf: GOLDEN_DATA_END,
    });
    expect(g2.size[JAN * g2.slots + 3]).toBe(0);
    expect(retainedShare(g2, JAN, 3, 0)).toEqual({ value: null, reason: COHORT_REASONS.empty });
    expect(cumulativeValue(g2, JAN, 3, 1)).toEqual({ value: null, reason: COHORT_REASONS.empty });
    expect(retainedShare(g2, MAR, 3, 0)).toEqual({ value: null, reason: COHORT_REASONS.incomplete }); // incomplete wins
  });

  it('as of an earlier T (--to 2024-02-29): only orders before Mar 1 count, Feb cells complete', () => {
    const MAR1 = Date.UTC(2024, 2, 1);
    const g2 = grid(MAR1, 2, MAR1);
    expect(g2.cohortCount).toBe(2);
    expect(retainedShare(g2, JAN, ALL, 1).value).toBe(0.4);
    expect(cumulativeValue(g2, FEB, WEB, 0).value).toBe(80);
    expect(retainedShare(g2, FEB, ALL, 1).value).toBeNull();
    expect(g2.retained[(JAN * g2.slots + ALL) * 3 + 2]).toBe(0); // c04's Mar 02 purchase is after T
  });

  it('horizon 12: k beyond the data are null; the grid has K + 1 cells per cohort and channel', () => {
    const g12 = grid(GOLDEN_DATA_END, 12);
    expect(g12.value.length).toBe(3 * 4 * 13);
    expect(retainedShare(g12, JAN, ALL, 12).value).toBeNull();
    expect(retainedShare(g12, JAN, ALL, 1).value).toBe(0.4);
  });
});

describe('cohorts: order of the orders in the file', () => {
  // The fixture is in date order, so every customer's purchases come in period order (counted as
  // the period changes). Reversed, or with the first order moved to the end (c01: Jan, Feb, then
  // its Jan 05 acquisition — period 0 again after period 1), they come out of order and take the
  // sorted route; the grid is the same.
  const o = ds.orders;
  const n = o.length;
  const permuted = (at: (i: number) => number): OrderTable => {
    const pick = <T extends Float64Array | Int32Array>(a: T): T => a.map((_, i) => a[at(i)]!) as T;
    return { length: n, time: pick(o.time), value: pick(o.value), channel: pick(o.channel), customer: pick(o.customer), orderId: (i) => o.orderId(at(i)) };
  };
  const cohorts = buildPeriods({ start: JAN5, end: GOLDEN_DATA_END }, GOLDEN_DATA_END, 'month', 'monday');
  const opts = { cohorts, unit: 'month' as const, weekStart: 'monday' as const, horizon: 2, asOf: GOLDEN_DATA_END };
  it.each([
    ['reversed', (i: number) => n - 1 - i],
    ['first order last', (i: number) => (i + 1) % n],
  ])('the same grid with the orders %s', (_, at) => {
    const orders = permuted(at);
    const other = computeCohortGrid(orders, findAcquisitions(orders, ds.customerCount), ds.channels.length, opts);
    expect(Array.from(other.size)).toEqual(Array.from(g.size));
    expect(Array.from(other.retained)).toEqual(Array.from(g.retained));
    expect(Array.from(other.value)).toEqual(Array.from(g.value)); // whole-number values: exact in any order
  });
});
