/**
 * The benchmarks file (SPEC §4): the zod schema is the only definition of its
 * shape; the types below are inferred from it. Messages are worded in
 * issue-messages.ts; this file only adds the cross-field rules zod cannot express.
 *
 *     { "name"?, "tolerance"? (≥ 0, default 0.05),
 *       "metrics": { <metric key>: { "target" | "min"/"max", "tolerance"?, "better"?, "source"?, "min_sample"?,
 *                                    "channels"?: { <channel>: number | { "target" | "min"/"max", "tolerance"? } },
 *                                    "observed"? } } }
 */
import { z } from 'zod';
import { BENCHMARK_KEYS } from '../model.js';
import { channelKey } from '../model.js';
import { DEFAULT_MIN_SAMPLE, minSampleSchema } from '../model/comparison.js';

/** The relative band around a target when neither the entry nor the file sets one. */
export const DEFAULT_TOLERANCE = 0.05;

export { DEFAULT_MIN_SAMPLE, minSampleSchema };

/** The cross-field messages (the ones zod has no code for). */
export const FORM_MESSAGES = {
  targetAndRange: 'give either target or min/max, not both',
  /** @example FORM_MESSAGES.minAboveMax(5, 3) // 'min 5 is above max 3' */
  minAboveMax: (min: number, max: number): string => `min ${min} is above max ${max}`,
  noBenchmark: 'give a target, or min and/or max (or "target": null to leave it unset)',
  emptyOverride: 'give a target, min and/or max, or a tolerance',
  emptyChannel: 'empty channel name',
  /** @example FORM_MESSAGES.sameChannel('store') // 'same channel as "store" (channel names are compared …)' */
  sameChannel: (first: string): string => `same channel as "${first}" (channel names are compared trimmed and case-insensitively)`,
} as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const given = (o: Record<string, unknown>, key: string): boolean => o[key] !== undefined && o[key] !== null;

/**
 * The rules shared by metric entries and channel overrides: target XOR min/max,
 * min ≤ max. Runs even when other fields failed (to list every problem at once),
 * so it reads the raw object defensively.
 */
function checkForm(o: unknown, ctx: z.RefinementCtx): void {
  if (!isObject(o)) return;
  if (given(o, 'target') && (given(o, 'min') || given(o, 'max'))) ctx.addIssue({ code: 'custom', message: FORM_MESSAGES.targetAndRange });
  const { min, max } = o;
  if (typeof min === 'number' && typeof max === 'number' && min > max) ctx.addIssue({ code: 'custom', message: FORM_MESSAGES.minAboveMax(min, max) });
}

const always = { when: () => true } as const;

/** Per-channel override: an object form (a bare number is a target; see the union below). */
export const channelOverrideObjectSchema = z
  .strictObject({
    target: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    tolerance: z.number().min(0).optional(),
  })
  .superRefine((o, ctx) => {
    checkForm(o, ctx);
    if (isObject(o) && !['target', 'min', 'max', 'tolerance'].some((k) => given(o, k))) ctx.addIssue({ code: 'custom', message: FORM_MESSAGES.emptyOverride });
  }, always);

/** A channel override: a bare number (a target) or an object. */
export const channelOverrideSchema = z.union([z.number(), channelOverrideObjectSchema]);

/** No two override keys may name the same channel, and none may be blank. */
function checkChannelNames(channels: unknown, ctx: z.RefinementCtx): void {
  if (!isObject(channels)) return;
  const seen = new Map<string, string>();
  for (const name of Object.keys(channels)) {
    const key = channelKey(name);
    const first = seen.get(key);
    if (key === '') ctx.addIssue({ code: 'custom', message: FORM_MESSAGES.emptyChannel, path: ['channels', name] });
    else if (first !== undefined) ctx.addIssue({ code: 'custom', message: FORM_MESSAGES.sameChannel(first), path: ['channels', name] });
    else seen.set(key, name);
  }
}

/** The benchmark of one metric. */
export const metricBenchmarkSchema = z
  .strictObject({
    /** null: a skeleton entry written by `init`, not filled in yet (no default benchmark). */
    target: z.number().nullable().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    tolerance: z.number().min(0).optional(),
    better: z.enum(['higher', 'lower']).optional(),
    source: z.string().optional(),
    /** The least n for this metric's figures to count as significant (default: config settings.min_sample, else 30). */
    min_sample: minSampleSchema.optional(),
    channels: z.record(z.string(), channelOverrideSchema).optional(),
    /** The value `init` saw (the total row); informational, ignored. */
    observed: z.number().nullable().optional(),
  })
  .superRefine((o, ctx) => {
    checkForm(o, ctx);
    if (!isObject(o)) return;
    checkChannelNames(o.channels, ctx);
    // Any target key (null included: a skeleton) counts; so do overrides, even malformed ones (reported on their own).
    const hasForm = 'target' in o || given(o, 'min') || given(o, 'max') || given(o, 'channels');
    if (!hasForm) ctx.addIssue({ code: 'custom', message: FORM_MESSAGES.noBenchmark });
  }, always);

export const benchmarksSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().optional(),
  tolerance: z.number().min(0).default(DEFAULT_TOLERANCE),
  metrics: z.partialRecord(z.enum(BENCHMARK_KEYS), metricBenchmarkSchema),
});

/** A parsed benchmarks file (file tolerance defaulted). */
export type Benchmarks = z.output<typeof benchmarksSchema>;
/** One metric's entry. */
export type MetricBenchmark = z.output<typeof metricBenchmarkSchema>;
/** One channel override: a bare number (a target) or an object. */
export type ChannelOverride = z.output<typeof channelOverrideSchema>;

/** The keys each object of the file allows, for "unknown key" messages. */
export const ALLOWED_KEYS = {
  file: Object.keys(benchmarksSchema.shape),
  metric: Object.keys(metricBenchmarkSchema.shape),
  channel: Object.keys(channelOverrideObjectSchema.shape),
} as const;
