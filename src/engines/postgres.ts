/**
 * The PostgreSQL engine (`report --engine postgres`): the figure-inputs SQL
 * against tables, in a READ ONLY transaction with a statement timeout. The
 * connection comes from --db URL or the standard PG* environment variables.
 * `pg` is an optional dependency, loaded on demand.
 */
import type { Config } from '../config/schema.js';
import { ConfigError, InputError, UsageError } from '../errors.js';
import { ROLE_FIELDS, ROLES, type Field, type Role } from '../model.js';
import type { SqlSource, SqlSources } from '../sql/figure-inputs-sql.js';
import { firstLine, type SqlSession } from './session.js';

export const PG_PACKAGE = 'pg@8.23.1';
/** Default statement timeout: 10 minutes. */
export const DEFAULT_TIMEOUT_MS = 600_000;

interface PgClient {
  connect(): Promise<void>;
  query(sql: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}
interface PgModule {
  default: { Client: new (config: Record<string, unknown>) => PgClient };
}

export async function openPostgres(url: string | undefined, env: Record<string, string | undefined>, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<SqlSession> {
  if (url === undefined && !env['PGHOST'] && !env['PGDATABASE'] && !env['PGUSER'] && !env['PGPORT'] && !env['PGSERVICE']) {
    throw new UsageError('NO_DATABASE', '--engine postgres needs a database: pass --db postgres://user@host:port/db or set PGHOST, PGPORT, PGDATABASE, PGUSER');
  }
  let mod: PgModule;
  try {
    mod = (await import('pg')) as unknown as PgModule;
  } catch {
    throw new UsageError('PG_NOT_INSTALLED', '--engine postgres needs the optional package pg, which is not installed', { hint: `npm install ${PG_PACKAGE}` });
  }
  // pg reads PG* from process.env itself; pass them explicitly so the caller's env is what counts.
  const fromEnv = {
    host: env['PGHOST'],
    port: env['PGPORT'] ? Number(env['PGPORT']) : undefined,
    database: env['PGDATABASE'],
    user: env['PGUSER'],
    password: env['PGPASSWORD'],
  };
  const client = new mod.default.Client({
    ...(url !== undefined ? { connectionString: url } : Object.fromEntries(Object.entries(fromEnv).filter(([, v]) => v !== undefined))),
    statement_timeout: timeoutMs,
    query_timeout: timeoutMs + 5_000,
    connectionTimeoutMillis: 15_000,
    application_name: 'channelbench',
  });
  try {
    await client.connect();
    await client.query("SET TIME ZONE 'UTC'");
    // Read-only for the whole session (also after a COMMIT), and the transaction we run in.
    await client.query('SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY');
    await client.query('BEGIN TRANSACTION READ ONLY');
  } catch (err) {
    await client.end().catch(() => undefined);
    throw new InputError('DB_UNREACHABLE', `postgres: cannot connect: ${firstLine(err)}`, { hint: 'check --db or the PG* environment variables' });
  }
  return {
    async query(sql, params) {
      // With values, pg uses the extended protocol: one statement, values never parsed as SQL.
      return (await client.query(sql, params ? [...params] : [])).rows;
    },
    async close() {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    },
  };
}

/**
 * Tables per role: config `sources.<role>.table`, else the role's name; a role
 * whose table does not exist is absent (orders must exist). Columns: config
 * `sources.<role>.columns`, else every canonical field (and `line`) that is a
 * column of the table. Looked up with a parameterised catalogue query.
 */
export async function postgresSources(session: SqlSession, config: Config): Promise<SqlSources> {
  const out: Partial<Record<Role, SqlSource>> = {};
  for (const role of ROLES) {
    const cfg = config.sources?.[role];
    const table = cfg?.table ?? role;
    const parts = table.split('.');
    const name = parts.pop()!;
    const schema = parts.pop() ?? null;
    const rows = await session.query(CATALOGUE_QUERY, [name, schema]);
    const have = new Set(rows.map((r) => String(r['column_name'])));
    if (have.size === 0) {
      if (role === 'orders') throw new InputError('NO_ORDERS_TABLE', `postgres: no table "${table}" for orders`, { hint: 'name it in the config: sources.orders.table' });
      if (cfg?.table) throw new ConfigError('SOURCE_TABLE_MISSING', `config sources.${role}.table: no table "${table}"`);
      continue;
    }
    const columns: SqlSource['columns'] = {};
    for (const field of [...(ROLE_FIELDS[role] as readonly Field[]), 'line' as const]) {
      const mapped = (cfg?.columns as Partial<Record<Field | 'line', string>> | undefined)?.[field];
      if (mapped !== undefined) {
        if (!have.has(mapped)) throw new ConfigError('SOURCE_COLUMN_MISSING', `config sources.${role}.columns.${field}: table "${table}" has no column "${mapped}" (columns: ${[...have].join(', ')})`);
        columns[field] = mapped;
      } else if (have.has(field)) {
        columns[field] = field;
      }
    }
    out[role] = { table, columns };
  }
  return { orders: out.orders!, spend: out.spend, traffic: out.traffic, nps: out.nps };
}

/** information_schema lookup, table name $1, schema $2 (else the search path), as bind parameters. */
const CATALOGUE_QUERY = `SELECT column_name FROM information_schema.columns
WHERE table_name = CAST($1 AS TEXT)
  AND (table_schema = CAST($2 AS TEXT) OR (CAST($2 AS TEXT) IS NULL AND table_schema = ANY (current_schemas(false))))
ORDER BY ordinal_position`;
