/**
 * The channelbench.cohorts/v1 document: built once from the cohort grid,
 * rendered as table, csv, tsv, json, ndjson and markdown.
 */
import { TOTAL_CHANNEL, type Period } from '../../model.js';
import { UTC_ZONE } from '../../periods/index.js';
import { cumulativeValue, retainedShare, type CohortGrid } from '../../metrics/cohorts/index.js';
import { clean, toReportPeriod, type ReportPeriod } from '../model.js';
import { buildRunHeader, type RunContext, type RunHeader } from '../crosschannel/run-header.js';

export const COHORTS_SCHEMA = 'channelbench.cohorts/v1';

export interface CohortRow {
  /** The cohort's period: label = first day of the calendar period; start/end = days covered (clipped by the window). */
  cohort: ReportPeriod;
  /** Acquisition channel, or `(all)`. */
  channel: string;
  size: number;
  /** Index k = 0…horizon; null while period k is not complete as of `as_of` (or for an empty cohort). */
  retained_share: (number | null)[];
  /** Index k = 0…horizon; null like retained_share. */
  cumulative_value: (number | null)[];
}

export interface CohortsDoc extends RunHeader {
  schema: typeof COHORTS_SCHEMA;
  /** K: periods since acquisition run from 0 to K. */
  horizon: number;
  /** The channels shown, in order: acquisition channels by customers acquired in the window (descending, then name), `(all)` last. */
  channels: string[];
  /** One row per cohort × channel: cohorts ascending, channels in `channels` order. */
  cohorts: CohortRow[];
}

/** A channel slot of the grid (a channel id, or `grid.channelCount` for all channels) and its display name. */
export interface CohortSlot {
  slot: number;
  name: string;
}

/**
 * The slots to show by default: channels that acquired at least one customer in
 * the window's cohorts, by that number descending, then name; `(all)` last.
 */
export function defaultCohortSlots(grid: CohortGrid, channelNames: readonly string[]): CohortSlot[] {
  const totals = new Float64Array(grid.channelCount);
  for (let i = 0; i < grid.cohortCount; i++) for (let s = 0; s < grid.channelCount; s++) totals[s] = totals[s]! + grid.size[i * grid.slots + s]!;
  const ids: number[] = [];
  for (let s = 0; s < grid.channelCount; s++) if (totals[s]! > 0) ids.push(s);
  ids.sort((a, b) => {
    const d = totals[b]! - totals[a]!;
    if (d !== 0) return d;
    const x = channelNames[a]!;
    const y = channelNames[b]!;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return [...ids.map((s) => ({ slot: s, name: channelNames[s]! })), { slot: grid.channelCount, name: TOTAL_CHANNEL }];
}

export function buildCohortsDoc(grid: CohortGrid, cohorts: readonly Period[], slots: readonly CohortSlot[], ctx: RunContext): CohortsDoc {
  const rows: CohortRow[] = [];
  const ks = Array.from({ length: grid.horizon + 1 }, (_, k) => k);
  cohorts.forEach((p, i) => {
    const cohort = toReportPeriod(p, ctx.timeZone ?? UTC_ZONE);
    for (const { slot, name } of slots) {
      rows.push({
        cohort,
        channel: name,
        size: grid.size[i * grid.slots + slot]!,
        retained_share: ks.map((k) => clean(retainedShare(grid, i, slot, k).value)),
        cumulative_value: ks.map((k) => clean(cumulativeValue(grid, i, slot, k).value)),
      });
    }
  });
  return { schema: COHORTS_SCHEMA, ...buildRunHeader(ctx), horizon: grid.horizon, channels: slots.map((s) => s.name), cohorts: rows };
}
