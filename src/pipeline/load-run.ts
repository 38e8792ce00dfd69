/**
 * The first half of every command: config, inputs, and reading them.
 */
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { DEFAULT_CANCELLED_STATUSES } from '../ingest/dataset-builder.js';
import { loadInputs, type InvalidRowPolicy, type LoadResult, type ReadProgress } from '../ingest/load.js';
import type { Role } from '../model.js';
import { ConfigError, UsageError } from '../errors.js';
import { isKnownTimeZone, UTC_ZONE } from '../periods/index.js';
import { checkLooseMaps, resolveInputs, type InputFlags } from './inputs.js';

export interface RunInputs extends LoadResult {
  config: Config;
  configFile: string | null;
  /** The reporting time zone (IANA name, default UTC). */
  timeZone: string;
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
    timeZone,
    ...(opts.stdin ? { stdin: opts.stdin } : {}),
    progress: opts.progress,
    ...(flags.workerMinBytes !== undefined ? { workerMinBytes: flags.workerMinBytes } : {}),
  });
  checkLooseMaps(looseMaps, result.files);
  return { ...result, config, configFile: file, timeZone };
}
