/**
 * ₂F₁(A, B; c₀ + x; z) for many whole x at one z, through the contiguous
 * relation in c (DLMF 15.5.18) instead of one series per x: the BG/NBD
 * expectations of every customer with the same age T share z, and differ only
 * in x. Pure.
 *
 *     c(c − 1)(z − 1) F(c − 1) + c [c − 1 − (2c − A − B − 1) z] F(c) + (c − A)(c − B) z F(c + 1) = 0
 *
 * A step also carries a multiple of the relation's other solution (rounding).
 * Locally the two solutions grow by the roots λ of α₂λ² + α₁λ + α₀ = 0, whose
 * product is α₀/α₂ = c(c − 1)(z − 1) / ((c − A)(c − B) z); with F's own ratio λ
 * known from the values just computed, a step up multiplies the other
 * solution's share by |α₀ / (α₂ λ²)| and a step down by its inverse. The ladder
 * starts from two direct values (special.ts) at an anchor below the top run of
 * x where upward steps damp (|α₀/α₂| ≤ 1, the usual case for large x when
 * z ≥ ½), climbs up and down from it, tracks the error bound step by step and
 * re-anchors on direct values when the bound exceeds 100 ulps. Tested against
 * the direct evaluation over a grid of parameters (hyp2f1-ladder.test.ts).
 */
import { hypergeometric2F1 } from './special.js';

/** Relative error bound, in units of rounding, at which the ladder re-anchors on direct values. */
const MAX_GROWTH = 100;

/**
 * Writes F(x) = ₂F₁(A, B; c₀ + x; z) to out[k] for x = xs[k], k in
 * [from, to), whose x must be ascending whole numbers. Few or sparse x are
 * evaluated directly (steps over long gaps would cost more).
 * @example const out = new Float64Array(2); hyp2f1Ladder(1, 1, 1, 0.5, Float64Array.of(0, 1), 0, 2, out) // out = [2, 2 ln 2]
 */
export function hyp2f1Ladder(A: number, B: number, c0: number, z: number, xs: Float64Array, from: number, to: number, out: Float64Array): void {
  const F = (x: number): number => hypergeometric2F1(A, B, c0 + x, z);
  const n = to - from;
  const xFirst = xs[from]!;
  const xLast = xs[to - 1]!;
  if (n <= 2 || xLast - xFirst > 40 * n) {
    for (let k = from; k < to; k++) out[k] = F(xs[k]!);
    return;
  }
  const zm1 = z - 1;
  const s = A + B + 1;
  /** α₀/α₂ at c. */
  const rootProduct = (c: number): number => (c * (c - 1) * zm1) / ((c - A) * (c - B) * z);
  // The anchor x*: upward steps at c = c₀ + x for x > x* have |α₀/α₂| ≤ 1; the steps below x* go down.
  let xa = xLast - 1;
  while (xa > xFirst && Math.abs(rootProduct(c0 + xa)) <= 1) xa--;
  let k0 = from;
  while (xs[k0]! < xa) k0++;
  const fa = F(xa);
  const fb = F(xa + 1);
  // Upwards: f0 = F(x − 1), f1 = F(x); the step at c = c₀ + x gives F(x + 1). The bound is
  // carried as β = bound · F(x)², which updates without a division: β ← |α₀/α₂| (β + F(x)²), then x ← x + 1.
  let f0 = fa;
  let f1 = fb;
  let x = xa + 1;
  let beta = 0;
  for (let k = k0; k < to; k++) {
    const target = xs[k]!;
    if (target === xa) {
      out[k] = fa;
      continue;
    }
    while (x < target) {
      const c = c0 + x;
      const a0 = c * (c - 1) * zm1;
      const g = 1 / ((c - A) * (c - B) * z);
      const f2 = -(a0 * f0 + c * (c - 1 - (2 * c - s) * z) * f1) * g;
      beta = Math.abs(a0 * g) * (beta + f1 * f1);
      x++;
      f0 = f1;
      f1 = f2;
      if (!(beta <= MAX_GROWTH * f2 * f2)) {
        f0 = F(x - 1);
        f1 = F(x);
        beta = 0;
      }
    }
    out[k] = f1;
  }
  // Downwards: f1 = F(x), f2 = F(x + 1); the step at c = c₀ + x gives F(x − 1); β ← |α₂/α₀| (β + F(x)²), then x ← x − 1.
  f1 = fa;
  let f2 = fb;
  x = xa;
  beta = 0;
  for (let k = k0 - 1; k >= from; k--) {
    const target = xs[k]!;
    while (x > target) {
      const c = c0 + x;
      const a2 = (c - A) * (c - B) * z;
      const g = 1 / (c * (c - 1) * zm1);
      const fm = -(c * (c - 1 - (2 * c - s) * z) * f1 + a2 * f2) * g;
      beta = Math.abs(a2 * g) * (beta + f1 * f1);
      x--;
      f2 = f1;
      f1 = fm;
      if (!(beta <= MAX_GROWTH * fm * fm)) {
        f2 = F(x + 1);
        f1 = F(x);
        beta = 0;
      }
    }
    out[k] = f1;
  }
}
