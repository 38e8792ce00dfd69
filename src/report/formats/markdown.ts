/**
 * GitHub-flavoured Markdown for $GITHUB_STEP_SUMMARY: a table per period
 * (the latest, plus a trend column, unless --all-periods), metrics as rows and
 * channels as columns, status marks where benchmarks apply, footnotes for nulls.
 */
import { METRIC_KEYS, TOTAL_CHANNEL, type MetricKey } from '../../model.js';
import { METRICS } from '../../metrics/definitions.js';
import { markdownTable } from '../markdown.js';
import type { Report, ReportPeriod, ReportRow } from '../model.js';
import { createFormatter, PARTIAL_POINT, sparkline, type DisplayOptions, type Formatter } from '../number-format.js';
import { changeText, comparisonLegend, comparisonsOf, evidenceMark, sampleNote } from '../verdict-text.js';

export interface MarkdownOptions {
  display: DisplayOptions;
  allPeriods: boolean;
  metrics: readonly MetricKey[];
}

export const STATUS_MARKS = { better: '✅', on_target: '➖', worse: '❌' } as const;
const MAX_TREND = 24;

/** ` ✅`, ` ❌~` (within the noise), ` ➖? n=3` (too few observations; n shown beside every verdict with sampling error). */
export function statusMark(r: ReportRow, k: MetricKey, fmt: Formatter): string {
  const b = r.benchmarks[k];
  if (!b || b.status === null) return '';
  return ` ${STATUS_MARKS[b.status]}${evidenceMark(b)}${sampleNote(r, k, fmt)}`;
}

export function renderMarkdown(report: Report, opts: MarkdownOptions): string {
  const fmt = createFormatter(opts.display);
  const periods: (ReportPeriod | null)[] = report.period_unit === null ? [null] : report.periods;
  const shown = opts.allPeriods ? periods : periods.slice(-1);
  const trend = !opts.allPeriods && report.period_unit !== null && report.periods.length > 1;
  const notes = new Map<string, number>();
  const note = (reason: string): number => {
    if (!notes.has(reason)) notes.set(reason, notes.size + 1);
    return notes.get(reason)!;
  };
  const comparisons = comparisonsOf(report.rows);
  const currency = report.settings.currency ? ` (${report.settings.currency})` : '';
  const out: string[] = [`## channelbench report: ${report.window.start} … ${report.window.end}${currency}`, ''];
  for (const period of shown) {
    const rows = report.rows.filter((r) => (period === null ? r.period === null : r.period?.start === period.start));
    if (period) {
      out.push(`### ${report.period_unit} ${period.label} (${period.start} … ${period.end}${period.partial ? ', partial' : ''})`, '');
    }
    const header = ['metric', ...rows.map((r) => r.channel), ...(trend ? ['trend'] : [])];
    const totals = trend ? report.rows.filter((r) => r.channel === TOTAL_CHANNEL).slice(-MAX_TREND) : [];
    const partial = totals.map((r) => r.period?.partial ?? false);
    const body = opts.metrics.flatMap((k) => [
      [
        METRICS[k].label,
        ...rows.map((r) => {
          const v = r.metrics[k] ?? null;
          return v === null ? `n/a[^${note(r.reasons[k] ?? 'not available')}]` : fmt(k, v) + statusMark(r, k, fmt);
        }),
        ...(trend ? [sparkline(totals.map((r) => r.metrics[k] ?? null), partial)] : []),
      ],
      ...comparisons.map((cmp) => [`↳ ${cmp.label}`, ...rows.map((r) => changeText(fmt, k, cmp.of(r)?.[k])), ...(trend ? [''] : [])]),
    ]);
    out.push(markdownTable(header, body, ['left', ...rows.map(() => 'right' as const), 'left']));
  }
  if (report.rows.some((r) => Object.keys(r.benchmarks).length > 0)) {
    out.push(`✅ better than benchmark · ➖ on target · ❌ worse · ~ not significant · ? too few observations to tell (n below min_sample ${report.settings.min_sample}, or no interval)`, '');
  }
  if (comparisons.length > 0) {
    out.push(comparisonLegend(comparisons.map((x) => x.label)), '');
  }
  if (trend) {
    const shownPartial = report.periods.slice(-MAX_TREND).some((p) => p.partial) ? ` ${PARTIAL_POINT} marks a partial period.` : '';
    out.push(`Trend: the total over the last ${Math.min(report.periods.length, MAX_TREND)} of ${report.periods.length} ${report.period_unit}s.${shownPartial}`, '');
  }
  for (const [reason, n] of notes) out.push(`[^${n}]: ${reason}`);
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

export { METRIC_KEYS };
