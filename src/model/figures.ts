/**
 * What the engine returns: figures per period × channel, with the reason for
 * every null and the raw samples behind each mean and rate.
 */
import type { MetricKey, Period } from '../model.js';

/** n, Σx and Σx² of a sample (for a mean and its confidence interval). */
export interface MeanSample {
  n: number;
  sum: number;
  sumSq: number;
}

/** successes out of trials (for a proportion and its confidence interval). */
export interface RateSample {
  successes: number;
  trials: number;
}

export interface Samples {
  /** Purchase values of the channel in the period. */
  aov: MeanSample;
  /** (H-day value × margin) of the mature customers. */
  clv: MeanSample;
  /** returning customers / customers. */
  returning_rate: RateSample;
  /** orders (total row: of channels with traffic) / sessions. */
  conversion_rate: RateSample;
  /** repeat customers / mature customers. */
  retention_rate: RateSample;
  nps: { promoters: number; detractors: number; n: number };
}

export interface Figures {
  metrics: Record<MetricKey, number | null>;
  /** One entry for every null metric. */
  reasons: Partial<Record<MetricKey, string>>;
  samples: Samples;
}

export interface ChannelFigures extends Figures {
  /** The channel's display name, or TOTAL_CHANNEL. */
  channel: string;
}

export interface PeriodFigures {
  period: Period;
  /** One per Dataset channel in index order, then the total row last. */
  rows: ChannelFigures[];
}
