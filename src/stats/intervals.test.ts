/**
 * Worked examples, computed by hand (z = Φ⁻¹(0.975) = 1.959963984540054, z² = 3.841458820694125)
 * and cross-checked with scipy 1.17.
 */
import { describe, expect, it } from 'vitest';
import { meanAndVariance, meanInterval, npsInterval, npsStandardError, wilson } from './intervals.js';

const close = (actual: readonly [number, number] | null, expected: [number, number], digits = 10): void => {
  expect(actual).not.toBeNull();
  expect(actual![0]).toBeCloseTo(expected[0], digits);
  expect(actual![1]).toBeCloseTo(expected[1], digits);
};

describe('wilson', () => {
  it('0/10 at 95 %: [0, z²/(10 + z²)] = [0, 0.2775]', () => {
    // p̂ = 0 ⇒ centre = half = (z²/20)/(1 + z²/10), so low = 0 and high = (z²/10)/(1 + z²/10) = 3.8415/13.8415.
    close(wilson(0, 10, 0.95), [0, 0.2775327998628892]);
    expect(wilson(0, 10, 0.95)![0]).toBe(0);
  });

  it('5/10 at 95 %: 0.5 ± 0.2634 = [0.2366, 0.7634]', () => {
    // centre = 0.5; half = z/(1 + z²/10) · √(0.25/10 + z²/400) = 1.415999 · √0.0346036 = 1.415999 · 0.186020 = 0.263407.
    close(wilson(5, 10, 0.95), [0.236593090512564, 0.7634069094874361]);
  });

  it('81/263 at 95 %: [0.2553, 0.3662]', () => {
    // p̂ = 0.307985, z²/n = 0.014606; centre = (0.307985 + 0.007303)/1.014606 = 0.310749;
    // half = (1.959964/1.014606) · √(0.307985·0.692015/263 + z²/(4·263²)) = 1.931748 · √0.000824272 = 0.055461.
    close(wilson(81, 263, 0.95), [0.2552885198782742, 0.36620957698280004]);
  });

  it('10/10 stays inside [0, 1]', () => {
    const ci = wilson(10, 10, 0.95)!;
    expect(ci[1]).toBeLessThanOrEqual(1);
    expect(ci[0]).toBeCloseTo(0.7224672001371107, 10);
  });

  it('a lower confidence gives a narrower interval (5/10 at 90 %)', () => {
    close(wilson(5, 10, 0.9), [0.2692718211382672, 0.7307281788617328]);
  });

  it('null with no trials; bad counts are a RangeError', () => {
    expect(wilson(0, 0, 0.95)).toBeNull();
    expect(() => wilson(11, 10, 0.95)).toThrow(RangeError);
    expect(() => wilson(-1, 10, 0.95)).toThrow(RangeError);
    expect(() => wilson(1, 10, 1.5)).toThrow(RangeError);
  });
});

describe('npsInterval', () => {
  it('p = 0.5, d = 1/6, n = 500: SE = 3.333 points, 95 % CI = 33.33 ± 6.533', () => {
    // p + d − (p − d)² = 0.5 + 0.16667 − 0.11111 = 0.55556; /500 = 0.00111111; √ = 0.0333333 ⇒ SE = 3.3333 points.
    // NPS = 100·(0.5 − 1/6) = 33.3333; half = 1.959964 · 3.3333 = 6.53321 ⇒ [26.8001, 39.8665].
    expect(npsStandardError(0.5, 1 / 6, 500)).toBeCloseTo(10 / 3, 12);
    close(npsInterval(250, 500 / 6, 500, 0.95), [26.800120051533156, 39.866546615133515]);
  });

  it('the same shares with whole counts (300 promoters, 100 detractors of 600)', () => {
    // SE = 100·√(0.55556/600) = 3.042903; half = 1.959964 · 3.042903 = 5.963980.
    close(npsInterval(300, 100, 600, 0.95), [100 / 3 - 5.963980479057191, 100 / 3 + 5.963980479057191], 10);
  });

  it('is clamped to [−100, 100]', () => {
    const ci = npsInterval(9, 0, 10, 0.95)!; // NPS 90, SE = 100·√((0.9 − 0.81)/10) = 9.487 ⇒ 90 ± 18.6
    expect(ci[1]).toBe(100);
    expect(ci[0]).toBeCloseTo(90 - 1.959963984540054 * Math.sqrt(0.009) * 100, 10);
    expect(npsInterval(0, 10, 10, 0.95)).toEqual([-100, -100]); // all detractors: variance 0
  });

  it('null without answers; bad counts are a RangeError', () => {
    expect(npsInterval(0, 0, 0, 0.95)).toBeNull();
    expect(() => npsInterval(6, 6, 10, 0.95)).toThrow(RangeError);
  });
});

describe('meanInterval', () => {
  it('values 2, 4, 4, 4, 5, 5, 7, 9: 5 ± 1.787', () => {
    // n = 8, Σx = 40, Σx² = 4 + 16·3 + 25·2 + 49 + 81 = 232; mean = 5; s² = (232 − 8·25)/7 = 32/7 = 4.571429, s = 2.138090;
    // t(0.975, 7) = 2.364624; half = 2.364624 · 2.138090/√8 = 2.364624 · 0.755929 = 1.787488 ⇒ [3.212512, 6.787488].
    const sample = { n: 8, sum: 40, sumSq: 232 };
    expect(meanAndVariance(sample)).toEqual({ mean: 5, variance: 32 / 7 });
    close(meanInterval(sample, 0.95), [3.21251208176379, 6.787487918236209]);
  });

  it('two values: t(0.975, 1) = 12.706', () => {
    // 10 and 20: mean 15, s = √50 = 7.0711, half = 12.7062 · 7.0711/√2 = 63.531.
    close(meanInterval({ n: 2, sum: 30, sumSq: 500 }, 0.95), [15 - 63.53102368087347, 15 + 63.53102368087347], 8);
  });

  it('identical values: a zero-width interval, never NaN from rounding', () => {
    const ci = meanInterval({ n: 3, sum: 0.3, sumSq: 0.03 }, 0.95)!; // 0.1 three times
    expect(ci[0]).toBeCloseTo(0.1, 12);
    expect(ci[1]).toBeCloseTo(0.1, 12);
    expect(ci[1] - ci[0]).toBe(0);
  });

  it('null for fewer than 2 values', () => {
    expect(meanInterval({ n: 1, sum: 5, sumSq: 25 }, 0.95)).toBeNull();
    expect(meanInterval({ n: 0, sum: 0, sumSq: 0 }, 0.95)).toBeNull();
  });
});
