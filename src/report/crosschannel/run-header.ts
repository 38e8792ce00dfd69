/**
 * The part every cross-channel and cohort document shares with the report:
 * window, T ("as of"), settings and input statistics.
 */
import type { FileReport } from '../../model/input-report.js';
import { DAY_MS, type PeriodUnit, type WeekStart } from '../../model.js';
import { formatDay } from '../../periods/index.js';
import { inputStats, type InputStats } from '../model.js';

export interface RunContext {
  window: { start: number; end: number };
  dataEnd: number;
  /** T = min(window end, data end). */
  asOf: number;
  unit: PeriodUnit | undefined;
  weekStart: WeekStart;
  cancelledStatuses: string[];
  files: FileReport[];
}

export interface RunHeader {
  /** T as a day, exclusive like `data_end`: figures use the orders dated before it. */
  as_of: string;
  window: { start: string; end: string; data_end: string; partial: boolean };
  period_unit: PeriodUnit | null;
  settings: { week_start: WeekStart; cancelled_statuses: string[] };
  inputs: InputStats[];
}

export function buildRunHeader(ctx: RunContext): RunHeader {
  return {
    as_of: formatDay(ctx.asOf),
    window: { start: formatDay(ctx.window.start), end: formatDay(ctx.window.end - DAY_MS), data_end: formatDay(ctx.dataEnd), partial: ctx.window.end > ctx.dataEnd },
    period_unit: ctx.unit ?? null,
    settings: { week_start: ctx.weekStart, cancelled_statuses: ctx.cancelledStatuses },
    inputs: inputStats(ctx.files),
  };
}
