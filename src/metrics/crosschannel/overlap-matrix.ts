/**
 * Channel overlap: of the customers who bought in A, how many also bought in B.
 */
import { ratio, type Outcome } from '../outcome.js';
import { channelsOf } from './channel-set.js';
import type { CustomerTally } from './customer-tally.js';

export const NO_CHANNEL_CUSTOMERS = 'no customers purchased in this channel';

export interface OverlapMatrix {
  readonly channelCount: number;
  /**
   * both[A × channelCount + B] = customers with purchases before T in both A and B;
   * the diagonal both[A][A] is the number of customers who purchased in A.
   */
  readonly both: Float64Array;
}

/**
 * Counts, for every pair of channels (A, B), the customers whose purchases
 * before T include both channels. O(customers × k²) for k channels per customer
 * (channels² at most), never customers².
 * @example customers {web, store}, {web}: both[web][web] = 2, both[web][store] = 1, both[store][web] = 1
 */
export function overlapMatrix(tally: CustomerTally): OverlapMatrix {
  const C = tally.channelCount;
  const both = new Float64Array(C * C);
  const list = new Int32Array(Math.max(C, 1));
  const n = tally.purchases.length;
  for (let c = 0; c < n; c++) {
    if (tally.purchases[c] === 0) continue;
    const k = channelsOf(tally.channels, c, list);
    for (let i = 0; i < k; i++) {
      const row = list[i]! * C;
      for (let j = 0; j < k; j++) both[row + list[j]!]!++;
    }
  }
  return { channelCount: C, both };
}

/**
 *     overlap(A, B) = customers who purchased in both A and B / customers who purchased in A
 *
 * 1 on the diagonal; null ('no customers purchased in this channel') for a row
 * channel without customers.
 * @example 3 of web's 6 customers also bought in store → overlapShare(m, web, store) = { value: 0.5 }
 */
export function overlapShare(m: OverlapMatrix, a: number, b: number): Outcome {
  const C = m.channelCount;
  return ratio(m.both[a * C + b]!, m.both[a * C + a]!, NO_CHANNEL_CUSTOMERS);
}
