/**
 * A horizontal bar chart: one bar per channel for one metric (a report without
 * --period has no trend to draw), with the benchmark as a band or target line.
 */
import type { Band } from './trend.js';
import { el, esc, scale, svgRoot } from './svg.js';

export interface BarDatum {
  label: string;
  value: number | null;
}

export interface BarChart {
  id: string;
  title: string;
  data: readonly BarDatum[];
  band: Band | null;
  format: (v: number) => string;
}

const ROW = 18;
const LABEL = 96;
const VALUE = 84;
export const BAR_WIDTH = 360;

export function barChart(c: BarChart): string {
  const height = c.data.length * ROW + 8;
  const nums = c.data.map((d) => d.value).filter((v): v is number => v !== null);
  const b = c.band;
  const marks = b ? [b.low, b.high, b.target].filter((v): v is number => v !== undefined) : [];
  const lo = Math.min(0, ...nums, ...marks);
  const hi = Math.max(0, ...nums, ...marks);
  const x = scale(lo, hi === lo ? lo + 1 : hi, LABEL, BAR_WIDTH - VALUE);
  const parts: string[] = [];
  if (b && (b.low !== undefined || b.high !== undefined)) {
    const left = x(b.low ?? lo);
    parts.push(el('rect', { class: 'band', x: left, y: 2, width: Math.max(0, x(b.high ?? hi) - left), height: height - 4 }));
  }
  c.data.forEach((d, i) => {
    const top = 4 + i * ROW;
    parts.push(el('text', { class: 'tick', x: LABEL - 6, y: top + 12, 'text-anchor': 'end' }, esc(d.label)));
    if (d.value === null) {
      parts.push(el('text', { class: 'tick', x: x(0) + 4, y: top + 12 }, 'n/a'));
      return;
    }
    const a = x(Math.min(0, d.value));
    parts.push(el('rect', { class: 'bar', x: a, y: top + 2, width: Math.max(1, Math.abs(x(d.value) - x(0))), height: ROW - 5 }));
    parts.push(el('text', { class: 'value', x: Math.max(x(d.value), x(0)) + 4, y: top + 12 }, esc(c.format(d.value))));
  });
  if (b?.target !== undefined) parts.push(el('line', { class: 'target', x1: x(b.target), x2: x(b.target), y1: 2, y2: height - 2 }));
  const desc = c.data.map((d) => `${d.label} ${d.value === null ? 'n/a' : c.format(d.value)}`).join('; ');
  return svgRoot(c.id, BAR_WIDTH, height, c.title, `${desc}.`, parts.join(''));
}
