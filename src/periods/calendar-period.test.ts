import { describe, expect, it } from 'vitest';
import { nextCalendarPeriod, startOfCalendarPeriod } from './calendar-period.js';
import { formatDay } from './utc-day.js';

const start = (iso: string, unit: Parameters<typeof startOfCalendarPeriod>[1], ws: 'monday' | 'sunday' = 'monday') => formatDay(startOfCalendarPeriod(Date.parse(iso), unit, ws));

describe('calendar periods', () => {
  it('day', () => {
    expect(start('2024-03-10T23:59:59Z', 'day')).toBe('2024-03-10');
    expect(formatDay(nextCalendarPeriod(Date.UTC(2024, 1, 28), 'day'))).toBe('2024-02-29');
  });
  it('week starting Monday', () => {
    // 2024-01-03 is a Wednesday; 2024-01-07 a Sunday; 2024-01-08 a Monday
    expect(start('2024-01-03T12:00Z', 'week')).toBe('2024-01-01');
    expect(start('2024-01-07T23:00Z', 'week')).toBe('2024-01-01');
    expect(start('2024-01-08T00:00Z', 'week')).toBe('2024-01-08');
  });
  it('week starting Sunday', () => {
    expect(start('2024-01-03T12:00Z', 'week', 'sunday')).toBe('2023-12-31');
    expect(start('2024-01-07T00:00Z', 'week', 'sunday')).toBe('2024-01-07');
    expect(start('2024-01-06T23:59Z', 'week', 'sunday')).toBe('2023-12-31');
    expect(formatDay(nextCalendarPeriod(Date.UTC(2023, 11, 31), 'week'))).toBe('2024-01-07');
  });
  it('month, including February of leap and common years', () => {
    expect(start('2024-02-29T10:00Z', 'month')).toBe('2024-02-01');
    expect(formatDay(nextCalendarPeriod(Date.UTC(2024, 1, 1), 'month'))).toBe('2024-03-01');
    expect(formatDay(nextCalendarPeriod(Date.UTC(2024, 11, 1), 'month'))).toBe('2025-01-01');
  });
  it('quarter', () => {
    expect(start('2024-03-31T23:59Z', 'quarter')).toBe('2024-01-01');
    expect(start('2024-04-01T00:00Z', 'quarter')).toBe('2024-04-01');
    expect(start('2024-09-15T00:00Z', 'quarter')).toBe('2024-07-01');
    expect(start('2024-12-31T00:00Z', 'quarter')).toBe('2024-10-01');
    expect(formatDay(nextCalendarPeriod(Date.UTC(2024, 9, 1), 'quarter'))).toBe('2025-01-01');
  });
  it('year', () => {
    expect(start('2024-12-31T23:59Z', 'year')).toBe('2024-01-01');
    expect(formatDay(nextCalendarPeriod(Date.UTC(2024, 0, 1), 'year'))).toBe('2025-01-01');
  });
});
