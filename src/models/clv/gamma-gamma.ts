/**
 * The Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"; Hardie's
 * note "The Gamma-Gamma model of monetary value"): a customer's purchase values
 * are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers. Fitted on customers with
 * x > 0 repeat purchases, from the mean value z̄ of those repeat purchases. Pure.
 */
import { lgamma } from './special.js';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** Customers with x > 0: their repeat purchase count and mean repeat purchase value (> 0). */
export interface SpendSample {
  readonly length: number;
  x: Float64Array;
  zbar: Float64Array;
}

/**
 * ln L of one customer: the density of z̄ given x (Hardie's note, equation 5; the
 * form lifetimes uses):
 *
 *     ln Γ(px + q) − ln Γ(px) − ln Γ(q) + q ln γ + (px − 1) ln z̄ + px ln x − (px + q) ln(γ + x z̄)
 */
export function gammaGammaCustomerLogLikelihood(g: GammaGammaParams, x: number, zbar: number): number {
  const px = g.p * x;
  return lgamma(px + g.q) - lgamma(px) - lgamma(g.q) + g.q * Math.log(g.gamma) + (px - 1) * Math.log(zbar) + px * Math.log(x) - (px + g.q) * Math.log(g.gamma + x * zbar);
}

/**
 * Σ ln L; −∞ outside the domain. The Γ terms depend on x only, so they are
 * computed once per distinct x (equal to Σ gammaGammaCustomerLogLikelihood; tested).
 */
export function gammaGammaLogLikelihood(g: GammaGammaParams, s: SpendSample): number {
  const { p, q, gamma } = g;
  if (!(p > 0 && q > 0 && gamma > 0)) return -Infinity;
  const byX = new Map<number, number>();
  const common = -lgamma(q) + q * Math.log(gamma);
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    const x = s.x[i]!;
    const zbar = s.zbar[i]!;
    const px = p * x;
    let gx = byX.get(x);
    if (gx === undefined) {
      gx = lgamma(px + q) - lgamma(px) + px * Math.log(x) + common;
      byX.set(x, gx);
    }
    sum += gx + (px - 1) * Math.log(zbar) - (px + q) * Math.log(gamma + x * zbar);
  }
  return sum;
}

/**
 * E[Z | x, z̄]: expected value of a future purchase, a weighted mean of the
 * population mean pγ/(q − 1) and the customer's own mean z̄:
 *
 *     p (γ + x z̄) / (p x + q − 1)
 *
 * For x = 0 it is the population mean. Infinite (null here) when q ≤ 1: the
 * fitted spend distribution has no mean.
 * @example conditionalExpectedSpend({ p: 6.25, q: 3.74, gamma: 15.44 }, 0, 0) // 35.22…
 */
export function conditionalExpectedSpend(g: GammaGammaParams, x: number, zbar: number): number | null {
  if (!(g.q > 1)) return null;
  return (g.p * (g.gamma + x * zbar)) / (g.p * x + g.q - 1);
}

/**
 * Pearson correlation between x and z̄ over the sample (the model assumes
 * purchase frequency and spend are independent); null below 3 customers or when
 * either is constant.
 */
export function frequencySpendCorrelation(s: SpendSample): number | null {
  const n = s.length;
  if (n < 3) return null;
  let mx = 0;
  let mz = 0;
  for (let i = 0; i < n; i++) {
    mx += s.x[i]!;
    mz += s.zbar[i]!;
  }
  mx /= n;
  mz /= n;
  let sxz = 0;
  let sxx = 0;
  let szz = 0;
  for (let i = 0; i < n; i++) {
    const dx = s.x[i]! - mx;
    const dz = s.zbar[i]! - mz;
    sxz += dx * dz;
    sxx += dx * dx;
    szz += dz * dz;
  }
  return sxx > 0 && szz > 0 ? sxz / Math.sqrt(sxx * szz) : null;
}
