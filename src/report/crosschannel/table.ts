/**
 * The crosschannel terminal view: headline, the channels-used table, the overlap
 * and migration matrices (as percentages, row and column headers, chunked to the
 * width), and the per-period series when --period is given.
 */
import type { ChalkInstance } from 'chalk';
import type { DisplayOptions } from '../number-format.js';
import { figureFormat } from './display.js';
import { createFootnotes } from './footnotes.js';
import { renderGrid, type GridCell } from './grid-table.js';
import type { CrossChannelDoc } from './model.js';
import { wrapStyled, wrapWords } from './wrap.js';

export interface CrossChannelTableOptions {
  display: DisplayOptions;
  width: number;
  chalk: ChalkInstance;
}

export function renderCrossChannelTable(doc: CrossChannelDoc, opts: CrossChannelTableOptions): string {
  const c = opts.chalk;
  const f = figureFormat(opts.display);
  const notes = createFootnotes('terminal');
  const show = (v: number | null, reason: string | undefined, as: (v: number) => string): string => (v === null ? notes.na(reason ?? 'not available') : as(v));
  // Row headers: the first column left-aligned, the other fixed (count) columns right-aligned.
  const grid = (header: string[], rows: GridCell[][], fixed: number): string =>
    renderGrid(header, rows, { width: opts.width, chalk: c, fixed, align: header.map((_, i) => (i === 0 ? 'left' : 'right')) });
  const s = doc.summary;
  const out: string[] = [];
  /** A heading: the bold title, then the dim explanation, wrapped to the width. */
  const heading = (title: string, text: string): void => void out.push('', ...wrapStyled(title, `: ${text}`, opts.width, c.bold, c.dim));
  const note = (text: string): void => void out.push(...wrapWords(text, opts.width).map((l) => c.dim(l)));

  out.push(...wrapStyled(`channelbench crosschannel · as of ${doc.as_of}`, ` (data end ${doc.window.data_end})`, opts.width, c.bold, c.dim));
  out.push(
    ...wrapWords(
      `${f.count(s.customers)} customers · ${f.count(s.multichannel_customers)} multichannel (${show(s.multichannel_share, s.reasons['multichannel_share'], f.percent)})` +
        ` · omnichannel lift ${show(s.omnichannel_lift, s.reasons['omnichannel_lift'], f.times)}`,
      opts.width,
    ),
  );

  heading('by channels used', 'net value (purchases − returns) and purchases are means per customer; 2+ = every multichannel customer');
  const bucketRows: GridCell[][] = doc.buckets.map((b) => [
    b.bucket,
    f.count(b.customers),
    s.customers ? f.percent(b.customers / s.customers) : notes.na('no customers with a purchase'),
    show(b.mean_net_value, b.reasons['mean_net_value'], f.money),
    show(b.mean_purchases, b.reasons['mean_purchases'], f.decimal),
    show(b.aov, b.reasons['aov'], f.money),
  ]);
  bucketRows.push([
    '2+',
    f.count(s.multichannel_customers),
    show(s.multichannel_share, s.reasons['multichannel_share'], f.percent),
    show(s.mean_net_value_multichannel, s.reasons['mean_net_value_multichannel'], f.money),
    '',
    '',
  ]);
  out.push(grid(['channels used', 'customers', 'share', 'net value', 'purchases', 'AOV'], bucketRows, 1));

  if (doc.overlap.length) {
    heading('overlap', 'of the row channel’s customers, the share who also bought in the column’s channel');
    const rows = doc.overlap.map((r): GridCell[] => [r.from, f.count(r.customers), ...r.cells.map((x) => (x.value === null ? '' : f.percent(x.value)))]);
    out.push(grid(['customers of', 'customers', ...doc.channels], rows, 2));

    heading('migration', 'of the later purchases of customers acquired via the row channel, the share made in each channel');
    const mig = doc.migration.map((r): GridCell[] => [
      r.from,
      f.count(r.acquired),
      f.count(r.excluded),
      f.count(r.later_purchases),
      ...r.cells.map((x) => (x.value === null ? notes.na(r.reason ?? 'not available') : f.percent(x.value))),
    ]);
    out.push(grid(['acquired via', 'acquired', 'excluded', 'later', ...doc.channels], mig, 4));
    note('acquired: customers acquired via the channel; excluded: of those, customers with no later purchase (not in the shares); later: their later purchases');
  }

  if (doc.periods.length) {
    heading(`per ${doc.period_unit}`, `window ${doc.window.start} … ${doc.window.end}; each as of the end of its period (or the data end)`);
    const rows = doc.periods.map((p): GridCell[] => [
      `${p.period.label}${p.period.partial ? '*' : ''}`,
      f.count(p.customers),
      f.count(p.multichannel_customers),
      show(p.multichannel_share, p.reasons['multichannel_share'], f.percent),
      show(p.omnichannel_lift, p.reasons['omnichannel_lift'], f.times),
    ]);
    out.push(grid(['period', 'customers', 'multichannel', 'share', 'lift'], rows, 1));
    if (doc.periods.some((p) => p.period.partial)) note('* partial period (clipped by the window or extending past the data end)');
  }
  const footnotes = notes.lines();
  if (footnotes.length) out.push('');
  for (const l of footnotes) note(l);
  return out.join('\n') + '\n';
}
