/**
 * The clv terminal view: header lines, then the value, parameter and holdout
 * tables (chunked to the width, never wrapped), then the notes.
 */
import type { ChalkInstance } from 'chalk';
import { renderGrid, type GridCell } from '../crosschannel/grid-table.js';
import { wrapWords } from '../crosschannel/wrap.js';
import type { DisplayOptions } from '../number-format.js';
import type { ClvDoc } from './model.js';
import { clvSections } from './sections.js';

export interface ClvTableOptions {
  display: DisplayOptions;
  width: number;
  chalk: ChalkInstance;
}

export function renderClvTable(doc: ClvDoc, opts: ClvTableOptions): string {
  const c = opts.chalk;
  const v = clvSections(doc, opts.display);
  const out: string[] = [...wrapWords(v.title, opts.width).map((l) => c.bold(l))];
  for (const l of v.lines) out.push(...wrapWords(l, opts.width).map((x) => c.dim(x)));
  for (const s of v.sections) {
    const colour = (status: string | null | undefined) => (status === 'worse' ? c.red : status === 'better' ? c.green : (t: string) => t);
    const body = s.rows.map((r, i): GridCell[] => r.map((text, j) => (j === 0 ? text : { text, style: colour(s.status?.[i]) })));
    out.push('', c.bold(s.title), renderGrid(s.header, body, { width: opts.width, chalk: c, fixed: 1 }));
  }
  if (v.notes.length) out.push('', ...v.notes.flatMap((n) => wrapWords(n, opts.width).map((l) => c.dim(l))));
  return out.join('\n') + '\n';
}
