/**
 * The zod schema of channelbench.report/v1: the contract of --format json, the
 * source of the published JSON Schema (docs/report.schema.json), and the
 * validator of --baseline files.
 */
import { z } from 'zod';
import { METRIC_KEYS, PERIOD_UNITS, ROLES, WEEK_STARTS } from '../model.js';
import { comparisonSchema } from '../model/comparison.js';

export const REPORT_SCHEMA = 'channelbench.report/v1';

const metricKey = z.enum(METRIC_KEYS);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const reportPeriodSchema = z.object({ label: day, start: day, end: day, partial: z.boolean() }).strict();

/** A comparison as the report publishes it: with the benchmark's source. */
export const benchmarkResultSchema = comparisonSchema.extend({ source: z.string().optional() });

export const changeSchema = z
  .object({ value: z.number().nullable(), change: z.number().nullable(), change_pct: z.number().nullable(), significant: z.boolean().nullable() })
  .strict();

export const reportRowSchema = z
  .object({
    period: reportPeriodSchema.nullable(),
    channel: z.string(),
    metrics: z.partialRecord(metricKey, z.number().nullable()),
    reasons: z.partialRecord(metricKey, z.string()),
    /** Optional so that reports written before sample sizes were added still load as --baseline. */
    n: z.partialRecord(metricKey, z.number()).optional(),
    ci: z.partialRecord(metricKey, z.tuple([z.number(), z.number()])),
    benchmarks: z.partialRecord(metricKey, benchmarkResultSchema),
    previous: z.partialRecord(metricKey, changeSchema).optional(),
    baseline: z.partialRecord(metricKey, changeSchema).optional(),
  })
  .strict();

/** The per-file input statistics every machine-readable output carries. */
export const inputStatsSchema = z
  .object({
    role: z.enum(ROLES),
    file: z.string(),
    format: z.string(),
    rows_read: z.number().int(),
    rows_skipped: z.number().int(),
    rows_cancelled: z.number().int(),
    continuation_lines: z.number().int(),
    orders: z.number().int().nullable(),
    converted_rows: z.record(z.string(), z.number().int()).optional(),
  })
  .strict();

export const reportSchema = z
  .object({
    schema: z.literal(REPORT_SCHEMA),
    window: z.object({ start: day, end: day, data_end: day, partial: z.boolean() }).strict(),
    period_unit: z.enum(PERIOD_UNITS).nullable(),
    periods: z.array(reportPeriodSchema),
    settings: z
      .object({
        margin: z.number(),
        retention_days: z.number().int(),
        clv_horizon_days: z.number().int(),
        week_start: z.enum(WEEK_STARTS),
        timezone: z.string().optional(),
        currency: z.string().nullable().optional(),
        cancelled_statuses: z.array(z.string()),
        confidence: z.number().nullable(),
        min_sample: z.number().int().optional(),
      })
      .strict(),
    inputs: z.array(inputStatsSchema),
    channels: z.array(z.string()),
    rows: z.array(reportRowSchema),
  })
  .strict();

// The report's types: one definition, the schema (z.infer). A row built by
// buildReport has every metric; a row read back (--baseline, --columns) may not.
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;
/** A figure compared with its benchmark (SPEC §4). */
export type BenchmarkResult = z.infer<typeof benchmarkResultSchema>;
/** A figure against an earlier one (the previous period, or a baseline report). */
export type Change = z.infer<typeof changeSchema>;
export type ReportRow = z.infer<typeof reportRowSchema>;
export type InputStats = z.infer<typeof inputStatsSchema>;
export type Report = z.infer<typeof reportSchema>;

/** The published JSON Schema (draft 2020-12) of the report. */
export function reportJsonSchema(): unknown {
  return {
    title: 'channelbench.report/v1',
    ...(z.toJSONSchema(reportSchema) as Record<string, unknown>),
  };
}
