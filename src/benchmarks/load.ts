/**
 * Reading and validating a benchmarks file (the one file of src/benchmarks that does I/O).
 * Every problem is reported at once, one line each, as a ConfigError (exit 2).
 */
import { readFileSync } from 'node:fs';
import { ConfigError } from '../errors.js';
import { benchmarkIssueLines } from './issue-messages.js';
import { benchmarksSchema, type Benchmarks } from './schema.js';

const HINT = 'see "Benchmarks" in the README for the file format';

/**
 * Validates parsed JSON as a benchmarks file.
 *
 *     json ─zod→ Benchmarks | ConfigError('BENCHMARKS_INVALID', "<fileLabel>: <path>: <message>" per problem)
 *
 * `pathPrefix` is prepended to every path, for benchmarks inlined in another
 * document (the config's `benchmarks` key: pass 'benchmarks').
 * @example parseBenchmarks({ metrics: { cac: { target: 45 } } }, 'benchmarks.json') // { tolerance: 0.05, metrics: { cac: { target: 45 } } }
 * @example parseBenchmarks({ metrics: { ctr: {} } }, 'b.json') // throws 'b.json: metrics.ctr: unknown metric "ctr" (metrics: orders, …)'
 */
export function parseBenchmarks(json: unknown, fileLabel: string, pathPrefix?: string): Benchmarks {
  const parsed = benchmarksSchema.safeParse(json, { reportInput: true });
  if (parsed.success) return parsed.data;
  const prefix = pathPrefix === undefined || pathPrefix === '' ? [] : pathPrefix.split('.');
  throw new ConfigError('BENCHMARKS_INVALID', benchmarkIssueLines(parsed.error.issues, fileLabel, prefix).join('\n'), { hint: HINT });
}

/**
 * Parses the text of a benchmarks file: a UTF-8 BOM is ignored; a JSON syntax
 * error names the line and column when the parser gives a position.
 *
 *     text ─JSON.parse→ json ─parseBenchmarks→ Benchmarks
 *
 * @example parseBenchmarksText('{"metrics":{"nps":{"target":40}}}', 'b.json').metrics.nps // { target: 40 }
 * @example parseBenchmarksText('{"metrics": }', 'b.json') // throws 'b.json: line 1, column 13: not valid JSON (Unexpected token } …)'
 */
export function parseBenchmarksText(text: string, fileLabel: string): Benchmarks {
  const body = text.replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (err) {
    const message = (err as Error).message;
    const position = /at position (\d+)/.exec(message);
    const where = position ? `line ${lineColumn(body, Number(position[1]))}: ` : '';
    throw new ConfigError('BENCHMARKS_NOT_JSON', `${fileLabel}: ${where}not valid JSON (${message})`, { hint: HINT });
  }
  return parseBenchmarks(json, fileLabel);
}

/** "L, column C" (1-based) of a character offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `${line}, column ${column}`;
}

/**
 * Reads, JSON-parses and validates a benchmarks file. `shown` is how the file is
 * named in messages (default: the path as given).
 * @example await readBenchmarksFile('fixtures/benchmarks.example.json') // Benchmarks
 */
export async function readBenchmarksFile(path: string, shown: string = path): Promise<Benchmarks> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(code);
    throw new ConfigError('BENCHMARKS_UNREADABLE', `${shown}: cannot read the benchmarks file (${why})`);
  }
  return parseBenchmarksText(text, shown);
}
