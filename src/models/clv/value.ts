/**
 * Predicted value of a group of customers from fitted BG/NBD and Gamma-Gamma
 * parameters: mean P(alive), expected purchases and spend per purchase, and
 * the discounted CLV over a horizon; plus the seeded bootstrap intervals. Pure.
 */
import { aliveFromLogOdds, expectedPurchasesIfAlive, type BgNbdParams } from './bgnbd.js';
import { BGNBD_KEYS, GAMMA_GAMMA_KEYS, type Fit } from './fit.js';
import type { GammaGammaParams } from './gamma-gamma.js';
import { cholesky } from './optimize.js';
import { quantile, standardNormal, uniform } from './random.js';
import type { ValueGroups } from './rfm-groups.js';

export interface ValueSettings {
  /** Horizon in model units (weeks or days). */
  horizon: number;
  /** Discount rate per model unit (from the annual rate: (1 + d)^(unit/year) − 1). */
  discountPerUnit: number;
  margin: number;
}

export interface Models {
  bg: BgNbdParams;
  gg: GammaGammaParams;
}

export interface ValueSummary {
  customers: number;
  /** Mean P(alive at T). */
  pAlive: number;
  /** Mean E[Y(horizon) | x, t_x, T]: purchases per customer expected over the horizon (undiscounted). */
  expectedPurchases: number;
  /** Mean E[Z | x, z̄]: expected value per future purchase. */
  expectedSpend: number;
  /** Mean over customers of margin × Σ discounted E[purchases in step] × E[Z | x, z̄]. */
  predictedClv: number;
}

/** Steps at whose ends a discounted horizon is discounted: one per unit, at most this many. */
export const MAX_DISCOUNT_STEPS = 26;

/** Annual rate → rate per unit: (1 + d)^(unitDays / 365.25) − 1. @example perUnitRate(0.1, 7) // 0.001828… */
export function perUnitRate(annual: number, unitDays: number): number {
  return Math.pow(1 + annual, unitDays / 365.25) - 1;
}

/**
 * The value summary of the customers in `g`; null when the spend model has no
 * mean (q ≤ 1).
 *
 *     pAlive            = Σ P(alive) / N
 *     expectedPurchases = Σ P(alive) · E_alive[Y(H)] / N
 *     expectedSpend     = Σ p (γ + x z̄) / (p x + q − 1) / N
 *     predictedClv      = margin · Σ P(alive) · E[Z|x, z̄] · Σ_k (E_alive[Y(t_k)] − E_alive[Y(t_{k−1})]) / (1 + d)^t_k / N
 *
 * with t_k = k·H/K, K = 1 without discount, else min(⌈H⌉, MAX_DISCOUNT_STEPS).
 */
export function valueSummary(g: ValueGroups, m: Models, s: ValueSettings): ValueSummary | null {
  const { p, q, gamma } = m.gg;
  if (!(q > 1)) return null;
  const K = s.discountPerUnit > 0 ? Math.max(1, Math.min(Math.ceil(s.horizon), MAX_DISCOUNT_STEPS)) : 1;
  const pairs = g.pairs;
  const ifAlive = new Float64Array(pairs.length);
  const discounted = new Float64Array(pairs.length);
  for (let j = 0; j < pairs.length; j++) {
    let prev = 0;
    let acc = 0;
    for (let k = 1; k <= K; k++) {
      const t = (k * s.horizon) / K;
      const e = expectedPurchasesIfAlive(m.bg, pairs.x[j]!, pairs.T[j]!, t);
      acc += (e - prev) / Math.pow(1 + s.discountPerUnit, t);
      prev = e;
    }
    ifAlive[j] = prev;
    discounted[j] = acc;
  }
  // P(alive) = 1 / (1 + e^d), d = ln a − ln(b + x − 1) + (r + x)(ln(α + T) − ln(α + t_x)): logs per level and per x, one exp per group.
  const { r, alpha, a, b } = m.bg;
  const LT = g.levels.T.map((T) => Math.log(alpha + T));
  const Ltx = g.levels.tx.map((tx) => Math.log(alpha + tx));
  let maxX = 0;
  for (let i = 0; i < g.length; i++) if (g.x[i]! > maxX) maxX = g.x[i]!;
  // Per x: ln a − ln(b + x − 1), and 1 / (p x + q − 1) (the spend expectation's denominator).
  const cx = new Float64Array(maxX + 1);
  const den = new Float64Array(maxX + 1);
  for (let x = 0; x <= maxX; x++) {
    if (x > 0) cx[x] = Math.log(a) - Math.log(b + x - 1);
    den[x] = p / (p * x + q - 1);
  }
  const { Ti, txi } = g.levels;
  let n = 0;
  let alive = 0;
  let purchases = 0;
  let spend = 0;
  let value = 0;
  for (let i = 0; i < g.length; i++) {
    const x = g.x[i]!;
    const w = g.w[i]!;
    const pa = x > 0 ? aliveFromLogOdds(cx[x]! + (r + x) * (LT[Ti[i]!]! - Ltx[txi[i]!]!)) : 1;
    const spendSum = den[x]! * (gamma * w + x * g.sumZbar[i]!);
    const pair = g.pair[i]!;
    n += w;
    alive += w * pa;
    purchases += w * pa * ifAlive[pair]!;
    spend += spendSum;
    value += pa * spendSum * discounted[pair]!;
  }
  if (n === 0) return null;
  return { customers: n, pAlive: alive / n, expectedPurchases: purchases / n, expectedSpend: spend / n, predictedClv: (s.margin * value) / n };
}

export interface BootstrapInterval {
  low: number;
  high: number;
  /** Draws used (those whose spend model has a mean). */
  draws: number;
}

/** Percentile interval of draws; null when fewer than 10 usable draws. */
export function percentileInterval(draws: number[], confidence: number, requested: number): BootstrapInterval | null {
  if (draws.length < Math.max(10, requested / 2)) return null;
  const sorted = draws.slice().sort((a, b) => a - b);
  return { low: quantile(sorted, (1 - confidence) / 2), high: quantile(sorted, (1 + confidence) / 2), draws: draws.length };
}

/** One draw of positive parameters: log θ ~ N(log θ̂, D⁻¹ Σ D⁻¹) (delta method), so every draw is positive. */
function drawParams<P extends object>(keys: readonly (keyof P & string)[], fit: Fit<P>, z: () => number): P | null {
  const values = keys.map((k) => fit.params[k] as number);
  const logCov = fit.covariance.map((row, i) => row.map((c, j) => c / (values[i]! * values[j]!)));
  const L = cholesky(logCov);
  if (L === null) return null;
  const e = keys.map(() => z());
  const out = values.map((v, i) => {
    let s = 0;
    for (let k = 0; k <= i; k++) s += L[i]![k]! * e[k]!;
    return v * Math.exp(s);
  });
  return Object.fromEntries(keys.map((k, i) => [k, out[i]!])) as P;
}

/**
 * Parametric bootstrap of predictedClv: `draws` parameter vectors from the
 * two fits' sampling distributions (independent: the models are fitted
 * separately), seeded; the percentile interval at `confidence`.
 */
export function parametricInterval(
  g: ValueGroups,
  bg: Fit<BgNbdParams>,
  gg: Fit<GammaGammaParams>,
  s: ValueSettings,
  confidence: number,
  draws: number,
  seed: number,
): BootstrapInterval | null {
  const z = standardNormal(uniform(seed));
  const values: number[] = [];
  for (let d = 0; d < draws; d++) {
    const b = drawParams(BGNBD_KEYS, bg, z);
    const m = drawParams(GAMMA_GAMMA_KEYS, gg, z);
    if (!b || !m) return null;
    const v = valueSummary(g, { bg: b, gg: m }, s);
    if (v !== null) values.push(v.predictedClv);
  }
  return percentileInterval(values, confidence, draws);
}
