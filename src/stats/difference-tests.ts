/**
 * Two-sample tests for `--compare previous` and `--baseline`: is the change of a
 * figure between two periods larger than sampling noise? All p-values are two-sided;
 * the statistic is positive when the first sample (a: the current period) is higher.
 */
import type { MeanSample, RateSample } from '../model/figures.js';
import { checkConfidence } from './confidence.js';
import { meanAndVariance, npsStandardError } from './intervals.js';
import { normalCdf } from './normal.js';
import { tCdf } from './student-t.js';

export interface ZTest {
  z: number;
  /** Two-sided p-value. */
  p: number;
}

export interface TTest {
  t: number;
  /** Welch–Satterthwaite degrees of freedom (fractional). */
  df: number;
  /** Two-sided p-value. */
  p: number;
}

/** An NPS sample: promoter (9–10) and detractor (0–6) counts out of n answers. */
export interface NpsSample {
  promoters: number;
  detractors: number;
  n: number;
}

/**
 * Two-sided p-value of a standard normal statistic: 2·Φ(−|z|).
 * @example twoSidedNormalP(1.959963984540054) // 0.05
 */
export function twoSidedNormalP(z: number): number {
  return Number.isNaN(z) ? NaN : Math.min(1, 2 * normalCdf(-Math.abs(z)));
}

/** A statistic difference/se, with 0/0 = 0 (no difference, no noise) and d/0 = ±∞. */
function standardized(difference: number, se: number): number {
  if (se > 0) return difference / se;
  return difference === 0 ? 0 : difference > 0 ? Infinity : -Infinity;
}

/**
 * Pooled two-proportion z-test of s1/n1 against s2/n2.
 *
 *     p̄ = (s1 + s2)/(n1 + n2);   z = (s1/n1 − s2/n2) / √(p̄(1 − p̄)(1/n1 + 1/n2));   p = 2·Φ(−|z|)
 *
 * Null when a sample is empty. When p̄ is 0 or 1 both rates are equal: z = 0, p = 1.
 * @example twoProportionZ(60, 1000, 40, 1000) // { z: 2.05196, p: 0.04017 }
 */
export function twoProportionZ(s1: number, n1: number, s2: number, n2: number): ZTest | null {
  if (!(n1 >= 0 && n2 >= 0 && s1 >= 0 && s2 >= 0 && s1 <= n1 && s2 <= n2)) {
    throw new RangeError(`twoProportionZ: need 0 ≤ successes ≤ trials, got ${s1}/${n1} and ${s2}/${n2}`);
  }
  if (n1 === 0 || n2 === 0) return null;
  const pooled = (s1 + s2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = standardized(s1 / n1 - s2 / n2, se);
  return { z, p: twoSidedNormalP(z) };
}

/**
 * {@link twoProportionZ} on two {@link RateSample}s.
 * @example rateDifference({ successes: 60, trials: 1000 }, { successes: 40, trials: 1000 }) // { z: 2.05196, p: 0.04017 }
 */
export function rateDifference(a: RateSample, b: RateSample): ZTest | null {
  return twoProportionZ(a.successes, a.trials, b.successes, b.trials);
}

/**
 * Welch's unequal-variances t-test of two means.
 *
 *     vᵢ = sᵢ²/nᵢ;   t = (x̄a − x̄b)/√(va + vb)
 *     df = (va + vb)² / (va²/(na − 1) + vb²/(nb − 1))      (Welch–Satterthwaite)
 *     p = 2·(1 − F_t(|t|; df))
 *
 * Null when a sample has fewer than 2 values. When both variances are 0, df is
 * na + nb − 2 and t is 0 (equal means, p = 1) or ±∞ (p = 0).
 * @example welchT({ n: 5, sum: 100, sumSq: 2010 }, { n: 5, sum: 90, sumSq: 1660 }) // means 20 vs 18, s² 2.5 vs 10: t = 1.2649, df = 5.882, p = 0.2537
 */
export function welchT(a: MeanSample, b: MeanSample): TTest | null {
  if (a.n < 2 || b.n < 2) return null;
  const ma = meanAndVariance(a);
  const mb = meanAndVariance(b);
  const va = ma.variance / a.n;
  const vb = mb.variance / b.n;
  const t = standardized(ma.mean - mb.mean, Math.sqrt(va + vb));
  const df = va + vb > 0 ? (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1)) : a.n + b.n - 2;
  const p = Number.isFinite(t) ? Math.min(1, 2 * tCdf(-Math.abs(t), df)) : 0;
  return { t, df, p };
}

/**
 * z-test of the difference of two NPS figures, their variances summed.
 *
 *     z = (NPSa − NPSb) / √(SEa² + SEb²),  SE² = 100²·(p + d − (p − d)²)/n;   p = 2·Φ(−|z|)
 *
 * Null when a sample has no answers.
 * @example npsDifference({ promoters: 50, detractors: 20, n: 100 }, { promoters: 40, detractors: 30, n: 100 }) // NPS 30 vs 10, SE 7.81 and 8.31: z = 1.7541, p = 0.0794
 */
export function npsDifference(a: NpsSample, b: NpsSample): ZTest | null {
  if (a.n === 0 || b.n === 0) return null;
  const npsA = (100 * (a.promoters - a.detractors)) / a.n;
  const npsB = (100 * (b.promoters - b.detractors)) / b.n;
  const seA = npsStandardError(a.promoters / a.n, a.detractors / a.n, a.n);
  const seB = npsStandardError(b.promoters / b.n, b.detractors / b.n, b.n);
  const z = standardized(npsA - npsB, Math.sqrt(seA * seA + seB * seB));
  return { z, p: twoSidedNormalP(z) };
}

/**
 * Whether a p-value is significant at a confidence level.
 *
 *     significant ⇔ p < α,  α = 1 − confidence   (α rounded to 12 decimals, so that p = 0.05 at 95 % is not significant)
 *
 * @example isSignificant(0.01, 0.95) // true
 * @example isSignificant(0.05, 0.95) // false
 */
export function isSignificant(p: number, confidence: number): boolean {
  checkConfidence(confidence);
  const alpha = Math.round((1 - confidence) * 1e12) / 1e12;
  return p < alpha;
}
