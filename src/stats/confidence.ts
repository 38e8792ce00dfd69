/**
 * The two-sided critical value of a confidence level.
 */
import { normalQuantile } from './normal.js';

/**
 * Checks that a confidence level is strictly between 0 and 1.
 * @example checkConfidence(0.95) // ok; checkConfidence(95) throws a RangeError
 */
export function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be between 0 and 1 (exclusive), got ${confidence}`);
}

/**
 * The two-sided normal critical value z for a confidence level.
 *
 *     α = 1 − confidence;   z = Φ⁻¹(1 − α/2)
 *
 * @example zCritical(0.95) // 1.959963984540054
 * @example zCritical(0.9) // 1.6448536269514722
 */
export function zCritical(confidence: number): number {
  checkConfidence(confidence);
  return normalQuantile((1 + confidence) / 2);
}
