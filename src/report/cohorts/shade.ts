/**
 * Background shades for the cohort triangle: a few steps from dark to bright,
 * by a cell's value relative to the largest in its triangle.
 */
import type { ChalkInstance } from 'chalk';

/** xterm-256 greens, dark → bright, with a text colour that stays readable on each. */
const STEPS = [
  { bg: 22, fg: 'white' },
  { bg: 28, fg: 'white' },
  { bg: 34, fg: 'black' },
  { bg: 40, fg: 'black' },
  { bg: 46, fg: 'black' },
] as const;

export const SHADE_STEPS = STEPS.length;

/**
 * The step (0 … SHADE_STEPS − 1) of `value` on a scale from 0 to `max`; values at
 * or below 0 get step 0 and values at or above `max` the last step.
 * @example shadeStep(0.3, 0.6) // 2
 */
export function shadeStep(value: number, max: number): number {
  if (!(max > 0) || !(value > 0)) return 0;
  return Math.min(STEPS.length - 1, Math.floor((value / max) * STEPS.length));
}

/** A style painting a cell with step `step`; identity when the chalk level is 0 (no escapes). */
export function shadeStyle(chalk: ChalkInstance, step: number): (s: string) => string {
  if (chalk.level === 0) return (s) => s;
  const { bg, fg } = STEPS[Math.max(0, Math.min(STEPS.length - 1, step))]!;
  return (s) => chalk.bgAnsi256(bg)[fg](s);
}
