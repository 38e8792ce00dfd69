/**
 * The share of customers who bought in two or more channels.
 */
import { ratio, type Outcome } from '../outcome.js';

export const NO_CUSTOMERS = 'no customers with a purchase';

/**
 *     multichannel_share = customers with purchases in ≥ 2 channels / customers
 *
 * over the customers with at least one purchase before T; null ('no customers
 * with a purchase') when there are none.
 * @example multichannelShare(5, 10) // { value: 0.5 }
 */
export function multichannelShare(multichannelCustomers: number, customers: number): Outcome {
  return ratio(multichannelCustomers, customers, NO_CUSTOMERS);
}
