/**
 * `report --baseline FILE`: an earlier JSON report, read and validated with the
 * report's own schema (src/report/schema.ts). Loaded only with --baseline.
 */
import { formatZodIssues } from '../config/zod-issues.js';
import { ConfigError, InputError } from '../errors.js';
import { reportFileSchema, type ReportFile } from '../report/schema.js';
import { readNamedFile } from './read-named-file.js';

/** An earlier JSON report of this tool, validated with the same schema. */
export async function readBaseline(file: string, cwd: string): Promise<ReportFile> {
  const text = await readNamedFile('--baseline', file, cwd, 'BASELINE_UNREADABLE');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError('BASELINE_NOT_JSON', `--baseline ${file}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = reportFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigError('BASELINE_INVALID', `--baseline ${file}: not a channelbench.report/v1 document:\n${formatZodIssues(parsed.error.issues)}`, {
      hint: 'pass a report written by channelbench report --format json',
    });
  }
  return parsed.data;
}
