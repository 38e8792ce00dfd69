/**
 * The `crosschannel` use case: read the orders, resolve the window, compute the
 * cross-channel figures as of T, and return the channelbench.crosschannel/v1
 * document. Never prints, never exits.
 */
import type { Config } from '../config/schema.js';
import { InputError } from '../errors.js';
import { DEFAULT_CANCELLED_STATUSES } from '../ingest/dataset-builder.js';
import type { FileReport } from '../ingest/load.js';
import { computeCrossChannel } from '../metrics/crosschannel/index.js';
import type { Dataset, PeriodUnit, WeekStart } from '../model.js';
import { buildPeriods, type Window } from '../periods/index.js';
import { checkGridCost, resolveRunWindow } from './run-window.js';
import { buildCrossChannelDoc, type CrossChannelDoc } from '../report/crosschannel/model.js';
import type { RunContext } from '../report/crosschannel/run-header.js';
import type { InputFlags } from './inputs.js';
import { loadRun, requireOrders } from './load-run.js';
import { accountRows } from './row-accounting.js';

export interface WindowFlagValues {
  from: string | undefined;
  to: string | undefined;
  last: string | undefined;
  period: PeriodUnit | undefined;
  weekStart: WeekStart | undefined;
}

/** What crosschannel and cohorts both start from: the orders, the window, T. */
export interface CustomerRun {
  dataset: Dataset;
  files: FileReport[];
  config: Config;
  /** The config file read, or null. */
  configFile: string | null;
  window: Window;
  dataEnd: number;
  /** T = min(window end, data end). */
  asOf: number;
  weekStart: WeekStart;
  /** Reporting time zone (IANA name). */
  timeZone: string;
  context: RunContext;
}

/**
 * Loads the inputs (orders required), checks there are orders with customer
 * ids, and resolves the window and T. `command` names the command in messages.
 */
export async function loadCustomerRun(
  command: string,
  input: InputFlags,
  flags: WindowFlagValues,
  cwd: string,
  stdin: NodeJS.ReadableStream | undefined,
): Promise<CustomerRun> {
  const run = await loadRun(input, { cwd, require: ['orders'], invalidRows: input.skipInvalid ? 'skip' : 'fail', ...(stdin ? { stdin } : {}) });
  const ds = run.dataset;
  requireOrders(run);
  if (!ds.hasCustomerIds || ds.customerCount === 0) {
    throw new InputError('NO_CUSTOMER_IDS', `${command} needs customer ids, and no order has one`, {
      hint: 'map the customer column with --map customer_id=COLUMN (or the config\'s columns.orders.customer_id)',
    });
  }
  const weekStart = flags.weekStart ?? run.config.settings?.week_start ?? 'monday';
  const { window, dataEnd: end } = resolveRunWindow(ds.orders, flags, weekStart, run.timeZone);
  const asOf = Math.min(window.end, end);
  accountRows(ds, run.files, { start: window.start, windowEnd: window.end, dataEnd: end, otherRoles: false, zone: run.timeZone });
  return {
    dataset: ds,
    files: run.files,
    config: run.config,
    configFile: run.configFile,
    window,
    dataEnd: end,
    asOf,
    weekStart,
    timeZone: run.timeZone,
    context: {
      window,
      dataEnd: end,
      asOf,
      unit: flags.period,
      weekStart,
      timeZone: run.timeZone,
      currency: run.currency,
      cancelledStatuses: run.config.settings?.cancelled_statuses ?? DEFAULT_CANCELLED_STATUSES,
      files: run.files,
    },
  };
}

export interface CrossChannelResult {
  doc: CrossChannelDoc;
  files: FileReport[];
  config: Config;
  /** Notes for stderr (e.g. a flag that changes less than one might think). */
  notes: string[];
}

export async function runCrossChannel(input: InputFlags, flags: WindowFlagValues, cwd: string, stdin?: NodeJS.ReadableStream): Promise<CrossChannelResult> {
  const run = await loadCustomerRun('crosschannel', input, flags, cwd, stdin);
  if (flags.period) checkGridCost(run.window, flags.period, run.weekStart, run.dataset.channels.length, run.timeZone);
  const periods = flags.period ? buildPeriods(run.window, run.dataEnd, flags.period, run.weekStart, run.timeZone) : [];
  const figures = computeCrossChannel(
    run.dataset,
    run.asOf,
    periods.map((p) => p.asOf),
  );
  const notes: string[] = [];
  if ((flags.from || flags.last) && !flags.period) {
    notes.push(`crosschannel: the figures cover all history before the window end; ${flags.from ? '--from' : '--last'} only chooses the periods listed with --period`);
  }
  return { doc: buildCrossChannelDoc(figures, run.dataset.channels, periods, run.context), files: run.files, config: run.config, notes };
}
