/**
 * One figure against its benchmark (SPEC §4, issue 4 §2–3). Pure.
 */
import type { Interval } from '../stats/intervals.js';
import type { Comparison, Status } from '../model/comparison.js';
import type { ResolvedBenchmark } from './resolve.js';

export type { Comparison, Status } from '../model/comparison.js';

/**
 * Rounding allowance at band and range edges, relative to the edge's reference
 * (target or bound), so that 80.75 against 85 ± 5 % is on target although
 * 85 · 0.95 is 80.75000000000001 in doubles. Edges are inclusive.
 */
const EDGE_SLACK = 1e-9;

/** better/worse of a value above (+1) or below (−1) the benchmark, given the good direction. */
const side = (direction: 1 | -1, better: ResolvedBenchmark['better']): Status => ((direction === 1) === (better === 'higher') ? 'better' : 'worse');

const inside = (x: number, ci: Interval): boolean => ci[0] <= x && x <= ci[1];

/** The sample behind a figure with sampling error, and the least n that may be significant. */
export interface Evidence {
  n: number;
  minSample: number;
}

/**
 * Whether the benchmark point (target, or violated bound; undefined when nothing
 * is violated) lies outside the interval, given the evidence:
 *
 *     no sampling error (evidence undefined): null without ci, else point ∉ ci
 *     sampling error: n < minSample or no ci → false, sample 'insufficient'; else point ∉ ci
 */
function significance(ci: Interval | null, point: number | undefined, evidence: Evidence | undefined): Pick<Comparison, 'significant' | 'sample'> {
  if (evidence !== undefined && (ci === null || !(evidence.n >= evidence.minSample))) return { significant: false, sample: 'insufficient' };
  if (ci === null) return { significant: null };
  return { significant: point === undefined ? false : !inside(point, ci) };
}

/** The benchmark's own numbers, echoed in every comparison. */
function echo(bench: ResolvedBenchmark): Pick<Comparison, 'target' | 'min' | 'max'> {
  if (bench.kind === 'target') return { target: bench.target };
  return { ...(bench.min === undefined ? {} : { min: bench.min }), ...(bench.max === undefined ? {} : { max: bench.max }) };
}

/**
 * Compares a figure with its benchmark.
 *
 * Target form, band B = [target·(1 − tol), target·(1 + tol)] (ends ordered for a negative target):
 *
 *     value ∈ B → on_target;  above B → better if better = higher, else worse;  below B → the opposite
 *     delta = value − target;  delta_pct = delta / |target|  (null when target = 0)
 *     significant = target ∉ ci
 *
 * Range form [min, max] (either bound may be absent):
 *
 *     value < min → worse if better = higher, else better;  value > max → better if better = higher, else worse
 *     otherwise on_target
 *     delta = value − violated bound (0 inside);  delta_pct = delta / |bound|  (null when bound = 0; 0 inside)
 *     significant = violated bound ∉ ci  (false inside: nothing is violated)
 *
 * significant is null when ci is null and the figure has no sampling error
 * (`evidence` undefined). A figure with sampling error whose n is below
 * `evidence.minSample`, or that has no interval, is `significant: false,
 * sample: 'insufficient'` whatever its status (SPEC §4 "Evidence"). A null value
 * gets status, delta and significant null and `reason: 'no value: <nullReason>'`.
 * @example compare(80.75, null, { kind: 'target', target: 85, tolerance: 0.05, better: 'higher' }) // { target: 85, delta: -4.25, delta_pct: -0.05, status: 'on_target', significant: null }
 * @example compare(0.018, [0.0114, 0.0283], { kind: 'range', min: 0.02, better: 'higher' }) // { min: 0.02, delta: ≈ −0.002, delta_pct: ≈ −0.1, status: 'worse', significant: false }
 * @example compare(null, null, { kind: 'target', target: 45, tolerance: 0.05, better: 'lower' }, 'no new customers') // { target: 45, delta: null, …, reason: 'no value: no new customers' }
 */
export function compare(value: number | null, ci: Interval | null, bench: ResolvedBenchmark, nullReason?: string, evidence?: Evidence): Comparison {
  const benchmark = echo(bench);
  if (value === null) {
    const reason = nullReason === undefined || nullReason === '' ? 'no value' : `no value: ${nullReason}`;
    return { ...benchmark, delta: null, delta_pct: null, status: null, significant: null, reason };
  }
  if (!Number.isFinite(value)) throw new RangeError(`compare: the figure must be a finite number or null, got ${value}`);

  if (bench.kind === 'target') {
    const { target } = bench;
    const delta = value - target;
    const halfBand = bench.tolerance * Math.abs(target) + EDGE_SLACK * Math.abs(target);
    const status: Status = Math.abs(delta) <= halfBand ? 'on_target' : side(delta > 0 ? 1 : -1, bench.better);
    return {
      ...benchmark,
      delta,
      delta_pct: target === 0 ? null : delta / Math.abs(target),
      status,
      ...significance(ci, target, evidence),
    };
  }

  const { min, max } = bench;
  const violated = min !== undefined && value < min - EDGE_SLACK * Math.abs(min) ? min : max !== undefined && value > max + EDGE_SLACK * Math.abs(max) ? max : undefined;
  if (violated === undefined) return { ...benchmark, delta: 0, delta_pct: 0, status: 'on_target', ...significance(ci, undefined, evidence) };
  const delta = value - violated;
  return {
    ...benchmark,
    delta,
    delta_pct: violated === 0 ? null : delta / Math.abs(violated),
    status: side(delta > 0 ? 1 : -1, bench.better),
    ...significance(ci, violated, evidence),
  };
}
