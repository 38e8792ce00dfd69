/**
 * The compact terminal layout, used when the full layout (metrics as rows,
 * channels as columns) would need more than one table for a period: channels
 * as rows and metrics as columns, the metrics split over as few tables as fit
 * the width, so every table holds every channel and a channel's figures sit
 * on one line of each. Short metric labels, with a key below the tables.
 */
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { MetricKey } from '../../model.js';
import { METRICS } from '../../metrics/definitions.js';

/** Column labels of the compact layout; the key explains the ones that differ from the full label. */
export const SHORT_LABELS: Record<MetricKey, string> = {
  orders: 'Orders',
  revenue: 'Revenue',
  refunds: 'Refunds',
  net_revenue: 'Net rev',
  aov: 'AOV',
  customers: 'Customers',
  new_customers: 'New cust',
  returning_rate: 'Returning',
  spend: 'Spend',
  cac: 'CAC',
  roas: 'ROAS',
  sessions: 'Sessions',
  conversion_rate: 'Conv',
  retention_rate: 'Retention',
  clv: 'CLV',
  clv_cac: 'CLV:CAC',
  nps: 'NPS',
  nps_responses: 'NPS n',
};

export interface CompactInput {
  metrics: readonly MetricKey[];
  /** Channel names (already shortened), one per row. */
  names: readonly string[];
  /** cells[channel][metric], already formatted (may hold colour codes). */
  cells: readonly (readonly string[])[];
  /** The benchmark per metric ('' when none), or null without benchmarks. */
  benchmarks: readonly string[] | null;
  /** The total's sparkline per metric, or null. */
  trend: readonly string[] | null;
  width: number;
  chalk: ChalkInstance;
  visibleLength: (s: string) => number;
  /** Draws the rule under the header row. */
  headerRule: (table: string) => string;
}

export function compactTables(p: CompactInput): string[] {
  const c = p.chalk;
  const extra = [...(p.benchmarks ? ['benchmark'] : []), ...(p.trend ? ['trend (all)'] : [])];
  const nameWidth = Math.max(7, ...p.names.map((n) => n.length), ...extra.map((e) => e.length)) + 2;
  const widths = p.metrics.map((k, m) =>
    Math.max(SHORT_LABELS[k].length, p.benchmarks?.[m]?.length ?? 0, p.trend?.[m]?.length ?? 0, ...p.cells.map((row) => p.visibleLength(row[m]!))) + 2,
  );
  // Greedy: as many metric columns per table as fit (at least one).
  const groups: number[][] = [];
  let used = nameWidth + 2;
  widths.forEach((w, m) => {
    const last = groups[groups.length - 1];
    if (last && used + w + 1 <= p.width) {
      last.push(m);
      used += w + 1;
    } else {
      groups.push([m]);
      used = nameWidth + 2 + w + 1;
    }
  });
  return groups.map((g) => {
    const table = new Table({
      head: [c.bold('channel'), ...g.map((m) => c.bold(SHORT_LABELS[p.metrics[m]!]))],
      style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
      colAligns: ['left', ...g.map(() => 'right' as const)],
    });
    if (p.benchmarks) table.push([c.dim('benchmark'), ...g.map((m) => c.dim(p.benchmarks![m]!))]);
    p.names.forEach((name, i) => table.push([name, ...g.map((m) => p.cells[i]![m]!)]));
    if (p.trend) table.push([c.dim('trend (all)'), ...g.map((m) => p.trend![m]!)]);
    return p.headerRule(table.toString());
  });
}

/** The key of the short labels used (those that differ from the full label). */
export function compactKey(metrics: readonly MetricKey[]): string {
  const pairs = metrics.filter((k) => SHORT_LABELS[k] !== METRICS[k].label).map((k) => `${SHORT_LABELS[k]} = ${METRICS[k].label}`);
  return pairs.length ? `key: ${pairs.join(' · ')}` : '';
}
