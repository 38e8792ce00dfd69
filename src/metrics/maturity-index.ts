/**
 * "Mature" customers as of a cutoff, per acquisition channel, without rescanning
 * customers per period.
 *
 * Customers are bucketed once by acquisition day key k = ⌈(acq − φ) / DAY_MS⌉, so
 * that for a cutoff C with C ≡ φ (mod DAY_MS), acq ≤ C ⇔ k ≤ (C − φ) / DAY_MS.
 * The phase φ is 0 for cutoffs at 00:00 UTC; cutoffs at 00:00 of a reporting
 * time zone have one phase per UTC offset the zone uses (two with DST), and
 * `PhasedMaturity` keeps one index per phase. Buckets of the distinct
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
import { lastAtOrBefore } from '../model/sorted-search.js';

export class MaturityIndex {
  private constructor(
    private readonly phase: number,
    private readonly keys: Float64Array,
    private readonly channels: number,
    private readonly count: Float64Array,
    private readonly repeated: Float64Array,
    private readonly sum: Float64Array,
    private readonly sumSq: Float64Array,
  ) {}

  /** Builds the index for cutoffs ≡ `phase` (mod DAY_MS); each customer's value is multiplied by `margin`. */
  static build(acq: Acquisitions, outcomes: CustomerOutcomes, channelCount: number, margin: number, phase = 0): MaturityIndex {
    const customerCount = acq.time.length;
    const distinct = new Set<number>();
    for (let c = 0; c < customerCount; c++) {
      const t = acq.time[c]!;
      if (t !== Infinity) distinct.add(Math.ceil((t - phase) / DAY_MS));
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
      const cell = rowOf.get(Math.ceil((t - phase) / DAY_MS))! * channelCount + acq.channel[c]!;
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
    return new MaturityIndex(phase, keys, channelCount, count, repeated, sum, sumSq);
  }

  /** The prefix row holding customers acquired at or before `cutoff` (≡ the index's phase mod DAY_MS), or -1 for none. */
  rowAt(cutoff: number): number {
    if (dayPhase(cutoff) !== this.phase) throw new RangeError(`maturity cutoff ${cutoff} is not at phase ${this.phase} of the day`);
    const k = (cutoff - this.phase) / DAY_MS;
    return lastAtOrBefore(this.keys, k);
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

/** The time of day of instant `ms` in UTC, in ms (0 ≤ φ < DAY_MS). */
function dayPhase(ms: number): number {
  return ((ms % DAY_MS) + DAY_MS) % DAY_MS;
}

/** A row of one phase's index. */
export interface MaturityRow {
  index: MaturityIndex;
  row: number;
}

/** One MaturityIndex per phase of the cutoffs asked for, built on first use. */
export class PhasedMaturity {
  private readonly byPhase = new Map<number, MaturityIndex>();

  constructor(
    private readonly acq: Acquisitions,
    private readonly outcomes: CustomerOutcomes,
    private readonly channelCount: number,
    private readonly margin: number,
  ) {}

  /** The prefix row holding customers acquired at or before `cutoff`. */
  rowAt(cutoff: number): MaturityRow {
    const phase = dayPhase(cutoff);
    let index = this.byPhase.get(phase);
    if (index === undefined) {
      index = MaturityIndex.build(this.acq, this.outcomes, this.channelCount, this.margin, phase);
      this.byPhase.set(phase, index);
    }
    return { index, row: index.rowAt(cutoff) };
  }

  retention(at: MaturityRow, channel: number): RateSample {
    return at.index.retention(at.row, channel);
  }

  clv(at: MaturityRow, channel: number): MeanSample {
    return at.index.clv(at.row, channel);
  }
}
