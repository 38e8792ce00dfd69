import { NULL_REASONS } from './definitions.js';
import { ratio, withKnown, type Outcome } from './outcome.js';

/**
 * Customer acquisition cost.
 *
 *     cac = spend / new_customers
 *
 * The total row gives the blended CAC: all spend / all new customers. Null when
 * spend or new_customers is (with their reason), or 'no new customers'.
 * @example cac(known(300), known(4)) // { value: 75 }
 */
export function cac(spend: Outcome, newCustomers: Outcome): Outcome {
  return withKnown(spend, (s) => withKnown(newCustomers, (n) => ratio(s, n, NULL_REASONS.noNewCustomers)));
}
