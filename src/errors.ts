/**
 * The error taxonomy. Errors a user can cause are typed, carry a message
 * written for them, and are turned into exit codes in one place (cli/exit-code.ts).
 */

export abstract class ChannelbenchError extends Error {
  /** SCREAMING_SNAKE code that reads as a sentence, e.g. INPUT_FILE_NOT_FOUND. */
  readonly code: string;
  /** What the user can do about it (a flag, a config key), when we know. */
  readonly hint: string | undefined;

  constructor(code: string, message: string, options: { hint?: string | undefined; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
    this.name = new.target.name;
  }
}

/** Bad flags or arguments (exit 2). */
export class UsageError extends ChannelbenchError {}

/** A config or benchmarks file that is missing, unreadable or invalid (exit 2). */
export class ConfigError extends ChannelbenchError {}

/** Input data that cannot be read (exit 3). */
export class InputError extends ChannelbenchError {}

/** One invalid row, as collected while reading (never thrown alone). */
export interface RowProblem {
  file: string;
  line: number;
  column: string;
  value: string;
  /** e.g. 'cannot read "31/02/2024" as a date' */
  problem: string;
  /** e.g. 'pass --date-format dd/MM/yyyy' */
  hint?: string;
}

/** Formats a row problem as `file:line: column "X": problem (hint)`. */
export function formatRowProblem(p: RowProblem): string {
  const hint = p.hint ? ` (${p.hint})` : '';
  return `${p.file}:${p.line}: column "${p.column}": ${p.problem}${hint}`;
}

/** How many invalid rows are listed before only the count is given. */
export const MAX_LISTED_PROBLEMS = 10;

/** Invalid rows without --skip-invalid (exit 3). Lists the first 10 and the total. */
export class InvalidRowsError extends InputError {
  readonly problems: RowProblem[];
  readonly total: number;

  constructor(problems: RowProblem[], total: number) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map(formatRowProblem);
    const more = total > listed.length ? `\n… and ${total - listed.length} more` : '';
    const file = problems[0]?.file ?? 'input';
    super(
      'INVALID_ROWS',
      `${total} invalid row${total === 1 ? '' : 's'} in ${file}:\n${listed.join('\n')}${more}`,
      { hint: 'fix the rows, or pass --skip-invalid to skip them (the count is reported)' },
    );
    this.problems = problems;
    this.total = total;
  }
}
