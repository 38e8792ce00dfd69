/**
 * Which interval a figure gets (issue 4 §3): the confidence interval of one
 * metric value, from the raw counts behind it.
 */
import type { Samples } from '../model/figures.js';
import type { MetricKey } from '../model.js';
import { checkConfidence } from './confidence.js';
import { meanInterval, npsInterval, wilson, type Interval } from './intervals.js';

/** The metrics that have sampling error, hence a confidence interval. */
export const METRICS_WITH_INTERVAL = ['aov', 'returning_rate', 'conversion_rate', 'retention_rate', 'clv', 'nps'] as const satisfies readonly MetricKey[];

/**
 * The confidence interval of a figure, or null when it has none.
 *
 *     conversion_rate, retention_rate, returning_rate → Wilson(successes, trials)
 *     nps                                             → adjusted Wald (n + 3, promoters + ¾, detractors + ¾)
 *     aov, clv                                        → mean ± t(1 − α/2; n − 1)·s/√n
 *     any other key                                   → null (counts and sums are not samples)
 *
 * The clv sample already holds each customer's value × margin (see
 * metrics/maturity-index.ts), so no margin is applied here. Null too when the
 * sample is empty (or n < 2 for a mean), and for a conversion rate whose orders
 * exceed its sessions (possible with imported sessions: it is not a proportion).
 * @example figureInterval('conversion_rate', samples, 0.95) // Wilson of samples.conversion_rate
 * @example figureInterval('revenue', samples, 0.95) // null
 */
export function figureInterval(key: MetricKey, samples: Samples, confidence: number): Interval | null {
  checkConfidence(confidence);
  switch (key) {
    case 'conversion_rate':
    case 'retention_rate':
    case 'returning_rate': {
      const { successes, trials } = samples[key];
      return successes <= trials ? wilson(successes, trials, confidence) : null;
    }
    case 'nps': {
      const { promoters, detractors, n } = samples.nps;
      return npsInterval(promoters, detractors, n, confidence);
    }
    case 'aov':
    case 'clv':
      return meanInterval(samples[key], confidence);
    default:
      return null;
  }
}

/** The figures with sampling error: those with an interval. */
export type SampledMetric = (typeof METRICS_WITH_INTERVAL)[number];

/** Whether a metric has sampling error (hence a sample size and an interval). */
export function hasSamplingError(key: MetricKey): key is SampledMetric {
  return (METRICS_WITH_INTERVAL as readonly MetricKey[]).includes(key);
}

/**
 * The sample size behind a figure with sampling error (SPEC §4 "Evidence"):
 *
 *     aov             → orders (purchases)
 *     conversion_rate → sessions
 *     returning_rate  → customers
 *     retention_rate  → mature customers (acquired ≥ N days before T)
 *     clv             → mature customers (acquired ≥ H days before T)
 *     nps             → answers
 *
 * @example sampleSize('nps', samples) // samples.nps.n
 */
export function sampleSize(key: SampledMetric, samples: Samples): number {
  switch (key) {
    case 'conversion_rate':
    case 'retention_rate':
    case 'returning_rate':
      return samples[key].trials;
    case 'nps':
    case 'aov':
    case 'clv':
      return samples[key].n;
  }
}
