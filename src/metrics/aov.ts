import { NULL_REASONS } from './definitions.js';
import { ratio, type Outcome } from './outcome.js';

/**
 * Average order value.
 *
 *     aov = revenue / orders
 *
 * over the purchases (value > 0) of the channel in the period; null
 * ('no orders') when there are none.
 * @example aov(150, 3) // { value: 50 }
 */
export function aov(revenue: number, orders: number): Outcome {
  return ratio(revenue, orders, NULL_REASONS.noOrders);
}
