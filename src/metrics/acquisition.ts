/**
 * Customer acquisition: each customer's first purchase in the whole dataset.
 */
import type { Order } from '../model.js';

export interface Acquisitions {
  /** Acquisition time per customer, +Infinity for a customer without a purchase. */
  time: Float64Array;
  /** Acquisition channel per customer, -1 for a customer without a purchase. */
  channel: Int32Array;
}

/**
 * One pass over the orders. A customer's acquisition order is their purchase
 * (value > 0) with the smallest time; ties go to the smallest orderId compared by
 * code points (`a < b`, not locale collation), then to the earlier input order.
 * Orders without a customer (-1) acquire no one.
 * @example two purchases of c1 at the same instant, ids 'o9' and 'o10' → 'o10' acquires ('1' < '9')
 */
export function findAcquisitions(orders: readonly Order[], customerCount: number): Acquisitions {
  const time = new Float64Array(customerCount).fill(Infinity);
  const channel = new Int32Array(customerCount).fill(-1);
  const orderIds: string[] = new Array<string>(customerCount);
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i]!;
    const c = o.customer;
    if (c < 0 || !(o.value > 0)) continue;
    if (c >= customerCount) throw new RangeError(`order ${o.orderId || i} refers to customer ${c} of ${customerCount}`);
    const t = time[c]!;
    // Later input order never wins a full tie, so a strict comparison suffices.
    if (o.time < t || (o.time === t && o.orderId < orderIds[c]!)) {
      time[c] = o.time;
      channel[c] = o.channel;
      orderIds[c] = o.orderId;
    }
  }
  return { time, channel };
}
