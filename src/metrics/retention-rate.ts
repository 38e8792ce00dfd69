import { NULL_REASONS } from './definitions.js';
import type { RateSample } from './figures.js';
import { ratio, type Outcome } from './outcome.js';

/**
 * N-day retention (repeat) rate as of T.
 *
 *     mature          = customers acquired via c with acquisition time ≤ T − N days
 *     retention_rate  = |{m ∈ mature : purchases of m in [acq, acq + N days) ≥ 2}| / |mature|
 *
 * Null ('no customer mature for N days') when no customer is mature.
 * @example retentionRate({ successes: 1, trials: 4 }, 90) // { value: 0.25 }
 */
export function retentionRate(sample: RateSample, retentionDays: number): Outcome {
  return ratio(sample.successes, sample.trials, NULL_REASONS.noCustomerMature(retentionDays));
}
