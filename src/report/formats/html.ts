/**
 * `report --format html`: the KPI table (benchmark status with marks and
 * words, intervals, comparisons when asked) and, per metric, small multiples
 * of each channel's trend (with --period) or a bar chart of the channels
 * (without), rendered from the same report model as every other format.
 */
import { TOTAL_CHANNEL, type MetricKey } from '../../model.js';
import { METRICS } from '../../metrics/definitions.js';
import type { BenchmarkResult, Change, Report, ReportPeriod, ReportRow } from '../model.js';
import { createFormatter, type DisplayOptions, type Formatter } from '../number-format.js';
import { barChart } from '../svg/bars.js';
import { esc } from '../svg/svg.js';
import { trendChart, type Band } from '../svg/trend.js';
import { htmlNotes, htmlPage, inputsFact, type HtmlNotes } from './html-page.js';
import { evidenceMark, sampleNote } from '../verdict-text.js';
import { benchmarkLabel, TABLE_MARKS } from './table.js';

export interface HtmlOptions {
  display: DisplayOptions;
  allPeriods: boolean;
  metrics: readonly MetricKey[];
}

export const STATUS_WORDS = { better: 'better than benchmark', on_target: 'on target', worse: 'worse than benchmark' } as const;
/** Metrics whose total row is the sum of the channels. */
const SUMS = new Set<MetricKey>(['orders', 'revenue', 'refunds', 'net_revenue', 'customers', 'new_customers', 'spend', 'sessions', 'nps_responses']);

export function renderHtml(report: Report, opts: HtmlOptions): string {
  const fmt = createFormatter(opts.display);
  const notes = htmlNotes('note');
  const periods: (ReportPeriod | null)[] = report.period_unit === null ? [null] : report.periods;
  const shown = opts.allPeriods ? periods : periods.slice(-1);
  const pct = new Intl.NumberFormat(opts.display.locale, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1 });
  const level = report.settings.confidence === null ? null : `${Math.round(report.settings.confidence * 1000) / 10}%`;
  const body: string[] = [];
  const hasBenchmarks = report.rows.some((r) => Object.keys(r.benchmarks).length > 0);
  for (const period of shown) {
    const rows = report.rows.filter((r) => (period === null ? r.period === null : r.period?.start === period.start));
    const heading = period === null ? 'KPI table' : `KPI table: ${report.period_unit} ${period.label} (${period.start} … ${period.end}${period.partial ? ', partial' : ''})`;
    body.push(`<section aria-labelledby="kpi-${esc(period?.start ?? 'window')}"><h2 id="kpi-${esc(period?.start ?? 'window')}">${esc(heading)}</h2>`);
    body.push(kpiTable(report, rows, opts.metrics, fmt, notes, pct, level));
    body.push('</section>');
  }
  const legend: string[] = [];
  if (hasBenchmarks) {
    legend.push(`Status: <span class="st-better">✓ better than benchmark</span> · ≈ on target (within the tolerance) · <span class="st-worse">✗ worse</span> · ~ not significant${level ? ` at ${level}` : ''} (the interval holds the benchmark) · ? too few observations to tell (n below min_sample, or no interval). “n = …” is the number of observations behind a verdict on a figure with sampling error. Each mark is also written out for screen readers.`);
  }
  if (level) legend.push(`The line under a figure is its ${level} confidence interval.`);
  if (report.rows.some((r) => r.previous)) legend.push('“prev”: the previous period’s value and the change from it.');
  if (report.rows.some((r) => r.baseline)) legend.push('“baseline”: the value in the --baseline report and the change from it.');
  if (legend.length) body.push(`<p class="legend">${legend.join('<br>')}</p>`);
  if (report.period_unit !== null && report.periods.length > 1) body.push(trends(report, opts.metrics, fmt));
  else body.push(bars(report, opts.metrics, fmt));
  const list = notes.list();
  if (list) body.push(`<section aria-labelledby="notes"><h2 id="notes">Notes</h2>${list}</section>`);
  return htmlPage({
    title: 'channelbench report',
    subtitle: `${report.window.start} … ${report.window.end}${report.window.partial ? ' (partial)' : ''} · data end ${report.window.data_end}`,
    facts: headerFacts(report, opts.display),
    body: body.join('\n'),
  });
}

function headerFacts(report: Report, display: DisplayOptions): [string, string][] {
  const s = report.settings;
  const periods =
    report.period_unit === null
      ? 'one window (no --period)'
      : `${report.periods.length} ${report.period_unit}${report.periods.length === 1 ? '' : 's'}${report.periods.some((p) => p.partial) ? `, partial: ${report.periods.filter((p) => p.partial).map((p) => p.label).join(', ')}` : ''}`;
  return [
    ['Window', `${esc(report.window.start)} … ${esc(report.window.end)}${report.window.partial ? ' (extends past the data end)' : ''}`],
    ['Data end', `${esc(report.window.data_end)} (figures use data dated before it)`],
    ['Periods', esc(periods)],
    ['Inputs', inputsFact(report.inputs)],
    [
      'Settings',
      esc(
        `margin ${s.margin} · retention ${s.retention_days} days · CLV horizon ${s.clv_horizon_days} days · weeks start ${s.week_start} · cancelled: ${s.cancelled_statuses.join(', ')}${s.confidence === null ? '' : ` · confidence ${s.confidence}`}`,
      ),
    ],
    ['Currency', esc(display.currency ?? "the data's own (no conversion)")],
    ['Locale', esc(display.locale)],
  ];
}

function kpiTable(
  report: Report,
  rows: readonly ReportRow[],
  metrics: readonly MetricKey[],
  fmt: Formatter,
  notes: HtmlNotes,
  pct: Intl.NumberFormat,
  level: string | null,
): string {
  const bench = metrics.map((k) => benchmarkLabel(report, k, fmt));
  const withBench = bench.some((b) => b !== '');
  const head = `<tr><th scope="col">metric</th>${withBench ? '<th scope="col">benchmark</th>' : ''}${rows.map((r) => `<th scope="col">${esc(r.channel)}</th>`).join('')}</tr>`;
  const lines = metrics.map((k, m) => {
    const cells = rows.map((r) => cell(r, k, fmt, notes, pct, level)).join('');
    return `<tr><th scope="row">${esc(METRICS[k].label)}</th>${withBench ? `<td class="num">${esc(bench[m]!)}</td>` : ''}${cells}</tr>`;
  });
  const caption = `Every metric (rows) per channel (columns), ${TOTAL_CHANNEL} = all channels together`;
  return `<div class="scroll"><table class="kpi"><caption>${esc(caption)}</caption><thead>${head}</thead><tbody>${lines.join('')}</tbody></table></div>`;
}

function cell(r: ReportRow, k: MetricKey, fmt: Formatter, notes: HtmlNotes, pct: Intl.NumberFormat, level: string | null): string {
  const v = r.metrics[k] ?? null;
  const data = `data-channel="${esc(r.channel)}" data-metric="${k}" data-value="${v === null ? '' : String(v)}"`;
  if (v === null) return `<td class="num na" ${data}>${notes.na(r.reasons[k] ?? 'not available')}</td>`;
  const b = r.benchmarks[k];
  let cls = 'num';
  let mark = '';
  const subs: string[] = [];
  if (b && b.status !== null) {
    const evidence = evidenceMark(b);
    const words = evidence === '?' ? ', too few observations to tell' : evidence === '~' ? ', not significant' : '';
    cls += ` ${b.status}${evidence ? ' noise' : ''}`;
    mark = `<span class="mark" aria-hidden="true">${evidence}${TABLE_MARKS[b.status]}</span><span class="sr"> ${STATUS_WORDS[b.status]}${words}</span>`;
    const n = sampleNote(r, k, fmt).trim();
    if (n) subs.push(`<span class="sub n" title="observations behind the verdict">${esc(n.replace('=', ' = '))}</span>`);
  }
  const ci = r.ci[k];
  if (ci && level) subs.push(`<span class="sub ci" title="${level} confidence interval">${esc(fmt(k, ci[0]))} – ${esc(fmt(k, ci[1]))}</span>`);
  if (r.previous) subs.push(changeLine('prev', r.previous[k], k, fmt, pct));
  if (r.baseline) subs.push(changeLine('baseline', r.baseline[k], k, fmt, pct));
  return `<td class="${cls}" ${data}>${esc(fmt(k, v))}${mark}${subs.join('')}</td>`;
}

function changeLine(label: string, c: Change | undefined, k: MetricKey, fmt: Formatter, pct: Intl.NumberFormat): string {
  if (!c || c.value === null) return `<span class="sub cmp">${label} n/a</span>`;
  const change = c.change_pct === null ? '' : ` (${pct.format(c.change_pct)}${c.significant === false ? ', ~' : ''})`;
  return `<span class="sub cmp">${label} ${esc(fmt(k, c.value))}${esc(change)}</span>`;
}

export function bandOf(b: BenchmarkResult | undefined): Band | null {
  if (!b) return null;
  if (b.target !== undefined) return { target: b.target };
  if (b.min === undefined && b.max === undefined) return null;
  return { ...(b.min !== undefined ? { low: b.min } : {}), ...(b.max !== undefined ? { high: b.max } : {}) };
}

function trends(report: Report, metrics: readonly MetricKey[], fmt: Formatter): string {
  const labels = report.periods.map((p) => p.label);
  const partial = report.periods.map((p) => p.partial);
  const out: string[] = ['<section aria-labelledby="trends"><h2 id="trends">Trends by channel</h2>'];
  out.push(
    `<p class="legend">One small chart per channel and metric over the ${report.periods.length} ${report.period_unit}s: the line is the figure, the green band (or dashed line) the benchmark, a shaded column with a hollow point a partial period.</p>`,
  );
  metrics.forEach((k) => {
    const label = METRICS[k].label;
    out.push(`<figure class="metric" aria-labelledby="fig-${k}"><h3 id="fig-${k}">${esc(label)}</h3><div class="grid">`);
    [...report.channels, TOTAL_CHANNEL].forEach((channel, c) => {
      const rows = report.rows.filter((r) => r.channel === channel);
      const byStart = new Map(rows.map((r) => [r.period?.start, r]));
      const values = report.periods.map((p) => byStart.get(p.start)?.metrics[k] ?? null);
      const withBench = [...rows].reverse().find((r) => r.benchmarks[k]);
      const chart = trendChart({ id: `t-${k}-${c}`, title: `${label} · ${channel}`, labels, partial, values, band: bandOf(withBench?.benchmarks[k]), format: (v) => fmt(k, v) });
      out.push(`<figure class="multiple"><figcaption>${esc(channel)}</figcaption>${chart}</figure>`);
    });
    out.push('</div></figure>');
  });
  out.push('</section>');
  return out.join('\n');
}

function bars(report: Report, metrics: readonly MetricKey[], fmt: Formatter): string {
  const rows = report.rows.filter((r) => r.period === null || r.period.start === report.periods[report.periods.length - 1]?.start);
  const out: string[] = ['<section aria-labelledby="charts"><h2 id="charts">By channel</h2>'];
  out.push('<p class="legend">One bar per channel; the green band (or dashed line) is the benchmark of the total row. Run with <code>--period</code> for trends.</p><div class="grid">');
  metrics.forEach((k) => {
    const label = METRICS[k].label;
    const total = rows.find((r) => r.channel === TOTAL_CHANNEL);
    // A sum's total would dwarf the channels: its bar is left out (it is in the table).
    const shown = SUMS.has(k) ? rows.filter((r) => r.channel !== TOTAL_CHANNEL) : rows;
    const chart = barChart({ id: `b-${k}`, title: label, data: shown.map((r) => ({ label: r.channel, value: r.metrics[k] ?? null })), band: bandOf(total?.benchmarks[k]), format: (v) => fmt(k, v) });
    out.push(`<figure class="multiple"><figcaption>${esc(label)}</figcaption>${chart}</figure>`);
  });
  out.push('</div></section>');
  return out.join('\n');
}
