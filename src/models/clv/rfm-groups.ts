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

/** Groups the customers `idx` (indices into s; all when omitted). */
export function groupSummary(s: CustomerSummary, idx?: ArrayLike<number>): ValueGroups {
  const m = idx ? idx.length : s.length;
  const byKey = new Map<string, number>();
  const pairKey = new Map<string, number>();
  const gx: number[] = [];
  const gtx: number[] = [];
  const gT: number[] = [];
  const gw: number[] = [];
  const gz: number[] = [];
  const gp: number[] = [];
  const px: number[] = [];
  const pT: number[] = [];
  for (let k = 0; k < m; k++) {
    const i = idx ? idx[k]! : k;
    const x = s.x[i]!;
    const tx = s.tx[i]!;
    const T = s.T[i]!;
    const key = `${x}|${tx}|${T}`;
    let g = byKey.get(key);
    if (g === undefined) {
      g = gx.length;
      byKey.set(key, g);
      gx.push(x);
      gtx.push(tx);
      gT.push(T);
      gw.push(0);
      gz.push(0);
      const pk = `${x}|${T}`;
      let p = pairKey.get(pk);
      if (p === undefined) {
        p = px.length;
        pairKey.set(pk, p);
        px.push(x);
        pT.push(T);
      }
      gp.push(p);
    }
    gw[g] = gw[g]! + 1;
    gz[g] = gz[g]! + s.zbar[i]!;
  }
  const level = (values: number[]): { values: Float64Array; index: Int32Array } => {
    const distinct = [...new Set(values)].sort((a, b) => a - b);
    const at = new Map(distinct.map((v, i) => [v, i]));
    return { values: Float64Array.from(distinct), index: Int32Array.from(values, (v) => at.get(v)!) };
  };
  const Tl = level(gT);
  const txl = level(gtx);
  return {
    length: gx.length,
    levels: { T: Tl.values, tx: txl.values, Ti: Tl.index, txi: txl.index },
    x: Float64Array.from(gx),
    tx: Float64Array.from(gtx),
    T: Float64Array.from(gT),
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
