/**
 * The cohorts terminal view: per channel, the retention triangle and the value
 * triangle (cohorts as rows, periods since acquisition as columns), shaded by
 * value when colour is on, chunked to the width. Incomplete cells are blank.
 */
import type { ChalkInstance } from 'chalk';
import type { DisplayOptions } from '../number-format.js';
import { figureFormat } from '../crosschannel/display.js';
import { renderGrid, type GridCell } from '../crosschannel/grid-table.js';
import { wrapStyled, wrapWords } from '../crosschannel/wrap.js';
import type { CohortRow, CohortsDoc } from './model.js';
import { shadeStep, shadeStyle } from './shade.js';

export interface CohortsTableOptions {
  display: DisplayOptions;
  width: number;
  chalk: ChalkInstance;
}

function triangle(
  rows: CohortRow[],
  values: (r: CohortRow) => (number | null)[],
  format: (v: number) => string,
  scaleFrom: number,
  horizon: number,
  opts: CohortsTableOptions,
  count: (v: number) => string,
): string {
  let max = 0;
  for (const r of rows) values(r).forEach((v, k) => {
    if (k >= scaleFrom && v !== null && v > max) max = v;
  });
  const header = ['cohort', 'size', ...Array.from({ length: horizon + 1 }, (_, k) => String(k))];
  const body = rows.map((r): GridCell[] => [
    `${r.cohort.label}${r.cohort.partial ? '*' : ''}`,
    count(r.size),
    ...values(r).map((v): GridCell => {
      if (v === null) return r.size === 0 ? '–' : '';
      return { text: format(v), style: shadeStyle(opts.chalk, shadeStep(v, max)) };
    }),
  ]);
  return renderGrid(header, body, { width: opts.width, chalk: opts.chalk, fixed: 2, align: header.map((_, i) => (i === 0 ? 'left' : 'right')) });
}

export function renderCohortsTable(doc: CohortsDoc, opts: CohortsTableOptions): string {
  const c = opts.chalk;
  const f = figureFormat(opts.display);
  const unit = doc.period_unit ?? 'period';
  const out: string[] = [];
  const note = (text: string): void => void out.push(...wrapWords(text, opts.width).map((l) => c.dim(l)));
  /** The bold channel name, then the dim explanation, wrapped to the width. */
  const heading = (title: string, text: string): void => void out.push('', ...wrapStyled(title, ` · ${text}`, opts.width, c.bold, c.dim));
  out.push(...wrapStyled(`channelbench cohorts · by ${unit} · as of ${doc.as_of}`, ` (data end ${doc.window.data_end})`, opts.width, c.bold, c.dim));
  note(
    `window ${doc.window.start} … ${doc.window.end}. Columns: ${unit}s since acquisition, k = 0 being the acquisition ${unit} (retention 100% by construction); blank = not complete as of ${doc.as_of}.`,
  );
  for (const channel of doc.channels) {
    const rows = doc.cohorts.filter((r) => r.channel === channel);
    heading(channel, 'retained share: customers with a purchase in the period');
    out.push(triangle(rows, (r) => r.retained_share, f.percent, 1, doc.horizon, opts, f.count));
    heading(channel, 'cumulative net value per customer since acquisition');
    out.push(triangle(rows, (r) => r.cumulative_value, f.money, 0, doc.horizon, opts, f.count));
  }
  if (doc.cohorts.some((r) => r.cohort.partial)) out.push('');
  if (doc.cohorts.some((r) => r.cohort.partial)) note('* partial cohort: its period is clipped by the window or extends past the data end');
  if (doc.cohorts.some((r) => r.size === 0)) note('– no customers acquired');
  return out.join('\n') + '\n';
}
