import { NULL_REASONS } from './definitions.js';
import type { MeanSample } from './figures.js';
import { ratio, type Outcome } from './outcome.js';

/**
 * H-day customer lifetime value as of T.
 *
 *     mature = customers acquired via c with acquisition time ≤ T − H days
 *     clv    = mean over m ∈ mature of (Σ values of all orders of m — purchases and returns — in [acq, acq + H days)) × margin
 *
 * The sample already holds the values × margin. Null ('no customer mature for H
 * days') when no customer is mature.
 * @example clv({ n: 2, sum: 300, sumSq: 50000 }, 365) // { value: 150 }
 */
export function clv(sample: MeanSample, horizonDays: number): Outcome {
  return ratio(sample.sum, sample.n, NULL_REASONS.noCustomerMature(horizonDays));
}
