/**
 * Where every input row went, once the window is known: rows dated outside
 * every figure's span (SPEC §1 "nothing is ever dropped silently") and
 * zero-value orders, written into each file's counts for the JSON `inputs[]`,
 * `validate` and the stderr warning (cli/notes.ts).
 */
import type { FileCounts } from '../ingest/dataset-builder.js';
import type { FileReport } from '../ingest/load.js';
import type { Dataset, Role } from '../model.js';
import { formatLastDay, formatZonedDay, UTC_ZONE } from '../periods/index.js';

/** The span the run's figures read. */
export interface UsedSpan {
  /** First instant any spend/traffic/NPS figure uses (the first period's start, or its previous period's with --compare previous). */
  start: number;
  /** Window end (exclusive): orders at or after it count in no figure. */
  windowEnd: number;
  /** Data end (exclusive). */
  dataEnd: number;
  /** Reporting time zone of the days in messages (default UTC). */
  zone?: string;
  /** false (crosschannel, cohorts): only the orders are read by the figures; other roles are not accounted as outside. */
  otherRoles: boolean;
}

/** Counts zero-value orders and the rows outside `span`, file by file. */
export function accountRows(ds: Dataset, files: readonly FileReport[], span: UsedSpan): void {
  const end = Math.min(span.windowEnd, span.dataEnd);
  for (const f of files) {
    const c = f.counts;
    c.outside = { rows: 0, first: Infinity, last: -Infinity, why: '', dates: '' };
    if (f.role === 'orders') {
      const { time, value, length } = ds.orders;
      let zero = 0;
      for (let i = 0; i < length; i++) {
        if (value[i] === 0) zero++;
        if (time[i]! >= span.windowEnd) note(c, time[i]!);
      }
      c.zeroValueOrders = zero;
      describeOutside(c, f.role, 0, c.outside.rows, span);
      continue;
    }
    if (!span.otherRoles) continue;
    const times = f.role === 'spend' ? ds.spend : f.role === 'traffic' ? ds.traffic : ds.nps;
    let before = 0;
    let after = 0;
    for (const r of times ?? []) {
      if (r.time < span.start) before++;
      else if (r.time >= end) after++;
      else continue;
      note(c, r.time);
    }
    describeOutside(c, f.role, before, after, span);
  }
}

/**
 * The `why` and `dates` of a file's rows outside the span, from how many fell
 * before its start and after its end (orders: only after the window end); the
 * SQL engines count them in SQL and describe them here too.
 */
export function describeOutside(c: FileCounts, role: Role, before: number, after: number, span: UsedSpan): void {
  const zone = span.zone ?? UTC_ZONE;
  const formatDay = (t: number): string => formatZonedDay(t, zone);
  const end = role === 'orders' ? span.windowEnd : Math.min(span.windowEnd, span.dataEnd);
  const afterWhy =
    role !== 'orders' && end === span.dataEnd ? `on or after the orders' data end (${formatDay(end)})` : `after the window's last day (${formatLastDay(end, zone)})`;
  const beforeWhy = `before the first period (${formatDay(span.start)})`;
  c.outside.dates = daysOf(c, formatDay);
  c.outside.why = before > 0 && after > 0 ? `${beforeWhy} (${before}) or ${afterWhy} (${after})` : before > 0 ? beforeWhy : after > 0 ? afterWhy : '';
}

function daysOf(c: FileCounts, formatDay: (t: number) => string): string {
  const o = c.outside;
  if (o.rows === 0) return '';
  const [a, b] = [formatDay(o.first), formatDay(o.last)];
  return a === b ? a : `${a} … ${b}`;
}

function note(c: FileCounts, t: number): void {
  const o = c.outside;
  o.rows++;
  if (t < o.first) o.first = t;
  if (t > o.last) o.last = t;
}

/** The stderr warning for a file with rows outside every period, or null. */
export function outsideWarning(f: FileReport): string | null {
  const o = f.counts.outside;
  if (o.rows === 0) return null;
  const what = f.role === 'orders' ? `order${o.rows === 1 ? '' : 's'}` : `row${o.rows === 1 ? '' : 's'}`;
  return `${f.file}: ${o.rows.toLocaleString('en-US')} ${what} dated ${o.dates} ${o.rows === 1 ? 'is' : 'are'} ${o.why} and count in no period`;
}
