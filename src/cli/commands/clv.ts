import { Command, Option } from 'commander';
import { COMMAND_DESCRIPTIONS } from './descriptions.js';
import { z } from 'zod';
import { daysSchema, marginSchema } from '../../pipeline/load-run.js';
import { UsageError } from '../../errors.js';
import { DEFAULT_FLOOR, DEFAULT_HORIZON, DEFAULT_SEED, runClv } from '../../pipeline/clv.js';
import { clvGateFailures, clvGateSummary } from '../../report/clv/gate.js';
import { CLV_FORMATS, CLV_RENDERERS, type ClvFormat } from '../../report/clv/index.js';
import { ExitCode } from '../exit-code.js';
import { addInputOptions, parseInputFlags } from '../input-options.js';
import { writeResult, type Io } from '../io.js';
import { skippedNote } from '../notes.js';
import { addOutputOptions, parseOutputOptions } from '../output-options.js';
import { addWindowOptions, parseWindowFlags } from '../window-options.js';

const whole = (flag: string, min: number, max: number) => z.coerce.number().int(`${flag}: expected a whole number from ${min} to ${max}`).min(min, `${flag}: expected a whole number from ${min} to ${max}`).max(max, `${flag}: at most ${max}`);

const clvSchema = z.object({
  unit: z.enum(['day', 'week']).default('week'),
  horizon: z.string().default(DEFAULT_HORIZON),
  holdout: z.string().optional(),
  margin: z.preprocess(Number, marginSchema('--margin')).optional(),
  discount: z.coerce.number().min(0, '--discount: expected an annual rate from 0 to 1, e.g. 0.1').max(1, '--discount: expected an annual rate from 0 to 1, e.g. 0.1').default(0),
  confidence: z.coerce.number().gt(0, '--confidence: expected a level between 0 and 1, e.g. 0.95').lt(1, '--confidence: expected a level between 0 and 1, e.g. 0.95').default(0.95),
  bootstrap: whole('--bootstrap', 10, 10_000).optional(),
  seed: whole('--seed', 0, 2 ** 31 - 1).default(DEFAULT_SEED),
  minCustomers: whole('--min-customers', 1, 1e9).default(DEFAULT_FLOOR.customers),
  minRepeat: whole('--min-repeat', 1, 1e9).default(DEFAULT_FLOOR.repeatCustomers),
  clvHorizonDays: z.preprocess(Number, daysSchema('--clv-horizon-days')).optional(),
  benchmarks: z.string().optional(),
  failOn: z.enum(['worse', 'worse-significant']).optional(),
  zeroValuePurchases: z.boolean().default(false),
});

export function clvCommand(io: Io, setExit: (code: number) => void): Command {
  const cmd = new Command('clv').description(COMMAND_DESCRIPTIONS.clv);
  addWindowOptions(cmd, 'ignored by clv (one fit over the window)');
  cmd
    .addOption(new Option('--unit <unit>', 'time unit of the model: x, t_x, T and the horizon (default week)').choices(['day', 'week']))
    .option('--horizon <N{d|w|m|q|y}>', `how far ahead to predict (default ${DEFAULT_HORIZON}; m = 365.25/12 days)`)
    .option('--holdout <span|yyyy-MM-dd>', 'fit before this span (e.g. 39w) or day, and compare predicted with actual repeat purchases in it')
    .option('--margin <fraction>', 'gross margin applied to CLV (default 1)')
    .option('--discount <rate>', 'annual discount rate, converted to the unit (default 0)')
    .option('--confidence <level>', 'level of the predicted CLV interval (default 0.95)')
    .option('--bootstrap <N>', 'customer bootstrap with N refits instead of the parametric bootstrap')
    .option('--seed <n>', `seed of the bootstrap (default ${DEFAULT_SEED})`)
    .option('--min-customers <n>', `own fit for a channel from this many customers (default ${DEFAULT_FLOOR.customers}), else the pooled fit`)
    .option('--min-repeat <n>', `… and this many repeat customers (default ${DEFAULT_FLOOR.repeatCustomers})`)
    .option('--zero-value-purchases', 'count zero-value orders as purchase days (the CDNOW/lifetimes convention; SPEC §3 does not)')
    .option('--clv-horizon-days <H>', 'horizon of the historical clv shown beside (default 365)')
    .option('--benchmarks <file>', "benchmarks file (predicted_clv, predicted_clv_cac; default: the config's)")
    .addOption(new Option('--fail-on <condition>', 'exit 1 when predicted_clv or predicted_clv_cac is worse (or significantly worse) than its benchmark').choices(['worse', 'worse-significant']));
  addOutputOptions(cmd, CLV_FORMATS);
  cmd.addHelpText(
    'after',
    `
Fits on the purchases before T (the data end, or --to), per acquisition channel
and pooled; a channel below the floor uses the pooled fit (column "model").

Examples:
  $ channelbench clv --data fixtures/demo
  $ channelbench clv --data fixtures/demo --horizon 12m --margin 0.3 --discount 0.1
  $ channelbench clv --orders CDNOW_sample.txt --preset cdnow --zero-value-purchases --holdout 39w
  $ channelbench clv --orders CDNOW_sample.txt --preset cdnow --to 1997-09-30 --zero-value-purchases
  $ channelbench clv --data fixtures/demo --benchmarks b.json --fail-on worse --format json`,
  );
  addInputOptions(cmd).action(async (_: unknown, self: Command) => {
    const opts = self.optsWithGlobals<Record<string, unknown>>();
    const input = parseInputFlags(opts, io.env);
    const window = parseWindowFlags(opts);
    const parsed = clvSchema.safeParse(opts);
    if (!parsed.success) throw new UsageError('BAD_FLAGS', parsed.error.issues.map((i) => i.message).join('; '));
    const o = parsed.data;
    const { doc, files, config } = await runClv(
      input,
      {
        ...window,
        unit: o.unit,
        horizon: o.horizon,
        holdout: o.holdout,
        margin: o.margin,
        discount: o.discount,
        confidence: o.confidence,
        bootstrap: o.bootstrap ?? 0,
        seed: o.seed,
        floor: { customers: o.minCustomers, repeatCustomers: o.minRepeat },
        clvHorizonDays: o.clvHorizonDays,
        benchmarksFile: o.benchmarks,
        zeroValuePurchases: o.zeroValuePurchases,
      },
      io.cwd,
      io.stdin,
    );
    if (o.failOn && !doc.rows.some((r) => Object.keys(r.benchmarks).length > 0)) {
      throw new UsageError('FAIL_ON_WITHOUT_BENCHMARKS', `--fail-on ${o.failOn}: no predicted_clv or predicted_clv_cac benchmarks to compare with`, {
        hint: 'pass --benchmarks FILE with "predicted_clv" or "predicted_clv_cac" under "metrics"',
      });
    }
    if (!input.quiet) {
      for (const line of skippedNote(files, o.zeroValuePurchases)) io.stderr(line);
      if (window.period) io.stderr(`channelbench: clv: --period ${window.period} is ignored (one fit over the window)\n`);
      for (const w of doc.warnings) io.stderr(`channelbench: warning: ${w}\n`);
    }
    const out = parseOutputOptions(opts, config, io, input.decimalComma);
    const text = await CLV_RENDERERS[out.format as ClvFormat](doc, { display: out.display, width: out.width, chalk: out.chalk, decimalComma: out.decimalComma, rawText: out.rawText });
    await writeResult(io, text, out.output);
    const failures = o.failOn ? clvGateFailures(doc, o.failOn) : [];
    if (failures.length > 0 && o.failOn) io.stderr(clvGateSummary(failures, o.failOn));
    setExit(failures.length > 0 ? ExitCode.FailOn : ExitCode.Success);
  });
  return cmd;
}
