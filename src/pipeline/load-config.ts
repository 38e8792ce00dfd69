/**
 * Finding and reading the config file (the I/O; parsing and validating it is
 * src/config/parse.ts, loaded only when there is a file: its zod schema takes
 * a while to build — docs/performance.md, "Start-up").
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE } from '../config/config-file.js';
import type { Config } from '../config/schema.js';
import { ConfigError } from '../errors.js';

export interface LoadedConfig {
  config: Config;
  /** The file it came from, or null when none was found. */
  file: string | null;
}

/**
 * `--config FILE` must exist. Without it: ./channelbench.config.json, then
 * DATA_DIR/channelbench.config.json, then none.
 */
export async function loadConfig(explicit: string | undefined, dataDir: string | undefined, cwd: string): Promise<LoadedConfig> {
  if (explicit !== undefined) return { config: await readConfigFile(path.resolve(cwd, explicit), explicit), file: explicit };
  const candidates = [path.join(cwd, CONFIG_FILE)];
  if (dataDir !== undefined) candidates.push(path.join(path.resolve(cwd, dataDir), CONFIG_FILE));
  for (const candidate of candidates) {
    if (await exists(candidate)) {
      const shown = path.relative(cwd, candidate) || candidate;
      return { config: await readConfigFile(candidate, shown), file: shown };
    }
  }
  return { config: {}, file: null };
}

async function exists(p: string): Promise<boolean> {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

export async function readConfigFile(file: string, shown = file): Promise<Config> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError('CONFIG_UNREADABLE', `${shown}: cannot read the config file (${code === 'ENOENT' ? 'no such file' : String(code)})`);
  }
  const { parseConfig } = await import('../config/parse.js');
  return parseConfig(text, shown);
}
