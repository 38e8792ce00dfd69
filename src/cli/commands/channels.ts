import { Command, Option } from 'commander';
import { COMMAND_DESCRIPTIONS } from './descriptions.js';
import { runChannels } from '../../pipeline/channels.js';
import { renderChannelsJson, renderChannelsText } from '../../report/channels-text.js';
import { ExitCode } from '../exit-code.js';
import { addInputOptions, parseInputFlags } from '../input-options.js';
import type { Io } from '../io.js';

export function channelsCommand(io: Io, setExit: (code: number) => void): Command {
  const cmd = new Command('channels').description(COMMAND_DESCRIPTIONS.channels)
    .option('--explain', 'list every raw source / medium pair with its channel, rule and row count, and the top Unassigned pairs with a hint')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Examples:
  $ channelbench channels --data fixtures/utm --explain
  $ channelbench channels --orders orders.csv --config channelbench.config.json --explain --format json

The grouping is --channel-grouping (or the config's channels.grouping), ga4 by default.`,
    );
  addInputOptions(cmd).action(async (_: unknown, self: Command) => {
    const opts = self.optsWithGlobals<Record<string, unknown>>();
    const flags = parseInputFlags(opts, io.env);
    const result = await runChannels(flags, io.cwd, io.stdin);
    io.stdout(opts['format'] === 'json' ? renderChannelsJson(result) : renderChannelsText(result, opts['explain'] === true));
    setExit(ExitCode.Success);
  });
  return cmd;
}
