/**
 * The `cohorts` use case: read the orders, build the acquisition cohorts of the
 * window, and return the channelbench.cohorts/v1 document. Never prints, never exits.
 */
import type { Config } from '../config/schema.js';
import { UsageError } from '../errors.js';
import type { FileReport } from '../ingest/load.js';
import { findAcquisitions } from '../metrics/acquisition.js';
import { computeCohortGrid, type CohortGrid } from '../metrics/cohorts/index.js';
import { channelKey, TOTAL_CHANNEL, type PeriodUnit } from '../model.js';
import { buildPeriods, countPeriods } from '../periods/index.js';
import { buildCohortsDoc, defaultCohortSlots, type CohortSlot, type CohortsDoc } from '../report/cohorts/model.js';
import { loadCustomerRun, type WindowFlagValues } from './crosschannel.js';
import type { InputFlags } from './inputs.js';

export const DEFAULT_HORIZON = 12;
export const DEFAULT_COHORT_UNIT: PeriodUnit = 'month';
/** Cells (cohorts × channels × (K + 1)) beyond which a run is refused rather than using gigabytes. */
export const MAX_COHORT_CELLS = 20_000_000;

export interface CohortFlags extends WindowFlagValues {
  /** K: periods since acquisition 0…K. */
  horizon: number;
  /** Show only this acquisition channel (or `(all)`), matched trimmed and case-insensitively. */
  channel: string | undefined;
}

export interface CohortsResult {
  doc: CohortsDoc;
  files: FileReport[];
  config: Config;
}

/** The slots for `--channel NAME`, or the default list; an unknown name is a usage error listing the channels. */
export function selectCohortSlots(grid: CohortGrid, channelNames: readonly string[], wanted: string | undefined): CohortSlot[] {
  if (wanted === undefined) return defaultCohortSlots(grid, channelNames);
  const key = channelKey(wanted);
  if (key === TOTAL_CHANNEL) return [{ slot: grid.channelCount, name: TOTAL_CHANNEL }];
  const id = channelNames.findIndex((n) => channelKey(n) === key);
  if (id < 0) {
    throw new UsageError('UNKNOWN_CHANNEL', `--channel: no channel "${wanted}" in the data`, {
      hint: `channels: ${[...channelNames, TOTAL_CHANNEL].join(', ')}`,
    });
  }
  return [{ slot: id, name: channelNames[id]! }];
}

export async function runCohorts(input: InputFlags, flags: CohortFlags, cwd: string, stdin?: NodeJS.ReadableStream): Promise<CohortsResult> {
  const unit = flags.period ?? DEFAULT_COHORT_UNIT;
  const run = await loadCustomerRun('cohorts', input, { ...flags, period: unit }, cwd, stdin);
  const ds = run.dataset;
  const perCohort = (ds.channels.length + 1) * (flags.horizon + 1);
  const count = countPeriods(run.window, unit, run.weekStart, run.timeZone, Math.floor(MAX_COHORT_CELLS / perCohort) + 1);
  if (count * perCohort > MAX_COHORT_CELLS) {
    throw new UsageError('TOO_MANY_COHORT_CELLS', `${count} cohorts × ${ds.channels.length + 1} channels × ${flags.horizon + 1} periods is more than ${MAX_COHORT_CELLS.toLocaleString('en-US')} cells`, {
      hint: 'use a longer --period, a smaller --horizon, or a shorter window (--from/--to/--last)',
    });
  }
  const cohorts = buildPeriods(run.window, run.dataEnd, unit, run.weekStart, run.timeZone);
  const grid = computeCohortGrid(ds.orders, findAcquisitions(ds.orders, ds.customerCount), ds.channels.length, {
    cohorts,
    unit,
    weekStart: run.weekStart,
    timeZone: run.timeZone,
    horizon: flags.horizon,
    asOf: run.asOf,
  });
  const slots = selectCohortSlots(grid, ds.channels, flags.channel);
  return { doc: buildCohortsDoc(grid, cohorts, slots, run.context), files: run.files, config: run.config };
}
