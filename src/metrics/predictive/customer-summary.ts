/**
 * The per-customer summary the CLV models read, built from the orders in one
 * pass plus a counting sort by customer (O(orders + customers)). Pure.
 *
 * Definitions (README "clv"): purchases are orders with value > 0 (returns and
 * zero-value orders are not purchases, SPEC §3); a customer's purchases on the
 * same calendar day of the reporting time zone (`dayOf`, UTC by default) are one
 * purchase day worth their sum;
 *
 *     x   = purchase days in the calibration period − 1      (repeat purchase days)
 *     t_x = (last − first purchase day) / unit
 *     T   = (last calibration day − first purchase day) / unit
 *     z̄   = mean value of the repeat purchase days (0 when x = 0)
 *
 * The calibration period ends before `calEnd` (a day start in the reporting
 * zone): its last day is the day before. The holdout count is the purchase days in [calEnd, holdoutEnd).
 */
import { DAY_MS, type OrderTable } from '../../model.js';
import type { Acquisitions } from '../acquisition.js';

export interface SummaryOptions {
  /** Customers acquired from this instant on (the window start). */
  from: number;
  /** Exclusive end of the calibration period (a day start in the reporting zone). */
  calEnd: number;
  /** Exclusive end of the holdout period, or null for no holdout. */
  holdoutEnd: number | null;
  /** Days per model unit: 1 (day) or 7 (week). */
  unitDays: number;
  /** The calendar day number of an instant in the reporting time zone (default: the UTC day). */
  dayOf?: (ms: number) => number;
}

export interface ChannelSummaries {
  /** One entry per customer in the summary (acquired in [from, calEnd)). */
  length: number;
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  zbar: Float64Array;
  /** Acquisition channel id per entry. */
  channel: Int32Array;
  /** Purchase days in the holdout period per entry (0 without one). */
  holdout: Float64Array;
}

/** Builds the summary of every customer acquired in [from, calEnd). */
export function buildCustomerSummary(orders: OrderTable, acq: Acquisitions, opts: SummaryOptions): ChannelSummaries {
  const customers = acq.time.length;
  const included = new Int32Array(customers).fill(-1);
  let m = 0;
  for (let c = 0; c < customers; c++) {
    const t = acq.time[c]!;
    if (t >= opts.from && t < opts.calEnd) included[c] = m++;
  }
  const end = opts.holdoutEnd ?? opts.calEnd;
  const dayOf = opts.dayOf ?? ((ms: number): number => Math.floor(ms / DAY_MS));
  // Counting sort of the relevant purchases by summary entry.
  const start = new Int32Array(m + 1);
  const { time, value, customer } = orders;
  const n = orders.length;
  for (let i = 0; i < n; i++) {
    const c = customer[i]!;
    if (c < 0 || !(value[i]! > 0) || time[i]! >= end) continue;
    const e = included[c]!;
    if (e >= 0) start[e + 1] = start[e + 1]! + 1;
  }
  for (let e = 0; e < m; e++) start[e + 1] = start[e + 1]! + start[e]!;
  const fill = start.slice(0, m);
  const days = new Float64Array(start[m]!);
  const vals = new Float64Array(start[m]!);
  for (let i = 0; i < n; i++) {
    const c = customer[i]!;
    if (c < 0 || !(value[i]! > 0) || time[i]! >= end) continue;
    const e = included[c]!;
    if (e < 0) continue;
    const k = fill[e]!;
    fill[e] = k + 1;
    days[k] = dayOf(time[i]!);
    vals[k] = value[i]!;
  }
  const calDayEnd = dayOf(opts.calEnd);
  const lastCalDay = calDayEnd - 1;
  const out: ChannelSummaries = {
    length: m,
    x: new Float64Array(m),
    tx: new Float64Array(m),
    T: new Float64Array(m),
    zbar: new Float64Array(m),
    channel: new Int32Array(m),
    holdout: new Float64Array(m),
  };
  for (let c = 0; c < customers; c++) {
    const e = included[c]!;
    if (e >= 0) out.channel[e] = acq.channel[c]!;
  }
  const order: number[] = [];
  for (let e = 0; e < m; e++) {
    const lo = start[e]!;
    const hi = start[e + 1]!;
    order.length = 0;
    for (let k = lo; k < hi; k++) order.push(k);
    order.sort((a, b) => days[a]! - days[b]!);
    let first = NaN;
    let last = NaN;
    let calDays = 0;
    let firstDayValue = 0;
    let calValue = 0;
    let holdoutDays = 0;
    let prevDay = NaN;
    for (const k of order) {
      const d = days[k]!;
      if (d < calDayEnd) {
        if (d !== prevDay) calDays++;
        if (calDays === 1) {
          first = d;
          firstDayValue += vals[k]!;
        }
        last = d;
        calValue += vals[k]!;
      } else if (d !== prevDay) holdoutDays++;
      prevDay = d;
    }
    const x = Math.max(calDays - 1, 0);
    out.x[e] = x;
    out.tx[e] = (last - first) / opts.unitDays;
    out.T[e] = (lastCalDay - first) / opts.unitDays;
    out.zbar[e] = x > 0 ? (calValue - firstDayValue) / x : 0;
    out.holdout[e] = holdoutDays;
  }
  return out;
}
