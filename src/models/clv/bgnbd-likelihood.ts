/**
 * The BG/NBD log-likelihood over the grouped summary and its gradient, in the
 * form the fit evaluates hundreds of times. Every term but one is linear in
 * per-x or per-T sums, so it is aggregated once (O(max x + distinct T)); only
 * the repeat customers' cells pay transcendental functions: one exp and one
 * log1p each. Pure.
 *
 *     ln L_i = A₁ + A₂ + A₃ + [x > 0] softplus(A₄ − A₃)        (bgnbd.ts, the paper's equation 6)
 *     A₄ − A₃ = d = ln a − ln(b + x − 1) + (r + x) (ln(α + T) − ln(α + t_x))
 */
import { perObject } from './memo.js';
import type { BgNbdParams, RfmGroups } from './bgnbd.js';

/** Sums that do not depend on the parameters, built once per RfmGroups. */
interface Prepared {
  n: number;
  maxX: number;
  /** Customers per x. */
  wx: Float64Array;
  /** Per T level: customers, and Σ w·x. */
  wT: Float64Array;
  xwT: Float64Array;
  /** The cells with x > 0. */
  rx: Int32Array;
  rw: Float64Array;
  rTi: Int32Array;
  rtxi: Int32Array;
}

const prepare = perObject((g: RfmGroups): Prepared => {
  let maxX = 0;
  let repeat = 0;
  for (let i = 0; i < g.length; i++) {
    if (g.x[i]! > maxX) maxX = g.x[i]!;
    if (g.x[i]! > 0) repeat++;
  }
  const out: Prepared = {
    n: 0,
    maxX,
    wx: new Float64Array(maxX + 1),
    wT: new Float64Array(g.levels.T.length),
    xwT: new Float64Array(g.levels.T.length),
    rx: new Int32Array(repeat),
    rw: new Float64Array(repeat),
    rTi: new Int32Array(repeat),
    rtxi: new Int32Array(repeat),
  };
  let k = 0;
  for (let i = 0; i < g.length; i++) {
    const x = g.x[i]!;
    const w = g.w[i]!;
    const Ti = g.levels.Ti[i]!;
    out.n += w;
    out.wx[x] = out.wx[x]! + w;
    out.wT[Ti] = out.wT[Ti]! + w;
    out.xwT[Ti] = out.xwT[Ti]! + w * x;
    if (x > 0) {
      out.rx[k] = x;
      out.rw[k] = w;
      out.rTi[k] = Ti;
      out.rtxi[k] = g.levels.txi[i]!;
      k++;
    }
  }
  return out;
});

export interface ValueAndGradient {
  /** Σ w · ln L (−∞ outside the domain). */
  value: number;
  /** ∂/∂(r, α, a, b) of the value (NaN outside the domain). */
  gradient: [number, number, number, number];
}

/**
 * Σ w · ln L over the groups and its gradient in (r, α, a, b). Equal to
 * Σ w · bgnbdCustomerLogLikelihood (tested, with random data), the gradient to
 * finite differences.
 *
 *     ∂/∂r = Σ w [Σ_{j<x} 1/(r + j) + ln α − ln(α + T) + σ(d) (ln(α + T) − ln(α + t_x))]
 *     ∂/∂α = Σ w [r/α − (r + x)/(α + T) + σ(d) (r + x) (1/(α + T) − 1/(α + t_x))]
 *     ∂/∂a = Σ w [−Σ_{j<x} 1/(a + b + j) + σ(d)/a]
 *     ∂/∂b = Σ w [Σ_{j<x} (1/(b + j) − 1/(a + b + j)) − σ(d)/(b + x − 1)]
 */
export function bgnbdValueAndGradient(p: BgNbdParams, g: RfmGroups): ValueAndGradient {
  const { r, alpha, a, b } = p;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return { value: -Infinity, gradient: [NaN, NaN, NaN, NaN] };
  const pr = prepare(g);
  const logA = Math.log(a);
  const logAlpha = Math.log(alpha);
  // Per x: the Γ and B ratios as running sums, their derivatives, and ln a − ln(b + x − 1).
  let value = pr.n * r * logAlpha;
  let gr = pr.n * logAlpha;
  let ga = 0;
  let gb = 0;
  const cx = new Float64Array(pr.maxX + 1);
  const ib = new Float64Array(pr.maxX + 1);
  let lgr = 0;
  let lbr = 0;
  let dr = 0;
  let da = 0;
  let db = 0;
  for (let x = 0; x <= pr.maxX; x++) {
    if (x > 0) {
      const j = x - 1;
      lgr += Math.log(r + j);
      lbr += Math.log(b + j) - Math.log(a + b + j);
      dr += 1 / (r + j);
      da -= 1 / (a + b + j);
      db += 1 / (b + j) - 1 / (a + b + j);
      ib[x] = 1 / (b + x - 1);
      cx[x] = logA - Math.log(b + x - 1);
    }
    const w = pr.wx[x]!;
    if (w === 0) continue;
    value += w * (lgr + lbr);
    gr += w * dr;
    ga += w * da;
    gb += w * db;
  }
  let galpha = (pr.n * r) / alpha;
  // Per T level: A₃ = −(r + x) ln(α + T), summed as (r·W_T + Σ w x) ln(α + T).
  const { T: Tv, tx: txv } = g.levels;
  const LT = new Float64Array(Tv.length);
  const iT = new Float64Array(Tv.length);
  for (let l = 0; l < Tv.length; l++) {
    const L = Math.log(alpha + Tv[l]!);
    const inv = 1 / (alpha + Tv[l]!);
    LT[l] = L;
    iT[l] = inv;
    const m = r * pr.wT[l]! + pr.xwT[l]!;
    value -= m * L;
    gr -= pr.wT[l]! * L;
    galpha -= m * inv;
  }
  const Ltx = new Float64Array(txv.length);
  const itx = new Float64Array(txv.length);
  for (let l = 0; l < txv.length; l++) {
    Ltx[l] = Math.log(alpha + txv[l]!);
    itx[l] = 1 / (alpha + txv[l]!);
  }
  // The repeat customers' cells: w · softplus(d), and σ(d) for the gradient.
  const sigmaByX = new Float64Array(pr.maxX + 1);
  let tail = 0;
  let sigmaAll = 0;
  let sigmaR = 0;
  let sigmaAlpha = 0;
  const { rx, rw, rTi, rtxi } = pr;
  for (let k = 0; k < rx.length; k++) {
    const x = rx[k]!;
    const Ti = rTi[k]!;
    const txi = rtxi[k]!;
    const L1 = LT[Ti]! - Ltx[txi]!;
    const d = cx[x]! + (r + x) * L1;
    const e = Math.exp(-Math.abs(d));
    const sigma = d > 0 ? 1 / (1 + e) : e / (1 + e);
    const w = rw[k]!;
    tail += w * ((d > 0 ? d : 0) + Math.log1p(e));
    const ws = w * sigma;
    sigmaAll += ws;
    sigmaR += ws * L1;
    sigmaAlpha += ws * (r + x) * (iT[Ti]! - itx[txi]!);
    sigmaByX[x] = sigmaByX[x]! + ws;
  }
  value += tail;
  gr += sigmaR;
  galpha += sigmaAlpha;
  ga += sigmaAll / a;
  for (let x = 1; x <= pr.maxX; x++) gb -= sigmaByX[x]! * ib[x]!;
  return { value, gradient: [gr, galpha, ga, gb] };
}

/** Σ w · ln L over the groups; −∞ for parameters outside the domain. */
export function bgnbdLogLikelihood(p: BgNbdParams, g: RfmGroups): number {
  return bgnbdValueAndGradient(p, g).value;
}
