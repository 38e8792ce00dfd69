/**
 * The first half of every command: config, inputs, and reading them.
 */
import { loadConfig } from './load-config.js';
import type { Config } from '../config/schema.js';
import { DEFAULT_CANCELLED_STATUSES } from '../ingest/dataset-builder.js';
import { loadInputs, type InvalidRowPolicy, type LoadResult, type ReadProgress } from '../ingest/load.js';
import type { Role } from '../model.js';
import { UsageError } from '../errors.js';
import { checkLooseMaps, resolveInputs, type InputFlags } from './inputs.js';

/** The parsed config file, as the commands receive it with their run. */
export type { Config };

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
  if (specs.length === 0) {
    throw new UsageError('NO_INPUT', 'no input files: pass --data DIR or --orders FILE (and optionally --spend, --traffic, --nps)', {
      hint: 'try: channelbench report --data fixtures/demo',
    });
  }
  for (const role of opts.require) {
    if (!specs.some((s) => s.role === role)) {
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
