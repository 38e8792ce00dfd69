/**
 * Special functions of the CLV models, from @stdlib (maintained, tested against
 * Boost/Cephes): ln Γ, ψ, ln B and the Gauss hypergeometric ₂F₁. The models call
 * ₂F₁ only in the Euler-transformed form below, whose parameters stay small for
 * any purchase count, so nothing overflows (see bgnbd.ts).
 */
import betaln from '@stdlib/math-base-special-betaln';
import digammaFn from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';
import hyp2f1 from '@stdlib/math-base-special-hyp2f1';

/** ln Γ(x), x > 0. @example lgamma(5) // ln 24 */
export const lgamma: (x: number) => number = gammaln;

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), a, b > 0. @example lbeta(1, 1) // 0 */
export const lbeta: (a: number, b: number) => number = betaln;

/** ψ(x) = d/dx ln Γ(x), x > 0 (the likelihood gradients). @example digamma(1) // −0.5772… (−γ) */
export const digamma: (x: number) => number = digammaFn;

/** ₂F₁(a, b; c; z) for |z| < 1. @example hypergeometric2F1(1, 1, 2, 0.5) // 2 ln 2 */
export const hypergeometric2F1: (a: number, b: number, c: number, z: number) => number = hyp2f1;

/**
 * (1 − z)^k · ₂F₁(a, b; c; z), the form the BG/NBD expectations need, through Euler's transformation ₂F₁(a, b; c; z) = (1 − z)^(c − a − b) · ₂F₁(c − a, c − b; c; z):
 *
 *     = (1 − z)^(k + c − a − b) · ₂F₁(c − a, c − b; c; z)
 *
 * For the conditional expectation a = r + x, b = b₀ + x, c = a₀ + b₀ + x − 1 and
 * k = r + x, so the power is a₀ − 1 and the new ₂F₁ has parameters
 * (a₀ + b₀ − 1 − r, a₀ − 1; a₀ + b₀ + x − 1): bounded in x, and the series tends
 * to 1 as x grows. The direct form overflows near x = 300 (₂F₁ ≈ 1e84 there,
 * +∞ by x = 5000) and multiplies it by a power that underflows: NaN.
 * @example eulerScaled2F1(1, 1, 2, 0.5, 0) // 2 ln 2
 */
export function eulerScaled2F1(a: number, b: number, c: number, z: number, k: number): number {
  const power = k + c - a - b;
  const f = hypergeometric2F1(c - a, c - b, c, z);
  return Math.exp(power * Math.log1p(-z)) * f;
}
