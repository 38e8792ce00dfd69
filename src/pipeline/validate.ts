/**
 * `channelbench validate`: read every input and the config, and report what was
 * understood. Exit 3 when any row is invalid.
 */
import type { ReadProgress } from '../ingest/load.js';
import type { InputFlags } from './inputs.js';
import { loadRun } from './load-run.js';
import type { ValidateResult } from '../model/input-report.js';

export type { ValidateResult };
import { accountRows } from './row-accounting.js';
import { resolveRunWindow } from './run-window.js';


export async function runValidate(flags: InputFlags, cwd: string, stdin?: NodeJS.ReadableStream, progress?: (p: ReadProgress) => void): Promise<ValidateResult> {
  const run = await loadRun(flags, { cwd, require: [], invalidRows: 'collect', ...(stdin ? { stdin } : {}), progress });
  // Rows outside the default report's span (the whole orders history).
  if (run.dataset.orders.length > 0) {
    const { window, dataEnd } = resolveRunWindow(run.dataset.orders, {}, 'monday', run.timeZone);
    accountRows(run.dataset, run.files, { start: window.start, windowEnd: window.end, dataEnd, otherRoles: true, zone: run.timeZone });
  }
  return {
    configFile: run.configFile,
    channels: run.dataset.channels,
    files: run.files,
    customers: run.dataset.customerCount,
    invalidRows: run.files.reduce((n, f) => n + f.counts.invalidRows, 0),
    skipInvalid: flags.skipInvalid,
  };
}
