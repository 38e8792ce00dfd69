/**
 * ln Γ and ln B, the building blocks of the Student t distribution.
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;

/**
 * ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; relative error about 1e−15).
 *
 *     Γ(x) = √(2π) · (x + g − ½)^(x − ½) · e^−(x + g − ½) · A_g(x − 1)
 *
 * Below ½ the reflection Γ(x)Γ(1 − x) = π / sin(πx) is used.
 * @example logGamma(5) // 3.1780538303479458 (= ln 24)
 * @example logGamma(0.5) // 0.5723649429247001 (= ln √π)
 */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma: x must be > 0, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Stirling's correction ln Γ(z) − [(z − ½) ln z − z + ½ ln 2π], for z ≥ 10 (error < 1e−13). */
function stirlingCorrection(z: number): number {
  const z2 = z * z;
  return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / (1680 * z2)) / z2) / z2) / z;
}

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0.
 *
 * When the larger argument is ≥ 10 (large degrees of freedom), ln Γ(big) − ln Γ(big + small)
 * is taken from Stirling's series without cancelling two huge numbers:
 *
 *     ln Γ(A) − ln Γ(A + s) = −(A − ½)·ln(1 + s/A) − s·ln(A + s) + s + c(A) − c(A + s)
 *
 * @example logBeta(0.5, 0.5) // 1.1447298858494002 (= ln π)
 * @example logBeta(2, 3) // -2.4849066497880004 (= ln 1/12)
 */
export function logBeta(a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError(`logBeta: a and b must be > 0, got ${a}, ${b}`);
  const big = Math.max(a, b);
  const small = Math.min(a, b);
  if (big < 10) return logGamma(a) + logGamma(b) - logGamma(a + b);
  const diff =
    -(big - 0.5) * Math.log1p(small / big) - small * Math.log(big + small) + small + stirlingCorrection(big) - stirlingCorrection(big + small);
  return logGamma(small) + diff;
}
