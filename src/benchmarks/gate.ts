/**
 * The `--fail-on` CI gates (issue 4 §6) over comparisons.
 */
import type { Comparison } from './compare.js';

export type FailOn = 'worse' | 'worse-significant';

/**
 * Whether a comparison fails a gate.
 *
 *     worse             : status = worse
 *     worse-significant : status = worse ∧ significant ≠ false
 *
 * A figure without sampling error (significant = null: counts, sums, ratios
 * such as cac or roas) is what it is, so its miss counts as significant. A
 * figure with too little evidence (sample 'insufficient': n below min_sample,
 * or no interval) is significant = false, so it never fails worse-significant.
 * Monotone in evidence (a property test): with more observations the interval
 * narrows and n passes min_sample, so a miss that fails at n fails at any n′ > n.
 * @example failsGate({ status: 'worse', significant: false, delta: -1, delta_pct: -0.1 }, 'worse') // true
 * @example failsGate({ status: 'worse', significant: false, delta: -1, delta_pct: -0.1 }, 'worse-significant') // false
 */
export function failsGate(c: Comparison, failOn: FailOn): boolean {
  return c.status === 'worse' && (failOn === 'worse' || c.significant !== false);
}
