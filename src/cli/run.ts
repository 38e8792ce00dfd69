/**
 * run(argv, io): the program with every error caught once, mapped to an exit
 * code, and no stack trace shown to the user (unless --verbose asks).
 */
import { CommanderError } from 'commander';
import { ChannelbenchError } from '../errors.js';
import { ExitCode, exitCodeFor } from './exit-code.js';
import type { Io } from './io.js';
import { createProgram } from './program.js';

export async function run(argv: string[], io: Io): Promise<number> {
  let code: number = ExitCode.Success;
  try {
    const program = await createProgram(argv, io, (c) => {
      code = c;
    });
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    const exit = exitCodeFor(err);
    if (err instanceof CommanderError) {
      // commander already printed its message (or help/version).
      return exit;
    }
    if (err instanceof ChannelbenchError) {
      io.stderr(`channelbench: ${err.message}\n`);
      if (err.hint) io.stderr(`  hint: ${err.hint}\n`);
      return exit;
    }
    const e = err as Error;
    io.stderr(`channelbench: internal error: ${e?.message ?? String(err)}\n`);
    if (argv.includes('--verbose') && e?.stack) io.stderr(`${e.stack}\n`);
    else io.stderr('  this is a bug in channelbench; run again with --verbose for details and report it\n');
    return exit;
  }
}

