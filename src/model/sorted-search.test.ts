import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastAtOrBefore } from './sorted-search.js';

describe('lastAtOrBefore', () => {
  it('golden: before, on, between and after the boundaries', () => {
    const b = Float64Array.of(10, 20, 30);
    expect([5, 10, 15, 20, 29.5, 30, 99, NaN].map((t) => lastAtOrBefore(b, t))).toEqual([-1, 0, 0, 1, 1, 2, 2, -1]);
    expect(lastAtOrBefore(new Float64Array(0), 1)).toBe(-1);
  });

  it('equals a linear scan for the last element ≤ t (ties included)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (xs, t) => {
        const sorted = Float64Array.from(xs.sort((a, b) => a - b));
        let want = -1;
        sorted.forEach((v, i) => {
          if (v <= t) want = i;
        });
        expect(lastAtOrBefore(sorted, t)).toBe(want);
      }),
    );
  });
});
