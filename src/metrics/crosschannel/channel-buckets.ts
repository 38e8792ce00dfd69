/**
 * Customers grouped by how many channels they used: 1, 2, 3+.
 */
import { ratio, type Outcome } from '../outcome.js';
import { channelCountOf } from './channel-set.js';
import type { CustomerTally } from './customer-tally.js';
import type { ValueGroup } from './omnichannel-lift.js';

export const BUCKETS = ['1', '2', '3+'] as const;
export type Bucket = (typeof BUCKETS)[number];

export const EMPTY_BUCKET = 'no customers in this group';

export interface BucketFigures {
  bucket: Bucket;
  customers: number;
  /** Σ net value (purchases and returns before T) of the bucket's customers. */
  netValue: number;
  /** Σ purchases before T. */
  purchases: number;
  /** Σ purchase values before T. */
  revenue: number;
  /** netValue / customers. */
  meanNetValue: Outcome;
  /** purchases / customers. */
  meanPurchases: Outcome;
  /** revenue / purchases. */
  aov: Outcome;
}

export interface ChannelBuckets {
  /** Customers with ≥ 1 purchase before T. */
  customers: number;
  buckets: [BucketFigures, BucketFigures, BucketFigures];
  /** Customers who used exactly one channel. */
  single: ValueGroup;
  /** Customers who used two or more channels (buckets 2 and 3+). */
  multi: ValueGroup;
}

/**
 * For each bucket b of channels used (1, 2, 3+), over the customers with ≥ 1
 * purchase before T:
 *
 *     customers(b)      = |{c : |channels(c)| in b}|
 *     mean_net_value(b) = Σ netValue(c) / customers(b)
 *     mean_purchases(b) = Σ purchases(c) / customers(b)
 *     aov(b)            = Σ purchaseRevenue(c) / Σ purchases(c)
 *
 * Means of an empty bucket are null ('no customers in this group'). One pass
 * over the customers.
 * @example customers using {web}, {web}, {web, app}: buckets 1 → 2 customers, 2 → 1, 3+ → 0
 */
export function channelBuckets(tally: CustomerTally): ChannelBuckets {
  const sums = BUCKETS.map(() => ({ customers: 0, netValue: 0, purchases: 0, revenue: 0 }));
  const n = tally.purchases.length;
  for (let c = 0; c < n; c++) {
    const p = tally.purchases[c]!;
    if (p === 0) continue;
    const s = sums[Math.min(channelCountOf(tally.channels, c), 3) - 1]!;
    s.customers++;
    s.netValue += tally.netValue[c]!;
    s.purchases += p;
    s.revenue += tally.purchaseRevenue[c]!;
  }
  const buckets = BUCKETS.map((bucket, i): BucketFigures => {
    const s = sums[i]!;
    return {
      bucket,
      ...s,
      meanNetValue: ratio(s.netValue, s.customers, EMPTY_BUCKET),
      meanPurchases: ratio(s.purchases, s.customers, EMPTY_BUCKET),
      aov: ratio(s.revenue, s.purchases, EMPTY_BUCKET),
    };
  }) as ChannelBuckets['buckets'];
  const [one, two, more] = buckets;
  return {
    customers: one.customers + two.customers + more.customers,
    buckets,
    single: { customers: one.customers, netValue: one.netValue },
    multi: { customers: two.customers + more.customers, netValue: two.netValue + more.netValue },
  };
}
