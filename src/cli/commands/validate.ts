import { Command } from 'commander';
import { COMMAND_DESCRIPTIONS } from './descriptions.js';
import { InvalidRowsError } from '../../errors.js';
import { outsideWarning } from '../../pipeline/row-accounting.js';
import { runValidate } from '../../pipeline/validate.js';
import { renderValidate } from '../../report/validate-text.js';
import { ExitCode } from '../exit-code.js';
import { addInputOptions, parseInputFlags } from '../input-options.js';
import type { Io } from '../io.js';
import { progressReporter } from '../progress.js';

export function validateCommand(io: Io, setExit: (code: number) => void): Command {
  const cmd = new Command('validate').description(COMMAND_DESCRIPTIONS.validate)
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
    const failed = result.invalidRows > 0 && !result.skipInvalid;
    if (failed) {
      // The verdict and the first invalid rows on stderr too: stdout may be a pipe or a file nobody reads.
      for (const f of result.files) {
        if (f.counts.invalidRows > 0) io.stderr(`channelbench: validate: ${new InvalidRowsError(f.problems, f.counts.invalidRows).message}\n`);
      }
      io.stderr('  hint: fix the rows, or pass --skip-invalid to skip them (the count is reported)\n');
    } else if (!flags.quiet) {
      for (const f of result.files) {
        const w = outsideWarning(f);
        if (w) io.stderr(`channelbench: warning: ${w}\n`);
      }
    }
    setExit(failed ? ExitCode.Input : ExitCode.Success);
  });
  return cmd;
}
