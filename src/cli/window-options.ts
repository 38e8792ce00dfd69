/**
 * Window and period flags, shared by report, cohorts and crosschannel.
 */
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { PERIOD_UNITS, WEEK_STARTS, type PeriodUnit, type WeekStart } from '../model.js';


const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function addWindowOptions(cmd: Command, periodHelp = 'split the window into calendar periods'): Command {
  return cmd
    .option('--from <yyyy-MM-dd>', 'first day of the window (inclusive)')
    .option('--to <yyyy-MM-dd>', 'last day of the window (inclusive)')
    .option('--last <N{d|w|m|q|y}>', 'window of the last N days/weeks/months/quarters/years, ending at data end (with --period: N whole calendar periods, the latest maybe partial)')
    .addOption(new Option('--period <unit>', periodHelp).choices(PERIOD_UNITS))
    .option('--complete', 'with --period: whole periods only (the window ends where the period holding data end starts)')
    .addOption(new Option('--week-start <day>', 'first day of a week (default monday)').choices(WEEK_STARTS));
}

const windowSchema = z.object({
  from: z.string().regex(DAY, '--from: expected a day as yyyy-MM-dd').optional(),
  to: z.string().regex(DAY, '--to: expected a day as yyyy-MM-dd').optional(),
  last: z.string().regex(/^\d+[dwmqy]$/, '--last: expected N followed by d, w, m, q or y, e.g. 90d or 12w').optional(),
  period: z.enum(PERIOD_UNITS).optional(),
  weekStart: z.enum(WEEK_STARTS).optional(),
  complete: z.boolean().optional(),
});

export interface WindowFlags {
  from: string | undefined;
  to: string | undefined;
  last: string | undefined;
  period: PeriodUnit | undefined;
  weekStart: WeekStart | undefined;
  complete: boolean | undefined;
}

export function parseWindowFlags(opts: Record<string, unknown>): WindowFlags {
  const parsed = windowSchema.safeParse(opts);
  if (!parsed.success) throw new UsageError('BAD_FLAGS', parsed.error.issues.map((i) => i.message).join('; '));
  const o = parsed.data;
  if (o.last && (o.from || o.to)) throw new UsageError('BAD_WINDOW', '--last cannot be combined with --from or --to');
  if (o.complete && !o.period) throw new UsageError('BAD_WINDOW', '--complete needs --period', { hint: 'e.g. --period week --last 1w --complete: the last full week' });
  return { from: o.from, to: o.to, last: o.last, period: o.period, weekStart: o.weekStart, complete: o.complete };
}
