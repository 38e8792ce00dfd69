/**
 * The multichannel share and the omnichannel lift as of each period's T.
 */
import type { OrderTable } from '../../model.js';
import type { Outcome } from '../outcome.js';
import { multichannelShare } from './multichannel-share.js';
import { omnichannelLift, type ValueGroup } from './omnichannel-lift.js';
import { lastAtOrBefore } from '../../model/sorted-search.js';

export interface MultichannelPoint {
  /** T of the period: figures use only orders dated before it. */
  asOf: number;
  /** Customers with a purchase before T. */
  customers: number;
  /** Of those, customers with purchases in ≥ 2 channels before T. */
  multichannelCustomers: number;
  share: Outcome;
  single: ValueGroup;
  multi: ValueGroup;
  lift: Outcome;
}

/** Index of the first entry of `ascending` that is > t (its length when none is). */
function firstAfter(ascending: Float64Array, t: number): number {
  return lastAtOrBefore(ascending, t) + 1;
}

/**
 * For each T_p in `asOfs` (ascending), over the customers with a purchase before T_p:
 *
 *     customers(p)     = |{c : acquisition(c) < T_p}|
 *     multichannel(p)  = |{c : multichannelTime(c) < T_p}|
 *     net(c, p)        = Σ values of c's orders dated before T_p
 *     lift(p)          = mean net(c, p) over multichannel ÷ mean over the others
 *
 * Without a pass per period: an order (t, v) of c counts in every period with
 * T_p > max(t, acquisition(c)) (towards all customers) and with
 * T_p > max(t, multichannelTime(c)) (towards the multichannel ones), so each
 * is added once at the first such period and the sums are prefix sums;
 * single-channel = all − multichannel. O(orders × log periods).
 *
 * `multichannelTime` must come from a tally with T ≥ every T_p (times it did
 * not see are then +Infinity, which is ≥ T_p as needed).
 * @example c1 buys web Jan 5, store Jan 20; asOfs [Jan 10, Feb 1] → customers [1, 1], multichannel [0, 1]
 */
export function multichannelByPeriod(
  orders: OrderTable,
  acquisitionTime: Float64Array,
  multichannelTime: Float64Array,
  asOfs: readonly number[],
): MultichannelPoint[] {
  const P = asOfs.length;
  const t = Float64Array.from(asOfs);
  for (let p = 1; p < P; p++) if (t[p]! < t[p - 1]!) throw new RangeError('period as-of times must be ascending');
  const allCount = new Float64Array(P + 1);
  const multiCount = new Float64Array(P + 1);
  const allValue = new Float64Array(P + 1);
  const multiValue = new Float64Array(P + 1);
  for (let c = 0; c < acquisitionTime.length; c++) {
    const acq = acquisitionTime[c]!;
    if (acq === Infinity) continue;
    allCount[firstAfter(t, acq)]!++;
    const multi = multichannelTime[c]!;
    if (multi !== Infinity) multiCount[firstAfter(t, multi)]!++;
  }
  const { time, value, customer } = orders;
  const n = orders.length;
  for (let i = 0; i < n; i++) {
    const c = customer[i]!;
    if (c < 0) continue;
    const acq = acquisitionTime[c]!;
    if (acq === Infinity) continue;
    const ti = time[i]!;
    const v = value[i]!;
    const p = firstAfter(t, Math.max(ti, acq));
    allValue[p] = allValue[p]! + v;
    const multi = multichannelTime[c]!;
    if (multi !== Infinity) {
      const q = firstAfter(t, Math.max(ti, multi));
      multiValue[q] = multiValue[q]! + v;
    }
  }
  const points: MultichannelPoint[] = [];
  let customers = 0;
  let multichannel = 0;
  let all = 0;
  let multiSum = 0;
  for (let p = 0; p < P; p++) {
    customers += allCount[p]!;
    multichannel += multiCount[p]!;
    all += allValue[p]!;
    multiSum += multiValue[p]!;
    const single: ValueGroup = { customers: customers - multichannel, netValue: all - multiSum };
    const multi: ValueGroup = { customers: multichannel, netValue: multiSum };
    points.push({
      asOf: t[p]!,
      customers,
      multichannelCustomers: multichannel,
      share: multichannelShare(multichannel, customers),
      single,
      multi,
      lift: omnichannelLift(multi, single),
    });
  }
  return points;
}
