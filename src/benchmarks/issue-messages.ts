/**
 * The wording of benchmarks-file problems: one line per problem,
 * `<file>: <json path>: <what was expected, and what was found>`, e.g.
 * `benchmarks.json: metrics.cac.channels.store: expected a number, got "45"`.
 */
import type { z } from 'zod';
import { BENCHMARK_KEYS } from '../model.js';
import { ALLOWED_KEYS } from './schema.js';

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

/**
 * A JSON path as written in messages: dotted identifiers, bracketed quoted keys otherwise.
 *
 *     ['metrics', 'aov', 'channels', 'Online Store'] → metrics.aov.channels["Online Store"]
 *
 * @example formatPath(['metrics', 'cac', 'channels', 'store']) // 'metrics.cac.channels.store'
 * @example formatPath([]) // '(top level)'
 */
export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? '(top level)' : out;
}

/**
 * How a found value is shown: strings JSON-quoted (cut at 40 characters), numbers,
 * booleans and null as written, arrays and objects by kind.
 * @example describeValue('45') // '"45"'
 * @example describeValue([1]) // 'an array'
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  string: 'a string',
  object: 'an object',
  record: 'an object',
  boolean: 'true or false',
  array: 'an array',
};

const isPlainObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Which object an unknown key was found in, from its path (relative to the file). */
function allowedKeysAt(path: readonly PathKey[]): readonly string[] {
  if (path.length === 0) return ALLOWED_KEYS.file;
  if (path.length === 2 && path[0] === 'metrics') return ALLOWED_KEYS.metric;
  return ALLOWED_KEYS.channel;
}

interface Problem {
  path: readonly PathKey[];
  message: string;
}

/** One zod issue → one or more problems, paths relative to the file. */
function problemsOf(issue: Issue, base: readonly PathKey[]): Problem[] {
  const path = [...base, ...issue.path];
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      if (issue.input === undefined) return [{ path, message: `missing: expected ${expected}` }];
      return [{ path, message: `expected ${expected}, got ${describeValue(issue.input)}` }];
    }
    case 'unrecognized_keys': {
      const isMetrics = path.length === 1 && path[0] === 'metrics';
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: isMetrics ? `unknown metric "${key}" (metrics: ${BENCHMARK_KEYS.join(', ')})` : `unknown key "${key}" (allowed: ${allowedKeysAt(path).join(', ')})`,
      }));
    }
    case 'too_small':
      return [{ path, message: `expected a number ≥ ${String(issue.minimum)}, got ${describeValue(issue.input)}` }];
    case 'invalid_value':
      return [{ path, message: `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(issue.input)}` }];
    case 'invalid_union': {
      // A channel override: a number, or an object. An object is checked as an object;
      // anything else is reported against the common form, the number.
      if (isPlainObject(issue.input)) {
        const objectBranch = issue.errors.find((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
        if (objectBranch) return objectBranch.flatMap((i) => problemsOf(i, path));
      }
      const expected = Array.isArray(issue.input) ? 'a number or an object' : 'a number';
      return [{ path, message: `expected ${expected}, got ${describeValue(issue.input)}` }];
    }
    default:
      return [{ path, message: issue.message }];
  }
}

/**
 * Every zod issue of a benchmarks file as a line `<fileLabel>: <path>: <message>`,
 * in zod's order, duplicates removed. `pathPrefix` places the paths inside a larger
 * document (inline benchmarks in the config: `benchmarks`).
 * @example benchmarkIssueLines(issues, 'benchmarks.json') // ['benchmarks.json: metrics.cac.channels.store: expected a number, got "45"']
 */
export function benchmarkIssueLines(issues: readonly Issue[], fileLabel: string, pathPrefix: readonly PathKey[] = []): string[] {
  const lines = issues.flatMap((issue) => problemsOf(issue, [])).map((p) => `${fileLabel}: ${formatPath([...pathPrefix, ...p.path])}: ${p.message}`);
  return [...new Set(lines)];
}
