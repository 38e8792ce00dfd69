import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../model.js';
import { createPeriodLocator } from './period-locator.js';
import { period } from './testing/dataset-fixture.js';

describe('createPeriodLocator', () => {
  const locate = createPeriodLocator([period('2024-01-01', '2024-01-08'), period('2024-01-10', '2024-01-17', '2024-01-15')]);
  it('finds [start, asOf), with gaps and an as-of before the end', () => {
    expect(locate(Date.parse('2023-12-31T23:59:59.999Z'))).toBe(-1);
    expect(locate(Date.parse('2024-01-01T00:00Z'))).toBe(0);
    expect(locate(Date.parse('2024-01-07T23:59Z'))).toBe(0);
    expect(locate(Date.parse('2024-01-08T00:00Z'))).toBe(-1); // gap
    expect(locate(Date.parse('2024-01-14T23:59Z'))).toBe(1);
    expect(locate(Date.parse('2024-01-15T00:00Z'))).toBe(-1); // after as-of, before end
  });
  it('rejects overlapping or unordered periods', () => {
    expect(() => createPeriodLocator([period('2024-01-01', '2024-01-08'), period('2024-01-07', '2024-01-09')])).toThrow(RangeError);
    expect(() => createPeriodLocator([{ ...period('2024-01-01', '2024-01-08'), end: Date.parse('2024-01-01') - DAY_MS }])).toThrow(RangeError);
  });
  it('takes bounds at 00:00 of a reporting time zone (not 00:00 UTC)', () => {
    // 2024-01-01 00:00 in Los Angeles (PST, UTC−8) is 08:00 UTC
    const la = createPeriodLocator([{ label: '2024-01-01', start: Date.parse('2024-01-01T08:00Z'), end: Date.parse('2024-01-02T08:00Z'), partial: false, asOf: Date.parse('2024-01-02T08:00Z') }]);
    expect(la(Date.parse('2024-01-01T07:59Z'))).toBe(-1); // Dec 31, 23:59 PST
    expect(la(Date.parse('2024-01-02T07:59Z'))).toBe(0); // Jan 1, 23:59 PST
  });
});
