import { describe, expect, it } from 'vitest';
import { checkConfidence, zCritical } from './confidence.js';

describe('zCritical', () => {
  it.each([
    [0.9, 1.6448536269514722],
    [0.95, 1.959963984540054],
    [0.99, 2.5758293035489004],
  ])('z(%s) = %s', (confidence, z) => {
    expect(zCritical(confidence)).toBeCloseTo(z, 12);
  });

  it('rejects levels outside (0, 1), e.g. a percentage', () => {
    expect(() => checkConfidence(95)).toThrow('confidence must be between 0 and 1 (exclusive), got 95');
    expect(() => zCritical(0)).toThrow(RangeError);
    expect(() => zCritical(1)).toThrow(RangeError);
    expect(() => zCritical(NaN)).toThrow(RangeError);
  });
});
