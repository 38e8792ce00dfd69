import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { CurrencyConverter } from './currency.js';
import { parseFxTable, rateOn } from './fx.js';

const day = (iso: string) => Date.parse(`${iso}T00:00Z`) / 86_400_000;
const LONG = [
  ['date', 'from', 'to', 'rate'],
  ['2024-03-01', 'EUR', 'USD', '1.25'], // Friday
  ['2024-03-01', 'GBP', 'EUR', '1.2'],
  ['2024-03-04', 'EUR', 'USD', '1.0'], // Monday
];

describe('rate table', () => {
  const t = parseFxTable('rates.csv', LONG);
  it('uses the rate of the day, and derives the inverse', () => {
    expect(rateOn(t, 'EUR', 'USD', day('2024-03-01'), 7)).toBe(1.25);
    expect(rateOn(t, 'USD', 'EUR', day('2024-03-01'), 7)).toBe(0.8); // 1 / 1.25
    expect(rateOn(t, 'USD', 'EUR', day('2024-03-04'), 7)).toBe(1);
    expect(rateOn(t, 'EUR', 'EUR', day('2024-03-04'), 7)).toBe(1);
  });
  it('carries the last rate over the weekend, up to the maximum age', () => {
    expect(rateOn(t, 'USD', 'EUR', day('2024-03-03'), 7)).toBe(0.8); // Sunday: Friday's
    expect(rateOn(t, 'GBP', 'EUR', day('2024-03-08'), 7)).toBe(1.2); // 7 days old: still used
    expect(rateOn(t, 'GBP', 'EUR', day('2024-03-09'), 7)).toEqual({ staleDay: day('2024-03-01') }); // 8 days: stale
    expect(rateOn(t, 'GBP', 'EUR', day('2024-03-09'), 8)).toBe(1.2);
    expect(rateOn(t, 'USD', 'EUR', day('2024-02-29'), 7)).toEqual({ staleDay: null }); // before the first rate
  });
  it('crosses through a common currency', () => {
    // GBP → USD on 4 March: GBP → EUR 1.2 (3 days old), EUR → USD 1.0 → 1.2
    expect(rateOn(t, 'GBP', 'USD', day('2024-03-04'), 7)).toBeCloseTo(1.2, 12);
    // USD → GBP on 1 March: 0.8 × (1 / 1.2) = 0.666…
    expect(rateOn(t, 'USD', 'GBP', day('2024-03-01'), 7)).toBeCloseTo(0.8 / 1.2, 12);
    expect(rateOn(t, 'CHF', 'EUR', day('2024-03-04'), 7)).toEqual({ staleDay: null });
  });
  it('an explicit inverse wins over the derived one', () => {
    const both = parseFxTable('r.csv', [...LONG, ['2024-03-01', 'USD', 'EUR', '0.81']]);
    expect(rateOn(both, 'USD', 'EUR', day('2024-03-01'), 7)).toBe(0.81);
    expect(rateOn(both, 'EUR', 'USD', day('2024-03-01'), 7)).toBe(1.25);
  });
  it('reads ECB-style wide tables (units per 1 EUR, N/A skipped)', () => {
    const ecb = parseFxTable('eurofxref-hist.csv', [
      ['Date', 'USD', 'JPY', 'CYP', ''],
      ['2024-03-01', '1.0838', '162.62', 'N/A', ''],
    ]);
    expect(rateOn(ecb, 'EUR', 'JPY', day('2024-03-01'), 7)).toBe(162.62);
    expect(rateOn(ecb, 'USD', 'EUR', day('2024-03-02'), 7)).toBeCloseTo(1 / 1.0838, 15);
    expect(rateOn(ecb, 'USD', 'JPY', day('2024-03-01'), 7)).toBeCloseTo(162.62 / 1.0838, 10); // cross via EUR
    expect(rateOn(ecb, 'CYP', 'EUR', day('2024-03-01'), 7)).toEqual({ staleDay: null });
  });
  it('rejects malformed tables with the line', () => {
    expect(() => parseFxTable('r.csv', [['day', 'rate']])).toThrow(/--fx r.csv: line 1: expected the columns date, from, to, rate/);
    expect(() => parseFxTable('r.csv', [LONG[0]!, ['2024-03-01', 'EUR', 'USD', '-1']])).toThrow(/line 2: rate "-1" is not a positive number/);
    expect(() => parseFxTable('r.csv', [LONG[0]!, ['01/03/2024', 'EUR', 'USD', '1']])).toThrow(/line 2: "01\/03\/2024" is not a day/);
    expect(() => parseFxTable('r.csv', [LONG[0]!, ['2024-03-01', 'euro', 'USD', '1']])).toThrow(InputError);
  });
});

describe('CurrencyConverter', () => {
  const fx = parseFxTable('rates.csv', LONG);
  const at = (iso: string) => Date.parse(iso);
  it("converts at the amount's own day and counts conversions per currency", () => {
    const c = new CurrencyConverter({ reportCurrency: 'EUR', fx, fxName: 'rates.csv', maxAgeDays: 7, timeZone: 'UTC' });
    const counts: Record<string, number> = {};
    expect(c.convert(50, 'USD', at('2024-03-01T10:00Z'), 'o.csv', 2, counts)).toBe(40); // 50 × 0.8
    expect(c.convert(125, 'USD', at('2024-03-02T10:00Z'), 'o.csv', 3, counts)).toBe(100); // Saturday: Friday's 0.8
    expect(c.convert(10, 'GBP', at('2024-03-03T10:00Z'), 'o.csv', 4, counts)).toBe(12); // 10 × 1.2
    expect(c.convert(7, 'EUR', at('2024-03-03T10:00Z'), 'o.csv', 5, counts)).toBe(7);
    expect(c.convert(7, null, at('2024-03-03T10:00Z'), 'o.csv', 6, counts)).toBe(7); // blank = report currency
    expect(counts).toEqual({ USD: 2, GBP: 1 });
  });
  it("the rate's day is the reporting zone's day", () => {
    // 2024-03-04 02:00Z is Sunday 3 March 18:00 in Los Angeles: Friday's rate 0.8, not Monday's 1.0
    const la = new CurrencyConverter({ reportCurrency: 'EUR', fx, fxName: 'rates.csv', maxAgeDays: 7, timeZone: 'America/Los_Angeles' });
    expect(la.convert(10, 'USD', at('2024-03-04T02:00Z'), 'o.csv', 2, {})).toBe(8);
  });
  it('errors name the currency, the date and the flag', () => {
    const c = new CurrencyConverter({ reportCurrency: 'EUR', fx, fxName: 'rates.csv', maxAgeDays: 7, timeZone: 'UTC' });
    expect(() => c.convert(1, 'GBP', at('2024-03-12T10:00Z'), 'o.csv', 9, {})).toThrow(
      'o.csv line 9: no usable GBP→EUR rate for 2024-03-12 in --fx rates.csv: its latest GBP→EUR rate is from 2024-03-01, 11 days earlier, and rates are used for at most 7 days',
    );
    expect(() => c.convert(1, 'CHF', at('2024-03-04T10:00Z'), 'o.csv', 9, {})).toThrow('no usable CHF→EUR rate for 2024-03-04 in --fx rates.csv: it has no CHF→EUR rate (nor a cross rate)');
    const none = new CurrencyConverter({ reportCurrency: null, fx: null, fxName: null, maxAgeDays: 7, timeZone: 'UTC' });
    expect(none.convert(5, 'EUR', at('2024-03-01T10:00Z'), 'o.csv', 2, {})).toBe(5);
    expect(none.currency).toBe('EUR');
    expect(() => none.convert(5, 'USD', at('2024-03-01T10:00Z'), 's.csv', 4, {})).toThrow(
      's.csv line 4: an amount in USD (dated 2024-03-01), but the other amounts are in EUR',
    );
  });
});
