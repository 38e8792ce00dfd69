import { Command } from 'commander';
import { runValidate } from '../../pipeline/validate.js';
import { renderValidate } from '../../report/validate-text.js';
import { ExitCode } from '../exit-code.js';
import { addInputOptions, parseInputFlags } from '../input-options.js';
import type { Io } from '../io.js';
import { progressReporter } from '../progress.js';

export function validateCommand(io: Io, setExit: (code: number) => void): Command {
  const cmd = new Command('validate')
    .description('read every input and the config; print the detected format, delimiter, column mapping, row counts and first errors')
    .addHelpText(
      'after',
      `
Examples:
  $ channelbench validate --data fixtures/demo
  $ channelbench validate --orders export.csv --date-format dd/MM/yyyy --decimal-comma
  $ channelbench validate --orders online_retail.csv --preset online-retail --map channel=Country

Exit code 0 when every row is readable (or --skip-invalid is given), 3 otherwise.`,
    );
  addInputOptions(cmd).action(async (_: unknown, self: Command) => {
    // Options given before the command name (global --config, --quiet, --verbose) count too.
    const opts = self.optsWithGlobals<Record<string, unknown>>();
    const flags = parseInputFlags(opts, io.env);
    const result = await runValidate(flags, io.cwd, io.stdin, progressReporter(io, flags.quiet));
    io.stdout(renderValidate(result));
    setExit(result.invalidRows > 0 && !result.skipInvalid ? ExitCode.Input : ExitCode.Success);
  });
  return cmd;
}
