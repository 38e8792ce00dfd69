/**
 * `clv --fail-on`: which predicted_clv / predicted_clv_cac comparisons fail the
 * gate, and the stderr line naming them. Pure.
 */
import { failsGate, type FailOn } from '../../benchmarks/gate.js';
import type { ClvDoc } from './model.js';

/** "channel metric" of every failing comparison, in row order. */
export function clvGateFailures(doc: ClvDoc, failOn: FailOn): string[] {
  return doc.rows.flatMap((r) => Object.entries(r.benchmarks).filter(([, b]) => failsGate(b, failOn)).map(([k]) => `${r.channel} ${k}`));
}

/** One line for stderr. */
export function clvGateSummary(failures: string[], failOn: FailOn): string {
  return `channelbench: --fail-on ${failOn}: ${failures.length} figure${failures.length === 1 ? '' : 's'} worse than benchmark: ${failures.join(', ')}\n`;
}
