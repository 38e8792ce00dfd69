/**
 * What goes beside each figure in the report: its confidence interval, its
 * benchmark comparison, and its change against a previous period or a
 * baseline report. Pure.
 */
import { benchmarkFor, type ResolvedBenchmark } from '../benchmarks/resolve.js';
import { compare, type Evidence } from '../benchmarks/compare.js';
import type { Benchmarks } from '../benchmarks/schema.js';
import { METRIC_KEYS, type MetricKey } from '../model.js';
import type { ChannelFigures } from '../metrics/index.js';
import { npsDifference, rateDifference, welchT } from '../stats/difference-tests.js';
import { figureInterval, hasSamplingError, METRICS_WITH_INTERVAL, sampleSize } from '../stats/figure-interval.js';
import { METRICS } from '../metrics/definitions.js';
import type { BenchmarkResult, Change, ReportFile, ReportRow } from './schema.js';

/** Machine outputs carry 12 significant digits: enough for any money sum, free of float noise (0.1 + 0.2). */
export function clean(x: number | null): number | null {
  if (x === null || Number.isNaN(x)) return null;
  if (!Number.isFinite(x) || Number.isInteger(x)) return x;
  return Number(x.toPrecision(12));
}

/** Money: as `clean`, and a residue below 1e-9 (100.1 − 100.1 computed as 1e-14) is 0. */
export function cleanMoney(x: number | null): number | null {
  if (x !== null && Math.abs(x) < 1e-9) return 0;
  return clean(x);
}

/** What a figure's magnitude is measured against for float residue: rates 1, NPS 100, else `scale`. */
const RESIDUE = 1e-12;

/**
 * A figure of metric k for output, free of float residue: a rate is clamped
 * to [0, 1]; a value whose magnitude is below 1e-12 of its scale (1 for rates,
 * 100 for NPS, `scale` otherwise — for an interval bound, the larger bound) is
 * 0; money as `cleanMoney`, the rest as `clean`.
 * @example cleanFigure('returning_rate', 6.94e-18) // 0
 */
export function cleanFigure(k: MetricKey, x: number | null, scale = 0): number | null {
  if (x === null || Number.isNaN(x)) return null;
  const unit = METRICS[k].unit;
  const v = unit === 'rate' ? Math.min(1, Math.max(0, x)) : x;
  const s = unit === 'rate' ? 1 : unit === 'score' ? 100 : Math.abs(scale);
  if (Math.abs(v) < RESIDUE * s) return 0;
  return unit === 'money' ? cleanMoney(v) : clean(v);
}

export function intervalsOf(f: ChannelFigures, confidence: number): ReportRow['ci'] {
  const ci: ReportRow['ci'] = {};
  for (const k of METRICS_WITH_INTERVAL) {
    if (f.metrics[k] === null) continue;
    const i = figureInterval(k, f.samples, confidence);
    const scale = i ? Math.max(Math.abs(i[0]), Math.abs(i[1])) : 0;
    if (i) ci[k] = [cleanFigure(k, i[0], scale)!, cleanFigure(k, i[1], scale)!];
  }
  return ci;
}

/** The sample size of every non-null figure with sampling error. */
export function sampleSizesOf(f: ChannelFigures): ReportRow['n'] {
  const n: ReportRow['n'] = {};
  for (const k of METRICS_WITH_INTERVAL) if (f.metrics[k] !== null) n[k] = sampleSize(k, f.samples);
  return n;
}

/**
 * A figure against its resolved benchmark, as the report (and the clv document)
 * stores it: numbers cleaned, sample and source echoed. `evidence` for a figure
 * with sampling error (n, and min_sample: the metric entry's, else the run's).
 */
export function benchmarkResult(value: number | null, ci: [number, number] | null, bench: ResolvedBenchmark, nullReason: string | undefined, evidence: Evidence | undefined): BenchmarkResult {
  const c = compare(value, ci, bench, nullReason, evidence);
  return {
    ...(c.target !== undefined ? { target: c.target } : {}),
    ...(c.min !== undefined ? { min: c.min } : {}),
    ...(c.max !== undefined ? { max: c.max } : {}),
    delta: clean(c.delta),
    delta_pct: clean(c.delta_pct),
    status: c.status,
    significant: c.significant,
    ...(c.sample !== undefined ? { sample: c.sample } : {}),
    ...(bench.source !== undefined ? { source: bench.source } : {}),
  };
}

/** Each benchmarked figure's comparison. */
export function benchmarksOf(row: ReportRow, benchmarks: Benchmarks, minSample: number): ReportRow['benchmarks'] {
  const out: ReportRow['benchmarks'] = {};
  for (const k of METRIC_KEYS) {
    const bench = benchmarkFor(benchmarks, k, row.channel);
    if (!bench) continue;
    const evidence = hasSamplingError(k) ? { n: row.n?.[k] ?? 0, minSample: bench.minSample ?? minSample } : undefined;
    out[k] = benchmarkResult(row.metrics[k] ?? null, row.ci[k] ?? null, bench, row.reasons[k], evidence);
  }
  return out;
}

const MEANS = new Set<MetricKey>(['aov', 'clv']);
const RATES = new Set<MetricKey>(['conversion_rate', 'retention_rate', 'returning_rate']);

/** Whether the change between two figures is larger than noise (null when the figure has no sampling error). */
function changeSignificant(k: MetricKey, cur: ChannelFigures, prev: ChannelFigures, confidence: number): boolean | null {
  const alpha = 1 - confidence;
  let p: number | undefined;
  if (MEANS.has(k)) p = welchT(cur.samples[k as 'aov' | 'clv'], prev.samples[k as 'aov' | 'clv'])?.p;
  else if (RATES.has(k)) {
    const key = k as 'conversion_rate' | 'retention_rate' | 'returning_rate';
    p = rateDifference(cur.samples[key], prev.samples[key])?.p;
  } else if (k === 'nps') p = npsDifference(cur.samples.nps, prev.samples.nps)?.p;
  else return null;
  return p === undefined ? null : p < alpha - 1e-12;
}

export function change(value: number | null, before: number | null): Change {
  const delta = value === null || before === null ? null : value - before;
  return {
    value: before,
    change: clean(delta),
    change_pct: delta === null || before === null || before === 0 ? null : clean(delta / Math.abs(before)),
    significant: null,
  };
}

/** Per metric: the previous period's value, the change, and whether it is significant. */
export function changesOf(row: ReportRow, cur: ChannelFigures, prev: ChannelFigures, confidence: number): NonNullable<ReportRow['previous']> {
  const out: NonNullable<ReportRow['previous']> = {};
  for (const k of METRIC_KEYS) {
    const c = change(row.metrics[k] ?? null, clean(prev.metrics[k]));
    c.significant = c.change === null ? null : changeSignificant(k, cur, prev, confidence);
    out[k] = c;
  }
  return out;
}

/** Per metric: the baseline report's value and the change (no samples there, so no significance). */
export function baselineOf(row: ReportRow, base: ReportFile['rows'][number]): NonNullable<ReportRow['baseline']> {
  const out: NonNullable<ReportRow['baseline']> = {};
  for (const k of METRIC_KEYS) {
    const before = base.metrics[k];
    if (before === undefined) continue;
    out[k] = change(row.metrics[k] ?? null, before);
  }
  return out;
}
