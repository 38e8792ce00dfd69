/**
 * The `sql` use case: the figure-inputs SQL for a dialect, to run where the
 * data lives. Tables and columns come from config `sources` and --table /
 * --map flags; the window is fixed by --from/--to, or --last with --data-end.
 */
import { loadConfig } from './load-config.js';
import { UsageError } from '../errors.js';
import { DAY_MS, ROLES, ROLE_FIELDS, type Field, type Role } from '../model.js';
import { buildPeriods, formatDay, parseDay } from '../periods/index.js';
import type { DialectName } from '../sql/dialects.js';
import { figureInputsSql, type SqlSource, type SqlSources } from '../sql/figure-inputs-sql.js';
import { planSettings, sqlHeader } from './produce-sql.js';
import type { RunFlags } from './produce.js';
import { resolveSpanWindow } from './run-window.js';

export interface SqlFlags extends RunFlags {
  dialect: DialectName;
  /** --data-end yyyy-MM-dd: the day after the last order day, for --last. */
  dataEnd: string | undefined;
  /** --table role=NAME */
  tables: string[];
  /** --map role.field=COLUMN */
  maps: string[];
  configFile: string | undefined;
}

/** Columns assumed when neither config nor flags name them: the canonical names. */
const DEFAULT_COLUMNS: Record<Role, readonly (Field | 'line')[]> = {
  orders: ['date', 'revenue', 'order_id', 'customer_id', 'channel'],
  spend: ['date', 'channel', 'spend'],
  traffic: ['date', 'channel', 'sessions'],
  nps: ['date', 'score', 'channel', 'customer_id'],
};

export async function runSql(flags: SqlFlags, cwd: string): Promise<string> {
  const { config } = await loadConfig(flags.configFile, undefined, cwd);
  const tables: Partial<Record<Role, string>> = {};
  for (const t of flags.tables) {
    const m = /^(orders|spend|traffic|nps)=(.+)$/.exec(t);
    if (!m) throw new UsageError('BAD_TABLE', `--table ${t}: expected ROLE=TABLE, e.g. --table orders=shop.orders`);
    tables[m[1] as Role] = m[2]!;
  }
  const maps: Partial<Record<Role, Partial<Record<string, string>>>> = {};
  for (const t of flags.maps) {
    const m = /^(orders|spend|traffic|nps)\.([a-z_]+)=(.+)$/.exec(t);
    const role = m?.[1] as Role | undefined;
    if (!m || !role || !([...ROLE_FIELDS[role], 'line'] as readonly string[]).includes(m[2]!)) {
      throw new UsageError('BAD_MAP', `--map ${t}: expected ROLE.FIELD=COLUMN with a field of the role, e.g. --map orders.revenue=total_price`);
    }
    (maps[role] ??= {})[m[2]!] = m[3]!;
  }
  const sources: Partial<Record<Role, SqlSource>> = {};
  for (const role of ROLES) {
    const cfg = config.sources?.[role];
    if (role !== 'orders' && !cfg && !tables[role]) continue;
    const columns: SqlSource['columns'] = {};
    const named = { ...(cfg?.columns ?? {}), ...(maps[role] ?? {}) } as Partial<Record<Field | 'line', string>>;
    for (const f of DEFAULT_COLUMNS[role]) columns[f] = f;
    if (named.revenue === undefined && named.quantity !== undefined && named.unit_price !== undefined) delete columns.revenue;
    Object.assign(columns, named);
    sources[role] = { table: tables[role] ?? cfg?.table ?? role, columns };
  }

  const s = planSettings(flags, config);
  const dataEnd = flags.dataEnd !== undefined ? parseDay(flags.dataEnd) : flags.to !== undefined ? parseDay(flags.to) + DAY_MS : null;
  if (dataEnd === null || (flags.from === undefined && flags.last === undefined)) {
    throw new UsageError('SQL_NEEDS_WINDOW', 'sql: the window must be fixed: pass --from and --to, or --last with --data-end (the day after the last order day)', {
      hint: 'e.g. channelbench sql --dialect bigquery --from 2024-01-01 --to 2024-06-30 --period week',
    });
  }
  const firstTime = flags.from !== undefined ? parseDay(flags.from) : dataEnd - DAY_MS;
  const { window } = resolveSpanWindow(firstTime, dataEnd, flags, s.weekStart);
  const periods = buildPeriods(window, dataEnd, flags.period, s.weekStart);
  const plan = {
    dialect: flags.dialect,
    sources: sources as SqlSources,
    unit: flags.period,
    ...s,
    periods: periods.map((p) => ({ label: p.label, start: formatDay(p.start), end: formatDay(p.end) })),
    window: { start: formatDay(window.start), end: formatDay(window.end - DAY_MS) },
  };
  return figureInputsSql({ ...plan, header: sqlHeader(plan) });
}
export { DIALECTS } from '../sql/dialects.js';
