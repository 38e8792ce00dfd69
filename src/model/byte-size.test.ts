import { describe, expect, it } from 'vitest';
import { BYTE_SIZE, bytesOf } from './byte-size.js';

describe('bytesOf', () => {
  it('reads decimal units, any case, and nothing else', () => {
    expect(bytesOf('512MB')).toBe(512e6);
    expect(bytesOf('1.5gb')).toBe(1.5e9);
    expect(bytesOf('2TB')).toBe(2e12);
    expect(bytesOf('64KB')).toBe(64e3);
    for (const bad of ['1G', '1 GB', '-1GB', 'GB', '1e9', '']) {
      expect(BYTE_SIZE.test(bad), bad).toBe(false);
      if (bad !== '1 GB') expect(bytesOf(bad), bad).toBeNull();
    }
  });
});
