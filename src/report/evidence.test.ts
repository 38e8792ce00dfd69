/**
 * Evidence behind a verdict (SPEC §4, issue 12): sample sizes, min_sample, and
 * the law that the --fail-on worse-significant gate is monotone in evidence.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare } from '../benchmarks/compare.js';
import { failsGate } from '../benchmarks/gate.js';
import type { ResolvedBenchmark } from '../benchmarks/resolve.js';
import { benchmarksSchema } from '../benchmarks/schema.js';
import type { ChannelFigures, Samples } from '../metrics/index.js';
import { EMPTY_SAMPLES } from '../metrics/testing/dataset-fixture.js';
import { METRIC_KEYS, type MetricKey } from '../model.js';
import { figureInterval, type SampledMetric } from '../stats/figure-interval.js';
import { benchmarksOf, intervalsOf, sampleSizesOf } from './enrich.js';
import type { ReportRow } from './model.js';


/** A channel whose only figure is an AOV of the given order values. */
function aovFigures(values: number[]): ChannelFigures {
  const metrics = Object.fromEntries(METRIC_KEYS.map((k) => [k, null])) as Record<MetricKey, number | null>;
  const sum = values.reduce((a, b) => a + b, 0);
  metrics.aov = values.length ? sum / values.length : null;
  return { channel: 'web', metrics, reasons: {}, samples: { ...EMPTY_SAMPLES, aov: { n: values.length, sum, sumSq: values.reduce((a, b) => a + b * b, 0) } } };
}

function row(f: ChannelFigures): ReportRow {
  return { period: null, channel: f.channel, metrics: f.metrics, reasons: f.reasons, n: sampleSizesOf(f), ci: intervalsOf(f, 0.95), benchmarks: {} };
}

const aovTarget = (extra: Record<string, unknown> = {}) => benchmarksSchema.parse({ metrics: { aov: { target: 85, ...extra } } });

describe('AOV verdicts at small n', () => {
  it('n = 1: no interval, so significant: false, sample: insufficient — worse still shows and fails --fail-on worse only', () => {
    // one order of 60: AOV 60, 29.4 % below 85 (worse); a mean of one value has no s, hence no interval.
    const r = row(aovFigures([60]));
    expect(r.n).toEqual({ aov: 1 });
    expect(r.ci.aov).toBeUndefined();
    const b = benchmarksOf(r, aovTarget(), 30).aov!;
    expect(b).toMatchObject({ target: 85, delta: -25, status: 'worse', significant: false, sample: 'insufficient' });
    const c = { ...b, delta: b.delta, delta_pct: b.delta_pct };
    expect(failsGate(c, 'worse')).toBe(true);
    expect(failsGate(c, 'worse-significant')).toBe(false);
  });

  it('n = 2: an interval, but n < 30 — insufficient; even with min_sample 2 the target lies inside it', () => {
    // 50 and 70: mean 60, s = √200 = 14.142; half = t(0.975, 1)·s/√2 = 12.7062·10 = 127.062 ⇒ [−67.06, 187.06] ∋ 85.
    const r = row(aovFigures([50, 70]));
    expect(r.n).toEqual({ aov: 2 });
    expect(r.ci.aov![0]).toBeCloseTo(-67.062, 3);
    expect(benchmarksOf(r, aovTarget(), 30).aov).toMatchObject({ status: 'worse', significant: false, sample: 'insufficient' });
    const own = benchmarksOf(r, aovTarget({ min_sample: 2 }), 30).aov!;
    expect(own).toMatchObject({ status: 'worse', significant: false });
    expect(own.sample).toBeUndefined();
  });

  it('min_sample: the default 30 holds a tight two-order miss back; a per-metric override of 2 lets it count', () => {
    // 60 and 60.2: mean 60.1, s = 0.141421; half = 12.7062·0.141421/√2 = 1.27062 ⇒ [58.829, 61.371] ∌ 85.
    const r = row(aovFigures([60, 60.2]));
    expect(benchmarksOf(r, aovTarget(), 30).aov).toMatchObject({ status: 'worse', significant: false, sample: 'insufficient' });
    expect(benchmarksOf(r, aovTarget({ min_sample: 2 }), 30).aov).toMatchObject({ status: 'worse', significant: true });
    // the run's value (config settings.min_sample) applies when the entry sets none
    expect(benchmarksOf(r, aovTarget(), 2).aov).toMatchObject({ significant: true });
    // the entry wins over the run's value
    expect(benchmarksOf(r, aovTarget({ min_sample: 3 }), 2).aov).toMatchObject({ significant: false, sample: 'insufficient' });
  });

  it('an on-target or better figure below min_sample is insufficient too, its status still shown', () => {
    const r = row(aovFigures([84, 86]));
    expect(benchmarksOf(r, aovTarget(), 30).aov).toMatchObject({ status: 'on_target', significant: false, sample: 'insufficient' });
  });

  it('figures without sampling error keep significant: null and no sample field', () => {
    const f = aovFigures([60]);
    f.metrics.cac = 50;
    const b = benchmarksOf(row(f), benchmarksSchema.parse({ metrics: { cac: { target: 45 } } }), 30).cac!;
    expect(b).toMatchObject({ status: 'worse', significant: null });
    expect(b.sample).toBeUndefined();
  });
});

/** Samples of n observations with a fixed point value and spread. */
function samplesAt(kind: SampledMetric, point: number, spread: number, n: number): Samples {
  switch (kind) {
    case 'aov':
    case 'clv': // mean `point`, sample standard deviation `spread`
      return { ...EMPTY_SAMPLES, [kind]: { n, sum: n * point, sumSq: (n - 1) * spread * spread + n * point * point } };
    case 'nps': // promoter share `point`, detractor share `spread` (point + spread ≤ 1)
      return { ...EMPTY_SAMPLES, nps: { promoters: point * n, detractors: spread * n, n } };
    default: // a proportion `point`
      return { ...EMPTY_SAMPLES, [kind]: { successes: point * n, trials: n } };
  }
}

function failsAt(kind: SampledMetric, point: number, spread: number, n: number, bench: ResolvedBenchmark, minSample: number): boolean {
  const value = kind === 'nps' ? 100 * (point - spread) : point;
  const ci = figureInterval(kind, samplesAt(kind, point, spread, n), 0.95);
  return failsGate(compare(value, ci, bench, undefined, { n, minSample }), 'worse-significant');
}

describe('the gate is monotone in evidence (fast-check)', () => {
  const sizes = fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
  const minSample = fc.integer({ min: 0, max: 100 });
  const better = fc.constantFrom<'higher' | 'lower'>('higher', 'lower');
  const tolerance = fc.constantFrom(0, 0.05, 0.2);

  it('means (AOV, CLV): fails with n ⇒ fails with any n′ > n', () => {
    fc.assert(
      fc.property(fc.constantFrom<SampledMetric>('aov', 'clv'), fc.double({ min: 1, max: 500, noNaN: true }), fc.double({ min: 0, max: 300, noNaN: true }), fc.double({ min: 1, max: 500, noNaN: true }), sizes, minSample, better, tolerance, (kind, mean, s, target, [n, n2], min, dir, tol) => {
        const bench: ResolvedBenchmark = { kind: 'target', target, tolerance: tol, better: dir };
        if (failsAt(kind, mean, s, n, bench, min)) expect(failsAt(kind, mean, s, n2, bench, min)).toBe(true);
      }),
    );
  });

  it('rates (Wilson): fails with n ⇒ fails with any n′ > n', () => {
    fc.assert(
      fc.property(fc.constantFrom<SampledMetric>('conversion_rate', 'retention_rate', 'returning_rate'), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), sizes, minSample, better, (kind, p, bound, [n, n2], min, dir) => {
        const bench: ResolvedBenchmark = dir === 'higher' ? { kind: 'range', min: bound, better: dir } : { kind: 'range', max: bound, better: dir };
        if (failsAt(kind, p, 0, n, bench, min)) expect(failsAt(kind, p, 0, n2, bench, min)).toBe(true);
      }),
    );
  });

  it('NPS (adjusted Wald): fails with n ⇒ fails with any n′ > n', () => {
    const shares = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).map(([a, b]) => [a * (1 - b), b * (1 - a * (1 - b))] as const).filter(([p, d]) => p + d <= 1);
    fc.assert(
      fc.property(shares, fc.double({ min: -90, max: 90, noNaN: true }), sizes, minSample, better, tolerance, ([p, d], target, [n, n2], min, dir, tol) => {
        const bench: ResolvedBenchmark = { kind: 'target', target, tolerance: tol, better: dir };
        if (failsAt('nps', p, d, n, bench, min)) expect(failsAt('nps', p, d, n2, bench, min)).toBe(true);
      }),
    );
  });

  it('the law can fail: without evidence (the old rule, no interval = significant) one order fails where two pass', () => {
    // AOV of one order of 60 against 85: no interval ⇒ significant null ⇒ counted as a real miss;
    // two orders 50 and 70 (mean 60, s = 14.14) ⇒ [−67.06, 187.06] ∋ 85 ⇒ not significant ⇒ passes.
    const bench: ResolvedBenchmark = { kind: 'target', target: 85, tolerance: 0.05, better: 'higher' };
    const legacy = (n: number): boolean => failsGate(compare(60, figureInterval('aov', samplesAt('aov', 60, 14.142135623730951, n), 0.95), bench), 'worse-significant');
    expect(legacy(1)).toBe(true);
    expect(legacy(2)).toBe(false);
    expect(failsAt('aov', 60, 14.142135623730951, 1, bench, 0)).toBe(false);
});
});
