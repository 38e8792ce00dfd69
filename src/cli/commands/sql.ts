import { Command, Option } from 'commander';
import { COMMAND_DESCRIPTIONS } from './descriptions.js';
import { z } from 'zod';
import { daysSchema, marginSchema } from '../../pipeline/load-run.js';
import { UsageError } from '../../errors.js';
import { DIALECTS, runSql } from '../../pipeline/sql.js';
import { ExitCode } from '../exit-code.js';
import { writeResult, type Io } from '../io.js';
import { addWindowOptions, parseWindowFlags } from '../window-options.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

const sqlSchema = z.object({
  dialect: z.enum(DIALECTS),
  dataEnd: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '--data-end: expected a day as yyyy-MM-dd').optional(),
  margin: z.preprocess(Number, marginSchema('--margin')).optional(),
  retentionDays: z.preprocess(Number, daysSchema('--retention-days')).optional(),
  clvHorizonDays: z.preprocess(Number, daysSchema('--clv-horizon-days')).optional(),
  table: z.array(z.string()).default([]),
  map: z.array(z.string()).default([]),
  config: z.string().optional(),
  output: z.string().optional(),
});

export function sqlCommand(io: Io, setExit: (code: number) => void): Command {
  const cmd = new Command('sql').description(COMMAND_DESCRIPTIONS.sql);
  cmd.addOption(new Option('--dialect <dialect>', 'SQL dialect').choices(DIALECTS).makeOptionMandatory());
  addWindowOptions(cmd);
  cmd
    .option('--data-end <yyyy-MM-dd>', 'the day after the last order day, for --last (default: the day after --to)')
    .option('--margin <fraction>', 'gross margin applied to CLV (default 1)')
    .option('--retention-days <N>', 'N of the N-day repeat rate (default 90)')
    .option('--clv-horizon-days <H>', 'horizon of the H-day CLV (default 365)')
    .option('--table <role=name>', 'table of a role (repeatable), e.g. --table orders=shop.orders (default: config sources, else the role name)', collect)
    .option('--map <role.field=column>', 'column of a canonical field (repeatable), e.g. --map orders.revenue=total_price; orders.line names a column giving the input order', collect)
    .option('--config <file>', 'config file (default: ./channelbench.config.json)')
    .option('--output <file>', 'write to a file instead of stdout')
    .addHelpText(
      'after',
      `
Examples:
  $ channelbench sql --dialect duckdb --from 2024-01-01 --to 2024-03-31 --period month
  $ channelbench sql --dialect bigquery --table orders=shop.orders --last 8w --data-end 2024-06-03 --period week > figure-inputs.sql
  $ channelbench report --summary figure-inputs.csv --format markdown`,
    );
  cmd.action(async (_: unknown, self: Command) => {
    const opts = self.optsWithGlobals<Record<string, unknown>>();
    const window = parseWindowFlags(opts);
    const parsed = sqlSchema.safeParse(opts);
    if (!parsed.success) throw new UsageError('BAD_FLAGS', parsed.error.issues.map((i) => i.message).join('; '));
    const o = parsed.data;
    const text = await runSql(
      { ...window, dialect: o.dialect, dataEnd: o.dataEnd, margin: o.margin, retentionDays: o.retentionDays, clvHorizonDays: o.clvHorizonDays, tables: o.table, maps: o.map, configFile: o.config },
      io.cwd,
    );
    await writeResult(io, text, o.output);
    setExit(ExitCode.Success);
  });
  return cmd;
}
