/**
 * The fits of a `clv` run: pooled, then per acquisition channel where the
 * channel clears the floor, with the pooled fit as the documented fallback.
 * Pure wiring of src/models/clv over the per-customer summary.
 */
import type { BgNbdParams } from '../models/clv/bgnbd.js';
import { fitBgNbd, fitGammaGamma, type Fit, type FitFailure } from '../models/clv/fit.js';
import { frequencySpendCorrelation, type GammaGammaParams } from '../models/clv/gamma-gamma.js';
import { groupSummary, spendSample, type CustomerSummary, type ValueGroups } from '../models/clv/rfm-groups.js';
import { parametricInterval, parametricIntervals, planOf, type BootstrapInterval, type ValueSettings } from '../models/clv/value.js';

export interface Floor {
  customers: number;
  repeatCustomers: number;
}

export const DEFAULT_FLOOR: Floor = { customers: 500, repeatCustomers: 100 };

/** |ρ(x, z̄)| from which a run warns that Gamma-Gamma's independence assumption is doubtful. */
export const CORRELATION_WARNING = 0.3;

/**
 * The warning for a row whose frequency and spend per purchase are correlated, or null.
 * @example correlationWarning('email', 0.45) // 'email: frequency and spend per purchase are correlated (ρ = 0.45); …'
 */
export function correlationWarning(channel: string, rho: number | null): string | null {
  if (rho === null || Math.abs(rho) < CORRELATION_WARNING) return null;
  return `${channel}: frequency and spend per purchase are correlated (ρ = ${rho.toFixed(2)}); Gamma-Gamma assumes they are independent, so expected spend may be biased`;
}

export interface ModelPair {
  bg: Fit<BgNbdParams>;
  gg: Fit<GammaGammaParams>;
}

export interface RowFit {
  /** Indices into the summary of the row's customers. */
  idx: Int32Array;
  groups: ValueGroups;
  customers: number;
  repeatCustomers: number;
  correlation: number | null;
  /** 'own' fit, or 'pooled' (the fallback, with the reason). */
  model: 'own' | 'pooled';
  note: string | null;
  fits: ModelPair;
}

/** Both fits, or the first failure's reason. */
export function fitBoth(s: CustomerSummary, idx: Int32Array, groups: ValueGroups, from?: ModelPair, sample = spendSample(s, idx)): ModelPair | { reason: string } {
  const bg = fitBgNbd(groups, from?.bg.params);
  if (!bg.ok) return { reason: `BG/NBD: ${bg.reason}` };
  const gg = fitGammaGamma(sample, from?.gg.params);
  if (!gg.ok) return { reason: `Gamma-Gamma: ${(gg as FitFailure).reason}` };
  if (!(gg.params.q > 1)) return { reason: `Gamma-Gamma: q = ${gg.params.q.toPrecision(3)} ≤ 1, the fitted spend has no mean` };
  return { bg, gg };
}

export function countRepeat(s: CustomerSummary, idx: Int32Array): number {
  let k = 0;
  for (const i of idx) if (s.x[i]! > 0) k++;
  return k;
}

/** The row of a set of customers: its own fit when it clears the floor and converges, else the pooled one. */
export function fitRow(s: CustomerSummary, idx: Int32Array, pooled: ModelPair, floor: Floor, isPooled: boolean, grouped?: ValueGroups): RowFit {
  const groups = grouped ?? groupSummary(s, idx);
  const customers = idx.length;
  const repeatCustomers = countRepeat(s, idx);
  const sample = spendSample(s, idx);
  const correlation = frequencySpendCorrelation(sample);
  const base = { idx, groups, customers, repeatCustomers, correlation };
  if (isPooled) return { ...base, model: 'own', note: null, fits: pooled };
  if (customers < floor.customers || repeatCustomers < floor.repeatCustomers) {
    return { ...base, model: 'pooled', note: `below the floor (${floor.customers} customers, ${floor.repeatCustomers} repeat customers)`, fits: pooled };
  }
  const own = fitBoth(s, idx, groups, pooled, sample);
  if ('reason' in own) return { ...base, model: 'pooled', note: `own fit failed: ${own.reason}`, fits: pooled };
  return { ...base, model: 'own', note: null, fits: own };
}

/**
 * The parametric bootstrap interval of every row. The rows on the pooled fit
 * draw the same parameters (one seed for all rows), so they share the draws:
 * one plan over the pooled customers, evaluated once per draw for all of them.
 */
export function parametricRowIntervals(rows: readonly RowFit[], pooled: ModelPair, pooledGroups: ValueGroups, value: ValueSettings, confidence: number, draws: number, seed: number): (BootstrapInterval | null)[] {
  const out: (BootstrapInterval | null)[] = rows.map(() => null);
  const shared = rows.flatMap((row, i) => (row.fits === pooled ? [i] : []));
  const plan = planOf(pooledGroups, shared.map((i) => rows[i]!.groups));
  parametricIntervals(plan, pooled.bg, pooled.gg, value, confidence, draws, seed).forEach((interval, k) => (out[shared[k]!] = interval));
  rows.forEach((row, i) => {
    if (row.fits !== pooled) out[i] = parametricInterval(row.groups, row.fits.bg, row.fits.gg, value, confidence, draws, seed);
  });
  return out;
}
