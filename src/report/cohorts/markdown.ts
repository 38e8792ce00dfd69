/**
 * The cohorts document as GitHub-flavoured Markdown: per channel, the retention
 * and value triangles; incomplete cells are empty.
 */
import { markdownTable } from '../markdown.js';
import type { DisplayOptions } from '../number-format.js';
import { figureFormat } from '../crosschannel/display.js';
import type { CohortRow, CohortsDoc } from './model.js';

export function renderCohortsMarkdown(doc: CohortsDoc, display: DisplayOptions): string {
  const f = figureFormat(display);
  const unit = doc.period_unit ?? 'period';
  const ks = Array.from({ length: doc.horizon + 1 }, (_, k) => String(k));
  const align: ('left' | 'right')[] = ['left', 'right', ...ks.map(() => 'right' as const)];
  const table = (rows: CohortRow[], values: (r: CohortRow) => (number | null)[], format: (v: number) => string): string =>
    markdownTable(
      ['cohort', 'size', ...ks],
      rows.map((r) => [`${r.cohort.label}${r.cohort.partial ? ' (partial)' : ''}`, f.count(r.size), ...values(r).map((v) => (v === null ? (r.size === 0 ? '–' : '') : format(v)))]),
      align,
    );
  const out: string[] = [`## channelbench cohorts: by ${unit} of acquisition, as of ${doc.as_of}`, ''];
  out.push(
    `Window ${doc.window.start} … ${doc.window.end} (data end ${doc.window.data_end}). Columns: ${unit}s since acquisition (k = 0 is the acquisition ${unit}, 100% retained by construction); empty cells are not complete yet.`,
    '',
  );
  for (const channel of doc.channels) {
    const rows = doc.cohorts.filter((r) => r.channel === channel);
    out.push(`### ${channel}`, '', 'Retained share (customers with a purchase in the period):', '');
    out.push(table(rows, (r) => r.retained_share, f.percent));
    out.push('Cumulative net value per customer since acquisition:', '');
    out.push(table(rows, (r) => r.cumulative_value, f.money));
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}
