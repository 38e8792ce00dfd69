/**
 * The channelbench.crosschannel/v1 document: built once from the figures,
 * rendered as table, csv, tsv, json, ndjson and markdown.
 */
import type { Period } from '../../model.js';
import { BUCKETS, LIFT_REASONS, migrationShare, overlapShare, type Bucket, type CrossChannelFigures } from '../../metrics/crosschannel/index.js';
import { ratio, type Outcome } from '../../metrics/outcome.js';
import { formatZonedDay, UTC_ZONE } from '../../periods/index.js';
import { clean, toReportPeriod, type ReportPeriod } from '../model.js';
import { buildRunHeader, type RunContext, type RunHeader } from './run-header.js';

export const CROSSCHANNEL_SCHEMA = 'channelbench.crosschannel/v1';

export type Reasons = Record<string, string>;

export interface SummaryFigures {
  customers: number;
  multichannel_customers: number;
  multichannel_share: number | null;
  mean_net_value_single: number | null;
  mean_net_value_multichannel: number | null;
  omnichannel_lift: number | null;
  reasons: Reasons;
}

export interface BucketRow {
  bucket: Bucket;
  customers: number;
  mean_net_value: number | null;
  mean_purchases: number | null;
  aov: number | null;
  reasons: Reasons;
}

export interface OverlapRow {
  from: string;
  /** Customers who purchased in `from` before T. */
  customers: number;
  cells: { to: string; customers: number; value: number | null }[];
}

export interface MigrationRow {
  from: string;
  /** Customers acquired via `from` (with a purchase before T). */
  acquired: number;
  /** Of those, customers with no later purchase before T: not in the shares. */
  excluded: number;
  later_purchases: number;
  cells: { to: string; purchases: number; value: number | null }[];
  /** Why the row's values are null, or null. */
  reason: string | null;
}

export interface PeriodRow extends Omit<SummaryFigures, 'reasons'> {
  period: ReportPeriod;
  as_of: string;
  reasons: Reasons;
}

export interface CrossChannelDoc extends RunHeader {
  schema: typeof CROSSCHANNEL_SCHEMA;
  /** Channels with at least one customer purchase before T, by that revenue descending, then name. */
  channels: string[];
  summary: SummaryFigures;
  buckets: BucketRow[];
  overlap: OverlapRow[];
  migration: MigrationRow[];
  periods: PeriodRow[];
}

/** Writes an outcome's value (12 significant digits) and, when null, its reason under `key`. */
function take(o: Outcome, key: string, reasons: Reasons): number | null {
  if (o.value === null) {
    reasons[key] = o.reason;
    return null;
  }
  return clean(o.value);
}

/**
 * Orders channel ids: revenue of customers' purchases before T descending, then
 * display name by code points; channels without such a customer are left out.
 */
export function orderCrossChannels(figures: CrossChannelFigures, names: readonly string[]): number[] {
  const C = figures.overlap.channelCount;
  const ids: number[] = [];
  for (let a = 0; a < C; a++) if (figures.overlap.both[a * C + a]! > 0) ids.push(a);
  return ids.sort((a, b) => {
    const d = figures.channelRevenue[b]! - figures.channelRevenue[a]!;
    if (d !== 0) return d;
    const x = names[a]!;
    const y = names[b]!;
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

export function buildCrossChannelDoc(figures: CrossChannelFigures, channelNames: readonly string[], periods: readonly Period[], ctx: RunContext): CrossChannelDoc {
  const ids = orderCrossChannels(figures, channelNames);
  const name = (id: number): string => channelNames[id]!;
  const C = figures.overlap.channelCount;
  const summaryReasons: Reasons = {};
  const summary: SummaryFigures = {
    customers: figures.buckets.customers,
    multichannel_customers: figures.multichannelCustomers,
    multichannel_share: take(figures.multichannelShare, 'multichannel_share', summaryReasons),
    mean_net_value_single: take(figures.meanNetValueSingle, 'mean_net_value_single', summaryReasons),
    mean_net_value_multichannel: take(figures.meanNetValueMulti, 'mean_net_value_multichannel', summaryReasons),
    omnichannel_lift: take(figures.omnichannelLift, 'omnichannel_lift', summaryReasons),
    reasons: summaryReasons,
  };
  const buckets = figures.buckets.buckets.map((b): BucketRow => {
    const reasons: Reasons = {};
    return {
      bucket: b.bucket,
      customers: b.customers,
      mean_net_value: take(b.meanNetValue, 'mean_net_value', reasons),
      mean_purchases: take(b.meanPurchases, 'mean_purchases', reasons),
      aov: take(b.aov, 'aov', reasons),
      reasons,
    };
  });
  const overlap = ids.map(
    (a): OverlapRow => ({
      from: name(a),
      customers: figures.overlap.both[a * C + a]!,
      cells: ids.map((b) => ({ to: name(b), customers: figures.overlap.both[a * C + b]!, value: clean(overlapShare(figures.overlap, a, b).value) })),
    }),
  );
  const m = figures.migration;
  const migration = ids.map((a): MigrationRow => {
    const first = migrationShare(m, a, a);
    return {
      from: name(a),
      acquired: m.acquired[a]!,
      excluded: m.excluded[a]!,
      later_purchases: m.laterTotal[a]!,
      cells: ids.map((b) => ({ to: name(b), purchases: m.later[a * C + b]!, value: clean(migrationShare(m, a, b).value) })),
      reason: first.value === null ? first.reason : null,
    };
  });
  const periodRows = figures.periods.map((p, i): PeriodRow => {
    const reasons: Reasons = {};
    return {
      period: toReportPeriod(periods[i]!, ctx.timeZone ?? UTC_ZONE),
      as_of: formatZonedDay(p.asOf, ctx.timeZone ?? UTC_ZONE),
      customers: p.customers,
      multichannel_customers: p.multichannelCustomers,
      multichannel_share: take(p.share, 'multichannel_share', reasons),
      mean_net_value_single: take(meanOf(p.single, LIFT_REASONS.noSingle), 'mean_net_value_single', reasons),
      mean_net_value_multichannel: take(meanOf(p.multi, LIFT_REASONS.noMulti), 'mean_net_value_multichannel', reasons),
      omnichannel_lift: take(p.lift, 'omnichannel_lift', reasons),
      reasons,
    };
  });
  return {
    schema: CROSSCHANNEL_SCHEMA,
    ...buildRunHeader(ctx),
    channels: ids.map(name),
    summary,
    buckets,
    overlap,
    migration,
    periods: periodRows,
  };
}

function meanOf(g: { customers: number; netValue: number }, reason: string): Outcome {
  return ratio(g.netValue, g.customers, reason);
}

export { BUCKETS };
