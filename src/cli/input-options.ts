/**
 * Flags shared by every command that reads data, and their parsing into a
 * typed, validated InputFlags object (no casts of commander's opts()).
 */
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { ROLES, type Role } from '../model.js';
import { INPUT_FORMATS } from '../model/input-report.js';
import type { InputFlags } from '../pipeline/inputs.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function addInputOptions(cmd: Command): Command {
  return cmd
    .option('--data <dir>', 'folder holding orders.*, spend.*, traffic.*, nps.* (csv, tsv, txt, json, ndjson, jsonl; optionally .gz)')
    .option('--orders <file>', 'orders file (one row per order or order line); - for stdin')
    .option('--spend <file>', 'marketing spend per channel and day; - for stdin')
    .option('--traffic <file>', 'sessions per channel and day; - for stdin')
    .option('--nps <file>', 'NPS survey answers (0–10); - for stdin')
    .option('--config <file>', 'config file (default: ./channelbench.config.json, then DIR/channelbench.config.json with --data)')
    .option('--preset <name>', 'column preset for a known export (repeatable): shopify-orders, online-retail, cdnow, ga4-traffic, ga4-source-medium, ga4-purchases', collect)
    .option('--map <[role.]field=column>', 'use a source column for a canonical field (repeatable), e.g. --map revenue=Total', collect)
    .option('--set <[role.]field=value>', 'use a fixed value for a field on every row (repeatable), e.g. --set spend.date=2017-08-01', collect)
    .option('--format-in <[role=]format>', `input format instead of the file extension: ${INPUT_FORMATS.join(', ')}`, collect)
    .option('--delimiter <[role=]char>', 'delimiter instead of detecting it: , ; | tab whitespace', collect)
    .option('--date-format <[role=]format>', 'date format in date-fns tokens, e.g. dd/MM/yyyy or "M/d/yyyy H:mm"', collect)
    .option('--timezone <IANA_NAME>', 'reporting time zone, e.g. America/Los_Angeles: days, weeks, months and data end are its calendar, and times without an offset are its wall time (default UTC)')
    .addOption(new Option('--channel-grouping <name>', 'derive channels from source / medium / campaign (utm_*) columns with the GA4 default channel group rules, after the config\'s channels.rules').choices(['ga4']))
    .option('--fx <file>', 'exchange rates (date, from, to, rate; or ECB-style Date, USD, JPY, …) to convert every amount into the report currency (--currency)')
    .option('--fx-max-age <days>', 'use a rate for at most this many days after its date (weekends, holidays; default 7)')
    .option('--decimal-comma', 'numbers use a decimal comma (1.234,56): columns whose values do not decide are read so, and csv output is ;-delimited with decimal commas')
    .option('--no-decimal-comma', 'numbers use a decimal point: in columns whose values do not decide, "," separates thousands (1,234)')
    .option('--skip-invalid', 'skip invalid rows (counted, reported on stderr and in machine output) instead of stopping')
    .addOption(new Option('--quiet', 'print no warnings or notes on stderr').conflicts('verbose'))
    .option('--verbose', 'print more detail on stderr (and stack traces of internal errors)');
}

const rawSchema = z.object({
  data: z.string().optional(),
  orders: z.string().optional(),
  spend: z.string().optional(),
  traffic: z.string().optional(),
  nps: z.string().optional(),
  config: z.string().optional(),
  preset: z.array(z.string()).optional(),
  map: z.array(z.string()).optional(),
  set: z.array(z.string()).optional(),
  formatIn: z.array(z.string()).optional(),
  delimiter: z.array(z.string()).optional(),
  dateFormat: z.array(z.string()).optional(),
  timezone: z.string().optional(),
  fx: z.string().optional(),
  channelGrouping: z.enum(['ga4']).optional(),
  fxMaxAge: z.coerce.number().int('--fx-max-age: expected a whole number of days').min(0, '--fx-max-age: expected 0 or more days').max(366, '--fx-max-age: at most 366 days').optional(),
  currency: z.string().regex(/^[A-Za-z]{3}$/, '--currency: expected an ISO 4217 code such as EUR').optional(),
  decimalComma: z.boolean().optional(),
  skipInvalid: z.boolean().optional(),
  quiet: z.boolean().optional(),
  verbose: z.boolean().optional(),
});

/** `[role=]value` → per-role values; a value without role applies to every role. */
function perRole(values: string[] | undefined): Partial<Record<Role | '*', string>> {
  const out: Partial<Record<Role | '*', string>> = {};
  for (const v of values ?? []) {
    const m = /^(orders|spend|traffic|nps)=(.*)$/s.exec(v);
    if (m) out[m[1] as Role] = m[2]!;
    else out['*'] = v;
  }
  return out;
}

/** Variable that overrides the size from which an orders file is read on two threads (tests set 0). */
const WORKER_MIN_BYTES = 'CHANNELBENCH_WORKER_MIN_BYTES';

export function parseInputFlags(opts: Record<string, unknown>, env: Record<string, string | undefined> = {}): InputFlags {
  const parsed = rawSchema.safeParse(opts);
  if (!parsed.success) throw new UsageError('BAD_FLAGS', `invalid options: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  const o = parsed.data;
  const files: Partial<Record<Role, string>> = {};
  for (const role of ROLES) if (o[role] !== undefined) files[role] = o[role];
  const stdinRoles = ROLES.filter((r) => files[r] === '-');
  if (stdinRoles.length > 1) {
    throw new UsageError('STDIN_TWICE', `standard input (-) can feed only one role per run; got it for ${stdinRoles.join(' and ')}`);
  }
  return {
    dataDir: o.data,
    files,
    configFile: o.config,
    presets: o.preset ?? [],
    maps: o.map ?? [],
    sets: o.set ?? [],
    formatIn: perRole(o.formatIn),
    delimiter: perRole(o.delimiter),
    dateFormat: perRole(o.dateFormat),
    decimalComma: o.decimalComma,
    timeZone: o.timezone,
    fx: o.fx,
    channelGrouping: o.channelGrouping,
    fxMaxAgeDays: o.fxMaxAge,
    currency: o.currency?.toUpperCase(),
    skipInvalid: o.skipInvalid ?? false,
    quiet: o.quiet ?? false,
    verbose: o.verbose ?? false,
    ...workerMinBytes(env[WORKER_MIN_BYTES]),
  };
}

function workerMinBytes(value: string | undefined): { workerMinBytes?: number } {
  if (value === undefined || value === '') return {};
  const n = Number(value);
  if (!(n >= 0)) throw new UsageError('BAD_ENV', `${WORKER_MIN_BYTES}=${value}: expected a number of bytes (0 or more)`);
  return { workerMinBytes: n };
}
