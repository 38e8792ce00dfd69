/**
 * Per-customer summaries grouped by equal (x, t_x, T): the likelihood and the
 * expectations then cost O(distinct summaries), not O(customers). Pure.
 */
import { lastAtOrBefore } from '../../model/sorted-search.js';
import type { RfmGroups } from './bgnbd.js';
import { perObject } from './memo.js';

/** Per-customer summary (one entry per customer), in the model's time unit. */
export interface CustomerSummary {
  readonly length: number;
  /** Repeat purchase days. */
  x: Float64Array;
  /** Time from first to last purchase day. */
  tx: Float64Array;
  /** Time from first purchase day to the calibration end. */
  T: Float64Array;
  /** Mean value of the repeat purchase days (0 when x = 0). */
  zbar: Float64Array;
}

/** Groups with, per group, the sum of its customers' z̄ (for the spend expectation). */
export interface ValueGroups extends RfmGroups {
  sumZbar: Float64Array;
}

/** The sorted distinct values of `values`, and each entry's index among them. */
function levelsOf(values: Float64Array): { values: Float64Array; index: Int32Array } {
  const sorted = values.slice().sort();
  let d = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[d - 1]) sorted[d++] = sorted[k]!;
  const distinct = sorted.slice(0, d);
  // Binary search per customer: numeric Map keys that are not small integers hash slowly.
  const index = new Int32Array(values.length);
  for (let k = 0; k < values.length; k++) index[k] = lastAtOrBefore(distinct, values[k]!);
  return { values: distinct, index };
}

/** Largest key space for a direct-address table in wholeIds; beyond it a hash table. */
const DIRECT_KEYS = 1 << 24;
/** A key space at most this large always gets a direct-address table (256 KB). */
const SMALL_KEYS = 1 << 16;

/**
 * Dense ids 0, 1, … in first-seen order for whole-number keys in [0, keySpace), at most
 * `capacityFor` distinct: a direct-address table when the key space is small (no hashing,
 * few cache misses) — small in itself, or next to the keys it will hold: a few
 * customers with thousands of purchases must not cost a 64 MB table — else denseIds.
 */
export function wholeIds(keySpace: number, capacityFor: number): (key: number) => number {
  if (keySpace > DIRECT_KEYS || (keySpace > SMALL_KEYS && keySpace > 8 * capacityFor)) return denseIds(capacityFor);
  const table = new Int32Array(keySpace).fill(-1);
  let next = 0;
  return (key) => {
    const id = table[key]!;
    return id >= 0 ? id : (table[key] = next++);
  };
}

/**
 * Over all customers of a summary, built once per summary (every row's grouping and
 * every bootstrap resample reuse it): the levels of T and t_x, each customer's cell
 * (equal x, t_x, T). The ids are internal (a row numbers
 * its own cells in first-seen order): pairs from a direct-address table on
 * x · levels + T level, cells by a counting sort of the customers by pair and then,
 * within a pair, a table over t_x levels stamped with the pair. No hashing per
 * customer: at millions of customers the hash tables' cache misses dominated.
 */
const summaryCells = perObject((s: CustomerSummary) => {
  const n = s.length;
  const T = levelsOf(s.T);
  const tx = levelsOf(s.tx);
  const nT = T.values.length;
  let maxX = 0;
  for (let i = 0; i < n; i++) if (s.x[i]! > maxX) maxX = s.x[i]!;
  const pairOfCustomer = new Int32Array(n);
  const pairOf = wholeIds((maxX + 1) * nT, n);
  let pairs = 0;
  for (let i = 0; i < n; i++) {
    const p = pairOf(s.x[i]! * nT + T.index[i]!);
    if (p === pairs) pairs++;
    pairOfCustomer[i] = p;
  }
  // Customers by pair (counting sort), then cells per pair over the t_x levels.
  const start = new Int32Array(pairs + 1);
  for (let i = 0; i < n; i++) start[pairOfCustomer[i]! + 1]!++;
  for (let p = 0; p < pairs; p++) start[p + 1]! += start[p]!;
  const order = new Int32Array(n);
  const fill = start.slice(0, pairs);
  for (let i = 0; i < n; i++) order[fill[pairOfCustomer[i]!]!++] = i;
  const stamp = new Int32Array(tx.values.length).fill(-1);
  const cellOfTx = new Int32Array(tx.values.length);
  const cell = new Int32Array(n);
  let cells = 0;
  for (let p = 0; p < pairs; p++) {
    for (let k = start[p]!; k < start[p + 1]!; k++) {
      const i = order[k]!;
      const l = tx.index[i]!;
      if (stamp[l] !== p) {
        stamp[l] = p;
        cellOfTx[l] = cells++;
      }
      cell[i] = cellOfTx[l]!;
    }
  }
  return { T, tx, cell, cells };
});

/** The levels used by the customers `idx` (in the summary's order) and each customer's index among them: O(customers + levels), no sort. */
function subsetLevels(all: { values: Float64Array; index: Int32Array }, idx: ArrayLike<number> | undefined, m: number): { values: Float64Array; index: Int32Array } {
  if (!idx) return all;
  const compact = new Int32Array(all.values.length).fill(-1);
  for (let k = 0; k < m; k++) compact[all.index[idx[k]!]!] = 0;
  let d = 0;
  for (let l = 0; l < compact.length; l++) if (compact[l] === 0) compact[l] = d++;
  const values = new Float64Array(d);
  for (let l = 0; l < compact.length; l++) if (compact[l]! >= 0) values[compact[l]!] = all.values[l]!;
  const index = new Int32Array(m);
  for (let k = 0; k < m; k++) index[k] = compact[all.index[idx[k]!]!]!;
  return { values, index };
}

/** An open-addressing table from whole-number keys (< 2^53) to dense ids 0, 1, … in first-seen order: JS Maps of this size are several times slower. */
export function denseIds(capacityFor: number): (key: number) => number {
  let cap = 16;
  while (cap < capacityFor * 2) cap *= 2;
  const mask = cap - 1;
  const keys = new Float64Array(cap).fill(-1);
  const ids = new Int32Array(cap);
  let next = 0;
  return (key) => {
    let h = (Math.imul(key | 0, 0x9e3779b1) ^ Math.imul((key / 4294967296) | 0, 0x85ebca6b)) & mask;
    for (;;) {
      const k = keys[h]!;
      if (k === key) return ids[h]!;
      if (k === -1) {
        keys[h] = key;
        ids[h] = next;
        return next++;
      }
      h = (h + 1) & mask;
    }
  };
}

/**
 * Groups the customers `idx` (indices into s; all when omitted), in first-seen
 * order: the summary's cells (summaryCells) renumbered for the subset through
 * direct-address tables, so a row costs O(its customers + all cells).
 */
export function groupSummary(s: CustomerSummary, idx?: ArrayLike<number>): ValueGroups {
  const m = idx ? idx.length : s.length;
  const all = summaryCells(s);
  const Tl = subsetLevels(all.T, idx, m);
  const txl = subsetLevels(all.tx, idx, m);
  const localCell = new Int32Array(all.cells).fill(-1);
  // Groups number at most m: typed arrays of that size, trimmed at the end.
  const gx = new Float64Array(m);
  const gTi = new Int32Array(m);
  const gtxi = new Int32Array(m);
  const gw = new Float64Array(m);
  const gz = new Float64Array(m);
  let groups = 0;
  for (let k = 0; k < m; k++) {
    const i = idx ? idx[k]! : k;
    const x = s.x[i]!;
    const Ti = Tl.index[k]!;
    const txi = txl.index[k]!;
    const u = all.cell[i]!;
    let g = localCell[u]!;
    if (g < 0) {
      g = localCell[u] = groups++;
      gx[g] = x;
      gTi[g] = Ti;
      gtxi[g] = txi;
    }
    gw[g] = gw[g]! + 1;
    gz[g] = gz[g]! + s.zbar[i]!;
  }
  const Ti = gTi.slice(0, groups);
  const txi = gtxi.slice(0, groups);
  return {
    length: groups,
    levels: { T: Tl.values, tx: txl.values, Ti, txi },
    x: gx.slice(0, groups),
    tx: Float64Array.from(txi, (l) => txl.values[l]!),
    T: Float64Array.from(Ti, (l) => Tl.values[l]!),
    w: gw.slice(0, groups),
    sumZbar: gz.slice(0, groups),
  };
}

/** The customers among `idx` with x > 0: their x and z̄ (the Gamma-Gamma sample). */
export function spendSample(s: CustomerSummary, idx?: ArrayLike<number>): { length: number; x: Float64Array; zbar: Float64Array } {
  const m = idx ? idx.length : s.length;
  let n = 0;
  for (let k = 0; k < m; k++) {
    const i = idx ? idx[k]! : k;
    if (s.x[i]! > 0 && s.zbar[i]! > 0) n++;
  }
  const x = new Float64Array(n);
  const zbar = new Float64Array(n);
  n = 0;
  for (let k = 0; k < m; k++) {
    const i = idx ? idx[k]! : k;
    if (s.x[i]! > 0 && s.zbar[i]! > 0) {
      x[n] = s.x[i]!;
      zbar[n++] = s.zbar[i]!;
    }
  }
  return { length: n, x, zbar };
}
