/**
 * Cross-channel figures (SPEC §3, command `crosschannel`), as of T. Pure: no I/O,
 * no clock. Passes: `findAcquisitions`, one tally over the orders, and one more
 * over the orders only when per-period figures are asked for.
 */
import type { Dataset } from '../../model.js';
import { findAcquisitions } from '../acquisition.js';
import { ratio, type Outcome } from '../outcome.js';
import { channelBuckets, type ChannelBuckets } from './channel-buckets.js';
import { tallyCustomers } from './customer-tally.js';
import { migrationMatrix, type MigrationMatrix } from './migration-matrix.js';
import { multichannelByPeriod, type MultichannelPoint } from './multichannel-by-period.js';
import { multichannelShare } from './multichannel-share.js';
import { LIFT_REASONS, omnichannelLift } from './omnichannel-lift.js';
import { overlapMatrix, type OverlapMatrix } from './overlap-matrix.js';

export { BUCKETS, EMPTY_BUCKET, type Bucket, type BucketFigures, type ChannelBuckets } from './channel-buckets.js';
export { LIFT_REASONS, type ValueGroup } from './omnichannel-lift.js';
export { MIGRATION_REASONS, migrationShare, type MigrationMatrix } from './migration-matrix.js';
export { NO_CHANNEL_CUSTOMERS, overlapShare, type OverlapMatrix } from './overlap-matrix.js';
export { NO_CUSTOMERS } from './multichannel-share.js';
export type { MultichannelPoint } from './multichannel-by-period.js';

export interface CrossChannelFigures {
  asOf: number;
  /** Buckets 1, 2, 3+ and the single/multichannel groups. */
  buckets: ChannelBuckets;
  multichannelCustomers: number;
  multichannelShare: Outcome;
  meanNetValueSingle: Outcome;
  meanNetValueMulti: Outcome;
  omnichannelLift: Outcome;
  /** Revenue of customers' purchases before T, per channel id (for ordering). */
  channelRevenue: Float64Array;
  overlap: OverlapMatrix;
  migration: MigrationMatrix;
  /** One point per entry of `periodAsOfs`, in that order. */
  periods: MultichannelPoint[];
}

/**
 * Every cross-channel figure as of `asOf` (T), over the customers with at least
 * one purchase before T, plus the multichannel share and lift as of each of
 * `periodAsOfs` (ascending, each ≤ T).
 * @example computeCrossChannel(ds, dataEnd).multichannelShare // { value: 0.5 } when 5 of 10 customers used ≥ 2 channels
 */
export function computeCrossChannel(ds: Dataset, asOf: number, periodAsOfs: readonly number[] = []): CrossChannelFigures {
  for (const t of periodAsOfs) if (t > asOf) throw new RangeError('a period as-of time is after T');
  const acquisitions = findAcquisitions(ds.orders, ds.customerCount);
  const tally = tallyCustomers(ds.orders, acquisitions, ds.channels.length, asOf);
  const buckets = channelBuckets(tally);
  return {
    asOf,
    buckets,
    multichannelCustomers: buckets.multi.customers,
    multichannelShare: multichannelShare(buckets.multi.customers, buckets.customers),
    meanNetValueSingle: ratio(buckets.single.netValue, buckets.single.customers, LIFT_REASONS.noSingle),
    meanNetValueMulti: ratio(buckets.multi.netValue, buckets.multi.customers, LIFT_REASONS.noMulti),
    omnichannelLift: omnichannelLift(buckets.multi, buckets.single),
    channelRevenue: tally.channelRevenue,
    overlap: overlapMatrix(tally),
    migration: migrationMatrix(tally, acquisitions),
    periods: periodAsOfs.length ? multichannelByPeriod(ds.orders, acquisitions.time, tally.multichannelTime, periodAsOfs) : [],
  };
}
