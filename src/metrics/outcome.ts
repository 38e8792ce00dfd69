/**
 * A metric's value, or null with the reason why.
 */

export type Outcome = { value: number; reason?: undefined } | { value: null; reason: string };

export const known = (value: number): Outcome => ({ value });

export const unknown = (reason: string): Outcome => ({ value: null, reason });

/**
 * numerator / denominator, or null with `zeroReason` when the denominator is 0.
 * @example ratio(10, 0, 'no orders') // { value: null, reason: 'no orders' }
 */
export function ratio(numerator: number, denominator: number, zeroReason: string): Outcome {
  return denominator === 0 ? unknown(zeroReason) : known(numerator / denominator);
}

/** `f(value)` when the input is known; otherwise the input's own reason. */
export function withKnown(input: Outcome, f: (value: number) => Outcome): Outcome {
  return input.value === null ? input : f(input.value);
}
