/**
 * The BG/NBD purchase model (Fader, Hardie & Lee 2005, "Counting your customers
 * the easy way"): pure functions of the per-customer summary (x repeat purchase
 * days, recency t_x, age T, all in one time unit) and the parameters (r, α, a, b).
 * Everything is in log space with ln Γ / ln B, so large x neither overflows nor
 * loses precision.
 */
import { eulerScaled2F1, lbeta, lgamma } from './special.js';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Customers with equal (x, t_x, T), counted once with a weight: the likelihood is O(distinct summaries). */
export interface RfmGroups {
  readonly length: number;
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Number of customers with this summary. */
  w: Float64Array;
  /** The distinct values of T and t_x, and each group's index into them (logs are then taken once per value). */
  levels: { T: Float64Array; tx: Float64Array; Ti: Int32Array; txi: Int32Array };
}

/** ln(e^u + e^v) without overflow. */
function logAddExp(u: number, v: number): number {
  if (u === -Infinity) return v;
  if (v === -Infinity) return u;
  const m = Math.max(u, v);
  return m + Math.log(Math.exp(u - m) + Math.exp(v - m));
}

/**
 * ln L of one customer (the paper's equation 6, in logs):
 *
 *     A₁ = ln Γ(r + x) − ln Γ(r) + r ln α
 *     A₂ = ln B(a, b + x) − ln B(a, b)
 *     A₃ = −(r + x) ln(α + T)
 *     A₄ = ln a − ln(b + x − 1) − (r + x) ln(α + t_x)      (x > 0 only)
 *     ln L = A₁ + A₂ + ln(e^A₃ + [x > 0] e^A₄)
 *
 * @example bgnbdCustomerLogLikelihood({ r: 1, alpha: 1, a: 1, b: 1 }, 0, 0, 1) // ln(1/2) − … = −0.6931…
 */
export function bgnbdCustomerLogLikelihood(p: BgNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  const a1 = lgamma(r + x) - lgamma(r) + r * Math.log(alpha);
  const a2 = lbeta(a, b + x) - lbeta(a, b);
  const a3 = -(r + x) * Math.log(alpha + T);
  const a4 = x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : -Infinity;
  return a1 + a2 + logAddExp(a3, a4);
}

/**
 * P(alive at T | x, t_x, T): 1 for x = 0 (BG/NBD customers can only drop out
 * right after a purchase), else
 *
 *     1 / (1 + a / (b + x − 1) · ((α + T) / (α + t_x))^(r + x))
 *
 * computed through its logarithm.
 */
export function probabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  return aliveFromLogOdds(Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx)));
}

/** P(alive) = 1 / (1 + e^d) from the log-odds d of having dropped out, without overflow. */
export function aliveFromLogOdds(d: number): number {
  const e = Math.exp(-Math.abs(d));
  return d > 0 ? e / (1 + e) : 1 / (1 + e);
}

/**
 * E[Y(t)] for a customer alive at T with x repeat purchases, before the P(alive) factor:
 *
 *     (a + b + x − 1)/(a − 1) · [1 − ((α + T)/(α + T + t))^(r + x) · ₂F₁(r + x, b + x; a + b + x − 1; t/(α + T + t))]
 *
 * with the power × ₂F₁ product taken through Euler's transformation (special.ts),
 * so it stays finite for thousands of purchases.
 */
export function expectedPurchasesIfAlive(p: BgNbdParams, x: number, T: number, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const c = a + b + x - 1;
  const scaled = eulerScaled2F1(r + x, b + x, c, z, r + x);
  return (c / (a - 1)) * (1 - scaled);
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in (T, T + t] (the paper's equation 10).
 * @example conditionalExpectedPurchases({ r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }, 39, 2, 30.43, 38.86) // 1.2259…
 */
export function conditionalExpectedPurchases(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  return expectedPurchasesIfAlive(p, x, T, t) * probabilityAlive(p, x, tx, T);
}

/**
 * E[X(t)]: expected purchases of a new customer in (0, t] after the first one
 * (the paper's equation 9) = the conditional expectation at x = t_x = T = 0.
 * @example expectedPurchases({ r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }, 32) // 1.0437…
 */
export function expectedPurchases(p: BgNbdParams, t: number): number {
  return expectedPurchasesIfAlive(p, 0, 0, t);
}

/**
 * P(X(t) = n) for a new customer (the paper's equation 8):
 *
 *     B(a, b + n)/B(a, b) · Γ(r + n)/(Γ(r) n!) · (α/(α + t))^r · (t/(α + t))^n
 *     + [n > 0] B(a + 1, b + n − 1)/B(a, b) · [1 − (α/(α + t))^r · Σ_{j<n} Γ(r + j)/(Γ(r) j!) · (t/(α + t))^j]
 *
 * @example probabilityOfPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 0) // 0.5737864…
 */
export function probabilityOfPurchases(p: BgNbdParams, t: number, n: number): number {
  const { r, alpha, a, b } = p;
  const logP = Math.log(alpha / (alpha + t));
  const logQ = Math.log(t / (alpha + t));
  const nbd = (j: number): number => Math.exp(lgamma(r + j) - lgamma(r) - lgamma(j + 1) + r * logP + (j > 0 ? j * logQ : 0));
  let value = Math.exp(lbeta(a, b + n) - lbeta(a, b)) * nbd(n);
  if (n > 0) {
    let partial = 0;
    for (let j = 0; j < n; j++) partial += nbd(j);
    value += Math.exp(lbeta(a + 1, b + n - 1) - lbeta(a, b)) * (1 - partial);
  }
  return value;
}
