/**
 * The first half of every command: config, inputs, and reading them.
 */
import { loadConfig } from './load-config.js';
import type { Config } from '../config/schema.js';
import { DEFAULT_CANCELLED_STATUSES } from '../ingest/dataset-builder.js';
import { loadInputs, type InputSpec, type InvalidRowPolicy, type LoadResult, type ReadProgress } from '../ingest/load.js';
import { inputBytes, STDIN } from '../ingest/source.js';
import { LONG_INPUT_BYTES, tuneForThroughput } from './v8-tuning.js';
import type { Role } from '../model.js';
import { parse } from 'csv-parse/sync';
import { ConfigError, InputError, UsageError } from '../errors.js';
import { CurrencyConverter } from '../ingest/currency.js';
import { GroupingLog } from '../ingest/channel-grouping.js';
import { loadChannelGrouper } from '../ingest/channel-grouping-data.js';
import { DEFAULT_FX_MAX_AGE_DAYS, parseFxTable, type FxTable } from '../ingest/fx.js';
import { isKnownTimeZone, UTC_ZONE } from '../periods/index.js';
import { checkLooseMaps, dataDirProblem, resolveInputs, type InputFlags } from './inputs.js';
import { readNamedFile } from './read-named-file.js';

/** The parsed config file, as the commands receive it with their run. */
export type { Config };
/** The settings' ranges, for the flags that override them (one definition, config/schema.ts). */
export { currencySchema, daysSchema, marginSchema } from '../config/setting-schemas.js';

export interface RunInputs extends LoadResult {
  config: Config;
  configFile: string | null;
  /** The reporting time zone (IANA name, default UTC). */
  timeZone: string;
  /** The report currency: --currency / settings.currency, else the data's single currency; null when no input names one. */
  currency: string | null;
  /** With --channel-grouping: the grouping used and the rows per raw source / medium pair. */
  grouping: { name: string; version: string; log: GroupingLog } | null;
}

/** Reads --fx FILE into a rate table (exit 3 when unreadable or malformed). */
async function readFxTable(file: string, cwd: string): Promise<FxTable> {
  const text = await readNamedFile('--fx', file, cwd, 'FX_UNREADABLE');
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (err) {
    throw new InputError('FX_TABLE_INVALID', `--fx ${file}: not a CSV file (${(err as Error).message})`);
  }
  return parseFxTable(file, rows);
}

/** --timezone, else the config's settings.timezone, else UTC; an unknown zone is exit 2. */
export function resolveTimeZone(flag: string | undefined, config: Config): string {
  const zone = flag ?? config.settings?.timezone;
  if (zone === undefined) return UTC_ZONE;
  if (isKnownTimeZone(zone)) return zone;
  const message = `${flag !== undefined ? '--timezone' : 'config settings.timezone'}: "${zone}" is not a time zone this system knows`;
  const hint = 'use an IANA name such as UTC, Europe/Berlin or America/Los_Angeles';
  throw flag !== undefined ? new UsageError('BAD_TIMEZONE', message, { hint }) : new ConfigError('BAD_TIMEZONE', message, { hint });
}

export interface LoadRunOptions {
  cwd: string;
  stdin?: NodeJS.ReadableStream;
  /** Roles that must be present (report needs orders). */
  require: Role[];
  invalidRows: InvalidRowPolicy;
  progress?: ((p: ReadProgress) => void) | undefined;
}

export async function loadRun(flags: InputFlags, opts: LoadRunOptions): Promise<RunInputs> {
  const { config, file } = await loadConfig(flags.configFile, flags.dataDir, opts.cwd);
  const timeZone = resolveTimeZone(flags.timeZone, config);
  const groupingName = flags.channelGrouping ?? config.channels?.grouping;
  const grouping = groupingName === undefined ? null : { grouper: loadChannelGrouper(groupingName, config.channels?.rules ?? []), log: new GroupingLog() };
  const reportCurrency = flags.currency ?? config.settings?.currency?.toUpperCase() ?? null;
  if (flags.fx !== undefined && reportCurrency === null) {
    throw new UsageError('FX_WITHOUT_CURRENCY', `--fx ${flags.fx}: which currency should the amounts be converted into?`, { hint: 'pass --currency XXX (or settings.currency in the config)' });
  }
  const currency = new CurrencyConverter({
    reportCurrency,
    fx: flags.fx === undefined ? null : await readFxTable(flags.fx, opts.cwd),
    fxName: flags.fx ?? null,
    maxAgeDays: flags.fxMaxAgeDays ?? config.settings?.fx_max_age_days ?? DEFAULT_FX_MAX_AGE_DAYS,
    timeZone,
  });
  const { specs, looseMaps } = await resolveInputs(flags, config, opts.cwd);
  if (specs.length === 0 && flags.dataDir !== undefined) throw await dataDirProblem(flags.dataDir, opts.cwd, null);
  if (specs.length === 0) {
    throw new UsageError('NO_INPUT', 'no input files: pass --data DIR or --orders FILE (and optionally --spend, --traffic, --nps)', {
      hint: 'try: channelbench report --data fixtures/demo',
    });
  }
  for (const role of opts.require) {
    if (!specs.some((s) => s.role === role)) {
      if (flags.dataDir !== undefined && flags.files[role] === undefined) throw await dataDirProblem(flags.dataDir, opts.cwd, role);
      throw new UsageError('MISSING_ROLE', `no ${role} input: pass --${role} FILE${flags.dataDir ? `, or add ${role}.csv to ${flags.dataDir}` : ' or --data DIR'}`);
    }
  }
  tuneForInputs(specs);
  const result = await loadInputs(specs, {
    invalidRows: opts.invalidRows,
    aliases: config.channels?.aliases ?? {},
    cancelledStatuses: config.settings?.cancelled_statuses ?? DEFAULT_CANCELLED_STATUSES,
    timeZone,
    currency,
    grouping: grouping ?? undefined,
    ...(opts.stdin ? { stdin: opts.stdin } : {}),
    progress: opts.progress,
    ...(flags.workerMinBytes !== undefined ? { workerMinBytes: flags.workerMinBytes } : {}),
  });
  checkLooseMaps(looseMaps, result.files);
  return {
    ...result,
    config,
    configFile: file,
    timeZone,
    currency: currency.currency,
    grouping: grouping === null ? null : { name: grouping.grouper.ruleSet.name, version: grouping.grouper.ruleSet.version, log: grouping.log },
  };
}

/**
 * V8's defaults again (v8-tuning.ts) before inputs that take long to read:
 * LONG_INPUT_BYTES in all once decompressed, or standard input.
 */
function tuneForInputs(specs: readonly InputSpec[]): void {
  if (specs.some((s) => s.file === STDIN)) return tuneForThroughput('standard input');
  const bytes = specs.reduce((sum, s) => sum + (inputBytes(s.file) ?? 0), 0);
  if (bytes >= LONG_INPUT_BYTES) tuneForThroughput(`inputs of ${(bytes / 1048576).toFixed(1)} MB`);
}

/**
 * Stops a run with no orders left, naming the orders file and why: no data
 * rows, every row cancelled, every row invalid and skipped, or a mix.
 */
export function requireOrders(run: RunInputs): void {
  if (run.dataset.orders.length > 0) return;
  const f = run.files.find((x) => x.role === 'orders');
  const name = f?.file ?? 'the orders input';
  const c = f?.counts;
  let why: string;
  if (!c || c.rowsRead === 0) why = 'it has a header but no data rows';
  else if (c.cancelledRows === c.rowsRead) why = `all ${c.rowsRead} rows are cancelled (status in ${(run.config.settings?.cancelled_statuses ?? DEFAULT_CANCELLED_STATUSES).join(', ')})`;
  else if (c.invalidRows === c.rowsRead) why = `all ${c.rowsRead} rows are invalid and were skipped (--skip-invalid)`;
  else {
    const parts = [
      c.cancelledRows ? `${c.cancelledRows} cancelled` : '',
      c.invalidRows ? `${c.invalidRows} invalid and skipped` : '',
      c.droppedRows ? `${c.droppedRows} dropped by the preset` : '',
    ].filter(Boolean);
    why = `of its ${c.rowsRead} rows, ${parts.join(', ') || 'none is an order'}`;
  }
  throw new InputError('NO_ORDERS', `${name}: no orders to report: ${why}`, { hint: 'check the status and date columns with channelbench validate' });
}
