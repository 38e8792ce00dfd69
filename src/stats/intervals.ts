/**
 * Confidence intervals for the three kinds of figure with sampling error:
 * proportions (Wilson), NPS (adjusted Wald), means (Student t).
 */
import type { MeanSample } from '../model/figures.js';
import { checkConfidence, zCritical } from './confidence.js';
import { tQuantile } from './student-t.js';

/** A two-sided confidence interval, low ≤ high. */
export type Interval = [low: number, high: number];

/**
 * The Wilson score interval for a proportion k/n.
 *
 *     p̂ = k/n,  z = Φ⁻¹(1 − α/2)
 *     centre = (p̂ + z²/(2n)) / (1 + z²/n)
 *     half   = z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/(4n²))
 *
 * Clamped to [0, 1] (rounding only). Null when n = 0. Counts need not be integers
 * (imported sessions), but 0 ≤ k ≤ n, else a RangeError.
 * @example wilson(0, 10, 0.95) // [0, 0.27753279986288…]  (high = z²/(10 + z²))
 * @example wilson(5, 10, 0.95) // [0.23659309…, 0.76340691…]  (0.5 ± 0.26341)
 */
export function wilson(successes: number, trials: number, confidence: number): Interval | null {
  checkConfidence(confidence);
  if (!(trials >= 0 && successes >= 0 && successes <= trials)) {
    throw new RangeError(`wilson: need 0 ≤ successes ≤ trials, got ${successes} of ${trials}`);
  }
  if (trials === 0) return null;
  const z = zCritical(confidence);
  const z2 = z * z;
  const p = successes / trials;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Pseudo-counts of the adjusted-Wald NPS interval: ¾ promoter, ¾ detractor, 3 answers in all (so 1½ passives). */
export const NPS_PSEUDO = { promoters: 0.75, detractors: 0.75, answers: 3 } as const;

/**
 * The adjusted-Wald interval of a net promoter score (Rocks 2016; Lewis & Sauro
 * 2021): the Wald interval of the promoter/passive/detractor multinomial after
 * adding pseudo-counts, so it never collapses to zero width on a few answers.
 *
 *     n' = n + 3,  p' = (promoters + ¾)/n',  d' = (detractors + ¾)/n'
 *     centre = 100·(p' − d')
 *     SE'    = 100·√((p' + d' − (p' − d')²) / n')
 *     centre ± z·SE', clamped to [−100, 100]
 *
 * The interval is centred on the adjusted score, which moves towards 0 at small
 * n; at n = 1 or 2 it may even exclude the raw NPS (one promoter: NPS 100, CI
 * [−48.5, 98.5]) — the raw score of one answer is no estimate of anything. The
 * adjustment fades as n grows (n = 500: centre 33.13 for a raw 33.33).
 * Null when n = 0.
 * @example npsInterval(0, 0, 1, 0.95) // one passive: p' = d' = 0.1875, SE' = 30.62 ⇒ [−60.01, 60.01]
 * @example npsInterval(250, 500 / 6, 500, 0.95) // centre 33.13, SE' 3.324 ⇒ [26.62, 39.65]
 */
export function npsInterval(promoters: number, detractors: number, n: number, confidence: number): Interval | null {
  checkConfidence(confidence);
  if (!(n >= 0 && promoters >= 0 && detractors >= 0 && promoters + detractors <= n)) {
    throw new RangeError(`npsInterval: need promoters + detractors ≤ n, got ${promoters} + ${detractors} of ${n}`);
  }
  if (n === 0) return null;
  const answers = n + NPS_PSEUDO.answers;
  const p = (promoters + NPS_PSEUDO.promoters) / answers;
  const d = (detractors + NPS_PSEUDO.detractors) / answers;
  const centre = 100 * (p - d);
  const half = zCritical(confidence) * npsStandardError(p, d, answers);
  return [Math.max(-100, centre - half), Math.min(100, centre + half)];
}

/**
 * The standard error of an NPS, in points.
 *
 *     SE = 100·√((p + d − (p − d)²) / n)
 *
 * @example npsStandardError(0.5, 1 / 6, 500) // 3.3333333333333335
 */
export function npsStandardError(promoterShare: number, detractorShare: number, n: number): number {
  const variance = promoterShare + detractorShare - (promoterShare - detractorShare) ** 2;
  return 100 * Math.sqrt(Math.max(0, variance) / n);
}

/**
 * The sample mean and sample variance of {n, Σx, Σx²}.
 *
 *     mean = Σx/n;   s² = (Σx² − n·mean²) / (n − 1)
 *
 * The subtraction cancels: a sum of squares below 1e−12·Σx² is rounding noise
 * (Σx and Σx² were accumulated in floating point) and is taken as 0, so identical
 * values give s² = 0 rather than 1e−17 or a negative number. NaN when n < 2.
 *
 * @example meanAndVariance({ n: 8, sum: 40, sumSq: 232 }) // { mean: 5, variance: 4.571428571428571 }
 */
export function meanAndVariance(sample: MeanSample): { mean: number; variance: number } {
  const mean = sample.sum / sample.n;
  if (sample.n < 2) return { mean, variance: NaN };
  const squares = sample.sumSq - sample.n * mean * mean;
  const variance = squares <= 1e-12 * Math.abs(sample.sumSq) ? 0 : squares / (sample.n - 1);
  return { mean, variance };
}

/**
 * The Student t interval of a mean.
 *
 *     x̄ = Σx/n,  s = √((Σx² − n·x̄²)/(n − 1))
 *     x̄ ± t(1 − α/2; n − 1) · s/√n
 *
 * Null when n < 2 (no sample standard deviation).
 * @example meanInterval({ n: 8, sum: 40, sumSq: 232 }, 0.95) // 5 ± 2.3646·2.1381/√8 = [3.2125, 6.7875]
 */
export function meanInterval(sample: MeanSample, confidence: number): Interval | null {
  checkConfidence(confidence);
  if (sample.n < 2) return null;
  const { mean, variance } = meanAndVariance(sample);
  const half = (tQuantile((1 + confidence) / 2, sample.n - 1) * Math.sqrt(variance)) / Math.sqrt(sample.n);
  return [mean - half, mean + half];
}
