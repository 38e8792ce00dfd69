/**
 * What the cross-channel figures need to know about each customer as of T, in
 * one pass over the orders.
 */
import type { OrderTable } from '../../model.js';
import type { Acquisitions } from '../acquisition.js';
import { addChannel, createChannelSets, type ChannelSets } from './channel-set.js';

export interface CustomerTally {
  /** T: only orders dated before it are counted. */
  readonly asOf: number;
  readonly channelCount: number;
  /** Distinct channels of each customer's purchases before T ("channels used"). */
  readonly channels: ChannelSets;
  /** Purchases (value > 0) before T, per customer. 0 = not a customer as of T. */
  readonly purchases: Uint32Array;
  /** Sum of those purchases' values, per customer. */
  readonly purchaseRevenue: Float64Array;
  /** Net value: sum of the values of all orders before T (purchases and returns), per customer. */
  readonly netValue: Float64Array;
  /**
   * When the customer first had purchases in two channels: the second smallest of
   * their per-channel first-purchase times before T (+Infinity if they used one
   * channel). A customer is multichannel as of t exactly when this is < t.
   */
  readonly multichannelTime: Float64Array;
  /**
   * Purchases before T by (acquisition channel A, channel B), row-major
   * `A × channelCount + B`; each customer's acquisition order is included (in A, A).
   */
  readonly purchasesByAcquisition: Float64Array;
  /** Revenue of customers' purchases before T, per channel (orders without a customer excluded). */
  readonly channelRevenue: Float64Array;
}

/**
 * Tallies the orders dated before `asOf` of every customer:
 *
 *     purchases(c)       = |{o of c : o.time < T, o.value > 0}|
 *     purchaseRevenue(c) = Σ o.value over those purchases
 *     netValue(c)        = Σ o.value over {o of c : o.time < T}   (returns included)
 *     channels(c)        = {o.channel : o a purchase of c before T}
 *     multichannelTime(c) = 2nd smallest of min{o.time : purchase of c in channel k, before T} over k
 *
 * The second-channel time is kept with a streaming top-2 over distinct channels:
 * a channel's first-purchase time only ever decreases, so the two smallest
 * (time, channel) pairs with different channels are enough.
 * Orders without a customer (-1) are skipped. One pass; memory O(customers + channels²).
 * @example c1: web 100 (Jan 5), store 50 (Jan 20), return web −20 (Jan 25), T = Feb 1
 *   → purchases 2, purchaseRevenue 150, netValue 130, channels {web, store}, multichannelTime Jan 20
 */
export function tallyCustomers(orders: OrderTable, acquisitions: Acquisitions, channelCount: number, asOf: number): CustomerTally {
  const customerCount = acquisitions.time.length;
  const C = channelCount;
  const channels = createChannelSets(customerCount, C);
  const purchases = new Uint32Array(customerCount);
  const purchaseRevenue = new Float64Array(customerCount);
  const netValue = new Float64Array(customerCount);
  const firstTime = new Float64Array(customerCount).fill(Infinity);
  const firstChannel = new Int32Array(customerCount).fill(-1);
  const secondTime = new Float64Array(customerCount).fill(Infinity);
  const secondChannel = new Int32Array(customerCount).fill(-1);
  const purchasesByAcquisition = new Float64Array(C * C);
  const channelRevenue = new Float64Array(C);
  const { time, value, channel, customer } = orders;
  const acqChannel = acquisitions.channel;
  const n = orders.length;
  for (let i = 0; i < n; i++) {
    const c = customer[i]!;
    const t = time[i]!;
    if (c < 0 || !(t < asOf)) continue;
    const v = value[i]!;
    netValue[c] = netValue[c]! + v;
    if (!(v > 0)) continue;
    const ch = channel[i]!;
    purchases[c] = purchases[c]! + 1;
    purchaseRevenue[c] = purchaseRevenue[c]! + v;
    channelRevenue[ch] = channelRevenue[ch]! + v;
    addChannel(channels, c, ch);
    // A purchase before T means the acquisition (the earliest purchase) is before T too.
    const a = acqChannel[c]!;
    purchasesByAcquisition[a * C + ch]!++;
    if (ch === firstChannel[c]) {
      if (t < firstTime[c]!) firstTime[c] = t;
    } else if (ch === secondChannel[c]) {
      if (t < secondTime[c]!) {
        secondTime[c] = t;
        if (t < firstTime[c]!) {
          secondTime[c] = firstTime[c]!;
          secondChannel[c] = firstChannel[c]!;
          firstTime[c] = t;
          firstChannel[c] = ch;
        }
      }
    } else if (t < firstTime[c]!) {
      secondTime[c] = firstTime[c]!;
      secondChannel[c] = firstChannel[c]!;
      firstTime[c] = t;
      firstChannel[c] = ch;
    } else if (t < secondTime[c]!) {
      secondTime[c] = t;
      secondChannel[c] = ch;
    }
  }
  return { asOf, channelCount: C, channels, purchases, purchaseRevenue, netValue, multichannelTime: secondTime, purchasesByAcquisition, channelRevenue };
}
