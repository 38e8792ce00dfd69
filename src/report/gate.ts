/**
 * --fail-on: which compared figures fail the gate (SPEC §4). Pure.
 */
import { failsGate, type FailOn } from '../benchmarks/gate.js';
import type { MetricKey } from '../model.js';
import type { Report } from './model.js';

export interface GateFailure {
  period: string | null;
  channel: string;
  metric: MetricKey;
  significant: boolean | null;
}

export function gateFailures(report: Report, failOn: FailOn): GateFailure[] {
  const out: GateFailure[] = [];
  for (const row of report.rows) {
    for (const [metric, b] of Object.entries(row.benchmarks) as [MetricKey, NonNullable<(typeof row.benchmarks)[MetricKey]>][]) {
      if (failsGate({ delta: b.delta, delta_pct: b.delta_pct, status: b.status, significant: b.significant }, failOn)) {
        out.push({ period: row.period?.label ?? null, channel: row.channel, metric, significant: b.significant });
      }
    }
  }
  return out;
}

/** One line for stderr, naming the failing channel/metric pairs. */
export function gateSummary(failures: GateFailure[], failOn: FailOn): string {
  const pairs = failures.map((f) => `${f.channel} ${f.metric}${f.period ? ` (${f.period})` : ''}${f.significant === false ? ' ~' : ''}`);
  const shown = pairs.slice(0, 12).join(', ') + (pairs.length > 12 ? `, … (${pairs.length} in all)` : '');
  return `channelbench: --fail-on ${failOn}: ${failures.length} figure${failures.length === 1 ? '' : 's'} worse than benchmark${failOn === 'worse-significant' ? ' (significant)' : ''}: ${shown}\n`;
}
