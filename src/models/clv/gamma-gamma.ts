/**
 * The Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"; Hardie's
 * note "The Gamma-Gamma model of monetary value"): a customer's purchase values
 * are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers. Fitted on customers with
 * x > 0 repeat purchases, from the mean value z̄ of those repeat purchases. Pure.
 */
import { perObject } from './memo.js';
import { digamma, lgamma } from './special.js';

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

/** Sums that do not depend on the parameters, built once per sample. */
interface Prepared {
  /** The distinct x, the customers at each, Σ ln z̄ at each. */
  xs: Float64Array;
  nx: Float64Array;
  sumLogZ: Float64Array;
  /** Σ ln z̄ over the sample. */
  logZ: number;
  /** x·z̄ per customer. */
  xz: Float64Array;
}

const prepare = perObject((s: SpendSample): Prepared => {
  const at = new Map<number, number>();
  const n: number[] = [];
  const lz: number[] = [];
  let logZ = 0;
  const xz = new Float64Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const x = s.x[i]!;
    let k = at.get(x);
    if (k === undefined) {
      at.set(x, (k = n.length));
      n.push(0);
      lz.push(0);
    }
    const l = Math.log(s.zbar[i]!);
    n[k] = n[k]! + 1;
    lz[k] = lz[k]! + l;
    logZ += l;
    xz[i] = x * s.zbar[i]!;
  }
  const out: Prepared = { xs: Float64Array.from(at.keys()), nx: Float64Array.from(n), sumLogZ: Float64Array.from(lz), logZ, xz };
  return out;
});

/**
 * Σ ln L and its gradient in (p, q, γ); −∞ (and NaN) outside the domain. The Γ
 * terms depend on x only and Σ (px − 1) ln z̄ on per-x sums, so each customer
 * costs one logarithm. Equal to Σ gammaGammaCustomerLogLikelihood (tested), the
 * gradient to finite differences:
 *
 *     ∂/∂p = Σ x [ψ(px + q) − ψ(px) + ln x + ln z̄ − ln(γ + x z̄)]
 *     ∂/∂q = Σ [ψ(px + q) − ψ(q) + ln γ − ln(γ + x z̄)]
 *     ∂/∂γ = Σ [q/γ − (px + q)/(γ + x z̄)]
 */
export function gammaGammaValueAndGradient(g: GammaGammaParams, s: SpendSample): { value: number; gradient: [number, number, number] } {
  const { p, q, gamma } = g;
  if (!(p > 0 && q > 0 && gamma > 0)) return { value: -Infinity, gradient: [NaN, NaN, NaN] };
  const pr = prepare(s);
  const N = s.length;
  const logGamma = Math.log(gamma);
  let value = N * (q * logGamma - lgamma(q)) - pr.logZ;
  let gp = 0;
  let gq = N * (logGamma - digamma(q));
  let gg = (N * q) / gamma;
  for (let k = 0; k < pr.xs.length; k++) {
    const x = pr.xs[k]!;
    const n = pr.nx[k]!;
    const px = p * x;
    const logX = Math.log(x);
    value += n * (lgamma(px + q) - lgamma(px) + px * logX) + px * pr.sumLogZ[k]!;
    const psi = digamma(px + q);
    gp += x * (n * (psi - digamma(px) + logX) + pr.sumLogZ[k]!);
    gq += n * psi;
  }
  const { xz } = pr;
  for (let i = 0; i < N; i++) {
    const x = s.x[i]!;
    const m = p * x + q;
    const u = gamma + xz[i]!;
    const l = Math.log(u);
    value -= m * l;
    gp -= x * l;
    gq -= l;
    gg -= m / u;
  }
  return { value, gradient: [gp, gq, gg] };
}

/** Σ ln L; −∞ outside the domain. */
export function gammaGammaLogLikelihood(g: GammaGammaParams, s: SpendSample): number {
  return gammaGammaValueAndGradient(g, s).value;
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
