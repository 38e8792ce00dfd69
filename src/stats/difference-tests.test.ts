/**
 * Two-sample tests, hand-computed and cross-checked with scipy 1.17
 * (stats.ttest_ind_from_stats(equal_var=False), 2·norm.cdf(−|z|)).
 */
import { describe, expect, it } from 'vitest';
import { isSignificant, npsDifference, rateDifference, twoProportionZ, twoSidedNormalP, welchT } from './difference-tests.js';

describe('twoProportionZ', () => {
  it('60/1000 vs 40/1000', () => {
    // p̄ = 0.05; se = √(0.05·0.95·2/1000) = 0.0097468; z = 0.02/0.0097468 = 2.051957; p = 2Φ(−2.051957) = 0.040174.
    const r = twoProportionZ(60, 1000, 40, 1000)!;
    expect(r.z).toBeCloseTo(2.051956704170308, 12);
    expect(r.p).toBeCloseTo(0.04017387028851211, 12);
    expect(rateDifference({ successes: 60, trials: 1000 }, { successes: 40, trials: 1000 })).toEqual(r);
  });

  it('is antisymmetric: the sign says which sample is higher', () => {
    expect(twoProportionZ(40, 1000, 60, 1000)!.z).toBeCloseTo(-2.051956704170308, 12);
  });

  it('all zero or all one: no difference (z 0, p 1); an empty sample: null', () => {
    expect(twoProportionZ(0, 10, 0, 20)).toEqual({ z: 0, p: 1 });
    expect(twoProportionZ(10, 10, 20, 20)).toEqual({ z: 0, p: 1 });
    expect(twoProportionZ(0, 0, 3, 20)).toBeNull();
    expect(() => twoProportionZ(11, 10, 3, 20)).toThrow(RangeError);
  });
});

describe('welchT', () => {
  it('means 20 vs 18, variances 2.5 vs 10, n 5 and 5', () => {
    // va = 2.5/5 = 0.5, vb = 10/5 = 2; t = 2/√2.5 = 1.264911; df = 2.5²/(0.5²/4 + 2²/4) = 6.25/1.0625 = 5.882353.
    const r = welchT({ n: 5, sum: 100, sumSq: 2010 }, { n: 5, sum: 90, sumSq: 1660 })!;
    expect(r.t).toBeCloseTo(1.2649110640673518, 12);
    expect(r.df).toBeCloseTo(5.882352941176471, 12);
    expect(r.p).toBeCloseTo(0.2537024062024177, 10);
  });

  it('equal variances and sizes: df = 2n − 2 (t = 2, df = 8, p = 0.0805)', () => {
    const r = welchT({ n: 5, sum: 100, sumSq: 2010 }, { n: 5, sum: 90, sumSq: 1630 })!;
    expect(r.t).toBeCloseTo(2, 12);
    expect(r.df).toBeCloseTo(8, 12);
    expect(r.p).toBeCloseTo(0.08051623795726262, 10);
  });

  it('zero variance in both: df = na + nb − 2, t = 0 or ±∞', () => {
    expect(welchT({ n: 3, sum: 30, sumSq: 300 }, { n: 4, sum: 40, sumSq: 400 })).toEqual({ t: 0, df: 5, p: 1 });
    expect(welchT({ n: 3, sum: 30, sumSq: 300 }, { n: 4, sum: 44, sumSq: 484 })).toEqual({ t: -Infinity, df: 5, p: 0 });
  });

  it('null when a sample has fewer than 2 values', () => {
    expect(welchT({ n: 1, sum: 3, sumSq: 9 }, { n: 4, sum: 40, sumSq: 410 })).toBeNull();
  });
});

describe('npsDifference', () => {
  it('NPS 30 (50/20 of 100) vs NPS 10 (40/30 of 100)', () => {
    // SEa = 100·√((0.7 − 0.09)/100) = 7.810250; SEb = 100·√((0.7 − 0.01)/100) = 8.306624;
    // z = 20/√(7.81025² + 8.306624²) = 20/11.401754 = 1.754116; p = 0.079411.
    const r = npsDifference({ promoters: 50, detractors: 20, n: 100 }, { promoters: 40, detractors: 30, n: 100 })!;
    expect(r.z).toBeCloseTo(1.7541160386140586, 12);
    expect(r.p).toBeCloseTo(0.07941062599894216, 12);
  });

  it('null without answers', () => {
    expect(npsDifference({ promoters: 0, detractors: 0, n: 0 }, { promoters: 1, detractors: 0, n: 1 })).toBeNull();
  });
});

describe('isSignificant and twoSidedNormalP', () => {
  it('p < 1 − confidence, with p exactly α not significant', () => {
    expect(isSignificant(0.049, 0.95)).toBe(true);
    expect(isSignificant(0.05, 0.95)).toBe(false); // 1 − 0.95 = 0.050000000000000044 in doubles
    expect(isSignificant(0.01, 0.99)).toBe(false);
    expect(isSignificant(0.0099, 0.99)).toBe(true);
    expect(() => isSignificant(0.01, 95)).toThrow(RangeError);
  });

  it('2Φ(−|z|)', () => {
    expect(twoSidedNormalP(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedNormalP(0)).toBe(1);
    expect(twoSidedNormalP(-Infinity)).toBe(0);
  });
});
