import { Command, Option } from 'commander';
import { z } from 'zod';
import { UsageError } from '../../errors.js';
import { METRIC_KEYS, type MetricKey } from '../../model.js';
import { runReport, type ReportFlags } from '../../pipeline/report.js';
import { OUTPUT_FORMATS, RENDERERS, type OutputFormat } from '../../report/formats/index.js';
import { colourLevel, createChalk, terminalWidth } from '../colour.js';
import { addInputOptions, parseInputFlags } from '../input-options.js';
import { writeResult, type Io } from '../io.js';
import { skippedNote } from '../notes.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const reportSchema = z.object({
  from: z.string().regex(DAY, '--from: expected a day as yyyy-MM-dd').optional(),
  to: z.string().regex(DAY, '--to: expected a day as yyyy-MM-dd').optional(),
  last: z.string().regex(/^\d+[dwmqy]$/, '--last: expected N followed by d, w, m, q or y, e.g. 90d or 12w').optional(),
  period: z.enum(['day', 'week', 'month', 'quarter', 'year']).optional(),
  weekStart: z.enum(['monday', 'sunday']).optional(),
  margin: z.coerce.number().positive('--margin: expected a positive number, e.g. 0.4').optional(),
  retentionDays: z.coerce.number().int().positive('--retention-days: expected a whole number of days').optional(),
  clvHorizonDays: z.coerce.number().int().positive('--clv-horizon-days: expected a whole number of days').optional(),
  format: z.enum(OUTPUT_FORMATS as [OutputFormat, ...OutputFormat[]]).default('table'),
  output: z.string().optional(),
  locale: z.string().optional(),
  currency: z.string().regex(/^[A-Za-z]{3}$/, '--currency: expected an ISO 4217 code such as EUR').optional(),
  color: z.boolean().default(true),
  allPeriods: z.boolean().optional(),
  columns: z.string().optional(),
});

export function reportCommand(io: Io, setExit: (code: number) => void): Command {
  const cmd = new Command('report')
    .description('the KPI table: every metric per channel (and period), with the total row')
    .option('--from <yyyy-MM-dd>', 'first day of the window (inclusive)')
    .option('--to <yyyy-MM-dd>', 'last day of the window (inclusive)')
    .option('--last <N{d|w|m|q|y}>', 'window of the last N days/weeks/months/quarters/years, ending at data end')
    .addOption(new Option('--period <unit>', 'split the window into calendar periods').choices(['day', 'week', 'month', 'quarter', 'year']))
    .addOption(new Option('--week-start <day>', 'first day of a week (default monday)').choices(['monday', 'sunday']))
    .option('--margin <fraction>', 'gross margin applied to CLV (default 1)')
    .option('--retention-days <N>', 'N of the N-day repeat rate (default 90)')
    .option('--clv-horizon-days <H>', 'horizon of the H-day CLV (default 365)')
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('table'))
    .option('--output <file>', 'write to a file instead of stdout (atomically)')
    .option('--columns <keys>', `comma-separated metrics to show (default all): ${METRIC_KEYS.join(',')}`)
    .option('--locale <bcp47>', 'number formatting on screen (default en-US)')
    .option('--currency <code>', 'currency symbol on screen, e.g. EUR (default none)')
    .option('--all-periods', 'with --period, print every period in the table (default: the latest, plus trends)')
    .option('--no-color', 'no colours in the table')
    .addHelpText(
      'after',
      `
Examples:
  $ channelbench report --data fixtures/demo
  $ channelbench report --data fixtures/demo --period month --last 6m
  $ channelbench report --orders orders.csv --spend spend.csv --format json > kpi.json
  $ channelbench report --orders online_retail.csv --preset online-retail --map channel=Country --skip-invalid`,
    );
  addInputOptions(cmd).action(async (opts: Record<string, unknown>) => {
    const input = parseInputFlags(opts);
    const parsed = reportSchema.safeParse(opts);
    if (!parsed.success) throw new UsageError('BAD_FLAGS', parsed.error.issues.map((i) => i.message).join('; '));
    const o = parsed.data;
    if (o.last && (o.from || o.to)) throw new UsageError('BAD_WINDOW', '--last cannot be combined with --from or --to');
    const flags: ReportFlags = {
      from: o.from,
      to: o.to,
      last: o.last,
      period: o.period,
      weekStart: o.weekStart,
      margin: o.margin,
      retentionDays: o.retentionDays,
      clvHorizonDays: o.clvHorizonDays,
    };
    const { report, files, config } = await runReport(input, flags, io.cwd, io.stdin);
    if (!input.quiet) for (const line of skippedNote(files)) io.stderr(line);
    const metrics = parseColumns(o.columns);
    const text = RENDERERS[o.format](report, {
      display: { locale: o.locale ?? config.settings?.locale ?? 'en-US', currency: o.currency?.toUpperCase() ?? config.settings?.currency },
      width: terminalWidth(io.env, io.columns),
      chalk: createChalk(o.output ? 0 : colourLevel(o.color, io.env, io.stdoutIsTTY)),
      allPeriods: o.allPeriods ?? false,
      metrics,
    });
    await writeResult(io, text, o.output);
    setExit(0);
  });
  return cmd;
}

function parseColumns(text: string | undefined): MetricKey[] {
  if (text === undefined) return [...METRIC_KEYS];
  const keys = text.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = keys.filter((k) => !(METRIC_KEYS as readonly string[]).includes(k));
  if (unknown.length) throw new UsageError('UNKNOWN_METRIC', `--columns: unknown metric ${unknown.map((k) => `"${k}"`).join(', ')}`, { hint: `metrics: ${METRIC_KEYS.join(', ')}` });
  return keys as MetricKey[];
}
