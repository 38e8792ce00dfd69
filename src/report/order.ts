/**
 * Stable ordering (SPEC §5): channels by revenue over the whole window,
 * descending, then by name (code points); the total row last. The same order is
 * used in every period, so a channel keeps its place down a weekly table.
 */
import { TOTAL_CHANNEL } from '../model.js';
import type { PeriodFigures } from '../metrics/index.js';

export function orderChannels(figures: PeriodFigures[]): string[] {
  const revenue = new Map<string, number>();
  for (const pf of figures) {
    for (const r of pf.rows) {
      if (r.channel === TOTAL_CHANNEL) continue;
      revenue.set(r.channel, (revenue.get(r.channel) ?? 0) + (r.metrics.revenue ?? 0));
    }
  }
  return [...revenue.keys()].sort((a, b) => {
    const d = (revenue.get(b) ?? 0) - (revenue.get(a) ?? 0);
    if (d !== 0) return d;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}
