/**
 * The embedded DuckDB engine (`report --engine duckdb`): the figure-inputs SQL
 * over the input files, Parquet or clean CSV, without loading them into this
 * process. DuckDB is an optional dependency, loaded on demand.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { mapColumns } from '../ingest/columns.js';
import type { InputSpec } from '../ingest/load.js';
import { ROLE_FIELDS, type Field, type Role } from '../model.js';
import { bytesOf } from '../model/byte-size.js';
import type { SqlSource, SqlSources } from '../sql/figure-inputs-sql.js';
import { firstLine, type SqlSession } from './session.js';

export const DUCKDB_PACKAGE = '@duckdb/node-api@1.5.5-r.5';

interface DuckModule {
  DuckDBInstance: { create(path: string, options?: Record<string, string>): Promise<{ connect(): Promise<DuckConnection> }> };
}
interface DuckConnection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{ getRowObjects(): Record<string, unknown>[] }>;
  closeSync?(): void;
}

/** The default of --engine-memory: DuckDB's buffer memory; beyond it, it spills to a temporary directory. */
export const DEFAULT_DUCKDB_MEMORY = '1GB';

export interface DuckdbOptions {
  /** DuckDB's memory_limit, e.g. `1GB`, `512MB` (default DEFAULT_DUCKDB_MEMORY). */
  memoryLimit?: string | undefined;
}

/**
 * Opens an in-memory DuckDB with UTC as its time zone, a memory limit and a
 * private temporary directory it spills to (removed on close).
 * @throws UsageError (exit 2) when the package is not installed.
 */
export async function openDuckdb(opts: DuckdbOptions = {}): Promise<SqlSession> {
  let mod: DuckModule;
  try {
    mod = (await import('@duckdb/node-api')) as unknown as DuckModule;
  } catch {
    throw new UsageError('DUCKDB_NOT_INSTALLED', '--engine duckdb needs the optional package @duckdb/node-api, which is not installed', {
      hint: `npm install ${DUCKDB_PACKAGE} (or run without --engine duckdb: the in-process engine reads the same files)`,
    });
  }
  const memoryLimit = opts.memoryLimit ?? DEFAULT_DUCKDB_MEMORY;
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'channelbench-duckdb-'));
  let conn: DuckConnection;
  try {
    const db = await mod.DuckDBInstance.create(':memory:', { memory_limit: memoryLimit, temp_directory: tempDir, threads: String(threadsFor(memoryLimit)) });
    conn = await db.connect();
    await conn.run("SET TimeZone = 'UTC'");
  } catch (err) {
    await rm(tempDir, { recursive: true, force: true });
    throw err;
  }
  return {
    async query(sql, params) {
      if (params && params.length > 0) throw new Error('the DuckDB session runs literal SQL only');
      return (await conn.runAndReadAll(sql)).getRowObjects().map(plainRow);
    },
    async close() {
      conn.closeSync?.();
      await rm(tempDir, { recursive: true, force: true });
    },
  };
}

/**
 * DuckDB's threads for a memory limit: one per core, but at most one per 250 MB of the
 * limit (each thread holds its own buffers; on a many-core machine the default 1GB would
 * otherwise be split too thin and fail instead of spilling).
 */
export function threadsFor(memoryLimit: string): number {
  const bytes = bytesOf(memoryLimit) ?? 1e9;
  return Math.max(1, Math.min(os.availableParallelism(), Math.floor(bytes / 250e6)));
}

/** Out of memory is the limit's doing, not the data's: a usage error (exit 2) naming --engine-memory. */
export function throwIfOutOfMemory(message: string): void {
  if (!/out of memory/i.test(message)) return;
  throw new UsageError('ENGINE_MEMORY', `duckdb: the query needs more memory than --engine-memory allows (${message})`, {
    hint: `raise --engine-memory (default ${DEFAULT_DUCKDB_MEMORY}); beyond the limit DuckDB spills to a temporary directory, but some blocks must fit`,
  });
}

/** DuckDB values as plain JS: BIGINT/HUGEINT → number, DECIMAL → number. */
function plainRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (typeof v === 'bigint') out[k] = Number(v);
    else if (v !== null && typeof v === 'object' && 'toDouble' in v && typeof v.toDouble === 'function') out[k] = (v.toDouble as () => number)();
    else out[k] = v;
  }
  return out;
}

/** The row-number column the CSV views add (never a column of the file's header). */
const ROW_COLUMN = 'cb_file_row';
const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** What the DuckDB engine reads: Parquet, and delimited text (optionally gzip-compressed). */
function relationOf(spec: InputSpec): { kind: 'parquet' | 'csv'; from: string } {
  const file = spec.path.toLowerCase().replace(/\.gz$/, '');
  if (spec.path === '-') throw new UsageError('ENGINE_NO_STDIN', '--engine duckdb reads files, not standard input', { hint: 'pass a file name, or run without --engine' });
  if (file.endsWith('.parquet')) return { kind: 'parquet', from: `read_parquet(${quote(spec.path)}, file_row_number = true)` };
  if (/\.(csv|tsv|tab|txt)$/.test(file)) {
    const delim = spec.delimiter === undefined ? '' : `, delim = ${quote(spec.delimiter)}`;
    return { kind: 'csv', from: `read_csv(${quote(spec.path)}, header = true, all_varchar = true${delim})` };
  }
  throw new UsageError('ENGINE_FORMAT', `--engine duckdb reads Parquet and CSV files, not ${path.basename(spec.path)}`, {
    hint: 'run without --engine duckdb: the in-process engine reads JSON and NDJSON',
  });
}

function refuseMessyOptions(spec: InputSpec): void {
  const flag = spec.dateFormat !== undefined ? '--date-format' : spec.decimalStyle === 'comma' ? '--decimal-comma' : spec.preset?.adjust && spec.preset.name !== 'online-retail' ? `--preset ${spec.preset.name}` : null;
  if (flag) {
    throw new UsageError('ENGINE_CLEAN_INPUT_ONLY', `${spec.path}: --engine duckdb reads clean files only (ISO dates, dot decimals), so ${flag} cannot apply`, {
      hint: 'run without --engine duckdb: the in-process engine reads messy exports',
    });
  }
}

/**
 * One view per input file, `cb_<role>`, with the canonical field names, the
 * date as a UTC TIMESTAMP and `line` = the row's position in the file; column
 * mapping as for the in-process engine (flags, config, preset, synonyms).
 */
export async function duckdbSources(session: SqlSession, specs: readonly InputSpec[], cwd: string): Promise<SqlSources> {
  const out: Partial<Record<Role, SqlSource>> = {};
  for (const spec0 of specs) {
    const spec = { ...spec0, path: path.resolve(cwd, spec0.path) };
    refuseMessyOptions(spec);
    const rel = relationOf(spec);
    const raw = `cb_raw_${spec.role}`;
    // The row's position in the file: Parquet's file_row_number; for CSV, row_number() over the
    // file in its order (an empty OVER keeps the input order: https://duckdb.org/docs/stable/sql/dialect/order_preservation).
    let header: string[];
    const rowCol = rel.kind === 'parquet' ? 'file_row_number' : ROW_COLUMN;
    try {
      const numbered = rel.kind === 'parquet' ? `SELECT * FROM ${rel.from}` : `SELECT *, row_number() OVER () - 1 AS ${ROW_COLUMN} FROM ${rel.from}`;
      await session.query(`CREATE TEMP VIEW ${raw} AS ${numbered}`);
      header = (await session.query(`DESCRIBE SELECT * FROM ${raw}`)).map((r) => String(r['column_name'])).filter((c) => c !== rowCol);
    } catch (err) {
      throwIfOutOfMemory(firstLine(err));
      throw new InputError('ENGINE_UNREADABLE', `${spec0.path}: DuckDB cannot read the file: ${firstLine(err)}`, { hint: 'run without --engine duckdb to read it with the in-process engine' });
    }
    const mapping = mapColumns({ role: spec.role, file: spec0.path, header, flags: spec.flags, config: spec.config, preset: spec.preset, constants: spec.constants });
    const select: string[] = [];
    const columns: SqlSource['columns'] = { line: 'line' };
    select.push(`${rowCol} AS line`);
    for (const field of ROLE_FIELDS[spec.role] as readonly Field[]) {
      const m = mapping.fields[field];
      if (!m) continue;
      const value = m.column === null ? quote(m.constant ?? '') : ident(m.column);
      const expr = field === 'date' ? `CAST(CAST(${value} AS TIMESTAMPTZ) AS TIMESTAMP)` : value;
      select.push(`${expr} AS ${ident(field)}`);
      columns[field] = field;
    }
    await session.query(`CREATE TEMP VIEW cb_${spec.role} AS SELECT ${select.join(', ')} FROM ${raw}`);
    out[spec.role] = { table: `cb_${spec.role}`, columns, uniqueLine: true };
  }
  if (!out.orders) throw new UsageError('MISSING_ROLE', 'no orders input: pass --orders FILE or --data DIR');
  return { orders: out.orders, spend: out.spend, traffic: out.traffic, nps: out.nps };
}
