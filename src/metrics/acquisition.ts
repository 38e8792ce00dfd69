/**
 * Customer acquisition: each customer's first purchase in the whole dataset.
 */
import { compareCodePoints, type OrderTable } from '../model.js';

export interface Acquisitions {
  /** Acquisition time per customer, +Infinity for a customer without a purchase. */
  time: Float64Array;
  /** Acquisition channel per customer, -1 for a customer without a purchase. */
  channel: Int32Array;
}

/**
 * One pass over the orders. A customer's acquisition order is their purchase
 * (value > 0) with the smallest time; ties go to the smallest orderId compared by
 * code points (`compareCodePoints`, not UTF-16 units or locale collation), then to the earlier input order.
 * Orders without a customer (-1) acquire no one. Order ids are read only for
 * equal times (the winning order index is kept per customer).
 * @example two purchases of c1 at the same instant, ids 'o9' and 'o10' → 'o10' acquires ('1' < '9')
 */
export function findAcquisitions(orders: OrderTable, customerCount: number): Acquisitions {
  const acqTime = new Float64Array(customerCount).fill(Infinity);
  const acqChannel = new Int32Array(customerCount).fill(-1);
  /** Index of each customer's acquisition order so far, -1 before their first purchase. */
  const best = new Int32Array(customerCount).fill(-1);
  const { time, value, channel, customer } = orders;
  const n = orders.length;
  for (let i = 0; i < n; i++) {
    const c = customer[i]!;
    if (c < 0 || !(value[i]! > 0)) continue;
    if (c >= customerCount) throw new RangeError(`order ${orders.orderId(i) || i} refers to customer ${c} of ${customerCount}`);
    const ti = time[i]!;
    const t = acqTime[c]!;
    // Later input order never wins a full tie, so a strict comparison suffices.
    if (ti < t || (ti === t && best[c]! >= 0 && compareCodePoints(orders.orderId(i), orders.orderId(best[c]!)) < 0)) {
      acqTime[c] = ti;
      acqChannel[c] = channel[i]!;
      best[c] = i;
    }
  }
  return { time: acqTime, channel: acqChannel };
}
