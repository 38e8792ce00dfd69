/**
 * Maximum-likelihood fits of the two models on log-parameters: BFGS with the
 * analytic gradient from several starts, and Nelder–Mead with restarts where
 * BFGS does not converge; a convergence check, and standard errors from the
 * Hessian of −ln L in the natural parameters (central differences of the
 * analytic gradient) (the way lifetimes
 * reports them).
 * A fit that does not converge, or whose Hessian is not positive definite, is a
 * FitFailure — never numbers. Pure.
 */
import type { BgNbdParams, RfmGroups } from './bgnbd.js';
import { bgnbdValueAndGradient } from './bgnbd-likelihood.js';
import { gammaGammaValueAndGradient, type GammaGammaParams, type SpendSample } from './gamma-gamma.js';
import { hessianFromGradient, invertPositiveDefinite, minimizeSmooth, minimizeWithRestarts } from './optimize.js';

export interface Fit<P> {
  ok: true;
  params: P;
  /** Standard errors, same keys. */
  se: P;
  /** Covariance of the natural parameters (inverse Hessian of −ln L), in key order. */
  covariance: number[][];
  logLikelihood: number;
  /** Customers the fit used (weights summed). */
  n: number;
  evaluations: number;
}

export interface FitFailure {
  ok: false;
  /** Why, for the `model` column and stderr: 'did not converge', 'flat likelihood (no standard errors)', … */
  reason: string;
}

const START_SCALES = [1, 0.1, 10] as const;
const LOG_WALL = 20;

/** ln L and its gradient in the natural parameters. */
type LogLikelihood<P> = (p: P) => { value: number; gradient: readonly number[] };

function fitPositive<P extends object>(keys: readonly (keyof P & string)[], logLikGrad: LogLikelihood<P>, n: number, typical: readonly number[], from: P | undefined): Fit<P> | FitFailure {
  const toParams = (v: readonly number[]): P => Object.fromEntries(keys.map((k, i) => [k, v[i]!])) as P;
  const logLik = (p: P): number => logLikGrad(p).value;
  const negLog = (theta: number[]): number => {
    // A wall at e^±20: a parameter running off to 0 or ∞ stops there (and the fit is then refused below).
    if (theta.some((t) => Math.abs(t) > LOG_WALL)) return Infinity;
    const v = -logLik(toParams(theta.map(Math.exp)));
    return Number.isFinite(v) ? v : Infinity;
  };
  // −ln L in log-parameters and its gradient: ∂/∂θ_i = −e^θ_i · ∂ln L/∂p_i.
  const negLogGrad = (theta: number[]): { value: number; gradient: number[] } => {
    if (theta.some((t) => Math.abs(t) > LOG_WALL)) return { value: Infinity, gradient: theta.map(() => NaN) };
    const values = theta.map(Math.exp);
    const r = logLikGrad(toParams(values));
    return { value: Number.isFinite(r.value) ? -r.value : Infinity, gradient: r.gradient.map((g, i) => -g * values[i]!) };
  };
  const starts = START_SCALES.map((s) => typical.map((t) => Math.log(t * s)));
  // A known nearby optimum (the pooled fit, for a channel) goes first: two starts that agree end the search early.
  if (from) starts.unshift(keys.map((k) => Math.log(from[k] as number)));
  const abandon = (x: readonly number[]): boolean => x.some((t) => Math.abs(t) > LOG_WALL - 1);
  // BFGS first (tens of evaluations); Nelder–Mead with restarts, from its best point too, where it does not converge.
  const smooth = minimizeSmooth(negLogGrad, starts, { abandon });
  const best = smooth.converged || abandon(smooth.x) ? smooth : minimizeWithRestarts(negLog, [smooth.x, ...starts], { abandon });
  if (!Number.isFinite(best.value)) return { ok: false, reason: 'the likelihood is not finite anywhere the optimiser looked' };
  const values = best.x.map(Math.exp);
  if (best.x.some((t) => Math.abs(t) > LOG_WALL - 1)) return { ok: false, reason: 'a parameter ran off to 0 or infinity (the data do not identify the model)' };
  if (!best.converged) return { ok: false, reason: `the optimiser did not converge in ${best.evaluations} evaluations` };
  const H = hessianFromGradient((v) => logLikGrad(toParams(v)).gradient.map((g) => -g), values);
  const cov = invertPositiveDefinite(H);
  if (cov === null || cov.some((row, i) => !(row[i]! > 0) || !Number.isFinite(row[i]!))) return { ok: false, reason: 'the likelihood is flat at the optimum (the Hessian is not positive definite)' };
  return { ok: true, params: toParams(values), se: toParams(cov.map((row, i) => Math.sqrt(row[i]!))), covariance: cov, logLikelihood: -best.value, n, evaluations: best.evaluations };
}

export const BGNBD_KEYS = ['r', 'alpha', 'a', 'b'] as const satisfies readonly (keyof BgNbdParams)[];
export const GAMMA_GAMMA_KEYS = ['p', 'q', 'gamma'] as const satisfies readonly (keyof GammaGammaParams)[];

/** Maximum-likelihood BG/NBD over the grouped summary. Starts: `from` when given, then (1, mean T, 1, 1) scaled by 1, 0.1 and 10. */
export function fitBgNbd(g: RfmGroups, from?: BgNbdParams): Fit<BgNbdParams> | FitFailure {
  let n = 0;
  let sumT = 0;
  for (let i = 0; i < g.length; i++) {
    n += g.w[i]!;
    sumT += g.w[i]! * g.T[i]!;
  }
  if (n === 0) return { ok: false, reason: 'no customers' };
  const meanT = Math.max(sumT / n, 1);
  return fitPositive<BgNbdParams>(BGNBD_KEYS, (p) => bgnbdValueAndGradient(p, g), n, [1, meanT, 1, 1], from);
}

/** Maximum-likelihood Gamma-Gamma over the customers with x > 0. Starts: `from` when given, then (1, 1, mean z̄) scaled by 1, 0.1 and 10. */
export function fitGammaGamma(s: SpendSample, from?: GammaGammaParams): Fit<GammaGammaParams> | FitFailure {
  if (s.length === 0) return { ok: false, reason: 'no repeat customers' };
  let sum = 0;
  for (let i = 0; i < s.length; i++) sum += s.zbar[i]!;
  return fitPositive<GammaGammaParams>(GAMMA_GAMMA_KEYS, (p) => gammaGammaValueAndGradient(p, s), s.length, [1, 1, sum / s.length], from);
}
