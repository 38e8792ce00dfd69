/** The channelbench.report/v1 document, pretty-printed, keys in a fixed order. */
import type { Report } from '../model.js';

export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** One row object per line, each carrying its period and channel. */
export function renderNdjson(report: Report): string {
  return report.rows.map((r) => JSON.stringify({ schema: report.schema, ...r })).join('\n') + (report.rows.length ? '\n' : '');
}
