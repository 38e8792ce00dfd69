/**
 * The regularized incomplete beta function I_x(a, b), behind the Student t CDF.
 */
import { logBeta } from './log-gamma.js';

const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 100_000;

/**
 * Continued fraction for I_x(a, b) (modified Lentz; Numerical Recipes `betacf`),
 * converging fast for x < (a + 1)/(a + b + 2).
 */
function betaFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) return h;
  }
  return h;
}

/**
 * The regularized incomplete beta function, given x and its complement y = 1 − x
 * separately (so that a y computed as t²/(ν + t²) keeps its precision).
 *
 *     I_x(a, b) = (1 / B(a, b)) ∫₀ˣ tᵃ⁻¹ (1 − t)ᵇ⁻¹ dt;   I_x(a, b) = 1 − I_y(b, a)
 *
 * @example incompleteBeta(0.5, 0.5, 2, 3) // 0.6875
 * @example incompleteBeta(0.25, 0.75, 1, 1) // 0.25
 */
export function incompleteBeta(x: number, y: number, a: number, b: number): number {
  if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) throw new RangeError(`incompleteBeta: x must be in [0, 1], got ${x}`);
  if (x === 0) return 0;
  if (y === 0) return 1;
  // ln x from the smaller of x and y, so that a huge a (a large ν) does not amplify rounding.
  const logX = x > 0.5 ? Math.log1p(-y) : Math.log(x);
  const logY = y > 0.5 ? Math.log1p(-x) : Math.log(y);
  const front = Math.exp(a * logX + b * logY - logBeta(a, b));
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
  return 1 - (front * betaFraction(y, b, a)) / b;
}
