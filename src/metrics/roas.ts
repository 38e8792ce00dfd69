import { NULL_REASONS } from './definitions.js';
import { ratio, withKnown, type Outcome } from './outcome.js';

/**
 * Return on ad spend.
 *
 *     roas = revenue / spend
 *
 * Null without spend input, or 'no spend' when spend is 0.
 * @example roas(1000, known(250)) // { value: 4 }
 */
export function roas(revenue: number, spend: Outcome): Outcome {
  return withKnown(spend, (s) => ratio(revenue, s, NULL_REASONS.noSpend));
}
