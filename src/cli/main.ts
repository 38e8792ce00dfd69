/** The entry point (the bundle bin/channelbench.cjs starts runs this). Sets process.exitCode so piped stdout drains. */
import { ExitCode } from './exit-code.js';
import { processIo } from './io.js';
import { run } from './run.js';

// A reader that closes early (`… | head`) is not an error: stop quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

run(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`channelbench: internal error: ${String(err)}\n`);
    process.exitCode = ExitCode.Internal;
  },
);
