/**
 * en-US number formatting without ICU, for the default locale.
 *
 * The first `Intl.NumberFormat` of a process loads ICU's locale data: ~16 ms
 * of the demo report's start-up (docs/performance.md, "Start-up"). For en-US
 * the rules are short, so `numberFormat` formats the report's number styles
 * here and leaves every other locale, and any other option, to Intl. The
 * output equals `new Intl.NumberFormat('en-US', options).format(value)`
 * character for character (src/report/en-us-number.test.ts checks that on
 * random doubles): the value's shortest decimal digits (as `String(value)`
 * gives them, which is what ICU reads too) rounded half away from zero, the
 * integer digits grouped by threes with commas, a `-` for every negative
 * value including -0.
 */

/** What the report's formatters need of an Intl.NumberFormat. */
export interface NumberFormatter {
  format(value: number): string;
}

/** The options of the report's styles (number-format.ts). */
export interface NumberStyle {
  style?: 'decimal' | 'percent' | 'currency';
  currency?: string;
  minimumFractionDigits?: number;
  maximumFractionDigits?: number;
}

/**
 * An Intl.NumberFormat of `locale` and `style`, or its en-US equivalent
 * without ICU when the locale is en-US and the style is one this file formats
 * (plain numbers, percentages, US dollars).
 */
export function numberFormat(locale: string, style: NumberStyle): NumberFormatter {
  const plain = isEnUs(locale) ? plainStyle(style) : null;
  if (plain === null) return new Intl.NumberFormat(locale, style);
  return { format: (value) => formatEnUs(value, plain) };
}

interface PlainStyle {
  min: number;
  max: number;
  percent: boolean;
  prefix: string;
}

function isEnUs(locale: string): boolean {
  if (locale === 'en-US') return true;
  try {
    return Intl.getCanonicalLocales(locale)[0] === 'en-US';
  } catch {
    return false;
  }
}

function plainStyle(s: NumberStyle): PlainStyle | null {
  const kind = s.style ?? 'decimal';
  if (kind === 'currency' && s.currency?.toUpperCase() !== 'USD') return null;
  // Intl's defaults: no fraction digits at least, and at most 3 (2 for US dollars, 0 for percentages).
  const min = s.minimumFractionDigits ?? (kind === 'currency' ? 2 : 0);
  const max = s.maximumFractionDigits ?? Math.max(min, kind === 'currency' ? 2 : kind === 'percent' ? 0 : 3);
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max > 20 || min > max) return null;
  return { min, max, percent: kind === 'percent', prefix: kind === 'currency' ? '$' : '' };
}

/** `value` as Intl.NumberFormat('en-US') formats it in style `s`. */
function formatEnUs(value: number, s: PlainStyle): string {
  const suffix = s.percent ? '%' : '';
  if (Number.isNaN(value)) return `${s.prefix}NaN${suffix}`;
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const abs = Math.abs(value);
  if (abs === Infinity) return `${sign}${s.prefix}∞${suffix}`;
  const { digits, point } = roundDigits(abs, s.percent ? 2 : 0, s.max);
  const whole = point <= 0 ? '0' : digits.slice(0, point).padEnd(point, '0');
  let fraction = point >= 0 ? digits.slice(point) : '0'.repeat(-point) + digits;
  let end = fraction.length;
  while (end > s.min && fraction[end - 1] === '0') end--;
  fraction = fraction.slice(0, end).padEnd(s.min, '0');
  return `${sign}${s.prefix}${group(whole)}${fraction === '' ? '' : '.'}${fraction}${suffix}`;
}

/**
 * The decimal digits of `abs × 10^shift` rounded half away from zero to `max`
 * fraction digits: `digits` (no leading zeros; '' for zero) with the decimal
 * point after the first `point` of them (negative: that many zeros come first).
 */
function roundDigits(abs: number, shift: number, max: number): { digits: string; point: number } {
  const text = String(abs);
  const e = text.indexOf('e');
  const mantissa = e < 0 ? text : text.slice(0, e);
  const dot = mantissa.indexOf('.');
  let digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  let point = (dot < 0 ? mantissa.length : dot) + (e < 0 ? 0 : Number(text.slice(e + 1))) + shift;
  const lead = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(lead);
  point -= lead;
  if (digits === '') return { digits, point: 0 };
  const keep = point + max;
  if (keep >= digits.length) return { digits, point };
  if (keep < 0) return { digits: '', point: 0 };
  const up = digits.charCodeAt(keep) >= 53; // '5'
  digits = digits.slice(0, keep);
  if (!up) return { digits, point };
  // Add one in the last kept place, carrying through nines.
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return { digits: '1' + '0'.repeat(digits.length), point: point + 1 };
  return { digits: digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + '0'.repeat(digits.length - 1 - i), point };
}

/** `1234567` → `1,234,567`. */
function group(whole: string): string {
  if (whole.length <= 3) return whole;
  const head = whole.length % 3 || 3;
  let out = whole.slice(0, head);
  for (let i = head; i < whole.length; i += 3) out += ',' + whole.slice(i, i + 3);
  return out;
}
