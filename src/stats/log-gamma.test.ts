import { describe, expect, it } from 'vitest';
import { logBeta, logGamma } from './log-gamma.js';

describe('logGamma', () => {
  it.each([
    [1, 0],
    [2, 0],
    [5, Math.log(24)],
    [0.5, 0.5 * Math.log(Math.PI)],
    [0.1, 2.252712651734206], // ln Γ(0.1), reflection branch
    [100, 359.1342053695754], // ln 99!
  ])('ln Γ(%s) = %s', (x, expected) => {
    expect(logGamma(x)).toBeCloseTo(expected, 12);
  });

  it('rejects x ≤ 0', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
  });
});

describe('logBeta', () => {
  it.each([
    [0.5, 0.5, Math.log(Math.PI)],
    [2, 3, Math.log(1 / 12)], // Γ(2)Γ(3)/Γ(5) = 2/24
    [500, 0.5, -2.534689106328062], // mpmath: ln B(500, ½), the Stirling branch
  ])('ln B(%s, %s)', (a, b, expected) => {
    expect(logBeta(a, b)).toBeCloseTo(expected, 9);
  });

  it('the Stirling branch agrees with ln Γ sums around 10', () => {
    const direct = logGamma(12) + logGamma(3) - logGamma(15);
    expect(logBeta(12, 3)).toBeCloseTo(direct, 12);
  });
});
