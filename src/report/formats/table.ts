/**
 * The terminal table: metrics as rows, channels as columns (the total last),
 * split into several tables when the channels do not fit the width, so lines
 * never wrap. With periods: the latest period in full, plus a trend sparkline
 * of the total row over the last periods (--all-periods prints every period;
 * a partial period is `◦`, not a bar). A verdict on a figure with sampling error
 * shows its n; with --compare previous / --baseline each metric gets a row
 * "vs previous" / "vs baseline" with the earlier value and the change.
 */
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { METRIC_KEYS, type MetricKey } from '../../model.js';
import { METRICS } from '../../metrics/definitions.js';
import type { Report, ReportPeriod, ReportRow } from '../model.js';
import { createFormatter, PARTIAL_POINT, sparkline, type DisplayOptions, type Formatter } from '../number-format.js';
import { changeText, comparisonLegend, comparisonsOf, evidenceMark, sampleNote } from '../verdict-text.js';
import { wrapWords } from '../crosschannel/wrap.js';
import { compactKey, compactTables } from './table-compact.js';

export interface TableOptions {
  display: DisplayOptions;
  /** Terminal width in columns. */
  width: number;
  chalk: ChalkInstance;
  allPeriods: boolean;
  metrics: readonly MetricKey[];
}

const SUPERSCRIPTS = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
const superscript = (n: number): string => String(n).split('').map((d) => SUPERSCRIPTS[Number(d)]!).join('');
const MAX_TREND = 24;
/** The compact layout's trend: fewer periods, so a sparkline fits a metric column. */
const COMPACT_TREND = 8;

export function renderTable(report: Report, opts: TableOptions): string {
  const fmt = createFormatter(opts.display);
  const c = opts.chalk;
  const out: string[] = [];
  const periods: (ReportPeriod | null)[] = report.period_unit === null ? [null] : report.periods;
  const shown = opts.allPeriods ? periods : periods.slice(-1);
  const footnotes = new Map<string, number>();
  const note = (reason: string): string => {
    let n = footnotes.get(reason);
    if (n === undefined) {
      n = footnotes.size + 1;
      footnotes.set(reason, n);
    }
    return superscript(n);
  };

  const hasBenchmarks = report.rows.some((r) => Object.keys(r.benchmarks).length > 0);
  const comparisons = comparisonsOf(report.rows);
  let compact = false;
  out.push(c.bold(`channelbench · ${report.window.start} … ${report.window.end}`) + c.dim(` (data end ${report.window.data_end})`));
  for (const period of shown) {
    const rows = report.rows.filter((r) => samePeriod(r.period, period));
    if (period) {
      const span = `${period.start} … ${period.end}${period.partial ? ', partial' : ''}`;
      out.push('');
      out.push(c.bold(`${report.period_unit} ${period.label}`) + c.dim(` (${span})`));
    }
    const trend = !opts.allPeriods && report.period_unit !== null && report.periods.length > 1 ? trendColumn(report, opts.metrics) : null;
    // One line per metric, then one per comparison (vs previous / vs baseline) under it.
    const lines = opts.metrics.flatMap((k) => [
      { k, label: METRICS[k].label, text: (r: ReportRow) => cell(r, k, fmt, note, c), bench: true, trend: true },
      ...comparisons.map((cmp) => ({ k, label: `  ${cmp.label}`, text: (r: ReportRow) => c.dim(changeText(fmt, k, cmp.of(r)?.[k])), bench: false, trend: false })),
    ]);
    const labels = lines.map((l) => l.label);
    const cells = rows.map((r) => lines.map((l) => l.text(r)));
    const benchLabels = hasBenchmarks ? lines.map((l) => (l.bench ? benchmarkLabel(report, l.k, fmt) : '')) : null;
    const labelWidth = Math.max(6, ...labels.map((l) => l.length)) + 2 + (benchLabels ? Math.max(9, ...benchLabels.map((b) => b.length)) + 3 : 0);
    const trendWidth = trend ? Math.max(5, ...trend.map((t) => t.length)) + 2 : 0;
    const fixed = labelWidth + 1 + (trend ? trendWidth + 1 : 0) + 1;
    // A channel name longer than the room left is shortened (never wrapped).
    const room = Math.max(8, opts.width - fixed - 3);
    const names = rows.map((r) => shorten(r.channel, room));
    const widths = rows.map((_, i) => Math.max(names[i]!.length, ...cells[i]!.map((x) => visibleLength(x))) + 2);
    const chunks = chunkColumns(widths, opts.width, fixed);
    if (chunks.length > 1) {
      // The full layout would split the channels over several tables: channels as rows instead.
      compact = true;
      out.push(
        ...compactTables({
          metrics: opts.metrics,
          names: rows.map((r) => shorten(r.channel, Math.max(8, Math.floor(opts.width / 4)))),
          // Compact cells are one per metric; comparisons follow as tables of their own.
          cells: cells.map((row) => row.filter((_, m) => lines[m]!.bench)),
          benchmarks: benchLabels ? benchLabels.filter((_, m) => lines[m]!.bench) : null,
          trend: trend ? trendColumn(report, opts.metrics, COMPACT_TREND) : null,
          width: opts.width,
          chalk: c,
          visibleLength,
          headerRule: withHeaderRule,
        }),
      );
      // Each comparison (vs previous / vs baseline) as its own compact table of the same shape.
      comparisons.forEach((cmp) => {
        const picked = lines.map((_, m) => m).filter((m) => lines[m]!.label === `  ${cmp.label}`);
        out.push('', c.bold(cmp.label.trim()));
        out.push(
          ...compactTables({
            metrics: opts.metrics,
            names: rows.map((r) => shorten(r.channel, Math.max(8, Math.floor(opts.width / 4)))),
            cells: cells.map((row) => picked.map((m) => row[m]!)),
            benchmarks: null,
            trend: null,
            width: opts.width,
            chalk: c,
            visibleLength,
            headerRule: withHeaderRule,
          }),
        );
      });
      continue;
    }
    for (const chunk of chunks) {
      const head = [...(benchLabels ? ['metric', 'benchmark'] : ['metric']), ...chunk.map((i) => names[i]!)];
      const lastChunk = chunk[chunk.length - 1] === rows.length - 1;
      if (trend && lastChunk) head.push('trend');
      const table = new Table({
        head: head.map((h) => c.bold(h)),
        style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
        chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
        colAligns: [...(benchLabels ? ['left' as const, 'right' as const] : ['left' as const]), ...chunk.map(() => 'right' as const), ...(trend && lastChunk ? ['left' as const] : [])],
      });
      lines.forEach((l, m) => {
        const line = [...(benchLabels ? [labels[m]!, benchLabels[m]!] : [labels[m]!]), ...chunk.map((i) => cells[i]![m]!)];
        if (trend && lastChunk) line.push(l.trend ? trend[opts.metrics.indexOf(l.k)]! : '');
        table.push(line);
      });
      out.push(withHeaderRule(table.toString()));
    }
  }
  const prose = (text: string): string[] => wrapWords(text, opts.width).map((l) => c.dim(l));
  if (compact && compactKey(opts.metrics)) out.push('', ...prose(compactKey(opts.metrics)));
  if (hasBenchmarks) {
    out.push('');
    const level = report.settings.confidence === null ? '' : ` at ${Math.round(report.settings.confidence * 100)}%`;
    out.push(...joinFitting([`${c.green('✓ better')} than benchmark`, '≈ on target (±tolerance)', c.red('✗ worse'), c.dim(`~ not significant${level}`)], opts.width));
    out.push(...prose(`? too few observations to tell (n below min_sample ${report.settings.min_sample}, or no interval)`));
  }
  if (footnotes.size > 0) {
    out.push('');
    for (const [reason, n] of footnotes) out.push(...prose(`n/a${superscript(n)} ${reason}`));
  }
  if (comparisons.length > 0) {
    out.push(...prose(comparisonLegend(comparisons.map((x) => x.label))));
  }
  if (!opts.allPeriods && report.period_unit !== null && report.periods.length > 1) {
    const partial = report.periods.slice(-(compact ? COMPACT_TREND : MAX_TREND)).some((p) => p.partial) ? `; ${PARTIAL_POINT} a partial period (--complete drops it)` : '';
    out.push(...prose(`trend: the total over the last ${Math.min(report.periods.length, compact ? COMPACT_TREND : MAX_TREND)} of ${report.periods.length} periods; --all-periods prints each period${partial}`));
  }
  return out.join('\n') + '\n';
}

/** Items joined with ' · ' on as few lines as fit the width (by visible length). */
function joinFitting(items: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line && visibleLength(line) + 3 + visibleLength(item) > width) {
      lines.push(line);
      line = item;
    } else line = line ? `${line} · ${item}` : item;
  }
  if (line) lines.push(line);
  return lines;
}

/** cli-table3 has one separator style for all rows: draw a rule under the header only. */
function withHeaderRule(text: string): string {
  const lines = text.split('\n');
  const top = lines[0];
  if (!top || lines.length < 3) return text;
  const rule = top.replace('┌', '├').replace(/┬/g, '┼').replace('┐', '┤');
  return [lines[0], lines[1], rule, ...lines.slice(2)].join('\n');
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function samePeriod(a: ReportPeriod | null, b: ReportPeriod | null): boolean {
  return a === null || b === null ? a === b : a.start === b.start;
}

/** Terminal status marks (single-width, unlike the emoji of the markdown output). */
export const TABLE_MARKS = { better: '✓', on_target: '≈', worse: '✗' } as const;

function cell(r: ReportRow, k: MetricKey, fmt: Formatter, note: (reason: string) => string, c: ChalkInstance): string {
  const v = r.metrics[k] ?? null;
  if (v === null) return `n/a${note(r.reasons[k] ?? 'not available')}`;
  const b = r.benchmarks[k];
  if (!b || b.status === null) return fmt(k, v);
  const evidence = evidenceMark(b);
  const text = `${fmt(k, v)} ${evidence}${TABLE_MARKS[b.status]}${sampleNote(r, k, fmt)}`;
  if (b.status === 'better') return c.green(text);
  if (b.status === 'worse') return evidence ? c.dim(text) : c.red(text);
  return text;
}

/** The benchmark shown beside a metric: the one applying to the total row. */
export function benchmarkLabel(report: Report, k: MetricKey, fmt: Formatter): string {
  const total = report.rows.find((r) => r.channel === '(all)' && r.benchmarks[k]);
  const b = total?.benchmarks[k] ?? report.rows.find((r) => r.benchmarks[k])?.benchmarks[k];
  if (!b) return '';
  if (b.target !== undefined) return fmt(k, b.target);
  if (b.min !== undefined && b.max !== undefined) return `${fmt(k, b.min)}–${fmt(k, b.max)}`;
  return b.min !== undefined ? `≥ ${fmt(k, b.min)}` : b.max !== undefined ? `≤ ${fmt(k, b.max)}` : '';
}

function trendColumn(report: Report, metrics: readonly MetricKey[], count = MAX_TREND): string[] {
  const totals = report.rows.filter((r) => r.channel === '(all)').slice(-count);
  const partial = totals.map((r) => r.period?.partial ?? false);
  return metrics.map((k) => sparkline(totals.map((r) => r.metrics[k] ?? null), partial));
}

/** Greedy split of column indices so each table fits `width` (always at least one column per table). */
export function chunkColumns(widths: readonly number[], width: number, fixed: number): number[][] {
  const chunks: number[][] = [];
  let current: number[] = [];
  let used = fixed;
  widths.forEach((w, i) => {
    if (current.length > 0 && used + w + 1 > width) {
      chunks.push(current);
      current = [];
      used = fixed;
    }
    current.push(i);
    used += w + 1;
  });
  if (current.length) chunks.push(current);
  return chunks;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
export function visibleLength(s: string): number {
  return s.replace(ANSI, '').length;
}

export { METRIC_KEYS };
