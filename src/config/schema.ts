/**
 * channelbench.config.json: the zod schema is the only definition of its shape.
 */
import { z } from 'zod';
import { ROLE_FIELDS, WEEK_STARTS } from '../model.js';
import { minSampleSchema } from '../model/comparison.js';
import { daysSchema, marginSchema, currencySchema } from './setting-schemas.js';

const columnsFor = <T extends readonly [string, ...string[]]>(fields: T) =>
  z.partialRecord(z.enum(fields), z.string().min(1)).optional();

export { currencySchema, daysSchema, marginSchema, SETTING_RANGES } from './setting-schemas.js';

export const settingsSchema = z
  .object({
    margin: marginSchema('').optional(),
    retention_days: daysSchema('').optional(),
    clv_horizon_days: daysSchema('').optional(),
    cancelled_statuses: z.array(z.string()).optional(),
    week_start: z.enum(WEEK_STARTS).optional(),
    /** Reporting time zone, an IANA name (checked when the run starts). */
    timezone: z.string().min(1).optional(),
    locale: z.string().min(2).optional(),
    currency: currencySchema('').optional(),
    fx_max_age_days: z.number().int().min(0).max(366).optional(),
    decimal_comma: z.boolean().optional(),
    date_format: z.string().min(1).optional(),
    /** The least n for a figure with sampling error to be significant (default 30; per metric in the benchmarks file). */
    min_sample: minSampleSchema.optional(),
  })
  .strict();

const sourceFor = <T extends readonly [string, ...string[]]>(fields: T) =>
  z
    .object({
      /** Table name, optionally qualified (`schema.orders`, `project.dataset.orders`). */
      table: z.string().min(1).optional(),
      /** Canonical field (or `line`, a column giving the input order) → the table's column. */
      columns: z.partialRecord(z.enum([...fields, 'line']), z.string().min(1)).optional(),
    })
    .strict()
    .optional();

export const sourcesSchema = z
  .object({
    orders: sourceFor(ROLE_FIELDS.orders as unknown as readonly [string, ...string[]]),
    spend: sourceFor(ROLE_FIELDS.spend as unknown as readonly [string, ...string[]]),
    traffic: sourceFor(ROLE_FIELDS.traffic as unknown as readonly [string, ...string[]]),
    nps: sourceFor(ROLE_FIELDS.nps as unknown as readonly [string, ...string[]]),
  })
  .strict();

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    columns: z
      .object({
        orders: columnsFor(ROLE_FIELDS.orders as unknown as readonly [string, ...string[]]),
        spend: columnsFor(ROLE_FIELDS.spend as unknown as readonly [string, ...string[]]),
        traffic: columnsFor(ROLE_FIELDS.traffic as unknown as readonly [string, ...string[]]),
        nps: columnsFor(ROLE_FIELDS.nps as unknown as readonly [string, ...string[]]),
      })
      .strict()
      .optional(),
    channels: z
      .object({
        aliases: z.record(z.string(), z.string().min(1)).optional(),
        /** Derive channels from source / medium / campaign with a built-in grouping (--channel-grouping). */
        grouping: z.enum(['ga4']).optional(),
        /** Own rules, evaluated before the built-in ones: each given field matches exactly (case-insensitive) or as /regex/. */
        rules: z
          .array(
            z
              .object({ source: z.string().optional(), medium: z.string().optional(), campaign: z.string().optional(), channel: z.string().min(1) })
              .strict()
              .refine((r) => r.source !== undefined || r.medium !== undefined || r.campaign !== undefined, 'a rule needs source, medium or campaign'),
          )
          .optional(),
      })
      .strict()
      .optional(),
    settings: settingsSchema.optional(),
    /** Tables of the SQL engines and `channelbench sql` (docs/warehouse.md). */
    sources: sourcesSchema.optional(),
    /** Inline benchmarks, or a path to a benchmarks file (relative to the config). */
    benchmarks: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type ConfigSettings = z.infer<typeof settingsSchema>;
