/** The channelbench.report/v1 document, pretty-printed; --columns narrows every row's metrics. */
import { METRIC_KEYS, type MetricKey } from '../../model.js';
import type { Report, ReportRow } from '../model.js';

function narrow(report: Report, metrics: readonly MetricKey[]): Report {
  if (metrics.length === METRIC_KEYS.length && metrics.every((k, i) => k === METRIC_KEYS[i])) return report;
  const pick = <T>(o: Partial<Record<MetricKey, T>>): Partial<Record<MetricKey, T>> => {
    const out: Partial<Record<MetricKey, T>> = {};
    for (const k of metrics) if (o[k] !== undefined) out[k] = o[k];
    return out;
  };
  const rows: ReportRow[] = report.rows.map((r) => ({
    ...r,
    metrics: pick(r.metrics) as ReportRow['metrics'],
    reasons: pick(r.reasons),
    n: pick(r.n ?? {}),
    ci: pick(r.ci),
    benchmarks: pick(r.benchmarks),
    ...(r.previous ? { previous: pick(r.previous) } : {}),
    ...(r.baseline ? { baseline: pick(r.baseline) } : {}),
  }));
  return { ...report, rows };
}

export function renderJson(report: Report, metrics: readonly MetricKey[] = METRIC_KEYS): string {
  return JSON.stringify(narrow(report, metrics), null, 2) + '\n';
}

/** One row object per line, each carrying its period and channel. */
export function renderNdjson(report: Report, metrics: readonly MetricKey[] = METRIC_KEYS): string {
  const r = narrow(report, metrics);
  return r.rows.map((row) => JSON.stringify(row)).join('\n') + (r.rows.length ? '\n' : '');
}
