import { describe, expect, it } from 'vitest';
import { compareCodePoints, orderTable } from '../model.js';
import { findAcquisitions } from './acquisition.js';

describe('code-point order (the acquisition tie-break, as SQL binary collations compare)', () => {
  it('puts U+FF21 Ａ before U+1F600 😀, unlike UTF-16 units', () => {
    expect('😀' < 'Ａ').toBe(true); // JavaScript compares UTF-16 units: 0xD83D < 0xFF21
    expect(compareCodePoints('Ａ', '😀')).toBeLessThan(0);
    expect(compareCodePoints('😀', 'Ａ')).toBeGreaterThan(0);
    expect(compareCodePoints('a', 'ab')).toBeLessThan(0);
    expect(compareCodePoints('é', 'z')).toBeGreaterThan(0);
    expect(compareCodePoints('x', 'x')).toBe(0);
  });

  it('a same-instant tie between ids Ａ and 😀 is won by Ａ', () => {
    const t = Date.UTC(2024, 0, 1);
    const orders = orderTable([
      { time: t, value: 10, channel: 0, customer: 0, orderId: '😀' },
      { time: t, value: 10, channel: 1, customer: 0, orderId: 'Ａ' },
    ]);
    expect(findAcquisitions(orders, 1).channel[0]).toBe(1);
  });
});
