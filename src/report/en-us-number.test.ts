import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberFormat, type NumberStyle } from './en-us-number.js';
import { createFormatter } from './number-format.js';

/** The styles createFormatter asks for, and a few more that the en-US path also takes. */
const STYLES: NumberStyle[] = [
  { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 },
  { maximumFractionDigits: 0 },
  { maximumFractionDigits: 2 },
  { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 },
  { minimumFractionDigits: 1, maximumFractionDigits: 1 },
  {},
  { style: 'percent' },
  { style: 'currency', currency: 'usd' },
  { minimumFractionDigits: 3, maximumFractionDigits: 6 },
];

/** Doubles as reports hold them: money with cents, rates, counts, halves that round, and any double at all. */
const values = fc.oneof(
  fc.double(),
  fc.double({ min: -1e7, max: 1e7 }),
  fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100),
  fc.integer({ min: -1e6, max: 1e6 }).map((c) => c / 1000),
  fc.integer({ min: -1e6, max: 1e6 }).map((c) => c / 2000),
  fc.integer({ min: 0, max: 1e6 }).map((c) => c / 1e6),
  fc.constantFrom(0, -0, 0.5, -0.5, 1.005, 2.675, 0.125, 9.995, 99.995, 999_999.995, 0.0005, 0.00049, 1e21, 1.5e-7, -1e-9, Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity, NaN),
);

describe('numberFormat for en-US', () => {
  it('formats every double as Intl.NumberFormat("en-US") does, in every style', () => {
    const intl = STYLES.map((s) => new Intl.NumberFormat('en-US', s));
    const plain = STYLES.map((s) => numberFormat('en-US', s));
    fc.assert(
      fc.property(values, (v) => {
        for (let i = 0; i < STYLES.length; i++) expect(plain[i]!.format(v), `${v} ${JSON.stringify(STYLES[i])}`).toBe(intl[i]!.format(v));
      }),
      { numRuns: 5000 },
    );
  });

  it('rounds the shortest decimal of a value half away from zero (hand-checked)', () => {
    const two = numberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    // 1.005 is stored as 1.00499999999999989…, but its shortest decimal is 1.005: 1.01, where toFixed(2) says 1.00.
    expect(two.format(1.005)).toBe('1.01');
    expect(two.format(-1234.565)).toBe('-1,234.57');
    expect(two.format(999.995)).toBe('1,000.00');
    expect(two.format(-0.001)).toBe('-0.00');
    const pct = numberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    // 0.12345 × 100 = 12.345 → 12.3 (the digit after the kept one is 4).
    expect(pct.format(0.12345)).toBe('12.3%');
    expect(numberFormat('en-US', { maximumFractionDigits: 0 }).format(1234567.5)).toBe('1,234,568');
    expect(numberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(-0.5)).toBe('-$0.50');
  });

  it('leaves other locales and currencies to Intl', () => {
    expect(numberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })).toBeInstanceOf(Intl.NumberFormat);
    expect(numberFormat('en-US', { style: 'currency', currency: 'EUR' })).toBeInstanceOf(Intl.NumberFormat);
    expect(numberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })).not.toBeInstanceOf(Intl.NumberFormat);
    // A tag that canonicalizes to en-US takes the en-US path.
    expect(numberFormat('en-us', {})).not.toBeInstanceOf(Intl.NumberFormat);
    expect(numberFormat('en', {})).toBeInstanceOf(Intl.NumberFormat);
  });

  it('gives createFormatter the same text in en-US as Intl would, and de-DE its own', () => {
    const en = createFormatter({ locale: 'en-US', currency: 'USD' });
    expect(en('revenue', 1234567.891)).toBe('$1,234,567.89');
    expect(en('orders', 4850)).toBe('4,850');
    const de = createFormatter({ locale: 'de-DE', currency: undefined });
    expect(de('revenue', 1234567.891)).toBe('1.234.567,89');
  });
});
