import { Command, Option } from 'commander';
import { COMMAND_DESCRIPTIONS } from './descriptions.js';
import { z } from 'zod';
import { daysSchema, marginSchema } from '../../pipeline/load-run.js';
import { UsageError } from '../../errors.js';
import { METRIC_KEYS, type MetricKey } from '../../model.js';
import { BYTE_SIZE } from '../../model/byte-size.js';
import { runReport } from '../../pipeline/report.js';
import { RENDERERS } from '../../report/formats/index.js';
import { OUTPUT_FORMATS } from '../../report/renderers.js';
import { gateFailures, gateSummary } from '../../report/gate.js';
import { ExitCode } from '../exit-code.js';
import { addInputOptions, parseInputFlags } from '../input-options.js';
import { writeResult, type Io } from '../io.js';
import { skippedNote } from '../notes.js';
import { progressReporter } from '../progress.js';
import { addOutputOptions, parseOutputOptions, requireOutputForBinary } from '../output-options.js';
import { addWindowOptions, parseWindowFlags } from '../window-options.js';

const reportSchema = z.object({
  margin: z.preprocess(Number, marginSchema('--margin')).optional(),
  retentionDays: z.preprocess(Number, daysSchema('--retention-days')).optional(),
  clvHorizonDays: z.preprocess(Number, daysSchema('--clv-horizon-days')).optional(),
  allPeriods: z.boolean().optional(),
  columns: z.string().optional(),
  shape: z.enum(['wide', 'long']).default('wide'),
  benchmarks: z.string().optional(),
  confidence: z.coerce.number().gt(0, '--confidence: expected a level between 0 and 1, e.g. 0.95').lt(1, '--confidence: expected a level between 0 and 1, e.g. 0.95').optional(),
  failOn: z.enum(['worse', 'worse-significant']).optional(),
  compare: z.enum(['previous']).optional(),
  baseline: z.string().optional(),
  engine: z.enum(['in-process', 'duckdb', 'postgres']).optional(),
  db: z.string().min(1, '--db: expected a URL such as postgres://user@localhost:5432/shop').optional(),
  dbTimeout: z.coerce.number().positive('--db-timeout: expected a number of seconds, e.g. 600').optional(),
  engineMemory: z
    .string()
    .regex(BYTE_SIZE, '--engine-memory: expected a size such as 512MB or 2GB')
    .optional(),
  summary: z.string().min(1).optional(),
});

export function reportCommand(io: Io, setExit: (code: number) => void): Command {
  const cmd = new Command('report').description(COMMAND_DESCRIPTIONS.report);
  addWindowOptions(cmd);
  cmd
    .option('--margin <fraction>', 'gross margin applied to CLV (default 1)')
    .option('--retention-days <N>', 'N of the N-day repeat rate (default 90)')
    .option('--clv-horizon-days <H>', 'horizon of the H-day CLV (default 365)')
    .option('--columns <keys>', `comma-separated metrics to show, in this order (default all): ${METRIC_KEYS.join(',')}`)
    .addOption(new Option('--shape <shape>', 'csv/tsv layout: wide (a column per metric) or long (a row per metric)').choices(['wide', 'long']).default('wide'))
    .option('--all-periods', 'with --period, print every period in the table/markdown (default: the latest, plus trends)')
    .option('--benchmarks <file>', "benchmarks file (default: the config's benchmarks)")
    .option('--confidence <level>', 'confidence level of the intervals and significance tests (default 0.95)')
    .addOption(new Option('--fail-on <condition>', 'exit 1 when a compared figure is worse (or significantly worse) than its benchmark').choices(['worse', 'worse-significant']))
    .addOption(new Option('--compare <what>', "add each figure's previous-period value and change").choices(['previous']))
    .option('--baseline <file>', 'compare with an earlier JSON report of this tool (matched on period start + channel)')
    .addOption(new Option('--engine <engine>', 'where the figure inputs are computed: in-process (default), duckdb (Parquet/clean CSV files), postgres (tables)').choices(['in-process', 'duckdb', 'postgres']))
    .option('--db <url>', 'PostgreSQL connection URL for --engine postgres (default: the PG* environment variables)')
    .option('--db-timeout <seconds>', 'statement timeout of --engine postgres (default 600)')
    .option('--engine-memory <size>', 'memory limit of --engine duckdb, e.g. 512MB, 4GB (default 1GB; beyond it DuckDB spills to a temporary directory)')
    .option('--summary <file>', 'finish the report from a figure-inputs file (CSV/JSON from channelbench sql in a warehouse, or --format summary)');
  addOutputOptions(cmd, [...OUTPUT_FORMATS, 'summary']);
  cmd.addHelpText(
    'after',
    `
Examples:
  $ channelbench report --data fixtures/demo
  $ channelbench report --data fixtures/demo --period month --last 6m
  $ channelbench report --data fixtures/demo --period week --format csv > kpi.csv
  $ channelbench report --data fixtures/demo --period month --format html --output kpi.html
  $ channelbench report --data fixtures/demo --period week --format xlsx --output kpi.xlsx
  $ channelbench report --orders orders.csv --spend spend.csv --format json > kpi.json
  $ channelbench report --data fixtures/demo --benchmarks fixtures/benchmarks.example.json --fail-on worse-significant
  $ channelbench report --data fixtures/demo --period week --last 1w --complete --benchmarks fixtures/benchmarks.example.json --fail-on worse-significant
  $ channelbench report --data fixtures/demo --period month --compare previous --format csv
  $ channelbench report --orders online_retail.csv --preset online-retail --map channel=Country --skip-invalid
  $ channelbench report --orders orders.parquet --engine duckdb --period month
  $ channelbench report --engine postgres --db postgres://analyst@db:5432/shop --period week
  $ channelbench report --summary figure-inputs.csv --benchmarks targets.json --format markdown`,
  );
  addInputOptions(cmd).action(async (_: unknown, self: Command) => {
    // Options given before the command name (global --config, --quiet, --verbose) count too.
    const opts = self.optsWithGlobals<Record<string, unknown>>();
    const input = parseInputFlags(opts, io.env);
    const window = parseWindowFlags(opts);
    const parsed = reportSchema.safeParse(opts);
    if (!parsed.success) throw new UsageError('BAD_FLAGS', parsed.error.issues.map((i) => i.message).join('; '));
    const o = parsed.data;
    const metrics = parseColumns(o.columns);
    requireOutputForBinary(opts);
    const { report, files, config, summary } = await runReport(
      input,
      {
        ...window,
        margin: o.margin,
        retentionDays: o.retentionDays,
        clvHorizonDays: o.clvHorizonDays,
        benchmarksFile: o.benchmarks,
        confidence: o.confidence,
        comparePrevious: o.compare === 'previous',
        baselineFile: o.baseline,
        engine: o.engine,
        db: o.db,
        dbTimeout: o.dbTimeout,
        engineMemory: o.engineMemory,
        summaryFile: o.summary,
        env: io.env,
      },
      io.cwd,
      io.stdin,
      progressReporter(io, input.quiet),
    );
    if (o.failOn && !report.rows.some((r) => Object.keys(r.benchmarks).length > 0)) {
      throw new UsageError('FAIL_ON_WITHOUT_BENCHMARKS', `--fail-on ${o.failOn}: no benchmarks to compare with`, {
        hint: 'pass --benchmarks FILE, or add "benchmarks" to the config',
      });
    }
    if (!input.quiet) for (const line of skippedNote(files)) io.stderr(line);
    const out = parseOutputOptions(opts, config, io, input.decimalComma);
    const text =
      out.format === 'summary'
        ? (await import('../../pipeline/summary-csv.js')).renderFigureInputsCsv(summary)
        : await RENDERERS[out.format](report, {
      // Money is in the report currency: shown with its symbol unless --currency/--locale say otherwise.
      display: { ...out.display, currency: out.display.currency ?? report.settings.currency ?? undefined },
      width: out.width,
      chalk: out.chalk,
      allPeriods: o.allPeriods ?? false,
      metrics,
      shape: o.shape,
      decimalComma: out.decimalComma,
      rawText: out.rawText,
          });
    await writeResult(io, text, out.output);
    const failures = o.failOn ? gateFailures(report, o.failOn) : [];
    if (failures.length > 0 && o.failOn) io.stderr(gateSummary(failures, o.failOn));
    setExit(failures.length > 0 ? ExitCode.FailOn : ExitCode.Success);
  });
  return cmd;
}

function parseColumns(text: string | undefined): MetricKey[] {
  if (text === undefined) return [...METRIC_KEYS];
  const keys = text.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = keys.filter((k) => !(METRIC_KEYS as readonly string[]).includes(k));
  if (unknown.length || keys.length === 0) {
    throw new UsageError('UNKNOWN_METRIC', `--columns: unknown metric ${unknown.map((k) => `"${k}"`).join(', ') || '(none given)'}`, { hint: `metrics: ${METRIC_KEYS.join(', ')}` });
  }
  return keys as MetricKey[];
}
