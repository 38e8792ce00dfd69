import { NULL_REASONS } from './definitions.js';
import { ratio, withKnown, type Outcome } from './outcome.js';

/**
 * Conversion rate.
 *
 *     conversion_rate = orders / sessions
 *
 * For the total row `orders` counts only the channels with traffic rows in the
 * period, so offline orders do not inflate online conversion. Null without
 * traffic input, or 'no sessions' when sessions is 0.
 * @example conversionRate(3, known(150)) // { value: 0.02 }
 */
export function conversionRate(orders: number, sessions: Outcome): Outcome {
  return withKnown(sessions, (s) => ratio(orders, s, NULL_REASONS.noSessions));
}
