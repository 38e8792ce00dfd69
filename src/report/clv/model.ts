/**
 * The channelbench.clv/v1 document: built once by the `clv` pipeline, rendered
 * as table, csv, tsv, json, ndjson and markdown.
 */
import type { RunHeader } from '../crosschannel/run-header.js';
import type { BenchmarkResult } from '../model.js';
import type { PredictiveMetricKey } from '../../model.js';

export const CLV_SCHEMA = 'channelbench.clv/v1';

export type ClvUnit = 'day' | 'week';

export interface Estimate {
  value: number;
  se: number;
}

export interface ClvParameters {
  bgnbd: { r: Estimate; alpha: Estimate; a: Estimate; b: Estimate; log_likelihood: number };
  gamma_gamma: { p: Estimate; q: Estimate; gamma: Estimate; log_likelihood: number };
}

export interface ClvHoldout {
  /** Σ over the row's customers of E[repeat purchase days in the holdout]. */
  predicted: number;
  /** Purchase days they actually made in the holdout. */
  actual: number;
  /** predicted − actual. */
  error: number;
  /** error / actual; null when actual is 0. */
  error_pct: number | null;
}

export interface ClvRow {
  /** Acquisition channel, or `(all)` (the pooled fit). */
  channel: string;
  /** Which fit the row uses: its own, or the pooled one (see `model_note`). */
  model: 'own' | 'pooled';
  model_note: string | null;
  customers: number;
  repeat_customers: number;
  /** The fit the row uses (the pooled one when model = pooled). */
  parameters: ClvParameters;
  /** Pearson correlation of x and z̄ over the row's repeat customers; Gamma-Gamma assumes 0. */
  frequency_spend_correlation: number | null;
  metrics: {
    p_alive: number;
    expected_purchases: number;
    expected_spend: number;
    predicted_clv: number;
    clv: number | null;
    spend: number | null;
    cac: number | null;
    predicted_clv_cac: number | null;
  };
  /** Interval of predicted_clv at `settings.confidence` (and of predicted_clv_cac, divided by cac). */
  ci: Partial<Record<PredictiveMetricKey, [number, number]>>;
  reasons: Partial<Record<'clv' | 'cac' | 'predicted_clv_cac' | 'predicted_clv_ci', string>>;
  benchmarks: Partial<Record<PredictiveMetricKey, BenchmarkResult>>;
  holdout: ClvHoldout | null;
}

export interface ClvDoc extends RunHeader {
  schema: typeof CLV_SCHEMA;
  /** The model's time unit: x, t_x, T and the horizon are counted in it. */
  unit: ClvUnit;
  /** The horizon as given, and in model units. */
  horizon: { text: string; units: number };
  /** Last day of the calibration period (inclusive): the fit sees the purchases up to it. */
  calibration_end: string;
  /** The holdout period (inclusive days) and its length in units, or null. */
  holdout: { start: string; end: string; units: number } | null;
  model_settings: {
    margin: number;
    discount_annual: number;
    discount_per_unit: number;
    confidence: number;
    interval: 'parametric' | 'customer';
    draws: number;
    seed: number;
    floor: { customers: number; repeat_customers: number };
    clv_horizon_days: number;
    correlation_warning: number;
  };
  warnings: string[];
  /** Acquisition channels by customers descending then name, the pooled `(all)` last. */
  rows: ClvRow[];
}
