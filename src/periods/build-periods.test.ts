import { describe, expect, it } from 'vitest';
import type { Period, PeriodUnit, WeekStart } from '../model.js';
import { buildPeriods } from './build-periods.js';
import { formatDay, parseDay } from './utc-day.js';

/** Periods as readable tuples: [label, first day, last day, partial, asOf day]. */
function periods(from: string, toExclusive: string, dataEnd: string, unit: PeriodUnit | undefined, ws: WeekStart = 'monday') {
  return buildPeriods({ start: parseDay(from), end: parseDay(toExclusive) }, parseDay(dataEnd), unit, ws).map((p: Period) => [
    p.label,
    formatDay(p.start),
    formatDay(p.end - 86_400_000),
    p.partial,
    formatDay(p.asOf),
  ]);
}

describe('buildPeriods', () => {
  it('months, clipped at both ends, labelled by the calendar month', () => {
    expect(periods('2024-01-10', '2024-03-16', '2024-03-16', 'month')).toEqual([
      ['2024-01-01', '2024-01-10', '2024-01-31', true, '2024-02-01'], // clipped start
      ['2024-02-01', '2024-02-01', '2024-02-29', false, '2024-03-01'], // whole leap February
      ['2024-03-01', '2024-03-01', '2024-03-15', true, '2024-03-16'], // clipped end
    ]);
  });
  it('a whole window that extends past data end is partial and as of data end', () => {
    expect(periods('2024-01-01', '2024-03-01', '2024-02-10', 'month')).toEqual([
      ['2024-01-01', '2024-01-01', '2024-01-31', false, '2024-02-01'],
      ['2024-02-01', '2024-02-01', '2024-02-29', true, '2024-02-10'],
    ]);
  });
  it('a period wholly after data end has asOf = data end (before its start)', () => {
    expect(periods('2024-01-01', '2024-03-01', '2024-01-20', 'month')[1]).toEqual(['2024-02-01', '2024-02-01', '2024-02-29', true, '2024-01-20']);
  });
  it('quarters and years', () => {
    expect(periods('2023-11-15', '2024-07-01', '2024-07-01', 'quarter').map((p) => p.slice(0, 4))).toEqual([
      ['2023-10-01', '2023-11-15', '2023-12-31', true],
      ['2024-01-01', '2024-01-01', '2024-03-31', false],
      ['2024-04-01', '2024-04-01', '2024-06-30', false],
    ]);
    expect(periods('2023-03-01', '2025-01-01', '2025-01-01', 'year').map((p) => p.slice(0, 4))).toEqual([
      ['2023-01-01', '2023-03-01', '2023-12-31', true],
      ['2024-01-01', '2024-01-01', '2024-12-31', false],
    ]);
  });
  it('weeks starting Monday', () => {
    // 2024-01-03 is a Wednesday
    expect(periods('2024-01-03', '2024-01-17', '2024-01-17', 'week').map((p) => p.slice(0, 4))).toEqual([
      ['2024-01-01', '2024-01-03', '2024-01-07', true],
      ['2024-01-08', '2024-01-08', '2024-01-14', false],
      ['2024-01-15', '2024-01-15', '2024-01-16', true],
    ]);
  });
  it('weeks starting Sunday', () => {
    expect(periods('2024-01-03', '2024-01-17', '2024-01-17', 'week', 'sunday').map((p) => p.slice(0, 4))).toEqual([
      ['2023-12-31', '2024-01-03', '2024-01-06', true],
      ['2024-01-07', '2024-01-07', '2024-01-13', false],
      ['2024-01-14', '2024-01-14', '2024-01-16', true],
    ]);
  });
  it('days, across a leap day', () => {
    expect(periods('2024-02-28', '2024-03-02', '2024-03-02', 'day').map((p) => p[0])).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
  });
  it('without a unit: exactly the window, partial only past data end', () => {
    expect(periods('2024-01-10', '2024-03-16', '2024-03-16', undefined)).toEqual([['2024-01-10', '2024-01-10', '2024-03-15', false, '2024-03-16']]);
    expect(periods('2024-01-10', '2024-03-16', '2024-03-01', undefined)).toEqual([['2024-01-10', '2024-01-10', '2024-03-15', true, '2024-03-01']]);
  });
  it('an empty window has no periods', () => {
    expect(buildPeriods({ start: 5, end: 5 }, 5, 'day', 'monday')).toEqual([]);
  });
  it('104 weeks are contiguous and cover the window exactly', () => {
    const ps = buildPeriods({ start: parseDay('2023-01-02'), end: parseDay('2024-12-30') }, parseDay('2024-12-30'), 'week', 'monday');
    expect(ps).toHaveLength(104);
    expect(ps.every((p) => !p.partial)).toBe(true);
    for (let i = 1; i < ps.length; i++) expect(ps[i]!.start).toBe(ps[i - 1]!.end);
  });
});
