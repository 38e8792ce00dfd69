import { UTCDate } from '@date-fns/utc';
import { addMonths } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addUtcMonths } from './add-months.js';
import { formatDay } from './utc-day.js';

describe('addUtcMonths', () => {
  it('clamps the day of month like date-fns', () => {
    expect(formatDay(addUtcMonths(Date.UTC(2024, 2, 31), -1))).toBe('2024-02-29'); // leap year
    expect(formatDay(addUtcMonths(Date.UTC(2023, 2, 31), -1))).toBe('2023-02-28');
    expect(formatDay(addUtcMonths(Date.UTC(2024, 1, 29), -12))).toBe('2023-02-28');
    expect(formatDay(addUtcMonths(Date.UTC(2024, 0, 31), 1))).toBe('2024-02-29');
    expect(formatDay(addUtcMonths(Date.UTC(2024, 4, 31), -3))).toBe('2024-02-29');
  });

  it('crosses years both ways and keeps the time of day', () => {
    expect(addUtcMonths(Date.UTC(2024, 0, 15, 13, 45), -1)).toBe(Date.UTC(2023, 11, 15, 13, 45));
    expect(addUtcMonths(Date.UTC(2024, 10, 30), 3)).toBe(Date.UTC(2025, 1, 28));
  });

  it('agrees with date-fns addMonths on UTCDate', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1901, 0, 1), max: Date.UTC(2199, 0, 1) }), fc.integer({ min: -400, max: 400 }), (ms, n) => {
        expect(addUtcMonths(ms, n)).toBe(addMonths(new UTCDate(ms), n).getTime());
      }),
    );
  });
});
