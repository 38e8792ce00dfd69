/**
 * Parsing and validating the config file's text (pure; finding and reading
 * the file is src/pipeline/load-config.ts).
 */
import { ConfigError } from '../errors.js';
import { configSchema, type Config } from './schema.js';
import { formatZodIssues } from './zod-issues.js';

export { CONFIG_FILE } from './config-file.js';
export { formatZodIssues } from './zod-issues.js';

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
