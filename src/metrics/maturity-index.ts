/**
 * "Mature" customers as of a cutoff, per acquisition channel, without rescanning
 * customers per period.
 *
 * Customers are bucketed once by acquisition day key k = ⌈acq / DAY_MS⌉, so that
 * for a cutoff C at 00:00 UTC, acq ≤ C ⇔ k ≤ C / DAY_MS. Buckets of the distinct
 * keys, sorted once, hold per channel: count, repeaters, Σ value, Σ value², and
 * are turned into prefix sums along the keys. A query is one binary search over
 * the keys plus an array read: O(log days) per period and channel.
 *
 * Sums are formed in a fixed order (customer index within a key, then keys
 * ascending), so adding later data never changes the sums for an earlier cutoff
 * by even one bit (the as-of property).
 */
import { DAY_MS } from '../model.js';
import type { Acquisitions } from './acquisition.js';
import type { CustomerOutcomes } from './customer-outcomes.js';
import type { MeanSample, RateSample } from './figures.js';

export class MaturityIndex {
  private constructor(
    private readonly keys: Float64Array,
    private readonly channels: number,
    private readonly count: Float64Array,
    private readonly repeated: Float64Array,
    private readonly sum: Float64Array,
    private readonly sumSq: Float64Array,
  ) {}

  /** Builds the index; each customer's value is multiplied by `margin`. */
  static build(acq: Acquisitions, outcomes: CustomerOutcomes, channelCount: number, margin: number): MaturityIndex {
    const customerCount = acq.time.length;
    const distinct = new Set<number>();
    for (let c = 0; c < customerCount; c++) {
      const t = acq.time[c]!;
      if (t !== Infinity) distinct.add(Math.ceil(t / DAY_MS));
    }
    const keys = Float64Array.from(distinct).sort();
    const rowOf = new Map<number, number>();
    for (let r = 0; r < keys.length; r++) rowOf.set(keys[r]!, r);

    const size = keys.length * channelCount;
    const count = new Float64Array(size);
    const repeated = new Float64Array(size);
    const sum = new Float64Array(size);
    const sumSq = new Float64Array(size);
    for (let c = 0; c < customerCount; c++) {
      const t = acq.time[c]!;
      if (t === Infinity) continue;
      const cell = rowOf.get(Math.ceil(t / DAY_MS))! * channelCount + acq.channel[c]!;
      const x = outcomes.horizonValue[c]! * margin;
      count[cell]!++;
      repeated[cell]! += outcomes.repeated[c]!;
      sum[cell]! += x;
      sumSq[cell]! += x * x;
    }
    for (let i = channelCount; i < size; i++) {
      count[i]! += count[i - channelCount]!;
      repeated[i]! += repeated[i - channelCount]!;
      sum[i]! += sum[i - channelCount]!;
      sumSq[i]! += sumSq[i - channelCount]!;
    }
    return new MaturityIndex(keys, channelCount, count, repeated, sum, sumSq);
  }

  /** The prefix row holding customers acquired at or before `cutoff` (00:00 UTC), or -1 for none. */
  rowAt(cutoff: number): number {
    if (cutoff % DAY_MS !== 0) throw new RangeError('maturity cutoffs must be at 00:00 UTC');
    const k = cutoff / DAY_MS;
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! <= k) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** Repeaters / mature customers of `channel` for a row from `rowAt`. */
  retention(row: number, channel: number): RateSample {
    if (row < 0) return { successes: 0, trials: 0 };
    const i = row * this.channels + channel;
    return { successes: this.repeated[i]!, trials: this.count[i]! };
  }

  /** n, Σ, Σ² of (H-day value × margin) of the mature customers of `channel` for a row from `rowAt`. */
  clv(row: number, channel: number): MeanSample {
    if (row < 0) return { n: 0, sum: 0, sumSq: 0 };
    const i = row * this.channels + channel;
    return { n: this.count[i]!, sum: this.sum[i]!, sumSq: this.sumSq[i]! };
  }
}
