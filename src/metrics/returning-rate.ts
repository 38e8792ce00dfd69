import { NULL_REASONS } from './definitions.js';
import { ratio, withKnown, type Outcome } from './outcome.js';

/**
 * Returning-customer rate.
 *
 *     returning_rate = |{customers of the period acquired before its start}| / customers
 *
 * Null when customers is (no customer ids), or 'no customers' when it is 0.
 * @example returningRate(1, known(4)) // { value: 0.25 }
 */
export function returningRate(returning: number, customers: Outcome): Outcome {
  return withKnown(customers, (c) => ratio(returning, c, NULL_REASONS.noCustomers));
}
