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
 * A figure without a confidence interval (significant = null: counts, sums,
 * ratios such as cac or roas) has no sampling error, so its miss counts as
 * significant.
 * @example failsGate({ status: 'worse', significant: false, delta: -1, delta_pct: -0.1 }, 'worse') // true
 * @example failsGate({ status: 'worse', significant: false, delta: -1, delta_pct: -0.1 }, 'worse-significant') // false
 */
export function failsGate(c: Comparison, failOn: FailOn): boolean {
  return c.status === 'worse' && (failOn === 'worse' || c.significant !== false);
}
