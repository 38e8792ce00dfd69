/**
 * What each acquired customer did in their first N (retention) and H (CLV) days.
 */
import type { OrderTable } from '../model.js';
import type { Acquisitions } from './acquisition.js';

export interface CustomerOutcomes {
  /** 1 when the customer made ≥ 2 purchases in [acq, acq + N days), else 0. */
  repeated: Uint8Array;
  /** Σ values of all the customer's orders (purchases and returns) in [acq, acq + H days). */
  horizonValue: Float64Array;
}

/**
 * One pass over the orders, summing in input order.
 * @param retentionMs N × DAY_MS
 * @param horizonMs H × DAY_MS
 */
export function measureCustomerOutcomes(orders: OrderTable, acq: Acquisitions, retentionMs: number, horizonMs: number): CustomerOutcomes {
  const count = acq.time.length;
  const purchases = new Uint8Array(count); // saturates at 255; only "≥ 2" matters
  const horizonValue = new Float64Array(count);
  const { time, value, customer } = orders;
  const acqTime = acq.time;
  const n = orders.length;
  for (let i = 0; i < n; i++) {
    const c = customer[i]!;
    if (c < 0) continue;
    const since = time[i]! - acqTime[c]!; // -Infinity for a customer never acquired
    if (!(since >= 0)) continue;
    const v = value[i]!;
    if (since < horizonMs) horizonValue[c]! += v;
    if (since < retentionMs && v > 0 && purchases[c]! < 255) purchases[c]!++;
  }
  const repeated = new Uint8Array(count);
  for (let c = 0; c < count; c++) repeated[c] = purchases[c]! >= 2 ? 1 : 0;
  return { repeated, horizonValue };
}
