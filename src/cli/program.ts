/**
 * createProgram(argv, io): the commander tree. Usage errors exit 2
 * (exitOverride), output goes through io so tests can capture it.
 *
 * Start-up loads only what the run needs: the command named in argv is
 * imported and built in full (its options, its pipeline on demand); every
 * other command is a stub holding its name and description, enough for
 * `channelbench --help` and for commander's "unknown command" suggestions.
 * `--version` and `--help` therefore load commander and this file's
 * neighbours only (test/e2e/startup.test.ts, docs/performance.md).
 */
import { Command, Help } from 'commander';
import { COMMAND_DESCRIPTIONS, type CommandName } from './commands/descriptions.js';
import type { Io } from './io.js';
import { VERSION } from '../version.js';

type SetExit = (code: number) => void;
type Build = (io: Io, setExit: SetExit) => Command;

/** Each command's module, loaded when the command runs (or shows its help). */
const LOADERS: Record<CommandName, () => Promise<Build>> = {
  report: async () => (await import('./commands/report.js')).reportCommand,
  cohorts: async () => (await import('./commands/cohorts.js')).cohortsCommand,
  crosschannel: async () => (await import('./commands/crosschannel.js')).crosschannelCommand,
  clv: async () => (await import('./commands/clv.js')).clvCommand,
  validate: async () => (await import('./commands/validate.js')).validateCommand,
  channels: async () => (await import('./commands/channels.js')).channelsCommand,
  init: async () => (await import('./commands/init.js')).initCommand,
  sql: async () => (await import('./commands/sql.js')).sqlCommand,
};

const COMMAND_NAMES = Object.keys(LOADERS) as CommandName[];

/** Global options that take a value (their value is not the command name). */
const GLOBAL_WITH_VALUE = new Set(['--config']);

/** The command argv names (`channelbench [globals] NAME …`, or `help NAME`), if it is one of ours. */
export function commandNamed(argv: readonly string[]): CommandName | undefined {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a.startsWith('-')) {
      if (GLOBAL_WITH_VALUE.has(a)) i++;
      continue;
    }
    words.push(a);
  }
  const name = words[0] === 'help' ? words[1] : words[0];
  return (COMMAND_NAMES as string[]).includes(name ?? '') ? (name as CommandName) : undefined;
}

export async function createProgram(argv: readonly string[], io: Io, setExit: SetExit): Promise<Command> {
  const stubs = new Set<Command>();
  const help = new Help();
  const program = new Command('channelbench')
    .description('Per-channel marketing KPIs (AOV, CAC, CLV, retention, conversion, NPS) from the exports you already have, compared against benchmarks.')
    .version(VERSION, '--version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--config <file>', 'config file (default: ./channelbench.config.json); also accepted after the command')
    .option('--quiet', 'print no warnings or notes on stderr; also accepted after the command')
    .option('--verbose', 'more detail on stderr; also accepted after the command')
    .showHelpAfterError('(run with --help for usage)')
    // A stub has no options of its own yet; list it as the full command would be.
    .configureHelp({ subcommandTerm: (cmd) => (stubs.has(cmd) ? `${cmd.name()} [options]` : help.subcommandTerm(cmd)) })
    .addHelpText(
      'after',
      `
Examples:
  $ channelbench report --data fixtures/demo
  $ channelbench report --orders orders.csv --spend spend.csv --period month --format csv > kpi.csv
  $ channelbench report --data fixtures/demo --benchmarks fixtures/benchmarks.example.json --fail-on worse-significant
  $ channelbench crosschannel --data fixtures/demo
  $ channelbench cohorts --data fixtures/demo --channel email --horizon 6
  $ channelbench clv --orders CDNOW_sample.txt --preset cdnow --zero-value-purchases --holdout 39w
  $ channelbench validate --orders export.csv --preset shopify-orders
  $ channelbench init --data exports/
  $ channelbench sql --dialect bigquery --from 2024-01-01 --to 2024-03-31 --period month

Exit codes: 0 success · 1 --fail-on condition met · 2 usage or config error · 3 input data error`,
    );
  const configure = (cmd: Command): void => {
    cmd.exitOverride();
    // commander's usage errors start "error: "; ours start "channelbench: " (one voice on stderr).
    cmd.configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (str, write) => write(str.replace(/^error: /, 'channelbench: ')) });
  };
  configure(program);
  const named = commandNamed(argv);
  for (const name of COMMAND_NAMES) {
    let cmd: Command;
    if (name === named) cmd = (await LOADERS[name]())(io, setExit);
    else {
      cmd = new Command(name).description(COMMAND_DESCRIPTIONS[name]);
      stubs.add(cmd);
    }
    configure(cmd);
    program.addCommand(cmd);
  }
  return program;
}
