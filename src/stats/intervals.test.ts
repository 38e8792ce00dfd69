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

describe('npsInterval (adjusted Wald: n + 3, promoters + ¾, detractors + ¾)', () => {
  it('p = 0.5, d = 1/6, n = 500 (the SPEC worked example): SE = 3.333 raw, 3.324 adjusted; 95 % CI = [26.62, 39.65]', () => {
    // Raw: p + d − (p − d)² = 0.5 + 0.16667 − 0.11111 = 0.55556; /500 = 0.00111111; √ = 0.0333333 ⇒ SE = 3.3333 points.
    // Adjusted: n' = 503, p' = 250.75/503 = 0.498509, d' = 84.0833/503 = 0.167164; centre = 100·(0.331345) = 33.1345;
    // p' + d' − (p' − d')² = 0.665673 − 0.109789 = 0.555884; /503 = 0.00110514; √ = 0.0332436 ⇒ SE' = 3.32436;
    // half = 1.959964 · 3.32436 = 6.51562 ⇒ [26.6189, 39.6501] (the raw Wald interval was [26.80, 39.87]).
    expect(npsStandardError(0.5, 1 / 6, 500)).toBeCloseTo(10 / 3, 12);
    close(npsInterval(250, 500 / 6, 500, 0.95), [26.61890577206872, 39.650146580482634]);
  });

  it('n = 1, one passive (a 7): NPS 0 with a wide interval, never [0, 0]', () => {
    // n' = 4, p' = d' = 0.75/4 = 0.1875; centre 0; p' + d' − 0 = 0.375; /4 = 0.09375; √ = 0.306186 ⇒ SE' = 30.6186;
    // half = 1.959964 · 30.6186 = 60.0114 ⇒ [−60.0114, 60.0114].
    close(npsInterval(0, 0, 1, 0.95), [-60.01139595444137, 60.01139595444137]);
  });

  it('n = 1, one promoter: centred on the adjusted score 25, width 147', () => {
    // n' = 4, p' = 1.75/4 = 0.4375, d' = 0.1875; centre 25; 0.625 − 0.0625 = 0.5625; /4 = 0.140625; √ = 0.375 ⇒ SE' = 37.5;
    // half = 73.4986 ⇒ [−48.4986, 98.4986].
    close(npsInterval(1, 0, 1, 0.95), [-48.49864942025202, 98.49864942025202]);
  });

  it('n = 2, one promoter and one detractor', () => {
    // n' = 5, p' = d' = 1.75/5 = 0.35; centre 0; 0.7/5 = 0.14; √ = 0.374166 ⇒ SE' = 37.4166; half = 73.3351.
    close(npsInterval(1, 1, 2, 0.95), [-73.33513720565179, 73.33513720565179]);
  });

  it('n = 10: 5 promoters, 3 passives, 2 detractors (raw NPS 30)', () => {
    // n' = 13, p' = 5.75/13 = 0.442308, d' = 2.75/13 = 0.211538; centre = 23.0769;
    // 0.653846 − 0.230769² = 0.653846 − 0.053254 = 0.600592; /13 = 0.0461994; √ = 0.214940 ⇒ SE' = 21.4940;
    // half = 1.959964 · 21.4940 = 42.1275 ⇒ [−19.0506, 65.2045].
    close(npsInterval(5, 2, 10, 0.95), [-19.050615376363663, 65.20446153020981]);
  });

  it('is clamped to [−100, 100], and unanimous answers still get a width', () => {
    const all = npsInterval(0, 10, 10, 0.95)!; // d' = 10.75/13, p' = 0.75/13: centre −76.9231, 0.884615 − 0.591716 = 0.292899, /13 ⇒ SE' = 15.0102
    expect(all[0]).toBe(-100);
    expect(all[1]).toBeCloseTo(-76.9231 + 1.959964 * 15.0102, 3); // −47.5036
    expect(npsInterval(30, 0, 30, 0.95)![1]).toBe(100);
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
