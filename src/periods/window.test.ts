import { describe, expect, it } from 'vitest';
import { resolveWindow, type WindowOptions } from './window.js';
import { formatDay } from './utc-day.js';

const first = Date.UTC(2023, 5, 10, 14, 30); // first order: 2023-06-10 14:30
const end = Date.UTC(2024, 2, 31); // data end: latest order on 2024-03-30
const win = (opts: Omit<WindowOptions, 'weekStart'>, firstTime = first, dataEnd = end) => {
  const w = resolveWindow({ ...opts, weekStart: 'monday' }, firstTime, dataEnd);
  return [formatDay(w.start), formatDay(w.end)];
};

describe('resolveWindow', () => {
  it('defaults to [day of first order, data end)', () => {
    expect(win({})).toEqual(['2023-06-10', '2024-03-31']);
  });
  it('--from and --to are inclusive days', () => {
    expect(win({ from: '2024-01-01', to: '2024-01-31' })).toEqual(['2024-01-01', '2024-02-01']);
    expect(win({ from: '2024-01-01', to: '2024-01-01' })).toEqual(['2024-01-01', '2024-01-02']);
  });
  it('--from alone runs to data end; --to alone starts at the first order day', () => {
    expect(win({ from: '2024-01-01' })).toEqual(['2024-01-01', '2024-03-31']);
    expect(win({ to: '2023-12-31' })).toEqual(['2023-06-10', '2024-01-01']);
  });
  it('--from/--to may reach outside the data', () => {
    expect(win({ from: '2020-01-01', to: '2030-12-31' })).toEqual(['2020-01-01', '2031-01-01']);
  });
  it('--last for every unit ends at data end', () => {
    expect(win({ last: '90d' })).toEqual(['2024-01-01', '2024-03-31']); // 2024-03-31 − 90 days (Jan 31 + Feb 29 + Mar 30)
    expect(win({ last: '2w' })).toEqual(['2024-03-17', '2024-03-31']);
    expect(win({ last: '1m' })).toEqual(['2024-02-29', '2024-03-31']); // Feb has no 31st: clamped (leap year)
    expect(win({ last: '1m' }, first, Date.UTC(2023, 2, 31))).toEqual(['2023-02-28', '2023-03-31']); // common year
    expect(win({ last: '6m' })).toEqual(['2023-09-30', '2024-03-31']);
    expect(win({ last: '2q' })).toEqual(['2023-09-30', '2024-03-31']); // 2q = 6 months
    expect(win({ last: '1y' })).toEqual(['2023-03-31', '2024-03-31']);
    expect(win({ last: '1y' }, first, Date.UTC(2024, 1, 29))).toEqual(['2023-02-28', '2024-02-29']); // from Feb 29 back a year
    expect(win({ last: '1m' }, first, Date.UTC(2024, 3, 1))).toEqual(['2024-03-01', '2024-04-01']); // a whole month when data ends on the 31st
  });
  it('--last may start before the first order (history is just empty there)', () => {
    expect(win({ last: '5y' })).toEqual(['2019-03-31', '2024-03-31']);
  });
  it('rejects from > to, a bad --last, a mix of --last and --from, and empty windows', () => {
    expect(() => win({ from: '2024-02-02', to: '2024-02-01' })).toThrow(RangeError);
    expect(() => win({ from: '2024-02-02', to: '2024-02-01' })).toThrow('--from 2024-02-02 is after --to 2024-02-01');
    expect(() => win({ last: '3h' })).toThrow(RangeError);
    expect(() => win({ last: '3d', from: '2024-01-01' })).toThrow(RangeError);
    expect(() => win({ from: '2024-03-31' })).toThrow('--from 2024-03-31 is after the last order day (2024-03-30)');
    expect(() => win({ to: '2023-06-09' })).toThrow('--to 2023-06-09 is before the first order day (2023-06-10)');
    expect(() => win({ from: '2024-02-30' })).toThrow(RangeError);
  });
  describe('with --period: --last counts whole calendar periods; --complete keeps whole periods only', () => {
    // data end 2024-03-31 is a Sunday (00:00): the week holding it starts Monday 2024-03-25, the month 2024-03-01.
    it('--last 1w --period week: the calendar week holding the last data day (partial), not 7 days', () => {
      expect(win({ last: '1w', period: 'week' })).toEqual(['2024-03-25', '2024-03-31']); // Mon 03-25 … Sat 03-30
      expect(win({ last: '12w', period: 'week' })).toEqual(['2024-01-08', '2024-03-31']); // 03-25 − 11 weeks
    });
    it('--complete: the window ends where the period holding data end starts', () => {
      expect(win({ last: '1w', period: 'week', complete: true })).toEqual(['2024-03-18', '2024-03-25']); // the last full Mon–Sun week
      expect(win({ last: '12w', period: 'week', complete: true })).toEqual(['2024-01-01', '2024-03-25']); // 12 whole weeks
      expect(win({ last: '1m', period: 'month', complete: true })).toEqual(['2024-02-01', '2024-03-01']);
      expect(win({ last: '2m', period: 'month' })).toEqual(['2024-02-01', '2024-03-31']); // Feb + March (partial)
    });
    it('data end on a period boundary: the latest period is already whole', () => {
      const monday = Date.UTC(2024, 3, 1); // 2024-04-01 is a Monday and a month start
      expect(win({ last: '1w', period: 'week', complete: true }, first, monday)).toEqual(['2024-03-25', '2024-04-01']);
      expect(win({ last: '1w', period: 'week' }, first, monday)).toEqual(['2024-03-25', '2024-04-01']);
      expect(win({ last: '1m', period: 'month', complete: true }, first, monday)).toEqual(['2024-03-01', '2024-04-01']);
    });
    it('--week-start sunday: Sunday–Saturday weeks', () => {
      const w = resolveWindow({ last: '1w', period: 'week', complete: true, weekStart: 'sunday' }, first, end);
      expect([formatDay(w.start), formatDay(w.end)]).toEqual(['2024-03-24', '2024-03-31']); // data end is a Sunday: Sun 03-24 … Sat 03-30 is whole
    });
    it('--complete without --last trims both ends of the whole history to whole periods', () => {
      expect(win({ period: 'month', complete: true })).toEqual(['2023-07-01', '2024-03-01']); // first order 2023-06-10: June is partial
      expect(win({ from: '2024-01-03', to: '2024-02-14', period: 'week', complete: true })).toEqual(['2024-01-08', '2024-02-12']);
    });
    it('days are whole already: --last 90d --period week is 90 days', () => {
      expect(win({ last: '90d', period: 'week' })).toEqual(['2024-01-01', '2024-03-31']);
    });
    it('--complete needs --period, and a window with no whole period is an error', () => {
      expect(() => win({ last: '1w', complete: true })).toThrow('--complete needs --period');
      expect(() => win({ from: '2024-03-26', period: 'week', complete: true })).toThrow('--complete: no whole week in the window 2024-03-26 … 2024-03-30 (data end 2024-03-31)');
    });
  });
});
