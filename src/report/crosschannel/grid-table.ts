/**
 * A terminal grid for the crosschannel and cohorts tables: row headers in the
 * first `fixed` columns, repeated in every chunk when the other columns do not
 * fit the width (lines never wrap; on a very narrow terminal only the first row
 * header is repeated), a rule under the header only, and cells that may carry a
 * style (a background shade) over their whole padded width.
 */
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { chunkColumns, visibleLength } from '../formats/table.js';

export interface StyledCell {
  text: string;
  /** Applied to the padded cell text, e.g. a chalk background. */
  style: (s: string) => string;
}
export type GridCell = string | StyledCell;

export interface GridOptions {
  width: number;
  chalk: ChalkInstance;
  /** Leading columns (row headers) repeated in each chunk. */
  fixed: number;
  /** Per column; default: the fixed columns left, the others right. */
  align?: readonly ('left' | 'right')[];
}

const textOf = (c: GridCell): string => (typeof c === 'string' ? c : c.text);

/** cli-table3 has one separator style for all rows: draw a rule under the header only. */
function withHeaderRule(text: string): string {
  const lines = text.split('\n');
  if (lines.length < 3) return text;
  const rule = lines[0]!.replace('┌', '├').replace(/┬/g, '┼').replace('┐', '┤');
  return [lines[0], lines[1], rule, ...lines.slice(2)].join('\n');
}

/** Renders the grid as one or more tables (chunks of columns), joined by newlines. */
export function renderGrid(header: readonly string[], rows: readonly (readonly GridCell[])[], opts: GridOptions): string {
  const n = header.length;
  const align = (i: number): 'left' | 'right' => opts.align?.[i] ?? (i < opts.fixed ? 'left' : 'right');
  const widths = header.map((h, i) => Math.max(visibleLength(h), ...rows.map((r) => visibleLength(textOf(r[i] ?? '')))));
  const pad = (text: string, i: number): string => {
    const gap = ' '.repeat(Math.max(0, widths[i]! - visibleLength(text)));
    return align(i) === 'left' ? text + gap : gap + text;
  };
  const show = (c: GridCell, i: number): string => {
    const padded = ` ${pad(textOf(c), i)} `;
    return typeof c === 'string' ? padded : c.style(padded);
  };
  // Each column takes its width + 2 (padding) + 1 (border), plus 1 for the left border.
  const span = (from: number, to: number): number => widths.slice(from, to).reduce((sum, w) => sum + w + 3, 1);
  // Narrow terminal: when the row headers and the widest other column do not fit, repeat fewer row headers.
  let fixed = Math.min(opts.fixed, n);
  while (fixed > 1 && span(0, fixed) + Math.max(0, ...widths.slice(fixed).map((w) => w + 3)) > opts.width) fixed--;
  const fixedCols = Array.from({ length: fixed }, (_, i) => i);
  const rest = widths.slice(fixed).map((w) => w + 2);
  const chunks = rest.length ? chunkColumns(rest, opts.width, span(0, fixed)).map((ch) => ch.map((i) => i + fixed)) : [[]];
  const out: string[] = [];
  for (const chunk of chunks) {
    const cols = [...fixedCols, ...chunk];
    const table = new Table({
      head: cols.map((i) => opts.chalk.bold(` ${pad(header[i]!, i)} `)),
      style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    });
    for (const r of rows) table.push(cols.map((i) => show(r[i] ?? '', i)));
    out.push(withHeaderRule(table.toString()));
  }
  return out.join('\n');
}
