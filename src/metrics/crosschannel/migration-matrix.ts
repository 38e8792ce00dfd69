/**
 * Where customers buy after they were acquired: acquisition channel × channel of
 * their later purchases.
 */
import { ratio, unknown, type Outcome } from '../outcome.js';
import type { Acquisitions } from '../acquisition.js';
import type { CustomerTally } from './customer-tally.js';

export const MIGRATION_REASONS = {
  noneAcquired: 'no customers acquired via this channel',
  noLaterPurchases: 'no later purchases',
} as const;

export interface MigrationMatrix {
  readonly channelCount: number;
  /** Customers acquired via A with a purchase before T (all of them: the acquisition is their first purchase). */
  readonly acquired: Float64Array;
  /** Of those, customers without a later purchase before T (excluded from the row's shares). */
  readonly excluded: Float64Array;
  /** later[A × channelCount + B] = later purchases (before T, acquisition order excluded) in B by customers acquired via A. */
  readonly later: Float64Array;
  /** Σ_B later[A][B]. */
  readonly laterTotal: Float64Array;
}

/**
 * From the tally's purchases by (acquisition channel, channel), removes each
 * customer's acquisition order — one purchase in (A, A), whichever of tied orders
 * `findAcquisitions` chose — and counts the customers left with no later purchase:
 *
 *     later(A, B) = Σ over customers c acquired via A of |{purchases of c in B before T}| − [B = A]
 *     excluded(A) = |{c acquired via A : purchases(c) = 1}|
 *
 * One pass over the customers.
 * @example acquired via web: c1 then store, app; c2 no later purchase
 *   → later(web, store) = 1, later(web, app) = 1, acquired(web) = 2, excluded(web) = 1
 */
export function migrationMatrix(tally: CustomerTally, acquisitions: Acquisitions): MigrationMatrix {
  const C = tally.channelCount;
  const later = Float64Array.from(tally.purchasesByAcquisition);
  const acquired = new Float64Array(C);
  const excluded = new Float64Array(C);
  const n = tally.purchases.length;
  for (let c = 0; c < n; c++) {
    const p = tally.purchases[c]!;
    if (p === 0) continue;
    const a = acquisitions.channel[c]!;
    acquired[a]!++;
    later[a * C + a]!--;
    if (p === 1) excluded[a]!++;
  }
  const laterTotal = new Float64Array(C);
  for (let a = 0; a < C; a++) {
    let sum = 0;
    for (let b = 0; b < C; b++) sum += later[a * C + b]!;
    laterTotal[a] = sum;
  }
  return { channelCount: C, acquired, excluded, later, laterTotal };
}

/**
 *     migration(A, B) = later(A, B) / Σ_B' later(A, B')
 *
 * the share of the later purchases of customers acquired via A that were made in
 * B; each row sums to 1. Null when A acquired no one, or when none of its
 * customers purchased again.
 * @example later purchases of web-acquired customers: web 1, store 2, app 3 → migrationShare(m, web, app) = { value: 0.5 }
 */
export function migrationShare(m: MigrationMatrix, a: number, b: number): Outcome {
  if (m.acquired[a] === 0) return unknown(MIGRATION_REASONS.noneAcquired);
  return ratio(m.later[a * m.channelCount + b]!, m.laterTotal[a]!, MIGRATION_REASONS.noLaterPurchases);
}
