import { describe, expect, it } from 'vitest';
import { addChannel, channelCountOf, channelsOf, createChannelSets, popcount32 } from './channel-set.js';

describe('channel sets', () => {
  it('popcount32', () => {
    expect(popcount32(0)).toBe(0);
    expect(popcount32(0b1011)).toBe(3);
    expect(popcount32(0xffffffff)).toBe(32);
    expect(popcount32(1 << 31)).toBe(1);
  });

  it('sets over two words: channels 0, 31, 32, 39; duplicates count once; customers are independent', () => {
    const s = createChannelSets(2, 40);
    expect(s.words).toBe(2);
    for (const ch of [39, 0, 31, 32, 0]) addChannel(s, 1, ch);
    addChannel(s, 0, 5);
    expect(channelCountOf(s, 1)).toBe(4);
    expect(channelCountOf(s, 0)).toBe(1);
    const out = new Int32Array(40);
    expect(channelsOf(s, 1, out)).toBe(4);
    expect(Array.from(out.subarray(0, 4))).toEqual([0, 31, 32, 39]);
  });
});
