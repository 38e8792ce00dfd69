/**
 * Differential tests: the grouped (cell-weighted) likelihoods the fit uses equal
 * the per-customer sums, and their analytic gradients equal finite differences,
 * on random summaries (fast-check). A wrong aggregation or derivative fails here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgnbdCustomerLogLikelihood } from './bgnbd.js';
import { bgnbdValueAndGradient } from './bgnbd-likelihood.js';
import { gammaGammaCustomerLogLikelihood, gammaGammaValueAndGradient } from './gamma-gamma.js';
import { groupSummary, spendSample, type CustomerSummary } from './rfm-groups.js';
import { valueSummary } from './value.js';
import { probabilityAlive } from './bgnbd.js';

/** Random customers on a day grid in week units, so that many share a cell. */
const summaryArb = fc
  .array(fc.record({ T: fc.integer({ min: 0, max: 60 }), x: fc.integer({ min: 0, max: 12 }), f: fc.double({ min: 0, max: 1, noNaN: true }), z: fc.double({ min: 1, max: 200, noNaN: true }) }), { minLength: 1, maxLength: 300 })
  .map((rows): CustomerSummary => {
    const n = rows.length;
    const s: CustomerSummary = { length: n, x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n), zbar: new Float64Array(n) };
    rows.forEach((r, i) => {
      s.T[i] = r.T / 7;
      s.x[i] = r.T === 0 ? 0 : r.x;
      s.tx[i] = s.x[i]! > 0 ? Math.round(r.f * r.T) / 7 : 0;
      s.zbar[i] = s.x[i]! > 0 ? r.z : 0;
    });
    return s;
  });
const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const bgArb = fc.record({ r: positive(0.05, 5), alpha: positive(0.1, 50), a: positive(0.05, 5), b: positive(0.05, 10) });
const ggArb = fc.record({ p: positive(0.3, 10), q: positive(1.2, 10), gamma: positive(0.5, 50) });

const close = (a: number, b: number, rel: number): boolean => Math.abs(a - b) <= rel * (1 + Math.abs(b));

describe('grouped likelihoods equal the per-customer sums', () => {
  it('BG/NBD: Σ over cells of w · ln L = Σ over customers of ln L', () => {
    fc.assert(
      fc.property(summaryArb, bgArb, (s, p) => {
        let direct = 0;
        for (let i = 0; i < s.length; i++) direct += bgnbdCustomerLogLikelihood(p, s.x[i]!, s.tx[i]!, s.T[i]!);
        return close(bgnbdValueAndGradient(p, groupSummary(s)).value, direct, 1e-10);
      }),
      { numRuns: 200 },
    );
  });
  it('Gamma-Gamma: the per-x aggregated sum = Σ over customers of ln L', () => {
    fc.assert(
      fc.property(summaryArb, ggArb, (s, g) => {
        const sp = spendSample(s);
        let direct = 0;
        for (let i = 0; i < sp.length; i++) direct += gammaGammaCustomerLogLikelihood(g, sp.x[i]!, sp.zbar[i]!);
        return close(gammaGammaValueAndGradient(g, sp).value, direct, 1e-10);
      }),
      { numRuns: 200 },
    );
  });
  it('mean P(alive) over cells = the mean of the per-customer P(alive)', () => {
    fc.assert(
      fc.property(summaryArb, bgArb, (s, p) => {
        let direct = 0;
        for (let i = 0; i < s.length; i++) direct += probabilityAlive(p, s.x[i]!, s.tx[i]!, s.T[i]!);
        const v = valueSummary(groupSummary(s), { bg: p, gg: { p: 2, q: 3, gamma: 10 } }, { horizon: 4, discountPerUnit: 0, margin: 1 })!;
        return close(v.pAlive, direct / s.length, 1e-12);
      }),
      { numRuns: 100 },
    );
  });
});

describe('analytic gradients equal central differences', () => {
  const fd = (f: (v: number[]) => number, v: number[], i: number): number => {
    const h = 1e-6 * Math.max(Math.abs(v[i]!), 1e-2);
    const up = v.slice();
    up[i] = v[i]! + h;
    const down = v.slice();
    down[i] = v[i]! - h;
    return (f(up) - f(down)) / (2 * h);
  };
  it('BG/NBD ∂/∂(r, α, a, b)', () => {
    fc.assert(
      fc.property(summaryArb, bgArb, (s, p) => {
        const g = groupSummary(s);
        const f = (v: number[]): number => bgnbdValueAndGradient({ r: v[0]!, alpha: v[1]!, a: v[2]!, b: v[3]! }, g).value;
        const v = [p.r, p.alpha, p.a, p.b];
        const grad = bgnbdValueAndGradient(p, g).gradient;
        const scale = Math.abs(f(v)) + 1;
        grad.forEach((d, i) => expect(Math.abs(d - fd(f, v, i)) * Math.max(Math.abs(v[i]!), 1e-2)).toBeLessThan(1e-6 * scale));
      }),
      { numRuns: 100 },
    );
  });
  it('Gamma-Gamma ∂/∂(p, q, γ)', () => {
    fc.assert(
      fc.property(summaryArb, ggArb, (s, g0) => {
        const sp = spendSample(s);
        if (sp.length === 0) return;
        const f = (v: number[]): number => gammaGammaValueAndGradient({ p: v[0]!, q: v[1]!, gamma: v[2]! }, sp).value;
        const v = [g0.p, g0.q, g0.gamma];
        const grad = gammaGammaValueAndGradient(g0, sp).gradient;
        const scale = Math.abs(f(v)) + 1;
        grad.forEach((d, i) => expect(Math.abs(d - fd(f, v, i)) * Math.max(Math.abs(v[i]!), 1e-2)).toBeLessThan(1e-6 * scale));
      }),
      { numRuns: 100 },
    );
  });
});
