import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalQuantile } from './normal.js';
import { tCdf, tPdf, tQuantile } from './student-t.js';

// Reference values: scipy.stats.t.ppf / t.cdf (scipy 1.17).
const Q975: [number, number][] = [
  [1, 12.706204736174694],
  [2, 4.302652729749462],
  [3, 3.1824463052837078],
  [4, 2.7764451051977934],
  [5, 2.5705818356363146],
  [7, 2.364624251592784],
  [10, 2.228138851986274],
  [30, 2.0422724563012378],
  [100, 1.9839715185235518],
  [1000, 1.9623390808264083],
  [1e6, 1.959966356814107],
  [1e8, 1.9599640082627663],
];
const TAILS: [number, number, number][] = [
  // [p, df, quantile]
  [0.995, 3, 5.840909309733355],
  [0.995, 10, 3.16927267261695],
  [1e-6, 1, -318309.8861827435],
  [1e-6, 2, -707.1057205259339],
  [1e-6, 3, -103.29946778041935],
  [1e-6, 5, -24.771029720515948],
  [1e-6, 30, -5.871117120418882],
  [0.6, 3, 0.2766706623326898],
];

describe('tQuantile', () => {
  it.each(Q975)('t(0.975, %s) = %s (to 1e−9; contract 1e−6)', (df, t) => {
    expect(Math.abs(tQuantile(0.975, df) - t)).toBeLessThan(1e-9);
  });

  it('the brief’s values to 1e−6', () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062047, 6);
    expect(tQuantile(0.975, 2)).toBeCloseTo(4.30265273, 6);
    expect(tQuantile(0.975, 5)).toBeCloseTo(2.57058184, 6);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.22813885, 6);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.04227246, 6);
    expect(tQuantile(0.975, 1000)).toBeCloseTo(1.96233908, 6);
  });

  it.each(TAILS)('t(%s, %s) = %s (relative 1e−10)', (p, df, t) => {
    expect(Math.abs(tQuantile(p, df) - t)).toBeLessThan(1e-10 * Math.max(1, Math.abs(t)));
  });

  it('fractional degrees of freedom (Welch)', () => {
    expect(tCdf(tQuantile(0.975, 7.3), 7.3)).toBeCloseTo(0.975, 13);
  });

  it('extreme tails stay finite and invert', () => {
    const t = tQuantile(1e-300, 3);
    expect(t).toBeLessThan(-1e99);
    expect(tCdf(t, 3) / 1e-300).toBeCloseTo(1, 9);
  });

  it('edges: ½ → 0, 0 → −∞, 1 → +∞, ν = ∞ → normal', () => {
    expect(tQuantile(0.5, 4)).toBe(0);
    expect(tQuantile(0, 4)).toBe(-Infinity);
    expect(tQuantile(1, 4)).toBe(Infinity);
    expect(tQuantile(0.975, Infinity)).toBe(normalQuantile(0.975));
  });

  it('rejects a bad p or df', () => {
    expect(() => tQuantile(1.2, 3)).toThrow(RangeError);
    expect(() => tQuantile(0.5, 0)).toThrow(RangeError);
    expect(() => tQuantile(0.5, NaN)).toThrow(RangeError);
  });

  it('inverts tCdf and is antisymmetric (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), fc.double({ min: 1, max: 5000, noNaN: true }), (p, df) => {
        const t = tQuantile(p, df);
        expect(Math.abs(tCdf(t, df) - p)).toBeLessThan(1e-12);
        const q = 1 - p; // may round; compare against the quantile of what it rounds to
        expect(tQuantile(q, df)).toBe(-tQuantile(1 - q, df));
      }),
    );
  });
});

describe('tCdf', () => {
  it.each([
    [1.5, 3, 0.8847080673775886],
    [-2.5, 7.3, 0.019825117332800214],
    [10, 1.5, 0.9881703224431893],
    [-1.96, 1e6, 0.024998033792634926],
    [-1.96, 1e8, 0.02499789653466404],
    [-6, 1e6, 9.86924906177215e-10],
    [-1e6, 1, 3.1830988618368455e-7],
  ])('F(%s; %s) = %s (relative 1e−7, absolute 1e−14)', (t, df, p) => {
    expect(Math.abs(tCdf(t, df) - p)).toBeLessThan(Math.max(1e-14, 1e-7 * p));
  });

  it('Cauchy (ν = 1): F(t) = ½ + atan(t)/π', () => {
    expect(tCdf(1, 1)).toBeCloseTo(0.75, 14);
  });

  it('F(0) = ½, F(±∞) = 1/0', () => {
    expect(tCdf(0, 3)).toBe(0.5);
    expect(tCdf(Infinity, 3)).toBe(1);
    expect(tCdf(-Infinity, 3)).toBe(0);
  });

  it('tPdf(0; 1) = 1/π', () => {
    expect(tPdf(0, 1)).toBeCloseTo(1 / Math.PI, 15);
  });
});
