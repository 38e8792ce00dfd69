/**
 * Customer bootstrap (`--bootstrap N`): resample the customers a fit used, with
 * replacement and a seed, refit both models, and recompute predicted CLV; the
 * percentile interval of the refits. Costs N pairs of fits. Pure.
 */
import { fitBgNbd, fitGammaGamma } from './fit.js';
import { uniform } from './random.js';
import { groupSummary, spendSample, type CustomerSummary } from './rfm-groups.js';
import { percentileInterval, valueSummary, type BootstrapInterval, type ValueSettings } from './value.js';

/**
 * `fitIdx`: the customers the row's model was fitted on; `evalIdx`: the row's
 * customers, or null when they are the fitted ones (then the resample is both
 * refitted and evaluated). Failed refits are left out (the interval says how
 * many draws it used).
 */
export function customerBootstrapInterval(
  s: CustomerSummary,
  fitIdx: Int32Array,
  evalIdx: Int32Array | null,
  settings: ValueSettings,
  confidence: number,
  resamples: number,
  seed: number,
): BootstrapInterval | null {
  const u = uniform(seed);
  const values: number[] = [];
  const evalGroups = evalIdx ? groupSummary(s, evalIdx) : null;
  const pick = new Int32Array(fitIdx.length);
  for (let b = 0; b < resamples; b++) {
    for (let k = 0; k < pick.length; k++) pick[k] = fitIdx[Math.floor(u() * fitIdx.length)]!;
    const groups = groupSummary(s, pick);
    const bg = fitBgNbd(groups);
    const gg = fitGammaGamma(spendSample(s, pick));
    if (!bg.ok || !gg.ok) continue;
    const v = valueSummary(evalGroups ?? groups, { bg: bg.params, gg: gg.params }, settings);
    if (v !== null) values.push(v.predictedClv);
  }
  return percentileInterval(values, confidence, resamples);
}
