import { describe, expect, it } from 'vitest';
import { daysInUtcMonth, formatDay, parseDay, startOfUtcDay, utcDate } from './utc-day.js';

describe('utc days', () => {
  it('formats the UTC day whatever the time of day', () => {
    expect(formatDay(Date.UTC(2024, 1, 29, 0, 0))).toBe('2024-02-29');
    expect(formatDay(Date.UTC(2024, 1, 29, 23, 59, 59, 999))).toBe('2024-02-29');
    expect(formatDay(Date.UTC(1999, 11, 31))).toBe('1999-12-31');
  });

  it('parses real calendar days only', () => {
    expect(parseDay('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseDay('0050-01-01')).toBe(-60589296000000); // year 50, not 1950
    expect(() => parseDay('2023-02-29')).toThrow(RangeError); // 2023 is not a leap year
    expect(() => parseDay('2024-13-01')).toThrow(RangeError);
    expect(() => parseDay('2024-1-5')).toThrow(RangeError);
  });

  it('round-trips formatDay ∘ parseDay', () => {
    for (const d of ['1970-01-01', '2000-02-29', '2100-02-28', '2024-12-31']) expect(formatDay(parseDay(d))).toBe(d);
  });

  it('floors to 00:00 UTC, also before 1970', () => {
    expect(startOfUtcDay(Date.UTC(2024, 0, 5, 10, 30))).toBe(Date.UTC(2024, 0, 5));
    expect(startOfUtcDay(Date.UTC(1969, 11, 31, 12))).toBe(Date.UTC(1969, 11, 31));
  });

  it('knows leap years (divisible by 4, not by 100 unless by 400)', () => {
    expect(daysInUtcMonth(2024, 1)).toBe(29);
    expect(daysInUtcMonth(2023, 1)).toBe(28);
    expect(daysInUtcMonth(1900, 1)).toBe(28);
    expect(daysInUtcMonth(2000, 1)).toBe(29);
    expect(utcDate(2024, 12, 1)).toBe(Date.UTC(2025, 0, 1)); // month rolls over like Date.UTC
  });
});
