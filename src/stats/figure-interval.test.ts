import { describe, expect, it } from 'vitest';
import type { Samples } from '../model/figures.js';
import { EMPTY_SAMPLES } from '../metrics/testing/dataset-fixture.js';
import { METRIC_KEYS } from '../model.js';
import { figureInterval, METRICS_WITH_INTERVAL } from './figure-interval.js';
import { meanInterval, npsInterval, wilson } from './intervals.js';

const samples: Samples = {
  aov: { n: 8, sum: 40, sumSq: 232 },
  clv: { n: 2, sum: 30, sumSq: 500 },
  returning_rate: { successes: 5, trials: 10 },
  conversion_rate: { successes: 81, trials: 263 },
  retention_rate: { successes: 0, trials: 10 },
  nps: { promoters: 300, detractors: 100, n: 600 },
};

describe('figureInterval', () => {
  it('Wilson for the three rates', () => {
    expect(figureInterval('returning_rate', samples, 0.95)).toEqual(wilson(5, 10, 0.95));
    expect(figureInterval('conversion_rate', samples, 0.95)).toEqual(wilson(81, 263, 0.95));
    expect(figureInterval('retention_rate', samples, 0.95)).toEqual(wilson(0, 10, 0.95));
  });

  it('the NPS interval for nps', () => {
    expect(figureInterval('nps', samples, 0.95)).toEqual(npsInterval(300, 100, 600, 0.95));
  });

  it('t intervals for aov and clv (the clv sample already holds value × margin)', () => {
    expect(figureInterval('aov', samples, 0.9)).toEqual(meanInterval(samples.aov, 0.9));
    expect(figureInterval('clv', samples, 0.95)).toEqual(meanInterval(samples.clv, 0.95));
  });

  it('null for every metric without sampling error', () => {
    for (const key of METRIC_KEYS) {
      if ((METRICS_WITH_INTERVAL as readonly string[]).includes(key)) continue;
      expect(figureInterval(key, samples, 0.95), key).toBeNull();
    }
  });

  it('null for a conversion rate above 1 (more orders than imported sessions)', () => {
    expect(figureInterval('conversion_rate', { ...samples, conversion_rate: { successes: 12, trials: 10 } }, 0.95)).toBeNull();
  });

  it('null for empty samples', () => {
    const empty: Samples = { ...EMPTY_SAMPLES, aov: { n: 1, sum: 5, sumSq: 25 } }; // one value: no standard deviation
    for (const key of METRICS_WITH_INTERVAL) expect(figureInterval(key, empty, 0.95), key).toBeNull();
  });
});
