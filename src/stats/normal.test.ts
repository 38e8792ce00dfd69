import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalPdf, normalQuantile } from './normal.js';

// Reference values: mpmath at 30 digits (√2·erfinv(2p − 1) and ncdf), rounded to doubles.
const QUANTILES: [number, number][] = [
  [1e-300, -37.0470962993612],
  [1e-20, -9.262340089798409],
  [1e-10, -6.361340902404057],
  [0.001, -3.0902323061678136],
  [0.02425, -1.972961051311885], // Acklam's region boundary
  [0.1, -1.2815515655446004],
  [0.9, 1.2815515655446006],
  [0.975, 1.9599639845400538],
  [0.999999, 4.753424308817087],
];
const CDF: [number, number][] = [
  [-38, 2.88542835e-316],
  [-10, 7.619853024160525e-24],
  [-5, 2.866515718791939e-7],
  [-3, 0.0013498980316300946],
  [-1.5, 0.06680720126885807],
  [0.5, 0.6914624612740131],
  [3, 0.9986501019683699],
  [8, 0.9999999999999993],
];

describe('normalQuantile', () => {
  it.each(QUANTILES)('Φ⁻¹(%s) = %s to 1e−12 (contract: 1e−9)', (p, x) => {
    expect(Math.abs(normalQuantile(p) - x)).toBeLessThan(1e-12 * Math.max(1, Math.abs(x)));
  });

  it('0.5 → 0, 0 → −∞, 1 → +∞', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  it('rejects p outside [0, 1]', () => {
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
    expect(() => normalQuantile(-0.1)).toThrow(RangeError);
    expect(() => normalQuantile(NaN)).toThrow(RangeError);
  });

  it('is antisymmetric and inverts Φ (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        const x = normalQuantile(p);
        const q = 1 - p; // may round; compare against the quantile of what it rounds to
        expect(normalQuantile(q)).toBe(-normalQuantile(1 - q));
        expect(Math.abs(normalCdf(x) - p)).toBeLessThan(1e-14 + 1e-12 * Math.min(p, 1 - p));
      }),
    );
  });
});

describe('normalCdf', () => {
  it.each(CDF)('Φ(%s) = %s to 1e−13 relative', (x, p) => {
    expect(Math.abs(normalCdf(x) - p)).toBeLessThanOrEqual(1e-13 * p);
  });

  it('Φ(0) = ½, Φ(±∞) = 0/1, Φ(NaN) = NaN', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(NaN)).toBeNaN();
  });

  it('the series and continued-fraction branches meet at |x| = 3', () => {
    expect(Math.abs(normalCdf(-3) - normalCdf(-3 - 1e-12))).toBeLessThan(1e-14);
  });

  it('φ(0) = 1/√(2π)', () => {
    expect(normalPdf(0)).toBeCloseTo(0.3989422804014327, 15);
  });
});
