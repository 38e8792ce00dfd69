/**
 * The value plan (value-plan.ts) against the per-customer formulas of bgnbd.ts
 * and gamma-gamma.ts (differential), for rows inside a shared universe, with and
 * without discount, and for customers with hundreds to thousands of purchases
 * (where P(alive) is taken whole instead of as P · Q); the shared bootstrap
 * against one row at a time; a row's grouping through the summary's cells
 * against the grouping of that row on its own.
 */
import { describe, expect, it } from 'vitest';
import { expectedPurchasesIfAlive, probabilityAlive } from './bgnbd.js';
import { conditionalExpectedSpend } from './gamma-gamma.js';
import { uniform } from './random.js';
import { groupSummary, type CustomerSummary } from './rfm-groups.js';
import { parametricInterval, parametricIntervals, perUnitRate } from './value.js';
import { evaluatePlan, MAX_DISCOUNT_STEPS, valuePlan, type ValueSettings } from './value-plan.js';

const BG = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
const GG = { p: 6.2488, q: 3.7446, gamma: 15.4477 };

/** 600 customers over 80 weeks in days; the last three buy 300, 1000 and 5000 times. */
function summary(): CustomerSummary {
  const n = 600;
  const u = uniform(9);
  const s: CustomerSummary = { length: n, x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n), zbar: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const T = Math.floor(u() * 560) / 7;
    const x = i >= n - 3 ? [300, 1000, 5000][i - (n - 3)]! : Math.floor(-Math.log(1 - u()) * 3 * u());
    s.T[i] = T;
    s.x[i] = x;
    s.tx[i] = x > 0 ? Math.round(T * 7 * (0.2 + 0.8 * u())) / 7 : 0;
    s.zbar[i] = x > 0 ? 5 + 60 * u() : 0;
  }
  return s;
}

/** Mean predicted CLV of customers idx, customer by customer (the formulas the plan regroups). */
function direct(s: CustomerSummary, idx: number[], v: ValueSettings): number {
  const K = v.discountPerUnit > 0 ? Math.min(Math.ceil(v.horizon), MAX_DISCOUNT_STEPS) : 1;
  let sum = 0;
  for (const i of idx) {
    let prev = 0;
    let acc = 0;
    for (let k = 1; k <= K; k++) {
      const t = (k * v.horizon) / K;
      const e = expectedPurchasesIfAlive(BG, s.x[i]!, s.T[i]!, t);
      acc += (e - prev) / Math.pow(1 + v.discountPerUnit, t);
      prev = e;
    }
    sum += v.margin * probabilityAlive(BG, s.x[i]!, s.tx[i]!, s.T[i]!) * conditionalExpectedSpend(GG, s.x[i]!, s.zbar[i]!)! * acc;
  }
  return sum / idx.length;
}

describe('value plan', () => {
  const s = summary();
  const all = Array.from({ length: s.length }, (_, i) => i);
  const odd = all.filter((i) => i % 2 === 1);
  const few = all.filter((i) => i % 7 === 0 || i >= s.length - 3);
  const universe = groupSummary(s);
  const rows = [groupSummary(s, odd), groupSummary(s, few), universe];
  const plan = valuePlan(universe, rows);

  for (const v of [
    { horizon: 52, discountPerUnit: 0, margin: 0.3 },
    { horizon: 52, discountPerUnit: perUnitRate(0.15, 7), margin: 1 },
  ]) {
    it(`rows inside a shared universe equal the per-customer sums (discount ${v.discountPerUnit > 0})`, () => {
      const out = evaluatePlan(plan, BG, GG, v);
      [odd, few, all].forEach((idx, k) => {
        const want = direct(s, idx, v);
        expect(Number.isFinite(out[k]!.predictedClv)).toBe(true);
        expect(Math.abs(out[k]!.predictedClv - want) / want).toBeLessThan(1e-10);
        expect(out[k]!.customers).toBe(idx.length);
      });
    });
  }

  it('customers with 300, 1000 and 5000 purchases stay finite and exact (P(alive) taken whole)', () => {
    const heavy = [s.length - 3, s.length - 2, s.length - 1];
    const g = groupSummary(s, heavy);
    const v = { horizon: 39, discountPerUnit: 0, margin: 1 };
    const [row] = evaluatePlan(valuePlan(g, [g]), BG, GG, v);
    expect(Math.abs(row!.predictedClv - direct(s, heavy, v)) / direct(s, heavy, v)).toBeLessThan(1e-10);
  });

  it('the pooled rows share the draws: the same intervals as one row at a time', () => {
    const bg = { ok: true as const, params: BG, se: { r: 0, alpha: 0, a: 0, b: 0 }, covariance: [[1.6e-4, 3.7e-3, -8.8e-5, 6.6e-5], [3.7e-3, 0.143, -2.9e-3, 1.05e-2], [-8.8e-5, -2.9e-3, 3.4e-2, 0.123], [6.6e-5, 1.05e-2, 0.123, 0.497]], logLikelihood: 0, n: 600, evaluations: 0 };
    const gg = { ok: true as const, params: GG, se: { p: 0, q: 0, gamma: 0 }, covariance: [[1.415, -0.232, -4.8], [-0.232, 0.0842, 0.992], [-4.8, 0.992, 17.3]], logLikelihood: 0, n: 300, evaluations: 0 };
    const v = { horizon: 52, discountPerUnit: 0, margin: 1 };
    const shared = parametricIntervals(plan, bg, gg, v, 0.9, 40, 5);
    rows.forEach((g, k) => {
      const alone = parametricInterval(g, bg, gg, v, 0.9, 40, 5)!;
      expect(shared[k]!.draws).toBe(alone.draws);
      expect(shared[k]!.low).toBeCloseTo(alone.low, 9);
      expect(shared[k]!.high).toBeCloseTo(alone.high, 9);
    });
  });

  it("a row's grouping through the summary's cells equals grouping that row's customers as a summary of their own", () => {
    const own: CustomerSummary = { length: odd.length, x: Float64Array.from(odd, (i) => s.x[i]!), tx: Float64Array.from(odd, (i) => s.tx[i]!), T: Float64Array.from(odd, (i) => s.T[i]!), zbar: Float64Array.from(odd, (i) => s.zbar[i]!) };
    expect(groupSummary(s, odd)).toEqual(groupSummary(own));
  });

  it('the same with (x, T) pairs beyond the direct-address table (x = 40,000: the hash table path)', () => {
    const big: CustomerSummary = { ...s, x: s.x.map((x, i) => (i === 1 ? 40000 : x)) };
    const own: CustomerSummary = { length: odd.length, x: Float64Array.from(odd, (i) => big.x[i]!), tx: Float64Array.from(odd, (i) => s.tx[i]!), T: Float64Array.from(odd, (i) => s.T[i]!), zbar: Float64Array.from(odd, (i) => s.zbar[i]!) };
    const g = groupSummary(big, odd);
    expect(g.x).toContain(40000);
    expect(g).toEqual(groupSummary(own));
  });
});
