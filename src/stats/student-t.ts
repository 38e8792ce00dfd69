/**
 * Student's t distribution with ν > 0 degrees of freedom (ν need not be an
 * integer: Welch's test produces fractional ν). ν = ∞ is the standard normal.
 */
import { incompleteBeta } from './incomplete-beta.js';
import { logBeta } from './log-gamma.js';
import { normalCdf, normalPdf, normalQuantile } from './normal.js';

/**
 * From this many degrees of freedom on, the first terms of the large-ν expansions
 * are used instead of the incomplete beta function, whose continued fraction
 * slowly loses precision as ν grows (1e−11 in t at ν = 1e6, 1e−9 at ν = 1e8). The
 * terms left out are O(1/ν²) in the CDF and O(1/ν⁵) in the quantile: below 1e−11 here.
 */
const LARGE_DF = 1e6;

function checkDf(df: number, fn: string): void {
  if (!(df > 0)) throw new RangeError(`${fn}: degrees of freedom must be > 0, got ${df}`);
}

/**
 * The density of Student's t.
 *
 *     f(t; ν) = (1 + t²/ν)^(−(ν + 1)/2) / (√ν · B(ν/2, ½))
 *
 * @example tPdf(0, 1) // 0.3183098861837907 (= 1/π, the Cauchy density)
 */
export function tPdf(t: number, df: number): number {
  checkDf(df, 'tPdf');
  if (df === Infinity) return Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  return Math.exp(-0.5 * Math.log(df) - logBeta(df / 2, 0.5) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * The CDF of Student's t, through the regularized incomplete beta function.
 *
 *     P(T ≤ −|t|) = ½ · I_w(ν/2, ½)  with  w = ν / (ν + t²);   P(T ≤ |t|) = 1 − P(T ≤ −|t|)
 *
 * For ν ≥ 1e6 the large-ν expansion F(t) ≈ Φ(t) − φ(t)·t·(t² + 1)/(4ν) is used.
 * Lower-tail values keep their relative precision (tCdf(−1e6, 1) ≈ 3.18e−7).
 * @example tCdf(2.2281388519862744, 10) // 0.975
 * @example tCdf(0, 7) // 0.5
 */
export function tCdf(t: number, df: number): number {
  checkDf(df, 'tCdf');
  if (Number.isNaN(t)) return NaN;
  if (df === Infinity) return normalCdf(t);
  if (t === 0) return 0.5;
  if (!Number.isFinite(t)) return t > 0 ? 1 : 0;
  if (df >= LARGE_DF) return normalCdf(t) - (normalPdf(t) * t * (t * t + 1)) / (4 * df);
  const t2 = t * t;
  const lower = 0.5 * incompleteBeta(df / (df + t2), t2 / (df + t2), df / 2, 0.5);
  return t < 0 ? lower : 1 - lower;
}

/**
 * A first guess at the lower-tail quantile: the Cornish–Fisher expansion around
 * the normal quantile z (Abramowitz & Stegun 26.7.5).
 *
 *     t ≈ z + g₁/ν + g₂/ν² + g₃/ν³ + g₄/ν⁴
 */
function cornishFisher(p: number, df: number): number {
  const z = normalQuantile(p);
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

/**
 * The quantile (inverse CDF) of Student's t.
 *
 *     t_p(ν) = t such that P(T ≤ t) = p;   t_p = −t_(1−p)
 *
 * Closed forms for ν = 1 (−cot(πp)) and ν = 2 ((2p − 1)/√(2p(1 − p))); otherwise a
 * Cornish–Fisher first guess refined by Newton steps on {@link tCdf}, kept inside a
 * bracket [lo, hi] with F(lo) ≤ p ≤ F(hi) and bisecting whenever a step leaves it
 * (Numerical Recipes `rtsafe`). For ν ≥ 1e6 the Cornish–Fisher expansion alone.
 * Accurate to about 1e−12 in practice.
 * p = 0 → −∞, p = 1 → +∞; p outside [0, 1] is a RangeError.
 * @example tQuantile(0.975, 1) // 12.706204736174694
 * @example tQuantile(0.975, 10) // 2.22813885198627 (to 1e−14)
 * @example tQuantile(0.975, 7) // 2.36462425159278 (to 1e−14)
 */
export function tQuantile(p: number, df: number): number {
  checkDf(df, 'tQuantile');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`tQuantile: p must be in [0, 1], got ${p}`);
  if (df === Infinity) return normalQuantile(p);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  // 1 − p is exact for p in [1/2, 1] (Sterbenz): work in the lower tail.
  if (p > 0.5) return -tQuantile(1 - p, df);
  if (df === 1) return -1 / Math.tan(Math.PI * p);
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  if (df >= LARGE_DF) return cornishFisher(p, df);
  return lowerTailQuantile(p, df);
}

/** Safeguarded Newton on F(t) − p for 0 < p < ½ (so the root is negative). */
function lowerTailQuantile(p: number, df: number): number {
  let hi = 0; // F(0) = ½ > p
  let lo = Math.min(cornishFisher(p, df), -1);
  while (tCdf(lo, df) > p) {
    hi = lo;
    lo *= 2;
    if (!Number.isFinite(lo)) return -Infinity;
  }
  let t = lo;
  for (let i = 0; i < 200; i++) {
    const f = tCdf(t, df) - p;
    if (f === 0) return t;
    if (f < 0) lo = t;
    else hi = t;
    const density = tPdf(t, df);
    let next = density > 0 ? t - f / density : NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-14 * Math.max(1, Math.abs(next))) return next;
    t = next;
  }
  return t;
}
