/**
 * The ₂F₁ ladder against the direct evaluation (@stdlib's hyp2f1, one series
 * per x) over a grid of the BG/NBD expectation's parameters: a₀ (a), b₀ (b), r,
 * z = t/(α + T + t) and runs of x, dense and sparse. The grid spans both
 * stability regimes (z below and above ½, small and large a + b) and the
 * re-anchoring. r − a₀ is never a whole number: there c − A − B is whole and
 * @stdlib's own value loses digits near z = 1 (e.g. a₀ = 10, b₀ = 0.1, r = 1,
 * z = 0.99, x = 7: @stdlib 698593.2, mpmath 1.3.0 at 40 digits 307014.0765406739,
 * the ladder 307014.0765406744).
 */
import { describe, expect, it } from 'vitest';
import { hyp2f1Ladder } from './hyp2f1-ladder.js';
import { hypergeometric2F1 } from './special.js';

/** Max relative error of the ladder over xs against the direct values. */
function worst(a0: number, b0: number, r: number, z: number, xs: number[]): number {
  const A = a0 + b0 - 1 - r;
  const B = a0 - 1;
  const c0 = a0 + b0 - 1;
  const out = new Float64Array(xs.length);
  hyp2f1Ladder(A, B, c0, z, Float64Array.from(xs), 0, xs.length, out);
  let e = 0;
  xs.forEach((x, k) => {
    const direct = hypergeometric2F1(A, B, c0 + x, z);
    e = Math.max(e, Math.abs(out[k]! - direct) / Math.abs(direct));
  });
  return e;
}

describe('₂F₁ over whole steps of c (the contiguous ladder)', () => {
  it('agrees with the direct series to 1e-12 relative over the parameter grid', () => {
    const dense = Array.from({ length: 131 }, (_, x) => x);
    const sparse = [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377];
    const high = Array.from({ length: 40 }, (_, k) => 360 + k);
    let max = 0;
    let where = '';
    for (const a0 of [0.2, 0.5, 0.79, 1.01, 1.5, 3, 10])
      for (const b0 of [0.1, 0.5, 2.4, 10, 50])
        for (const r of [0.05, 0.243, 1.37, 5.11])
          for (const z of [0.001, 0.05, 0.3, 0.49, 0.5, 0.51, 0.7, 0.9, 0.95])
            for (const xs of [dense, sparse, high]) {
              const e = worst(a0, b0, r, z, xs);
              if (e > max) [max, where] = [e, `a₀ ${a0} b₀ ${b0} r ${r} z ${z}`];
            }
    expect(max, where).toBeLessThan(1e-12);
  });
  it('matches a closed form for every x: ₂F₁(−1, B; c; z) = 1 − B z / c', () => {
    const xs = Float64Array.from({ length: 60 }, (_, x) => x);
    for (const z of [0.2, 0.7]) {
      const out = new Float64Array(xs.length);
      hyp2f1Ladder(-1, 2.5, 1.3, z, xs, 0, xs.length, out);
      xs.forEach((x, k) => expect(out[k]).toBeCloseTo(1 - (2.5 * z) / (1.3 + x), 14));
    }
  });
  it('re-anchors where the local roots mislead the anchor (a₀ 0.2, b₀ 0.1, r 5.11, z 0.49, x up to 377: 2e-3 off without it)', () => {
    expect(worst(0.2, 0.1, 5.11, 0.49, [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377])).toBeLessThan(1e-12);
  });
});
