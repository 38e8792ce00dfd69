/**
 * One small multiple: a metric's trend over the periods for one channel, with
 * the benchmark (a band for min/max, a dashed line for a target) and partial
 * periods shaded, their points hollow.
 */
import { el, esc, linePath, scale, svgRoot } from './svg.js';

/** The benchmark drawn behind a series: a band (either side may be open) or a target line. */
export interface Band {
  low?: number;
  high?: number;
  target?: number;
}

export interface TrendSeries {
  id: string;
  /** Accessible name, e.g. "AOV · web". */
  title: string;
  labels: readonly string[];
  partial: readonly boolean[];
  values: readonly (number | null)[];
  band: Band | null;
  format: (v: number) => string;
}

export const TREND_SIZE = { width: 232, height: 124 } as const;
const M = { left: 6, right: 6, top: 22, bottom: 18 };

export function trendChart(s: TrendSeries): string {
  const { width, height } = TREND_SIZE;
  const nums = s.values.filter((v): v is number => v !== null);
  const bounds = [...nums, ...(s.band ? [s.band.low, s.band.high, s.band.target].filter((v): v is number => v !== undefined) : [])];
  let lo = bounds.length ? Math.min(...bounds) : 0;
  let hi = bounds.length ? Math.max(...bounds) : 1;
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 1;
  lo -= pad;
  hi += pad;
  const n = s.values.length;
  const slot = (width - M.left - M.right) / Math.max(1, n);
  const x = (i: number): number => M.left + slot * (i + 0.5);
  const y = scale(lo, hi, height - M.bottom, M.top);
  const parts: string[] = [el('rect', { class: 'frame', x: M.left, y: M.top, width: width - M.left - M.right, height: height - M.top - M.bottom })];
  s.partial.forEach((p, i) => {
    if (p) parts.push(el('rect', { class: 'partial', x: M.left + slot * i, y: M.top, width: slot, height: height - M.top - M.bottom }));
  });
  if (s.band) {
    const { low, high, target } = s.band;
    if (low !== undefined || high !== undefined) {
      const top = y(Math.min(hi, high ?? hi));
      const bottom = y(Math.max(lo, low ?? lo));
      parts.push(el('rect', { class: 'band', x: M.left, y: top, width: width - M.left - M.right, height: Math.max(0, bottom - top) }));
    }
    if (target !== undefined) parts.push(el('line', { class: 'target', x1: M.left, x2: width - M.right, y1: y(target), y2: y(target) }));
  }
  const points = s.values.map((v, i) => (v === null ? null : { x: x(i), y: y(v) }));
  parts.push(el('path', { class: 'line', d: linePath(points) }));
  points.forEach((p, i) => {
    if (p) parts.push(el('circle', { class: s.partial[i] ? 'dot open' : 'dot', cx: p.x, cy: p.y, r: n > 40 ? 1.5 : 2.5 }));
  });
  const lastIndex = lastNonNull(s.values);
  const latest = lastIndex < 0 ? 'n/a' : `${s.format(s.values[lastIndex]!)}${s.partial[lastIndex] ? ' (partial)' : ''}`;
  parts.push(el('text', { class: 'value', x: M.left, y: 14 }, esc(latest)));
  if (nums.length) {
    parts.push(el('text', { class: 'tick', x: width - M.right, y: 14, 'text-anchor': 'end' }, esc(`${s.format(Math.min(...nums))} – ${s.format(Math.max(...nums))}`)));
  }
  if (n > 0) {
    parts.push(el('text', { class: 'tick', x: M.left, y: height - 5 }, esc(s.labels[0]!)));
    if (n > 1) parts.push(el('text', { class: 'tick', x: width - M.right, y: height - 5, 'text-anchor': 'end' }, esc(s.labels[n - 1]!)));
  }
  return svgRoot(s.id, width, height, s.title, describe(s, latest), parts.join(''));
}

function lastNonNull(values: readonly (number | null)[]): number {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return i;
  return -1;
}

function describe(s: TrendSeries, latest: string): string {
  const span = s.labels.length ? `${s.labels.length} periods from ${s.labels[0]} to ${s.labels[s.labels.length - 1]}` : 'no periods';
  const b = s.band;
  const bench = !b
    ? ''
    : b.target !== undefined
      ? `; benchmark target ${s.format(b.target)}`
      : `; benchmark ${b.low !== undefined ? `≥ ${s.format(b.low)}` : ''}${b.low !== undefined && b.high !== undefined ? ' and ' : ''}${b.high !== undefined ? `≤ ${s.format(b.high)}` : ''}`;
  const partial = s.partial.filter(Boolean).length;
  return `${span}; latest ${latest}${bench}${partial ? `; ${partial} partial period${partial > 1 ? 's' : ''} shaded` : ''}.`;
}
