/**
 * How much more a multichannel customer is worth than a single-channel one.
 */
import { known, unknown, type Outcome } from '../outcome.js';

export const LIFT_REASONS = {
  noSingle: 'no single-channel customers',
  noMulti: 'no multichannel customers',
  singleNotPositive: 'single-channel customers have no positive mean net value',
} as const;

/** Customers of a group and the sum of their net values. */
export interface ValueGroup {
  customers: number;
  netValue: number;
}

/**
 *     omnichannel_lift = (Σ net value of multichannel customers / their number)
 *                      ÷ (Σ net value of single-channel customers / their number)
 *
 * Multichannel = purchases in ≥ 2 channels before T. Null when either group is
 * empty, or when the single-channel mean is not positive (a ratio to zero or to a
 * negative mean says nothing).
 * @example omnichannelLift({ customers: 5, netValue: 720 }, { customers: 5, netValue: 510 }) // { value: 144 / 102 ≈ 1.4118 }
 */
export function omnichannelLift(multi: ValueGroup, single: ValueGroup): Outcome {
  if (single.customers === 0) return unknown(LIFT_REASONS.noSingle);
  if (multi.customers === 0) return unknown(LIFT_REASONS.noMulti);
  const singleMean = single.netValue / single.customers;
  if (!(singleMean > 0)) return unknown(LIFT_REASONS.singleNotPositive);
  return known(multi.netValue / multi.customers / singleMean);
}
