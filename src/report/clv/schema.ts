/**
 * The zod schema of channelbench.clv/v1 (`clv --format json`): the source of the
 * published JSON Schema, docs/clv.schema.json (written by `npm run docs`). The
 * document's TypeScript types are model.ts's interfaces; the compiler checks
 * below that they and this schema describe the same shape, both ways.
 */
import { z } from 'zod';
import { PERIOD_UNITS, WEEK_STARTS } from '../../model.js';
import { benchmarkResultSchema, inputStatsSchema } from '../schema.js';
import { CLV_SCHEMA, type ClvDoc } from './model.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().min(0);
const estimate = z.object({ value: z.number(), se: z.number() }).strict();
const interval = z.tuple([z.number(), z.number()]);

const clvRowSchema = z
  .object({
    channel: z.string(),
    model: z.enum(['own', 'pooled']),
    model_note: z.string().nullable(),
    customers: count,
    repeat_customers: count,
    parameters: z
      .object({
        bgnbd: z.object({ r: estimate, alpha: estimate, a: estimate, b: estimate, log_likelihood: z.number() }).strict(),
        gamma_gamma: z.object({ p: estimate, q: estimate, gamma: estimate, log_likelihood: z.number() }).strict(),
      })
      .strict(),
    frequency_spend_correlation: z.number().nullable(),
    metrics: z
      .object({
        p_alive: z.number(),
        expected_purchases: z.number(),
        expected_spend: z.number(),
        predicted_clv: z.number(),
        clv: z.number().nullable(),
        spend: z.number().nullable(),
        cac: z.number().nullable(),
        predicted_clv_cac: z.number().nullable(),
      })
      .strict(),
    ci: z.object({ predicted_clv: interval.optional(), predicted_clv_cac: interval.optional() }).strict(),
    reasons: z.object({ clv: z.string().optional(), cac: z.string().optional(), predicted_clv_cac: z.string().optional(), predicted_clv_ci: z.string().optional() }).strict(),
    benchmarks: z.object({ predicted_clv: benchmarkResultSchema.optional(), predicted_clv_cac: benchmarkResultSchema.optional() }).strict(),
    holdout: z.object({ predicted: z.number(), actual: z.number(), error: z.number(), error_pct: z.number().nullable() }).strict().nullable(),
  })
  .strict();

export const clvDocSchema = z
  .object({
    schema: z.literal(CLV_SCHEMA),
    as_of: day,
    window: z.object({ start: day, end: day, data_end: day, partial: z.boolean() }).strict(),
    period_unit: z.enum(PERIOD_UNITS).nullable(),
    settings: z.object({ week_start: z.enum(WEEK_STARTS), timezone: z.string(), currency: z.string().nullable(), cancelled_statuses: z.array(z.string()) }).strict(),
    inputs: z.array(inputStatsSchema),
    unit: z.enum(['day', 'week']),
    horizon: z.object({ text: z.string(), units: z.number() }).strict(),
    calibration_end: day,
    holdout: z.object({ start: day, end: day, units: z.number() }).strict().nullable(),
    model_settings: z
      .object({
        margin: z.number(),
        discount_annual: z.number(),
        discount_per_unit: z.number(),
        confidence: z.number(),
        interval: z.enum(['parametric', 'customer']),
        draws: count,
        seed: z.number().int(),
        floor: z.object({ customers: count, repeat_customers: count }).strict(),
        clv_horizon_days: z.number().int(),
        correlation_warning: z.number(),
      })
      .strict(),
    warnings: z.array(z.string()),
    rows: z.array(clvRowSchema),
  })
  .strict();

// The interfaces and the schema agree (a compile error here means one changed without the other).
// (zod's optional properties admit `undefined`; the interfaces, under exactOptionalPropertyTypes, do not.)
type Parsed = z.infer<typeof clvDocSchema>;
type Defined<T> = T extends object ? { [K in keyof T]: Defined<Exclude<T[K], undefined>> } : T;
export const schemaAcceptsDoc = (d: ClvDoc): Parsed => d;
export const docAcceptsSchema = (d: Defined<Parsed>): ClvDoc => d;

/** The published JSON Schema (draft 2020-12) of `clv --format json`. */
export function clvJsonSchema(): unknown {
  return { title: CLV_SCHEMA, ...(z.toJSONSchema(clvDocSchema) as Record<string, unknown>) };
}
