/**
 * Predicted value of a group of customers from fitted BG/NBD and Gamma-Gamma
 * parameters: mean P(alive), expected purchases and spend per purchase, and
 * the discounted CLV over a horizon; plus the seeded bootstrap intervals. Pure.
 */
import type { BgNbdParams } from './bgnbd.js';
import { BGNBD_KEYS, GAMMA_GAMMA_KEYS, type Fit } from './fit.js';
import type { GammaGammaParams } from './gamma-gamma.js';
import { cholesky } from './optimize.js';
import { quantile, standardNormal, uniform } from './random.js';
import { perObject } from './memo.js';
import type { ValueGroups } from './rfm-groups.js';
import { evaluatePlan, valuePlan, type ValuePlan, type ValueSettings, type ValueSummary } from './value-plan.js';

export type { ValueSettings } from './value-plan.js';

export interface Models {
  bg: BgNbdParams;
  gg: GammaGammaParams;
}

/** Annual rate → rate per unit: (1 + d)^(unitDays / 365.25) − 1. @example perUnitRate(0.1, 7) // 0.001828… */
export function perUnitRate(annual: number, unitDays: number): number {
  return Math.pow(1 + annual, unitDays / 365.25) - 1;
}

/** The plan of one set of groups on its own (built once per object: the holdout check and the bootstrap reuse it). */
const ownPlan = perObject((g: ValueGroups) => valuePlan(g, [g]));

/** The plan of `rows` within `universe`; the memoised own plan when the only row is the universe itself. */
export function planOf(universe: ValueGroups, rows: readonly ValueGroups[]): ValuePlan {
  return rows.length === 1 && rows[0] === universe ? ownPlan(universe) : valuePlan(universe, rows);
}

/** The value summary of the customers in `g` (value-plan.ts has the formulas); null when the spend model has no mean (q ≤ 1). */
export function valueSummary(g: ValueGroups, m: Models, s: ValueSettings): ValueSummary | null {
  return evaluatePlan(ownPlan(g), m.bg, m.gg, s)[0]!;
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
 * separately), seeded; the percentile interval at `confidence` of every row of
 * the plan (rows fitted by the same model share the draws, as they would with
 * the same seed one at a time).
 */
export function parametricIntervals(
  plan: ValuePlan,
  bg: Fit<BgNbdParams>,
  gg: Fit<GammaGammaParams>,
  s: ValueSettings,
  confidence: number,
  draws: number,
  seed: number,
): (BootstrapInterval | null)[] {
  const z = standardNormal(uniform(seed));
  const values: number[][] = plan.rows.map(() => []);
  for (let d = 0; d < draws; d++) {
    const b = drawParams(BGNBD_KEYS, bg, z);
    const m = drawParams(GAMMA_GAMMA_KEYS, gg, z);
    if (!b || !m) return plan.rows.map(() => null);
    evaluatePlan(plan, b, m, s).forEach((v, i) => {
      if (v !== null) values[i]!.push(v.predictedClv);
    });
  }
  return values.map((v) => percentileInterval(v, confidence, draws));
}

/** parametricIntervals of one set of groups. */
export function parametricInterval(g: ValueGroups, bg: Fit<BgNbdParams>, gg: Fit<GammaGammaParams>, s: ValueSettings, confidence: number, draws: number, seed: number): BootstrapInterval | null {
  return parametricIntervals(ownPlan(g), bg, gg, s, confidence, draws, seed)[0]!;
}
