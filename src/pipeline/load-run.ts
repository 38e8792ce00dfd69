/**
 * The first half of every command: config, inputs, and reading them.
 */
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { DEFAULT_CANCELLED_STATUSES } from '../ingest/dataset-builder.js';
import { loadInputs, type InvalidRowPolicy, type LoadResult, type ReadProgress } from '../ingest/load.js';
import type { Role } from '../model.js';
import { InputError, UsageError } from '../errors.js';
import { checkLooseMaps, dataDirProblem, resolveInputs, type InputFlags } from './inputs.js';

export interface RunInputs extends LoadResult {
  config: Config;
  configFile: string | null;
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
  const result = await loadInputs(specs, {
    invalidRows: opts.invalidRows,
    aliases: config.channels?.aliases ?? {},
    cancelledStatuses: config.settings?.cancelled_statuses ?? DEFAULT_CANCELLED_STATUSES,
    ...(opts.stdin ? { stdin: opts.stdin } : {}),
    progress: opts.progress,
    ...(flags.workerMinBytes !== undefined ? { workerMinBytes: flags.workerMinBytes } : {}),
  });
  checkLooseMaps(looseMaps, result.files);
  return { ...result, config, configFile: file };
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
