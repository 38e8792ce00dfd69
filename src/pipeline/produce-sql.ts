/**
 * The SQL engines of `report`: DuckDB over the input files, PostgreSQL over
 * tables. Both run the figure-inputs SQL of `channelbench sql` (first a bounds
 * query for data end and the default window), then read its result as a
 * figure-inputs table.
 */
import type { Config } from '../config/schema.js';
import { loadConfig } from './load-config.js';
import { InputError, UsageError } from '../errors.js';
import { duckdbSources, openDuckdb, throwIfOutOfMemory } from '../engines/duckdb.js';
import { openPostgres, postgresSources } from '../engines/postgres.js';
import { firstLine, type SqlSession } from '../engines/session.js';
import { DEFAULT_CANCELLED_STATUSES } from '../ingest/dataset-builder.js';
import { buildPeriods, formatDay, parseDay } from '../periods/index.js';
import { figureInputsQuery, orderBoundsQuery, PREPARED_CTES, prepareQueries, type Rendering, type SqlPlan, type SqlQuery, type SqlSources } from '../sql/figure-inputs-sql.js';
import { DIALECT_TABLE, type DialectName } from '../sql/dialects.js';
import { figureInputRowsOf, fromFigureInputRows } from '../summary/index.js';
import { VERSION } from '../version.js';
import { resolveInputs, type InputFlags } from './inputs.js';
import { enginePeriods, resolveMetricSettings, type Produced, type RunFlags } from './produce.js';
import { summaryError } from './produce-summary.js';
import { resolveSpanWindow } from './run-window.js';
import { sqlInputFiles, type SqlInput } from './sql-stats.js';
import { ROLES } from '../model.js';

export interface SqlEngineOptions {
  engine: 'duckdb' | 'postgres';
  /** --db URL (postgres); else the PG* environment variables. */
  db?: string | undefined;
  env: Record<string, string | undefined>;
  /** Query timeout, ms. */
  timeoutMs?: number | undefined;
  /** DuckDB's memory limit (--engine-memory). */
  memoryLimit?: string | undefined;
}

/** The settings part of a plan, shared by `sql` and the engines. */
export function planSettings(flags: RunFlags, config: Config) {
  return {
    settings: resolveMetricSettings(flags, config),
    weekStart: flags.weekStart ?? config.settings?.week_start ?? 'monday',
    cancelledStatuses: config.settings?.cancelled_statuses ?? DEFAULT_CANCELLED_STATUSES,
    aliases: config.channels?.aliases ?? {},
  };
}

/** The header comment of generated SQL: tool version and every setting that shaped it. */
export function sqlHeader(plan: Omit<SqlPlan, 'header'>): string[] {
  return [
    `channelbench ${VERSION}: figure inputs (channelbench.figure-inputs/v1) for ${plan.dialect}`,
    `window ${plan.window.start} … ${plan.window.end}; period ${plan.unit ?? 'none (one period)'}; week start ${plan.weekStart}`,
    `retention_days ${plan.settings.retentionDays}; clv_horizon_days ${plan.settings.clvHorizonDays}; margin ${plan.settings.margin}`,
    `cancelled statuses ${JSON.stringify(plan.cancelledStatuses)}; channel aliases ${JSON.stringify(plan.aliases)}`,
    'Run it where the data lives, save the result as CSV or JSON, then: channelbench report --summary FILE',
    ...DIALECT_TABLE[plan.dialect].notes,
  ];
}

async function runQuery(session: SqlSession, q: SqlQuery, engine: string): Promise<Record<string, unknown>[]> {
  try {
    return await session.query(q.sql, q.params);
  } catch (err) {
    const msg = firstLine(err);
    if (engine === 'duckdb') throwIfOutOfMemory(msg);
    const hint = engine === 'duckdb' ? 'the DuckDB engine reads clean files (ISO dates, dot decimals); run without --engine to use the in-process engine' : undefined;
    throw new InputError('ENGINE_QUERY_FAILED', `${engine}: the query failed: ${msg}`, { hint });
  }
}

export async function produceWithSql(input: InputFlags, flags: RunFlags, opts: SqlEngineOptions, cwd: string): Promise<Produced> {
  const { config, file: configFile } = await loadConfig(input.configFile, input.dataDir, cwd);
  const zone = input.timeZone ?? config.settings?.timezone ?? 'UTC';
  if (zone !== 'UTC') {
    throw new UsageError('ENGINE_TIMEZONE', `--engine ${opts.engine}: the SQL engines compute calendar days in UTC; the reporting time zone ${zone} applies to the in-process engine only`, { hint: 'drop --engine, or run with --timezone UTC' });
  }
  if (input.fx !== undefined) {
    throw new UsageError('ENGINE_FX', `--engine ${opts.engine}: currency conversion (--fx) applies to the in-process engine only`, { hint: 'convert in the warehouse, or drop --engine' });
  }
  const session = opts.engine === 'duckdb' ? await openDuckdb({ memoryLimit: opts.memoryLimit }) : await openPostgres(opts.db, opts.env, opts.timeoutMs);
  try {
    let sources: SqlSources;
    let read: SqlInput[];
    if (opts.engine === 'duckdb') {
      const { specs } = await resolveInputs(input, config, cwd);
      if (!specs.some((s) => s.role === 'orders')) throw new UsageError('MISSING_ROLE', 'no orders input: pass --orders FILE or --data DIR');
      sources = await duckdbSources(session, specs, cwd);
      read = specs.map((s) => ({ role: s.role, file: s.path, format: /\.parquet$/i.test(s.path) ? 'parquet' : /\.(tsv|tab)(\.gz)?$/i.test(s.path) ? 'tsv' : 'csv' }));
    } else {
      sources = await postgresSources(session, config);
      read = ROLES.flatMap((role) => (sources[role] ? [{ role, file: sources[role].table, format: 'table' as const }] : []));
    }
    const dialect: DialectName = opts.engine;
    // PostgreSQL gets every value as a bind parameter; DuckDB (local files) the literal text `channelbench sql` prints.
    const rendering: Rendering = opts.engine === 'postgres' ? 'bound' : 'literal';
    const s = planSettings(flags, config);
    let base: Omit<SqlPlan, 'periods' | 'window' | 'header'> = { dialect, sources, unit: flags.period, ...s };
    if (opts.engine === 'duckdb') {
      // Every line and order read from the files once, into temporary tables the three queries share.
      for (const sql of prepareQueries({ ...base, window: { start: '', end: '' }, header: [] })) await runQuery(session, { sql, params: [] }, opts.engine);
      base = { ...base, prebuilt: PREPARED_CTES };
    }
    const [bounds] = await runQuery(session, orderBoundsQuery({ ...base, window: { start: '', end: '' }, header: [] }, rendering), opts.engine);
    if (!bounds || bounds['first_day'] === null || bounds['first_day'] === undefined) {
      throw new InputError('NO_ORDERS', 'the orders input has no orders (after removing cancelled and invalid rows); nothing to report');
    }
    const dataEnd = parseDay(String(bounds['data_end']));
    const { window } = resolveSpanWindow(parseDay(String(bounds['first_day'])), dataEnd, flags, s.weekStart);
    const periods = buildPeriods(window, dataEnd, flags.period, s.weekStart);
    const all = enginePeriods(periods, flags, s.weekStart, dataEnd);
    const plan0 = {
      ...base,
      periods: all.map((p) => ({ label: p.label, start: formatDay(p.start), end: formatDay(p.end) })),
      window: { start: formatDay(window.start), end: formatDay(window.end - 86_400_000) },
    };
    // Bound: only the header's first line (tool and dialect), so the text carries no user value, not even in a comment.
    const records = await runQuery(session, figureInputsQuery({ ...plan0, header: rendering === 'bound' ? sqlHeader(plan0).slice(0, 1) : sqlHeader(plan0) }, rendering), opts.engine);
    let produced;
    try {
      produced = fromFigureInputRows(figureInputRowsOf(records), all);
    } catch (err) {
      throw summaryError(`${opts.engine} result`, 'json', err);
    }
    const span = { start: all[0]?.start ?? window.start, windowEnd: window.end, dataEnd, otherRoles: true };
    const files = await sqlInputFiles((q) => runQuery(session, q, opts.engine), { ...plan0, header: [] }, span, read, rendering);
    return { run: produced.run, inputs: produced.inputs, withPrevious: all.length > periods.length, files, config, configFile, timeZone: 'UTC', currency: null };
  } finally {
    await session.close();
  }
}
