/**
 * The predicted-value sums laid out for evaluation hundreds of times (the
 * bootstrap draws): per draw, one exp per distinct (x, T) and (x, t_x) pair, ₂F₁
 * for all x of one age T by the contiguous ladder (hyp2f1-ladder.ts), then a
 * multiply and a divide per cell. Several rows fitted by the same model (the
 * pooled fit's rows) share one universe of pairs, so a draw computes the pair
 * quantities once for all of them. Pure.
 *
 * Per cell P(alive) = 1 / (1 + e^d), d = ln a − ln(b + x − 1) + (r + x)(ln(α + T) − ln(α + t_x)),
 * is split as e^d = P(x, T) · Q(x, t_x) with P = e^(ln a − ln(b + x − 1) + (r + x)(ln(α + T) − M)),
 * Q = e^((r + x)(M − ln(α + t_x))) and M the middle of the ln(α + T), ln(α + t_x)
 * range; for an x whose P or Q could leave the normal doubles the cells take e^d whole.
 */
import { lastAtOrBefore } from '../../model/sorted-search.js';
import { hyp2f1Ladder } from './hyp2f1-ladder.js';
import type { BgNbdParams } from './bgnbd.js';
import type { GammaGammaParams } from './gamma-gamma.js';
import { wholeIds, type ValueGroups } from './rfm-groups.js';

/** One row's cells, bucketed by the universe's (x, T) pairs. */
interface RowPlan {
  customers: number;
  /** The row's (x, T) pairs (universe ids); the cells of pairs[j] are [start[j], start[j + 1]). */
  pairs: Int32Array;
  start: Int32Array;
  /** Per row pair: customers and Σ z̄. */
  W: Float64Array;
  Z: Float64Array;
  /** Per cell: its (x, t_x) pair (universe id), customers, Σ z̄. */
  cellTx: Int32Array;
  cellW: Float64Array;
  cellZ: Float64Array;
}

export interface ValuePlan {
  T: Float64Array;
  tx: Float64Array;
  maxX: number;
  /** (x, T) pairs, ordered by (T, x): the pairs of T level l are [byT[l], byT[l + 1]). */
  pairX: Float64Array;
  pairTi: Int32Array;
  byT: Int32Array;
  /** (x, t_x) pairs, ordered by (t_x, x). */
  txX: Float64Array;
  txTi: Int32Array;
  rows: RowPlan[];
  /** Scratch arrays of evaluatePlan, reused by every draw (evaluation is synchronous). */
  work: Record<'P' | 'lP' | 'F' | 'ifAlive' | 'discounted' | 'Q' | 'lQ', Float64Array>;
}

export interface ValueSettings {
  /** Horizon in model units (weeks or days). */
  horizon: number;
  /** Discount rate per model unit (from the annual rate: (1 + d)^(unit/year) − 1). */
  discountPerUnit: number;
  margin: number;
}

export interface ValueSummary {
  customers: number;
  /** Mean P(alive at T). */
  pAlive: number;
  /** Mean E[Y(horizon) | x, t_x, T]: purchases per customer expected over the horizon (undiscounted). */
  expectedPurchases: number;
  /** Mean E[Z | x, z̄]: expected value per future purchase. */
  expectedSpend: number;
  /** Mean over customers of margin × Σ discounted E[purchases in step] × E[Z | x, z̄]. */
  predictedClv: number;
}

/** Steps at whose ends a discounted horizon is discounted: one per unit, at most this many. */
export const MAX_DISCOUNT_STEPS = 26;

/** Index of `v` in the ascending distinct `levels`; throws when absent (a row must lie inside its universe). */
function levelOf(levels: Float64Array, v: number): number {
  const l = lastAtOrBefore(levels, v);
  if (l < 0 || levels[l] !== v) throw new Error(`value plan: ${v} is not a level of the universe`);
  return l;
}

/** The plan of `rows`, each a subset of `universe`'s customers (or the universe itself). */
export function valuePlan(universe: ValueGroups, rows: readonly ValueGroups[]): ValuePlan {
  const T = universe.levels.T;
  const tx = universe.levels.tx;
  const nT = T.length;
  const nTx = tx.length;
  // Pair keys → dense ids; the (x, T) pairs are then renumbered by (T, x) so that a T level's
  // pairs are one contiguous run with x ascending (the ladder's order).
  let maxX = 0;
  for (let i = 0; i < universe.length; i++) if (universe.x[i]! > maxX) maxX = universe.x[i]!;
  const xT = wholeIds((maxX + 1) * nT, universe.length);
  const xTx = wholeIds((maxX + 1) * nTx, universe.length);
  const px: number[] = [];
  const pTi: number[] = [];
  const qx: number[] = [];
  const qTi: number[] = [];
  for (let i = 0; i < universe.length; i++) {
    const x = universe.x[i]!;
    const Ti = universe.levels.Ti[i]!;
    const txi = universe.levels.txi[i]!;
    if (xT(x * nT + Ti) === px.length) {
      px.push(x);
      pTi.push(Ti);
    }
    if (xTx(x * nTx + txi) === qx.length) {
      qx.push(x);
      qTi.push(txi);
    }
  }
  const sorted = Int32Array.from(px.keys()).sort((i, j) => pTi[i]! - pTi[j]! || px[i]! - px[j]!);
  const renumber = new Int32Array(px.length);
  sorted.forEach((old, id) => (renumber[old] = id));
  const byT = new Int32Array(nT + 1);
  for (const Ti of pTi) byT[Ti + 1]!++;
  for (let l = 0; l < nT; l++) byT[l + 1]! += byT[l]!;
  const nPairs = px.length;
  const txSorted = Int32Array.from(qx.keys()).sort((i, j) => qTi[i]! - qTi[j]! || qx[i]! - qx[j]!);
  const txRenumber = new Int32Array(qx.length);
  txSorted.forEach((old, id) => (txRenumber[old] = id));
  return {
    T,
    tx,
    maxX,
    pairX: Float64Array.from(sorted, (j) => px[j]!),
    pairTi: Int32Array.from(sorted, (j) => pTi[j]!),
    byT,
    txX: Float64Array.from(txSorted, (j) => qx[j]!),
    txTi: Int32Array.from(txSorted, (j) => qTi[j]!),
    rows: rows.map((g) => rowPlan(g, universe, (x, Ti) => renumber[xT(x * nT + Ti)] ?? nPairs, (x, txi) => txRenumber[xTx(x * nTx + txi)] ?? qx.length, nPairs, qx.length)),
    work: { P: new Float64Array(nPairs), lP: new Float64Array(nPairs), F: new Float64Array(nPairs), ifAlive: new Float64Array(nPairs), discounted: new Float64Array(nPairs), Q: new Float64Array(qx.length), lQ: new Float64Array(qx.length) },
  };
}

function rowPlan(g: ValueGroups, u: ValueGroups, pairOf: (x: number, Ti: number) => number, txPairOf: (x: number, txi: number) => number, nPairs: number, nTxPairs: number): RowPlan {
  const Tmap = g === u ? null : Int32Array.from(g.levels.T, (v) => levelOf(u.levels.T, v));
  const txMap = g === u ? null : Int32Array.from(g.levels.tx, (v) => levelOf(u.levels.tx, v));
  const cellPair = new Int32Array(g.length);
  const cellTxAll = new Int32Array(g.length);
  const count = new Int32Array(nPairs + 1);
  for (let i = 0; i < g.length; i++) {
    const x = g.x[i]!;
    const Ti = Tmap ? Tmap[g.levels.Ti[i]!]! : g.levels.Ti[i]!;
    const txi = txMap ? txMap[g.levels.txi[i]!]! : g.levels.txi[i]!;
    const p = pairOf(x, Ti);
    const q = txPairOf(x, txi);
    if (p >= nPairs || q >= nTxPairs) throw new Error('value plan: a row cell is not in the universe');
    cellPair[i] = p;
    cellTxAll[i] = q;
    count[p + 1]!++;
  }
  // The row's pairs in universe order, and its cells bucketed by pair.
  const pairs: number[] = [];
  const slot = new Int32Array(nPairs);
  for (let p = 0; p < nPairs; p++) {
    if (count[p + 1]! === 0) continue;
    slot[p] = pairs.length;
    pairs.push(p);
  }
  const start = new Int32Array(pairs.length + 1);
  for (let j = 0; j < pairs.length; j++) start[j + 1] = start[j]! + count[pairs[j]! + 1]!;
  const fill = start.slice(0, pairs.length);
  const cellTx = new Int32Array(g.length);
  const cellW = new Float64Array(g.length);
  const cellZ = new Float64Array(g.length);
  const W = new Float64Array(pairs.length);
  const Z = new Float64Array(pairs.length);
  let customers = 0;
  for (let i = 0; i < g.length; i++) {
    const j = slot[cellPair[i]!]!;
    const k = fill[j]!++;
    cellTx[k] = cellTxAll[i]!;
    cellW[k] = g.w[i]!;
    cellZ[k] = g.sumZbar[i]!;
    W[j] = W[j]! + g.w[i]!;
    Z[j] = Z[j]! + g.sumZbar[i]!;
    customers += g.w[i]!;
  }
  return { customers, pairs: Int32Array.from(pairs), start, W, Z, cellTx, cellW, cellZ };
}

/** Multiplications by e^D between exact exponentials in powersAlongX: rounding stays below ~16 ulps. */
const CHAIN = 16;

/**
 * out[j] = e^((r + x_j) · sign · (L[level_j] + shift)) for entries sorted by (level, x), where
 * split[x]: by e^(sign·D) multiplications along x within a level, with an exact exponential
 * at a level's first entry, after gaps and every CHAIN multiplications (an exp per
 * entry would cost several times more). Entries whose x is not split are left alone.
 */
function powersAlongX(xs: Float64Array, level: Int32Array, L: Float64Array, shift: number, r: number, split: Uint8Array, out: Float64Array, sign = 1): void {
  let lastLevel = -1;
  let lastX = 0;
  let power = 0;
  let step = 0;
  let chain = 0;
  for (let j = 0; j < xs.length; j++) {
    const x = xs[j]!;
    if (split[x] !== 1) continue;
    const l = level[j]!;
    const D = sign * (L[l]! + shift);
    if (l !== lastLevel || x - lastX > 4 || chain + x - lastX > CHAIN) {
      power = Math.exp((r + x) * D);
      step = Math.exp(D);
      chain = 0;
    } else {
      for (let k = lastX; k < x; k++) power *= step;
      chain += x - lastX;
    }
    lastLevel = l;
    lastX = x;
    out[j] = power;
  }
}

/** |ln P| and |ln Q| up to this keep P and Q normal doubles (e^±700 ≈ 10^±304). */
const SAFE_EXPONENT = 700;

/**
 * The value summary of every row of the plan under one set of parameters;
 * null rows when the spend model has no mean (q ≤ 1) or a row is empty.
 *
 *     pAlive            = Σ P(alive) / N
 *     expectedPurchases = Σ P(alive) · E_alive[Y(H)] / N
 *     expectedSpend     = Σ p (γ + x z̄) / (p x + q − 1) / N
 *     predictedClv      = margin · Σ P(alive) · E[Z|x, z̄] · Σ_k (E_alive[Y(t_k)] − E_alive[Y(t_{k−1})]) / (1 + d)^t_k / N
 *
 * with t_k = k·H/K, K = 1 without discount, else min(⌈H⌉, MAX_DISCOUNT_STEPS), and
 * E_alive[Y(t)] = (a + b + x − 1)/(a − 1) · [1 − (1 − z)^(a − 1) ₂F₁(a + b − 1 − r, a − 1; a + b + x − 1; z)],
 * z = t/(α + T + t) (bgnbd.ts, through Euler's transformation).
 */
export function evaluatePlan(plan: ValuePlan, bg: BgNbdParams, gg: GammaGammaParams, s: ValueSettings): (ValueSummary | null)[] {
  const { p, q, gamma } = gg;
  if (!(q > 1)) return plan.rows.map(() => null);
  const { r, alpha, a, b } = bg;
  const { T, tx, maxX, pairX, pairTi, byT, txX, txTi } = plan;
  const { P, lP, F, ifAlive, discounted, Q, lQ } = plan.work;
  const nPairs = pairX.length;
  const LT = Float64Array.from(T, (v) => Math.log(alpha + v));
  const Ltx = Float64Array.from(tx, (v) => Math.log(alpha + v));
  const Lmin = Math.min(LT[0]!, Ltx[0]!);
  const Lmax = Math.max(LT[LT.length - 1]!, Ltx[Ltx.length - 1]!);
  const M = (Lmin + Lmax) / 2;
  // Per x: ln a − ln(b + x − 1), p / (p x + q − 1) (the spend expectation's factor), and
  // whether every P and Q of that x is a normal double (|ln P|, |ln Q| ≤ |c_x| + (r + x)(Lmax − M)).
  const cx = new Float64Array(maxX + 1);
  const den = new Float64Array(maxX + 1);
  const split = new Uint8Array(maxX + 1);
  for (let x = 0; x <= maxX; x++) {
    if (x > 0) cx[x] = Math.log(a) - Math.log(b + x - 1);
    den[x] = p / (p * x + q - 1);
    split[x] = Math.abs(cx[x]!) + (r + x) * (Lmax - M) <= SAFE_EXPONENT ? 1 : 0;
  }
  // The exponents whole, for the x whose powers would not stay finite (split[x] = 0: the only ones that read them).
  for (let j = 0; j < nPairs; j++) {
    const x = pairX[j]!;
    if (split[x] === 0) lP[j] = x === 0 ? -Infinity : cx[x]! + (r + x) * (LT[pairTi[j]!]! - M);
  }
  for (let j = 0; j < txX.length; j++) if (split[txX[j]!] === 0) lQ[j] = (r + txX[j]!) * (M - Ltx[txTi[j]!]!);
  // P = a/(b + x − 1) · e^((r + x)(ln(α + T) − M)) and Q = e^((r + x)(M − ln(α + t_x))), both powers along x.
  powersAlongX(pairX, pairTi, LT, -M, r, split, P);
  for (let j = 0; j < nPairs; j++) {
    const x = pairX[j]!;
    P[j] = x === 0 ? 0 : (a / (b + x - 1)) * P[j]!;
  }
  powersAlongX(txX, txTi, Ltx, -M, r, split, Q, -1);
  // E_alive[Y(t_k)] per pair: one ladder per (T level, step).
  const K = s.discountPerUnit > 0 ? Math.max(1, Math.min(Math.ceil(s.horizon), MAX_DISCOUNT_STEPS)) : 1;
  ifAlive.fill(0);
  discounted.fill(0);
  const A = a + b - 1 - r;
  const B = a - 1;
  const c0 = a + b - 1;
  for (let k = 1; k <= K; k++) {
    const t = (k * s.horizon) / K;
    if (!(t > 0)) continue;
    const discount = Math.pow(1 + s.discountPerUnit, t);
    for (let l = 0; l < T.length; l++) {
      const from = byT[l]!;
      const to = byT[l + 1]!;
      if (from === to) continue;
      const z = t / (alpha + T[l]! + t);
      hyp2f1Ladder(A, B, c0, z, pairX, from, to, F);
      const power = Math.exp(B * Math.log1p(-z));
      for (let j = from; j < to; j++) {
        const e = ((c0 + pairX[j]!) / B) * (1 - power * F[j]!);
        discounted[j] = discounted[j]! + (e - ifAlive[j]!) / discount;
        ifAlive[j] = e;
      }
    }
  }
  return plan.rows.map((row) => {
    if (row.customers === 0) return null;
    const { pairs, start, W, Z, cellTx, cellW, cellZ } = row;
    let alive = 0;
    let purchases = 0;
    let spend = 0;
    let value = 0;
    for (let j = 0; j < pairs.length; j++) {
      const pair = pairs[j]!;
      const x = pairX[pair]!;
      let sa = 0;
      let sz = 0;
      if (split[x] === 1) {
        const Pj = P[pair]!;
        for (let c = start[j]!; c < start[j + 1]!; c++) {
          const pa = 1 / (1 + Pj * Q[cellTx[c]!]!);
          sa += cellW[c]! * pa;
          sz += cellZ[c]! * pa;
        }
      } else {
        // e^d whole: P or Q alone would overflow or lose digits (thousands of purchases).
        const lPj = lP[pair]!;
        for (let c = start[j]!; c < start[j + 1]!; c++) {
          const pa = 1 / (1 + Math.exp(lPj + lQ[cellTx[c]!]!));
          sa += cellW[c]! * pa;
          sz += cellZ[c]! * pa;
        }
      }
      alive += sa;
      purchases += sa * ifAlive[pair]!;
      spend += den[x]! * (gamma * W[j]! + x * Z[j]!);
      value += den[x]! * (gamma * sa + x * sz) * discounted[pair]!;
    }
    const n = row.customers;
    return { customers: n, pAlive: alive / n, expectedPurchases: purchases / n, expectedSpend: spend / n, predictedClv: (s.margin * value) / n };
  });
}
