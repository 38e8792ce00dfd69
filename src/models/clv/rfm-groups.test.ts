import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { denseIds, wholeIds } from './rfm-groups.js';

describe('wholeIds', () => {
  it('numbers keys in first-seen order whichever table it picks (direct, or hashed for a key space large next to the keys)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(5_000_000), { maxLength: 200 }), (keys) => {
        const ids = (of: (key: number) => number) => keys.map(of);
        const expected = ids(denseIds(keys.length));
        // 5M keys for ≤ 200 customers: hashed; 2^24 and 2^16-sized spaces with room enough: direct.
        expect(ids(wholeIds(5_000_001, keys.length))).toEqual(expected);
        expect(ids(wholeIds(5_000_001, 1_000_000))).toEqual(expected);
      }),
    );
  });
});
