import { describe, expect, it } from 'vitest';
import { Latin1Pieces } from './latin1-pieces.js';

describe('Latin1Pieces', () => {
  it('reads every range, in order, as the characters it covers, across piece boundaries', () => {
    // 200 000 characters: ranges of 1–97 characters, some straddling the ~60 KB cuts.
    const chars = new Uint8Array(200_000);
    for (let i = 0; i < chars.length; i++) chars[i] = 32 + ((i * 7) % 224);
    const expected = Buffer.from(chars).toString('latin1');
    const pieces = new Latin1Pieces(chars);
    let strings = 0;
    let last = '';
    for (let p = 0, n = 1; p < chars.length; p += n, n = 1 + ((n * 13) % 97)) {
      const end = Math.min(chars.length, p + n);
      pieces.cover(p, end);
      if (pieces.text !== last) strings++;
      last = pieces.text;
      expect(pieces.text.slice(p - pieces.from, end - pieces.from)).toBe(expected.slice(p, end));
      expect(pieces.text.length).toBeLessThanOrEqual(61_440 + 97);
    }
    expect(strings).toBe(4);
  });

  it('a range asked for again, or one before the piece, is still right', () => {
    const chars = Uint8Array.from([104, 233, 108, 108, 111]); // "héllo" in latin1
    const pieces = new Latin1Pieces(chars);
    pieces.cover(3, 5);
    expect(pieces.text.slice(3 - pieces.from, 5 - pieces.from)).toBe('lo');
    pieces.cover(0, 2);
    expect(pieces.text.slice(0 - pieces.from, 2 - pieces.from)).toBe('hé');
  });
});
