import { Command } from 'commander';
import { COMMAND_DESCRIPTIONS } from './descriptions.js';
import { UsageError } from '../../errors.js';
import { runCrossChannel } from '../../pipeline/crosschannel.js';
import { CROSSCHANNEL_RENDERERS } from '../../report/crosschannel/index.js';
import { OUTPUT_FORMATS } from '../../report/renderers.js';
import { addInputOptions, parseInputFlags } from '../input-options.js';
import { writeResult, type Io } from '../io.js';
import { skippedNote } from '../notes.js';
import { addOutputOptions, parseOutputOptions, requireOutputForBinary } from '../output-options.js';
import { addWindowOptions, parseWindowFlags } from '../window-options.js';

export function crosschannelCommand(io: Io, setExit: (code: number) => void): Command {
  const cmd = new Command('crosschannel').description(COMMAND_DESCRIPTIONS.crosschannel);
  addWindowOptions(cmd, 'also list the multichannel share and lift as of the end of each calendar period');
  addOutputOptions(cmd, OUTPUT_FORMATS);
  cmd.addHelpText(
    'after',
    `
Figures are as of T = the window end (--to, else the data end), over all
customers with a purchase before T; --from/--last only choose the periods
listed with --period.

Examples:
  $ channelbench crosschannel --data fixtures/demo
  $ channelbench crosschannel --data fixtures/demo --period quarter
  $ channelbench crosschannel --data fixtures/demo --to 2023-12-31 --format json > crosschannel.json
  $ channelbench crosschannel --data fixtures/demo --format csv > crosschannel.csv
  $ channelbench crosschannel --data fixtures/demo --period quarter --format html --output crosschannel.html
  $ channelbench crosschannel --orders online_retail.csv --preset online-retail --map channel=Country`,
  );
  addInputOptions(cmd).action(async (_: unknown, self: Command) => {
    // Options given before the command name (global --config, --quiet, --verbose) count too.
    const opts = self.optsWithGlobals<Record<string, unknown>>();
    const input = parseInputFlags(opts, io.env);
    requireOutputForBinary(opts);
    const window = parseWindowFlags(opts);
    const { doc, files, config, notes } = await runCrossChannel(input, window, io.cwd, io.stdin);
    if (!input.quiet) {
      for (const line of skippedNote(files)) io.stderr(line);
      for (const note of notes) io.stderr(`channelbench: ${note}\n`);
    }
    const out = parseOutputOptions(opts, config, io, input.decimalComma);
    if (out.format === 'summary') throw new UsageError('BAD_FLAGS', '--format summary applies to report only');
    const text = await CROSSCHANNEL_RENDERERS[out.format](doc, { display: out.display, width: out.width, chalk: out.chalk, decimalComma: out.decimalComma, rawText: out.rawText });
    await writeResult(io, text, out.output);
    setExit(0);
  });
  return cmd;
}
