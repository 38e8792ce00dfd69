/**
 * One cohort cell's figures: retained share and cumulative value per customer,
 * or null when the cell's period is not complete as of T.
 */
import { known, unknown, type Outcome } from '../outcome.js';
import type { CohortGrid } from './cohort-grid.js';

export const COHORT_REASONS = {
  incomplete: 'period not complete as of the data end',
  empty: 'no customers acquired',
} as const;

/**
 * Whether period k of cohort i has ended by T: end of calendar period i+k ≤ T.
 * @example cohort Jan, k = 1, T = Mar 16: Feb ends Mar 1 ≤ Mar 16 → true; k = 2 (March) → false
 */
export function cellComplete(grid: CohortGrid, cohort: number, k: number): boolean {
  return grid.boundaries[cohort + k + 1]! <= grid.asOf;
}

function cell(grid: CohortGrid, cohort: number, slot: number, k: number, numerator: Float64Array): Outcome {
  if (!cellComplete(grid, cohort, k)) return unknown(COHORT_REASONS.incomplete);
  const size = grid.size[cohort * grid.slots + slot]!;
  if (size === 0) return unknown(COHORT_REASONS.empty);
  return known(numerator[(cohort * grid.slots + slot) * (grid.horizon + 1) + k]! / size);
}

/**
 *     retained_share(i, s, k) = retained(i, s, k) / size(i, s)
 *
 * the share of the cohort with a purchase in period i+k (k = 0 is 1 by
 * construction: the acquisition purchase is in it). Null when the period ends
 * after T or the cohort is empty.
 * @example 2 of a cohort of 5 bought in the next month → retainedShare(grid, i, s, 1) = { value: 0.4 }
 */
export function retainedShare(grid: CohortGrid, cohort: number, slot: number, k: number): Outcome {
  return cell(grid, cohort, slot, k, grid.retained);
}

/**
 *     cumulative_value(i, s, k) = value(i, s, k) / size(i, s)
 *
 * net value per cohort customer (purchases and returns) from acquisition through
 * the end of period i+k. Null when the period ends after T or the cohort is empty.
 * @example cohort of 5 with 525 of orders through next month → cumulativeValue(grid, i, s, 1) = { value: 105 }
 */
export function cumulativeValue(grid: CohortGrid, cohort: number, slot: number, k: number): Outcome {
  return cell(grid, cohort, slot, k, grid.value);
}
