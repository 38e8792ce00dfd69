/**
 * The `report` use case: read inputs, build periods, compute figures, and
 * return the channelbench.report/v1 document. Never prints, never exits.
 */
import path from 'node:path';
import type { Benchmarks } from '../benchmarks/schema.js';
import { CONFIG_FILE } from '../config/config-file.js';
import type { Config } from '../config/schema.js';
import { UsageError } from '../errors.js';
import type { FileReport, ReadProgress } from '../ingest/load.js';
import { finishFigures } from '../metrics/index.js';
import { DEFAULT_MIN_SAMPLE } from '../model/comparison.js';
import type { FigureInputRow } from '../summary/schema.js';
import { toFigureInputRows } from '../summary/table.js';

import { previousPeriod, produceInProcess, resolveMetricSettings, type Engine, type Produced, type RunFlags } from './produce.js';
import { buildReport, type Report } from '../report/model.js';
import type { InputFlags } from './inputs.js';

export interface ReportFlags extends RunFlags {
  /** --benchmarks FILE (else the config's `benchmarks`). */
  benchmarksFile?: string | undefined;
  confidence?: number | undefined;
  baselineFile?: string | undefined;
  /** --engine (default in-process). */
  engine?: Engine | undefined;
  /** --db URL for --engine postgres. */
  db?: string | undefined;
  /** --db-timeout: the statement timeout of --engine postgres, seconds (default 600). */
  dbTimeout?: number | undefined;
  /** --engine-memory: DuckDB's memory limit (e.g. 1GB). */
  engineMemory?: string | undefined;
  /** --summary FILE: finish a report from figure inputs. */
  summaryFile?: string | undefined;
  /** Environment (PG* variables for --engine postgres). */
  env?: Record<string, string | undefined> | undefined;
}

export interface ReportResult {
  report: Report;
  files: FileReport[];
  config: Config;
  /** The figure inputs of the report's periods (`--format summary`). */
  summary: FigureInputRow[];
}

export { previousPeriod, resolveMetricSettings };

export async function runReport(
  input: InputFlags,
  flags: ReportFlags,
  cwd: string,
  stdin?: NodeJS.ReadableStream,
  progress?: (p: ReadProgress) => void,
): Promise<ReportResult> {
  const produced = await produce(input, flags, cwd, stdin, progress);
  const { run, inputs } = produced;
  const benchmarks = await loadBenchmarks(flags.benchmarksFile, produced.config, produced.configFile, cwd);
  const baseline = flags.baselineFile === undefined ? null : await (await import('./baseline.js')).readBaseline(flags.baselineFile, cwd);
  // Finishing is the same for every engine: figure inputs → figures → report.
  const all = finishFigures(inputs, run.settings);
  const figures = produced.withPrevious ? all.slice(1) : all;
  const previous = produced.withPrevious ? all.slice(0, -1) : null;
  const report = buildReport(figures, {
    confidence: flags.confidence ?? 0.95,
    benchmarks,
    minSample: produced.config.settings?.min_sample ?? DEFAULT_MIN_SAMPLE,
    previous,
    baseline,
    window: run.window,
    dataEnd: run.dataEnd,
    unit: run.unit,
    weekStart: run.weekStart,
    timeZone: produced.timeZone,
    currency: produced.currency,
    settings: run.settings,
    cancelledStatuses: run.cancelledStatuses,
    files: produced.files,
  });
  const reportInputs = produced.withPrevious ? { ...inputs, periods: inputs.periods.slice(1) } : inputs;
  return { report, files: produced.files, config: produced.config, summary: toFigureInputRows(reportInputs, run) };
}

async function produce(input: InputFlags, flags: ReportFlags, cwd: string, stdin?: NodeJS.ReadableStream, progress?: (p: ReadProgress) => void): Promise<Produced> {
  if (flags.engine !== 'postgres' && (flags.db !== undefined || flags.dbTimeout !== undefined)) throw new UsageError('DB_WITHOUT_POSTGRES', `${flags.db !== undefined ? '--db' : '--db-timeout'} applies to --engine postgres only`);
  if (flags.engine !== 'duckdb' && flags.engineMemory !== undefined) throw new UsageError('MEMORY_WITHOUT_DUCKDB', '--engine-memory applies to --engine duckdb only');
  if (flags.summaryFile !== undefined) {
    if (flags.engine !== undefined && flags.engine !== 'in-process') throw new UsageError('SUMMARY_AND_ENGINE', `--summary and --engine ${flags.engine} cannot be combined: the summary file is the engine's result`);
    if (input.dataDir !== undefined || Object.keys(input.files).length > 0) throw new UsageError('SUMMARY_AND_INPUTS', '--summary replaces the input files: drop --data/--orders/--spend/--traffic/--nps');
    const { produceFromSummary } = await import('./produce-summary.js');
    return produceFromSummary(flags.summaryFile, flags, input.configFile, cwd);
  }
  if (flags.engine === 'duckdb' || flags.engine === 'postgres') {
    if (flags.engine === 'postgres' && (input.dataDir !== undefined || Object.keys(input.files).length > 0)) {
      throw new UsageError('POSTGRES_AND_FILES', '--engine postgres reads tables, not files: drop --data/--orders/…', { hint: 'name the tables in the config: sources.orders.table, …' });
    }
    if (flags.engine === 'duckdb' && input.skipInvalid) throw new UsageError('ENGINE_SKIP_INVALID', '--skip-invalid applies to the in-process engine only (the DuckDB engine reads clean files)');
    // The SQL engines (and their SQL generator) load only when asked for.
    const { produceWithSql } = await import('./produce-sql.js');
    return produceWithSql(input, flags, { engine: flags.engine, db: flags.db, env: flags.env ?? {}, timeoutMs: flags.dbTimeout === undefined ? undefined : Math.round(flags.dbTimeout * 1000), memoryLimit: flags.engineMemory }, cwd);
  }
  return produceInProcess(input, flags, cwd, stdin, progress);
}

/**
 * --benchmarks FILE, else the config's inline `benchmarks` or a path to them
 * (relative to the config file). Their schema loads only when there are some.
 */
export async function loadBenchmarks(file: string | undefined, config: Config, configFile: string | null, cwd: string): Promise<Benchmarks | null> {
  const b = config.benchmarks;
  if (file === undefined && b === undefined) return null;
  const { parseBenchmarks, readBenchmarksFile } = await import('../benchmarks/load.js');
  if (file !== undefined) return readBenchmarksFile(path.resolve(cwd, file), file);
  if (b === undefined) return null; // (not reached: narrows b)
  const label = configFile ?? CONFIG_FILE;
  if (typeof b === 'string') {
    const dir = configFile ? path.dirname(path.resolve(cwd, configFile)) : cwd;
    return readBenchmarksFile(path.resolve(dir, b), b);
  }
  return parseBenchmarks(b, label, 'benchmarks');
}
