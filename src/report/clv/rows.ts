/**
 * The flat view of a clv document (csv, tsv, ndjson): one record per channel
 * row, stable column order; holdout and benchmark columns only when the run has
 * them.
 */
import { PREDICTIVE_METRIC_KEYS } from '../../model.js';
import type { CsvCell } from '../csv.js';
import type { ClvDoc, ClvRow } from './model.js';

const BASE = [
  'channel', 'model', 'model_note', 'customers', 'repeat_customers',
  'r', 'r_se', 'alpha', 'alpha_se', 'a', 'a_se', 'b', 'b_se', 'bgnbd_log_likelihood',
  'p', 'p_se', 'q', 'q_se', 'gamma', 'gamma_se', 'gamma_gamma_log_likelihood', 'frequency_spend_correlation',
  'p_alive', 'expected_purchases', 'expected_spend', 'predicted_clv', 'predicted_clv_low', 'predicted_clv_high',
  'clv', 'spend', 'cac', 'predicted_clv_cac', 'predicted_clv_cac_low', 'predicted_clv_cac_high',
  'unit', 'horizon_units', 'calibration_end',
] as const;
const HOLDOUT = ['holdout_predicted', 'holdout_actual', 'holdout_error', 'holdout_error_pct'] as const;

/** The benchmarked keys of the document, in key order. */
function benchmarked(doc: ClvDoc): (typeof PREDICTIVE_METRIC_KEYS)[number][] {
  return PREDICTIVE_METRIC_KEYS.filter((k) => doc.rows.some((r) => r.benchmarks[k] !== undefined));
}

export function clvColumns(doc: ClvDoc): string[] {
  const cols: string[] = [...BASE];
  if (doc.holdout) cols.push(...HOLDOUT);
  for (const k of benchmarked(doc)) cols.push(`${k}_benchmark`, `${k}_status`, `${k}_significant`);
  return cols;
}

function benchmarkValue(b: ClvRow['benchmarks'][keyof ClvRow['benchmarks']]): number | null {
  if (!b) return null;
  return b.target ?? b.min ?? b.max ?? null;
}

export function clvRecord(doc: ClvDoc, r: ClvRow): Record<string, CsvCell> {
  const { bgnbd: bg, gamma_gamma: gg } = r.parameters;
  const m = r.metrics;
  const rec: Record<string, CsvCell> = {
    channel: r.channel,
    model: r.model,
    model_note: r.model_note,
    customers: r.customers,
    repeat_customers: r.repeat_customers,
    r: bg.r.value, r_se: bg.r.se, alpha: bg.alpha.value, alpha_se: bg.alpha.se, a: bg.a.value, a_se: bg.a.se, b: bg.b.value, b_se: bg.b.se,
    bgnbd_log_likelihood: bg.log_likelihood,
    p: gg.p.value, p_se: gg.p.se, q: gg.q.value, q_se: gg.q.se, gamma: gg.gamma.value, gamma_se: gg.gamma.se,
    gamma_gamma_log_likelihood: gg.log_likelihood,
    frequency_spend_correlation: r.frequency_spend_correlation,
    p_alive: m.p_alive,
    expected_purchases: m.expected_purchases,
    expected_spend: m.expected_spend,
    predicted_clv: m.predicted_clv,
    predicted_clv_low: r.ci.predicted_clv?.[0] ?? null,
    predicted_clv_high: r.ci.predicted_clv?.[1] ?? null,
    clv: m.clv,
    spend: m.spend,
    cac: m.cac,
    predicted_clv_cac: m.predicted_clv_cac,
    predicted_clv_cac_low: r.ci.predicted_clv_cac?.[0] ?? null,
    predicted_clv_cac_high: r.ci.predicted_clv_cac?.[1] ?? null,
    unit: doc.unit,
    horizon_units: doc.horizon.units,
    calibration_end: doc.calibration_end,
  };
  if (doc.holdout) {
    rec.holdout_predicted = r.holdout?.predicted ?? null;
    rec.holdout_actual = r.holdout?.actual ?? null;
    rec.holdout_error = r.holdout?.error ?? null;
    rec.holdout_error_pct = r.holdout?.error_pct ?? null;
  }
  for (const k of benchmarked(doc)) {
    const b = r.benchmarks[k];
    rec[`${k}_benchmark`] = benchmarkValue(b);
    rec[`${k}_status`] = b?.status ?? null;
    rec[`${k}_significant`] = b?.significant ?? null;
  }
  return rec;
}
