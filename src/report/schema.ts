/**
 * The zod schema of channelbench.report/v1: the contract of --format json, the
 * source of the published JSON Schema (docs/report.schema.json), and the
 * validator of --baseline files.
 */
import { z } from 'zod';
import { METRIC_KEYS, PERIOD_UNITS, ROLES, WEEK_STARTS } from '../model.js';
import { comparisonSchema } from '../model/comparison.js';

import { REPORT_SCHEMA } from './schema-id.js';

export { REPORT_SCHEMA };

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
    metrics: z.record(metricKey, z.number().nullable()),
    reasons: z.partialRecord(metricKey, z.string()),
    /** Optional so that reports written before sample sizes were added still load as --baseline. */
    n: z.partialRecord(metricKey, z.number()).optional(),
    ci: z.partialRecord(metricKey, z.tuple([z.number(), z.number()])),
    benchmarks: z.partialRecord(metricKey, benchmarkResultSchema),
    previous: z.partialRecord(metricKey, changeSchema).optional(),
    baseline: z.partialRecord(metricKey, changeSchema).optional(),
  })
  .strict();

/** A row as a JSON file carries it: `--columns` writes only the chosen metrics (a --baseline file may have fewer). */
export const reportRowFileSchema = reportRowSchema.extend({ metrics: z.partialRecord(metricKey, z.number().nullable()) });

/** A row count. */
const count = z.number().int().min(0);

/** The per-file input statistics every machine-readable output carries. */
export const inputStatsSchema = z
  .object({
    role: z.enum(ROLES),
    file: z.string(),
    format: z.string(),
    rows_read: count.describe(
      'Data rows read. Orders: rows_read = rows_used + rows_skipped + rows_cancelled + rows_merged + continuation_lines + rows_outside + rows_dropped; other roles: rows_read = rows_used + rows_skipped + rows_outside + rows_dropped.',
    ),
    rows_used: count.optional().describe('Rows the figures use. Orders: orders that start a purchase, return or zero-value order dated before the window end (one first line each).'),
    rows_skipped: count.describe('Invalid rows skipped with --skip-invalid.'),
    rows_cancelled: count.describe('Rows with a cancelled status, and later lines of a cancelled order.'),
    rows_merged: count.optional().describe('Later lines of an order (same order_id) that carry a value, added to the order.'),
    continuation_lines: count.describe('Later lines of an order with no value (e.g. Shopify puts the total on the first line).'),
    rows_outside: count
      .optional()
      .describe('Rows (orders: orders) dated outside every period the figures use: on or after data end or the window end, or (other roles) before the first period.'),
    rows_dropped: count.optional().describe('Rows the --preset recognised as not data (e.g. a GA4 totals row).'),
    orders: count.nullable().describe('Orders after the line-item merge (orders role; null for others).'),
    zero_value_orders: count.nullable().optional().describe('Orders whose lines sum to 0: neither purchases nor returns (orders role; null for others).'),
    line_conflicts: z
      .object({ date: count, customer_id: count, channel: count })
      .strict()
      .nullable()
      .optional()
      .describe("Later lines whose date, customer or channel differs from their order's first line (the first line wins); a line may count under several fields."),
    converted_rows: z.record(z.string(), z.number().int()).optional(),
    not_counted: z
      .array(z.string())
      .optional()
      .describe(
        "Statistics this engine cannot count, reported as null: the SQL engines (--engine duckdb|postgres) list line_conflicts (comparing each later line with its order's first line is not done in SQL).",
      ),
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

/** The report as `--format json` writes it and `--baseline` reads it: rows may hold a subset of the metrics. */
export const reportFileSchema = reportSchema.extend({ rows: z.array(reportRowFileSchema) });

// The report's types: one definition, the schema (z.infer). A row built by
// buildReport has every metric (Report); a row read back from a file may not
// (ReportFile: --columns writes a subset).
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;
/** A figure compared with its benchmark (SPEC §4). */
export type BenchmarkResult = z.infer<typeof benchmarkResultSchema>;
/** A figure against an earlier one (the previous period, or a baseline report). */
export type Change = z.infer<typeof changeSchema>;
export type ReportRow = z.infer<typeof reportRowSchema>;
export type InputStats = z.infer<typeof inputStatsSchema>;
export type Report = z.infer<typeof reportSchema>;
export type ReportFile = z.infer<typeof reportFileSchema>;

/** The published JSON Schema (draft 2020-12) of the report. */
export function reportJsonSchema(): unknown {
  return {
    title: 'channelbench.report/v1',
    ...(z.toJSONSchema(reportFileSchema) as Record<string, unknown>),
  };
}
