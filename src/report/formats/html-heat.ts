/**
 * Heat-map tables for the cohorts and crosschannel pages: real `<table>`s
 * (row and column headers for screen readers) whose cells carry the value as
 * text and a shading class by value, plus data attributes with the raw figure.
 */
import { esc } from '../svg/svg.js';
import { heatClass } from './html-page.js';

export interface HeatCell {
  value: number | null;
  /** HTML written when the value is null (e.g. '' for a cell not complete yet, or a footnoted n/a). */
  empty: string;
  /** data-* attributes naming the figure (already plain text). */
  data: Record<string, string | number>;
}

export interface HeatTable {
  caption: string;
  /** Headers of the row-header column and the other unshaded columns. */
  lead: readonly string[];
  columns: readonly string[];
  /** head: the row header; lead: the unshaded cells after it. */
  rows: readonly { head: string; lead: readonly string[]; cells: readonly HeatCell[] }[];
  format: (v: number) => string;
  /** Shade from the columns at or after this index (e.g. skip k = 0, 100% by construction). */
  scaleFrom?: number;
}

function dataAttrs(d: Record<string, string | number>): string {
  return Object.entries(d)
    .map(([k, v]) => ` data-${k}="${esc(String(v))}"`)
    .join('');
}

export function heatTable(t: HeatTable): string {
  const from = t.scaleFrom ?? 0;
  let min = Infinity;
  let max = -Infinity;
  for (const r of t.rows) {
    r.cells.forEach((c, i) => {
      if (i < from || c.value === null) return;
      if (c.value < min) min = c.value;
      if (c.value > max) max = c.value;
    });
  }
  const head = `<tr>${t.lead.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}${t.columns.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr>`;
  const body = t.rows
    .map((r) => {
      const lead = r.lead.map((x) => `<td class="num">${esc(x)}</td>`).join('');
      const cells = r.cells
        .map((c, i) => {
          const attrs = `${dataAttrs(c.data)} data-value="${c.value === null ? '' : String(c.value)}"`;
          if (c.value === null) return `<td class="empty"${attrs}>${c.empty}</td>`;
          const cls = i < from || !Number.isFinite(min) ? 'q0' : heatClass(c.value, min, max);
          return `<td class="${cls}"${attrs}>${esc(t.format(c.value))}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${esc(r.head)}</th>${lead}${cells}</tr>`;
    })
    .join('');
  return `<div class="scroll"><table class="heat chart-table"><caption>${esc(t.caption)}</caption><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
}
