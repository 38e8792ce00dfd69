/**
 * Which benchmark applies to one figure: the channel's override or the metric's
 * default, with `better` and `tolerance` filled in.
 */
import { definitionOf, type Better } from '../metrics/definitions.js';
import type { BenchmarkKey } from '../model.js';
import { channelKey } from '../model.js';
import type { Benchmarks, MetricBenchmark } from './schema.js';

interface ResolvedCommon {
  better: Better;
  /** The entry's `source` text, when given. */
  source?: string;
  /** The entry's `min_sample`, when given (else the run's). */
  minSample?: number;
  /** The override key as written in the file, when a channel override applied. */
  channel?: string;
}

/** A target with a relative band: on target within target·(1 ± tolerance). */
export interface TargetBenchmark extends ResolvedCommon {
  kind: 'target';
  target: number;
  tolerance: number;
}

/** A range: on target within [min, max]; at least one bound is set. */
export interface RangeBenchmark extends ResolvedCommon {
  kind: 'range';
  min?: number;
  max?: number;
}

export type ResolvedBenchmark = TargetBenchmark | RangeBenchmark;

type Form = { target: number } | { min?: number; max?: number } | null;

/** The target or min/max that an object gives, or null when it gives neither. */
function formOf(o: { target?: number | null | undefined; min?: number | undefined; max?: number | undefined }): Form {
  if (typeof o.target === 'number') return { target: o.target };
  if (o.min === undefined && o.max === undefined) return null;
  return { ...(o.min === undefined ? {} : { min: o.min }), ...(o.max === undefined ? {} : { max: o.max }) };
}

/** The override of `channel` in an entry (keys matched trimmed and case-insensitively). */
function overrideFor(entry: MetricBenchmark, channel: string): [string, NonNullable<MetricBenchmark['channels']>[string]] | undefined {
  if (!entry.channels) return undefined;
  const key = channelKey(channel);
  return Object.entries(entry.channels).find(([name]) => channelKey(name) === key);
}

/**
 * The benchmark of metric `key` for `channel`, or null when there is none.
 *
 *     form      = channel override's target or min/max  ??  the entry's
 *                 (a bare-number override is a target; an override giving only a tolerance keeps the entry's form)
 *     tolerance = override's ?? entry's ?? file's (default 0.05)
 *     better    = entry's ?? METRICS[key].better
 *
 * Null when the file has no entry for the metric, or the entry is a skeleton
 * (`"target": null`) or has only overrides and none matches the channel.
 * @example benchmarkFor(b, 'aov', ' Store') // { kind: 'target', target: 60, tolerance: 0.05, better: 'higher', channel: 'store' }
 * @example benchmarkFor(b, 'cac', 'web') // { kind: 'target', target: 45, tolerance: 0.05, better: 'lower' }
 */
export function benchmarkFor(b: Benchmarks, key: BenchmarkKey, channel: string): ResolvedBenchmark | null {
  const entry = b.metrics[key];
  if (!entry) return null;
  let form = formOf(entry);
  let tolerance = entry.tolerance ?? b.tolerance;
  const override = overrideFor(entry, channel);
  if (override) {
    const [name, value] = override;
    if (typeof value === 'number') form = { target: value };
    else {
      form = formOf(value) ?? form;
      tolerance = value.tolerance ?? tolerance;
    }
    if (form === null) return null;
    return build(form, tolerance, entry, key, name);
  }
  return form === null ? null : build(form, tolerance, entry, key, undefined);
}

function build(form: NonNullable<Form>, tolerance: number, entry: MetricBenchmark, key: BenchmarkKey, channel: string | undefined): ResolvedBenchmark {
  const common: ResolvedCommon = {
    better: entry.better ?? definitionOf(key).better,
    ...(entry.source === undefined ? {} : { source: entry.source }),
    ...(entry.min_sample === undefined ? {} : { minSample: entry.min_sample }),
    ...(channel === undefined ? {} : { channel }),
  };
  return 'target' in form ? { kind: 'target', target: form.target, tolerance, ...common } : { kind: 'range', ...form, ...common };
}
