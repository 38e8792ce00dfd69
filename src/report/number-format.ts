/**
 * Display formatting for table and markdown only (csv/json keep raw numbers).
 * Money and counts follow --locale; rates are shown as percentages.
 */
import type { MetricKey } from '../model.js';
import { METRICS } from '../metrics/definitions.js';
import { numberFormat } from './en-us-number.js';

export interface DisplayOptions {
  locale: string;
  /** ISO 4217 code, or undefined for no currency symbol. */
  currency: string | undefined;
}

export interface Formatter {
  (key: MetricKey, value: number): string;
}

/** Builds the per-unit formatters once per report (Intl's, or for en-US their equivalent without ICU: en-us-number.ts). */
export function createFormatter(opts: DisplayOptions): Formatter {
  const { locale } = opts;
  const money = numberFormat(locale, opts.currency ? { style: 'currency', currency: opts.currency, minimumFractionDigits: 2, maximumFractionDigits: 2 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const count = numberFormat(locale, { maximumFractionDigits: 0 });
  const fraction = numberFormat(locale, { maximumFractionDigits: 2 });
  const percent = numberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const ratio = numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const score = numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (key, value) => {
    switch (METRICS[key].unit) {
      case 'money':
        return money.format(value);
      case 'count':
        return Number.isInteger(value) ? count.format(value) : fraction.format(value);
      case 'rate':
        return percent.format(value);
      case 'ratio':
        return ratio.format(value);
      case 'score':
        return score.format(value);
    }
  };
}

const BARS = '▁▂▃▄▅▆▇█';

/** The sparkline point of a partial period: not drawn as a bar (its low value is the period's length, not a trend). */
export const PARTIAL_POINT = '◦';

/**
 * A trend sparkline: one bar per value, scaled between the min and max of the
 * whole periods' values; a null is a space, a partial period `◦`.
 * @example sparkline([1, 2, 3]) // '▁▄█'
 * @example sparkline([4, 8, 1], [false, false, true]) // '▁█◦'
 */
export function sparkline(values: readonly (number | null)[], partial: readonly boolean[] = []): string {
  const nums = values.filter((v, i): v is number => v !== null && !partial[i]);
  const min = Math.min(...nums);
  const max = Math.max(...nums);
  if (nums.length === 0 && !partial.some(Boolean)) return '';
  return values
    .map((v, i) => {
      if (partial[i]) return PARTIAL_POINT;
      if (v === null) return ' ';
      if (max === min) return BARS[3]!;
      return BARS[Math.round(((v - min) / (max - min)) * (BARS.length - 1))]!;
    })
    .join('');
}
