/**
 * `channelbench validate`: read every input and the config, and report what was
 * understood. Exit 3 when any row is invalid.
 */
import type { ReadProgress } from '../ingest/load.js';
import type { InputFlags } from './inputs.js';
import { loadRun } from './load-run.js';
import type { ValidateResult } from '../model/input-report.js';

export type { ValidateResult };


export async function runValidate(flags: InputFlags, cwd: string, stdin?: NodeJS.ReadableStream, progress?: (p: ReadProgress) => void): Promise<ValidateResult> {
  const run = await loadRun(flags, { cwd, require: [], invalidRows: 'collect', ...(stdin ? { stdin } : {}), progress });
  return {
    configFile: run.configFile,
    channels: run.dataset.channels,
    files: run.files,
    customers: run.dataset.customerCount,
    invalidRows: run.files.reduce((n, f) => n + f.counts.invalidRows, 0),
    skipInvalid: flags.skipInvalid,
  };
}
