/**
 * The exit-code contract (README "Exit codes"), in one place.
 */
import { CommanderError } from 'commander';
import { ConfigError, InputError, UsageError } from '../errors.js';

export const ExitCode = {
  Success: 0,
  /** A --fail-on condition was met. */
  FailOn: 1,
  /** Bad flags, arguments, config or benchmarks file. */
  Usage: 2,
  /** Input data that cannot be read. */
  Input: 3,
  /** A bug in channelbench. */
  Internal: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export function exitCodeFor(err: unknown): ExitCode {
  if (err instanceof CommanderError) return err.exitCode === 0 ? ExitCode.Success : ExitCode.Usage;
  if (err instanceof UsageError || err instanceof ConfigError) return ExitCode.Usage;
  if (err instanceof InputError) return ExitCode.Input;
  return ExitCode.Internal;
}
