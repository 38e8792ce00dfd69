/** The entry point (bin/channelbench.js imports this). Sets process.exitCode so piped stdout drains. */
import { ExitCode } from './exit-code.js';
import { processIo } from './io.js';
import { run } from './run.js';

run(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`channelbench: internal error: ${String(err)}\n`);
    process.exitCode = ExitCode.Internal;
  },
);
