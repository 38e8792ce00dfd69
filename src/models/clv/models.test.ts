import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases } from './bgnbd.js';
import { customerBootstrapInterval } from './customer-bootstrap.js';
import { fitBgNbd, fitGammaGamma } from './fit.js';
import { conditionalExpectedSpend, frequencySpendCorrelation } from './gamma-gamma.js';
import { cholesky, invertPositiveDefinite, minimizeWithRestarts, nelderMead } from './optimize.js';
import { quantile, uniform } from './random.js';
import { groupSummary, type CustomerSummary } from './rfm-groups.js';
import { parametricInterval, perUnitRate, valueSummary } from './value.js';

const BG = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
const GG = { p: 6.2488, q: 3.7446, gamma: 15.4477 };

/** A small synthetic summary: 400 customers, deterministic. */
function synthetic(n = 400): CustomerSummary {
  const u = uniform(42);
  const s: CustomerSummary = { length: n, x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n), zbar: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const T = 20 + Math.floor(u() * 20);
    const x = Math.floor(-Math.log(1 - u()) * 2 * u());
    s.T[i] = T;
    s.x[i] = x;
    s.tx[i] = x > 0 ? Math.round(T * (0.3 + 0.7 * u())) : 0;
    s.zbar[i] = x > 0 ? 10 + 40 * u() : 0;
  }
  return s;
}

describe('optimiser', () => {
  const rosenbrock = (v: number[]): number => 100 * (v[1]! - v[0]! ** 2) ** 2 + (1 - v[0]!) ** 2;
  it('Nelder–Mead finds the Rosenbrock minimum (1, 1)', () => {
    const r = minimizeWithRestarts(rosenbrock, [[-1.2, 1]]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
  });
  it('reports non-convergence when the budget runs out', () => {
    expect(nelderMead(rosenbrock, [-1.2, 1], { maxEvaluations: 20 }).converged).toBe(false);
  });
  it('inverts a positive definite matrix; refuses one that is not', () => {
    const inv = invertPositiveDefinite([[4, 2], [2, 3]])!; // det 8: inverse [[3, −2], [−2, 4]] / 8
    expect(inv[0]![0]).toBeCloseTo(3 / 8, 12);
    expect(inv[0]![1]).toBeCloseTo(-2 / 8, 12);
    expect(inv[1]![1]).toBeCloseTo(4 / 8, 12);
    expect(cholesky([[1, 2], [2, 1]])).toBeNull();
  });
});

describe('Gamma-Gamma', () => {
  it('E[Z | x = 0] is the population mean pγ/(q − 1); no mean when q ≤ 1', () => {
    expect(conditionalExpectedSpend(GG, 0, 0)).toBeCloseTo((6.2488 * 15.4477) / 2.7446, 9);
    // x = 2, z̄ = 30: 6.2488 · (15.4477 + 60) / (12.4976 + 2.7446)
    expect(conditionalExpectedSpend(GG, 2, 30)).toBeCloseTo((6.2488 * 75.4477) / 15.2422, 9);
    expect(conditionalExpectedSpend({ ...GG, q: 1 }, 2, 30)).toBeNull();
  });
  it('frequency–spend correlation: +1 for a linear relation, null when constant', () => {
    expect(frequencySpendCorrelation({ length: 3, x: Float64Array.of(1, 2, 3), zbar: Float64Array.of(10, 20, 30) })).toBeCloseTo(1, 12);
    expect(frequencySpendCorrelation({ length: 3, x: Float64Array.of(1, 1, 1), zbar: Float64Array.of(10, 20, 30) })).toBeNull();
  });
});

describe('fits refuse what the data cannot identify', () => {
  it('no repeat purchases at all: a failure with a reason, not numbers', () => {
    const n = 50;
    const s: CustomerSummary = { length: n, x: new Float64Array(n), tx: new Float64Array(n), T: Float64Array.from({ length: n }, (_, i) => 10 + i), zbar: new Float64Array(n) };
    const fit = fitBgNbd(groupSummary(s));
    expect(fit.ok).toBe(false);
    expect(fitGammaGamma({ length: 0, x: new Float64Array(0), zbar: new Float64Array(0) })).toEqual({ ok: false, reason: 'no repeat customers' });
  });
});

describe('predicted value', () => {
  const s = synthetic();
  const g = groupSummary(s);
  it('annual rate → rate per unit: (1 + d)^(days/365.25) − 1', () => {
    expect(perUnitRate(0.1, 365.25)).toBeCloseTo(0.1, 12);
    expect(perUnitRate(0.1, 7)).toBeCloseTo(Math.pow(1.1, 7 / 365.25) - 1, 15);
    expect(perUnitRate(0, 7)).toBe(0);
  });
  it('without discount: the mean of margin × E[Y(H) | x, t_x, T] × E[Z | x, z̄] over customers (differential)', () => {
    const v = valueSummary(g, { bg: BG, gg: GG }, { horizon: 52, discountPerUnit: 0, margin: 0.3 })!;
    let sum = 0;
    for (let i = 0; i < s.length; i++) sum += 0.3 * conditionalExpectedPurchases(BG, 52, s.x[i]!, s.tx[i]!, s.T[i]!) * conditionalExpectedSpend(GG, s.x[i]!, s.zbar[i]!)!;
    expect(v.predictedClv).toBeCloseTo(sum / s.length, 9);
    expect(v.customers).toBe(400);
  });
  it('discounting lowers the value, and a tiny rate barely changes it', () => {
    const base = valueSummary(g, { bg: BG, gg: GG }, { horizon: 52, discountPerUnit: 0, margin: 1 })!.predictedClv;
    const disc = valueSummary(g, { bg: BG, gg: GG }, { horizon: 52, discountPerUnit: perUnitRate(0.2, 7), margin: 1 })!.predictedClv;
    const tiny = valueSummary(g, { bg: BG, gg: GG }, { horizon: 52, discountPerUnit: 1e-9, margin: 1 })!.predictedClv;
    expect(disc).toBeLessThan(base);
    expect(disc).toBeGreaterThan(base / 1.2);
    expect(tiny).toBeCloseTo(base, 4);
  });
  it('bootstrap intervals are seeded (same seed, same interval) and hold the estimate', () => {
    // The published fits' covariances (CDNOW, as our fit reproduces them).
    const bg = {
      ok: true as const,
      params: BG,
      se: { r: 0.012557, alpha: 0.378221, a: 0.185719, b: 0.705345 },
      covariance: [
        [0.000157682, 0.003706265, -0.0000878151, 0.000065727],
        [0.003706265, 0.143047671, -0.002865571, 0.0105217],
        [-0.0000878151, -0.002865571, 0.034466501, 0.123099114],
        [0.000065727, 0.0105217, 0.123099114, 0.497140803],
      ],
      logLikelihood: -9582.43,
      n: 2357,
      evaluations: 0,
    };
    const ggFit = { ok: true as const, params: GG, se: { p: 1.19, q: 0.29, gamma: 4.16 }, covariance: [[1.415, -0.232, -4.8], [-0.232, 0.0842, 0.992], [-4.8, 0.992, 17.3]], logLikelihood: 0, n: 946, evaluations: 0 };
    const settings = { horizon: 52, discountPerUnit: 0, margin: 1 };
    const a = parametricInterval(g, bg, ggFit, settings, 0.9, 100, 7)!;
    const b = parametricInterval(g, bg, ggFit, settings, 0.9, 100, 7)!;
    expect(a).toEqual(b);
    const point = valueSummary(g, { bg: BG, gg: GG }, settings)!.predictedClv;
    expect(a.low).toBeLessThan(point);
    expect(a.high).toBeGreaterThan(point);
    const all = Int32Array.from({ length: s.length }, (_, i) => i);
    const c1 = customerBootstrapInterval(s, all, null, settings, 0.9, 12, 3);
    expect(customerBootstrapInterval(s, all, null, settings, 0.9, 12, 3)).toEqual(c1);
  });
  it('quantile interpolates between order statistics', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
  });
});
