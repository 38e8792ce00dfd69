import { NULL_REASONS } from './definitions.js';
import { known, unknown, type Outcome } from './outcome.js';

/**
 * CLV to CAC ratio.
 *
 *     clv_cac = clv / cac
 *
 * Null when clv or cac is ('clv is null: …', 'cac is null: …'), or 'cac is 0'.
 * @example clvCac(known(300), known(75)) // { value: 4 }
 */
export function clvCac(clvValue: Outcome, cacValue: Outcome): Outcome {
  if (clvValue.value === null) return unknown(NULL_REASONS.inputIsNull('clv', clvValue.reason));
  if (cacValue.value === null) return unknown(NULL_REASONS.inputIsNull('cac', cacValue.reason));
  if (cacValue.value === 0) return unknown(NULL_REASONS.cacIsZero);
  return known(clvValue.value / cacValue.value);
}
