/**
 * The part every cross-channel and cohort document shares with the report:
 * window, T ("as of"), settings and input statistics.
 */
import type { FileReport } from '../../model/input-report.js';
import type { PeriodUnit, WeekStart } from '../../model.js';
import { formatLastDay, formatZonedDay, UTC_ZONE } from '../../periods/index.js';
import { inputStats, type InputStats } from '../model.js';

export interface RunContext {
  window: { start: number; end: number };
  dataEnd: number;
  /** T = min(window end, data end). */
  asOf: number;
  unit: PeriodUnit | undefined;
  weekStart: WeekStart;
  /** Reporting time zone (default UTC). */
  timeZone?: string | undefined;
  /** Report currency, when the inputs name one. */
  currency?: string | null | undefined;
  cancelledStatuses: string[];
  files: FileReport[];
}

export interface RunHeader {
  /** T as a day, exclusive like `data_end`: figures use the orders dated before it. */
  as_of: string;
  window: { start: string; end: string; data_end: string; partial: boolean };
  period_unit: PeriodUnit | null;
  settings: { week_start: WeekStart; timezone: string; currency: string | null; cancelled_statuses: string[] };
  inputs: InputStats[];
}

export function buildRunHeader(ctx: RunContext): RunHeader {
  const zone = ctx.timeZone ?? UTC_ZONE;
  return {
    as_of: formatZonedDay(ctx.asOf, zone),
    window: { start: formatZonedDay(ctx.window.start, zone), end: formatLastDay(ctx.window.end, zone), data_end: formatZonedDay(ctx.dataEnd, zone), partial: ctx.window.end > ctx.dataEnd },
    period_unit: ctx.unit ?? null,
    settings: { week_start: ctx.weekStart, timezone: zone, currency: ctx.currency ?? null, cancelled_statuses: ctx.cancelledStatuses },
    inputs: inputStats(ctx.files),
  };
}
