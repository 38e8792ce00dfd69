/**
 * Calendar periods of a reporting time zone (SPEC §2), hand-checked against the
 * 2024 DST changes:
 *   America/Los_Angeles: PST = UTC−8, PDT = UTC−7; clocks forward Sun 10 March
 *     02:00 → 03:00 (10:00Z), back Sun 3 November 02:00 → 01:00 (09:00Z).
 *   Europe/Berlin: CET = UTC+1, CEST = UTC+2; forward Sun 31 March 02:00 → 03:00
 *     (01:00Z), back Sun 27 October 03:00 → 02:00 (01:00Z).
 */
import { describe, expect, it } from 'vitest';
import type { PeriodUnit } from '../model.js';
import { buildPeriods } from './build-periods.js';
import { nextCalendarPeriod, startOfCalendarPeriod } from './calendar-period.js';
import { dataEnd } from './data-end.js';
import { resolveWindow } from './window.js';
import { formatLastDay, formatZonedDay, isKnownTimeZone, nextZonedDay, parseZonedDay, startOfZonedDay, toWallTime, wallTimeToInstant } from './zone.js';

const LA = 'America/Los_Angeles';
const BERLIN = 'Europe/Berlin';
const H = 3_600_000;
const z = (iso: string) => Date.parse(iso);
const wall = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);

/** Periods as [label, start instant, hours long, last day, partial]. */
function periods(from: string, to: string, unit: PeriodUnit, zone: string) {
  const window = { start: parseZonedDay(from, zone), end: nextZonedDay(parseZonedDay(to, zone), zone) };
  return buildPeriods(window, window.end, unit, 'monday', zone).map((p) => [p.label, new Date(p.start).toISOString(), (p.end - p.start) / H, formatLastDay(p.end, zone), p.partial]);
}

describe('wall time ↔ instant', () => {
  it('reads a wall time with the offset in force then', () => {
    expect(wallTimeToInstant(wall(2024, 1, 15, 9), BERLIN)).toBe(z('2024-01-15T08:00Z')); // CET
    expect(wallTimeToInstant(wall(2024, 7, 15, 9), BERLIN)).toBe(z('2024-07-15T07:00Z')); // CEST
    expect(wallTimeToInstant(wall(2024, 1, 15, 9), LA)).toBe(z('2024-01-15T17:00Z')); // PST
    expect(wallTimeToInstant(wall(2024, 7, 15, 9), LA)).toBe(z('2024-07-15T16:00Z')); // PDT
    expect(wallTimeToInstant(wall(2024, 1, 15, 9), 'Asia/Kolkata')).toBe(z('2024-01-15T03:30Z')); // UTC+5:30
  });
  it('a skipped wall time moves forward; a repeated one is its first occurrence', () => {
    expect(wallTimeToInstant(wall(2024, 3, 10, 2, 30), LA)).toBe(z('2024-03-10T10:30Z')); // = 03:30 PDT
    expect(wallTimeToInstant(wall(2024, 3, 31, 2, 30), BERLIN)).toBe(z('2024-03-31T01:30Z')); // = 03:30 CEST
    expect(wallTimeToInstant(wall(2024, 11, 3, 1, 30), LA)).toBe(z('2024-11-03T08:30Z')); // 01:30 PDT, not PST
    expect(wallTimeToInstant(wall(2024, 10, 27, 2, 30), BERLIN)).toBe(z('2024-10-27T00:30Z')); // 02:30 CEST, not CET
  });
  it('round-trips every valid wall time, and UTC is the identity', () => {
    for (let t = z('2024-10-26T00:00Z'); t < z('2024-11-05T00:00Z'); t += 15 * 60_000) {
      expect(toWallTime(wallTimeToInstant(toWallTime(t, LA), LA), LA)).toBe(toWallTime(t, LA));
    }
    expect(wallTimeToInstant(12345, 'UTC')).toBe(12345);
    expect(toWallTime(12345, 'UTC')).toBe(12345);
  });
  it('knows IANA names and rejects others', () => {
    expect(isKnownTimeZone(LA)).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Mars/Base')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
  });
});

describe('days in a zone', () => {
  it('orders near midnight land in the local day', () => {
    expect(formatZonedDay(z('2024-07-01T06:59Z'), LA)).toBe('2024-06-30'); // 23:59 PDT
    expect(formatZonedDay(z('2024-07-01T07:00Z'), LA)).toBe('2024-07-01'); // 00:00 PDT
    expect(formatZonedDay(z('2024-06-30T22:00Z'), BERLIN)).toBe('2024-07-01'); // 00:00 CEST
    expect(formatZonedDay(z('2024-06-30T21:59Z'), BERLIN)).toBe('2024-06-30');
    expect(startOfZonedDay(z('2024-07-01T03:00Z'), LA)).toBe(z('2024-06-30T07:00Z'));
  });
  it('day periods are 23 hours in spring and 25 in autumn', () => {
    expect(periods('2024-03-09', '2024-03-11', 'day', LA).map((p) => p[2])).toEqual([24, 23, 24]);
    expect(periods('2024-11-02', '2024-11-04', 'day', LA).map((p) => p[2])).toEqual([24, 25, 24]);
    expect(periods('2024-03-30', '2024-04-01', 'day', BERLIN).map((p) => p[2])).toEqual([24, 23, 24]);
    expect(periods('2024-10-26', '2024-10-28', 'day', BERLIN).map((p) => p[2])).toEqual([24, 25, 24]);
  });
  it('data end is 00:00 of the next local day', () => {
    // latest order 23:30 PDT on 30 June → data end 1 July 00:00 PDT
    expect(dataEnd([z('2024-07-01T06:30Z')], LA)).toBe(z('2024-07-01T07:00Z'));
    // latest order 00:30 CEST on 1 July (still 30 June in UTC) → data end 2 July 00:00 CEST
    expect(dataEnd([z('2024-06-30T22:30Z')], BERLIN)).toBe(z('2024-07-01T22:00Z'));
    // the same instant in UTC: data end 1 July 00:00 UTC
    expect(dataEnd([z('2024-06-30T22:30Z')])).toBe(z('2024-07-01T00:00Z'));
    // a 25-hour day: latest order 23:00 PST on 3 Nov → data end 4 Nov 00:00 PST
    expect(dataEnd([z('2024-11-04T07:00Z')], LA)).toBe(z('2024-11-04T08:00Z'));
  });
});

describe('weeks and months across both DST changes', () => {
  it('Los Angeles weeks (Monday start): 167 hours in March, 169 in November', () => {
    expect(periods('2024-03-04', '2024-03-17', 'week', LA)).toEqual([
      ['2024-03-04', '2024-03-04T08:00:00.000Z', 167, '2024-03-10', false], // Mon 00:00 PST → Mon 00:00 PDT
      ['2024-03-11', '2024-03-11T07:00:00.000Z', 168, '2024-03-17', false],
    ]);
    // 23:59 PDT on Sunday 10 March is still in the week of 4 March
    expect(startOfCalendarPeriod(z('2024-03-11T06:59Z'), 'week', 'monday', LA)).toBe(z('2024-03-04T08:00Z'));
    expect((nextCalendarPeriod(z('2024-03-04T08:00Z'), 'week', LA) - z('2024-03-04T08:00Z')) / H).toBe(167);
    expect(periods('2024-10-28', '2024-11-10', 'week', LA)).toEqual([
      ['2024-10-28', '2024-10-28T07:00:00.000Z', 169, '2024-11-03', false],
      ['2024-11-04', '2024-11-04T08:00:00.000Z', 168, '2024-11-10', false],
    ]);
  });
  it('Los Angeles weeks starting Sunday begin on the DST day itself', () => {
    const w = buildPeriods({ start: parseZonedDay('2024-03-10', LA), end: parseZonedDay('2024-03-24', LA) }, Infinity, 'week', 'sunday', LA);
    expect(w.map((p) => [p.label, new Date(p.start).toISOString(), (p.end - p.start) / H])).toEqual([
      ['2024-03-10', '2024-03-10T08:00:00.000Z', 167],
      ['2024-03-17', '2024-03-17T07:00:00.000Z', 168],
    ]);
  });
  it('Berlin months: March is 743 hours, October 745', () => {
    expect(periods('2024-02-01', '2024-04-30', 'month', BERLIN)).toEqual([
      ['2024-02-01', '2024-01-31T23:00:00.000Z', 29 * 24, '2024-02-29', false],
      ['2024-03-01', '2024-02-29T23:00:00.000Z', 31 * 24 - 1, '2024-03-31', false],
      ['2024-04-01', '2024-03-31T22:00:00.000Z', 30 * 24, '2024-04-30', false],
    ]);
    expect(periods('2024-10-01', '2024-11-30', 'month', BERLIN)).toEqual([
      ['2024-10-01', '2024-09-30T22:00:00.000Z', 31 * 24 + 1, '2024-10-31', false],
      ['2024-11-01', '2024-10-31T23:00:00.000Z', 30 * 24, '2024-11-30', false],
    ]);
  });
  it('Los Angeles quarter and year bounds are local midnights', () => {
    expect(periods('2024-01-01', '2024-12-31', 'quarter', LA).map((p) => p.slice(0, 2))).toEqual([
      ['2024-01-01', '2024-01-01T08:00:00.000Z'],
      ['2024-04-01', '2024-04-01T07:00:00.000Z'],
      ['2024-07-01', '2024-07-01T07:00:00.000Z'],
      ['2024-10-01', '2024-10-01T07:00:00.000Z'],
    ]);
    expect(periods('2024-01-01', '2024-12-31', 'year', LA)[0]!.slice(0, 3)).toEqual(['2024-01-01', '2024-01-01T08:00:00.000Z', 366 * 24]);
  });
});

describe('windows in a zone', () => {
  it('--from/--to are local days', () => {
    const w = resolveWindow({ from: '2024-03-09', to: '2024-03-10', weekStart: 'monday', timeZone: LA }, 0, z('2024-12-01T08:00Z'));
    expect([new Date(w.start).toISOString(), (w.end - w.start) / H]).toEqual(['2024-03-09T08:00:00.000Z', 47]);
  });
  it('--last 7d counts 7 local days back from data end, across the change', () => {
    const end = z('2024-03-14T07:00Z'); // 14 March 00:00 PDT
    const w = resolveWindow({ last: '7d', weekStart: 'monday', timeZone: LA }, 0, end);
    expect(new Date(w.start).toISOString()).toBe('2024-03-07T08:00:00.000Z'); // 7 March 00:00 PST
    expect((w.end - w.start) / H).toBe(7 * 24 - 1);
  });
  it("the default window starts at the first order's local day", () => {
    const w = resolveWindow({ weekStart: 'monday', timeZone: BERLIN }, z('2024-06-30T22:30Z'), z('2024-07-10T22:00Z'));
    expect(formatZonedDay(w.start, BERLIN)).toBe('2024-07-01');
    expect(w.start).toBe(z('2024-06-30T22:00Z'));
  });
});
