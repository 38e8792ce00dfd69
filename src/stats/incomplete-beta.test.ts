import { describe, expect, it } from 'vitest';
import { incompleteBeta } from './incomplete-beta.js';

describe('incompleteBeta', () => {
  it('I_x(1, 1) = x (uniform)', () => {
    expect(incompleteBeta(0.25, 0.75, 1, 1)).toBeCloseTo(0.25, 14);
  });

  it('I_½(2, 3) = 11/16 (by the binomial sum: P(Bin(4, ½) ≥ 2))', () => {
    expect(incompleteBeta(0.5, 0.5, 2, 3)).toBeCloseTo(0.6875, 14);
  });

  it('I_x(a, b) = 1 − I_(1−x)(b, a)', () => {
    expect(incompleteBeta(0.3, 0.7, 2.5, 4) + incompleteBeta(0.7, 0.3, 4, 2.5)).toBeCloseTo(1, 14);
  });

  it('ends and bad input', () => {
    expect(incompleteBeta(0, 1, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 0, 2, 3)).toBe(1);
    expect(() => incompleteBeta(1.5, -0.5, 2, 3)).toThrow(RangeError);
  });
});
