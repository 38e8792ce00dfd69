/**
 * The words and marks of a verdict on screen (table and markdown): evidence
 * marks, sample sizes, and a figure's change against an earlier value.
 */
import type { MetricKey } from '../model.js';
import { METRICS } from '../metrics/definitions.js';
import { hasSamplingError } from '../stats/figure-interval.js';
import type { Formatter } from './number-format.js';
import type { BenchmarkResult, Change, ReportRow } from './model.js';

/**
 * The evidence mark before a status mark: `?` too few observations (n below
 * min_sample, or no interval), `~` a miss or hit within the noise, '' otherwise.
 * @example evidenceMark({ status: 'worse', significant: false, sample: 'insufficient', … }) // '?'
 */
export function evidenceMark(b: BenchmarkResult): string {
  if (b.sample === 'insufficient') return '?';
  return b.significant === false && b.status !== 'on_target' ? '~' : '';
}

/** ` n=…` after a verdict on a figure with sampling error, '' otherwise. */
export function sampleNote(r: ReportRow, k: MetricKey, fmt: Formatter): string {
  const n = r.n?.[k];
  return n === undefined ? '' : ` n=${fmt('orders', n)}`;
}

/**
 * An earlier value and the change to the current one, with `~` when the change
 * is within the noise (significant false) and `?` when a figure with sampling
 * error could not be tested (too few observations); '' without an earlier value. The
 * change is relative for money, counts and ratios (`60.00 → +50.0%`; absolute
 * when the earlier value is 0), in percentage points for rates (`2.0% → +0.5 pt`)
 * and in points for NPS (`20.0 → −5.0`).
 * @example changeText(fmt, 'aov', { value: 60, change: 30, change_pct: 0.5, significant: null }) // '60.00 → +50.0%'
 */
export function changeText(fmt: Formatter, k: MetricKey, c: Change | undefined): string {
  if (!c || c.value === null) return '';
  const before = fmt(k, c.value);
  if (c.change === null) return `${before} →`;
  const sign = c.change > 0 ? '+' : c.change < 0 ? '−' : '±';
  const unit = METRICS[k].unit;
  const size =
    unit === 'rate'
      ? fmt(k, Math.abs(c.change)).replace(/\s?%$/, ' pt')
      : unit === 'score' || c.change_pct === null
        ? fmt(k, Math.abs(c.change))
        : fmt('conversion_rate', Math.abs(c.change_pct));
  const noise = c.significant === false ? ' ~' : c.significant === null && hasSamplingError(k) ? ' ?' : '';
  return `${before} → ${sign}${size}${noise}`;
}

/** The comparison rows a report has: the previous period's and/or the baseline's. */
export function comparisonsOf(rows: readonly ReportRow[]): { label: string; of: (r: ReportRow) => Partial<Record<MetricKey, Change>> | undefined }[] {
  const out: { label: string; of: (r: ReportRow) => Partial<Record<MetricKey, Change>> | undefined }[] = [];
  if (rows.some((r) => r.previous !== undefined)) out.push({ label: 'vs previous', of: (r) => r.previous });
  if (rows.some((r) => r.baseline !== undefined)) out.push({ label: 'vs baseline', of: (r) => r.baseline });
  return out;
}

/** The legend line of the comparison rows. */
export function comparisonLegend(labels: readonly string[]): string {
  return `${labels.join(' / ')}: the earlier value → the change (rates in percentage points, NPS in points); ~ within the noise, ? too few to test`;
}
