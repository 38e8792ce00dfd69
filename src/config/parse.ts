/**
 * Parsing and validating the config file's text (pure; finding and reading
 * the file is src/pipeline/load-config.ts).
 */
import type { z } from 'zod';
import { ConfigError } from '../errors.js';
import { configSchema, type Config } from './schema.js';

export const CONFIG_FILE = 'channelbench.config.json';

/** The config in `text` (a leading BOM allowed); ConfigError naming `shown` when it is not valid JSON or not a valid config. */
export function parseConfig(text: string, shown: string): Config {
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
