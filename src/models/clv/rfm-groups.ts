/**
 * Per-customer summaries grouped by equal (x, t_x, T): the likelihood and the
 * expectations then cost O(distinct summaries), not O(customers). Pure.
 */
import type { RfmGroups } from './bgnbd.js';

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

/** Groups with, per group, the sum of its customers' z̄ (for the spend expectation) and the (x, T) pair index. */
export interface ValueGroups extends RfmGroups {
  sumZbar: Float64Array;
  /** Index into `pairs` of each group's (x, T). */
  pair: Int32Array;
  pairs: { x: Float64Array; T: Float64Array; readonly length: number };
}

/** The sorted distinct values of `values` at the customers `idx`, and each customer's (k-th) index among them. */
function levelsOf(values: Float64Array, idx: ArrayLike<number> | undefined, m: number): { values: Float64Array; index: Int32Array } {
  const all = new Float64Array(m);
  for (let k = 0; k < m; k++) all[k] = values[idx ? idx[k]! : k]!;
  const sorted = all.slice().sort();
  let d = 0;
  for (let k = 0; k < m; k++) if (k === 0 || sorted[k] !== sorted[d - 1]) sorted[d++] = sorted[k]!;
  const distinct = sorted.slice(0, d);
  // Binary search per customer: numeric Map keys that are not small integers hash slowly.
  const index = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const v = all[k]!;
    let lo = 0;
    let hi = d - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (distinct[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    index[k] = lo;
  }
  return { values: distinct, index };
}

/** An open-addressing table from whole-number keys (< 2^53) to dense ids 0, 1, …: JS Maps of this size are several times slower. */
function denseIds(capacityFor: number): (key: number) => { id: number; fresh: boolean } {
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
      if (k === key) return { id: ids[h]!, fresh: false };
      if (k === -1) {
        keys[h] = key;
        ids[h] = next;
        return { id: next++, fresh: true };
      }
      h = (h + 1) & mask;
    }
  };
}

/** Groups the customers `idx` (indices into s; all when omitted). Keys are numbers built from level indices, not strings. */
export function groupSummary(s: CustomerSummary, idx?: ArrayLike<number>): ValueGroups {
  const m = idx ? idx.length : s.length;
  const Tl = levelsOf(s.T, idx, m);
  const txl = levelsOf(s.tx, idx, m);
  const nT = Tl.values.length;
  const nTx = txl.values.length;
  const group = denseIds(m);
  const pairOf = denseIds(m);
  const gx: number[] = [];
  const gTi: number[] = [];
  const gtxi: number[] = [];
  const gw: number[] = [];
  const gz: number[] = [];
  const gp: number[] = [];
  const px: number[] = [];
  const pT: number[] = [];
  for (let k = 0; k < m; k++) {
    const i = idx ? idx[k]! : k;
    const x = s.x[i]!;
    const Ti = Tl.index[k]!;
    const txi = txl.index[k]!;
    const key = (x * nTx + txi) * nT + Ti;
    const found = group(key);
    const g = found.id;
    if (found.fresh) {
      gx.push(x);
      gTi.push(Ti);
      gtxi.push(txi);
      gw.push(0);
      gz.push(0);
      const p = pairOf(x * nT + Ti);
      if (p.fresh) {
        px.push(x);
        pT.push(Tl.values[Ti]!);
      }
      gp.push(p.id);
    }
    gw[g] = gw[g]! + 1;
    gz[g] = gz[g]! + s.zbar[i]!;
  }
  const Ti = Int32Array.from(gTi);
  const txi = Int32Array.from(gtxi);
  return {
    length: gx.length,
    levels: { T: Tl.values, tx: txl.values, Ti, txi },
    x: Float64Array.from(gx),
    tx: Float64Array.from(txi, (l) => txl.values[l]!),
    T: Float64Array.from(Ti, (l) => Tl.values[l]!),
    w: Float64Array.from(gw),
    sumZbar: Float64Array.from(gz),
    pair: Int32Array.from(gp),
    pairs: { x: Float64Array.from(px), T: Float64Array.from(pT), length: px.length },
  };
}

/** The customers among `idx` with x > 0: their x and z̄ (the Gamma-Gamma sample). */
export function spendSample(s: CustomerSummary, idx?: ArrayLike<number>): { length: number; x: Float64Array; zbar: Float64Array } {
  const m = idx ? idx.length : s.length;
  const xs: number[] = [];
  const zs: number[] = [];
  for (let k = 0; k < m; k++) {
    const i = idx ? idx[k]! : k;
    if (s.x[i]! > 0 && s.zbar[i]! > 0) {
      xs.push(s.x[i]!);
      zs.push(s.zbar[i]!);
    }
  }
  return { length: xs.length, x: Float64Array.from(xs), zbar: Float64Array.from(zs) };
}
