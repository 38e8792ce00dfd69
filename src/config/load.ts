/**
 * Finding, reading and validating the config file.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { ConfigError } from '../errors.js';
import { configSchema, type Config } from './schema.js';

export const CONFIG_FILE = 'channelbench.config.json';

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
  if (explicit !== undefined) return { config: await readConfigFile(explicit), file: explicit };
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
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}

export async function readConfigFile(file: string, shown = file): Promise<Config> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError('CONFIG_UNREADABLE', `${shown}: cannot read the config file (${code === 'ENOENT' ? 'no such file' : String(code)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ConfigError('CONFIG_NOT_JSON', `${shown}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) throw new ConfigError('CONFIG_INVALID', `${shown}: invalid config:\n${formatZodIssues(parsed.error.issues)}`);
  return parsed.data;
}

/** One line per problem: `path: message`, e.g. `settings.margin: expected number, got "0.4"`. */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): string {
  return issues
    .map((issue) => {
      const p = issue.path.map(String).join('.');
      const where = [prefix, p].filter(Boolean).join('.') || '(top level)';
      return `  ${where}: ${issue.message}`;
    })
    .join('\n');
}
