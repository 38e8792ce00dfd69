/**
 * The zod schema of channelbench.report/v1: the contract of --format json, the
 * source of the published JSON Schema (docs/report.schema.json), and the
 * validator of --baseline files.
 */
import { z } from 'zod';
import { METRIC_KEYS } from '../model.js';

const metricKey = z.enum(METRIC_KEYS);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const reportPeriodSchema = z.object({ label: day, start: day, end: day, partial: z.boolean() }).strict();

export const benchmarkResultSchema = z
  .object({
    target: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    delta: z.number().nullable(),
    delta_pct: z.number().nullable(),
    status: z.enum(['better', 'on_target', 'worse']).nullable(),
    significant: z.boolean().nullable(),
    sample: z.literal('insufficient').optional(),
    source: z.string().optional(),
  })
  .strict();

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

export const reportSchema = z
  .object({
    schema: z.literal('channelbench.report/v1'),
    window: z.object({ start: day, end: day, data_end: day, partial: z.boolean() }).strict(),
    period_unit: z.enum(['day', 'week', 'month', 'quarter', 'year']).nullable(),
    periods: z.array(reportPeriodSchema),
    settings: z
      .object({
        margin: z.number(),
        retention_days: z.number().int(),
        clv_horizon_days: z.number().int(),
        week_start: z.enum(['monday', 'sunday']),
        timezone: z.string().optional(),
        currency: z.string().nullable().optional(),
        cancelled_statuses: z.array(z.string()),
        confidence: z.number().nullable(),
        min_sample: z.number().int().optional(),
      })
      .strict(),
    inputs: z.array(
      z
        .object({
          role: z.enum(['orders', 'spend', 'traffic', 'nps']),
          file: z.string(),
          format: z.string(),
          rows_read: z.number().int(),
          rows_skipped: z.number().int(),
          rows_cancelled: z.number().int(),
          continuation_lines: z.number().int(),
          orders: z.number().int().nullable(),
          converted_rows: z.record(z.string(), z.number().int()).optional(),
        })
        .strict(),
    ),
    channels: z.array(z.string()),
    rows: z.array(reportRowSchema),
  })
  .strict();

/** The published JSON Schema (draft 2020-12) of the report. */
export function reportJsonSchema(): unknown {
  return {
    title: 'channelbench.report/v1',
    ...(z.toJSONSchema(reportSchema) as Record<string, unknown>),
  };
}
