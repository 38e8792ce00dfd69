import { describe, expect, it } from 'vitest';
import { formatDay } from '../../periods/index.js';
import { calendarBoundaries, periodIndex } from './calendar-boundaries.js';

describe('calendar boundaries', () => {
  it('months from a mid-month instant', () => {
    const b = calendarBoundaries(Date.UTC(2024, 0, 10, 15), 'month', 'monday', 3);
    expect(Array.from(b, formatDay)).toEqual(['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01']);
    expect(periodIndex(b, Date.UTC(2024, 1, 29, 23))).toBe(1);
    expect(periodIndex(b, Date.UTC(2024, 2, 1))).toBe(2);
    expect(periodIndex(b, Date.UTC(2024, 3, 1))).toBe(-1); // the end is exclusive
    expect(periodIndex(b, Date.UTC(2023, 11, 31))).toBe(-1);
  });

  it('weeks honour the week start', () => {
    const wed = Date.UTC(2024, 0, 3);
    expect(formatDay(calendarBoundaries(wed, 'week', 'monday', 1)[0]!)).toBe('2024-01-01');
    expect(formatDay(calendarBoundaries(wed, 'week', 'sunday', 1)[0]!)).toBe('2023-12-31');
  });
});
