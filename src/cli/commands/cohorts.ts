import { Command } from 'commander';
import { COMMAND_DESCRIPTIONS } from './descriptions.js';
import { z } from 'zod';
import { UsageError } from '../../errors.js';
import { DEFAULT_HORIZON, runCohorts } from '../../pipeline/cohorts.js';
import { COHORTS_RENDERERS } from '../../report/cohorts/index.js';
import { OUTPUT_FORMATS } from '../../report/renderers.js';
import { addInputOptions, parseInputFlags } from '../input-options.js';
import { writeResult, type Io } from '../io.js';
import { skippedNote } from '../notes.js';
import { addOutputOptions, parseOutputOptions, requireOutputForBinary } from '../output-options.js';
import { addWindowOptions, parseWindowFlags } from '../window-options.js';

export const MAX_HORIZON = 1000;

const cohortsSchema = z.object({
  horizon: z.coerce
    .number()
    .int(`--horizon: expected a whole number of periods from 0 to ${MAX_HORIZON}, e.g. 12`)
    .min(0, `--horizon: expected a whole number of periods from 0 to ${MAX_HORIZON}, e.g. 12`)
    .max(MAX_HORIZON, `--horizon: at most ${MAX_HORIZON} periods`)
    .default(DEFAULT_HORIZON),
  channel: z.string().min(1, '--channel: expected a channel name').optional(),
});

export function cohortsCommand(io: Io, setExit: (code: number) => void): Command {
  const cmd = new Command('cohorts').description(COMMAND_DESCRIPTIONS.cohorts);
  addWindowOptions(cmd, 'cohort length, and the unit of k (default month)');
  cmd
    .option('--horizon <K>', `periods since acquisition to show: k = 0…K (default ${DEFAULT_HORIZON})`)
    .option('--channel <name>', 'only this acquisition channel (case-insensitive), or (all)');
  addOutputOptions(cmd, OUTPUT_FORMATS);
  cmd.addHelpText(
    'after',
    `
A cohort is the customers acquired (first purchase) in one period of the window;
cells whose period has not ended by the data end (or --to) are empty.

Examples:
  $ channelbench cohorts --data fixtures/demo
  $ channelbench cohorts --data fixtures/demo --period quarter --horizon 4
  $ channelbench cohorts --data fixtures/demo --channel store --last 12m
  $ channelbench cohorts --data fixtures/demo --format csv > cohorts.csv
  $ channelbench cohorts --data fixtures/demo --format html --output cohorts.html
  $ channelbench cohorts --orders online_retail.csv --preset online-retail --map channel=Country --channel "United Kingdom"`,
  );
  addInputOptions(cmd).action(async (_: unknown, self: Command) => {
    // Options given before the command name (global --config, --quiet, --verbose) count too.
    const opts = self.optsWithGlobals<Record<string, unknown>>();
    const input = parseInputFlags(opts, io.env);
    requireOutputForBinary(opts);
    const window = parseWindowFlags(opts);
    const parsed = cohortsSchema.safeParse(opts);
    if (!parsed.success) throw new UsageError('BAD_FLAGS', parsed.error.issues.map((i) => i.message).join('; '));
    const { doc, files, config } = await runCohorts(input, { ...window, horizon: parsed.data.horizon, channel: parsed.data.channel }, io.cwd, io.stdin);
    if (!input.quiet) for (const line of skippedNote(files)) io.stderr(line);
    const out = parseOutputOptions(opts, config, io, input.decimalComma);
    if (out.format === 'summary') throw new UsageError('BAD_FLAGS', '--format summary applies to report only');
    const text = await COHORTS_RENDERERS[out.format](doc, { display: out.display, width: out.width, chalk: out.chalk, decimalComma: out.decimalComma, rawText: out.rawText });
    await writeResult(io, text, out.output);
    setExit(0);
  });
  return cmd;
}
