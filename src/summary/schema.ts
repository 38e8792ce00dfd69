/**
 * channelbench.figure-inputs/v1: the figure inputs as a flat table, one row per
 * (period, channel) and one per period for the total row (channel "(all)").
 * It is what `channelbench sql` returns in the warehouse, what
 * `report --format summary` writes, and what `report --summary FILE` reads.
 * Every row repeats the run's settings, so one query result is one
 * self-describing file. The zod schema is the only definition of its shape;
 * docs/figure-inputs.schema.json is generated from it.
 */
import { z } from 'zod';

import { FIGURE_INPUTS_SCHEMA } from './schema-id.js';

export { FIGURE_INPUTS_SCHEMA };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day yyyy-MM-dd');
const count = z.number().int().nonnegative();
const money = z.number().finite();

/** Columns that describe the run (equal on every row). */
export const runColumns = {
  schema: z.literal(FIGURE_INPUTS_SCHEMA),
  window_start: day,
  /** Last day of the window, inclusive. */
  window_end: day,
  /** The start of the day after the latest order. */
  data_end: day,
  /** Empty (null) when the window is one period. */
  period_unit: z.enum(['day', 'week', 'month', 'quarter', 'year']).nullable(),
  week_start: z.enum(['monday', 'sunday']),
  margin: z.number().positive(),
  retention_days: z.number().int().positive(),
  clv_horizon_days: z.number().int().positive(),
  /** A JSON array of the cancelled statuses, e.g. ["cancelled","canceled","voided"]. */
  cancelled_statuses: z.string(),
  has_spend: z.boolean(),
  has_traffic: z.boolean(),
  has_nps: z.boolean(),
  has_customer_ids: z.boolean(),
};

/** Columns of one cell. */
export const cellColumns = {
  /** First day of the calendar period (the window's first day without --period). */
  period: day,
  /** Channel display name; "(all)" for the total row. */
  channel: z.string().min(1),
  orders: count,
  revenue: money,
  revenue_sq: money,
  /** Σ return values (≤ 0); refunds = −returns. */
  returns: money,
  customers: count,
  returning_customers: count,
  new_customers: count,
  spend: money,
  spend_rows: count,
  sessions: money,
  traffic_rows: count,
  /** orders; in the total row, the orders of channels with traffic rows in the period. */
  converting_orders: count,
  promoters: count,
  detractors: count,
  answers: count,
  retention_trials: count,
  retention_successes: count,
  clv_n: count,
  clv_sum: money,
  clv_sum_sq: money,
};

export const figureInputRowSchema = z.object({ ...runColumns, ...cellColumns }).strict();
export type FigureInputRow = z.infer<typeof figureInputRowSchema>;

/** Column order of the table (CSV header, SQL select list). */
export const FIGURE_INPUT_COLUMNS = [...Object.keys(runColumns), ...Object.keys(cellColumns)] as (keyof FigureInputRow)[];

/** Value kind of each column, for reading text (CSV) and for typing SQL output. */
export type ColumnKind = 'text' | 'day' | 'int' | 'number' | 'bool' | 'nullable-text';
export const COLUMN_KIND: Record<keyof FigureInputRow, ColumnKind> = {
  schema: 'text',
  window_start: 'day',
  window_end: 'day',
  data_end: 'day',
  period_unit: 'nullable-text',
  week_start: 'text',
  margin: 'number',
  retention_days: 'int',
  clv_horizon_days: 'int',
  cancelled_statuses: 'text',
  has_spend: 'bool',
  has_traffic: 'bool',
  has_nps: 'bool',
  has_customer_ids: 'bool',
  period: 'day',
  channel: 'text',
  orders: 'int',
  revenue: 'number',
  revenue_sq: 'number',
  returns: 'number',
  customers: 'int',
  returning_customers: 'int',
  new_customers: 'int',
  spend: 'number',
  spend_rows: 'int',
  sessions: 'number',
  traffic_rows: 'int',
  converting_orders: 'int',
  promoters: 'int',
  detractors: 'int',
  answers: 'int',
  retention_trials: 'int',
  retention_successes: 'int',
  clv_n: 'int',
  clv_sum: 'number',
  clv_sum_sq: 'number',
};

/** The published JSON Schema (draft 2020-12): a document `{ schema, rows }` or a bare array of rows. */
export function figureInputsJsonSchema(): unknown {
  const row = z.toJSONSchema(figureInputRowSchema) as Record<string, unknown>;
  delete row.$schema;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: FIGURE_INPUTS_SCHEMA,
    description: 'The figure inputs of a channelbench report: one row per (period, channel) and per period for the total row "(all)". See docs/warehouse.md.',
    $defs: { row },
    oneOf: [
      { type: 'array', items: { $ref: '#/$defs/row' } },
      {
        type: 'object',
        properties: { schema: { const: FIGURE_INPUTS_SCHEMA }, rows: { type: 'array', items: { $ref: '#/$defs/row' } } },
        required: ['rows'],
        additionalProperties: false,
      },
    ],
  };
}
