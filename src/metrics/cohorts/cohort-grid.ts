/**
 * Acquisition cohorts × periods since acquisition: sizes, retained customers and
 * cumulative value, per acquisition channel and for all channels together.
 */
import type { OrderTable, Period, PeriodUnit, WeekStart } from '../../model.js';
import type { Acquisitions } from '../acquisition.js';
import { calendarBoundaries, periodIndex } from './calendar-boundaries.js';

export interface CohortGridOptions {
  /** Cohort periods: consecutive calendar periods of `unit`, as `buildPeriods` makes them (the first and last may be clipped by the window). */
  cohorts: readonly Period[];
  unit: PeriodUnit;
  weekStart: WeekStart;
  /** Reporting time zone of the calendar periods (default UTC). */
  timeZone?: string | undefined;
  /** K: periods since acquisition k = 0…K. */
  horizon: number;
  /** T: only orders dated before it count, and a cell is complete when its period ends at or before it. */
  asOf: number;
}

export interface CohortGrid {
  readonly cohortCount: number;
  readonly channelCount: number;
  /** Slots per cohort: one per channel id, then slot `channelCount` for all channels together. */
  readonly slots: number;
  readonly horizon: number;
  readonly asOf: number;
  /** Calendar boundaries b[0..cohortCount+K]; cohort i is calendar period i, and its period k is [b[i+k], b[i+k+1]). */
  readonly boundaries: Float64Array;
  /** size[i × slots + s]: customers acquired in cohort i (via channel s). */
  readonly size: Float64Array;
  /** retained[(i × slots + s) × (K+1) + k]: of those, customers with a purchase in period i+k before T. */
  readonly retained: Float64Array;
  /** value[(i × slots + s) × (K+1) + k]: Σ values of their orders from acquisition through the end of period i+k (before T). */
  readonly value: Float64Array;
}

/**
 * For cohort i (customers whose acquisition time is in cohort period i, and
 * before T), channel slot s (their acquisition channel, or all) and k = 0…K:
 *
 *     size(i, s)        = |cohort|
 *     retained(i, s, k) = |{c in cohort : c has a purchase dated in calendar period i+k}|
 *     value(i, s, k)    = Σ o.value over orders of cohort customers with acquisition(c) ≤ o.time < end of period i+k
 *
 * Orders dated at or after T are ignored. k = 0 holds the acquisition purchase,
 * so retained(i, s, 0) = size(i, s) by construction.
 * Two passes over the orders; distinct (customer, k) pairs are counted over the
 * purchases counting-sorted by k, so time and memory are O(orders + customers +
 * cells), never customers × K, whatever the order of the orders.
 * @example c1 acquired Jan 5 (web 100), buys Feb 10 (30): cohort Jan, web: size 1,
 *   retained [1, 1, 0], value [100, 130, 130] (K = 2, T after March)
 */
export function computeCohortGrid(orders: OrderTable, acquisitions: Acquisitions, channelCount: number, opts: CohortGridOptions): CohortGrid {
  const n = opts.cohorts.length;
  const K = opts.horizon;
  const width = K + 1;
  const slots = channelCount + 1;
  const all = channelCount;
  const boundaries = n === 0 ? new Float64Array(0) : calendarBoundaries(opts.cohorts[0]!.start, opts.unit, opts.weekStart, n + K, opts.timeZone);
  const size = new Float64Array(n * slots);
  const retained = new Float64Array(n * slots * width);
  const value = new Float64Array(n * slots * width);
  const grid = { cohortCount: n, channelCount, slots, horizon: K, asOf: opts.asOf, boundaries, size, retained, value };
  if (n === 0) return grid;

  const first = opts.cohorts[0]!.start;
  const last = opts.cohorts[n - 1]!.end;
  const customerCount = acquisitions.time.length;
  const cohortOf = new Int32Array(customerCount).fill(-1);
  for (let c = 0; c < customerCount; c++) {
    const t = acquisitions.time[c]!;
    if (!(t >= first && t < last && t < opts.asOf)) continue;
    const i = periodIndex(boundaries, t);
    cohortOf[c] = i;
    size[i * slots + acquisitions.channel[c]!]!++;
    size[i * slots + all]!++;
  }

  const orderCount = orders.length;
  const { time: orderTime, value: orderValue, customer: orderCustomer } = orders;
  const acqTime = acquisitions.time;
  const acqChannel = acquisitions.channel;
  const asOf = opts.asOf;
  // kOf[j]: k of order j when it is a purchase (value > 0) of a cohort customer, else -1.
  const kOf = new Int32Array(orderCount).fill(-1);
  // Orders usually come in time order: the period of the last order is tried first.
  let pFrom = Infinity;
  let pTo = -Infinity;
  let pAt = -1;
  for (let j = 0; j < orderCount; j++) {
    const c = orderCustomer[j]!;
    if (c < 0) continue;
    const i = cohortOf[c]!;
    const t = orderTime[j]!;
    if (i < 0 || t < acqTime[c]! || !(t < asOf)) continue;
    let p = pAt;
    if (!(t >= pFrom && t < pTo)) {
      p = periodIndex(boundaries, t);
      if (p >= 0) {
        pAt = p;
        pFrom = boundaries[p]!;
        pTo = boundaries[p + 1]!;
      }
    }
    const k = p - i;
    if (k < 0 || k > K) continue;
    const v = orderValue[j]!;
    const own = (i * slots + acqChannel[c]!) * width + k;
    const total = (i * slots + all) * width + k;
    value[own] = value[own]! + v;
    value[total] = value[total]! + v;
    if (v > 0) kOf[j] = k;
  }

  // Distinct (customer, k) pairs, in any order of the orders: purchases counting-sorted by k,
  // each k's walked with one marker per customer (as countDistinctCustomers does per cell).
  const startOfK = new Int32Array(width + 1);
  for (let j = 0; j < orderCount; j++) if (kOf[j]! >= 0) startOfK[kOf[j]! + 1]!++;
  for (let k = 0; k < width; k++) startOfK[k + 1]! += startOfK[k]!;
  const next = startOfK.slice(0, width);
  const byK = new Int32Array(startOfK[width]!);
  for (let j = 0; j < orderCount; j++) if (kOf[j]! >= 0) byK[next[kOf[j]!]!++] = j;
  const seen = new Int32Array(customerCount); // holds k + 1 of the last k that counted the customer
  for (let k = 0; k < width; k++) {
    for (let q = startOfK[k]!; q < startOfK[k + 1]!; q++) {
      const c = orderCustomer[byK[q]!]!;
      if (seen[c] === k + 1) continue;
      seen[c] = k + 1;
      const i = cohortOf[c]!;
      retained[(i * slots + acqChannel[c]!) * width + k]!++;
      retained[(i * slots + all) * width + k]!++;
    }
  }

  for (let cell = 0; cell < n * slots; cell++) {
    const base = cell * width;
    for (let k = 1; k < width; k++) value[base + k] = value[base + k]! + value[base + k - 1]!;
  }
  return grid;
}
