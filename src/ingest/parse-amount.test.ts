import { describe, it, expect } from 'vitest';
import { decimalEvidence, parseAmount, type DecimalEvidence } from './parse-amount.js';
import { mulberry32 } from '../../test/helpers/prng.js';

/** Same number, NaN equal to NaN, and never -0. */
function same(actual: number, expected: number): void {
  if (Number.isNaN(expected)) expect(actual).toBeNaN();
  else expect(Object.is(actual, expected)).toBe(true);
}

describe('SPEC §1 number styles', () => {
  it.each([
    ['1234.5', 'point', 1234.5],
    ['1,234.50', 'point', 1234.5],
    ['$1,234.50', 'point', 1234.5],
    ['1 234,50', 'comma', 1234.5],
    ['€ 12,50', 'comma', 12.5],
    ['(12.50)', 'point', -12.5],
  ] as const)('%s reads under %s as %d and says so', (raw, style, value) => {
    expect(decimalEvidence(raw)).toBe(style);
    same(parseAmount(raw, style), value);
  });
});

describe('decimalEvidence', () => {
  const cases: [string, DecimalEvidence][] = [
    // point
    ['1234.5', 'point'],
    ['12.50', 'point'],
    ['0.5', 'point'],
    ['1,234.50', 'point'],
    ['$1,234.50', 'point'],
    ['1,234,567', 'point'],
    ['0.123', 'point'],
    ['1.429999948', 'point'],
    ['.5', 'point'],
    ["1'234.50", 'point'],
    ['1.5e3', 'point'],
    ['1.429999948E-5', 'point'],
    ['1234.567', 'point'],
    ['1 234.567', 'point'],
    // comma
    ['12,50', 'comma'],
    ['1 234,50', 'comma'],
    ['€ 12,50', 'comma'],
    ['1.234,56', 'comma'],
    ['1.234.567', 'comma'],
    ['0,123', 'comma'],
    ['0,5', 'comma'],
    ['1234,567', 'comma'],
    ['01,234', 'comma'],
    ['1\u00a0234,50', 'comma'],
    ['1\u202f234,50 €', 'comma'],
    // ambiguous
    ['1,234', 'ambiguous'],
    ['12.345', 'ambiguous'],
    ['-1,234', 'ambiguous'],
    ['999,999', 'ambiguous'],
    ['$1,234', 'ambiguous'],
    ['(1.234)', 'ambiguous'],
    // none
    ['1234', 'none'],
    ['-12', 'none'],
    ['$5', 'none'],
    ['1 234', 'none'],
    ["1'234'567", 'none'],
    ['0', 'none'],
    ['  42  ', 'none'],
    ['1e5', 'none'],
    // invalid
    ['abc', 'invalid'],
    ['12..5', 'invalid'],
    ['1,2,3', 'invalid'],
    ['--5', 'invalid'],
    ['1.2.3,4,5', 'invalid'],
    ['', 'invalid'],
    ['   ', 'invalid'],
    ['-', 'invalid'],
    ['$', 'invalid'],
    ['N/A', 'invalid'],
    ['1,23,4.5', 'invalid'],
    ['1,23,456.78', 'invalid'],
    ['12 50', 'invalid'],
    ['0 123', 'invalid'],
    ['1,234 567', 'invalid'],
    ['12.', 'invalid'],
    ['12,', 'invalid'],
    ['1.,5', 'invalid'],
    ['(12.50', 'invalid'],
    ['12.50)', 'invalid'],
    ['-(12.50)', 'invalid'],
    ['(-12.50)', 'invalid'],
    ['-12.50-', 'invalid'],
    ['1,5e3', 'invalid'],
    ['1.5e', 'point'], // a trailing letter run is a currency/unit, like `12 kg`
    ['1.5e+', 'invalid'],
    ['12%', 'invalid'],
    ['USD 12 USD', 'invalid'],
    ['1 2 3', 'invalid'],
    ['Infinity', 'invalid'],
    ['NaN', 'invalid'],
    ['0x1F', 'invalid'],
    ['\u20135', 'invalid'], // en dash is not a minus
  ];
  it.each(cases)('%j → %s', (raw, evidence) => {
    expect(decimalEvidence(raw)).toBe(evidence);
  });

  it('agrees with parseAmount: the evidence style reads the value, the other style does not', () => {
    for (const [raw, ev] of cases) {
      const p = parseAmount(raw, 'point');
      const c = parseAmount(raw, 'comma');
      switch (ev) {
        case 'point':
          expect(p, raw).not.toBeNaN();
          expect(c, raw).toBeNaN();
          break;
        case 'comma':
          expect(p, raw).toBeNaN();
          expect(c, raw).not.toBeNaN();
          break;
        case 'ambiguous':
          expect(p, raw).not.toBeNaN();
          expect(c, raw).not.toBeNaN();
          expect(p, raw).not.toBe(c);
          break;
        case 'none':
          expect(p, raw).not.toBeNaN();
          expect(c, raw).toBe(p);
          break;
        case 'invalid':
          expect(p, raw).toBeNaN();
          expect(c, raw).toBeNaN();
          break;
      }
    }
  });
});

describe('parseAmount', () => {
  it.each([
    // signs, parentheses, trailing minus
    ['-12.50', 'point', -12.5],
    ['+12.50', 'point', 12.5],
    ['-$12.50', 'point', -12.5],
    ['$-12.50', 'point', -12.5],
    ['$+12.50', 'point', 12.5],
    ['- 12.50', 'point', -12.5],
    ['12.50-', 'point', -12.5],
    ['1.234,50-', 'comma', -1234.5],
    ['(12.50)', 'point', -12.5],
    ['($1,234.50)', 'point', -1234.5],
    ['$(1,234.50)', 'point', -1234.5],
    ['$ (1,234.50)', 'point', -1234.5],
    ['(1.234,50 €)', 'comma', -1234.5],
    ['( 12.50 )', 'point', -12.5],
    ['\u221212.50', 'point', -12.5], // U+2212 minus sign
    // currency symbols and codes, before or after, with or without space
    ['$12.50', 'point', 12.5],
    ['12.50$', 'point', 12.5],
    ['€12,50', 'comma', 12.5],
    ['12,50€', 'comma', 12.5],
    ['12,50 €', 'comma', 12.5],
    ['£1,234.50', 'point', 1234.5],
    ['¥1,234', 'point', 1234],
    ['₹1,234.50', 'point', 1234.5],
    ['R$ 1.234,56', 'comma', 1234.56],
    ['R$1.234,56', 'comma', 1234.56],
    ['kr 12,50', 'comma', 12.5],
    ['kr. 12,50', 'comma', 12.5],
    ['12,50 kr.', 'comma', 12.5],
    ['Rs.1,234.50', 'point', 1234.5],
    ['USD 1,234.50', 'point', 1234.5],
    ['1,234.50 USD', 'point', 1234.5],
    ['1,234.50USD', 'point', 1234.5],
    ['EUR 1.234,50', 'comma', 1234.5],
    ['-GBP 5', 'point', -5],
    ['CHF 1\'234.50', 'point', 1234.5],
    ['zł 12,50', 'comma', 12.5],
    ['12,50 zł', 'comma', 12.5],
    // thousands separators
    ['1,234', 'point', 1234],
    ['1,234', 'comma', 1.234],
    ['12.345', 'point', 12.345],
    ['12.345', 'comma', 12345],
    ['1 234 567,89', 'comma', 1234567.89],
    ['1 234 567.89', 'point', 1234567.89],
    ['1\u00a0234,50', 'comma', 1234.5],
    ['1\u202f234,50', 'comma', 1234.5],
    ["1'234.50", 'point', 1234.5],
    ["1'234'567.5", 'point', 1234567.5],
    ['1\u2019234.50', 'point', 1234.5],
    ["1'234,50", 'comma', 1234.5],
    ['1.234.567', 'comma', 1234567],
    ['1,234,567', 'point', 1234567],
    ['1.234.567,891', 'comma', 1234567.891],
    // exponent
    ['1.5e3', 'point', 1500],
    ['1.429999948E-5', 'point', 1.429999948e-5],
    ['-2.5E+2', 'point', -250],
    ['1e5', 'comma', 1e5],
    ['1,234.5e1', 'point', 12345],
    ['1.5e3', 'comma', NaN],
    ['1e400', 'point', NaN],
    // whitespace, zero
    ['  1234.5\t', 'point', 1234.5],
    ['0', 'point', 0],
    ['-0', 'point', 0],
    ['-0.00', 'point', 0],
    ['(0.00)', 'point', 0],
    ['0.0', 'point', 0],
    ['.5', 'point', 0.5],
    [',5', 'comma', 0.5],
    // style contradictions
    ['12,50', 'point', NaN],
    ['1,234.50', 'comma', NaN],
    ['1.234,50', 'point', NaN],
    ['12.50', 'comma', NaN],
    ['1 234,50', 'point', NaN],
    ['1,234,567', 'comma', NaN],
    ['1.234.567', 'point', NaN],
    ['0,123', 'point', NaN],
    ['0.123', 'comma', NaN],
    // unreadable
    ['', 'point', NaN],
    ['   ', 'comma', NaN],
    ['abc', 'point', NaN],
    ['12..5', 'point', NaN],
    ['--5', 'point', NaN],
    ['1,23,4.5', 'point', NaN],
    ['1,23,456.78', 'point', NaN],
  ] as const)('%j under %s → %d', (raw, style, value) => {
    same(parseAmount(raw, style), value);
  });

  it('never returns -0', () => {
    for (const raw of ['-0', '(0)', '0-', '-0.000', '-0e5', '-$0.00']) {
      expect(Object.is(parseAmount(raw, 'point'), 0), raw).toBe(true);
    }
  });

  it('gives exactly the double Number() gives for the plain text', () => {
    // Deterministic pseudo-random digits (mulberry32).
    const rand = mulberry32(0x5eed);
    const digits = (n: number): string => {
      let s = '';
      for (let i = 0; i < n; i++) s += String(Math.floor(rand() * 10));
      return s;
    };
    const group = (int: string, sep: string): string => {
      let out = '';
      for (let i = 0; i < int.length; i++) {
        if (i > 0 && (int.length - i) % 3 === 0) out += sep;
        out += int[i];
      }
      return out;
    };
    for (let n = 0; n < 5000; n++) {
      const intLen = 1 + Math.floor(rand() * (n % 10 === 0 ? 24 : 10));
      const fracLen = 1 + Math.floor(rand() * (n % 7 === 0 ? 25 : 8));
      let int = digits(intLen).replace(/^0+(?=\d)/, '');
      if (int === '') int = '0';
      const frac = digits(fracLen);
      const plain = `${int}.${frac}`;
      const expected = Number(plain);
      expect(parseAmount(plain, 'point'), plain).toBe(expected);
      expect(parseAmount(`${group(int, ',')}.${frac}`, 'point'), plain).toBe(expected);
      expect(parseAmount(`${group(int, '.')},${frac}`, 'comma'), plain).toBe(expected);
      expect(parseAmount(`${group(int, ' ')},${frac} €`, 'comma'), plain).toBe(expected);
      expect(parseAmount(`(${group(int, "'")}.${frac})`, 'point'), plain).toBe(expected === 0 ? 0 : -expected);
      const exp = Math.floor(rand() * 60) - 30;
      const sci = `${int}.${frac}e${exp}`;
      expect(parseAmount(sci, 'point'), sci).toBe(Number(sci));
    }
  });

  it('reads long and extreme numbers exactly', () => {
    for (const raw of ['12345678901234567890.123', '9007199254740993', '0.1234567890123456789012345', '1.7976931348623157e308', '5e-324', '123456789012345678901234567890']) {
      expect(parseAmount(raw, 'point'), raw).toBe(Number(raw));
    }
    expect(parseAmount('12.345.678.901.234.567.890,123', 'comma')).toBe(Number('12345678901234567890.123'));
  });
});
