/**
 * `channelbench validate`: read every input and the config, and report what was
 * understood. Exit 3 when any row is invalid.
 */
import type { FileReport, ReadProgress } from '../ingest/load.js';
import type { InputFlags } from './inputs.js';
import { loadRun } from './load-run.js';
import { accountRows } from './row-accounting.js';
import { resolveRunWindow } from './run-window.js';

export interface ValidateResult {
  configFile: string | null;
  channels: string[];
  files: FileReport[];
  customers: number;
  /** Total invalid rows over all files. */
  invalidRows: number;
  /** --skip-invalid: invalid rows are reported but do not fail validation. */
  skipInvalid: boolean;
}

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
