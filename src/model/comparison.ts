/**
 * A figure against its benchmark (SPEC §4): the one shape, used by
 * benchmarks/compare.ts (which computes it) and by the report schema (which
 * publishes it, plus the benchmark's `source`).
 */
import { z } from 'zod';

export const STATUSES = ['better', 'on_target', 'worse'] as const;
export type Status = (typeof STATUSES)[number];

export const comparisonSchema = z
  .object({
    /** The benchmark used: a target, or min and/or max. */
    target: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    /** value − target, or value − the violated bound (0 inside [min, max]); null for a null figure. */
    delta: z.number().nullable(),
    /** delta / |target or bound|; null when that is 0 or the figure is null. */
    delta_pct: z.number().nullable(),
    status: z.enum(STATUSES).nullable(),
    /**
     * false: the benchmark (target, or violated bound) lies inside the confidence
     * interval, so the miss (or hit) may be noise. true: outside it. null: no
     * interval (a count or sum, no sampling error), or no figure. Gates treat null
     * as significant: a figure without sampling error is what it is.
     */
    significant: z.boolean().nullable(),
    /**
     * 'insufficient': a figure with sampling error whose n is below min_sample or
     * that has no interval (a mean of one value); its significant is false.
     */
    sample: z.literal('insufficient').optional(),
  })
  .strict();

export type Comparison = z.infer<typeof comparisonSchema> & {
  /** Why there is no status: 'no value: <reason of the null figure>' (not in the report). */
  reason?: string;
};

/**
 * The least sample size for a figure with sampling error to count as significant
 * (SPEC §4 "Evidence"), unless the metric's entry or config `settings.min_sample`
 * says otherwise.
 */
export const DEFAULT_MIN_SAMPLE = 30;

/** The bound of every min_sample setting (a whole number of observations). */
export const minSampleSchema = z.number().int().min(0).max(1_000_000_000);
