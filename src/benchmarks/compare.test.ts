import { describe, expect, it } from 'vitest';
import { figureInterval } from '../stats/figure-interval.js';
import { wilson } from '../stats/intervals.js';
import type { Samples } from '../model/figures.js';
import { compare } from './compare.js';
import type { RangeBenchmark, TargetBenchmark } from './resolve.js';

const target = (t: number, better: 'higher' | 'lower' = 'higher', tolerance = 0.05): TargetBenchmark => ({ kind: 'target', target: t, tolerance, better });
const range = (min: number | undefined, max: number | undefined, better: 'higher' | 'lower' = 'higher'): RangeBenchmark => ({
  kind: 'range',
  ...(min === undefined ? {} : { min }),
  ...(max === undefined ? {} : { max }),
  better,
});

describe('target form', () => {
  it('band edges are on target (85 ± 5 % = [80.75, 89.25])', () => {
    expect(compare(80.75, null, target(85))).toEqual({ target: 85, delta: -4.25, delta_pct: -0.05, status: 'on_target', significant: null });
    expect(compare(89.25, null, target(85)).status).toBe('on_target');
    expect(compare(85, null, target(85))).toEqual({ target: 85, delta: 0, delta_pct: 0, status: 'on_target', significant: null });
  });

  it('just outside the band', () => {
    expect(compare(80.7, null, target(85)).status).toBe('worse');
    expect(compare(89.3, null, target(85)).status).toBe('better');
  });

  it('better = higher: above is better, below is worse; delta and delta_pct', () => {
    const c = compare(102, null, target(85));
    expect(c).toEqual({ target: 85, delta: 17, delta_pct: 0.2, status: 'better', significant: null });
    expect(compare(68, null, target(85))).toEqual({ target: 85, delta: -17, delta_pct: -0.2, status: 'worse', significant: null });
  });

  it('better = lower mirrors it (a CAC of 54 against 45 is 20 % worse)', () => {
    const c = compare(54, null, target(45, 'lower'));
    expect(c.status).toBe('worse');
    expect(c.delta).toBe(9);
    expect(c.delta_pct).toBeCloseTo(0.2, 12);
    expect(compare(36, null, target(45, 'lower')).status).toBe('better');
    expect(compare(42.75, null, target(45, 'lower')).status).toBe('on_target'); // 45·0.95, the edge
  });

  it('a negative target: the band ends are ordered, delta_pct is relative to |target|', () => {
    // NPS target −10, tolerance 10 %: band [−11, −9].
    expect(compare(-9, null, target(-10, 'higher', 0.1)).status).toBe('on_target');
    expect(compare(-11, null, target(-10, 'higher', 0.1)).status).toBe('on_target');
    expect(compare(-8, null, target(-10, 'higher', 0.1))).toEqual({ target: -10, delta: 2, delta_pct: 0.2, status: 'better', significant: null });
    expect(compare(-12, null, target(-10, 'higher', 0.1)).status).toBe('worse');
  });

  it('a zero target: only 0 is on target; delta_pct is null', () => {
    expect(compare(0, null, target(0))).toEqual({ target: 0, delta: 0, delta_pct: null, status: 'on_target', significant: null });
    expect(compare(0.5, null, target(0))).toEqual({ target: 0, delta: 0.5, delta_pct: null, status: 'better', significant: null });
    expect(compare(-0.5, null, target(0, 'lower')).status).toBe('better');
  });

  it('tolerance 0: only the target itself is on target', () => {
    expect(compare(40, null, target(40, 'higher', 0)).status).toBe('on_target');
    expect(compare(40.01, null, target(40, 'higher', 0)).status).toBe('better');
  });
});

describe('min/max form', () => {
  it('inside [min, max], edges included: on target, delta 0', () => {
    for (const v of [0.02, 0.035, 0.05]) {
      expect(compare(v, null, range(0.02, 0.05))).toEqual({ min: 0.02, max: 0.05, delta: 0, delta_pct: 0, status: 'on_target', significant: null });
    }
  });

  it('better = higher: below min is worse, above max is better; delta to the violated bound', () => {
    const below = compare(0.015, null, range(0.02, 0.05));
    expect(below.status).toBe('worse');
    expect(below.delta).toBeCloseTo(-0.005, 15);
    expect(below.delta_pct).toBeCloseTo(-0.25, 12);
    const above = compare(0.06, null, range(0.02, 0.05));
    expect(above.status).toBe('better');
    expect(above.delta).toBeCloseTo(0.01, 15);
    expect(above.delta_pct).toBeCloseTo(0.2, 12);
  });

  it('better = lower mirrors it', () => {
    expect(compare(0.015, null, range(0.02, 0.05, 'lower')).status).toBe('better');
    expect(compare(0.06, null, range(0.02, 0.05, 'lower')).status).toBe('worse');
  });

  it('min only and max only', () => {
    expect(compare(2.5, null, range(3, undefined))).toEqual({ min: 3, delta: -0.5, delta_pct: -0.5 / 3, status: 'worse', significant: null });
    expect(compare(1e9, null, range(3, undefined)).status).toBe('on_target');
    expect(compare(600, null, range(undefined, 500, 'lower'))).toEqual({ max: 500, delta: 100, delta_pct: 0.2, status: 'worse', significant: null });
    expect(compare(-5, null, range(undefined, 500, 'lower')).status).toBe('on_target');
  });

  it('a zero bound gives delta_pct null', () => {
    expect(compare(-2, null, range(0, undefined))).toEqual({ min: 0, delta: -2, delta_pct: null, status: 'worse', significant: null });
  });
});

describe('null figures', () => {
  it('no status, no delta, and the reason', () => {
    expect(compare(null, null, target(45, 'lower'), 'no new customers')).toEqual({
      target: 45,
      delta: null,
      delta_pct: null,
      status: null,
      significant: null,
      reason: 'no value: no new customers',
    });
    expect(compare(null, null, range(0.02, 0.05)).reason).toBe('no value');
  });

  it('a non-finite figure is a programming error', () => {
    expect(() => compare(NaN, null, target(1))).toThrow(RangeError);
  });
});

describe('significance', () => {
  it('false when the target lies inside the interval, true outside, null without one', () => {
    expect(compare(68, [60, 90], target(85)).significant).toBe(false);
    expect(compare(68, [60, 80], target(85)).significant).toBe(true);
    expect(compare(68, [60, 85], target(85)).significant).toBe(false); // interval edges are inclusive
    expect(compare(68, null, target(85)).significant).toBeNull();
  });

  it('range form: against the violated bound; inside the range there is nothing to test', () => {
    expect(compare(0.015, [0.01, 0.021], range(0.02, 0.05)).significant).toBe(false);
    expect(compare(0.015, [0.01, 0.019], range(0.02, 0.05)).significant).toBe(true);
    expect(compare(0.03, [0.025, 0.035], range(0.02, 0.05)).significant).toBe(false);
  });

  it('flips when n grows: 1.8 % against a 2 % target (Wilson, 95 %)', () => {
    const bench = target(0.02);
    // n = 1,000: 18/1000 → [0.011416, 0.028273] contains 0.02.
    const small = compare(0.018, wilson(18, 1000, 0.95), bench);
    expect(small).toMatchObject({ status: 'worse', significant: false });
    // n = 1,000,000: 18000/1e6 → [0.017741, 0.018262] excludes it.
    const large = compare(0.018, wilson(18_000, 1_000_000, 0.95), bench);
    expect(large).toMatchObject({ status: 'worse', significant: true });
    expect(wilson(18, 1000, 0.95)![1]).toBeCloseTo(0.028273255170507345, 10);
    expect(wilson(18_000, 1_000_000, 0.95)![1]).toBeCloseTo(0.018262437058382177, 10);
  });

  it('with intervals from the figure’s samples (conversion rate = orders / sessions)', () => {
    const samples = (orders: number, sessions: number): Samples => ({
      aov: { n: 0, sum: 0, sumSq: 0 },
      clv: { n: 0, sum: 0, sumSq: 0 },
      returning_rate: { successes: 0, trials: 0 },
      conversion_rate: { successes: orders, trials: sessions },
      retention_rate: { successes: 0, trials: 0 },
      nps: { promoters: 0, detractors: 0, n: 0 },
    });
    const bench = range(0.02, 0.05);
    expect(compare(0.018, figureInterval('conversion_rate', samples(18, 1000), 0.95), bench).significant).toBe(false);
    expect(compare(0.018, figureInterval('conversion_rate', samples(18_000, 1_000_000), 0.95), bench).significant).toBe(true);
  });
});
