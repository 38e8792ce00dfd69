/**
 * createProgram(io): the commander tree. Usage errors exit 2 (exitOverride),
 * output goes through io so tests can capture it.
 */
import { Command } from 'commander';
import { channelsCommand } from './commands/channels.js';
import { clvCommand } from './commands/clv.js';
import { cohortsCommand } from './commands/cohorts.js';
import { crosschannelCommand } from './commands/crosschannel.js';
import { initCommand } from './commands/init.js';
import { reportCommand } from './commands/report.js';
import { sqlCommand } from './commands/sql.js';
import { validateCommand } from './commands/validate.js';
import type { Io } from './io.js';
import { VERSION } from '../version.js';

export function createProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('channelbench')
    .description('Per-channel marketing KPIs (AOV, CAC, CLV, retention, conversion, NPS) from the exports you already have, compared against benchmarks.')
    .version(VERSION, '--version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--config <file>', 'config file (default: ./channelbench.config.json); also accepted after the command')
    .option('--quiet', 'print no warnings or notes on stderr; also accepted after the command')
    .option('--verbose', 'more detail on stderr; also accepted after the command')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  $ channelbench report --data fixtures/demo
  $ channelbench report --orders orders.csv --spend spend.csv --period month --format csv > kpi.csv
  $ channelbench report --data fixtures/demo --benchmarks fixtures/benchmarks.example.json --fail-on worse-significant
  $ channelbench crosschannel --data fixtures/demo
  $ channelbench cohorts --data fixtures/demo --channel email --horizon 6
  $ channelbench clv --data fixtures/demo --holdout 26w
  $ channelbench validate --orders export.csv --preset shopify-orders
  $ channelbench init --data exports/
  $ channelbench sql --dialect bigquery --from 2024-01-01 --to 2024-03-31 --period month

Exit codes: 0 success · 1 --fail-on condition met · 2 usage or config error · 3 input data error`,
    );
  const configure = (cmd: Command): void => {
    cmd.exitOverride();
    cmd.configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (str, write) => write(str) });
  };
  configure(program);
  for (const cmd of [reportCommand(io, setExit), cohortsCommand(io, setExit), crosschannelCommand(io, setExit), clvCommand(io, setExit), validateCommand(io, setExit), channelsCommand(io, setExit), initCommand(io, setExit), sqlCommand(io, setExit)]) {
    configure(cmd);
    program.addCommand(cmd);
  }
  return program;
}
